// Issue 11 (patient-first), the pure parts: cost kinds, language names, distance units, general groups, link labels.
import { expect } from '@open-wc/testing';
import { COSTS, readCost } from '../../../src/widgets/support-groups/cost.js';
import { languageName, languageTag } from '../../../src/widgets/support-groups/language.js';
import { distanceUnit, inUnit } from '../../../src/widgets/support-groups/geo.js';
import { linkPlatform } from '../../../src/widgets/support-groups/links.js';
import { createFinder, find, isGeneral, searchCode } from '../../../src/widgets/support-groups/finder.js';
import { emptyState } from '../../../src/widgets/support-groups/url-state.js';
import { supportGroupsSchema } from '../../../src/widgets/support-groups/support-groups.schema.js';
import { validate } from '../../../src/core/config/validate.js';
import { generateGroups } from '../../fixtures/support-groups/generate.js';

// The search is a chunk the widget loads after its first page: load it once for these tests.
before(() => searchCode.load());

const check = (groups: unknown[]) => validate(supportGroupsSchema, { groups }, { lists: ['groups'], fields: ['groups.*.cost'] });

describe('cost: a small closed set plus an optional note', () => {
  it('reads old texts that clearly name a kind, keeping the rest as a note', () => {
    expect(readCost('Free')).to.deep.equal({ type: 'free' });
    expect(readCost('free')).to.deep.equal({ type: 'free' });
    expect(readCost('Free (we call you)')).to.deep.equal({ type: 'free', note: 'we call you' });
    expect(readCost('Free, bus fares refunded')).to.deep.equal({ type: 'free', note: 'bus fares refunded' });
    expect(readCost('No cost')).to.deep.equal({ type: 'free' });
    expect(readCost('low cost')).to.deep.equal({ type: 'low-cost' });
    expect(readCost('Low-cost: £2 for tea')).to.deep.equal({ type: 'low-cost', note: '£2 for tea' });
    expect(readCost('paid')).to.deep.equal({ type: 'paid' });
    expect(readCost('Gold coin donation')).to.deep.equal({ type: 'donation', note: 'Gold coin donation' });
    expect(readCost('Ask at reception')).to.equal(undefined);
    expect(readCost('Freeport parking fee')).to.equal(undefined);
  });

  it('validates the new shape, maps clear old texts, and drops an unclear one with a message naming the kinds', () => {
    const r = check([
      { id: 'a', name: 'A', cost: { type: 'free', note: 'Tea and biscuits' } },
      { id: 'b', name: 'B', cost: 'Free (we call you)' },
      { id: 'c', name: 'C', cost: 'Ask at reception' },
      { id: 'd', name: 'D', cost: { type: 'cheap' } },
    ]);
    expect(r.value!.groups.map((g) => g.cost)).to.deep.equal([
      { type: 'free', note: 'Tea and biscuits' },
      { type: 'free', note: 'we call you' },
      undefined,
      undefined,
    ]);
    const c = r.skipped.find((i) => i.path === 'groups.2.cost')!;
    expect(c.message).to.contain('"free", "low-cost", "paid", "donation"');
    expect(r.skipped.find((i) => i.path === 'groups.3.cost.type')!.message).to.contain('"low-cost"');
    expect(COSTS).to.deep.equal(['free', 'low-cost', 'paid', 'donation']);
  });

  it('gives the Cost filter exactly the closed set, however the notes are worded', () => {
    const groups = check([
      { id: 'a', name: 'A', cost: 'Free' },
      { id: 'b', name: 'B', cost: 'Free (we call you)' },
      { id: 'c', name: 'C', cost: 'Free, bus fares refunded' },
      { id: 'd', name: 'D', cost: { type: 'donation', note: 'Gold coin' } },
      { id: 'e', name: 'E', cost: { type: 'low-cost' } },
    ]).value!.groups;
    const finder = createFinder(groups);
    expect(finder.facets.values[4]).to.deep.equal(['free', 'low-cost', 'donation']);
  });
});

describe('languages: names become tags, shown in the viewer’s language', () => {
  it('normalises names and tags', () => {
    expect(languageTag('spanish')).to.equal('es');
    expect(languageTag('Spanish')).to.equal('es');
    expect(languageTag('Español')).to.equal('es');
    expect(languageTag('ARABIC')).to.equal('ar');
    expect(languageTag('Cantonese')).to.equal('yue');
    expect(languageTag('EN')).to.equal('en');
    expect(languageTag('pt-br')).to.equal('pt-BR');
    expect(languageTag('zh-Hant')).to.equal('zh-Hant');
    expect(languageTag('x-auslan')).to.equal('x-auslan');
    expect(languageTag('Klingonese')).to.equal('Klingonese');
  });

  it('shows a tag by Intl.DisplayNames in the viewer’s language', () => {
    expect(languageName('es', 'en')).to.equal('Spanish');
    expect(languageName('es', 'es')).to.equal('español');
    expect(languageName('Klingonese', 'en')).to.equal('Klingonese');
  });

  it('reads names in config and HSDS data as tags, so the filter has one value per language', () => {
    const groups = check([
      { id: 'a', name: 'A', languages: ['spanish', 'English'] },
      { id: 'b', name: 'B', languages: ['es', 'en'] },
    ]).value!.groups;
    expect(groups.map((g) => g.languages)).to.deep.equal([
      ['es', 'en'],
      ['es', 'en'],
    ]);
    expect(createFinder(groups).facets.values[3]).to.have.members(['es', 'en']);
  });
});

describe('distance units by locale', () => {
  it('uses miles where the page’s region does (US, GB), km elsewhere, and the config wins', () => {
    expect(distanceUnit('en-US')).to.equal('miles');
    expect(distanceUnit('en-GB')).to.equal('miles');
    expect(distanceUnit('en-AU')).to.equal('km');
    expect(distanceUnit('fr-FR')).to.equal('km');
    expect(distanceUnit('en')).to.equal('km');
    expect(distanceUnit('en-GB', 'km')).to.equal('km');
    expect(distanceUnit('en-AU', 'miles')).to.equal('miles');
    expect(inUnit(1.609344, 'miles')).to.be.closeTo(1, 1e-9);
    expect(inUnit(5, 'km')).to.equal(5);
  });
});

describe('links labelled by platform', () => {
  it('names Facebook, WhatsApp and Zoom links; anything else is a website', () => {
    expect(linkPlatform('https://www.facebook.com/groups/123')).to.equal('facebook');
    expect(linkPlatform('https://m.facebook.com/groups/123')).to.equal('facebook');
    expect(linkPlatform('https://chat.whatsapp.com/AbC')).to.equal('whatsapp');
    expect(linkPlatform('https://wa.me/441234')).to.equal('whatsapp');
    expect(linkPlatform('https://us02web.zoom.us/j/123')).to.equal('zoom');
    expect(linkPlatform('https://example.org/zoom.us')).to.equal(undefined);
    expect(linkPlatform('https://notfacebook.com/')).to.equal(undefined);
  });
});

describe('groups open to every cancer type', () => {
  const groups = check([
    { id: 'g', name: 'Any Cancer Circle', cancerTypes: ['any cancer'] },
    { id: 'b1', name: 'Breast Group B', cancerTypes: ['breast'] },
    { id: 'l', name: 'Lung Group', cancerTypes: ['lung'] },
    { id: 'a', name: 'All Cancers Coffee', cancerTypes: ['All cancers'] },
    { id: 'b2', name: 'Breast Group A', cancerTypes: ['breast'] },
  ]).value!.groups;
  const names = (list: number[]) => list.map((i) => groups[i]!.name);

  it('knows a general group by its words', () => {
    expect(isGeneral(['any cancer'])).to.equal(true);
    expect(isGeneral(['All cancers'])).to.equal(true);
    expect(isGeneral(['all'])).to.equal(true);
    expect(isGeneral(['all cancer types'])).to.equal(true);
    expect(isGeneral(['breast'])).to.equal(false);
    expect(isGeneral([])).to.equal(false);
  });

  it('matches every cancer-type filter, after the specific groups, and counts in every type', () => {
    const finder = createFinder(groups);
    const state = emptyState();
    state.filters.type = ['breast'];
    const found = find(finder, state);
    expect(names(found.list)).to.deep.equal(['Breast Group A', 'Breast Group B', 'All Cancers Coffee', 'Any Cancer Circle']);
    const types = finder.facets.values[0]!;
    expect(found.counts[0]![types.indexOf('lung')]).to.equal(3);
    expect(found.counts[0]![types.indexOf('breast')]).to.equal(4);
  });

  it('matches every cancer-type search, after the specific groups, even a type no group names', () => {
    const finder = createFinder(groups);
    expect(names(find(finder, { ...emptyState(), q: 'breast' }).list)).to.deep.equal([
      'Breast Group A',
      'Breast Group B',
      'All Cancers Coffee',
      'Any Cancer Circle',
    ]);
    expect(names(find(finder, { ...emptyState(), q: 'brest' }).list).slice(2)).to.deep.equal(['All Cancers Coffee', 'Any Cancer Circle']);
    expect(names(find(finder, { ...emptyState(), q: 'pancreatic' }).list)).to.deep.equal(['All Cancers Coffee', 'Any Cancer Circle']);
    expect(names(find(finder, { ...emptyState(), q: 'coffee' }).list)).to.deep.equal(['All Cancers Coffee']);
  });

  it('keeps 10,000 generated groups consistent: every breast search result is breast-specific or general', () => {
    const many = check(generateGroups(10000)).value!.groups;
    const finder = createFinder(many);
    const list = find(finder, { ...emptyState(), q: 'breast' }).list;
    const general = list.findIndex((i) => !many[i]!.cancerTypes.includes('breast'));
    expect(general).to.be.greaterThan(0);
    expect(
      list.slice(general).every((i) => isGeneral(many[i]!.cancerTypes) || !/breast/i.test(many[i]!.name + many[i]!.cancerTypes.join())),
    ).to.equal(true);
    expect(list.length).to.equal(
      many.filter(
        (g) =>
          g.cancerTypes.includes('breast') || isGeneral(g.cancerTypes) || /breast/i.test(`${g.name} ${g.description} ${g.organization}`),
      ).length,
    );
  });
});
