import * as z from 'zod/mini';
import { commonFields, text, webUrl } from '../../core/config/schema.js';
import { isValidTimeZone, parseRRule } from '../../core/time/recurrence.js';
import { parseWall } from '../../core/time/zones.js';

const zone = () => z.string().check(z.refine(isValidTimeZone, { message: 'Not a known time-zone name: use one such as "America/New_York" or "Australia/Sydney".' }));
// A refine is ~0.25 KB smaller than z.int() + z.minimum() + z.maximum() in the bundle.
const whole = (max: number) => z.number().check(z.refine((n) => n % 1 == 0 && n > 0 && n <= max, { message: `Must be a whole number from 1 to ${max}.` }));
const wall = (re: RegExp, message: string) => z.string().check(z.refine((s) => re.test(s) && parseWall(s) > -1e15, { message }));

/** One recurring (or one-off) chat. `start` is a wall time in the chat's own `timeZone`. */
const chat = z.strictObject({
  /** Unique id of the chat (used in .ics UIDs and file names). */
  id: text(),
  /** The chat's name, e.g. "#bcsm weekly chat". */
  title: text(),
  /** Its hashtag, with or without `#`; the hashtag filter lists these. */
  hashtag: z.optional(z.string()),
  /** Where it happens: `x`, `bluesky`, `mastodon`, `facebook`, `zoom` or `other`. */
  platform: z._default(z.enum(['x', 'bluesky', 'mastodon', 'facebook', 'zoom', 'other']), 'other'),
  /** Where to join (https). Also the "Live now — join" link. */
  url: z.optional(webUrl()),
  /** A sentence about the chat (hidden in the compact layout; written into calendar files). */
  description: z.optional(z.string()),
  /** Host names or handles, shown as text. */
  hosts: z._default(z.array(z.string()), []),
  /** IANA zone name. In a chat: the zone `start` is in. At the root: the viewer's zone (default: the `time-zone` attribute, else the browser's). */
  timeZone: zone(),
  /** First occurrence, as a wall time in the chat's `timeZone`: `2026-01-05T21:00`. */
  start: wall(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/, 'Must be a date and time in the chat\'s zone, written like "2026-01-05T21:00".'),
  /** Length in minutes (1 to 1440). */
  durationMinutes: z._default(whole(1440), 60),
  /** RFC 5545 repeat rule: FREQ=DAILY|WEEKLY|MONTHLY, INTERVAL, BYDAY (`MO`, `2TU`, `-1FR`), BYMONTHDAY, COUNT, UNTIL, WKST. None: a one-off. */
  rrule: z.optional(
    z.string().check(
      z.superRefine((v, ctx) => {
        try {
          parseRRule(v);
        } catch (e) {
          ctx.issues.push({ code: 'custom', message: `Not a valid repeat rule: ${(e as Error).message}.`, input: v });
        }
      }),
    ),
  ),
  /** Dates (`YYYY-MM-DD`, in the chat's zone) with no chat: shown as cancelled or left out (`showCancelled`). */
  exceptions: z._default(z.array(wall(/^\d{4}-\d\d-\d\d$/, 'Must be a date written YYYY-MM-DD, like "2026-12-28".')), []),
  /** Topic by date (`YYYY-MM-DD` in the chat's zone), shown with that occurrence. */
  topics: z._default(z.record(z.string(), z.string()), {}),
});

export const chatScheduleSchema = z.strictObject({
  ...commonFields,
  /** The chats. */
  chats: z.array(chat),
  /** How many upcoming occurrences to list. */
  show: z._default(whole(100), 8),
  /** The viewer's zone; default the `time-zone` attribute, else the browser's. */
  timeZone: z.optional(zone()),
  /** `list`, or `compact` for sidebars. */
  layout: z._default(z.enum(['list', 'compact']), 'list'),
  /** Show exception dates as cancelled (true) or leave them out. */
  showCancelled: z._default(z.boolean(), true),
  /** Offer platform and hashtag filters when there is more than one of either. */
  filters: z._default(z.boolean(), true),
  /** Optional heading (h2) above the list. */
  heading: z.optional(z.string()),
});

export type ChatScheduleConfig = z.output<typeof chatScheduleSchema>;
export type Chat = ChatScheduleConfig['chats'][number];
