import { expect } from '@open-wc/testing';
import { itemName, type ConfigIssue } from '../../../src/core/config/issues.js';
import { checkConfig } from '../../../src/core/config/check.js';
import { hsdsGroupsValidator } from '../../../src/generated/support-groups.validate.js';
import { generateGroups } from '../../fixtures/support-groups/generate.js';
import { mergeHsds } from '../../../src/widgets/support-groups/merge-hsds.js';
import { groupSchema, type Group } from '../../../src/widgets/support-groups/support-groups.schema.js';

const group = (id: string, name = `Group ${id}`): Group => groupSchema.parse({ id, name });

describe('mergeHsds: the config’s groups, then the feed’s', () => {
  it('appends the feed’s valid services after the config’s groups', async () => {
    const { groups, issues } = await mergeHsds(
      [group('g-1')],
      [
        { id: 'svc-1', name: 'Feed one' },
        { id: 'svc-2', name: 'Feed two' },
      ],
    );
    expect(groups.map((g) => g.id)).to.deep.equal(['g-1', 'svc-1', 'svc-2']);
    expect(issues).to.deep.equal([]);
  });

  it('skips invalid services and repeated ids, each issue under hsds. with the service as mapped', async () => {
    const bad = { id: 'svc-bad', name: '' };
    const again = { id: 'svc-1', name: 'Feed one again' };
    const { groups, issues } = await mergeHsds([], [{ id: 'svc-1', name: 'Feed one' }, bad, again]);
    expect(groups.map((g) => g.name)).to.deep.equal(['Feed one']);
    expect(issues.map((i) => [i.path, i.item])).to.deep.equal([
      ['hsds.groups.1.name', bad],
      ['hsds.groups.2.id', again],
    ]);
  });

  it('keeps the config’s group when the feed repeats its id, with the feed’s copy as the issue’s item', async () => {
    const { groups, issues } = await mergeHsds(
      [group('g-1', 'Ours')],
      [
        { id: 'svc-1', name: 'Feed one' },
        { id: 'g-1', name: 'Feed copy' },
      ],
    );
    expect(groups.map((g) => g.name)).to.deep.equal(['Ours', 'Feed one']);
    expect(issues).to.have.length(1);
    expect(issues[0]!.path).to.equal('hsds');
    expect(issues[0]!.message).to.equal('The config has a group with this id: the feed’s copy is skipped.');
    expect(itemName(issues[0]!)).to.equal('“g-1”');
    expect(issues[0]!.item).to.deep.include({ name: 'Feed copy' });
  });
});

// Issue 13: a feed of thousands of services is checked a part at a time (and its finder built a step at a time) in
// background tasks, so it never holds the page up in one long task. What it finds must be what checking the whole
// list at once finds: the same groups, the same problems at the same places, the first valid copy of an id kept.
describe('mergeHsds in parts finds what the whole-list check finds', () => {
  /** The whole feed checked at once, as mergeHsds did before it worked in parts (the reference). */
  async function wholeAtOnce(configGroups: Group[], raw: unknown[]) {
    const result = await checkConfig(hsdsGroupsValidator, { groups: raw }, { lists: ['groups'] });
    const issues: ConfigIssue[] = [...result.errors, ...result.skipped].map((i) => ({ ...i, path: `hsds.${i.path}` }));
    const ids = new Set(configGroups.map((g) => g.id));
    const feed = (result.value?.groups ?? []).filter((g) => !ids.has(g.id) || !issues.push({ path: 'hsds', message: 'x', item: g }));
    return { groups: [...configGroups, ...feed], issues };
  }
  const key = (i: ConfigIssue) => JSON.stringify([i.path, i.message, i.key ?? '', i.params ?? {}, i.item ?? null]);
  const sorted = (issues: ConfigIssue[]) => issues.map(key).sort();

  for (const seed of [1, 2, 3]) {
    it(`a feed of 1,250 services with bad ones and repeated ids here and there (seed ${seed})`, async () => {
      const raw: unknown[] = generateGroups(1250, seed);
      let r = seed * 7919;
      const pick = () => (r = (r * 48271) % 2147483647) % raw.length;
      // Invalid services: an empty name, an unknown audience, not an object at all.
      for (let k = 0; k < 12; k++) raw[pick()] = { ...(raw[pick()] as object), id: `bad-${k}`, name: '' };
      for (let k = 0; k < 6; k++) raw[pick()] = { ...(raw[pick()] as object), id: `aud-${k}`, audiences: ['carers'] };
      raw[pick()] = null;
      // Repeated ids: in the same part of 100, far apart, three times, and one repeating an invalid service's id.
      const idOf = (i: number) => (raw[i] as { id?: string } | null)?.id;
      for (let k = 0; k < 10; k++) {
        const from = pick();
        const to = k % 2 ? Math.min(raw.length - 1, from + 3) : pick();
        if (raw[from] && raw[to] && from !== to) raw[to] = { ...(raw[to] as object), id: idOf(from) };
      }
      raw[5] = { ...(raw[5] as object), id: 'bad-0' };
      const configGroups = [groupSchema.parse({ id: idOf(40) ?? 'x', name: 'Ours' })];
      const before = await wholeAtOnce(configGroups, raw);
      const after = await mergeHsds(configGroups, raw);
      expect(after.groups).to.deep.equal(before.groups);
      const repeatsConfig = (i: ConfigIssue) => i.path === 'hsds' && !i.key;
      expect(sorted(after.issues.filter((i) => !repeatsConfig(i)))).to.deep.equal(sorted(before.issues.filter((i) => !repeatsConfig(i))));
      expect(after.issues.filter(repeatsConfig).map((i) => i.item)).to.deep.equal(before.issues.filter(repeatsConfig).map((i) => i.item));
      expect(before.issues.length, 'the feed has problems to find').to.be.greaterThan(20);
      // The finder comes with the groups, built from these very ones.
      expect(after.finder.groups).to.equal(after.groups);
    });
  }

  it('a feed with nothing wrong needs no explanation, and keeps its order', async () => {
    const raw = generateGroups(450, 9);
    const { groups, issues } = await mergeHsds([], raw);
    expect(issues).to.deep.equal([]);
    expect(groups.map((g) => g.id)).to.deep.equal(raw.map((g) => g.id));
  });

  it('where zod cannot load to explain, says so once under hsds and keeps the valid services', async () => {
    const schema = hsdsGroupsValidator.schema;
    hsdsGroupsValidator.schema = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    try {
      const raw: unknown[] = generateGroups(300, 5);
      raw[3] = { id: 'bad-1', name: '' };
      raw[250] = { id: 'bad-2', name: '' };
      const { groups, issues } = await mergeHsds([], raw);
      expect(groups).to.have.length(298);
      expect(issues.map((i) => i.path)).to.deep.equal(['hsds']);
      expect(issues[0]!.message).to.contain('could not load');
    } finally {
      hsdsGroupsValidator.schema = schema;
    }
  });

  it('stops when its signal aborts, and says so by rejecting', async () => {
    const abort = new AbortController();
    const merging = mergeHsds([], generateGroups(2000, 4), { signal: abort.signal });
    abort.abort();
    let failed = false;
    await merging.catch(() => (failed = true));
    expect(failed).to.equal(true);
  });
});
