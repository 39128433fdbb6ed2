import type { ConfigIssue } from './issues.js';
import { lazy } from '../lazy.js';

// The wording of config problems (issues.ts: every English message) is a chunk of its own, loaded with the first
// problem: a page whose config is fine never downloads it. zod's explanations (zod-issues.ts) share it. The classic
// script uses issue-text.inline.ts instead (vite.config.ts), as it carries everything inline.
const wording = lazy(() => import('./issues.js'));

/** The editor's panel of problems (issue-panel.ts), a chunk loaded with the wording: the element draws it. (An object, so tests can swap it.) */
export const editorPanel = { load: lazy(() => import('./issue-panel.js')) };

/**
 * `keyedIssue` from its chunk. Where that chunk cannot load (a proxy or the page's CSP blocks it), the message is
 * the key and its values, which still say what is wrong and where.
 */
export async function keyedIssueLater(
  path: string,
  key: string,
  params: Record<string, string | number> = {},
  english = params,
): Promise<ConfigIssue> {
  try {
    const [text] = await Promise.all([wording(), editorPanel.load().catch(() => {})]);
    return text.keyedIssue(path, key, params, english);
  } catch {
    return { path, key, params, message: `${key} ${JSON.stringify(english)}` };
  }
}
