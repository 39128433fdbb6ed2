// Focus kept when the pressed control goes away, cards redrawn in a new page language, and a late answer to
// "Use my location" dropped once the element is removed or configured again.
import { fixture, html, expect } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import '../../../src/define/care-support-groups.js';
import type { CareSupportGroups } from '../../../src/widgets/support-groups/support-groups.js';
import { registerLocale } from '../../../src/core/i18n/registry.js';
import es from '../../../src/i18n/locales/es.js';
import pl from '../../../src/i18n/locales/pl.js';

registerLocale('es', es);
registerLocale('pl', pl);

const base = async () => ({ ...(await (await fetch('/test/fixtures/support-groups/groups.json')).json()), urlState: false });
const $ = (el: Element, s: string) => el.shadowRoot!.querySelector<HTMLElement>(s);
const $$ = (el: Element, s: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(s)];
const names = (el: Element) => $$(el, '.group .name').map((h) => h.textContent!.trim());
const text = (e: Element) => e.textContent!.replace(/\s+/g, ' ').trim();
const ready = async (el: CareSupportGroups) => {
  await waitUntil(() => $(el, '#count') || $(el, '.panel.error'), 'did not render', { timeout: 4000 });
  await el.updateComplete;
};
const mount = async (config: unknown) => {
  const el = await fixture<CareSupportGroups>(html`<care-support-groups .config=${config}></care-support-groups>`);
  await ready(el);
  return el;
};
const tick = async (el: CareSupportGroups, label: string) => {
  const box = $$(el, '.check')
    .find((l) => text(l).startsWith(label + ' ('))!
    .querySelector('input')!;
  box.click();
  await el.updateComplete;
};
/** Focuses the button (as a keyboard or a tap does) and presses it. */
const press = async (el: CareSupportGroups, button: HTMLElement) => {
  button.focus();
  button.click();
  await el.updateComplete;
};
const focused = (el: CareSupportGroups) => el.shadowRoot!.activeElement as HTMLElement | null;

describe('<care-support-groups> keeps focus when the pressed control goes away', () => {
  it('puts focus on the chip in the removed one’s place, else the one before it, then on the count', async () => {
    const el = await mount(await base());
    for (const label of ['Carers', 'In person', 'Online']) await tick(el, label);
    expect($$(el, '.chip').map(text)).to.deep.equal(['Remove filter: Carers', 'Remove filter: In person', 'Remove filter: Online']);
    await press(el, $$(el, '.chip')[0]!);
    expect(focused(el) === $$(el, '.chip')[0], 'the chip now in its place').to.equal(true);
    expect(text(focused(el)!)).to.equal('Remove filter: In person');
    await press(el, $$(el, '.chip')[1]!);
    expect(focused(el) === $$(el, '.chip')[0], 'the chip before the last').to.equal(true);
    expect(text(focused(el)!)).to.equal('Remove filter: In person');
    await press(el, $$(el, '.chip')[0]!);
    expect($$(el, '.chip')).to.have.length(0);
    expect(focused(el) === $(el, '#count'), 'the count, once no chip is left').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('puts focus on the count after "Clear all"', async () => {
    const el = await mount(await base());
    await tick(el, 'Online');
    await press(
      el,
      $$(el, '.chips > button').find((b) => b.textContent === 'Clear all')!,
    );
    expect($(el, '.chips')).to.equal(null);
    expect(focused(el) === $(el, '#count')).to.equal(true);
  });

  it('puts focus on the count after "Clear the search words" and "Remove the filter" when nothing matched', async () => {
    const el = await mount(await base());
    await tick(el, 'By phone');
    const input = $(el, '#q') as HTMLInputElement;
    input.value = 'melanoma';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const button = (words: string) => [...$(el, '.empty')!.querySelectorAll('button')].find((b) => b.textContent!.includes(words))!;
    await press(el, button('By phone'));
    expect(focused(el) === $(el, '#count'), 'after removing the filter').to.equal(true);
    await press(el, button('search'));
    expect(names(el)).to.have.length(5);
    expect(focused(el) === $(el, '#count'), 'after clearing the search words').to.equal(true);
  });
});

describe('<care-support-groups> in a new page language', () => {
  it('draws the cards again in it (a config of plain strings)', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="en-US"><care-support-groups .config=${await base()}></care-support-groups></div>`,
    );
    const el = wrapper.firstElementChild as CareSupportGroups;
    await ready(el);
    const westmead = () => $$(el, '.group').find((g) => g.textContent!.includes('Westmead'))!;
    expect(westmead().querySelector('.summary')!.textContent).to.contain('Next meeting').and.contain('Tuesday');
    wrapper.lang = 'es';
    await waitUntil(() => $(el, '#count')!.textContent === '5 grupos', 'the count did not change language');
    await el.updateComplete;
    const summary = westmead().querySelector('.summary')!.textContent!;
    expect(summary).to.contain('Próxima reunión').and.contain('martes');
    expect(summary).not.to.contain('Tuesday');
  });

  it('orders the filters by its collator and words a shown location error in it, keeping the query and filters (plain strings)', async () => {
    const geo = navigator.geolocation;
    // The device refuses: "We could not use your location…" is shown.
    const stub = {
      getCurrentPosition: (_: PositionCallback, fail: PositionErrorCallback) => fail({ code: 1 } as GeolocationPositionError),
    };
    Object.defineProperty(navigator, 'geolocation', { value: stub, configurable: true });
    try {
      // Polish orders "ś" after "s", English with it: "Śledziona" comes before "Szyjka macicy" in English only.
      const config = await base();
      const types = ['Skóra', 'Śledziona', 'Szyjka macicy', 'Skóra', 'Śledziona'];
      config.groups = config.groups.map((g: object, i: number) => ({ ...g, cancerTypes: [types[i]] }));
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="en"><care-support-groups .config=${{ ...config, useGeolocation: true }}></care-support-groups></div>`,
      );
      const el = wrapper.firstElementChild as CareSupportGroups;
      await ready(el);
      const input = $(el, '#q') as HTMLInputElement;
      input.value = 'breast';
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      await tick(el, 'In person');
      await waitUntil(() => $(el, '.near button'), 'no "Use my location" button');
      $(el, '.near button')!.click();
      await el.updateComplete;
      const status = () => $(el, '.near [role=status]')!.textContent!;
      expect(status()).to.equal('We could not use your location. Choose a place from the list.');
      // The cancer types' fieldset (the first): each value with its count, and whether it can be ticked.
      const typeFilters = () =>
        [...$(el, '.filters fieldset')!.querySelectorAll('.check')].map((l) => `${text(l)} ${l.querySelector('input')!.disabled}`);
      const english = ['Skóra (1) false', 'Śledziona (1) false', 'Szyjka macicy (0) true'];
      expect(typeFilters()).to.deep.equal(english);
      const before = names(el);
      expect(before).to.have.length(2);

      wrapper.lang = 'pl';
      await waitUntil(() => status() === pl['support-groups']!.locationDenied, `the location error stayed "${status()}"`, {
        timeout: 2000,
      });
      expect(typeFilters()).to.deep.equal(['Skóra (1) false', 'Szyjka macicy (0) true', 'Śledziona (1) false']);
      expect(input.value).to.equal('breast');
      expect($$(el, '.chip')).to.have.length(1);
      expect(names(el)).to.deep.equal(before);
      expect(el.indexReady, 'the search index is kept').to.equal(true);

      wrapper.lang = 'en';
      await waitUntil(() => status().startsWith('We could not'), 'the location error stayed in Polish');
      expect(typeFilters()).to.deep.equal(english);
    } finally {
      Object.defineProperty(navigator, 'geolocation', { value: geo, configurable: true });
    }
  });
});

describe('<care-support-groups> and a late answer to "Use my location"', () => {
  const geo = navigator.geolocation;
  let answers: PositionCallback[] = [];
  beforeEach(() => {
    answers = [];
    // The device answers when the test says (a real one may take seconds, or wait for the reader to allow it).
    const stub = { getCurrentPosition: (ok: PositionCallback) => answers.push(ok) };
    Object.defineProperty(navigator, 'geolocation', { value: stub, configurable: true });
  });
  afterEach(() => Object.defineProperty(navigator, 'geolocation', { value: geo, configurable: true }));
  const answer = () => answers[0]!({ coords: { latitude: -33.917, longitude: 151.241 } } as GeolocationPosition);
  const locate = async (config: object) => {
    const el = await mount({ ...config, useGeolocation: true });
    await waitUntil(() => $(el, '.near button'), 'no "Use my location" button');
    $(el, '.near button')!.click();
    await el.updateComplete;
    expect($(el, '.near [role=status]')!.textContent).to.equal('Finding where you are…');
    expect(answers).to.have.length(1);
    return el;
  };

  it('is dropped once the element is removed: no history entry, no origin', async () => {
    const el = await locate({ ...(await base()), urlState: true });
    const entries = history.length;
    const url = location.href;
    el.remove();
    answer();
    await el.updateComplete;
    expect(history.length).to.equal(entries);
    expect(location.href).to.equal(url);
    expect(el.origin).to.equal(undefined);
  });

  it('is dropped after a new config, whose Near box does not wait for it', async () => {
    const config = await base();
    const el = await locate(config);
    el.config = { ...config, groups: config.groups.slice(1), useGeolocation: true };
    await waitUntil(() => names(el).length === config.groups.length - 1, 'the new config was not shown');
    expect($(el, '.near [role=status]')!.textContent, 'the new config’s status line').to.equal('');
    answer();
    await el.updateComplete;
    expect(el.origin).to.equal(undefined);
    expect(names(el)).to.deep.equal([...names(el)].sort());
  });

  it('is dropped after a config that failed (it threw a TypeError)', async () => {
    const el = await locate(await base());
    // A JSON string, as an editor's page may set it: its `places` is not a list.
    el.config = JSON.stringify({ groups: [], places: 'Parramatta' });
    // Its wording loads zod and the schema first: a second or more on a busy machine.
    await waitUntil(() => $(el, '.panel.error'), 'no config error', { timeout: 4000 });
    expect(() => answer()).not.to.throw();
    expect(el.origin).to.equal(undefined);
  });
});

describe('<care-support-groups> places of the same name', () => {
  // Two Springfields, told apart by their postcodes (the one in a link too), and a postcode in capitals.
  const places = [
    { name: 'Springfield', postcode: '62701', lat: 39.8, lon: -89.65 },
    { name: 'Springfield', postcode: '01101', lat: 42.1, lon: -72.59 },
    { name: 'Westminster', postcode: 'SW1A 1AA', lat: 51.501, lon: -0.142 },
  ];
  let start = '';
  beforeEach(() => (start = location.href));
  afterEach(() => history.replaceState(null, '', start));

  it('chooses, shows and links the one chosen', async () => {
    const el = await mount({ ...(await base()), urlState: true, places });
    await waitUntil(() => $(el, '#near'), 'no Near box', { timeout: 4000 });
    const select = $(el, '#near') as HTMLSelectElement;
    select.value = '01101';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.origin && [el.origin.lat, el.origin.lon]).to.deep.equal([42.1, -72.59]);
    expect((select.selectedOptions[0]!.textContent ?? '').replace(/[\u2066\u2069]/g, '')).to.equal('Springfield 01101');
    expect(new URLSearchParams(location.search).get('sg-near')).to.equal('01101');
    el.remove();
    const again = await mount({ ...(await base()), urlState: true, places });
    expect(again.origin && [again.origin.lat, again.origin.lon]).to.deep.equal([42.1, -72.59]);
    // A link written by hand with the postcode in capitals, or a name alone.
    again.remove();
    history.replaceState(null, '', '?sg-near=SW1A%201AA');
    const linked = await mount({ ...(await base()), urlState: true, places });
    expect(linked.origin?.label).to.equal('Westminster');
  });
});
