import { FetchError, readJson } from '../fetch.js';
import type { Sent } from '../request.js';
import { keyedIssueLater } from './issue-text.js';
import type { RawConfig } from './load.js';

/**
 * The config a `src` address answered with, or the problem to show (its reason in plain English, and the message
 * key a translation words it by: the core's `fetch_<code>`). A chunk where the widget's first screen needs no
 * other fetching code.
 */
export async function readSrc(src: string, sent: Sent, signal?: AbortSignal): Promise<RawConfig> {
  try {
    return { ok: true, data: (await readJson(sent, signal)).data, origin: 'src' };
  } catch (error) {
    if (signal?.aborted) throw error;
    const [reason, code] = error instanceof FetchError ? [error.message, `fetch_${error.code}`] : [String(error), String(error)];
    return { ok: false, origin: 'src', issues: [await keyedIssueLater('(src)', 'srcFailed', { src, reason: code }, { src, reason })] };
  }
}
