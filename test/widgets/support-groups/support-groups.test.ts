import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import '../../../src/define/care-support-groups.js';
import type { CareSupportGroups } from '../../../src/widgets/support-groups/support-groups.js';
import type { CareSourceErrorEvent } from '../../../src/core/events.js';

const base = async () => (await fetch('/test/fixtures/support-groups/groups.json')).json();
const $ = (el: Element, s: string) => el.shadowRoot!.querySelector<HTMLElement>(s);
const $$ = (el: Element, s: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(s)];
const names = (el: Element) => $$(el, '.group .name').map((h) => h.textContent!.trim());
const ready = async (el: CareSupportGroups) => {
  await waitUntil(() => $(el, '#count') || $(el, '.panel.error, [role=alert]'), 'did not render', { timeout: 4000 });
  await el.updateComplete;
};
const type = async (el: CareSupportGroups, text: string) => {
  const input = $(el, '#q') as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
};
const box = (el: Element, label: string) =>
  $$(el, '.check')
    .find((l) =>
      l
        .textContent!.replace(/\s+/g, ' ')
        .trim()
        .startsWith(label + ' ('),
    )!
    .querySelector('input') as HTMLInputElement;
const tick = async (el: CareSupportGroups, label: string) => {
  box(el, label).click();
  await el.updateComplete;
};
const mount = async (config: unknown) => {
  const el = await fixture<CareSupportGroups>(
    html`<care-support-groups .config=${config}><p>Call us for the list of groups.</p></care-support-groups>`,
  );
  await ready(el);
  return el;
};

let startUrl = '';
beforeEach(() => (startUrl = location.href));
afterEach(() => history.replaceState(null, '', startUrl));

describe('<care-support-groups>', () => {
  it('lists every group by name with phone-first contact details and passes axe', async () => {
    const el = await mount(await base());
    expect(names(el)).to.deep.equal([
      'Bowel Cancer Carers Online',
      'Breast Cancer Circle — Randwick',
      'Breast Cancer Support — Westmead',
      'Leukaemia Phone Group',
      'Prostate Group — Penrith',
    ]);
    expect($(el, '#count')!.textContent).to.equal('5 groups');
    const westmead = $$(el, '.group')[2]!;
    const links = [...westmead.querySelectorAll('.contact a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['tel:+61299990000', 'mailto:breast@example.org', 'https://example.org/breast']);
    expect(westmead.textContent).to.contain('Wheelchair access').and.contain('Last checked September 1, 2026');
    expect(westmead.querySelector('time')!.textContent).to.match(/Tuesday, \w+ \d+/);
    expect(westmead.querySelector('details summary')).to.exist;
    const label = $(el, 'label[for=q]')!;
    expect(label.textContent).to.equal('Search for a support group');
    expect($(el, '#q')!.getAttribute('type')).to.equal('search');
    await expect(el).to.be.accessible();
  });

  it('searches with typos and synonyms as you type', async () => {
    const el = await mount(await base());
    // From the first letter: words starting with "b" (names first, then the organization's "Blood").
    await type(el, 'b');
    expect(names(el)).to.deep.equal([
      'Bowel Cancer Carers Online',
      'Breast Cancer Circle — Randwick',
      'Breast Cancer Support — Westmead',
      'Leukaemia Phone Group',
    ]);
    expect($(el, '#count')!.textContent).to.equal('4 groups');
    await type(el, 'brest');
    expect(names(el)).to.deep.equal(['Breast Cancer Circle — Randwick', 'Breast Cancer Support — Westmead']);
    await type(el, 'leukemia');
    expect(names(el)).to.deep.equal(['Leukaemia Phone Group']);
    await type(el, 'colorectal');
    expect(names(el)).to.deep.equal(['Bowel Cancer Carers Online']);
    await type(el, 'pros');
    expect(names(el)).to.deep.equal(['Prostate Group — Penrith']);
    await expect(el).to.be.accessible();
  });

  it('finds groups for a natural query that ends in a filler word, as typed', async () => {
    const el = await mount(await base());
    const breast = ['Breast Cancer Circle — Randwick', 'Breast Cancer Support — Westmead'];
    await type(el, 'breast near me');
    expect(names(el)).to.deep.equal(breast);
    await type(el, 'leukaemia group for a');
    expect(names(el)).to.deep.equal(['Leukaemia Phone Group']);
    await type(el, 'support groups near me');
    expect(names(el)).to.have.length(5);
  });

  it('filters by facets with counts that follow the other filters, chips and Clear all', async () => {
    const el = await mount(await base());
    expect(box(el, 'Carers').parentElement!.textContent).to.contain('(2)');
    await tick(el, 'In person');
    expect(names(el)).to.have.length(3);
    // Carers among in-person groups: 1 (Westmead); format counts ignore the format filter itself.
    expect(box(el, 'Carers').parentElement!.textContent).to.contain('(1)');
    expect(box(el, 'Online').parentElement!.textContent).to.contain('(1)');
    await tick(el, 'Online');
    expect(names(el)).to.have.length(4);
    await tick(el, 'Carers');
    expect(names(el)).to.deep.equal(['Bowel Cancer Carers Online', 'Breast Cancer Support — Westmead']);
    const chips = $$(el, '.chip');
    expect(chips.map((c) => c.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Remove filter: Carers',
      'Remove filter: In person',
      'Remove filter: Online',
    ]);
    await expect(el).to.be.accessible();
    chips[0]!.click();
    await el.updateComplete;
    expect(names(el)).to.have.length(4);
    [...$$(el, '.chips > button')].find((b) => b.textContent === 'Clear all')!.click();
    await el.updateComplete;
    expect(names(el)).to.have.length(5);
    expect($$(el, '.chip')).to.have.length(0);
  });

  it('says nothing unasked when a short list loads (its count is on screen), and the count once the reader changes something', async () => {
    const el = await mount(await base());
    const live = $(el, '[aria-live=polite]')!;
    const said: string[] = [];
    new MutationObserver(() => said.push(live.textContent!)).observe(live, { subtree: true, characterData: true, childList: true });
    await new Promise((r) => setTimeout(r, 1200));
    expect(live.textContent, 'nothing said on load').to.equal('');
    await tick(el, 'Carers');
    await waitUntil(() => live.textContent !== '', 'count not announced after a filter', { timeout: 2000 });
    expect(said.filter(Boolean)).to.deep.equal([$(el, '#count')!.textContent]);
  });

  it('announces the count politely after typing settles', async () => {
    const el = await mount(await base());
    await type(el, 'breast');
    const live = $(el, '[aria-live=polite]')!;
    await waitUntil(() => live.textContent === '2 groups', 'count not announced', { timeout: 2000 });
  });

  it('sorts by distance from a place (miles on an en-US page), listing online and phone groups as available anywhere', async () => {
    const el = await mount(await base());
    const select = $(el, '#near') as HTMLSelectElement;
    select.value = 'Parramatta';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(names(el)).to.deep.equal([
      'Breast Cancer Support — Westmead',
      'Breast Cancer Circle — Randwick',
      'Prostate Group — Penrith',
      'Bowel Cancer Carers Online',
      'Leukaemia Phone Group',
    ]);
    const text = $$(el, '.group').map((g) => g.querySelector('.distance')?.textContent);
    // The test browser is en-US: miles.
    expect(text[0]).to.equal('1 mile away, in Westmead');
    expect(text[3]).to.equal('You can join from anywhere');
    expect(new URL(location.href).searchParams.get('sg-near')).to.equal('Parramatta');
    await expect(el).to.be.accessible();
  });

  it('offers "Use my location" only when the config turns it on (the places still are)', async () => {
    const el = await mount(await base());
    await waitUntil(() => $(el, '#near'), 'no place list');
    expect($(el, '.near button')).to.equal(null);
    expect($$(el, 'button').map((b) => b.textContent)).not.to.include('Use my location');
  });

  it('uses the device location only when asked, and explains a denial', async () => {
    const geo = navigator.geolocation;
    let asked = 0;
    let deny = true;
    const stub = {
      getCurrentPosition: (ok: PositionCallback, fail: PositionErrorCallback) => {
        asked++;
        if (deny)
          fail({ code: 1, message: 'denied', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 } as GeolocationPositionError);
        else ok({ coords: { latitude: -33.917, longitude: 151.241 } } as GeolocationPosition);
      },
    };
    Object.defineProperty(navigator, 'geolocation', { value: stub, configurable: true });
    try {
      const el = await mount({ ...(await base()), useGeolocation: true });
      await waitUntil(() => $(el, '.near button'), 'no "Use my location" button');
      expect(asked).to.equal(0);
      const button = $$(el, 'button').find((b) => b.textContent === 'Use my location')!;
      button.click();
      await el.updateComplete;
      expect(asked).to.equal(1);
      expect($(el, '.near [role=status]')!.textContent).to.contain('We could not use your location');
      await expect(el).to.be.accessible();
      deny = false;
      button.click();
      await el.updateComplete;
      expect(names(el)[0]).to.equal('Breast Cancer Circle — Randwick');
    } finally {
      Object.defineProperty(navigator, 'geolocation', { value: geo, configurable: true });
    }
  });

  it('writes query and filters to the URL and restores them on back/forward', async () => {
    const el = await mount(await base());
    await tick(el, 'Online');
    expect(new URL(location.href).searchParams.getAll('sg-format')).to.deep.equal(['online']);
    await type(el, 'bowel');
    await waitUntil(() => new URL(location.href).searchParams.get('sg-q') === 'bowel', 'query not in URL', { timeout: 2000 });
    const link = location.search;
    // Back: the filter change before the typing is undone.
    history.back();
    await waitUntil(() => !new URL(location.href).searchParams.has('sg-format'), 'back did not happen', { timeout: 2000 });
    await el.updateComplete;
    expect(box(el, 'Online').checked).to.equal(false);
    expect(names(el)).to.have.length(5);
    // A link opened fresh restores the same view (on a page of its own: a second finder with the same urlPrefix
    // leaves the address alone).
    el.remove();
    history.replaceState(null, '', link);
    const other = await mount(await base());
    expect(($(other, '#q') as HTMLInputElement).value).to.equal('bowel');
    expect(names(other)).to.deep.equal(['Bowel Cancer Carers Online']);
    expect(box(other, 'Online').checked).to.equal(true);
  });

  it('reads a link with odd casing and drops filter values no group has', async () => {
    history.replaceState(null, '', '?sg-format=Online&sg-format=carrier-pigeon&sg-audience=CARER');
    const el = await mount(await base());
    expect(names(el)).to.deep.equal(['Bowel Cancer Carers Online']);
    expect($$(el, '.chip').map((c) => c.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Remove filter: Carers',
      'Remove filter: Online',
    ]);
    box(el, 'Online').click();
    await el.updateComplete;
    expect(new URL(location.href).searchParams.getAll('sg-format')).to.deep.equal([]);
  });

  it('shows the next meeting in the viewer’s time zone (nearest time-zone attribute, else the browser’s)', async () => {
    const config = await base();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div time-zone="Europe/London"><care-support-groups .config=${config}></care-support-groups></div>`,
    );
    const el = wrapper.firstElementChild as CareSupportGroups;
    await ready(el);
    const westmead = $$(el, '.group').find((g) => g.querySelector('h3')!.textContent!.includes('Westmead'))!;
    const time = westmead.querySelector('time')!;
    // 18:00 in Sydney is 07:00 GMT (Sydney summer) or 09:00 BST (Sydney winter), always on a Tuesday.
    expect(time.textContent).to.match(/^Tuesday, .* (7:00 AM GMT|9:00 AM GMT\+1)$/);
    expect(new Date(time.dateTime).getUTCHours()).to.be.oneOf([7, 8]);
    const sydney = await mount(config);
    const local = $$(sydney, '.group time')[0]!.textContent!;
    expect(local).to.match(/Australian Eastern (Daylight|Standard) Time|AE[SD]T/);
  });

  it('uses the configured parameter prefix, or leaves the URL alone', async () => {
    const el = await mount({ ...(await base()), urlPrefix: 'finder-' });
    await tick(el, 'By phone');
    expect(new URL(location.href).searchParams.getAll('finder-format')).to.deep.equal(['phone']);
    expect(new URL(location.href).searchParams.has('sg-format')).to.equal(false);
    history.replaceState(null, '', startUrl);
    const off = await mount({ ...(await base()), urlState: false });
    await tick(off, 'By phone');
    expect(location.href).to.equal(startUrl);
  });

  it('keeps the host page’s own parameters: its `q` and `page` are never read or written, the widget’s carry `sg-`', async () => {
    history.replaceState(null, '', '?q=cats&page=2');
    const host = () => new URL(location.href).searchParams;
    const el = await mount(await base());
    // The host's `q` is not the widget's query.
    expect(($(el, '#q') as HTMLInputElement).value).to.equal('');
    expect(names(el)).to.have.length(5);
    await tick(el, 'Online');
    await type(el, 'bowel');
    await waitUntil(() => host().get('sg-q') === 'bowel', 'query not in URL', { timeout: 2000 });
    expect(host().getAll('sg-format')).to.deep.equal(['online']);
    expect(location.search.startsWith('?q=cats&page=2&')).to.equal(true);
    expect(host().getAll('q')).to.deep.equal(['cats']);
    expect(host().getAll('format')).to.deep.equal([]);
    // Back: the widget's filter is undone, the host's parameters stay as they were.
    history.back();
    await waitUntil(() => !host().has('sg-format'), 'back did not happen', { timeout: 2000 });
    await el.updateComplete;
    expect(box(el, 'Online').checked).to.equal(false);
    expect(($(el, '#q') as HTMLInputElement).value).to.equal('');
    expect(location.search).to.equal('?q=cats&page=2');
    // Forward: restored again, still beside the host's own.
    history.forward();
    await waitUntil(() => host().has('sg-format'), 'forward did not happen', { timeout: 2000 });
    await el.updateComplete;
    expect(box(el, 'Online').checked).to.equal(true);
    expect(host().get('q')).to.equal('cats');
    expect(host().get('page')).to.equal('2');
  });

  it('offers next steps when nothing matches: remove a filter or call the help line', async () => {
    const el = await mount(await base());
    await tick(el, 'By phone');
    await type(el, 'melanoma');
    expect(names(el)).to.have.length(0);
    const empty = $(el, '.empty')!;
    expect(empty.textContent).to.contain('No groups match');
    expect(empty.querySelector('a[href="tel:131120"]')!.textContent).to.equal('Call 13 11 20');
    expect(empty.textContent).to.contain('Call Cancer Council.');
    await expect(el).to.be.accessible();
    [...empty.querySelectorAll('button')].find((b) => b.textContent!.includes('By phone'))!.click();
    await el.updateComplete;
    expect(names(el)).to.have.length(0);
    [...$(el, '.empty')!.querySelectorAll('button')].find((b) => b.textContent!.includes('search'))!.click();
    await el.updateComplete;
    expect(names(el)).to.have.length(5);
  });

  it('leaves out a review date that is no real date, keeping its group (it used to stop the whole list)', async () => {
    const config = await base();
    config.groups[0].lastReviewed = '2025-31-12';
    config.groups[1].lastReviewed = '2025-12-31';
    const el = await mount(config);
    expect(names(el)).to.have.length(5);
    const card = (name: string) => $$(el, '.group').find((g) => g.querySelector('.name')!.textContent!.trim() === name)!;
    expect(!!card(config.groups[0].name).querySelector('.reviewed'), 'no review line for the wrong date').to.equal(false);
    expect(card(config.groups[1].name).querySelector('.reviewed')!.textContent).to.contain('2025');
    expect($(el, 'details.panel')!.textContent).to.contain('groups.0.lastReviewed');
  });

  it('survives a link whose search repeats one word a hundred times', async () => {
    history.replaceState(null, '', `?sg-q=${encodeURIComponent('bowel '.repeat(100))}`);
    const el = await mount(await base());
    expect(names(el).length).to.be.greaterThan(0);
    expect($(el, '.panel.error')).to.equal(null);
    history.replaceState(null, '', location.pathname);
  });

  it('skips invalid groups, listing them by id and path for editors', async () => {
    const config = await base();
    config.groups.push({ id: 'bad-1', name: 'Broken', audiences: ['everyone'] }, { id: 'bad-2', name: '', formats: ['online'] });
    const el = await mount(config);
    expect(names(el)).to.have.length(5);
    const panel = $(el, 'details.panel')!.textContent!;
    expect(panel).to.contain('groups.5.audiences.0 (“bad-1”)').and.contain('groups.6.name (“bad-2”)');
    await expect(el).to.be.accessible();
  });

  it('fetches a `src` config once, even when a group is skipped, and still names the group by id', async () => {
    const config = await base();
    config.groups.push({ id: 'bad-1', name: 'Broken', audiences: ['everyone'] });
    const url = URL.createObjectURL(new Blob([JSON.stringify({ ...config, urlState: false })], { type: 'application/json' }));
    const realFetch = window.fetch;
    let fetched = 0;
    window.fetch = (input, init) => (String(input) === url && fetched++, realFetch(input, init));
    try {
      const el = await fixture<CareSupportGroups>(html`<care-support-groups src=${url}></care-support-groups>`);
      await ready(el);
      expect(names(el)).to.have.length(5);
      // The old code fetched the config a second time to name the skipped group: wait for the name, then count.
      await waitUntil(() => $(el, 'details.panel')?.textContent?.includes('groups.5.audiences.0 (“bad-1”)'), 'skipped group not named');
      expect(fetched).to.equal(1);
    } finally {
      window.fetch = realFetch;
      URL.revokeObjectURL(url);
    }
  });

  it('pages results with "Show more" and moves focus to the first new one', async () => {
    const { generateGroups } = await import('../../fixtures/support-groups/generate.js');
    const el = await mount({ groups: generateGroups(45), pageSize: 20, urlState: false });
    expect($$(el, '.group')).to.have.length(20);
    const more = $(el, '.more')!;
    expect(more.textContent).to.contain('Show 20 more (you have seen 20 of 45)');
    more.click();
    await el.updateComplete;
    expect($$(el, '.group')).to.have.length(40);
    expect(el.shadowRoot!.activeElement).to.equal($$(el, '.group .name > span')[20]);
    for (const d of $$(el, '.group details')) (d as HTMLDetailsElement).open = true;
    await expect(el).to.be.accessible();
    $(el, '.more')!.click();
    await el.updateComplete;
    expect($$(el, '.group')).to.have.length(45);
    expect($(el, '.more')).to.equal(null);
  });

  it('adds escaped schema.org JSON-LD beside the element when jsonLd is on', async () => {
    const config = await base();
    config.groups[0].description = 'Ends </script><script>alert(1)</script>';
    config.jsonLd = true;
    const el = await mount(config);
    // The writer is a chunk loaded when a config asks for JSON-LD: the block follows shortly after the first render.
    await waitUntil(() => el.nextElementSibling, 'no JSON-LD block');
    const script = el.nextElementSibling as HTMLScriptElement;
    expect(script.type).to.equal('application/ld+json');
    expect(script.textContent).not.to.contain('</script>');
    const data = JSON.parse(script.textContent!);
    const westmead = data['@graph'].find((n: { name: string }) => n.name === 'Breast Cancer Support — Westmead');
    expect(westmead['@type']).to.equal('Event');
    expect(westmead.description).to.contain('</script>');
    expect(westmead.location.address.addressLocality).to.equal('Westmead');
    expect(data['@graph'].find((n: { name: string }) => n.name === 'Bowel Cancer Carers Online')['@type']).to.equal('Organization');
    // Written again when the listed groups change, not on every update (a keystroke, a status message).
    let writes = 0;
    new MutationObserver(() => writes++).observe(script, { childList: true, characterData: true, subtree: true });
    el.requestUpdate();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r));
    expect(writes, 'an update that changes nothing').to.equal(0);
    const search = $(el, 'input[type=search]') as HTMLInputElement;
    search.value = 'prostate';
    search.dispatchEvent(new Event('input'));
    await waitUntil(() => JSON.parse(script.textContent!)['@graph'].length === 1, 'JSON-LD did not follow the search');
    el.remove();
    expect(script.isConnected).to.equal(false);
  });

  it('imports groups from an HSDS feed', async () => {
    const el = await mount({
      groups: [],
      hsds: { url: '/test/fixtures/hsds/hsds-3.1_schedules_field-guidance_services.json' },
      urlState: false,
    });
    await waitUntil(() => names(el).length === 1, 'hsds groups not shown');
    expect(names(el)).to.deep.equal(['Community Counselling']);
    await expect(el).to.be.accessible();
  });

  it('reports an unreachable HSDS feed and shows the fallback content beside the other groups', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const pending = oneEvent(wrapper, 'care-source-error') as Promise<CareSourceErrorEvent>;
    const config = { ...(await base()), hsds: { url: '/test/fixtures/hsds/missing.json' } };
    const { render } = await import('lit');
    render(html`<care-support-groups .config=${config}><p>Call us for the list of groups.</p></care-support-groups>`, wrapper);
    const event = await pending;
    expect(event.detail.source).to.equal('hsds');
    expect(event.detail.status).to.equal(404);
    const el = wrapper.firstElementChild as CareSupportGroups;
    await el.updateComplete;
    expect($(el, '[role=alert] slot')).to.exist;
    expect(names(el)).to.have.length(5);
    await expect(el).to.be.accessible();
  });

  it('names skipped HSDS services by id, keeps the valid ones, and says so when nothing is listed', async () => {
    const realFetch = window.fetch;
    window.fetch = async () =>
      new Response(
        JSON.stringify({
          services: [
            { id: 'svc-ok', name: 'Good service' },
            { id: 'svc-bad', name: '' },
          ],
        }),
        { headers: { 'content-type': 'application/json' } },
      );
    try {
      const el = await mount({ hsds: { url: 'https://hsds.example.org/services' }, urlState: false });
      await waitUntil(() => names(el).length === 1, 'hsds groups not shown');
      expect($(el, 'details.panel')!.textContent).to.contain('hsds.groups.1.name (“svc-bad”)');
    } finally {
      window.fetch = realFetch;
    }
    const empty = await mount({ groups: [], urlState: false });
    expect($(empty, '.empty')!.textContent).to.contain('No groups are listed');
    expect($(empty, '.empty ul')).to.equal(null);
    await expect(empty).to.be.accessible();
  });

  it('skips repeated ids in the HSDS feed and feed services that repeat a config group, naming them', async () => {
    const realFetch = window.fetch;
    const services = [
      { id: 'svc-1', name: 'Feed one' },
      { id: 'svc-1', name: 'Feed one again' },
      { id: 'g-1', name: 'Feed copy of Westmead' },
      { id: 'svc-2', name: 'Feed two' },
    ];
    window.fetch = async () => new Response(JSON.stringify({ services }), { headers: { 'content-type': 'application/json' } });
    try {
      const el = await mount({
        groups: [{ id: 'g-1', name: 'Breast Cancer Support — Westmead' }],
        hsds: { url: 'https://hsds.example.org/services' },
        urlState: false,
      });
      await waitUntil(() => names(el).length === 3, 'hsds groups not shown');
      expect(names(el)).to.deep.equal(['Breast Cancer Support — Westmead', 'Feed one', 'Feed two']);
      const panel = $(el, 'details.panel')!.textContent!;
      expect(panel).to.contain('hsds.groups.1.id (“svc-1”): Same id as groups.0');
      expect(panel).to.contain('hsds (“g-1”): The config has a group with this id');
    } finally {
      window.fetch = realFetch;
    }
  });

  it('shows a config error with the fallback for a broken root config', async () => {
    const el = await mount({ groups: [], places: 'Parramatta' });
    expect($(el, '.panel.error')!.textContent).to.contain('places');
  });
});
