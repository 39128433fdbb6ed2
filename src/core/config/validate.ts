import type * as z from 'zod/mini';
import type { ConfigIssue } from './issues.js';
import { toConfigIssues, joinPath } from './zod-issues.js';

export interface Validated<T> {
  /** The typed, defaulted config; absent when it could not be made valid. */
  value?: T;
  /** Problems that stop the widget (config errors). */
  errors: ConfigIssue[];
  /** Problems recovered from by dropping an optional field or skipping an item (the rest still renders). */
  skipped: ConfigIssue[];
}

/** What a widget may lose rather than fail: whole list items, or optional fields of them. */
export interface Recoverable {
  /** Lists whose bad items are skipped: `groups`, `sources.*.posts` (`*` matches any index). */
  lists?: readonly string[];
  /**
   * Optional fields dropped when they alone are wrong, keeping the item: `chats.*.url`. A field not named
   * here makes its item skipped (when in a list above) or fails the config.
   */
  fields?: readonly string[];
}

/**
 * Validates once at the edge. Bad optional fields named in `recoverable.fields` are dropped and bad items
 * of `recoverable.lists` skipped instead of failing the whole config: editors still see every problem
 * (each skipped issue carries the item as written), patients the valid rest.
 */
export function validate<S extends z.ZodMiniType>(schema: S, data: unknown, recoverable: Recoverable = {}): Validated<z.output<S>> {
  const { lists = [], fields = [] } = recoverable;
  let input = data;
  const skipped: ConfigIssue[] = [];
  // Per list (by its path as written), each remaining item's index as written: later rounds parse the list
  // without the items removed before, and editors must see the positions in their own config.
  const positions = new Map<string, number[]>();
  const original = (path: readonly PropertyKey[]): PropertyKey[] => {
    const out: PropertyKey[] = [];
    for (const k of path) out.push((typeof k == 'number' ? positions.get(joinPath(out))?.[k] : k) ?? k);
    return out;
  };
  // Each round removes what failed; a removal can only expose issues in other items, so few rounds suffice.
  for (let round = 0; round < 4; round++) {
    const result = schema.safeParse(input, { reportInput: true });
    if (result.success) return { value: result.data, errors: [], skipped };
    const removals = new Map<string, { path: PropertyKey[]; key: PropertyKey; field: boolean }>();
    const fatal: ConfigIssue[] = [];
    const found: ConfigIssue[] = [];
    for (const raw of result.error.issues) {
      const field = match(raw.path, fields, true);
      const at = field ?? match(raw.path, lists, false);
      // One raw issue may expand to several (unknown keys): convert each on its own (linear in the issues), then
      // name the path as written (each issue's path starts with the raw one's).
      const [from, to] = [raw.path, original(raw.path)].map(joinPath) as [string, string];
      const issues = toConfigIssues([raw], schema, input).map((i) =>
        raw.path.length ? { ...i, path: to + i.path.slice(from.length) } : i,
      );
      if (!at) {
        fatal.push(...issues);
        continue;
      }
      // The item as written (not this round's copy): one item's issues of every round share it.
      const item = valueAt(data, original(field ? field.path : [...at.path, at.key]));
      removals.set(joinPath([...at.path, at.key]), { ...at, field: !!field });
      found.push(...issues.map((i) => ({ ...i, item, ...(field && { dropped: 'field' as const }) })));
    }
    if (fatal.length || !removals.size) return { errors: dedupe([...fatal, ...skipped, ...found]), skipped: [] };
    skipped.push(...found);
    // The removed items' lists, renumbered: all looked up before any changes (a list may sit in a removed item's list).
    const shrunk = new Map<string, { at: PropertyKey[]; gone: Set<number> }>();
    for (const r of removals.values()) {
      const key = joinPath(original(r.path));
      if (!r.field) shrunk.set(key, { at: r.path, gone: (shrunk.get(key)?.gone ?? new Set()).add(r.key as number) });
    }
    for (const [key, { at, gone }] of shrunk) {
      const was = positions.get(key) ?? (valueAt(input, at) as unknown[]).map((_, i) => i);
      positions.set(
        key,
        was.filter((_, i) => !gone.has(i)),
      );
    }
    input = remove(input, [...removals.values()]);
  }
  return { errors: dedupe(skipped), skipped: [] };
}

/**
 * Where `path` falls under one of `patterns`: the container path and the key to remove. For lists the key
 * is the item's index (the path must go deeper than the pattern); for fields, the field's own name.
 */
function match(
  path: readonly PropertyKey[],
  patterns: readonly string[],
  field: boolean,
): { path: PropertyKey[]; key: PropertyKey } | undefined {
  for (const pattern of patterns) {
    const parts = pattern.split('.');
    const n = field ? parts.length : parts.length + 1;
    if (path.length < n) continue;
    if (!parts.every((p, i) => (p === '*' ? typeof path[i] === 'number' : p === path[i]))) continue;
    if (!field && typeof path[parts.length] !== 'number') continue;
    return { path: path.slice(0, n - 1), key: path[n - 1]! };
  }
  return undefined;
}

const valueAt = (root: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((o, k) => (o == null ? undefined : (o as Record<PropertyKey, unknown>)[k]), root);

/**
 * A copy of `root` without the given list items and fields. Only the objects on the way to each one are
 * copied (a deep clone of 10,000 items costs more than parsing them); the author's data is never changed.
 */
function remove(root: unknown, removals: { path: PropertyKey[]; key: PropertyKey; field: boolean }[]): unknown {
  const copies = new Set<unknown>();
  const copy = (v: unknown) => {
    if (copies.has(v)) return v as Record<PropertyKey, unknown>;
    const c = Array.isArray(v) ? [...v] : { ...(v as object) };
    copies.add(c);
    return c as Record<PropertyKey, unknown>;
  };
  const out = copy(root);
  const lists = new Map<unknown[], Set<number>>();
  // Fields first: their paths run through list indexes that are still valid before any item is spliced out.
  for (const r of [...removals].sort((a, b) => +b.field - +a.field)) {
    let parent = out;
    for (const k of r.path) parent = parent[k] = copy(parent[k]);
    if (r.field) delete parent[r.key];
    else lists.set(parent as unknown as unknown[], (lists.get(parent as unknown as unknown[]) ?? new Set()).add(r.key as number));
  }
  for (const [list, indexes] of lists) for (const index of [...indexes].sort((a, b) => b - a)) list.splice(index, 1);
  return out;
}

const dedupe = (issues: ConfigIssue[]): ConfigIssue[] => {
  const seen = new Set<string>();
  return issues.filter((i) => !seen.has(i.path + i.message) && !!seen.add(i.path + i.message));
};
