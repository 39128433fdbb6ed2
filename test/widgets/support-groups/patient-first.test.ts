// Issue 11 (patient-first): phone-first filtering, plain words, visible numbers, general groups, units, headings.
import { fixture, html, expect } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import { setViewport } from '@web/test-runner-commands';
import '../../../src/define/care-support-groups.js';
import type { CareSupportGroups } from '../../../src/widgets/support-groups/support-groups.js';
import { english } from '../../helpers/english.js';
import { fleschKincaid } from '../../helpers/readability.js';

const base = async () => ({ ...(await (await fetch('/test/fixtures/support-groups/groups.json')).json()), urlState: false });
const $ = (el: Element, s: string) => el.shadowRoot!.querySelector<HTMLElement>(s);
const $$ = (el: Element, s: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(s)];
const names = (el: Element) => $$(el, '.group .name').map((h) => h.textContent!.trim());
const text = (e: Element | null) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();
const ready = async (el: CareSupportGroups) => {
  await waitUntil(() => $(el, '#count') || $(el, '.panel.error, [role=alert]'), 'did not render', { timeout: 4000 });
  await el.updateComplete;
};
const mount = async (config: unknown, attrs: { lang?: string; heading?: string } = {}) => {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${attrs.lang ?? 'en-AU'}>
      <care-support-groups heading-level=${attrs.heading ?? ''} .config=${config}></care-support-groups>
    </div>`,
  );
  const el = wrapper.firstElementChild as CareSupportGroups;
  if (!attrs.heading) el.removeAttribute('heading-level');
  await ready(el);
  return el;
};
const option = (el: Element, legend: string, label: string) => {
  const set = $$(el, 'fieldset').find((f) => text(f.querySelector('legend')) === legend)!;
  return [...set.querySelectorAll('.check')].find((c) => text(c).startsWith(label + ' ('))!;
};
const checkbox = (el: Element, legend: string, label: string) => option(el, legend, label).querySelector('input')!;
const type = async (el: CareSupportGroups, q: string) => {
  const input = $(el, '#q') as HTMLInputElement;
  input.value = q;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
};
const general = {
  id: 'g-any',
  name: 'Any Cancer Coffee Morning',
  cancerTypes: ['all cancers'],
  audiences: ['patient'],
  formats: ['in-person'],
  languages: ['en'],
  cost: { type: 'free' },
};

describe('<care-support-groups> patient-first (issue 11)', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('on a phone, open filters end in "Show N groups", which closes them and moves focus to the results heading', async () => {
    await setViewport({ width: 360, height: 700 });
    const el = await mount(await base());
    const filters = $(el, 'details.filters') as HTMLDetailsElement;
    expect(filters.open).to.equal(false);
    filters.querySelector('summary')!.click();
    await el.updateComplete;
    expect(filters.open).to.equal(true);
    const show = () => filters.querySelector<HTMLButtonElement>('button.show')!;
    expect(text(show())).to.equal('Show 5 groups');
    checkbox(el, 'How it meets', 'By phone').click();
    await el.updateComplete;
    expect(text(show())).to.equal('Show 1 group');
    // The button is on screen while the filters are being ticked.
    const r = show().getBoundingClientRect();
    expect(r.bottom).to.be.at.most(innerHeight + 1);
    expect(r.top).to.be.at.least(0);
    show().click();
    await el.updateComplete;
    expect(filters.open).to.equal(false);
    expect(names(el)).to.have.length(1);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#count'));
    expect(text($(el, '#count'))).to.equal('1 group');
  });

  it('on a wide screen, filters stay open beside the results with no extra step', async () => {
    await setViewport({ width: 1200, height: 800 });
    const el = await mount(await base());
    expect(($(el, 'details.filters') as HTMLDetailsElement).open).to.equal(true);
    expect($(el, 'button.show')?.offsetParent ?? null).to.equal(null);
  });

  it('offers "(0)" options disabled, but a ticked one stays removable', async () => {
    await setViewport({ width: 1200, height: 800 });
    const el = await mount(await base());
    checkbox(el, 'Who it is for', 'Carers').click();
    await el.updateComplete;
    // No carers group meets by phone.
    expect(text(option(el, 'How it meets', 'By phone'))).to.contain('(0)');
    expect(checkbox(el, 'How it meets', 'By phone').disabled).to.equal(true);
    expect(checkbox(el, 'How it meets', 'Online').disabled).to.equal(false);
    // Ticked, then a search makes it (0): it can still be unticked.
    checkbox(el, 'Who it is for', 'Carers').click();
    await el.updateComplete;
    checkbox(el, 'How it meets', 'By phone').click();
    await el.updateComplete;
    await type(el, 'breast');
    expect(text(option(el, 'How it meets', 'By phone'))).to.contain('(0)');
    expect(checkbox(el, 'How it meets', 'By phone').disabled).to.equal(false);
    checkbox(el, 'How it meets', 'By phone').click();
    await el.updateComplete;
    expect(checkbox(el, 'How it meets', 'By phone').checked).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('shows the help line’s number as text, as a tel: link, when nothing matches', async () => {
    const config = await base();
    config.helpLine = { label: 'Cancer Council', phone: '13 11 20' };
    const el = await mount(config);
    await type(el, 'melanoma');
    const empty = $(el, '.empty')!;
    const link = empty.querySelector<HTMLAnchorElement>('a[href^="tel:"]')!;
    expect(link.getAttribute('href')).to.equal('tel:131120');
    expect(text(link)).to.contain('13 11 20');
    expect(text(empty)).to.contain('Cancer Council');
  });

  it('shows cost and languages on the card; the Cost filter has only the closed set', async () => {
    const config = await base();
    config.groups[0].cost = 'Free (we call you)';
    config.groups[1].cost = 'Free, bus fares refunded';
    config.groups[2].languages = ['spanish', 'en'];
    const el = await mount(config);
    const costs = $$(el, 'fieldset').find((f) => text(f.querySelector('legend')) === 'Cost')!;
    expect([...costs.querySelectorAll('.check')].map((c) => text(c).replace(/ \(\d+\)$/, ''))).to.deep.equal(['Free', 'Pay what you can']);
    const westmead = $$(el, '.group').find((g) => text(g).includes('Westmead'))!;
    const summary = text(westmead.querySelector('.summary'));
    expect(summary).to.contain('Free: we call you').and.contain('English and Arabic');
    const leukaemia = $$(el, '.group').find((g) => text(g).includes('Leukaemia'))!;
    expect(text(leukaemia.querySelector('.summary'))).to.contain('Spanish and English');
    expect(text($$(el, 'fieldset').find((f) => text(f.querySelector('legend')) === 'Language')!)).to.contain('Spanish (1)');
  });

  it('shows language names in the viewer’s language', async () => {
    const config = await base();
    config.groups[2].languages = ['spanish'];
    const el = await mount(config, { lang: 'es' });
    const leukaemia = $$(el, '.group').find((g) => text(g).includes('Leukaemia'))!;
    expect(text(leukaemia.querySelector('.summary'))).to.contain('español');
  });

  it('returns groups for any cancer in a "breast" search and filter, after the breast groups', async () => {
    await setViewport({ width: 1200, height: 800 });
    const config = await base();
    config.groups.push(general);
    const el = await mount(config);
    await type(el, 'breast');
    expect(names(el)).to.deep.equal(['Breast Cancer Circle — Randwick', 'Breast Cancer Support — Westmead', 'Any Cancer Coffee Morning']);
    await type(el, '');
    checkbox(el, 'Cancer type', 'Breast').click();
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Breast Cancer Circle — Randwick', 'Breast Cancer Support — Westmead', 'Any Cancer Coffee Morning']);
    expect(text(option(el, 'Cancer type', 'Prostate'))).to.contain('(2)');
    expect(text(option(el, 'Cancer type', 'Any type of cancer'))).to.contain('(1)');
  });

  it('says where a group is in a sentence, in km or miles by the page’s locale, and the config wins', async () => {
    const near = async (lang: string, over: object = {}) => {
      const el = await mount({ ...(await base()), ...over }, { lang });
      const select = $(el, '#near') as HTMLSelectElement;
      select.value = 'Parramatta';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      return text($$(el, '.group')[0]!.querySelector('.distance'));
    };
    expect(await near('en-AU')).to.equal('1.6 km away, in Westmead');
    expect(await near('en-GB')).to.equal('1 mile away, in Westmead');
    expect(await near('en-US')).to.equal('1 mile away, in Westmead');
    expect(await near('en-GB', { distanceUnit: 'km' })).to.equal('1.6 km away, in Westmead');
    expect(await near('en-AU', { distanceUnit: 'miles' })).to.equal('1 mile away, in Westmead');
  });

  it('after sorting by the device’s location, the Near box says so (not "Anywhere")', async () => {
    const geo = navigator.geolocation;
    const stub = {
      getCurrentPosition: (ok: PositionCallback) => ok({ coords: { latitude: -33.917, longitude: 151.241 } } as GeolocationPosition),
    };
    Object.defineProperty(navigator, 'geolocation', { value: stub, configurable: true });
    try {
      const el = await mount({ ...(await base()), useGeolocation: true });
      await waitUntil(() => $(el, '.near button'), 'no "Use my location" button');
      $$(el, 'button')
        .find((b) => b.textContent === 'Use my location')!
        .click();
      await el.updateComplete;
      const select = $(el, '#near') as HTMLSelectElement;
      expect(select.selectedOptions[0]!.textContent).to.equal('Your location');
      expect(names(el)[0]).to.equal('Breast Cancer Circle — Randwick');
      // Choosing Anywhere goes back to the plain list.
      select.value = '';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect($$(el, '.distance')).to.have.length(0);
    } finally {
      Object.defineProperty(navigator, 'geolocation', { value: geo, configurable: true });
    }
  });

  it('uses the heading level the page asks for (config, else attribute), h2 by default', async () => {
    const level = (el: Element, s: string) => $(el, s)!.closest('h2, h3, h4, h5, h6')!.localName.slice(1);
    const plain = await mount(await base());
    expect(level(plain, '#count')).to.equal('2');
    expect(level(plain, '.group .name')).to.equal('3');
    const attr = await mount(await base(), { heading: '3' });
    expect(level(attr, '#count')).to.equal('3');
    expect(level(attr, '.group .name')).to.equal('4');
    const config = await mount({ ...(await base()), headingLevel: 4 }, { heading: '3' });
    expect(level(config, '#count')).to.equal('4');
    expect(level(config, '.group .name')).to.equal('5');
    await expect(config).to.be.accessible();
  });

  it('writes "who it is for" and "how it meets" as one plain sentence', async () => {
    const el = await mount(await base());
    const westmead = $$(el, '.group').find((g) => text(g).includes('Westmead'))!;
    expect(text(westmead.querySelector('.summary'))).to.contain('For people with cancer and carers');
    const randwick = $$(el, '.group').find((g) => text(g).includes('Randwick'))!;
    expect(text(randwick.querySelector('.summary'))).to.match(/In person or by video call/);
  });

  it('on a phone, the Near box is as wide as the search box', async () => {
    await setViewport({ width: 360, height: 700 });
    const el = await mount(await base());
    const search = $(el, '#q')!.getBoundingClientRect().width;
    expect($(el, '#near')!.getBoundingClientRect().width).to.be.closeTo(search, 1);
  });

  it('labels links by platform and has one main action per card', async () => {
    const config = await base();
    config.groups[1].contact = { email: 'bowel@example.org', url: 'https://www.facebook.com/groups/bowelcarers' };
    config.groups[2].contact = { phone: '1800 000 000', url: 'https://chat.whatsapp.com/AbCdEf' };
    config.groups[3].contact = { url: 'https://us02web.zoom.us/j/123' };
    const el = await mount(config);
    const card = (name: string) => $$(el, '.group').find((g) => text(g).includes(name))!;
    expect(text(card('Bowel').querySelector('a[href*="facebook"]'))).to.contain('Facebook group');
    expect(text(card('Leukaemia').querySelector('a[href*="whatsapp"]'))).to.contain('WhatsApp');
    expect(text(card('Prostate').querySelector('a[href*="zoom"]'))).to.contain('Zoom');
    for (const g of $$(el, '.group')) expect(g.querySelectorAll('.primary').length).to.be.at.most(1);
    // The phone number is the main action when there is one; it is shown as text.
    expect(text(card('Leukaemia').querySelector('.primary'))).to.contain('1800 000 000');
    expect(card('Bowel').querySelector('.primary')!.getAttribute('href')).to.contain('facebook');
    await expect(el).to.be.accessible();
  });

  it('speaks plainly: the catalogue reads at grade 6 or below, without the words the issue found unclear', () => {
    // Every word of the finder's, the Near box's (which come with its code) too.
    const en = english['support-groups']!;
    const grade = fleschKincaid(Object.values(en)).grade;
    expect(grade, `grade ${grade}`).to.be.at.most(6);
    const all = Object.values(en).join('\n');
    for (const unclear of ['Access', 'Peer-led', 'Led by', 'permission was not given', 'Meets'])
      expect(all, unclear).not.to.contain(unclear);
    for (const [key, message] of Object.entries(en)) {
      if (message.split(' ').length >= 8) expect(fleschKincaid([message]).grade, `${key}: ${message}`).to.be.at.most(8);
    }
  });
});
