// The rules of a recurring schedule (see ../config/rules.ts): real dates only (2026-02-30 and 2026-13-01 would
// roll over into other days), a known zone, a readable repeat rule that ends after it starts. No zod here.
import { endsBeforeStart, neverRepeats, parseRRule, surelyRepeats, type RRule, type RRuleError } from './recurrence.js';
import { isValidTimeZone, parseWall } from './zones.js';
import type { Problem, RuleIssue, Verdict } from '../config/rules.js';

// A directory can hold 10,000 groups sharing a few zones and rules: each distinct text is checked once.
const once = <T>(f: (v: string) => T) => {
  const seen = new Map<string, T>();
  return (v: string): T => {
    if (!seen.has(v)) seen.set(v, f(v));
    return seen.get(v)!;
  };
};

/** An IANA zone name the browser knows. */
export const knownZone = /*#__PURE__*/ once(isValidTimeZone);

// A rule that cannot be read: its problem (an `rrule_…` key and the part as written), worded with the others.
const readRule = /*#__PURE__*/ once((v): RRule | Problem => {
  try {
    return parseRRule(v);
  } catch (e) {
    return { key: (e as RRuleError).key, params: (e as RRuleError).params };
  }
});
const unread = (r: RRule | Problem): r is Problem => 'key' in r;
// Whether a rule never repeats, by start and rule: found once for each (a directory's groups share them, and such a
// rule takes a 400-year walk).
const never = /*#__PURE__*/ new Map<string, boolean>();

/** A wall time or date that exists (no 2026-02-30). */
export const realDate = (v: string): boolean => parseWall(v) > -1e15;

/** An RFC 5545 repeat rule this widget reads; else why not. */
export const readableRule = (v: string): Verdict => {
  const r = readRule(v);
  return unread(r) ? r : true;
};

/**
 * On the object holding `start`, `timeZone` and `rrule`, the rule's problems with that start, reported on its
 * `rrule`: an UNTIL before the start, or no date after the start that fits every part (BYDAY=2MO;BYMONTHDAY=31),
 * which the widget would otherwise look for through 400 years of calendar on every redraw.
 */
export const ruleFitsStart = (v: { start: string; timeZone: string; rrule?: string }): Verdict => {
  const r = v.rrule && readRule(v.rrule);
  if (!r || unread(r) || !knownZone(v.timeZone) || !realDate(v.start)) return true;
  const problem = (key: string): RuleIssue[] => [{ path: ['rrule'], input: v.rrule, key, params: r.until ? { until: r.until } : {} }];
  if (r.until && endsBeforeStart(v, r)) return problem('untilBeforeStart');
  if (surelyRepeats(r)) return true;
  const at = v.start + '\n' + v.rrule;
  if (!never.has(at)) never.set(at, neverRepeats(r, v.start));
  return never.get(at) ? problem('neverRepeats') : true;
};
