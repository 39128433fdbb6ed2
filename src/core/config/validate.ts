import type * as z from 'zod/mini';
import { toConfigIssues, joinPath, type ConfigIssue } from './issues.js';

export interface Validated<T> {
  /** The typed, defaulted config; absent when it could not be made valid. */
  value?: T;
  /** Problems that stop the widget (config errors). */
  errors: ConfigIssue[];
  /** Problems that were recovered from by skipping an item (the rest still renders). */
  skipped: ConfigIssue[];
}

/**
 * Validates once at the edge. `skippable` names lists whose bad items may be dropped instead of failing
 * the whole config (`groups`, `sources.*.posts`): editors still see every problem, patients the valid rest.
 */
export function validate<S extends z.ZodMiniType>(schema: S, data: unknown, skippable: readonly string[] = []): Validated<z.output<S>> {
  let input = data;
  const skipped: ConfigIssue[] = [];
  for (let round = 0; round < 3; round++) {
    const result = schema.safeParse(input, { reportInput: true });
    if (result.success) return { value: result.data, errors: [], skipped };
    const drop = new Map<string, Set<number>>();
    const fatal: ConfigIssue[] = [];
    for (const raw of result.error.issues) {
      const at = skippableIndex(raw.path, skippable);
      if (at) {
        const key = joinPath(at.list);
        drop.set(key, (drop.get(key) ?? new Set()).add(at.index));
      }
      // One raw issue may expand to several (unknown keys): convert each on its own (linear in the issues).
      (at ? skipped : fatal).push(...toConfigIssues([raw], schema, input));
    }
    if (fatal.length || !drop.size) return { errors: dedupe([...fatal, ...skipped]), skipped: [] };
    // Copy only the objects on the way to each list (a deep clone of 10,000 items costs more than parsing them).
    const copy = (v: unknown) => (Array.isArray(v) ? [...v] : { ...(v as object) });
    input = copy(input);
    for (const [key, indexes] of drop) {
      const list = key.split('.').reduce<Record<string, unknown>>((o, k) => (o[k] = copy(o[k])) as Record<string, unknown>, input as Record<string, unknown>) as unknown as unknown[];
      for (const index of [...indexes].sort((a, b) => b - a)) list.splice(index, 1);
    }
  }
  return { errors: dedupe(skipped), skipped: [] };
}

function skippableIndex(path: readonly PropertyKey[], patterns: readonly string[]): { list: PropertyKey[]; index: number } | undefined {
  for (const pattern of patterns) {
    const parts = pattern.split('.');
    if (path.length <= parts.length) continue;
    if (parts.every((p, i) => p === '*' ? typeof path[i] === 'number' : p === path[i]) && typeof path[parts.length] === 'number') {
      return { list: path.slice(0, parts.length), index: path[parts.length] as number };
    }
  }
  return undefined;
}

const dedupe = (issues: ConfigIssue[]): ConfigIssue[] => {
  const seen = new Set<string>();
  return issues.filter((i) => !seen.has(i.path + i.message) && !!seen.add(i.path + i.message));
};
