import { listFormat, numberFormat } from '../../core/i18n/format.js';
import { occurrences, type Occurrence } from '../../core/time/recurrence.js';
import { wallTime } from '../../core/time/zones.js';
import type { Chat } from './chat-schedule.schema.js';
import type { CalendarEvent } from '../../core/time/ics.js';
import { safeUrl } from '../../core/urls.js';

export interface Item extends Occurrence {
  chat: Chat;
  /** Whether this is the chat's first listed occurrence (the one a countdown is for). */
  next: boolean;
}

/** One chat with its coming dates in time order: cancelled ones among them, at most `per` real ones. */
export interface Entry {
  chat: Chat;
  dates: Occurrence[];
}

export interface Filter {
  platform?: string;
  hashtag?: string;
}

/**
 * The `webcal:` address a calendar app subscribes to, from a config's `subscribeUrl` (webcal, http(s), or a path
 * resolved against the page), or undefined for anything else.
 */
export function webcalUrl(value: string | undefined, base: string): string | undefined {
  if (!value?.trim()) return undefined;
  try {
    const url = new URL(value.trim(), base);
    if (url.protocol === 'webcal:') return url.href;
    if (url.protocol === 'https:' || url.protocol === 'http:') return 'webcal:' + url.href.slice(url.protocol.length);
  } catch {
    /* not an address */
  }
  return undefined;
}

/**
 * A chat as a calendar event, for the widget's `.ics` and links and the pipeline's `chats.ics`. A calendar keeps one
 * event per UID: the chat's id at the site's `host` (the page's, or the pipeline's `site.url`), so two sites'
 * "weekly" chats stay two.
 */
export const chatEvent = (chat: Chat, host: string): CalendarEvent => ({
  ...chat,
  uid: `${chat.id}@${host || 'carecircle'}`,
  url: safeUrl(chat.url),
});

export const tag = (c: Chat): string => (c.hashtag ?? '').replace(/^#/, '');

/** Whether a chat passes the platform and hashtag filter. */
export const passes = (f: Filter) => (c: Chat) => (!f.platform || c.platform == f.platform) && (!f.hashtag || tag(c) == f.hashtag);

/** One chat's next `show` occurrences as agenda items (the first real one marked `next`). */
export const itemsOf = (chat: Chat, now: number, show: number, withCancelled: boolean): Item[] =>
  occurrences(chat, new Date(now), show, { includeCancelled: withCancelled }).map((o, _, all) => ({
    ...o,
    chat,
    next: o == all.find((x) => !x.cancelled),
  }));

/** Every chat's items in time order, the first `show` of them. */
export const agenda = (items: Item[][], show: number): Item[] =>
  items
    .flat()
    .sort((a, b) => +a.start - +b.start)
    .slice(0, show);

/** The next `show` occurrences of every chat that passes the filter, in time order (the agenda layout). */
export const upcoming = (chats: Chat[], now: number, show: number, withCancelled: boolean, f: Filter = {}): Item[] =>
  agenda(
    chats.filter(passes(f)).map((chat) => itemsOf(chat, now, show, withCancelled)),
    show,
  );

/** One chat with its next `per` real dates and the cancelled ones among them (no dates: nothing to come). */
export function entryOf(chat: Chat, now: number, per: number, withCancelled: boolean): Entry {
  let n = 0;
  // COUNT-style: cancelled dates take places in the walk, so ask for enough to find `per` real ones.
  const all = occurrences(chat, new Date(now), per + chat.exceptions.length, { includeCancelled: withCancelled });
  return { chat, dates: all.filter((o) => (o.cancelled ? n < per : ++n <= per)) };
}

/** Entries with dates, ordered by the next real chat (a chat with only cancelled dates comes last). */
export function byNext(entries: Entry[]): Entry[] {
  const key = (e: Entry) => +(e.dates.find((o) => !o.cancelled) ?? { start: Infinity }).start;
  return entries.filter((e) => e.dates.length).sort((a, b) => key(a) - key(b) || +a.dates[0]!.start - +b.dates[0]!.start);
}

/**
 * Each chat that passes the filter once, with its next `per` real dates and the cancelled ones among them,
 * ordered by the next real chat (a chat with only cancelled dates comes last). Chats with nothing to come are left out.
 */
export const byChat = (chats: Chat[], now: number, per: number, withCancelled: boolean, f: Filter = {}): Entry[] =>
  byNext(chats.filter(passes(f)).map((chat) => entryOf(chat, now, per, withCancelled)));

/** Whole days from `now`'s date to `t`'s date on the wall clock of `tz` (0 today, 1 tomorrow). */
export const dayDiff = (tz: string, now: number, t: number): number =>
  Math.round((Math.floor(wallTime(tz, t) / 864e5) * 864e5 - Math.floor(wallTime(tz, now) / 864e5) * 864e5) / 864e5);

/** Days, hours and minutes from `now` to `t`, minutes rounded up. */
export function until(now: number, t: number): [number, number, number] {
  const m = Math.ceil((t - now) / 6e4);
  return [Math.floor(m / 1440), Math.floor((m % 1440) / 60), m % 60];
}

/** What a countdown to `at` names: days; hours under 2 days; minutes under one (`{ days: 1, hours: 9 }`). */
export function durationParts(now: number, at: number): Record<string, number> {
  const [d, h, m] = until(now, at);
  const parts: Record<string, number> = {};
  if (d) parts.days = d;
  if (d < 2 && h) parts.hours = h;
  if (!d && m) parts.minutes = m;
  return parts;
}

type DurationFormat = new (locale: string, options: { style: 'long' }) => { format(d: Record<string, number>): string };
const native = (Intl as unknown as { DurationFormat?: DurationFormat }).DurationFormat;
const formats = new Map<string, { format(d: Record<string, number>): string }>();

const UNITS: Record<string, string> = { days: 'day', hours: 'hour', minutes: 'minute' };

/**
 * The time until `t` as words a screen reader speaks well: "2 hours, 15 minutes", "1 day, 9 hours", "6 days"
 * (days; hours under 2 days; minutes under a day), in `locale`. `Intl.DurationFormat` (long) where the browser has
 * it, else each unit by `Intl.NumberFormat` (long unit style: the language's own plural forms) joined by the
 * locale's "and": "1 day and 14 hours".
 */
export function durationWords(locale: string, now: number, at: number, DF: DurationFormat | null = native ?? null): string {
  const parts = durationParts(now, at);
  if (!DF)
    return listFormat(locale).format(
      Object.entries(parts).map(([k, n]) => numberFormat(locale, { style: 'unit', unit: UNITS[k], unitDisplay: 'long' }).format(n)),
    );
  if (DF != native) return new DF(locale, { style: 'long' }).format(parts);
  let f = formats.get(locale);
  if (!f) formats.set(locale, (f = new DF(locale, { style: 'long' })));
  return f.format(parts);
}
