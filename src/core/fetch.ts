import { send, type Sent } from './request.js';

/**
 * What went wrong, for callers to word for their readers (a message key): `timeout`, `network` (offline,
 * blocked, CORS), an HTTP status as `login` (401/403), `notFound`, `busy` (429) or `http` (any other),
 * `type` (not JSON), `json` (malformed), `data` (JSON of the wrong shape), `notPublic` (a server that does
 * not share this publicly).
 */
export type FetchErrorCode = 'timeout' | 'network' | 'login' | 'notFound' | 'busy' | 'http' | 'type' | 'json' | 'data' | 'notPublic';

/** A failed request: a `code` to translate, and a plain English `message` for editors and the console. */
export class FetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    readonly status?: number,
    /** Seconds to wait before asking again (from `Retry-After`), when the server said. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

export interface JsonResponse<T = unknown> {
  data: T;
  headers: Headers;
}

/** Parses `Retry-After` (seconds or an HTTP date) into seconds from now. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * GETs JSON without cookies or referrer, with a timeout (15 s). Every failure (network, CORS, HTTP status,
 * wrong content type, malformed JSON, timeout) becomes a FetchError with a code and a plain message.
 */
export const fetchJson = <T = unknown>(url: string, { signal }: { signal?: AbortSignal } = {}): Promise<JsonResponse<T>> =>
  readJson<T>(send(url, signal), signal);

/** The JSON of a GET that `send` started, or a FetchError saying what went wrong. */
export async function readJson<T = unknown>({ response: pending, timeout }: Sent, signal?: AbortSignal): Promise<JsonResponse<T>> {
  let response: Response;
  try {
    response = await pending;
  } catch (error) {
    if (signal?.aborted) throw error;
    throw timeout.aborted
      ? new FetchError('timeout', 'The server took too long to answer.')
      : new FetchError('network', 'Could not reach the server (offline, blocked, or not allowed from this site).');
  }
  if (!response.ok) {
    const { status } = response;
    const [code, reason]: [FetchErrorCode, string] =
      status === 401 || status === 403
        ? ['login', 'The server requires a login for this.']
        : status === 404
          ? ['notFound', 'Not found at that address.']
          : status === 429
            ? ['busy', 'Too many requests: the server asked us to wait.']
            : ['http', `The server answered with an error (HTTP ${status}).`];
    throw new FetchError(code, reason, status, parseRetryAfter(response.headers.get('retry-after')));
  }
  const type = response.headers.get('content-type') ?? '';
  if (type && !/json/i.test(type)) throw new FetchError('type', `Expected JSON but got ${type.split(';')[0]}.`, response.status);
  try {
    return { data: (await response.json()) as T, headers: response.headers };
  } catch {
    throw new FetchError('json', 'The answer was not valid JSON.', response.status);
  }
}
