// Named rules: the checks and conversions of the config schemas, as plain functions of (value, ...arguments).
// The zod schemas call them (./checks.ts `rule`, `convert`) and so do the validators compiled from those
// schemas (src/generated/, written by scripts/compile-validators.mjs), which import these same functions:
// a rule is data (a function's name and its arguments), never a closure the compiler cannot read. This module
// and every module a rule lives in must not import zod: the compiled validators run without it.
import { LocalText } from './local-text.js';

/**
 * A problem by its key in `errorMessages` (./issues.ts) and its values: the wording, in English and in each
 * language's `errors`, loads only with a problem to explain, so the rules the widgets carry hold no sentences.
 */
export interface Problem {
  key: string;
  params?: Record<string, string | number>;
}

/**
 * A rule's answer: `true` when the value passes; `false` when it fails with the problem its schema gives; a
 * problem of its own; or issues at paths below the value (an UNTIL before the start is the object's `rrule`).
 */
export type Verdict = boolean | Problem | readonly RuleIssue[];
export interface RuleIssue extends Problem {
  path: PropertyKey[];
  input?: unknown;
}

/** A number from `min` to `max`, a whole one when `int`. */
export const inRange = (n: number, min: number, max: number, int?: boolean): boolean => n >= min && n <= max && (!int || n % 1 == 0);

/** 0, or at least `min` (a refresh interval: off, or not too often). */
export const offOrAtLeast = (n: number, min: number): boolean => n === 0 || n >= min;

/** Text matching `re` and, when given, the rule `ok` too (a pattern cannot say that 2026-02-30 is no date). */
export const matches = (v: string, re: RegExp, ok?: (v: string) => boolean): boolean => re.test(v) && (!ok || !!ok(v));

/** An object with at least one key. */
export const hasKeys = (v: object): boolean => Object.keys(v).length > 0;

/**
 * Addresses the URL parser surely reads as http(s) whatever the base: a host of plain labels whose last starts with
 * a letter (so not an IPv4 number; no `xn--` label to decode), a port of up to four digits. Parsing 10,000 groups'
 * links with `new URL` took a fifth of their check; any other address is still parsed.
 */
const plainWebAddress = /^https?:\/\/(?![^/?#]*xn--)(?:[a-z\d-]+\.)*[a-z][a-z\d-]*\.?(?::\d{1,4})?(?:[/?#]\S*)?$/i;

/** An `http:` or `https:` address; a relative one resolves against the page. */
export const isWebAddress = (v: string): boolean => {
  if (plainWebAddress.test(v)) return true;
  try {
    return /^https?:$/.test(new URL(v, document.baseURI).protocol);
  } catch {
    return false;
  }
};

/** An ISO 8601 date and time `Date.parse` reads. */
export const isDateTime = (v: string): boolean => !Number.isNaN(Date.parse(v));

/** Text, or text by language kept whole (the widget picks the reader's language later). */
export const toLocalText = (v: string | Record<string, string>): string | LocalText => (typeof v == 'string' ? v : new LocalText(v));

/**
 * Items with unique ids: each repeat is an issue at its own `id`, naming the first (`list` is the list's key),
 * worded by `key` (the item skipped is a group, or a chat).
 */
export const uniqueIds = (items: readonly { id?: unknown }[], list: string, key = 'duplicateId'): Verdict => {
  const first = new Map<unknown, number>();
  const issues: RuleIssue[] = [];
  items.forEach((g, i) => {
    const at = first.get(g?.id);
    if (at === undefined) first.set(g?.id, i);
    else if (typeof g.id == 'string') issues.push({ path: [i, 'id'], input: g.id, key, params: { first: `${list}.${at}` } });
  });
  return issues.length ? issues : true;
};
