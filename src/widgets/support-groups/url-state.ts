import { FACETS, type FacetKey } from './facets.js';

/** What a link to the finder carries: the query, ticked filters, and the chosen place. */
export interface FinderState {
  q: string;
  filters: Record<FacetKey, string[]>;
  near: string;
}

export const emptyState = (): FinderState => ({ q: '', filters: Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as FinderState['filters'], near: '' });

/** Reads the state from a query string; `prefix` namespaces the parameters (two finders on one page). */
export function readState(search: string, prefix = ''): FinderState {
  const p = new URLSearchParams(search);
  const state = emptyState();
  state.q = p.get(prefix + 'q') ?? '';
  state.near = p.get(prefix + 'near') ?? '';
  for (const f of FACETS) state.filters[f] = p.getAll(prefix + f).filter(Boolean);
  return state;
}

/** Writes the state into `search` (other parameters kept), returning the new query string with its `?`. */
export function writeState(state: FinderState, search: string, prefix = ''): string {
  const p = new URLSearchParams(search);
  const set = (key: string, values: string[]) => {
    p.delete(prefix + key);
    for (const v of values) if (v) p.append(prefix + key, v);
  };
  set('q', [state.q.trim()]);
  for (const f of FACETS) set(f, state.filters[f]);
  set('near', [state.near]);
  const text = p.toString();
  return text ? `?${text}` : '';
}
