import * as z from 'zod/mini';
import { commonFields, localName, localText, text, webUrl, headingLevel } from '../../core/config/schema.js';
import { between, matching, rule } from '../../core/config/checks.js';
import { uniqueIds } from '../../core/config/rules.js';
import { schedule, timeZoneName as zone, ruleFitsStart } from '../../core/time/schedule.schema.js';

/** One recurring (or one-off) chat. `start` is a wall time in the chat's own `timeZone`. */
const chat = ruleFitsStart(
  z.strictObject({
    /** Unique id of the chat: calendars tell chats apart by it (a repeated one is skipped), so keep it when the chat changes. */
    id: text(),
    /** The chat's name, e.g. "#bcsm weekly chat". Text, or text by language (`{ "en": "…", "es": "…" }`), as every text patients read. */
    title: localName(),
    /** Its hashtag, with or without `#`; the hashtag filter lists these. */
    hashtag: z.optional(z.string()),
    /** Where it happens: `x`, `bluesky`, `mastodon`, `facebook`, `zoom` or `other`. */
    platform: z._default(z.enum(['x', 'bluesky', 'mastodon', 'facebook', 'zoom', 'other']), 'other'),
    /** Where to join (https). Also the "Live now — join" link. */
    url: z.optional(webUrl()),
    /** A sentence about the chat (hidden in the compact layout; written into calendar files). */
    description: z.optional(localText()),
    /** Host names or handles, shown as text. */
    hosts: z._default(z.array(z.string()), []),
    /** IANA zone name. In a chat: the zone `start` is in. At the root: the viewer's zone (default: the `time-zone` attribute, else the browser's). */
    timeZone: zone(),
    /** First occurrence, as a wall time in the chat's `timeZone`: `2026-01-05T21:00`. */
    start: schedule.start(),
    /** Length in minutes (1 to 1440). */
    durationMinutes: z._default(schedule.durationMinutes(), 60),
    /**
     * RFC 5545 repeat rule: FREQ=DAILY|WEEKLY|MONTHLY, INTERVAL, BYDAY (`MO`, `2TU`, `-1FR`), BYMONTHDAY, COUNT, UNTIL, WKST. None: a one-off.
     * UNTIL as a date (`20261231`) means to the end of that day in the chat's zone (calendar files get it as a UTC time).
     */
    rrule: z.optional(schedule.rrule()),
    /**
     * Dates (`YYYY-MM-DD`, in the chat's zone) with no chat: shown as cancelled or left out (`showCancelled`), and left
     * out of calendar files. Google Calendar's link cannot leave them out: its menu item says so.
     */
    exceptions: z._default(schedule.exceptions(), []),
    /** Topic by date (`YYYY-MM-DD` in the chat's zone), shown with that occurrence. */
    topics: z._default(z.record(z.string(), localText()), {}),
  }),
);

export const chatScheduleSchema = z.strictObject({
  ...commonFields,
  /** The chats. */
  // Runs even when some chats are invalid, so paths name the editor's own positions.
  chats: rule(z.array(chat), uniqueIds, ['chats', 'duplicateChatId'], null, undefined, (p) => Array.isArray(p.value)),
  /** How many upcoming occurrences to list. */
  show: z._default(between(1, 100, true), 8),
  /** The viewer's zone; default the `time-zone` attribute, else the browser's. */
  timeZone: z.optional(zone()),
  /**
   * `list`: each chat once, its next date first and up to 2 more below it (at most `show` dates a chat);
   * `compact`: the same for sidebars, without descriptions; `agenda`: the next `show` dates of all chats, day by day.
   */
  layout: z._default(z.enum(['list', 'compact', 'agenda']), 'list'),
  /** Show exception dates as cancelled (true) or leave them out. */
  showCancelled: z._default(z.boolean(), true),
  /** Offer platform and hashtag filters when there is more than one of either. */
  filters: z._default(z.boolean(), true),
  /** Optional heading above the list (h2, or the level `headingLevel` gives). */
  heading: z.optional(localText()),
  /** The level of that heading, 2 to 6 (default: the `heading-level` attribute, else 2); each chat's title is one below. */
  headingLevel: headingLevel(),
  /**
   * Where a calendar of these chats is published (`carecircle publish` writes `chats.ics`): a `webcal://` or
   * `https://` address, or a path on this site like `/carecircle/chats.ics`. "Add all chats to your calendar" then
   * subscribes to it (`webcal:`), so a reader's calendar app keeps the chats up to date, instead of downloading a copy.
   */
  subscribeUrl: z.optional(
    matching(/^(?:[Ww][Ee][Bb][Cc][Aa][Ll]:\/\/|[Hh][Tt][Tt][Pp][Ss]?:\/\/|\/(?!\/))\S*$/, { key: 'calendarAddress' }),
  ),
});

/** A chat schedule config as people write it (keys with defaults may be left out). */
export type ChatScheduleConfig = z.input<typeof chatScheduleSchema>;
/** A chat schedule config after validation, with every default filled in. */
export type ResolvedChatScheduleConfig = z.output<typeof chatScheduleSchema>;
export type Chat = ResolvedChatScheduleConfig['chats'][number];
