import { FACETS, type FacetKey } from './facets.js';

/** What a link to the finder carries: the query, ticked filters, and the chosen place. */
export interface FinderState {
  q: string;
  filters: Record<FacetKey, string[]>;
  near: string;
}

export const emptyState = (): FinderState => ({
  q: '',
  filters: Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as FinderState['filters'],
  near: '',
});

/** The parameter names the finder owns under `prefix` (`sg-q`, `sg-type` …); every other one is the host page's. */
const ownKeys = (prefix: string): string[] => ['q', ...FACETS, 'near'].map((k) => prefix + k);

/** Reads the state from a query string; `prefix` namespaces the parameters (apart from the host page's). */
export function readState(search: string, prefix: string): FinderState {
  const p = new URLSearchParams(search);
  const state = emptyState();
  state.q = p.get(prefix + 'q') ?? '';
  state.near = p.get(prefix + 'near') ?? '';
  for (const f of FACETS) state.filters[f] = p.getAll(prefix + f).filter(Boolean);
  return state;
}

/**
 * Writes the state into `search`, returning the new query string with its `?`. The host page's parameters
 * are kept as written, in place (re-encoding them would turn `?flag` into `?flag=` and `%20` into `+`); the
 * finder's own follow them.
 */
export function writeState(state: FinderState, search: string, prefix: string): string {
  const own = new Set(ownKeys(prefix));
  const host = search
    .replace(/^\?/, '')
    .split('&')
    .filter((part) => part && !own.has(new URLSearchParams(part).keys().next().value!));
  const p = new URLSearchParams();
  const set = (key: string, values: string[]) => values.forEach((v) => v && p.append(prefix + key, v));
  set('q', [state.q.trim()]);
  for (const f of FACETS) set(f, state.filters[f]);
  set('near', [state.near]);
  const text = [...host, p.toString()].filter(Boolean).join('&');
  return text ? `?${text}` : '';
}
