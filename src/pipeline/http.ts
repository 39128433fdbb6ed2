// The pipeline's only way out to the network (SourceContext.fetch). Volunteer-run Mastodon servers and
// Bluesky ask API clients to be polite: say who you are, do not hammer one host, back off when asked.
import { parseRetryAfter } from '../core/fetch.js';
import type { FetchInit, PipelineFetch } from './types.js';

export interface PoliteFetchOptions {
  /** The `User-Agent` sent with every request: see `userAgent()`. */
  userAgent: string;
  /** The underlying fetch (tests may pass their own; `--mirror-media` passes `publicOnlyFetch`). */
  fetch?: (url: string, init?: RequestInit) => Promise<Response>;
  /** Milliseconds one request may take, body included (default 15 s). */
  timeoutMs?: number;
  /** Tries after the first for network errors, timeouts and 5xx/429 answers (default 3). */
  retries?: number;
  /** Longest `Retry-After` honoured, in seconds (default 120); a server asking for more fails the request. */
  maxRetryAfterSeconds?: number;
  /** First backoff in milliseconds when the server gave no `Retry-After`; doubled each try (default 1 s). */
  backoffMs?: number;
  /** Waits `ms` (tests pass one that returns at once and records the wait). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The clock `Retry-After` dates are read against (ms since 1970). */
  now?: () => number;
  /** Told about each wait ("mastodon.social asked us to wait 30 s"). */
  log?: (message: string) => void;
  /**
   * Largest answer body read, in bytes (default 16 MB; a request may ask for less with `init.maxBytes`). A server
   * that sends more is cut off there and the request fails, so no answer can fill the machine's memory.
   */
  maxBytes?: number;
}

/** Thrown by an underlying fetch for a request that must not be tried again (an address it may not ask). */
export interface FinalError extends Error {
  final: true;
}

/** A request that failed for good: `host` and `status` say where and how; the message is for people. */
export class PipelineFetchError extends Error {
  constructor(
    message: string,
    readonly host: string,
    readonly status?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'PipelineFetchError';
  }
}

/** `CareCircle/0.1.0 (+https://hospital.example/contact)`: who is asking, and where to reach them. */
export const userAgent = (site: string, version = '0.1.0'): string => `CareCircle/${version} (+${site})`;

const realSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

const idempotent = (method: string) => /^(GET|HEAD|OPTIONS)$/i.test(method);

/**
 * A fetch for sources: the `User-Agent` on every request; one request at a time per host (requests to one
 * host wait in a queue, different hosts go in parallel); each response's body read inside the host's turn,
 * so "one at a time" includes the download; a timeout per request; `Retry-After` (seconds or an HTTP date)
 * honoured on 429 and 503 up to `maxRetryAfterSeconds`, beyond which it gives up with a clear error; network
 * errors, timeouts and other 5xx retried with doubling backoff, a bounded number of times (only GETs for 5xx:
 * a POST may have been applied). A host's wait holds its queue: nothing else is sent to a host that asked us
 * to wait. The answer is returned as is when tries run out, so callers word the HTTP error themselves.
 */
export function politeFetch(options: PoliteFetchOptions): PipelineFetch {
  const {
    userAgent: agent,
    fetch: send = globalThis.fetch,
    timeoutMs = 15000,
    retries = 3,
    maxRetryAfterSeconds = 120,
    backoffMs = 1000,
    sleep = realSleep,
    now = Date.now,
    log = () => {},
    maxBytes: fetchMax = 16_000_000,
  } = options;
  const queues = new Map<string, Promise<unknown>>();

  const attempt = async (url: string, { maxBytes: askedMax, ...init }: FetchInit, host: string): Promise<Response> => {
    const method = init.method ?? 'GET';
    const max = Math.min(askedMax ?? fetchMax, fetchMax);
    for (let tried = 0; ; tried++) {
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
      const headers = new Headers(init.headers);
      headers.set('user-agent', agent);
      let response: Response | undefined;
      let failure: string | undefined;
      try {
        const answer = await send(url, { ...init, headers, signal, redirect: init.redirect ?? 'follow' });
        // The body is read here, within this host's turn and under the same timeout, and no further than `max`.
        const body = await readAtMost(answer, max);
        if (!body)
          throw new PipelineFetchError(`${host}: the answer is larger than ${max} bytes, the most this run reads.`, host, answer.status);
        response = new Response([204, 205, 304].includes(answer.status) ? null : body, {
          status: answer.status,
          statusText: answer.statusText,
          headers: answer.headers,
        });
      } catch (error) {
        if (init.signal?.aborted) throw init.signal.reason ?? error;
        if (error instanceof PipelineFetchError) throw error;
        if ((error as Partial<FinalError>)?.final)
          throw new PipelineFetchError(`${host}: ${(error as Error).message}`, host, undefined, { cause: error });
        failure = timeout.aborted
          ? `no answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}`
          : `could not connect (${causeOf(error)})`;
      }
      const status = response?.status;
      const asked = status === 429 || status === 503;
      const retryable = failure !== undefined || asked || (status !== undefined && status >= 500 && idempotent(method));
      if (!retryable) return response!;
      let waitMs = backoffMs * 2 ** tried;
      if (asked) {
        const seconds = parseRetryAfter(response!.headers.get('retry-after'), now());
        if (seconds !== undefined) {
          if (seconds > maxRetryAfterSeconds)
            throw new PipelineFetchError(
              `${host} asked us to wait ${seconds} s before asking again (HTTP ${status}), more than the ${maxRetryAfterSeconds} s this run waits; try again later.`,
              host,
              status,
            );
          waitMs = seconds * 1000;
        }
      }
      if (tried >= retries) {
        if (response) return response;
        throw new PipelineFetchError(`${host}: ${failure} (tried ${tried + 1} time${tried ? 's' : ''}).`, host);
      }
      log(`${host}: ${failure ?? `HTTP ${status}`}; waiting ${Math.round(waitMs / 100) / 10} s before try ${tried + 2} of ${retries + 1}.`);
      await sleep(waitMs, init.signal ?? undefined);
    }
  };

  return (url, init = {}) => {
    let host: string;
    try {
      host = new URL(url).host;
    } catch {
      return Promise.reject(new PipelineFetchError(`Not a web address: ${url}`, ''));
    }
    const previous = queues.get(host) ?? Promise.resolve();
    const turn = previous.then(() => attempt(url, init, host));
    const tail = turn.catch(() => undefined);
    queues.set(host, tail);
    // Forget an idle host's queue, so a long run over many hosts keeps no chain of settled promises.
    void tail.then(() => queues.get(host) === tail && queues.delete(host));
    return turn;
  };
}

/** The most redirects one request follows. */
export const MAX_REDIRECTS = 5;

/**
 * A fetch that follows redirects itself (at most `MAX_REDIRECTS`), asking each address with the fetch `via` picks for
 * it, so that every hop is checked exactly as the first request is; a fetch that followed them on its own would check
 * only the first. A redirect to anything but http(s), or one too many, fails the request for good.
 */
export function followRedirects(via: (url: string) => PipelineFetch): PipelineFetch {
  return async (url, init = {}) => {
    for (let hop = 0, address = url; ; hop++) {
      const response = await via(address)(address, { ...init, redirect: 'manual' });
      const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
      if (location === null) return response;
      await response.body?.cancel().catch(() => {});
      const host = new URL(address).host;
      if (hop === MAX_REDIRECTS) throw new PipelineFetchError(`${url}: more than ${MAX_REDIRECTS} redirects.`, host);
      let next: URL | undefined;
      try {
        next = new URL(location, address);
      } catch {
        /* worded below */
      }
      if (next?.protocol !== 'http:' && next?.protocol !== 'https:')
        throw new PipelineFetchError(`${address}: redirected to ${location}, not an http(s) address.`, host);
      address = next.href;
    }
  };
}

/** A body's bytes, or undefined as soon as it is longer than `max` (the rest is not downloaded). */
export async function readAtMost(response: Response, max: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (!response.body) return new Uint8Array();
  if (Number(response.headers.get('content-length')) > max) {
    await response.body.cancel().catch(() => {});
    return undefined;
  }
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if ((n += value.length) > max) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    parts.push(value);
  }
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.length));
  return out;
}

const causeOf = (error: unknown): string => {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error);
};
