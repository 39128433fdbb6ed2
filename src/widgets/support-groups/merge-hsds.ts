import { checkConfig } from '../../core/config/check.js';
import type { ConfigIssue } from '../../core/config/issues.js';
import { hsdsGroupsValidator } from '../../generated/support-groups.validate.js';
import type { Group } from './support-groups.schema.js';

const REPEATS_CONFIG = 'The config has a group with this id: the feed’s copy is skipped.';

/**
 * The config's groups, then the feed's (`raw`: services already mapped to groups, with `cut` when some of the feed's
 * services could not be read: an issue under `hsds`). A service that is invalid,
 * repeats an id in the feed, or repeats a config group's id is skipped: each becomes an issue under `hsds`
 * carrying the service, so editors can find it by its id. The compiled validator checks the feed; zod loads
 * only to explain a service it rejects.
 */
export async function mergeHsds(
  configGroups: Group[],
  raw: readonly unknown[] & { cut?: string },
): Promise<{ groups: Group[]; issues: ConfigIssue[] }> {
  const result = await checkConfig(hsdsGroupsValidator, { groups: raw }, { lists: ['groups'] });
  const issues: ConfigIssue[] = [...result.errors, ...result.skipped].map((i) => ({ ...i, path: `hsds.${i.path}` }));
  // Services the feed has but did not give (more pages than are read): said first.
  if (raw.cut) issues.unshift({ path: 'hsds', message: raw.cut });
  const ids = new Set(configGroups.map((g) => g.id));
  const feed = (result.value?.groups ?? []).filter(
    (g) => !ids.has(g.id) || !issues.push({ path: 'hsds', message: REPEATS_CONFIG, item: g }),
  );
  return { groups: [...configGroups, ...feed], issues };
}
