// A directory of 10,000 groups takes longer to check than a phone should wait for its first screen, and one
// task that long holds up the page. So a long list is checked in two steps: the groups of the first page (the
// first by name) at once, shown at once; then every group, in background slices of a few milliseconds, and the
// finder is built again from the whole list. Every group is checked by the same compiled validator; nothing is
// shown that has not been checked. No DOM here.
import { isPlainObject, type Compiled } from '../../core/config/compiled.js';
import { LocalText, resolveLocalText } from '../../core/config/local-text.js';
import type { Group } from './support-groups.schema.js';
import { finderSteps, type Finder } from './finder.js';

/** From this many groups a config is checked in two steps (below it the whole check takes a frame or less). */
export const SLICED_FROM = 500;

/**
 * The first page is drawn in two tasks: this many cards (a phone's screenful and more) in the one that shows it, the
 * rest of the page in the next. On a phone (4× CPU) each card is about 2 ms of script, style and layout: the 20 of a
 * page in one task made it long.
 */
export const FIRST_SCREEN = 5;

type GroupsValidator = Compiled<{ groups: Group[] }>;

/** How the finder orders a name (lower case, ties by position): from a checked name, or one as written. */
const nameKey = (name: unknown, chain: readonly string[]): string => {
  if (typeof name == 'string') return name.toLowerCase();
  const text = name instanceof LocalText ? name : isPlainObject(name) ? new LocalText(name as never) : undefined;
  const chosen: unknown = text && resolveLocalText(text, chain);
  return typeof chosen == 'string' ? chosen.toLowerCase() : '';
};

/**
 * The first `size` groups in the finder's default order (by name in the language `chain`), checked, in their
 * order in the list; undefined when one of them is not valid, or shares its id with another group, or its
 * checked name orders differently from the written one (the whole list is then checked first, and zod explains
 * what is wrong). Groups whose names are not text order first, so a broken group near the top is caught here.
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
  if (!page?.every((g, k) => nameKey(g.name, chain) === keys[best[k]!])) return undefined;
  // A group of the page whose id another group repeats: the whole list first, so the page never shows the copy
  // that zod skips. (Repeats elsewhere are found by checkSteps; a lookup in these few ids is quicker than a set
  // of every id.)
  const pageIds = new Set(page.map((g) => g.id));
  let k = 0;
  for (let i = 0; i < groups.length; i++) {
    if (i === best[k]) k++;
    else if (pageIds.has((groups[i] as { id?: unknown } | null)?.id as string)) return undefined;
  }
  return page;
}

/**
 * Every group checked, 100 at a time (a step each); undefined as soon as one part is rejected, or a group repeats
 * the id of one in an earlier part (the validator sees one part at a time, so it finds repeats within a part).
 */
export function* checkSteps(
  validator: GroupsValidator,
  groups: readonly unknown[],
  each?: (part: Group[]) => void,
): Generator<void, Group[] | undefined> {
  const out: Group[] = [];
  const ids = new Set<string>();
  for (let at = 0; at === 0 || at < groups.length; at += 100) {
    const part = validator.accept({ groups: groups.slice(at, at + 100) })?.groups;
    if (!part) return undefined;
    for (const g of part) {
      if (ids.has(g.id)) return undefined;
      ids.add(g.id);
    }
    each?.(part);
    for (const g of part) out.push(g);
    yield;
  }
  return out;
}

/**
 * The whole list's work after its first page, in steps: every group checked and its texts chosen for `chain` (so
 * applying the config does not walk them again), then the finder built from them. Undefined when a group is
 * rejected.
 */
export function* wholeListSteps(
  validator: GroupsValidator,
  groups: readonly unknown[],
  chain: readonly string[],
  synonyms: Record<string, string[]>,
  locale: string,
): Generator<void, { groups: Group[]; finder: Finder } | undefined> {
  const checked = yield* checkSteps(validator, groups, (part) => resolveLocalText(part, chain));
  if (!checked) return undefined;
  return { groups: checked, finder: yield* finderSteps(resolveLocalText(checked, chain), synonyms, locale) };
}
