import * as z from 'zod/mini';

// Checks written as refinements (zod's int/gte/regex checks cost ~1.8 KB min+gzip in a bundle, a refine
// nothing), each with the JSON Schema facts it enforces. z.toJSONSchema cannot see inside a refine, so the
// facts ride on the check itself (`json` in its definition) and scripts/build.mjs copies them into
// dist/schema/ (scripts/schema-docs.mjs `jsonFacts`). Every helper below makes the check and its facts from
// the same arguments, so the two cannot drift; test/node/schema-differential.test.mjs runs generated
// configs through both, and lists what JSON Schema cannot say.

/** JSON Schema keywords a check enforces (or the part of it JSON Schema can express). */
export type JsonFacts = Record<string, unknown>;

/** `schema` refined by `ok`, telling JSON Schema `json`: what the refine enforces, as far as it can be said. */
export const refine = <T extends z.ZodMiniType>(schema: T, ok: (v: z.output<T>) => boolean, message: string, json: JsonFacts) =>
  schema.check(z.refine(ok, { message, json } as { message: string }));

/** A number from `min` to `max`, a whole one when `int`. */
export const between = (min: number, max: number, int?: boolean) =>
  refine(z.number(), (n) => n >= min && n <= max && (!int || n % 1 == 0), `Must be ${int ? 'a whole number ' : ''}from ${min} to ${max}.`, {
    type: int ? 'integer' : 'number',
    minimum: min,
    maximum: max,
  });

/** A string matching `re` (and `ok`); `re` is the JSON Schema `pattern` (the build refuses flags it cannot carry). */
export const matching = (re: RegExp, message: string, ok: (v: string) => boolean = () => true, json?: JsonFacts) =>
  refine(z.string(), (v) => re.test(v) && ok(v), message, { pattern: re, ...json });
