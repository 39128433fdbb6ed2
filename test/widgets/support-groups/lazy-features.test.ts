// Issue 13: the HSDS importer and the JSON-LD writer are chunks loaded only when a config turns them on; the
// search is a chunk loaded just after the first page. The
// loaders are swapped here for ones the test controls: counted (never asked for when not configured), pending
// (the importer's wait is said), or failing like a chunk that 404s or a CSP refuses (the rest of the finder works).
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import { render } from 'lit';
import '../../../src/define/care-support-groups.js';
import { features, type CareSupportGroups } from '../../../src/widgets/support-groups/support-groups.js';
import { searchCode } from '../../../src/widgets/support-groups/finder.js';
import { lazy } from '../../../src/core/lazy.js';
import type { CareSourceErrorEvent } from '../../../src/core/events.js';

type El = CareSupportGroups;
const $ = (el: Element, s: string) => el.shadowRoot!.querySelector<HTMLElement>(s);
const names = (el: Element) => [...el.shadowRoot!.querySelectorAll('.group .name')].map((h) => h.textContent!.trim());
const base = async () => (await fetch('/test/fixtures/support-groups/groups.json')).json();
const real = { ...features };
const realSearch = searchCode.load;
const chunkError = () => new TypeError('Failed to fetch dynamically imported module: /dist/chunks/care-support-groups-x.js');

/** Counts calls to the loaders; `hsds`, `jsonLd` and `near` replace one with a loader of the test's own. */
function spy(replace: Partial<typeof features> = {}) {
  const calls = { hsds: 0, jsonLd: 0, near: 0 };
  const hsds = replace.hsds ?? real.hsds;
  const jsonLd = replace.jsonLd ?? real.jsonLd;
  const near = replace.near ?? real.near;
  features.hsds = lazy(() => (calls.hsds++, hsds()));
  features.jsonLd = lazy(() => (calls.jsonLd++, jsonLd()));
  features.near = lazy(() => (calls.near++, near()));
  return calls;
}

async function mount(config: unknown): Promise<El> {
  const el = await fixture<El>(html`<care-support-groups .config=${config}><p>Call us for the list of groups.</p></care-support-groups>`);
  await waitUntil(() => $(el, '#count'), 'did not render', { timeout: 4000 });
  await el.updateComplete;
  return el;
}

let warnings: unknown[][] = [];
const originalWarn = console.warn;
let startUrl = '';
beforeEach(() => {
  startUrl = location.href;
  warnings = [];
  console.warn = (...a: unknown[]) => void warnings.push(a);
});
afterEach(() => {
  console.warn = originalWarn;
  Object.assign(features, real);
  searchCode.load = realSearch;
  history.replaceState(null, '', startUrl);
});

describe('<care-support-groups> loads configured features when used', () => {
  it('asks for neither the HSDS importer nor the JSON-LD writer when the config turns neither on', async () => {
    const calls = spy();
    const el = await mount({ ...(await base()), urlState: false });
    await new Promise((r) => setTimeout(r, 20)); // an update or two later, still nothing
    expect(calls).to.deep.equal({ hsds: 0, jsonLd: 0, near: 1 });
    expect(names(el)).to.have.length(5);
    expect(el.nextElementSibling).to.equal(null);
  });

  it('says it is loading more groups while the HSDS importer loads, then lists them', async () => {
    let release!: () => void;
    const held = new Promise<void>((ok) => (release = ok));
    const calls = spy({ hsds: lazy(() => held.then(() => import('../../../src/widgets/support-groups/hsds-import.js'))) });
    const el = await mount({
      ...(await base()),
      hsds: { url: '/test/fixtures/hsds/hsds-3.1_schedules_field-guidance_services.json' },
      urlState: false,
    });
    expect(calls.hsds).to.equal(1);
    expect($(el, '.results')!.textContent).to.contain('Loading more groups…');
    expect(names(el)).to.have.length(5);
    release();
    await waitUntil(() => names(el).length === 6, 'the HSDS groups did not come');
    expect($(el, '.results')!.textContent).not.to.contain('Loading more groups…');
  });

  it('when the HSDS importer cannot load: the config’s groups, the fallback and a care-source-error, as for a failed feed', async () => {
    spy({ hsds: lazy(() => Promise.reject(chunkError())) });
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const pending = oneEvent(wrapper, 'care-source-error') as Promise<CareSourceErrorEvent>;
    const config = {
      ...(await base()),
      hsds: { url: '/test/fixtures/hsds/hsds-3.1_schedules_field-guidance_services.json' },
      urlState: false,
    };
    render(html`<care-support-groups .config=${config}><p>Call us for the list of groups.</p></care-support-groups>`, wrapper);
    const event = await pending;
    expect(event.detail.source).to.equal('hsds');
    expect(event.detail.message).to.match(/Failed to fetch dynamically imported module/);
    const el = wrapper.firstElementChild as El;
    await el.updateComplete;
    expect($(el, '[role=alert]')!.textContent).to.contain('We could not load some groups just now.');
    expect($(el, '[role=alert] slot')).to.exist;
    expect(names(el)).to.have.length(5);
    expect($(el, 'details.panel.error')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('when the JSON-LD writer cannot load: the finder works, the page has no JSON-LD, the console says why', async () => {
    const calls = spy({ jsonLd: lazy(() => Promise.reject(chunkError())) });
    const el = await mount({ ...(await base()), jsonLd: true, urlState: false });
    await waitUntil(() => warnings.length, 'no warning');
    expect(calls.jsonLd).to.equal(1);
    expect(String(warnings[0]![0])).to.contain('could not load its JSON-LD writer');
    expect(el.nextElementSibling).to.equal(null);
    const search = $(el, 'input[type=search]') as HTMLInputElement;
    search.value = 'prostate';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Prostate Group — Penrith']);
    expect($(el, 'details.panel.error')).to.equal(null);
  });

  it('shows its first page without the search code, which it fetches right after (the index is built then)', async () => {
    let release!: () => void;
    const held = new Promise<void>((ok) => (release = ok));
    let calls = 0;
    searchCode.load = lazy(() => (calls++, held.then(() => import('../../../src/widgets/support-groups/search.js'))));
    const el = await mount({ ...(await base()), urlState: false });
    expect(names(el)).to.have.length(5);
    expect(calls, 'asked for once the groups are there').to.equal(1);
    expect(el.indexReady).to.equal(false);
    release();
    await waitUntil(() => el.indexReady, 'the index was not built once the search code came');
  });

  it('a query typed before the search code has come says "Loading…", then shows its results', async () => {
    let release!: () => void;
    const held = new Promise<void>((ok) => (release = ok));
    searchCode.load = lazy(() => held.then(() => import('../../../src/widgets/support-groups/search.js')));
    const el = await mount({ ...(await base()), urlState: false });
    const search = $(el, 'input[type=search]') as HTMLInputElement;
    search.value = 'prostate';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect($(el, '#count')!.textContent).to.equal('Loading…');
    expect(names(el), 'no unsearched list meanwhile').to.deep.equal([]);
    await expect(el).to.be.accessible();
    release();
    await waitUntil(() => names(el).length === 1, 'no results once the search code came');
    expect(names(el)).to.deep.equal(['Prostate Group — Penrith']);
    expect($(el, '#count')!.textContent).to.equal('1 group');
  });

  it('when the search code cannot load: a query lists every group with a note, filters still work, typing again retries', async () => {
    searchCode.load = lazy(() => Promise.reject(chunkError()));
    const el = await mount({ ...(await base()), urlState: false });
    const search = $(el, 'input[type=search]') as HTMLInputElement;
    search.value = 'prostate';
    search.dispatchEvent(new Event('input'));
    await waitUntil(() => $(el, '.results [role=alert]'), 'no note that search is unavailable');
    expect($(el, '.results [role=alert]')!.textContent).to.equal('This information is not available right now.');
    expect(names(el)).to.have.length(5);
    expect(String(warnings[0]![0])).to.contain('could not load its search');
    await expect(el).to.be.accessible();
    // Typing again, with a loader that works now, searches.
    searchCode.load = realSearch;
    search.value = 'prostat';
    search.dispatchEvent(new Event('input'));
    await waitUntil(() => names(el).length === 1, 'no retry');
    expect($(el, '.results [role=alert]')).to.equal(null);
  });

  it('asks for the Near box only when the config offers places or the device’s location', async () => {
    const calls = spy();
    const el = await mount({ ...(await base()), places: [], useGeolocation: false, urlState: false });
    await new Promise((r) => setTimeout(r, 20));
    expect(calls.near).to.equal(0);
    expect($(el, '.near')).to.equal(null);
    expect(names(el)).to.have.length(5);
    const located = await mount({ ...(await base()), places: [], useGeolocation: true, urlState: false });
    await waitUntil(() => $(located, '.near button'), 'no "Use my location" button');
    expect($(located, '.near button')!.textContent).to.equal('Use my location');
    expect(calls.near).to.equal(1);
  });

  it('waits for the Near box’s code before its first render (the page’s fallback meanwhile), so nothing moves when it comes', async () => {
    let release!: () => void;
    const held = new Promise<void>((ok) => (release = ok));
    const calls = spy({ near: lazy(() => held.then(() => import('../../../src/widgets/support-groups/near.js'))) });
    const config = { ...(await base()), urlState: false };
    const el = await fixture<El>(html`<care-support-groups .config=${config}><p>Call us for the list of groups.</p></care-support-groups>`);
    await waitUntil(() => calls.near === 1, 'the Near box was not asked for');
    await new Promise((r) => setTimeout(r, 20));
    expect($(el, '#count'), 'nothing drawn yet').to.equal(null);
    expect(el.shadowRoot!.querySelector('slot'), 'the fallback is shown').to.exist;
    release();
    await waitUntil(() => $(el, '#count'), 'no first render once the Near box came');
    expect($(el, '#near'), 'the place list in the first render').to.exist;
    expect([...el.shadowRoot!.querySelectorAll('#near option')]).to.have.length(3);
  });

  it('when the Near box cannot load: it says so, the rest works, and using the search form asks again', async () => {
    spy({ near: lazy(() => Promise.reject(chunkError())) });
    const el = await mount({ ...(await base()), urlState: false });
    await waitUntil(() => $(el, '.near')!.textContent!.includes('not available'), 'no note that the Near box is unavailable');
    expect($(el, '.near')!.textContent!.trim()).to.equal('This information is not available right now.');
    expect(String(warnings[0]![0])).to.contain('could not load its Near box');
    expect(names(el)).to.have.length(5);
    await expect(el).to.be.accessible();
    let release!: () => void;
    const held = new Promise<void>((ok) => (release = ok));
    features.near = lazy(() => held.then(() => import('../../../src/widgets/support-groups/near.js')));
    $(el, 'input[type=search]')!.focus();
    await el.updateComplete;
    expect($(el, '.near')!.textContent!.trim(), 'loading again').to.equal('Loading…');
    await expect(el).to.be.accessible();
    release();
    await waitUntil(() => $(el, '#near'), 'no retry');
    const select = $(el, '#near') as HTMLSelectElement;
    select.value = select.options[1]!.value;
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await waitUntil(() => $(el, '.group .distance'), 'no distances once sorted by a place');
  });
});
