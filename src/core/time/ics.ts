import { isoDate, offsetAt, parseWall, toInstant } from './zones.js';
import { DAYS, occurrences, parseRRule, startFits, untilOf, type Recurring } from './recurrence.js';

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
export const escapeText = (s: string): string => s.replace(/[\\;,]/g, '\\$&').replace(/\r\n?|\n/g, '\\n');

/** Folds a content line at 75 octets of UTF-8, never inside a character. */
export function fold(line: string): string {
  let out = '';
  let n = 0;
  for (const ch of line) {
    const c = ch.codePointAt(0)!;
    const b = c < 128 ? 1 : c < 2048 ? 2 : c < 65536 ? 3 : 4;
    if (n + b > 75) ((out += '\r\n '), (n = 1));
    out += ch;
    n += b;
  }
  return out;
}

/** A UTC offset as RFC 5545 writes it: ±hhmm, or ±hhmmss when it has seconds (historic local mean times). */
export function utcOffset(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1e3);
  const hms = [s / 3600, (s / 60) % 60, s % 60].map((n) => String(Math.floor(n)).padStart(2, '0')).join('');
  return (ms < 0 ? '-' : '+') + hms.slice(0, s % 60 ? 6 : 4);
}

type Change = [at: number, from: number, to: number];

/**
 * The offset changes of `tz` between the two years as [instant, offset before, offset after] (Intl has no
 * rules to export, so they are found by sampling weekly, then bisecting to the second).
 */
export function transitions(tz: string, fromYear: number, toYear: number): Change[] {
  const out: Change[] = [];
  let o = offsetAt(tz, Date.UTC(fromYear, 0));
  for (let t = Date.UTC(fromYear, 0); t < Date.UTC(toYear + 1, 0); t += 7 * DAY) {
    let hi = t + 7 * DAY;
    const next = offsetAt(tz, hi);
    if (next == o) continue;
    let lo = t;
    while (hi - lo > 1e3) {
      const mid = lo + Math.floor((hi - lo) / 2e3) * 1e3;
      offsetAt(tz, mid) == o ? (lo = mid) : (hi = mid);
    }
    out.push([hi, o, (o = next)]);
  }
  return out;
}

// The weekdays of a date repeat every 28 years (within a century): a rule that held that long is the zone's rule.
const RULE_YEARS = 28;

/** A change as a yearly rule, read as "nth weekday of the month" (`last` false) or "last weekday", or ''. */
function yearly([at, from, to]: Change, last: boolean): string {
  const w = new Date(at + from);
  const dom = w.getUTCDate();
  const len = new Date(Date.UTC(w.getUTCFullYear(), w.getUTCMonth() + 1, 0)).getUTCDate();
  const n = last ? (dom + 7 > len ? -1 : 0) : dom < 29 ? Math.ceil(dom / 7) : 0;
  return n
    ? `FREQ=YEARLY;BYMONTH=${w.getUTCMonth() + 1};BYDAY=${n}${DAYS[w.getUTCDay()]}|${icsTime(at + from).slice(9)}|${from}|${to}`
    : '';
}

/**
 * The zone's current yearly rules: [first year, RRULE per change of that year], when every year from then to
 * `toYear`, at least RULE_YEARS of them, changes twice on the same "nth (or last) weekday of month at a local
 * time". Zones that move their clocks by other calendars (Ramadan) or on "Sunday on or after the 2nd" have none.
 */
function rules(changes: Change[], toYear: number): [number, string[]] | undefined {
  const years = new Map<number, Change[]>();
  for (const c of changes) {
    const y = new Date(c[0] + c[1]).getUTCFullYear();
    years.set(y, [...(years.get(y) ?? []), c]);
  }
  if (years.get(toYear)?.length != 2) return undefined;
  // Per change of the year, the reading (nth or last) that holds for the most years back from `toYear`.
  let run = Infinity;
  const picked = [0, 1].map((i) => {
    let best: [number, string] = [0, ''];
    for (const last of [false, true]) {
      const rule = yearly(years.get(toYear)![i]!, last);
      let y = toYear;
      while (rule && years.get(y)?.length == 2 && yearly(years.get(y)![i]!, last) == rule) y--;
      if (toYear - y > best[0]) best = [toYear - y, rule];
    }
    run = Math.min(run, best[0]);
    return best[1].split('|')[0]!;
  });
  return run >= RULE_YEARS ? [toYear - run + 1, picked] : undefined;
}

/**
 * A VTIMEZONE for `tz`: the offset at the start, the changes one by one, then, where the zone follows a yearly
 * rule, that rule (so a series with no end keeps the right offsets); otherwise the changes up to `toYear`.
 */
export function vtimezone(tz: string, fromYear: number, toYear: number, changes = transitions(tz, fromYear, toYear)): string[] {
  const o = offsetAt(tz, Date.UTC(fromYear, 0));
  const rule = rules(changes, toYear);
  const listed = rule ? changes.filter(([at, from]) => new Date(at + from).getUTCFullYear() < rule[0]) : changes;
  const ruled = rule ? changes.filter(([at, from]) => new Date(at + from).getUTCFullYear() == rule[0]) : [];
  return [
    'BEGIN:VTIMEZONE',
    'TZID:' + tz,
    ...[[Date.UTC(Math.min(1970, fromYear), 0) - o, o, o], ...listed, ...ruled].flatMap(([at, from, to], i, all) => {
      const r = i - all.length + ruled.length;
      // Daylight time is an offset that goes up and comes back (Liberia leaving its mean time in 1972 did not).
      const kind = i && to > from && (r >= 0 || all[i + 1]?.[2] == from) ? 'DAYLIGHT' : 'STANDARD';
      const rrule = r >= 0 ? [`RRULE:${rule![1][r]}`] : [];
      const offsets = [`TZOFFSETFROM:${utcOffset(from)}`, `TZOFFSETTO:${utcOffset(to)}`];
      return [`BEGIN:${kind}`, `DTSTART:${icsTime(at + from)}`, ...offsets, ...rrule, `END:${kind}`];
    }),
    'END:VTIMEZONE',
  ];
}

/**
 * The rule as an RRULE value (a config may write an `RRULE:` prefix and spaces around it). RFC 5545 wants UNTIL in
 * UTC when DTSTART has a TZID: a local one (a date alone means to the end of that day in the event's zone) is
 * written as the instant `occurrences` ends at, to the second (toInstant reads whole seconds, as Intl writes them;
 * a day's end is 23:59:59.999).
 */
const utcUntil = (rule: string, tz: string): string =>
  rule
    .trim()
    .replace(/^RRULE:/i, '')
    .toUpperCase()
    .replace(/UNTIL=([^;]*)/, (all, until: string) => {
      const u = untilOf({ until });
      return u && !u[1] ? `UNTIL=${icsTime(toInstant(tz, Math.floor(u[0] / 1e3) * 1e3))}Z` : all;
    });

/**
 * Where a series is written from, as [naive ms, RRULE value or undefined for a one-off]. The start always counts as
 * the first occurrence (RFC 5545 §3.8.5.3), but calendars differ on a start the rule does not give (a Wednesday for
 * BYDAY=MO): ical.js and Outlook leave it out. Such a series is written from its second occurrence, one fewer
 * COUNT (the .ics adds the start as an RDATE); one with no second occurrence is a one-off at the start.
 */
function series(e: CalendarEvent): [number, string | undefined] {
  const w0 = parseWall(e.start);
  const tod = ((w0 % DAY) + DAY) % DAY;
  const r = e.rrule ? parseRRule(e.rrule) : undefined;
  const second = r && occurrences(e, new Date(-8e15), 2, { includeCancelled: true })[1];
  const rule = second && utcUntil(e.rrule!, e.timeZone);
  return !rule || startFits(r!, w0 - tod)
    ? [w0, rule]
    : [parseWall(second!.date) + tod, rule.replace(/COUNT=(\d+)/, (_, n: string) => `COUNT=${+n - 1}`)];
}

// A series with no end (or a COUNT) gets its zone's changes listed this many years past the file's date; where
// the zone follows a yearly rule, the VTIMEZONE carries on past that by itself.
const HORIZON = 40;

/**
 * One VCALENDAR with every event, each timed in its own zone with a matching VTIMEZONE. An occurrence at a
 * local time that is skipped or repeated by a clock change is pinned: EXDATE at the local time plus RDATE
 * at the RFC 5545 §3.3.5 instant, because parsers differ there (ical.js takes the later reading).
 */
export function toIcs(events: CalendarEvent[], stamp: Date): string {
  // The years each zone must cover: from the first start to the last UNTIL, or to the horizon.
  const spans = new Map<string, [number, number]>();
  for (const e of events) {
    const y0 = new Date(parseWall(e.start)).getUTCFullYear();
    const until = e.rrule && untilOf(parseRRule(e.rrule));
    const y1 = !e.rrule ? y0 : Math.max(y0, until ? new Date(until[0]).getUTCFullYear() : stamp.getUTCFullYear() + HORIZON);
    const [a, b] = spans.get(e.timeZone) ?? [y0, y1];
    spans.set(e.timeZone, [Math.min(a, y0), Math.max(b, y1)]);
  }
  const changes = new Map([...spans].map(([tz, [a, b]]) => [tz, transitions(tz, a, b)]));
  const body = events.flatMap((e) => {
    const tzid = `;TZID=${e.timeZone}:`;
    const w0 = parseWall(e.start);
    const tod = ((w0 % DAY) + DAY) % DAY;
    const ex = e.exceptions?.map((d) => parseWall(d) + tod) ?? [];
    const rdates = new Set<number>();
    const [start, rule] = series(e);
    // A one-off whose only date is cancelled is no event at all (an EXDATE beside no rule is ignored by calendars).
    if (!rule && e.exceptions?.includes(isoDate(w0 - tod))) return [];
    // A start the rule does not give is an RDATE beside the rule (see `series`).
    if (start != w0) rdates.add(toInstant(e.timeZone, w0));
    for (const [at, from, to] of changes.get(e.timeZone)!) {
      const [lo, hi] = [at + Math.min(from, to), at + Math.max(from, to)];
      // Only an occurrence at a time of day inside the change's gap or overlap is pinned: a chat at 21:00 is never
      // near a 2 a.m. change, so its occurrences around each change (80 in 40 years) are not worked out at all.
      if ((((tod - lo) % DAY) + DAY) % DAY >= hi - lo) continue;
      for (const o of rule ? occurrences(e, new Date(at - 2 * DAY), 4) : []) {
        const w = parseWall(o.date) + tod;
        if (w >= lo && w < hi) (ex.push(w), rdates.add(+o.start));
      }
    }
    return [
      'BEGIN:VEVENT',
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${icsTime(+stamp)}Z`,
      // A one-off is written in UTC: one instant, whatever a parser makes of skipped or repeated times.
      rule ? `DTSTART${tzid}${icsTime(start)}` : `DTSTART:${icsTime(toInstant(e.timeZone, w0))}Z`,
      `DURATION:PT${e.durationMinutes ?? 60}M`,
      ...(rule ? ['RRULE:' + rule] : []),
      ...(ex.length ? [`EXDATE${tzid}${ex.map(icsTime).join()}`] : []),
      ...(rdates.size ? [`RDATE:${[...rdates].map((t) => icsTime(t) + 'Z').join()}`] : []),
      `SUMMARY:${escapeText(e.title)}`,
      ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
      ...(e.url ? [`URL:${e.url}`] : []),
      'END:VEVENT',
    ];
  });
  return (
    [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//CareCircle//Chat schedule//EN',
      'CALSCALE:GREGORIAN',
      ...[...spans].flatMap(([tz, [a, b]]) => vtimezone(tz, a, b, changes.get(tz))),
      ...body,
      'END:VCALENDAR',
    ]
      .map(fold)
      .join('\r\n') + '\r\n'
  );
}

/**
 * Google Calendar's "add event" link: local times with `ctz`, and the recurrence. Google shows a start the rule does
 * not give, and does not count it in COUNT (reported in fmeringdal/rust-rrule#119 and kewisch/ical.js#294; not
 * checked here, which has no Google): such a series is linked from its start with `series`'s rule, COUNT one fewer,
 * so it lists what the widget lists. One with no second date is a one-off.
 */
export function googleCalendarUrl(e: CalendarEvent): string {
  const [, rule] = series(e);
  const w = parseWall(e.start);
  const p = new URLSearchParams({
    action: 'TEMPLATE',
    text: e.title,
    dates: `${icsTime(w)}/${icsTime(w + (e.durationMinutes ?? 60) * 6e4)}`,
    ctz: e.timeZone,
  });
  if (e.description || e.url) p.set('details', [e.description, e.url].filter(Boolean).join('\n\n'));
  if (rule) p.set('recur', 'RRULE:' + rule);
  return 'https://calendar.google.com/calendar/render?' + p;
}

/** Outlook.com's compose link: it takes one date, so this is the given occurrence. */
export function outlookUrl(e: CalendarEvent, start: Date, end: Date): string {
  const p = new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: e.title,
    startdt: start.toISOString(),
    enddt: end.toISOString(),
  });
  if (e.description || e.url) p.set('body', [e.description, e.url].filter(Boolean).join('\n\n'));
  return 'https://outlook.live.com/calendar/0/deeplink/compose?' + p;
}
