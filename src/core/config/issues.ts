import type * as z from 'zod/mini';

/** One problem in a config, by its dotted path (`groups.3.audiences.0`), in plain language. */
export interface ConfigIssue {
  path: string;
  message: string;
  /** For a skipped list item: the item as written (editors find it by its id or name, not its position). */
  item?: unknown;
  /** For a dropped optional field: the item still shows, without this field. */
  dropped?: 'field';
}

/** The name editors know a skipped item by: its id, title or name as written (quoted), if it has one. */
export function itemName(issue: ConfigIssue): string | undefined {
  const item = issue.item as Record<string, unknown> | undefined;
  const name =
    item && typeof item === 'object' ? [item.id, item.title, item.name].find((v) => typeof v === 'string' && v.trim()) : undefined;
  return name === undefined ? undefined : `“${(name as string).trim().slice(0, 80)}”`;
}

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
  note?: string;
  discriminator?: string;
  params?: { message?: string };
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

export const joinPath = (path: readonly PropertyKey[]): string => path.map(String).join('.');

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

const expectedName: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
  int: 'a whole number',
};

function messageFor(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const want = expectedName[issue.expected ?? ''] ?? issue.expected;
      return issue.input === undefined
        ? `Required: add ${want === 'text' ? 'a text value' : want}.`
        : `Expected ${want}, but got ${describe(issue.input)}.`;
    }
    case 'invalid_value':
      return issue.values?.length === 1
        ? `Must be ${JSON.stringify(issue.values[0])}.`
        : `Must be one of ${issue.values?.map((v) => JSON.stringify(v)).join(', ')}; got ${describe(issue.input)}.`;
    case 'too_small':
      return issue.origin === 'array'
        ? `Needs at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}.`
        : issue.origin === 'string'
          ? issue.minimum === 1
            ? 'Must not be empty.'
            : `Must be at least ${issue.minimum} characters.`
          : `Must be at least ${issue.minimum}.`;
    case 'too_big':
      return issue.origin === 'array'
        ? `Allows at most ${issue.maximum} items.`
        : issue.origin === 'string'
          ? `Must be at most ${issue.maximum} characters.`
          : `Must be at most ${issue.maximum}.`;
    case 'invalid_format':
      return issue.format === 'regex' && issue.message && issue.message !== 'Invalid input'
        ? issue.message
        : `Not a valid ${issue.format === 'url' ? 'web address' : issue.format}: ${describe(issue.input)}.`;
    case 'invalid_union':
      return issue.discriminator ? `Unknown "${issue.discriminator}": ${describe(issue.input)}.` : `Does not match any allowed form.`;
    default:
      return issue.params?.message ?? issue.message ?? 'Invalid value.';
  }
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
        out.push({ path: joinPath([...path, key]), message: `Unknown setting "${key}".${hint ? ` Did you mean "${hint}"?` : ''}` });
      }
    } else if (issue.code === 'invalid_union' && !issue.discriminator && issue.errors?.length) {
      // Report the branch that got furthest (fewest issues), so the message names the real problem.
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0]!;
      out.push(...toConfigIssues(best, schema, data, path));
    } else {
      out.push({ path: joinPath(path), message: messageFor(issue) });
    }
  }
  return out;
}
