// The finder's data model: built once when groups arrive, queried on every keystroke. No DOM here.
import { lazy } from '../../core/lazy.js';
import type { SearchIndex } from './search.js';
import { applyFacets, facetSteps, FACETS, sortFacets, type FacetKey, type FacetTable } from './facets.js';
import { overBudget } from '../../core/tasks.js';
import { audiences, formats } from './kinds.js';
import type { Group } from './support-groups.schema.js';
import { COSTS } from './cost.js';
import type { FinderState } from './url-state.js';

/**
 * The search (tokenizer, typo-tolerant index, ranking) is a chunk: the first page needs none of it. The widget
 * loads it just after that page, when it starts building the index; a query asked before it has come is
 * `searching` (see `find`). Tests and Node code load it with `await searchCode.load()`; tests may swap the loader. @internal
 */
export const searchCode = { load: lazy(() => import('./search.js')) };

const code = () => {
  if (!searchCode.load.value) throw new Error('The search code has not loaded: await searchCode.load() first.');
  return searchCode.load.value;
};

/** What the search reads, each field with its weight (1–255): name > cancer types > suburb > organization > description. */
const SEARCHED: [weight: number, text: (g: Group, types: string) => string | string[] | undefined][] = [
  [50, (g) => g.name],
  [40, (g) => g.cancerTypes],
  [30, (g) => [g.location?.suburb ?? '', g.location?.postcode ?? '']],
  [20, (g) => g.organization],
  [10, (g) => g.description],
  // A group open to every cancer type is found by any type's name, below every group that names it.
  [1, (g, types) => (isGeneral(g.cancerTypes) ? types : undefined)],
];

/** The facet value of groups open to every cancer type ("all cancers", "any cancer"…). */
export const GENERAL = 'all';
const GENERAL_WORDS = /^(all|any|every)( cancers?)?( types?)?$/i;
/** Whether a group is open to people with any cancer: its types say "all", "any cancer", "all cancer types"… */
export const isGeneral = (types: readonly string[]): boolean => types.some((t) => GENERAL_WORDS.test(t.trim()));
/** Type names a general group is found by (besides every type the groups name); synonyms reach the rest. */
const TYPE_WORDS =
  'breast bowel lung prostate skin melanoma blood leukaemia lymphoma myeloma ovarian cervical womb brain kidney liver stomach pancreatic bladder head neck mouth throat thyroid sarcoma testicular';

type Lower = (v: string) => string;
/**
 * Each facet's values in a group, by facet name (free-text values lower-cased; the enums already are). A
 * general group has every type (`types`), so it passes and counts in each type's filter.
 */
const FACET_VALUES: Record<FacetKey, (g: Group, low: Lower, types: string[]) => (string | undefined)[]> = {
  type: (g, low, types) => (isGeneral(g.cancerTypes) ? [GENERAL, ...types] : g.cancerTypes.map(low)),
  audience: (g) => g.audiences,
  format: (g) => g.formats,
  language: (g, low) => g.languages.map(low),
  cost: (g) => [g.cost?.type],
};
/** Facets shown in the schema's order (patient before carer, in person before online); the rest by name. */
const SCHEMA_ORDER: Partial<Record<FacetKey, readonly string[]>> = { audience: audiences, format: formats, cost: COSTS };

export interface Finder {
  groups: Group[];
  /** 1 for a group open to every cancer type. */
  general: Uint8Array;
  readonly index: SearchIndex;
  facets: FacetTable;
  /** Rank of each group by name, used when nothing else orders them. */
  order: Int32Array;
  byName: number[];
  /** Builds the index for about `ms` milliseconds (at least one step); true when it is ready. */
  warm(ms?: number): boolean;
  /** Whether the index is built (search before that builds the rest at once, so results are always complete). */
  readonly ready: boolean;
  /**
   * Orders the facets' values for a page language (its collator), in place; true when they were in another's (results
   * counted before no longer match them). The search index stays: it does not depend on the language.
   */
  sortFor(locale: string): boolean;
}

export interface Origin {
  lat: number;
  lon: number;
}

export interface Found {
  /** Matching groups, best first (nearest first when there is an origin). */
  list: number[];
  /** Disjunctive counts per facet value (`facets.values`). */
  counts: Int32Array[];
  /** Distance in km per group, when there is an origin and the group meets in person somewhere known. */
  km: (i: number) => number | undefined;
  /** The query waits for the search code (`searchCode`): `list` and `counts` are those without the query. */
  searching?: boolean;
}

export const lower = (s: string): string => s.trim().toLowerCase();

export function createFinder(groups: Group[], synonyms: Record<string, string[]> = {}, locale = 'en'): Finder {
  const steps = finderSteps(groups, synonyms, locale);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * `createFinder` in steps of about 1,000 groups (the name order in one), so a long list's finder can be built in
 * background tasks of a few milliseconds, as its search index is (`warm`).
 */
export function* finderSteps(groups: Group[], synonyms: Record<string, string[]> = {}, locale = 'en'): Generator<void, Finder> {
  // Values repeat across thousands of groups: lower-case each distinct one once.
  const seen = new Map<string, string>();
  const low = (v: string) => seen.get(v) ?? (seen.set(v, lower(v)), seen.get(v)!);
  const general = new Uint8Array(groups.length);
  const found = new Set<string>();
  for (let d = 0; d < groups.length; d++) {
    if (d % 1000 == 999) yield;
    const g = groups[d]!;
    if (isGeneral(g.cancerTypes)) general[d] = 1;
    else for (const t of g.cancerTypes) found.add(low(t));
  }
  const types = [...found];
  const sort = (facet: FacetKey, a: string, b: string) => {
    const order = SCHEMA_ORDER[facet];
    // "Any cancer type" last, after the types by name.
    return order
      ? order.indexOf(a as never) - order.indexOf(b as never)
      : +(a === GENERAL) - +(b === GENERAL) || a.localeCompare(b, locale);
  };
  const facets = yield* facetSteps(groups.length, (d, facet) => FACET_VALUES[facet](groups[d]!, low, types), sort);
  const typeWords = `${TYPE_WORDS} ${types.join(' ')}`;
  yield;
  // Lower-cased names compared plainly: a collator is ~20× slower on 10,000 names, for the same order in practice.
  const keys = groups.map((g) => g.name.toLowerCase());
  yield;
  const byName = groups.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
  const order = new Int32Array(groups.length);
  byName.forEach((d, rank) => (order[d] = rank));
  let index: SearchIndex | undefined;
  let steps: Generator<void, SearchIndex> | undefined;
  const step = () => {
    const r = (steps ??= code().indexSteps(
      { length: groups.length, fieldsOf: (d) => SEARCHED.map(([, text]) => text(groups[d]!, typeWords)) },
      SEARCHED.map(([weight]) => weight),
      synonyms,
    )).next();
    if (r.done) index = r.value;
  };
  return {
    groups,
    general,
    facets,
    order,
    byName,
    // Built in steps after the first render (which needs none) by `warm`, or at once on first use.
    get index() {
      while (!index) step();
      return index;
    },
    get ready() {
      return !!index;
    },
    sortFor: (to) => {
      if (to == locale) return false;
      locale = to;
      sortFacets(facets, sort);
      return true;
    },
    // Nothing to do until the search code has come.
    warm: (ms = 0) => {
      if (!searchCode.load.value) return false;
      for (const start = performance.now(); !index;) if ((step(), overBudget(start, ms))) break;
      return !!index;
    },
  };
}

/** `state` from a link, with filter values lower-cased (facet values are) and those no group has dropped: no dead chips. */
export function knownFilters(finder: Finder, state: FinderState): FinderState {
  const filters = { ...state.filters };
  FACETS.forEach((f, i) => (filters[f] = filters[f].map((v) => v.toLowerCase()).filter((v) => finder.facets.values[i]!.includes(v))));
  return { ...state, filters };
}

/** Whether a group can be joined from anywhere (online, video or phone, and not only in person). */
export const anywhere = (g: Group): boolean => g.formats.some((f) => f !== 'in-person');

/** Results in order of distance from an origin, with each one's distance: the Near box's (near.ts `byDistance`). */
export type ByDistance = (groups: Group[], passing: number[], origin: Origin) => Pick<Found, 'list' | 'km'>;

/**
 * Runs a query: search, then facets, then, given an origin and the Near box's `byDistance` (a chunk, loaded when
 * the config offers places or the device's location), distance order.
 */
export function find(finder: Finder, state: FinderState, origin?: Origin, byDistance?: ByDistance): Found {
  const { groups, facets } = finder;
  const selected = FACETS.map((f, i) => {
    const want = new Set(state.filters[f].map(lower));
    return new Set(facets.values[i]!.flatMap((v, k) => (want.has(v) ? [k] : [])));
  });
  // Only touch the (lazily built) index when there is something to search for.
  const sc = searchCode.load.value;
  const searching = !sc && /\S/.test(state.q);
  const matched = sc?.queryTokens(state.q).length ? sc.search(finder.index, state.q, finder.order, finder.byName) : undefined;
  // Nothing ticked and no query (every page's first list): every group, by name, and each value's own count.
  let { passing, counts } =
    matched || selected.some((s) => s.size)
      ? applyFacets(facets, selected, matched ?? finder.byName, groups.length)
      : { passing: [...finder.byName], counts: facets.totals };
  // Filtered by type: the groups for those types first, then those open to all.
  const types = state.filters.type;
  if (types.length && !types.includes(GENERAL))
    passing = [...passing.filter((d) => !finder.general[d]), ...passing.filter((d) => finder.general[d])];
  const near = origin && byDistance?.(groups, passing, origin);
  return { list: near ? near.list : passing, counts, km: near ? near.km : () => undefined, searching };
}
