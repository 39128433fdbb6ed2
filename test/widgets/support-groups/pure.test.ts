import { expect } from '@open-wc/testing';
import { applyFacets, buildFacets, FACETS } from '../../../src/widgets/support-groups/facets.js';
import { createFinder, find, isGeneral, GENERAL, searchCode } from '../../../src/widgets/support-groups/finder.js';
import { distanceKm } from '../../../src/widgets/support-groups/geo.js';
import { readState, writeState, emptyState } from '../../../src/widgets/support-groups/url-state.js';
import { byDistance } from '../../../src/widgets/support-groups/near.js';
import { supportGroupsSchema, type Group } from '../../../src/widgets/support-groups/support-groups.schema.js';
import { validate } from '../../../src/core/config/validate.js';
import { generateGroups } from '../../fixtures/support-groups/generate.js';

// The search is a chunk the widget loads after its first page: load it once for these tests.
before(() => searchCode.load());

const groups = validate(supportGroupsSchema, { groups: generateGroups(2000, 7) }).value!.groups;

describe('facets (disjunctive counts)', () => {
  const finder = createFinder(groups);
  // A group open to every cancer type has every type (and the general value).
  const allTypes = [...new Set(groups.flatMap((g) => (isGeneral(g.cancerTypes) ? [] : g.cancerTypes)))];
  const types = (g: Group) => (isGeneral(g.cancerTypes) ? [GENERAL, ...allTypes] : g.cancerTypes);
  const valueOf = (g: Group, f: number): string[] =>
    [types(g), g.audiences, g.formats, g.languages, [g.cost?.type ?? '']][f]!.map((v) => v.toLowerCase());

  it('counts each value against the other facets’ selections, checked by brute force', () => {
    const state = emptyState();
    state.filters.format = ['online', 'phone'];
    state.filters.audience = ['carer'];
    state.filters.type = ['breast'];
    const found = find(finder, state);
    const passes = (g: Group, skip: number) =>
      FACETS.every((facet, f) => f === skip || !state.filters[facet].length || valueOf(g, f).some((v) => state.filters[facet].includes(v)));
    FACETS.forEach((_, f) => {
      finder.facets.values[f]!.forEach((value, v) => {
        const expected = groups.filter((g) => passes(g, f) && valueOf(g, f).includes(value)).length;
        expect(found.counts[f]![v], `${FACETS[f]}=${value}`).to.equal(expected);
      });
    });
    expect(found.list.length).to.equal(groups.filter((g) => passes(g, -1)).length);
    expect(found.list.length).to.be.greaterThan(0);
  });

  it('shows every group by name with each value’s own count when nothing is ticked, checked by brute force', () => {
    // The first list a page shows takes no pass over the groups (the table's totals): it must be what ticking
    // nothing means, value by value.
    const found = find(finder, emptyState());
    expect(found.list).to.deep.equal(finder.byName);
    expect(found.list).to.not.equal(finder.byName);
    FACETS.forEach((_, f) => {
      finder.facets.values[f]!.forEach((value, v) => {
        expect(found.counts[f]![v], `${FACETS[f]}=${value}`).to.equal(groups.filter((g) => valueOf(g, f).includes(value)).length);
      });
    });
    const none = FACETS.map(() => new Set<number>());
    expect(applyFacets(finder.facets, none, finder.byName, groups.length).counts.map((c) => [...c])).to.deep.equal(
      finder.facets.totals.map((c) => [...c]),
    );
  });

  it('ORs values within a facet and ANDs across facets', () => {
    const values: Record<string, string[][]> = { type: [['a'], ['b'], ['a', 'b']], audience: [['x'], ['x'], ['y']] };
    const table = buildFacets(3, (d, facet) => values[facet]?.[d] ?? []);
    const a = table.values[0]!.indexOf('a');
    const b = table.values[0]!.indexOf('b');
    const x = table.values[1]!.indexOf('x');
    expect(applyFacets(table, [new Set([a, b]), new Set(), new Set(), new Set(), new Set()], undefined, 3).passing).to.deep.equal([
      0, 1, 2,
    ]);
    const r = applyFacets(table, [new Set([a]), new Set([x]), new Set(), new Set(), new Set()], undefined, 3);
    expect(r.passing).to.deep.equal([0]);
    expect([...r.counts[0]!]).to.deep.equal([1, 1]); // a: doc 0; b: doc 1 (both pass audience x)
    expect([...r.counts[1]!]).to.deep.equal([1, 1]); // x: doc 0; y: doc 2 (both have a)
  });

  it('asks for each facet’s values by name, not by position', () => {
    const table = buildFacets(2, (d, facet) => (facet === 'cost' ? [['free'], ['paid']][d]! : facet === 'language' ? ['en'] : []));
    expect(table.values[FACETS.indexOf('cost')]).to.deep.equal(['free', 'paid']);
    expect(table.values[FACETS.indexOf('language')]).to.deep.equal(['en']);
    expect(table.values[FACETS.indexOf('type')]).to.deep.equal([]);
  });

  it('fills each facet from the group field of that name', () => {
    const values = (facet: (typeof FACETS)[number], of: (g: Group) => (string | undefined)[]) => {
      const distinct = new Set(
        groups
          .flatMap(of)
          .filter(Boolean)
          .map((v) => v!.toLowerCase()),
      );
      expect(finder.facets.values[FACETS.indexOf(facet)], facet).to.have.members([...distinct]);
    };
    values('type', types);
    values('audience', (g) => g.audiences);
    values('format', (g) => g.formats);
    values('language', (g) => g.languages);
    values('cost', (g) => [g.cost?.type]);
  });

  it('applies facets after the text search', () => {
    const state = emptyState();
    state.q = 'brest ';
    const found = find(finder, state);
    expect(found.list.length).to.be.greaterThan(0);
    expect(found.list.every((i) => /breast/i.test(JSON.stringify(groups[i])) || isGeneral(groups[i]!.cancerTypes))).to.equal(true);
  });
});

describe('distance', () => {
  it('computes great-circle km', () => {
    // Westmead → Sydney CBD is about 22 km.
    expect(distanceKm(-33.807, 150.987, -33.8688, 151.2093)).to.be.within(20, 23);
    expect(distanceKm(0, 0, 0, 0)).to.equal(0);
  });

  it('orders in-person groups nearest first, then groups available anywhere, then unlocated ones', () => {
    const origin = { lat: -33.815, lon: 151.001 };
    const found = find(createFinder(groups), emptyState(), origin, byDistance);
    const km = found.list.map(found.km);
    const located = km.filter((k): k is number => k !== undefined);
    expect(located.length).to.be.greaterThan(100);
    expect(located).to.deep.equal([...located].sort((a, b) => a - b));
    // Every located group comes before every unlocated one.
    expect(km.slice(0, located.length).every((k) => k !== undefined)).to.equal(true);
    const rest = found.list.slice(located.length).map((i) => groups[i]!);
    const firstInPersonOnly = rest.findIndex((g) => g.formats.every((f) => f === 'in-person'));
    expect(
      rest.slice(0, firstInPersonOnly < 0 ? undefined : firstInPersonOnly).every((g) => g.formats.some((f) => f !== 'in-person')),
    ).to.equal(true);
  });
});

describe('URL state', () => {
  it('round-trips the query, filters and place, keeping other parameters', () => {
    const state = emptyState();
    state.q = 'bowel cancer';
    state.filters.format = ['online'];
    state.filters.audience = ['carer', 'family'];
    state.near = 'Parramatta';
    const search = writeState(state, '?page=about&x=1', 'sg-');
    expect(search).to.contain('page=about');
    expect(search).to.contain('sg-format=online');
    expect(readState(search, 'sg-')).to.deep.equal(state);
    expect(readState(search, '').q).to.equal('');
  });
  it('drops empty values', () => {
    expect(writeState(emptyState(), '', 'sg-')).to.equal('');
  });
  it('leaves the host page’s parameters exactly as written, its own `q` included', () => {
    const state = { ...emptyState(), q: 'bowel' };
    expect(writeState(state, '?q=cats+dogs&flag&page=2&sg-q=old', 'sg-')).to.equal('?q=cats+dogs&flag&page=2&sg-q=bowel');
    expect(writeState(emptyState(), '?q=cats%20dogs&sg-q=old&sg-format=online', 'sg-')).to.equal('?q=cats%20dogs');
    expect(readState('?q=cats&page=2', 'sg-')).to.deep.equal(emptyState());
  });
});
