import { dateFormat } from '../i18n/format.js';

// Zone math with Intl alone: an instant's wall time comes from formatToParts, and a wall time's instant
// from the offsets either side of it. Wall times are "naive" milliseconds: the wall clock read as if UTC.

const DAY = 864e5;

/** Whether the runtime knows this IANA zone name (`Australia/Sydney`, `UTC`). */
export function isValidTimeZone(tz: string): boolean {
  try {
    dateFormat('en', { timeZone: tz });
    return !!tz;
  } catch {
    return false;
  }
}

/** Wall times already read, by zone and instant: a schedule asks for the same ones many times a minute. */
const walls = new Map<string, number>();

/** The wall clock in `tz` at instant `t`, as naive ms (whole seconds). */
export function wallTime(tz: string, t: number): number {
  const key = tz + ' ' + t;
  let w = walls.get(key);
  if (w === undefined) {
    const p: Record<string, number> = {};
    for (const { type, value } of dateFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }).formatToParts(t))
      p[type] = +value;
    if (walls.size > 4e3) walls.clear();
    walls.set(key, (w = Date.UTC(p.year!, p.month! - 1, p.day, p.hour, p.minute, p.second)));
  }
  return w;
}

/** UTC offset of `tz` at instant `t`, in ms. */
export const offsetAt = (tz: string, t: number): number => wallTime(tz, t) - Math.floor(t / 1e3) * 1e3;

/**
 * The instant of naive wall time `w` in `tz` (RFC 5545 §3.3.5): a time repeated when clocks go back is the
 * first one; a time skipped when clocks go forward is read with the offset before the gap, so it moves
 * forward by the gap (02:30 on a spring-forward night becomes 03:30).
 */
export function toInstant(tz: string, w: number): number {
  const before = w - offsetAt(tz, w - DAY);
  const after = w - offsetAt(tz, w + DAY);
  const fits = [before, after].filter((t) => wallTime(tz, t) === w);
  return fits.length ? Math.min(...fits) : before;
}

/** `YYYY-MM-DDTHH:mm` (seconds optional) → naive ms, or NaN. */
export function parseWall(s: string): number {
  const m = /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d))?)?$/.exec(s);
  if (!m) return NaN;
  const [, y, mo, d, h, mi, se] = m.map((x) => +x! || 0);
  const w = Date.UTC(y!, mo! - 1, d, h, mi, se);
  // Reject 2026-02-30, 2026-13-01, 2026-00-15 and 25:00 rather than rolling them over.
  return new Date(w).getUTCDate() === d && mo! > 0 && mo! < 13 && h! < 24 && mi! < 60 && se! < 60 ? w : NaN;
}

/** Naive ms → `YYYY-MM-DD`. */
export const isoDate = (w: number): string => new Date(w).toISOString().slice(0, 10);
