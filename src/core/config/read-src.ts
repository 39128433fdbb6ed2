import { FetchError, readJson } from '../fetch.js';
import type { Sent } from '../request.js';

/**
 * The config a `src` address answered with, or why not: a plain English reason and the message key a translation
 * words it by (the core's `fetch_<code>`). A chunk where the widget's first screen needs no other fetching code.
 */
export async function readSrc(sent: Sent, signal?: AbortSignal): Promise<{ data: unknown } | { reason: string; code: string }> {
  try {
    return { data: (await readJson(sent, signal)).data };
  } catch (error) {
    if (signal?.aborted) throw error;
    return error instanceof FetchError
      ? { reason: error.message, code: `fetch_${error.code}` }
      : { reason: String(error), code: String(error) };
  }
}
