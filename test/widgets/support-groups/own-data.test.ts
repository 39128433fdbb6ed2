// The CEO's check, with a 10,000-group data set written apart from our generator (different names, towns,
// gaps and oddities): counts, typo search, distance order and the URL are checked against brute force here.
import { fixture, html, expect } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import '../../../src/define/care-support-groups.js';
import type { CareSupportGroups } from '../../../src/widgets/support-groups/support-groups.js';

const TYPES = ['breast', 'bowel', 'lung', 'prostate', 'melanoma', 'leukaemia', 'ovarian', 'pancreatic'];
const LANGS = ['en', 'yue', 'zh-Hant', 'pt-BR', 'fa', 'sm', 'x-auslan'];
const TOWNS: [string, number, number][] = [
  ['Parramatta', -33.815, 151.001],
  ['Dubbo', -32.243, 148.604],
  ['Bondi', -33.891, 151.274],
  ['Katoomba', -33.714, 150.312],
];
const FORMATS = [['in-person'], ['online'], ['phone'], ['in-person', 'video'], []];
const AUDIENCES = [['patient'], ['carer'], ['patient', 'family'], []];
// Old texts (read as a kind: "Gold coin donation" is a donation) and the new shape.
const COSTS = ['Free', 'free', { type: 'free' }, 'Gold coin donation', undefined];

interface Own {
  id: string;
  name: string;
  cancerTypes: string[];
  audiences: string[];
  formats: string[];
  languages: string[];
  cost?: string | { type: string };
  location?: { suburb: string; lat: number; lon: number };
  meets?: object;
  schedule?: string;
}

function ownGroups(n: number): Own[] {
  let seed = 7;
  const r = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const type = TYPES[i % TYPES.length]!;
    const [suburb, lat, lon] = pick(TOWNS);
    const cost = pick(COSTS);
    const g: Own = {
      // Every 1000th group repeats the id before it: a copy-paste slip.
      id: i % 1000 === 999 ? `own-${i - 1}` : `own-${i}`,
      name: `${type[0]!.toUpperCase()}${type.slice(1)} circle ${i}`,
      cancerTypes: [type],
      audiences: pick(AUDIENCES),
      formats: pick(FORMATS),
      languages: [pick(LANGS)],
      ...(cost ? { cost } : {}),
    };
    if (r() > 0.1) g.location = { suburb, lat: lat + r() / 10, lon: lon + r() / 10 };
    if (r() > 0.1)
      g.meets = {
        start: '2026-02-03T10:00',
        timeZone: pick(['Australia/Sydney', 'Australia/Perth']),
        rrule: `FREQ=MONTHLY;BYDAY=${1 + (i % 4)}TU`,
      };
    else g.schedule = 'Ring for times';
    return g;
  });
}

const data = ownGroups(10000);
const valid = data.filter((_, i) => i % 1000 !== 999);
const $ = (el: Element, s: string) => el.shadowRoot!.querySelector<HTMLElement>(s);
const $$ = (el: Element, s: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(s)];
const count = (el: Element) => $(el, '#count')!.textContent;
const box = (el: Element, legend: string, label: string) => {
  const set = $$(el, 'fieldset').find((f) => f.querySelector('legend')!.textContent === legend)!;
  const l = [...set.querySelectorAll('.check')].find((c) =>
    c
      .textContent!.replace(/\s+/g, ' ')
      .trim()
      .startsWith(label + ' ('),
  )!;
  return { input: l.querySelector('input')!, n: Number(/\(([\d,]+)\)/.exec(l.querySelector('.n')!.textContent!)![1]!.replace(/,/g, '')) };
};
const config = { groups: data, places: [{ name: 'Parramatta', postcode: '2150', lat: -33.815, lon: 151.001 }], pageSize: 20 };
const mount = async () => {
  const el = await fixture<CareSupportGroups>(html`<care-support-groups .config=${config}></care-support-groups>`);
  // A long list shows its first page first ("Loading…" in place of the count), then the whole list: these tests
  // check the whole list.
  await waitUntil(() => $(el, '#count') && count(el) !== 'Loading…', 'did not render the whole list', { timeout: 15000 });
  return el;
};
const type = async (el: CareSupportGroups, text: string) => {
  const input = $(el, '#q') as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
};
const km = (a: number, b: number, c: number, d: number) => {
  const rad = Math.PI / 180;
  const h = Math.sin(((c - a) * rad) / 2) ** 2 + Math.cos(a * rad) * Math.cos(c * rad) * Math.sin(((d - b) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
};

let startUrl = '';
beforeEach(() => (startUrl = location.href));
afterEach(() => history.replaceState(null, '', startUrl));

describe('<care-support-groups> with 10,000 groups of our own', function () {
  this.timeout(60000);

  it('lists every group with a unique id, skipping the repeated ids by path', async () => {
    const el = await mount();
    expect(count(el)).to.equal('9,990 groups');
    expect($$(el, '.group')).to.have.length(20);
    const panel = $(el, 'details.panel')!.textContent!;
    expect(panel).to.contain('10 items were left out').and.contain('groups.999.id (“own-998”): Same id as groups.998');
  });

  it('counts every facet value as brute force does, following the other filters', async () => {
    const el = await mount();
    const online = valid.filter((g) => g.formats.includes('online'));
    expect(box(el, 'How it meets', 'Online').n).to.equal(online.length);
    expect(box(el, 'Cost', 'Free').n).to.equal(
      valid.filter((g) => g.cost && (typeof g.cost === 'string' ? g.cost.toLowerCase() : g.cost.type) === 'free').length,
    );
    box(el, 'How it meets', 'Online').input.click();
    await el.updateComplete;
    expect(count(el)).to.equal(`${online.length.toLocaleString('en-US')} groups`);
    expect(box(el, 'Who it is for', 'Carers').n).to.equal(online.filter((g) => g.audiences.includes('carer')).length);
    expect(box(el, 'Cancer type', 'Melanoma').n).to.equal(online.filter((g) => g.cancerTypes.includes('melanoma')).length);
    // The ticked facet's own values count as if ticked: In person adds groups, so its count ignores Online.
    expect(box(el, 'How it meets', 'In person').n).to.equal(valid.filter((g) => g.formats.includes('in-person')).length);
    box(el, 'Who it is for', 'Carers').input.click();
    await el.updateComplete;
    const both = online.filter((g) => g.audiences.includes('carer'));
    expect(count(el)).to.equal(`${both.length} groups`);
    const languages = $$(el, 'fieldset')
      .find((f) => f.querySelector('legend')!.textContent === 'Language')!
      .querySelectorAll('.check');
    expect(languages).to.have.length(LANGS.length);
    await expect(el).to.be.accessible();
  });

  it('finds breast groups from "brest" as the words are typed, from the first letter', async () => {
    const el = await mount();
    await type(el, 'b');
    const b = valid.filter((g) => g.cancerTypes[0]!.startsWith('b') || g.location?.suburb.startsWith('B'));
    expect(count(el)).to.equal(`${b.length.toLocaleString('en-US')} groups`);
    await type(el, 'brest');
    expect(count(el)).to.equal(`${valid.filter((g) => g.cancerTypes[0] === 'breast').length.toLocaleString('en-US')} groups`);
    expect($$(el, '.group h3').every((h) => h.textContent!.startsWith('Breast circle'))).to.equal(true);
  });

  it('orders in-person groups by distance from a postcode, as brute force does', async () => {
    const el = await mount();
    const select = $(el, '#near') as HTMLSelectElement;
    select.value = 'Parramatta';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const expected = valid
      .filter((g) => g.location && (!g.formats.length || g.formats.includes('in-person')))
      .map((g) => [g.name, km(-33.815, 151.001, g.location!.lat, g.location!.lon)] as const)
      .sort((a, b) => a[1] - b[1])
      .slice(0, 20)
      .map(([name]) => name);
    expect($$(el, '.group h3').map((h) => h.textContent)).to.deep.equal(expected);
  });

  it('round-trips the query and filters through the page URL', async () => {
    const el = await mount();
    box(el, 'How it meets', 'By phone').input.click();
    await el.updateComplete;
    await type(el, 'lung');
    await waitUntil(() => new URLSearchParams(location.search).get('sg-q') === 'lung', 'query not in the URL', { timeout: 3000 });
    expect(new URLSearchParams(location.search).getAll('sg-format')).to.deep.equal(['phone']);
    const shown = count(el);
    expect(shown).to.equal(`${valid.filter((g) => g.cancerTypes[0] === 'lung' && g.formats.includes('phone')).length} groups`);
    el.remove();
    const again = await mount();
    expect(($(again, '#q') as HTMLInputElement).value).to.equal('lung');
    expect(box(again, 'How it meets', 'By phone').input.checked).to.equal(true);
    expect(count(again)).to.equal(shown);
  });
});
