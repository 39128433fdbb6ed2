// A directory of 10,000 groups takes longer to check than a phone should wait for its first screen, and one
// task that long holds up the page. So a long list is checked in two steps: the groups of the first page (the
// first by name) at once, shown at once; then every group, in background slices of a few milliseconds, and the
// finder is built again from the whole list. Every group is checked by the same compiled validator; nothing is
// shown that has not been checked. No DOM here.
import { isPlainObject, type Compiled } from '../../core/config/compiled.js';
import { LocalText, resolveLocalText } from '../../core/config/local-text.js';
import { later, overBudget } from '../../core/tasks.js';
import type { Group } from './support-groups.schema.js';

/** From this many groups a config is checked in two steps (below it the whole check takes a frame or less). */
export const SLICED_FROM = 500;

type GroupsValidator = Compiled<{ groups: Group[] }>;

/**
 * Whether no two groups as written share a text id (then no checked ones do: the check keeps ids as written). Only
 * a quick look: a list it doubts is checked whole.
 */
export function uniqueRawIds(groups: readonly unknown[]): boolean {
  const seen = new Set<string>();
  for (const g of groups) {
    const id = g && typeof g == 'object' ? (g as { id?: unknown }).id : undefined;
    if (typeof id == 'string') {
      if (seen.has(id)) return false;
      seen.add(id);
    }
  }
  return true;
}

/** How the finder orders a name (lower case, ties by position): from a checked name, or one as written. */
const nameKey = (name: unknown, chain: readonly string[]): string => {
  if (typeof name == 'string') return name.toLowerCase();
  const text = name instanceof LocalText ? name : isPlainObject(name) ? new LocalText(name as never) : undefined;
  const chosen: unknown = text && resolveLocalText(text, chain);
  return typeof chosen == 'string' ? chosen.toLowerCase() : '';
};

/**
 * The first `size` groups in the finder's default order (by name in the language `chain`), checked, in their
 * order in the list; undefined when one of them is not valid, or its checked name orders differently from the
 * written one (the whole list is then checked first, and zod explains what is wrong). Groups whose names are not
 * text order first, so a broken group near the top is caught here.
 */
export function firstPage(
  validator: GroupsValidator,
  groups: readonly unknown[],
  chain: readonly string[],
  size: number,
): Group[] | undefined {
  const keys = groups.map((g) => nameKey(g && typeof g == 'object' ? (g as { name?: unknown }).name : undefined, chain));
  // The `size` smallest (name, position) pairs, in order: one pass, no sort of the whole list.
  const best: number[] = [];
  const before = (a: number, b: number) => keys[a]! < keys[b]! || (keys[a] === keys[b] && a < b);
  for (let i = 0; i < groups.length; i++) {
    if (best.length === size && !before(i, best[size - 1]!)) continue;
    let at = best.length;
    while (at > 0 && before(i, best[at - 1]!)) at--;
    best.splice(at, 0, i);
    if (best.length > size) best.pop();
  }
  best.sort((a, b) => a - b);
  const page = validator.accept({ groups: best.map((i) => groups[i]) })?.groups;
  return page?.every((g, k) => nameKey(g.name, chain) === keys[best[k]!]) ? page : undefined;
}

/**
 * Every group checked, in background slices of about 6 ms (about 100 groups at a time); undefined as soon as one
 * slice is rejected (zod then explains the whole config, with each problem's path). Rejects when `signal` aborts.
 */
export function checkInSlices(validator: GroupsValidator, groups: readonly unknown[], signal: AbortSignal): Promise<Group[] | undefined> {
  return new Promise((resolve, reject) => {
    const out: Group[] = [];
    const step = () => {
      if (signal.aborted) return reject(signal.reason);
      const start = performance.now();
      do {
        const part = validator.accept({ groups: groups.slice(out.length, out.length + 100) })?.groups;
        if (!part) return resolve(undefined);
        for (const g of part) out.push(g);
      } while (out.length < groups.length && !overBudget(start, 6));
      if (out.length < groups.length) later(step);
      else resolve(out);
    };
    later(step);
  });
}
