import type { ConfigIssue } from './issues.js';

/** The name editors know a skipped item by: its id, title or name as written (quoted), if it has one. */
export function itemName(issue: ConfigIssue): string | undefined {
  const item = issue.item as Record<string, unknown> | undefined;
  const name =
    item && typeof item === 'object' ? [item.id, item.title, item.name].find((v) => typeof v === 'string' && v.trim()) : undefined;
  return name === undefined ? undefined : `“${(name as string).trim().slice(0, 80)}”`;
}
