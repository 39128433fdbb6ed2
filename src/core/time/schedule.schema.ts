import * as z from 'zod/mini';
import { endsBeforeStart, parseRRule, type RRule } from './recurrence.js';
import { isValidTimeZone, parseWall } from './zones.js';

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

const text = (ok: (v: string) => boolean, message: string) => z.string().check(z.refine(ok, { message }));
const real = (re: RegExp) => (v: string) => re.test(v) && parseWall(v) > -1e15;

/** IANA zone name, checked with Intl. */
export const timeZoneName = () => text(knownZone, 'Not a known time-zone name: use one such as "America/New_York" or "Australia/Sydney".');

/** The schema parts; each widget writes its own keys (and their docs) with these. */
export const schedule = {
  start: () =>
    text(real(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/), 'Must be a real date and local time, written like "2026-01-05T21:00".'),
  // A refine is ~0.25 KB smaller than z.int() + z.minimum() + z.maximum() in the bundle.
  durationMinutes: () => z.number().check(z.refine((n) => n % 1 == 0 && n > 0 && n <= 1440, { message: 'Must be a whole number from 1 to 1440.' })),
  rrule: () =>
    z.string().check(
      z.superRefine((v, ctx) => {
        const r = rule(v);
        if (typeof r == 'string') ctx.addIssue({ code: 'custom', message: r, input: v });
      }),
    ),
  exceptions: () => z.array(text(real(/^\d{4}-\d\d-\d\d$/), 'Must be a real date written YYYY-MM-DD, like "2026-12-28".')),
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
