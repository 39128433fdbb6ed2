import { send } from '../request.js';
import type { ConfigIssue } from './issues.js';
import { keyedIssueLater } from './issue-text.js';

export type ConfigOrigin = 'property' | 'src' | 'inline' | 'none';

export type RawConfig = { ok: true; data: unknown; origin: ConfigOrigin } | { ok: false; issues: ConfigIssue[]; origin: ConfigOrigin };

/** The child `<script type="application/json">` of an element, if it has one. */
export const inlineScript = (host: Element): HTMLScriptElement | null => host.querySelector(':scope > script[type="application/json"]');

async function parseJson(text: string, origin: ConfigOrigin): Promise<RawConfig> {
  try {
    return { ok: true, data: JSON.parse(text), origin };
  } catch (error) {
    // The parser's own words (line and column) are the browser's, in its language.
    const key = origin === 'property' ? 'jsonProperty' : 'jsonInline';
    return { ok: false, origin, issues: [await keyedIssueLater('(root)', key, { error: (error as Error).message })] };
  }
}

/**
 * Reads the raw config in rising precedence: the `config` property, else the `src` URL, else the child
 * JSON script. The highest one present is used whole (they are not merged), so what an editor sees in one
 * place is exactly what runs.
 */
export async function loadRawConfig(
  host: Element,
  property: unknown,
  src: string | null | undefined,
  signal?: AbortSignal,
): Promise<RawConfig> {
  if (property !== undefined && property !== null) {
    return typeof property === 'string' ? parseJson(property, 'property') : { ok: true, data: property, origin: 'property' };
  }
  if (src) {
    let url: string;
    try {
      url = new URL(src, document.baseURI).href;
    } catch {
      return { ok: false, origin: 'src', issues: [await keyedIssueLater('(src)', 'badSrc', { src })] };
    }
    // The request goes at once; the code that reads the answer and words what went wrong loads beside it.
    const sent = send(url, signal);
    let read: Awaited<ReturnType<typeof import('./read-src.js').readSrc>>;
    try {
      read = await (await import('./read-src.js')).readSrc(sent, signal);
    } catch (error) {
      if (signal?.aborted) throw error;
      // That code could not load (a missing chunk, a proxy): said so; the next load asks for it again.
      const reason = `the part of the widget that reads it could not load (${String(error)})`;
      read = { reason, code: reason };
    }
    if ('data' in read) return { ok: true, data: read.data, origin: 'src' };
    // A translation gives the reason in its own words: the core's `fetch_<code>` message.
    return {
      ok: false,
      origin: 'src',
      issues: [await keyedIssueLater('(src)', 'srcFailed', { src, reason: read.code }, { src, reason: read.reason })],
    };
  }
  const script = inlineScript(host);
  if (script) return parseJson(script.textContent ?? '', 'inline');
  return { ok: true, data: undefined, origin: 'none' };
}
