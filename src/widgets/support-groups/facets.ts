// Disjunctive faceting: within a facet the ticked values are OR-ed, across facets AND-ed, and each
// value's count is what you would get by ticking it, given the OTHER facets' ticks (and the query).

export const FACETS = ['type', 'audience', 'format', 'language', 'cost'] as const;
export type FacetKey = (typeof FACETS)[number];

export interface FacetTable {
  /** Per facet: its distinct values, in display order. */
  values: string[][];
  /** Per facet, per document: indexes into `values[facet]`. */
  docs: number[][][];
}

/** Builds the table once from each document's values per facet (`get(d)[f]`). */
export function buildFacets(count: number, get: (d: number) => (string | undefined)[][], sort?: (facet: number, a: string, b: string) => number): FacetTable {
  const seen = FACETS.map(() => new Map<string, number>());
  const raw = Array.from({ length: count }, (_, d) => get(d));
  raw.forEach((doc) => doc.forEach((vals, f) => vals.forEach((v) => v && seen[f]!.set(v, (seen[f]!.get(v) ?? 0) + 1))));
  const values = seen.map((m, f) => [...m.keys()].sort((a, b) => (sort ? sort(f, a, b) : a < b ? -1 : a > b ? 1 : 0)));
  const position = values.map((vs) => new Map(vs.map((v, i) => [v, i])));
  const docs = FACETS.map((_, f) => raw.map((doc) => [...new Set(doc[f]!.filter((v): v is string => !!v).map((v) => position[f]!.get(v)!))]));
  return { values, docs };
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
export function applyFacets(table: FacetTable, selected: Set<number>[], candidates: Iterable<number> | undefined, size: number): FacetResult {
  const counts = table.values.map((v) => new Int32Array(v.length));
  const passing: number[] = [];
  const active = selected.map((s, f) => (s.size ? f : -1)).filter((f) => f >= 0);
  const count = (f: number, d: number) => {
    for (const v of table.docs[f]![d]!) counts[f]![v]!++;
  };
  const visit = (d: number) => {
    let failed = -1;
    for (const f of active) {
      if (!table.docs[f]![d]!.some((v) => selected[f]!.has(v))) {
        if (failed >= 0) return; // fails two facets: counts nowhere
        failed = f;
      }
    }
    if (failed >= 0) return count(failed, d);
    passing.push(d);
    for (let f = 0; f < counts.length; f++) count(f, d);
  };
  if (candidates) for (const d of candidates) visit(d);
  else for (let d = 0; d < size; d++) visit(d);
  return { passing, counts };
}
