import { explainConfig } from '../../core/config/check.js';
import type { ConfigIssue } from '../../core/config/issues.js';
import { keyedIssueLater } from '../../core/config/issue-text.js';
import { hsdsGroupsValidator } from '../../generated/support-groups.validate.js';
import type { Group } from './support-groups.schema.js';
import { inSlices } from '../../core/tasks.js';
import { finderSteps, type Finder } from './finder.js';

const REPEATS_CONFIG = 'The config has a group with this id: the feed’s copy is skipped.';
/** Services checked in one step (a millisecond or two on a phone). */
const PART = 100;

export interface MergeOptions {
  /** Ends the work (a new config, the element removed): the promise rejects. */
  signal?: AbortSignal;
  /** The finder's synonyms and language, to build it from the merged list (in background slices too). */
  synonyms?: Record<string, string[]>;
  locale?: string;
}

/**
 * The config's groups, then the feed's (`raw`: services already mapped to groups, with `cut` when some of the feed's
 * services could not be read: an issue under `hsds`), and the finder built from them. A service that is invalid,
 * repeats an id in the feed, or repeats a config group's id is skipped: each becomes an issue under `hsds` carrying
 * the service, so editors can find it by its id.
 *
 * A feed may hold thousands of services: they are checked by the compiled validator a part at a time, and the
 * finder built a step at a time, in background tasks of a few milliseconds (`inSlices`), so a long feed never
 * holds the page up in one long task. zod loads only to explain a service the validator rejects, checked alone
 * (a part with a bad service is checked service by service), at its place in the feed; ids repeated anywhere in
 * the feed are found over the whole of it, the first valid one kept, as checking the whole list at once does.
 */
export async function mergeHsds(
  configGroups: Group[],
  raw: readonly unknown[] & { cut?: string },
  { signal = new AbortController().signal, synonyms, locale }: MergeOptions = {},
): Promise<{ groups: Group[]; issues: ConfigIssue[]; finder: Finder }> {
  const accept = (items: readonly unknown[]) => hsdsGroupsValidator.accept({ groups: items })?.groups;
  // Each service's group, or undefined where the validator rejects it alone (zod says why, below).
  const checked = await inSlices(
    (function* () {
      const out: (Group | undefined)[] = [];
      for (let at = 0; at < raw.length; at += PART) {
        const part = raw.slice(at, at + PART);
        // A part the validator rejects (a bad service, or an id repeated in it): each of its services alone.
        out.push(...(accept(part) ?? part.map((s) => accept([s])?.[0])));
        yield;
      }
      return out;
    })(),
    signal,
  );
  // Services the feed has but did not give (more pages than are read): said first.
  const issues: ConfigIssue[] = raw.cut ? [{ path: 'hsds', message: raw.cut }] : [];
  const at = (i: number, path: string) => `hsds.groups.${i}${path.replace(/^groups\.0/, '')}`;
  // An id repeats when an earlier service, valid or not, has it (as the whole-list check sees the feed as written):
  // the later one is skipped, naming the first.
  const first = new Map<unknown, number>();
  // Root problems already said (an explanation that cannot load fails alike for every service: said once).
  const said = new Set<string>();
  const feed: Group[] = [];
  for (let i = 0; i < raw.length; i++) {
    let g = checked[i];
    if (!g) {
      const result = await explainConfig(hsdsGroupsValidator, { groups: [raw[i]] }, { lists: ['groups'] });
      for (const x of [...result.errors, ...result.skipped])
        if (x.path.startsWith('groups.0')) issues.push({ ...x, path: at(i, x.path) });
        // The explanation itself could not load (a problem at its root): said once, under hsds; the service is skipped.
        else if (!said.has(x.message)) {
          said.add(x.message);
          issues.push({ ...x, path: 'hsds' });
        }
      g = result.value?.groups[0];
    }
    const id = (raw[i] as { id?: unknown } | null)?.id;
    const before = first.get(id);
    if (before === undefined) first.set(id, i);
    else if (typeof id == 'string') {
      issues.push({ ...(await keyedIssueLater(at(i, '.id'), 'duplicateId', { first: `groups.${before}` })), item: raw[i] });
      continue;
    }
    if (g) feed.push(g);
  }
  signal.throwIfAborted();
  const ids = new Set(configGroups.map((g) => g.id));
  const groups = [
    ...configGroups,
    ...feed.filter((g) => !ids.has(g.id) || !issues.push({ path: 'hsds', message: REPEATS_CONFIG, item: g })),
  ];
  return { groups, issues, finder: await inSlices(finderSteps(groups, synonyms, locale), signal) };
}
