import { keyedIssue, type ConfigIssue } from './issues.js';
import { issuePanel, panelStyles } from './issue-panel.js';
import type { Lazy } from '../lazy.js';

// issue-text.ts for the classic-script bundle (vite.config.ts puts it in place): the wording and the editor's panel
// are inline there, so there is nothing to load and nothing that can fail to.
export const keyedIssueLater = async (
  path: string,
  key: string,
  params: Record<string, string | number> = {},
  english = params,
): Promise<ConfigIssue> => keyedIssue(path, key, params, english);

const panel = { issuePanel, panelStyles };
export const editorPanel = {
  load: Object.assign(() => Promise.resolve(panel), { value: panel }) as Lazy<typeof import('./issue-panel.js')>,
};
