import { offsetAt, parseWall, toInstant } from './zones.js';
import type { Recurring } from './recurrence.js';

// iCalendar (RFC 5545) writing and calendar links, as pure functions.

export interface CalendarEvent extends Recurring {
  uid: string;
  title: string;
  description?: string;
  url?: string;
}

const DAY = 864e5;

/** Naive or UTC ms → `YYYYMMDDTHHMMSS`. */
export const icsTime = (ms: number): string => new Date(ms).toISOString().replace(/[-:]/g, '').slice(0, 15);

/** RFC 5545 TEXT escaping. */
export const escapeText = (s: string): string => s.replace(/[\\;,]/g, '\\$&').replace(/\r?\n/g, '\\n');

/** Folds a content line at 75 octets of UTF-8, never inside a character. */
export function fold(line: string): string {
  let out = '';
  let n = 0;
  for (const ch of line) {
    const c = ch.codePointAt(0)!;
    const b = c < 128 ? 1 : c < 2048 ? 2 : c < 65536 ? 3 : 4;
    if (n + b > 75) (out += '\r\n '), (n = 1);
    out += ch;
    n += b;
  }
  return out;
}

const offset = (ms: number): string => {
  const m = Math.abs(ms) / 6e4;
  return (ms < 0 ? '-' : '+') + String(((m / 60) | 0) * 100 + (m % 60)).padStart(4, '0');
};

/**
 * A VTIMEZONE for `tz` with one observance per offset change found between the two years (Intl has no
 * rules to export, so the changes are found by sampling weekly, then bisecting to the minute).
 */
export function vtimezone(tz: string, fromYear: number, toYear: number): string[] {
  const lines = ['BEGIN:VTIMEZONE', 'TZID:' + tz];
  const end = Date.UTC(toYear + 1, 0);
  let t = Date.UTC(fromYear, 0);
  let o = offsetAt(tz, t);
  const add = (at: number, from: number, to: number, kind = to > from ? 'DAYLIGHT' : 'STANDARD') =>
    lines.push(`BEGIN:${kind}`, `DTSTART:${icsTime(at + from)}`, `TZOFFSETFROM:${offset(from)}`, `TZOFFSETTO:${offset(to)}`, `END:${kind}`);
  add(Date.UTC(1970, 0), o, o, 'STANDARD');
  for (; t < end; t += 7 * DAY) {
    let hi = t + 7 * DAY;
    const next = offsetAt(tz, hi);
    if (next == o) continue;
    let lo = t;
    while (hi - lo > 6e4) {
      const mid = lo + Math.floor((hi - lo) / 12e4) * 6e4;
      offsetAt(tz, mid) == o ? (lo = mid) : (hi = mid);
    }
    add(hi, o, next);
    o = next;
  }
  return [...lines, 'END:VTIMEZONE'];
}

/** RFC 5545 wants UNTIL in UTC when DTSTART has a TZID: convert local dates and times. */
const utcUntil = (rule: string, tz: string): string =>
  rule.replace(/^RRULE:/i, '').toUpperCase().replace(/UNTIL=(\d{4})(\d\d)(\d\d)(?:T(\d\d)(\d\d)(\d\d))?(?=;|$)/, (_, y, m, d, h, mi, s) =>
    'UNTIL=' + icsTime(toInstant(tz, parseWall(`${y}-${m}-${d}T${h ? `${h}:${mi}:${s}` : '23:59:59'}`))) + 'Z');

/** One VCALENDAR with every event, each timed in its own zone with a matching VTIMEZONE. */
export function toIcs(events: CalendarEvent[], stamp: Date): string {
  const zones = new Map<string, number>();
  const body = events.flatMap((e) => {
    const w = parseWall(e.start);
    const year = new Date(w).getUTCFullYear();
    zones.set(e.timeZone, Math.min(zones.get(e.timeZone) ?? year, year));
    const tzid = `;TZID=${e.timeZone}:`;
    const tod = e.start.slice(10).replace(/:/g, '') + '00';
    return [
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${icsTime(+stamp)}Z`,
      `DTSTART${tzid}${icsTime(w)}`,
      `DURATION:PT${e.durationMinutes ?? 60}M`,
      ...(e.rrule ? ['RRULE:' + utcUntil(e.rrule, e.timeZone)] : []),
      ...(e.exceptions?.length ? [`EXDATE${tzid}${e.exceptions.map((d) => d.replace(/-/g, '') + tod).join()}`] : []),
      `SUMMARY:${escapeText(e.title)}`,
      ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
      ...(e.url ? [`URL:${e.url}`] : []),
      'END:VEVENT',
    ];
  });
  const lastYear = stamp.getUTCFullYear() + 10;
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//CareCircle//Chat schedule//EN',
    'CALSCALE:GREGORIAN',
    ...[...zones].flatMap(([tz, year]) => vtimezone(tz, year, Math.max(year, lastYear))),
    ...body,
    'END:VCALENDAR',
  ].map(fold).join('\r\n') + '\r\n';
}

/** Google Calendar's "add event" link: local times with `ctz`, and the recurrence. */
export function googleCalendarUrl(e: CalendarEvent): string {
  const w = parseWall(e.start);
  const p = new URLSearchParams({ action: 'TEMPLATE', text: e.title, dates: `${icsTime(w)}/${icsTime(w + (e.durationMinutes ?? 60) * 6e4)}`, ctz: e.timeZone });
  if (e.description || e.url) p.set('details', [e.description, e.url].filter(Boolean).join('\n\n'));
  if (e.rrule) p.set('recur', 'RRULE:' + utcUntil(e.rrule, e.timeZone));
  return 'https://calendar.google.com/calendar/render?' + p;
}

/** Outlook.com's compose link: it takes one date, so this is the given occurrence. */
export function outlookUrl(e: CalendarEvent, start: Date, end: Date): string {
  const p = new URLSearchParams({ path: '/calendar/action/compose', rru: 'addevent', subject: e.title, startdt: start.toISOString(), enddt: end.toISOString() });
  if (e.description || e.url) p.set('body', [e.description, e.url].filter(Boolean).join('\n\n'));
  return 'https://outlook.live.com/calendar/0/deeplink/compose?' + p;
}
