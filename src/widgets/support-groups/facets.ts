// Disjunctive faceting: within a facet the ticked values are OR-ed, across facets AND-ed, and each
// value's count is what you would get by ticking it, given the OTHER facets' ticks (and the query).

export const FACETS = ['type', 'audience', 'format', 'language', 'cost'] as const;
export type FacetKey = (typeof FACETS)[number];

export interface FacetTable {
  /** Per facet: its distinct values, in display order. */
  values: string[][];
  /** Per facet: document d's value indexes are `vals[start[d]] … vals[start[d + 1] - 1]`. */
  start: Int32Array[];
  vals: Uint16Array[];
  /**
   * Per facet, per value: how many documents have it. With nothing ticked and no query these are the counts, so
   * the whole list (what a page shows first) needs no pass over every document.
   */
  totals: Int32Array[];
}

/**
 * Builds the table once from each document's values per facet (`get(d, facet)`, already normalised), asked
 * by name; the table's lists follow the order of `FACETS`.
 */
export function buildFacets(
  count: number,
  get: (d: number, facet: FacetKey) => readonly (string | undefined)[],
  sort?: (facet: FacetKey, a: string, b: string) => number,
): FacetTable {
  const steps = facetSteps(count, get, sort);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** `buildFacets` in steps of 1,000 documents, for whoever must stop after a few milliseconds. */
export function* facetSteps(
  count: number,
  get: (d: number, facet: FacetKey) => readonly (string | undefined)[],
  sort?: (facet: FacetKey, a: string, b: string) => number,
): Generator<void, FacetTable> {
  const values: string[][] = [];
  const start: Int32Array[] = [];
  const vals: Uint16Array[] = [];
  for (const f of FACETS) {
    const seen = new Map<string, number>();
    const raw: number[] = [];
    const st = new Int32Array(count + 1);
    for (let d = 0; d < count; d++) {
      if (d % 1000 == 999) yield;
      const from = raw.length;
      for (const v of get(d, f)) {
        if (!v) continue;
        let id = seen.get(v);
        if (id === undefined) seen.set(v, (id = seen.size));
        if (raw.indexOf(id, from) < 0) raw.push(id);
      }
      st[d + 1] = raw.length;
    }
    values.push([...seen.keys()]);
    start.push(st);
    vals.push(Uint16Array.from(raw));
  }
  return sortFacets({ values, start, vals, totals: [] }, sort);
}

/**
 * Orders each facet's values (by `sort`, else by code unit), in place: the documents' value indexes follow, and the
 * totals are counted. The finder orders them again for a new page language (its collator), without reading the
 * documents again.
 */
export function sortFacets(table: FacetTable, sort?: (facet: FacetKey, a: string, b: string) => number): FacetTable {
  table.values.forEach((old, f) => {
    const list = (table.values[f] = [...old].sort(sort && ((a, b) => sort(FACETS[f]!, a, b))));
    const at = new Map(list.map((v, i) => [v, i]));
    const total = (table.totals[f] = new Int32Array(list.length));
    table.vals[f] = table.vals[f]!.map((i) => {
      const k = at.get(old[i]!)!;
      total[k]!++;
      return k;
    });
  });
  return table;
}

export interface FacetResult {
  /** Documents passing every facet, in the order given. */
  passing: number[];
  /** Per facet, per value: its disjunctive count. */
  counts: Int32Array[];
}

/**
 * Filters `candidates` (all documents when undefined) by `selected` (per facet: ticked value indexes) and
 * counts every facet value against the other facets' selections.
 */
export function applyFacets(
  table: FacetTable,
  selected: Set<number>[],
  candidates: ArrayLike<number> | undefined,
  size: number,
): FacetResult {
  const { start, vals } = table;
  const counts = table.values.map((v) => new Int32Array(v.length));
  const masks = table.values.map((v, f) => Uint8Array.from(v, (_, i) => (selected[f]!.has(i) ? 1 : 0)));
  const active = selected.flatMap((s, f) => (s.size ? [f] : []));
  const passing: number[] = [];
  const n = candidates ? candidates.length : size;
  for (let k = 0; k < n; k++) {
    const d = candidates ? candidates[k]! : k;
    let failed = -1;
    let twice = false;
    for (const f of active) {
      const st = start[f]!;
      const mask = masks[f]!;
      const vs = vals[f]!;
      let ok = false;
      for (let i = st[d]!, e = st[d + 1]!; i < e && !ok; i++) ok = mask[vs[i]!] === 1;
      if (!ok) {
        if (failed >= 0) {
          twice = true;
          break;
        }
        failed = f;
      }
    }
    if (twice) continue; // fails two facets: counts nowhere
    if (failed < 0) passing.push(d);
    for (let f = 0; f < counts.length; f++) {
      if (failed >= 0 && f !== failed) continue;
      const st = start[f]!;
      const c = counts[f]!;
      const vs = vals[f]!;
      for (let i = st[d]!, e = st[d + 1]!; i < e; i++) c[vs[i]!]!++;
    }
  }
  return { passing, counts };
}
