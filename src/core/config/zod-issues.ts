// zod's issues as editors read them: by dotted path, in plain words, with "did you mean" for an unknown key.
// Only the explaining side loads this (validate.ts, a chunk a valid config never fetches; `carecircle check`).
import type * as z from 'zod/mini';
import { errorMessages, keyedIssue, type ConfigIssue } from './issues.js';

/** Zod's issue shape, reduced to the fields we read (core issues are a wide union). */
interface RawIssue {
  code: string;
  path: PropertyKey[];
  message?: string;
  input?: unknown;
  expected?: string;
  keys?: string[];
  values?: unknown[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  format?: string;
  errors?: RawIssue[][];
  issues?: RawIssue[];
  note?: string;
  discriminator?: string;
  params?: { message?: string };
  /** A check's problem by key (core/config/checks.ts), its English and translations in `errorMessages`. */
  problem?: { key: string; params?: Record<string, string | number> };
}

type AnySchema = z.ZodMiniType;
interface Def {
  type: string;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  innerType?: AnySchema;
  in?: AnySchema;
  options?: AnySchema[];
  valueType?: AnySchema;
  getter?: () => AnySchema;
  values?: unknown[];
}
const def = (s: AnySchema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

export const joinPath = (path: readonly PropertyKey[]): string => (path.length ? path.map(String).join('.') : '(root)');

/** Classic edit distance, small strings only. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/** The closest known key at most two edits away (case-insensitive), if any. */
export function suggest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/** The object schema(s) reached by following `path` through `data`, to learn which keys are known there. */
function knownKeys(schema: AnySchema, path: readonly PropertyKey[], data: unknown): string[] {
  let nodes: { s: AnySchema; v: unknown }[] = [{ s: schema, v: data }];
  const unwrap = ({ s, v }: { s: AnySchema; v: unknown }): { s: AnySchema; v: unknown }[] => {
    const d = def(s);
    const inner = d.innerType ?? d.in ?? d.getter?.();
    if (inner) return unwrap({ s: inner, v });
    if (d.options) {
      const objects = d.options.flatMap((o) => unwrap({ s: o, v }));
      // A discriminated union: keep the option whose literal fields match the data.
      const matching = objects.filter(({ s: o }) =>
        Object.entries(def(o).shape ?? {}).every(([k, f]) => {
          const fd = def(f);
          return fd.type !== 'literal' || !v || typeof v !== 'object' || fd.values?.includes((v as Record<string, unknown>)[k]);
        }),
      );
      return matching.length ? matching : objects;
    }
    return [{ s, v }];
  };
  for (const key of path) {
    nodes = nodes.flatMap(unwrap).flatMap(({ s, v }) => {
      const d = def(s);
      const child = (v as Record<PropertyKey, unknown> | undefined)?.[key];
      const next = d.shape?.[String(key)] ?? d.element ?? d.valueType;
      return next ? [{ s: next, v: child }] : [];
    });
  }
  return nodes.flatMap(unwrap).flatMap(({ s }) => Object.keys(def(s).shape ?? {}));
}

const describe = (v: unknown): string =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'a list'
      : typeof v === 'object'
        ? 'an object'
        : typeof v === 'string'
          ? `the text "${v.length > 40 ? v.slice(0, 40) + '…' : v}"`
          : `${typeof v} ${String(v)}`;

/** The value as written, for translations: `"nurse"`, `5`, `true`, `null`, `[…]`, `{…}`. */
const asWritten = (v: unknown): string =>
  Array.isArray(v)
    ? '[…]'
    : v && typeof v === 'object'
      ? '{…}'
      : typeof v === 'string'
        ? JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)
        : String(v);

const expectedName: Record<string, string> = {
  string: 'text',
  number: 'number',
  boolean: 'boolean',
  array: 'list',
  object: 'object',
  record: 'object',
  int: 'int',
};

/** A keyed issue whose `{got}` is `input`: described in English, as written in a translation. */
const withGot = (path: string, key: string, input: unknown, params: Record<string, string | number> = {}) =>
  keyedIssue(path, key, { ...params, got: asWritten(input) }, { ...params, got: describe(input) });

function issueFor(path: string, issue: RawIssue): ConfigIssue {
  const n = (v: number | bigint | undefined) => Number(v);
  switch (issue.code) {
    case 'invalid_type': {
      const want = expectedName[issue.expected ?? ''];
      if (!want)
        return {
          path,
          message:
            issue.input === undefined
              ? `Required: add ${issue.expected}.`
              : `Expected ${issue.expected}, but got ${describe(issue.input)}.`,
        };
      return issue.input === undefined ? keyedIssue(path, `required_${want}`) : withGot(path, `expected_${want}`, issue.input);
    }
    case 'invalid_value':
      return issue.values?.length === 1
        ? keyedIssue(path, 'mustBe', { value: JSON.stringify(issue.values[0]) })
        : withGot(path, 'oneOf', issue.input, { values: issue.values?.map((v) => JSON.stringify(v)).join(', ') ?? '' });
    case 'too_small':
      return issue.origin === 'array'
        ? keyedIssue(path, 'minItems', { count: n(issue.minimum) })
        : issue.origin === 'string'
          ? issue.minimum === 1
            ? keyedIssue(path, 'notEmpty')
            : keyedIssue(path, 'minLength', { minimum: n(issue.minimum) })
          : keyedIssue(path, 'min', { minimum: n(issue.minimum) });
    case 'too_big':
      return keyedIssue(path, issue.origin === 'array' ? 'maxItems' : issue.origin === 'string' ? 'maxLength' : 'max', {
        maximum: n(issue.maximum),
      });
    case 'invalid_format':
      // A pattern's message is a key of `errorMessages` (the widgets' schemas) or English (the pipeline's own files).
      if (issue.format === 'regex' && issue.message && Object.hasOwn(errorMessages, issue.message))
        return withGot(path, issue.message, issue.input);
      if (issue.format === 'regex' && issue.message && issue.message !== 'Invalid input') return { path, message: issue.message };
      if (issue.format === 'url') return withGot(path, 'notUrl', issue.input);
      return { path, message: `Not a valid ${issue.format}: ${describe(issue.input)}.` };
    case 'invalid_union':
      return issue.discriminator ? withGot(path, 'unknownKind', issue.input, { key: issue.discriminator }) : keyedIssue(path, 'noForm');
  }
  if (issue.problem) {
    const { key, params = {} } = issue.problem;
    // `{got}`, where the wording shows the value, is the value as found (the rule's own values are as written).
    return errorMessages[key]?.includes('{got}') ? withGot(path, key, issue.input, params) : keyedIssue(path, key, params);
  }
  return { path, message: issue.params?.message ?? issue.message ?? 'Invalid value.' };
}

/**
 * Turns zod issues into plain-language issues by dotted path. Unknown keys become one issue each, with
 * "did you mean …" when a known key is one or two edits away. `data` is the raw input (for suggestions).
 */
export function toConfigIssues(
  issues: readonly RawIssue[] | readonly z.core.$ZodIssue[],
  schema: AnySchema,
  data: unknown,
  base: readonly PropertyKey[] = [],
): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  for (const issue of issues as readonly RawIssue[]) {
    const path = [...base, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(schema, path, data);
      for (const key of issue.keys ?? []) {
        const hint = suggest(key, known);
        out.push(keyedIssue(joinPath([...path, key]), hint ? 'unknownSettingHint' : 'unknownSetting', hint ? { key, hint } : { key }));
      }
    } else if (issue.code === 'invalid_key' && issue.issues?.length) {
      // A record's key that fails its own check (a language tag): what that check says, at the key.
      out.push(...toConfigIssues(issue.issues, schema, data, path));
    } else if (issue.code === 'invalid_union' && !issue.discriminator && issue.errors?.length) {
      // Report the branch that got furthest (fewest issues), so the message names the real problem; of two as far,
      // the one the value's type matched (`{ "english": "…" }` has a bad language tag, rather than "expected text").
      const distance = (branch: RawIssue[]) => branch.length + (branch.every((i) => i.code == 'invalid_type' && !i.path.length) ? 0.5 : 0);
      const best = [...issue.errors].sort((a, b) => distance(a) - distance(b))[0]!;
      out.push(...toConfigIssues(best, schema, data, path));
    } else {
      out.push(issueFor(joinPath(path), issue));
    }
  }
  return out;
}
