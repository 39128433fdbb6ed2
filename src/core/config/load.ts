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
    try {
      return await (await import('./read-src.js')).readSrc(src, sent, signal);
    } catch (error) {
      if (signal?.aborted) throw error;
      // That code could not load (a missing chunk, a proxy): said so; the next load asks for it again.
      return { ok: false, origin: 'src', issues: [await keyedIssueLater('(src)', 'srcFailed', { src, reason: String(error) })] };
    }
  }
  const script = inlineScript(host);
  if (script) return parseJson(script.textContent ?? '', 'inline');
  return { ok: true, data: undefined, origin: 'none' };
}
