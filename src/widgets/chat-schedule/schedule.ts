import { occurrences, type Occurrence } from '../../core/time/recurrence.js';
import { wallTime } from '../../core/time/zones.js';
import type { Chat } from './chat-schedule.schema.js';

export interface Item extends Occurrence {
  chat: Chat;
  /** Whether this is the chat's first listed occurrence (the one a countdown is for). */
  next: boolean;
}

export interface Filter {
  platform?: string;
  hashtag?: string;
}

export const tag = (c: Chat): string => (c.hashtag ?? '').replace(/^#/, '');

/** The next `show` occurrences of every chat that passes the filter, in time order. */
export function upcoming(chats: Chat[], now: number, show: number, withCancelled: boolean, f: Filter = {}): Item[] {
  return chats
    .filter((c) => (!f.platform || c.platform == f.platform) && (!f.hashtag || tag(c) == f.hashtag))
    .flatMap((chat) => occurrences(chat, new Date(now), show, { includeCancelled: withCancelled }).map((o, _, all) => ({ ...o, chat, next: o == all.find((x) => !x.cancelled) })))
    .sort((a, b) => +a.start - +b.start)
    .slice(0, show);
}

/** Whole days from `now`'s date to `t`'s date on the wall clock of `tz` (0 today, 1 tomorrow). */
export const dayDiff = (tz: string, now: number, t: number): number => Math.round((Math.floor(wallTime(tz, t) / 864e5) * 864e5 - Math.floor(wallTime(tz, now) / 864e5) * 864e5) / 864e5);

/** `2 h 15 min` style parts, minutes rounded up: [days, hours, minutes]. */
export function until(now: number, t: number): [number, number, number] {
  const m = Math.ceil((t - now) / 6e4);
  return [Math.floor(m / 1440), Math.floor((m % 1440) / 60), m % 60];
}

/** "America/New_York" → "New York". */
export const place = (tz: string): string => tz.split('/').pop()!.replace(/_/g, ' ');
