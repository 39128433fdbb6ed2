import { expect } from '@open-wc/testing';
import { validate } from '../../../src/core/config/validate.js';
import { supportGroupsSchema } from '../../../src/widgets/support-groups/support-groups.schema.js';

const group = (id: string, over: Record<string, unknown> = {}) => ({ id, name: `Group ${id}`, ...over });
const check = (groups: unknown[]) => validate(supportGroupsSchema, { groups }, { lists: ['groups'] });
const ids = (r: ReturnType<typeof check>) => r.value!.groups.map((g) => g.id);

describe('support-groups config: bad groups are skipped by path', () => {
  it('skips a repeated id, naming both positions, and keeps the first', () => {
    const r = check([group('a'), group('b'), group('a', { name: 'Copy' }), group('c')]);
    expect(ids(r)).to.deep.equal(['a', 'b', 'c']);
    const message = 'Same id as groups.0: ids must be unique, so this group is skipped.';
    expect(r.skipped).to.deep.equal([
      { path: 'groups.2.id', message, key: 'duplicateId', params: { first: 'groups.0' }, item: group('a', { name: 'Copy' }) },
    ]);
    expect(r.errors).to.deep.equal([]);
  });

  it("names the editor's own positions when other groups are invalid too", () => {
    const r = check([
      group('a'),
      group('b', { audiences: ['everyone'] }),
      group('c', { colour: 'red' }),
      group('a'),
      group('d', { meets: { start: '2026-01-13T18:00', timeZone: 'Mars/Base', rrule: 'FREQ=YEARLY' } }),
    ]);
    expect(ids(r)).to.deep.equal(['a']);
    const paths = r.skipped.map((i) => i.path);
    expect(paths).to.include.members([
      'groups.1.audiences.0',
      'groups.2.colour',
      'groups.3.id',
      'groups.4.meets.timeZone',
      'groups.4.meets.rrule',
    ]);
    expect(r.skipped.find((i) => i.path === 'groups.4.meets.rrule')!.message).to.match(/^Cannot read this repeat rule: FREQ must be/);
    expect(r.skipped.find((i) => i.path === 'groups.2.colour')!.message).to.equal('Unknown setting "colour".');
  });

  it('reports each bad zone or rule on every group that has it (checks are remembered per text, not per group)', () => {
    const meets = { start: '2026-01-13T18:00', timeZone: 'Australia/Sydny', rrule: 'FREQ=MONTHLY;BYDAY=2TU' };
    const r = check([group('a', { meets }), group('b', { meets }), group('c', { meets: { ...meets, timeZone: 'Australia/Sydney' } })]);
    expect(ids(r)).to.deep.equal(['c']);
    expect(r.skipped.map((i) => i.path)).to.deep.equal(['groups.0.meets.timeZone', 'groups.1.meets.timeZone']);
  });

  it('accepts groups with no location, no meeting, no formats and any language code', () => {
    const r = check([
      group('a'),
      group('b', { languages: ['yue', 'zh-Hant', 'pt-BR', 'x-auslan'], formats: [] }),
      group('c', { location: { suburb: 'Dubbo' } }),
    ]);
    expect(r.skipped).to.deep.equal([]);
    expect(r.value!.groups[0]).to.deep.include({ cancerTypes: [], audiences: [], formats: [], languages: [] });
  });

  it('does not change the config it was given', () => {
    const groups = [group('a'), group('a'), group('b', { cost: 3 })];
    const before = JSON.stringify(groups);
    expect(ids(check(groups))).to.deep.equal(['a']);
    expect(JSON.stringify(groups)).to.equal(before);
  });

  it('still fails the whole config for a bad setting outside the list', () => {
    const r = validate(supportGroupsSchema, { groups: [group('a'), group('a')], pageSize: 0 }, { lists: ['groups'] });
    expect(r.value).to.equal(undefined);
    expect(r.errors.map((i) => i.path)).to.include('pageSize');
  });
});
