import * as z from 'zod/mini';
import { endsBeforeStart, parseRRule, type RRule } from './recurrence.js';
import { isValidTimeZone, parseWall } from './zones.js';
import { between, matching, refine } from '../config/checks.js';

// The fields of a recurring schedule, one definition for a chat and for a support group's `meets`: real dates
// only (2026-02-30 and 2026-13-01 would roll over into other days), and a rule that ends after it starts.

// A directory can hold 10,000 groups sharing a few zones and rules: each distinct text is checked once.
const once = <T>(f: (v: string) => T) => {
  const seen = new Map<string, T>();
  return (v: string): T => {
    if (!seen.has(v)) seen.set(v, f(v));
    return seen.get(v)!;
  };
};
const knownZone = once(isValidTimeZone);
const rule = once((v): RRule | string => {
  try {
    return parseRRule(v);
  } catch (e) {
    return `Cannot read this repeat rule: ${(e as Error).message}.`;
  }
});

const real = (v: string) => parseWall(v) > -1e15;

/** IANA zone name, checked with Intl. JSON Schema cannot list the names (they change with each browser's tz data). */
export const timeZoneName = () =>
  refine(z.string(), knownZone, 'Not a known time-zone name: use one such as "America/New_York" or "Australia/Sydney".', { minLength: 1 });

// RFC 5545's grammar is more than a pattern can say (parts in any order, COUNT or UNTIL, numbered days only
// monthly): JSON Schema is told what catches a text that is no rule at all, a FREQ part (in any case).
const FREQ =
  '(?:^\\s*(?:[Rr][Rr][Uu][Ll][Ee]:)?|;)[Ff][Rr][Ee][Qq]=(?:[Dd][Aa][Ii][Ll][Yy]|[Ww][Ee][Ee][Kk][Ll][Yy]|[Mm][Oo][Nn][Tt][Hh][Ll][Yy])(?:[;=]|\\s*$)';

/** The schema parts; each widget writes its own keys (and their docs) with these. */
export const schedule = {
  // The pattern says the month, hour and minute ranges; the day's (2026-02-30) is checked by the widget only.
  start: () =>
    matching(
      /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/,
      'Must be a real date and local time, written like "2026-01-05T21:00".',
      real,
    ),
  durationMinutes: () => between(1, 1440, true),
  rrule: () =>
    z.string().check(
      z.superRefine(
        (v, ctx) => {
          const r = rule(v);
          if (typeof r == 'string') ctx.addIssue({ code: 'custom', message: r, input: v });
        },
        { json: { pattern: FREQ } } as object,
      ),
    ),
  exceptions: () =>
    z.array(matching(/^\d{4}-\d\d-\d\d$/, 'Must be a real date written YYYY-MM-DD, like "2026-12-28".', real, { format: 'date' })),
};

/**
 * The check on the object that holds `start`, `timeZone` and `rrule` (a chat, a group's `meets`): an UNTIL
 * before the start is reported on that object's `rrule`, so the editor sees which chat or group it is.
 */
export const untilAfterStart = z.superRefine((v: { start: string; timeZone: string; rrule?: string }, ctx) => {
  const r = v.rrule ? rule(v.rrule) : '';
  if (typeof r != 'string' && r.until && knownZone(v.timeZone) && parseWall(v.start) > -1e15 && endsBeforeStart(v, r)) {
    ctx.addIssue({
      code: 'custom',
      path: ['rrule'],
      input: v.rrule,
      message: `UNTIL=${r.until} is before the start, so this never happens.`,
    });
  }
});
