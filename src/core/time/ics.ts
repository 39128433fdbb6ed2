import { offsetAt, parseWall, toInstant } from './zones.js';
import { occurrences, type Recurring } from './recurrence.js';

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
 * The offset changes of `tz` between the two years as [instant, offset before, offset after] (Intl has no
 * rules to export, so they are found by sampling weekly, then bisecting to the minute).
 */
export function transitions(tz: string, fromYear: number, toYear: number): [number, number, number][] {
  const out: [number, number, number][] = [];
  let o = offsetAt(tz, Date.UTC(fromYear, 0));
  for (let t = Date.UTC(fromYear, 0); t < Date.UTC(toYear + 1, 0); t += 7 * DAY) {
    let hi = t + 7 * DAY;
    const next = offsetAt(tz, hi);
    if (next == o) continue;
    let lo = t;
    while (hi - lo > 6e4) {
      const mid = lo + Math.floor((hi - lo) / 12e4) * 6e4;
      offsetAt(tz, mid) == o ? (lo = mid) : (hi = mid);
    }
    out.push([hi, o, (o = next)]);
  }
  return out;
}

/** A VTIMEZONE for `tz`: the offset at the start, then one observance per change. */
export function vtimezone(tz: string, fromYear: number, toYear: number, changes = transitions(tz, fromYear, toYear)): string[] {
  const o = offsetAt(tz, Date.UTC(fromYear, 0));
  return [
    'BEGIN:VTIMEZONE',
    'TZID:' + tz,
    ...[[Date.UTC(1970, 0), o, o], ...changes].flatMap(([at, from, to], i) => {
      const kind = i && to > from ? 'DAYLIGHT' : 'STANDARD';
      return [`BEGIN:${kind}`, `DTSTART:${icsTime(at + from)}`, `TZOFFSETFROM:${offset(from)}`, `TZOFFSETTO:${offset(to)}`, `END:${kind}`];
    }),
    'END:VTIMEZONE',
  ];
}

/** RFC 5545 wants UNTIL in UTC when DTSTART has a TZID: convert local dates and times. */
const utcUntil = (rule: string, tz: string): string =>
  rule.replace(/^RRULE:/i, '').toUpperCase().replace(/UNTIL=(\d{4})(\d\d)(\d\d)(?:T(\d\d)(\d\d)(\d\d))?(?=;|$)/, (_, y, m, d, h, mi, s) =>
    'UNTIL=' + icsTime(toInstant(tz, parseWall(`${y}-${m}-${d}T${h ? `${h}:${mi}:${s}` : '23:59:59'}`))) + 'Z');

/**
 * One VCALENDAR with every event, each timed in its own zone with a matching VTIMEZONE. An occurrence at a
 * local time that is skipped or repeated by a clock change is pinned: EXDATE at the local time plus RDATE
 * at the RFC 5545 §3.3.5 instant, because parsers differ there (ical.js takes the later reading).
 */
export function toIcs(events: CalendarEvent[], stamp: Date): string {
  const years = new Map<string, number>();
  for (const e of events) years.set(e.timeZone, Math.min(years.get(e.timeZone) ?? 1e4, new Date(parseWall(e.start)).getUTCFullYear()));
  const last = stamp.getUTCFullYear() + 10;
  const changes = new Map([...years].map(([tz, year]) => [tz, transitions(tz, year, Math.max(year, last))]));
  const body = events.flatMap((e) => {
    const tzid = `;TZID=${e.timeZone}:`;
    const tod = parseWall(e.start) % DAY;
    const ex = e.exceptions?.map((d) => parseWall(d) + tod) ?? [];
    const rdates: number[] = [];
    for (const [at, from, to] of changes.get(e.timeZone)!) {
      for (const o of e.rrule ? occurrences(e, new Date(at - 2 * DAY), 4) : []) {
        const w = parseWall(o.date) + tod;
        if (w >= at + Math.min(from, to) && w < at + Math.max(from, to)) ex.push(w), rdates.push(+o.start);
      }
    }
    return [
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${icsTime(+stamp)}Z`,
      // A one-off is written in UTC: one instant, whatever a parser makes of skipped or repeated times.
      e.rrule ? `DTSTART${tzid}${icsTime(parseWall(e.start))}` : `DTSTART:${icsTime(toInstant(e.timeZone, parseWall(e.start)))}Z`,
      `DURATION:PT${e.durationMinutes ?? 60}M`,
      ...(e.rrule ? ['RRULE:' + utcUntil(e.rrule, e.timeZone)] : []),
      ...(ex.length ? [`EXDATE${tzid}${ex.map(icsTime).join()}`] : []),
      ...(rdates.length ? [`RDATE:${rdates.map((t) => icsTime(t) + 'Z').join()}`] : []),
      `SUMMARY:${escapeText(e.title)}`,
      ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
      ...(e.url ? [`URL:${e.url}`] : []),
      'END:VEVENT',
    ];
  });
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//CareCircle//Chat schedule//EN',
    'CALSCALE:GREGORIAN',
    ...[...years].flatMap(([tz, year]) => vtimezone(tz, year, last, changes.get(tz))),
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
