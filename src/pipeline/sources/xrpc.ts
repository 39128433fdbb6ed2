// JSON over the pipeline's fetch, with errors worded for the person reading `carecircle status`: which
// server, what was asked, what it answered. XRPC (Bluesky) errors carry their `error` name for callers.
import type { SourceContext } from '../types.js';

/** A failed JSON request: `status` (HTTP) and, for XRPC, `code` (`ExpiredToken`, `NotFound`…). */
export class SourceHttpError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'SourceHttpError';
  }
}

/** The warning for a page after the first that failed: what went wrong, and that the posts read before it are kept. */
export const pageFailed = (error: unknown, page: number, kept: number): string =>
  `${(error as Error).message.replace(/\.$/, '')} (page ${page}; the ${kept} posts before it are kept).`;

/** The warning for a run that stopped at its limit before the last run's cursor: the posts in between are never read. */
export const stoppedAtLimit = (label: string, limit: number): string =>
  `${label}: stopped at the limit of ${limit} posts; older posts since the last run were not read.`;

export interface ReadOptions {
  /** What was asked, for messages: "mastodon.social's #bcsm timeline". */
  what: string;
  /** The sentence for 401/403/422 when the data is simply not public there. */
  notPublic?: string;
  init?: RequestInit;
}

/** GETs (or sends `init`) and parses JSON; every failure is a SourceHttpError or an Error with a plain message. */
export async function readJson(context: Pick<SourceContext, 'fetch' | 'signal'>, url: string, { what, notPublic, init = {} }: ReadOptions) {
  const headers = new Headers(init.headers);
  if (!headers.has('accept')) headers.set('accept', 'application/json');
  const response = await context.fetch(url, { ...init, headers, ...(context.signal ? { signal: context.signal } : {}) });
  const raw = await response.text();
  let data: unknown;
  let parsed = false;
  try {
    data = JSON.parse(raw);
    parsed = true;
  } catch {
    // worded below
  }
  if (!response.ok) {
    const { status } = response;
    const xrpc = parsed && data && typeof data === 'object' ? (data as { error?: unknown; message?: unknown }) : {};
    const code = typeof xrpc.error === 'string' ? xrpc.error : undefined;
    const detail = code ? ` (${code}${typeof xrpc.message === 'string' ? `: ${xrpc.message.slice(0, 200)}` : ''})` : '';
    const sentence =
      (status === 401 || status === 403 || status === 422) && notPublic
        ? `${notPublic} (HTTP ${status})`
        : status === 404 || status === 410
          ? `${what}: not found (HTTP ${status})${detail}`
          : status === 429 || status === 503
            ? `${what}: the server is still busy after several tries (HTTP ${status}); try again later`
            : `${what}: the server answered HTTP ${status}${detail}`;
    throw new SourceHttpError(`${sentence}.`, status, code);
  }
  if (!parsed) {
    const type = response.headers.get('content-type')?.split(';')[0] ?? 'no content type';
    throw new Error(`${what}: the answer is not JSON (${type}).`);
  }
  return { data, headers: response.headers, status: response.status };
}
