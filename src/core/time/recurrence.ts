import { isoDate, parseWall, toInstant } from './zones.js';

export { isValidTimeZone } from './zones.js';

/** A one-off or recurring event, evaluated in its own zone. */
export interface Recurring {
  /** Wall time `YYYY-MM-DDTHH:mm` in `timeZone`. */
  start: string;
  /** IANA zone the event is held in, e.g. `America/New_York`. */
  timeZone: string;
  /** Default 60. */
  durationMinutes?: number;
  /** RFC 5545 subset: FREQ=DAILY|WEEKLY|MONTHLY, INTERVAL, BYDAY (2TU, -1FR), BYMONTHDAY, COUNT, UNTIL, WKST. */
  rrule?: string;
  /** Dates `YYYY-MM-DD` (in `timeZone`) with no occurrence. */
  exceptions?: string[];
}

export interface Occurrence {
  start: Date;
  end: Date;
  /** The local date `YYYY-MM-DD` in the event's zone. */
  date: string;
  /** Set when the date is an exception and cancelled ones were asked for. */
  cancelled?: boolean;
}

export interface RRule {
  freq: 'DAILY' | 'WEEKLY' | 'MONTHLY';
  interval: number;
  /** [ordinal (0 = every), weekday (0 = Sunday)] pairs. */
  byDay?: [number, number][];
  byMonthDay?: number[];
  count?: number;
  /** As written: `YYYYMMDD`, `YYYYMMDDTHHMMSSZ` (UTC) or `YYYYMMDDTHHMMSS` (the event's wall time). */
  until?: string;
  /** Week start, 0 = Sunday; default Monday. */
  wkst: number;
}

export const DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const DAY = 864e5;
/**
 * Why a rule cannot be read, as a config problem: the key of its wording (`rrule_…` in core/config/issues.ts
 * `errorMessages`, translated in each language's `errors`) and the part as written. The English sentences stay
 * out of the widgets' bundles: they load with the first problem to explain.
 */
export interface RRuleError extends Error {
  key: string;
  params: Record<string, string>;
}
const fail = (key: string, params: Record<string, string> = {}): never => {
  throw Object.assign(new Error(key), { key, params });
};

/**
 * Parses an RRULE value (an `RRULE:` prefix is allowed); throws an `RRuleError` naming the part it cannot read
 * (`rrule_byday` with `{ value: "MONDAY" }`).
 */
export function parseRRule(rule: string): RRule {
  const r = { interval: 1, wkst: 1 } as RRule;
  for (const part of rule
    .trim()
    .replace(/^RRULE:/i, '')
    .split(';')) {
    if (!part) continue;
    const [k, v = ''] = part.toUpperCase().split('=') as [string, string?];
    const num = () => (/^\d+$/.test(v) && +v > 0 ? +v : fail('rrule_number', { part: k, value: v }));
    if (k == 'FREQ') r.freq = /^(DAILY|WEEKLY|MONTHLY)$/.test(v) ? (v as RRule['freq']) : fail('rrule_freq', { value: v });
    // Above 1000 (every 83 years, monthly) is no real meeting; a huge one puts the next date past JavaScript's dates.
    else if (k == 'INTERVAL') r.interval = +v > 1e3 ? fail('rrule_interval', { value: v }) : num();
    else if (k == 'COUNT') r.count = num();
    else if (k == 'UNTIL') r.until = untilOf({ until: v }) ? v : fail('rrule_until', { value: v });
    else if (k == 'WKST') r.wkst = DAYS.includes(v) ? DAYS.indexOf(v) : fail('rrule_wkst', { value: v });
    else if (k == 'BYDAY')
      r.byDay = v.split(',').map((d) => {
        const m = /^([+-]?[1-5])?(SU|MO|TU|WE|TH|FR|SA)$/.exec(d);
        return m ? [+(m[1] ?? 0), DAYS.indexOf(m[2]!)] : fail('rrule_byday', { value: d });
      });
    else if (k == 'BYMONTHDAY')
      r.byMonthDay = v
        .split(',')
        .map((d) => (/^[+-]?\d\d?$/.test(d) && +d && +d < 32 && +d > -32 ? +d : fail('rrule_bymonthday', { value: d })));
    else fail('rrule_unsupported', { part });
  }
  if (!r.freq) fail('rrule_noFreq');
  if (r.count && r.until) fail('rrule_countAndUntil');
  if (r.freq != 'MONTHLY' && r.byDay?.some((d) => d[0])) fail('rrule_numberedDays');
  return r;
}

/** Whether naive day `d` (ms at 00:00) matches the rule's BY… parts; `s` is the start day. */
function matches(r: RRule, d: number, s: number): boolean {
  const date = new Date(d);
  const dom = date.getUTCDate();
  const wd = date.getUTCDay();
  const len = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  if (r.byMonthDay && !r.byMonthDay.some((n) => n == dom || n == dom - len - 1)) return false;
  if (r.byDay) return r.byDay.some(([n, w]) => w == wd && (!n || n == Math.ceil(dom / 7) || n == -Math.ceil((len - dom + 1) / 7)));
  if (r.byMonthDay) return true;
  const sd = new Date(s);
  return r.freq == 'DAILY' || (r.freq == 'WEEKLY' ? wd == sd.getUTCDay() : dom == sd.getUTCDate());
}

/**
 * UNTIL as [naive ms, whether it is a UTC instant]. A date alone (`20261231`) runs to the end of that day on
 * the event's own clock, and a date-time without `Z` is its wall time; `toIcs` writes both as UTC instants.
 */
export function untilOf(r: Pick<RRule, 'until'>): [number, boolean] | undefined {
  const m = /^(\d{4})(\d\d)(\d\d)(?:T(\d\d)(\d\d)(\d\d))?(Z?)$/.exec(r.until ?? '');
  // parseWall refuses 20260231 and 20261399 rather than rolling them over into another day.
  const w = m ? parseWall(`${m[1]}-${m[2]}-${m[3]}T${m[4] ?? 23}:${m[5] ?? 59}:${m[6] ?? 59}`) : NaN;
  return w == w ? [w + (m![4] ? 0 : 999), !!m![7]] : undefined;
}

/** Whether the rule's UNTIL comes before the start, so nothing would ever be shown (a config error). */
export function endsBeforeStart(e: Recurring, r: RRule): boolean {
  const [last, utc] = untilOf(r) ?? [Infinity];
  const w0 = parseWall(e.start);
  return (utc ? toInstant(e.timeZone, w0) : w0) > last;
}

// A walk that finds nothing in this many periods in a row stops: a rule such as BYMONTHDAY=30 with INTERVAL=12
// from February never matches again. The Gregorian calendar repeats every 400 years (146,097 days, 20,871 weeks,
// 4,800 months), so a rule with nothing in that many periods never matches; a rare but real one (the fifth
// Monday of a February) comes every 28 years.
const EMPTY = { DAILY: 146097, WEEKLY: 20871, MONTHLY: 4800 };

/**
 * The naive days (ms at 00:00) of a rule's occurrences from period `p` on, the start day first when `p` is 0:
 * periods are a day, a week (from WKST) or a calendar month, every INTERVAL of them. The walk ends after EMPTY
 * periods with no occurrence, or past JavaScript's dates (COUNT and UNTIL are the caller's).
 */
function* days(r: RRule, s: number, p: number): Generator<number> {
  const sDate = new Date(s);
  const weekly = r.freq == 'WEEKLY';
  const first = weekly ? s - ((sDate.getUTCDay() - r.wkst + 7) % 7) * DAY : s;
  if (!p) yield s;
  for (let hit = p; p - hit < EMPTY[r.freq]; p++) {
    const m0 = Date.UTC(sDate.getUTCFullYear(), sDate.getUTCMonth() + p * r.interval, 1);
    const p0 = r.freq == 'MONTHLY' ? m0 : first + p * r.interval * (weekly ? 7 : 1) * DAY;
    // Past the last date JavaScript can hold (with room for zone math): the walk stops.
    if (!(p0 < 8e15)) return;
    const p1 =
      r.freq == 'MONTHLY' ? Date.UTC(sDate.getUTCFullYear(), sDate.getUTCMonth() + p * r.interval + 1, 1) : p0 + (weekly ? 7 : 1) * DAY;
    for (let d = p0; d < p1; d += DAY) if (d > s && matches(r, d, s)) yield ((hit = p), d);
  }
}

/**
 * Whether every period of the rule surely holds a date, so it repeats with no need to look: weekly days, the
 * 1st–4th or last weekday of a month, or no BY… part at all (a directory's rules nearly all are).
 */
export const surelyRepeats = (r: RRule): boolean =>
  !r.byMonthDay && (r.freq == 'WEEKLY' || !r.byDay || (r.freq == 'MONTHLY' && r.byDay.every(([n]) => n * n < 25)));

/**
 * Whether no day after the start (a wall time) fits every part of the rule (BYDAY=2MO;BYMONTHDAY=31), however long
 * it ran (COUNT and UNTIL aside). Finding out takes the whole 400-year walk (25–50 ms) only for such a rule.
 */
export function neverRepeats(r: RRule, start: string): boolean {
  const w = parseWall(start);
  const walk = days(r, w - (((w % DAY) + DAY) % DAY), 0);
  walk.next();
  return !!walk.next().done;
}

/** Whether the start day is one the rule gives (RFC 5545 leaves a start that is not undefined in calendars). */
export const startFits = (r: RRule, s: number): boolean => matches(r, s, s);

/**
 * The occurrences that end after `from`, at most `count` of them, in time order. Recurrence runs on the
 * event's own wall clock (21:00 New York stays 21:00 New York across every daylight-saving change). As in
 * RFC 5545, the start is always the first occurrence and COUNT includes exception dates.
 */
export function occurrences(event: Recurring, from: Date, count: number, opts: { includeCancelled?: boolean } = {}): Occurrence[] {
  const w0 = parseWall(event.start);
  const out: Occurrence[] = [];
  if (!(w0 >= -1e15)) return out;
  const tod = ((w0 % DAY) + DAY) % DAY; // before 1970 too
  const s = w0 - tod;
  const dur = (event.durationMinutes ?? 60) * 6e4;
  const r = event.rrule ? parseRRule(event.rrule) : ({ freq: 'DAILY', interval: 1, count: 1, wkst: 1 } as RRule);
  const [last, utc] = untilOf(r) ?? [Infinity];
  const sDate = new Date(s);
  const weekly = r.freq == 'WEEKLY';
  // Start the walk at the period of the earliest occurrence that could still end after `from` (walking from
  // 1970 would take 20,000 days). COUNT counts from the start, so with COUNT the walk starts there, unless each
  // period holds exactly one occurrence (no BY… parts, not MONTHLY) and the count of skipped ones is known.
  const one = !r.byDay && !r.byMonthDay && r.freq != 'MONTHLY';
  const target = +from - dur - 2 * DAY;
  const months = (new Date(target).getUTCFullYear() - sDate.getUTCFullYear()) * 12 + new Date(target).getUTCMonth() - sDate.getUTCMonth();
  const first = weekly ? s - ((sDate.getUTCDay() - r.wkst + 7) % 7) * DAY : s;
  const periods = r.freq == 'MONTHLY' ? months / r.interval : (target - first) / (r.interval * (weekly ? 7 : 1) * DAY);
  const jump = r.count && !one ? 0 : Math.max(0, Math.floor(periods));
  let n = r.count ? jump : 0;
  for (const d of days(r, s, jump)) {
    if (n++ >= r.count! || out.length == count) break;
    const w = d + tod;
    if (w > last + (utc ? DAY : 0)) break;
    // Far-past occurrences are only counted: zone math is for those that might end after `from`.
    if (w + dur + 2 * DAY < +from) continue;
    const t = toInstant(event.timeZone, w);
    if (utc && t > last) break;
    const date = isoDate(d);
    const cancelled = event.exceptions?.includes(date);
    if (t + dur > +from && (!cancelled || opts.includeCancelled))
      out.push({ start: new Date(t), end: new Date(t + dur), date, ...(cancelled && { cancelled }) });
  }
  return out;
}

/** The first occurrence that ends after `from` (skipping exceptions). */
export const nextOccurrence = (event: Recurring, from: Date): Occurrence | undefined => occurrences(event, from, 1)[0];
