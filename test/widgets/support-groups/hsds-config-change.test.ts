// A config replaced while the previous one's HSDS feed is still loading (or after it failed): the new config, which
// names no feed, must not keep the old one's "Loading more groups…" or its failure panel.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import '../../../src/define/care-support-groups.js';
import { features, type CareSupportGroups } from '../../../src/widgets/support-groups/support-groups.js';
import { lazy } from '../../../src/core/lazy.js';
import { itemName } from '../../../src/core/config/item-name.js';
import type { CareConfigErrorEvent } from '../../../src/core/events.js';

type El = CareSupportGroups;
const text = (el: El) => (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');
const real = { ...features };
const groups = async () => (await (await fetch('/test/fixtures/support-groups/groups.json')).json()) as { groups: unknown[] };
const hsds = { url: '/test/fixtures/hsds/hsds-3.1_schedules_field-guidance_services.json' };

let originalWarn = console.warn;
beforeEach(() => {
  originalWarn = console.warn;
  console.warn = () => {};
});
afterEach(() => {
  console.warn = originalWarn;
  Object.assign(features, real);
});

async function swapConfig(loader: () => Promise<never>, wait: (el: El) => boolean): Promise<El> {
  features.hsds = lazy(loader);
  const base = await groups();
  const el = await fixture<El>(html`<care-support-groups .config=${{ ...base, urlState: false, hsds }}></care-support-groups>`);
  await waitUntil(() => wait(el), 'the first config did not reach its HSDS state', { timeout: 4000 });
  el.config = { ...base, urlState: false } as never;
  // The validated config in use (protected: read here only to know the new one has been taken).
  const taken = () => (el as unknown as { value?: { hsds?: unknown } }).value;
  await waitUntil(() => taken() && !taken()!.hsds, 'the new config was not taken');
  await el.updateComplete;
  return el;
}

describe('<care-support-groups> HSDS state follows the config', () => {
  it('a new config without a feed does not say "Loading more groups…" for the old one', async () => {
    const el = await swapConfig(
      () => new Promise<never>(() => {}),
      (e) => text(e).includes('Loading more groups…'),
    );
    expect(text(el)).not.to.include('Loading more groups…');
    expect(el.shadowRoot!.querySelectorAll('.group').length).to.equal(5);
  });

  it('a new config without a feed does not show the old feed’s failure', async () => {
    const el = await swapConfig(
      () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
      (e) => text(e).includes('We could not load some groups just now.'),
    );
    expect(text(el)).not.to.include('We could not load some groups just now.');
  });
});

describe('<care-support-groups> a shared link and the HSDS feed', () => {
  let start = '';
  beforeEach(() => (start = location.href));
  afterEach(() => history.replaceState(null, '', start));

  it('keeps a filter that only the feed’s groups have, once the feed has come', async () => {
    const { mergeHsds } = await import('../../../src/widgets/support-groups/merge-hsds.js');
    const feed = [{ id: 'feed-vi', name: 'Nhóm hỗ trợ ung thư', languages: ['vi'], formats: ['online'] }];
    features.hsds = lazy(async () => ({ fetchHsds: async () => feed, mergeHsds }) as never);
    history.replaceState(null, '', '?sg-language=vi');
    const el = await fixture<El>(html`<care-support-groups .config=${{ ...(await groups()), hsds }}></care-support-groups>`);
    const names = () => [...el.shadowRoot!.querySelectorAll('.group .name')].map((n) => n.textContent!.trim());
    await waitUntil(() => names().includes('Nhóm hỗ trợ ung thư'), 'the feed’s group was not shown', { timeout: 4000 });
    await el.updateComplete;
    expect(names()).to.deep.equal(['Nhóm hỗ trợ ung thư']);
    expect(el.state.filters.language).to.deep.equal(['vi']);
    expect(new URLSearchParams(location.search).getAll('sg-language')).to.deep.equal(['vi']);
  });
});

describe('<care-support-groups> the HSDS feed’s skipped services', () => {
  it('are listed once after page-language switches, beside the config’s own, and said in the event and the console', async () => {
    const { mergeHsds } = await import('../../../src/widgets/support-groups/merge-hsds.js');
    let loads = 0;
    const feed = [{ id: 'bad-service' }, { id: 'good', name: 'Good service' }];
    features.hsds = lazy(async () => ({ fetchHsds: async () => (loads++, feed), mergeHsds }) as never);
    const warnings: string[] = [];
    console.warn = (...a: unknown[]) => void warnings.push(a.join(' '));
    const events: [boolean, string[]][] = [];
    const listen = (e: Event) => {
      const { detail } = e as CareConfigErrorEvent;
      events.push([detail.recovered, detail.issues.map((i) => `${i.path} ${itemName(i)}`)]);
    };
    document.addEventListener('care-config-error', listen);
    try {
      const config = { urlState: false, groups: [{ id: 'a', name: { en: 'Alpha', es: 'Alfa' } }, { id: 'own-bad' }], hsds };
      const el = await fixture<El>(html`<care-support-groups .config=${config}></care-support-groups>`);
      const loaded = async (n: number) => {
        await waitUntil(() => loads == n && el.hsdsStatus == '' && text(el).includes('Good service'), `load ${n}`, { timeout: 4000 });
        await el.updateComplete;
      };
      const listed = () => [...el.shadowRoot!.querySelectorAll('details[part=error] li')].map((li) => li.textContent!.replace(/\s+/g, ' '));
      await loaded(1);
      const feedEvent: [boolean, string[]] = [true, ['hsds.groups.0.name “bad-service”']];
      expect(events).to.deep.equal([[true, ['groups.1.name “own-bad”']], feedEvent]);
      expect(warnings.filter((w) => w.includes('bad-service')).length).to.equal(1);
      expect(warnings.find((w) => w.includes('bad-service'))).to.include('hsds.groups.0.name (“bad-service”)');
      for (const [i, lang] of ['es', 'en', 'es'].entries()) {
        el.setAttribute('lang', lang);
        await loaded(i + 2);
        expect(listed().filter((l) => l.includes('bad-service')).length, `after ${lang}`).to.equal(1);
        expect(listed().filter((l) => l.includes('own-bad')).length, `after ${lang}`).to.equal(1);
      }
      // Once per load of the feed (a language switch loads it again), never the config's own again.
      expect(events.slice(1)).to.deep.equal([feedEvent, feedEvent, feedEvent, feedEvent]);
      expect(warnings.filter((w) => w.includes('bad-service')).length).to.equal(4);
    } finally {
      document.removeEventListener('care-config-error', listen);
    }
  });
});
