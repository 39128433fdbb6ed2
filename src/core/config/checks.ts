import * as z from 'zod/mini';
import { inRange, matches, type Problem, type RuleIssue, type Verdict } from './rules.js';

// Every check and conversion in the schemas is a named rule (./rules.ts) with its arguments, held as data on
// the zod check (`rule` in its definition) beside the JSON Schema facts it enforces (`json`). zod runs the rule
// to explain a bad config; scripts/compile-validators.mjs reads the same data to write the fast validators in
// src/generated/, which import the same functions; scripts/build.mjs copies the facts into dist/schema/
// (scripts/schema-docs.mjs `jsonFacts`), because z.toJSONSchema cannot see inside a check's function. Each
// helper makes the check, its rule and its facts from the same arguments, so the three cannot drift.
// test/node/compiled-differential.test.mjs and schema-differential.test.mjs run generated configs through them.

/** JSON Schema keywords a check enforces (or the part of it JSON Schema can express). */
export type JsonFacts = Record<string, unknown>;

/** A rule as data: an exported function of ./rules.ts (or another zod-free module) and its arguments after the value. */
export interface RuleRef {
  fn: Function;
  args: readonly unknown[];
}

type Payload = { issues: unknown[] };

/**
 * What a check says when it fails: a problem by key (English and the translations are worded from
 * `errorMessages`, ./issues.ts, only when there is a problem to explain), or plain English for schemas only
 * the command line reads (the pipeline's own files).
 */
export type Failure = Problem | string;

/** zod's custom issue for a failure: a keyed one carries its `problem` beside it (./zod-issues.ts words it). */
const custom = (path: PropertyKey[], input: unknown, failure: Failure) =>
  typeof failure == 'string'
    ? { code: 'custom' as const, path, input, message: failure }
    : { code: 'custom' as const, path, input, message: failure.key, problem: failure };

const report = (verdict: Verdict, input: unknown, failure: Failure | null, payload: Payload) => {
  if (verdict === true) return;
  const issues = Array.isArray(verdict)
    ? (verdict as readonly RuleIssue[]).map((i) => custom(i.path, i.input, { key: i.key, params: i.params }))
    : [custom([], input, (verdict as Problem | false) || failure || 'Invalid value.')];
  for (const i of issues) payload.issues.push({ ...i, continue: true });
};

/**
 * `schema` checked by the rule `fn(value, ...args)`, failing with `failure` when it answers false (null for a
 * rule that always says why itself), and telling JSON Schema `json`. `when` runs it even after other problems in the value (see zod's `when`).
 */
export const rule = <T extends z.ZodMiniType, A extends unknown[]>(
  schema: T,
  fn: (v: z.output<T>, ...args: A) => Verdict,
  args: A,
  failure: Failure | null,
  json?: JsonFacts,
  when?: (payload: { value: unknown }) => boolean,
): T => {
  const check = z.check<z.output<T>>((payload) => report(fn(payload.value, ...args), payload.value, failure, payload as Payload));
  Object.assign(check._zod.def, { json, when, rule: { fn, args } satisfies RuleRef });
  return schema.check(check) as T;
};

/**
 * `schema` converted by the rule `fn(value, ...args)` (a cost written as text, a language's name); a result of
 * `undefined` means it cannot be converted, and `failure(value)` says why.
 */
export const convert = <T extends z.ZodMiniType, O, A extends unknown[]>(
  schema: T,
  fn: (v: z.output<T>, ...args: A) => O | undefined,
  args: A,
  failure?: (v: z.output<T>) => Failure,
): z.ZodMiniPipe<T, z.ZodMiniTransform<O, z.output<T>>> => {
  const transform = z.transform<z.output<T>, O>((v, payload) => {
    const out = fn(v, ...args);
    if (out === undefined) payload.issues.push(custom([], v, failure?.(v) ?? 'Invalid value.'));
    return out as O;
  });
  Object.assign(transform._zod.def, { rule: { fn, args } satisfies RuleRef });
  return z.pipe(schema, transform);
};

/** A number from `min` to `max`, a whole one when `int`. */
export const between = (min: number, max: number, int?: boolean) =>
  rule(
    z.number(),
    inRange,
    [min, max, int],
    { key: int ? 'rangeInt' : 'range', params: { minimum: min, maximum: max } },
    {
      type: int ? 'integer' : 'number',
      minimum: min,
      maximum: max,
    },
  );

/** A string matching `re` (and the rule `ok`); `re` is the JSON Schema `pattern` (the build refuses flags it cannot carry). */
export const matching = (re: RegExp, failure: Failure, ok?: (v: string) => boolean, json?: JsonFacts) =>
  rule(z.string(), matches, [re, ok], failure, { pattern: re, ...json });
