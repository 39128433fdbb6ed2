import { keyedIssue, type ConfigIssue } from './issues.js';

// issue-text.ts for the classic-script bundle (vite.config.ts puts it in place): the wording is inline there, so
// there is nothing to load and nothing that can fail to.
export const keyedIssueLater = async (
  path: string,
  key: string,
  params: Record<string, string | number> = {},
  english = params,
): Promise<ConfigIssue> => keyedIssue(path, key, params, english);
