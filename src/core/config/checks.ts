import * as z from 'zod/mini';
import { inRange, matches, type RuleIssue, type Verdict } from './rules.js';

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

const report = (verdict: Verdict, input: unknown, message: string, payload: Payload) => {
  if (verdict === true) return;
  const issues: RuleIssue[] = typeof verdict == 'object' ? [...verdict] : [{ path: [], input, message: verdict || message }];
  for (const i of issues) payload.issues.push({ code: 'custom', input: i.input, path: i.path, message: i.message, continue: true });
};

/**
 * `schema` checked by the rule `fn(value, ...args)`, failing with `message` when it answers false, and telling
 * JSON Schema `json`. `when` runs it even after other problems in the value (see zod's `when`).
 */
export const rule = <T extends z.ZodMiniType, A extends unknown[]>(
  schema: T,
  fn: (v: z.output<T>, ...args: A) => Verdict,
  args: A,
  message: string,
  json?: JsonFacts,
  when?: (payload: { value: unknown }) => boolean,
): T => {
  const check = z.check<z.output<T>>((payload) => report(fn(payload.value, ...args), payload.value, message, payload as Payload));
  Object.assign(check._zod.def, { json, when, rule: { fn, args } satisfies RuleRef });
  return schema.check(check) as T;
};

/**
 * `schema` converted by the rule `fn(value, ...args)` (a cost written as text, a language's name); a result of
 * `undefined` means it cannot be converted, and `message(value)` says why.
 */
export const convert = <T extends z.ZodMiniType, O, A extends unknown[]>(
  schema: T,
  fn: (v: z.output<T>, ...args: A) => O | undefined,
  args: A,
  message?: (v: z.output<T>) => string,
): z.ZodMiniPipe<T, z.ZodMiniTransform<O, z.output<T>>> => {
  const transform = z.transform<z.output<T>, O>((v, payload) => {
    const out = fn(v, ...args);
    if (out === undefined) payload.issues.push({ code: 'custom', input: v, message: message?.(v) ?? 'Invalid value.' });
    return out as O;
  });
  Object.assign(transform._zod.def, { rule: { fn, args } satisfies RuleRef });
  return z.pipe(schema, transform);
};

/** A number from `min` to `max`, a whole one when `int`. */
export const between = (min: number, max: number, int?: boolean) =>
  rule(z.number(), inRange, [min, max, int], `Must be ${int ? 'a whole number ' : ''}from ${min} to ${max}.`, {
    type: int ? 'integer' : 'number',
    minimum: min,
    maximum: max,
  });

/** A string matching `re` (and the rule `ok`); `re` is the JSON Schema `pattern` (the build refuses flags it cannot carry). */
export const matching = (re: RegExp, message: string, ok?: (v: string) => boolean, json?: JsonFacts) =>
  rule(z.string(), matches, [re, ok], message, { pattern: re, ...json });
