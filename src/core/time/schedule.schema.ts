import * as z from 'zod/mini';
import { between, matching, rule } from '../config/checks.js';
import { knownZone, readableRule, realDate, ruleFitsStart as fits } from './rules.js';

// The fields of a recurring schedule, one definition for a chat and for a support group's `meets`; the rules
// themselves are in ./rules.ts (the compiled validators call them too).

/** IANA zone name, checked with Intl. JSON Schema cannot list the names (they change with each browser's tz data). */
export const timeZoneName = () => rule(z.string(), knownZone, [], { key: 'unknownZone' }, { minLength: 1 });

// RFC 5545's grammar is more than a pattern can say (parts in any order, COUNT or UNTIL, numbered days only
// monthly): JSON Schema is told what catches a text that is no rule at all, a FREQ part (in any case).
const FREQ =
  '(?:^\\s*(?:[Rr][Rr][Uu][Ll][Ee]:)?|;)[Ff][Rr][Ee][Qq]=(?:[Dd][Aa][Ii][Ll][Yy]|[Ww][Ee][Ee][Kk][Ll][Yy]|[Mm][Oo][Nn][Tt][Hh][Ll][Yy])(?:[;=]|\\s*$)';

/** A real calendar date, `YYYY-MM-DD` (2026-02-30 is none): a schedule's exceptions, a group's last review. */
export const calendarDate = () => matching(/^\d{4}-\d\d-\d\d$/, { key: 'realDate' }, realDate, { format: 'date' });

/** The schema parts; each widget writes its own keys (and their docs) with these. */
export const schedule = {
  // The pattern says the month, hour and minute ranges; the day's (2026-02-30) is checked by the widget only.
  start: () => matching(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/, { key: 'realDateTime' }, realDate),
  durationMinutes: () => between(1, 1440, true),
  // The rule says which part it cannot read (an `rrule_…` problem).
  rrule: () => rule(z.string(), readableRule, [], null, { pattern: FREQ }),
  exceptions: () => z.array(calendarDate()),
};

/**
 * The check on the object that holds `start`, `timeZone` and `rrule` (a chat, a group's `meets`): an UNTIL
 * before the start, or a rule no later date fits, is reported on that object's `rrule`, so the editor sees which
 * chat or group it is.
 */
export const ruleFitsStart = <T extends z.ZodMiniType<{ start: string; timeZone: string; rrule?: string }>>(schema: T): T =>
  rule(schema, fits, [], null);
