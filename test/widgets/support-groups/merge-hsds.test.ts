import { expect } from '@open-wc/testing';
import { itemName } from '../../../src/core/config/issues.js';
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
