import { fixture, html, expect, nextFrame, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../helpers/test-element.js';
import type { CareTestElement } from '../helpers/test-element.js';
import { CareConfigErrorEvent, CareReadyEvent } from '../../src/core/events.js';
import { define } from '../../src/core/define.js';
import { emulateMedia, setViewport } from '@web/test-runner-commands';

const shadow = (el: Element) => el.shadowRoot!;
const textOf = (el: Element, sel: string) => shadow(el).querySelector(sel)?.textContent?.trim();
const settle = async (el: CareTestElement) => {
  await waitUntil(() => el.shadowRoot && (textOf(el, 'h2') || shadow(el).querySelector('.panel.error')), 'widget did not settle', {
    timeout: 3000,
  });
  await el.updateComplete;
};
const inline = (json: string) =>
  html`<care-test-element
    ><script type="application/json">
      ${json}
    </script>
    <a href="/support">Our support page</a></care-test-element
  >`;

let errors: unknown[][] = [];
const originalError = console.error;
beforeEach(() => {
  errors = [];
  console.error = (...args: unknown[]) => void errors.push(args);
});
afterEach(() => {
  console.error = originalError;
});

describe('config sources and precedence', () => {
  it('reads the child JSON script', async () => {
    const el = await fixture<CareTestElement>(inline('{"title":"Inline"}'));
    await settle(el);
    expect(textOf(el, 'h2')).to.equal('Inline');
    await expect(el).to.be.accessible();
  });

  it('fetches src without credentials and prefers it to the inline script', async () => {
    const seen: RequestInit[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => (seen.push(init ?? {}), realFetch(input, init));
    try {
      const el = await fixture<CareTestElement>(
        html`<care-test-element src="/test/fixtures/core/config.json"
          ><script type="application/json">
            { "title": "Inline" }
          </script></care-test-element
        >`,
      );
      await settle(el);
      expect(textOf(el, 'h2')).to.equal('From src');
      expect(seen[0]!.credentials).to.equal('omit');
    } finally {
      window.fetch = realFetch;
    }
  });

  it('prefers the config property to src and inline, and accepts a JSON string', async () => {
    const el = await fixture<CareTestElement>(
      html`<care-test-element src="/test/fixtures/core/config.json" .config=${{ title: 'Property' }}
        ><script type="application/json">
          { "title": "Inline" }
        </script></care-test-element
      >`,
    );
    await settle(el);
    expect(textOf(el, 'h2')).to.equal('Property');
    el.config = '{"title":"As JSON text"}';
    await waitUntil(() => textOf(el, 'h2') === 'As JSON text');
  });

  it('re-renders when the property, src or inline JSON changes', async () => {
    const el = await fixture<CareTestElement>(inline('{"title":"One"}'));
    await settle(el);
    el.querySelector('script')!.textContent = '{"title":"Two"}';
    await waitUntil(() => textOf(el, 'h2') === 'Two', 'inline edit not picked up');
    el.src = '/test/fixtures/core/config.json';
    await waitUntil(() => textOf(el, 'h2') === 'From src', 'src change not picked up');
    el.config = { title: 'Three' };
    await waitUntil(() => textOf(el, 'h2') === 'Three', 'property change not picked up');
    el.config = undefined;
    await waitUntil(() => textOf(el, 'h2') === 'From src', 'clearing the property falls back to src');
  });

  it('sees a config property set right after the element connects, as frameworks do', async () => {
    const el = document.createElement('care-test-element');
    el.innerHTML = '<script type="application/json">{"title":"Inline"}</script>';
    document.body.append(el);
    el.config = { title: 'Set after append' };
    try {
      await settle(el);
      expect(textOf(el, 'h2')).to.equal('Set after append');
    } finally {
      el.remove();
    }
  });

  it('re-reads only for edits to the config script, not to fallback content or other children', async () => {
    const el = await fixture<CareTestElement>(inline('{"title":"One"}'));
    await settle(el);
    const configured = el.configured;
    el.querySelector('a')!.textContent = 'Changed fallback';
    el.append(Object.assign(document.createElement('script'), { type: 'application/ld+json', text: '{}' }));
    await new Promise((r) => setTimeout(r, 50));
    expect(el.configured, 'no reload for unrelated children').to.equal(configured);
    el.querySelector('script[type="application/json"]')!.remove();
    el.append(Object.assign(document.createElement('script'), { type: 'application/json', text: '{"title":"Replaced"}' }));
    await waitUntil(() => textOf(el, 'h2') === 'Replaced', 'a replaced config script is read');
  });

  it('applies schema defaults', async () => {
    const el = await fixture<CareTestElement>(inline('{"title":"Defaults"}'));
    await settle(el);
    expect(textOf(el, '.count')).to.equal('0 items');
  });
});

describe('config errors', () => {
  async function errorOf(template: ReturnType<typeof html>) {
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const pending = oneEvent(wrapper, 'care-config-error') as Promise<CareConfigErrorEvent>;
    const { render } = await import('lit');
    render(template, wrapper);
    const event = await pending;
    const el = wrapper.firstElementChild as CareTestElement;
    await el.updateComplete;
    return { el, event, alert: shadow(el).querySelector('.panel.error')! };
  }

  it('shows patients the fallback (or one calm sentence), never the editor list, which stays one click away', async () => {
    const withFallback = await errorOf(
      html`<care-test-element .config=${{ title: '' }}><p>Call us on 1800 000 000.</p></care-test-element>`,
    );
    const root = shadow(withFallback.el);
    expect(root.querySelector('[role=alert]'), 'no alert is announced to patients').to.equal(null);
    expect(root.querySelector('slot'), 'the fallback is shown').to.not.equal(null);
    expect(root.querySelector('.unavailable'), 'no extra sentence beside the fallback').to.equal(null);
    const details = withFallback.alert as HTMLDetailsElement;
    expect(details.localName).to.equal('details');
    expect(details.open, 'collapsed').to.equal(false);
    expect(details.querySelector('summary')!.textContent).to.equal('Details for the website editor');
    expect(details.querySelector('li')!.textContent).to.match(/^title: /);
    const bare = await errorOf(html`<care-test-element .config=${{ title: '' }}></care-test-element>`);
    expect(shadow(bare.el).querySelector('.unavailable')!.textContent).to.equal('This information is not available right now.');
    await expect(bare.el).to.be.accessible();
  });

  it('styles the editor\u2019s panel with the styles that come with it, which a widget with a valid config never adopts', async () => {
    const good = await fixture<CareTestElement>(html`<care-test-element .config=${{ title: 'Fine' }}></care-test-element>`);
    await settle(good);
    const own = shadow(good).adoptedStyleSheets.length;
    const { el, alert } = await errorOf(html`<care-test-element .config=${{ title: '' }}></care-test-element>`);
    await waitUntil(() => alert.localName === 'details', 'no panel');
    const sheets = shadow(el).adoptedStyleSheets;
    expect(sheets.length, 'the panel\u2019s sheet beside the widget\u2019s own').to.equal(own + 1);
    const style = getComputedStyle(alert);
    // Quiet, not a box: .panel's border and surface are taken off (.panel.editor), and its text is the muted colour.
    expect(style.borderTopWidth).to.equal('0px');
    expect(style.backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    expect(getComputedStyle(alert.querySelector('code')!).fontFamily).to.contain('monospace');
    (alert as HTMLDetailsElement).open = true;
    expect(getComputedStyle(alert).borderInlineStartWidth).to.equal('4px');
    el.requestUpdate();
    await el.updateComplete;
    expect(shadow(el).adoptedStyleSheets.length, 'adopted once, not on every render').to.equal(own + 1);
    expect(shadow(good).adoptedStyleSheets.length).to.equal(own);
  });

  it('reports bad JSON with the editor list, one console.error and an event', async () => {
    const { el, event, alert } = await errorOf(inline('{"title": nope}'));
    expect(event).to.be.instanceOf(CareConfigErrorEvent);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.issues[0]!.path).to.equal('(root)');
    expect(event.detail.issues[0]!.message).to.match(/not valid JSON/);
    expect(alert.textContent).to.match(/not valid JSON/);
    expect(errors.length).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it("lists the problems plainly where the editor panel's code cannot load (a CSP, a missing file), with the console.error and the event", async () => {
    const { editorPanel } = await import('../../src/core/config/issue-text.js');
    const real = editorPanel.load;
    editorPanel.load = Object.assign(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')), {
      value: undefined,
    }) as unknown as typeof real;
    try {
      const { el, event } = await errorOf(inline('{"title": nope}'));
      expect(event.detail.issues[0]!.path).to.equal('(root)');
      const list = shadow(el).querySelector('[part=error]')!;
      expect(list.localName).to.equal('ul');
      expect(list.textContent).to.match(/^\(root\): The config in the <script type="application\/json"> is not valid JSON/);
      expect(errors.length).to.equal(1);
      await expect(el).to.be.accessible();
    } finally {
      editorPanel.load = real;
    }
  });

  it("asks for the editor panel's code once per list of problems, not on every render, and again for new problems", async () => {
    const { editorPanel } = await import('../../src/core/config/issue-text.js');
    const real = editorPanel.load;
    let asked = 0;
    editorPanel.load = Object.assign(() => (asked++, Promise.reject(new TypeError('Failed to fetch dynamically imported module'))), {
      value: undefined,
    }) as unknown as typeof real;
    try {
      const { el } = await errorOf(inline('{"title": nope}'));
      await nextFrame();
      const before = asked;
      expect(before, 'asked for as the problem is shown').to.be.greaterThan(0);
      for (let i = 0; i < 3; i++) {
        el.requestUpdate();
        await el.updateComplete;
      }
      expect(asked, 'three more renders of the same problems').to.equal(before);
      expect(shadow(el).querySelector('[part=error]')!.localName).to.equal('ul');
      el.config = '{"title": still nope}';
      await waitUntil(() => asked > before, 'new problems did not ask again (a passing failure would last the visit)');
    } finally {
      editorPanel.load = real;
    }
  });

  it('reports a src that fails to load or parse', async () => {
    const missing = await errorOf(html`<care-test-element src="/test/fixtures/core/nope.json"></care-test-element>`);
    expect(missing.event.detail.issues).to.deep.equal([
      {
        path: '(src)',
        message: 'Could not load the config from /test/fixtures/core/nope.json: Not found at that address.',
        // A translation words the reason itself (the core's fetch_notFound).
        key: 'srcFailed',
        params: { src: '/test/fixtures/core/nope.json', reason: 'fetch_notFound' },
      },
    ]);
    const broken = await errorOf(html`<care-test-element src="/test/fixtures/core/broken.json"></care-test-element>`);
    expect(broken.event.detail.issues[0]!.message).to.match(/broken\.json: The answer was not valid JSON/);
  });

  it('names every schema problem by its dotted path in plain language', async () => {
    const { event, alert } = await errorOf(
      inline('{"title":"","count":-1,"items":[{"id":"a","audiences":["patient","nurse"]}],"sources":[{"type":"rss"}]}'),
    );
    const issues = event.detail.issues;
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i.message]));
    expect(byPath['title']).to.equal('Must not be empty.');
    expect(byPath['count']).to.equal('Must be at least 0.');
    expect(byPath['sources.0.type']).to.match(/Unknown "type"|Must be one of/);
    expect(alert.textContent).to.contain('title');
    // Bad items inside a skippable list are still shown to editors.
    expect(byPath['items.0.audiences.1']).to.match(/Must be one of "patient", "carer", "family", "professional"; got the text "nurse"/);
  });

  it('treats an unknown key as an error and suggests the nearest known key', async () => {
    const { event } = await errorOf(inline('{"titel":"x","sources":[{"type":"mastodon","instnce":"https://a.example"}]}'));
    const byPath = Object.fromEntries(event.detail.issues.map((i) => [i.path, i.message]));
    expect(byPath['titel']).to.equal('Unknown setting "titel". Did you mean "title"?');
    expect(byPath['sources.0.instnce']).to.equal('Unknown setting "instnce". Did you mean "instance"?');
    expect(byPath['title']).to.match(/^Required/);
  });

  it('gives no suggestion for a key far from every known one', async () => {
    const { event } = await errorOf(inline('{"title":"x","zzzzzz":1}'));
    // The key and its values let a widget word it in the reader's language (see test/i18n/errors.test.ts).
    expect(event.detail.issues).to.deep.equal([
      { path: 'zzzzzz', message: 'Unknown setting "zzzzzz".', key: 'unknownSetting', params: { key: 'zzzzzz' } },
    ]);
  });

  it('says what to do when there is no config at all', async () => {
    const { event } = await errorOf(html`<care-test-element></care-test-element>`);
    expect(event.detail.issues[0]!.message).to.match(/No config found/);
  });

  it('recovers from a bad config when it is fixed', async () => {
    const { el } = await errorOf(inline('{"title":5}'));
    el.config = { title: 'Fixed' };
    await waitUntil(() => textOf(el, 'h2') === 'Fixed');
    expect(shadow(el).querySelector('.panel.error')).to.equal(null);
  });
});

describe('skipped items', () => {
  it('skips an invalid item, renders the rest, and lists it for editors', async () => {
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...a: unknown[]) => void warnings.push(a);
    try {
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      const events: CareConfigErrorEvent[] = [];
      wrapper.addEventListener('care-config-error', (e) => events.push(e as CareConfigErrorEvent));
      wrapper.innerHTML = `<care-test-element><script type="application/json">{"title":"T","items":[{"id":"ok1"},{"id":"bad","audiences":["aliens"]},{"id":"ok2"}]}</script></care-test-element>`;
      const el = wrapper.firstElementChild as CareTestElement;
      await settle(el);
      // Editors' monitoring hears of skipped items too, marked as recovered (the widget still shows the rest).
      expect(events.map((e) => [e.detail.recovered, e.detail.issues.map((i) => i.path)])).to.deep.equal([[true, ['items.1.audiences.0']]]);
      expect((events[0]!.detail.issues[0]!.item as { id: string }).id).to.equal('bad');
      expect([...shadow(el).querySelectorAll('li:not(details li)')].map((li) => li.textContent)).to.deep.equal(['ok1', 'ok2']);
      const details = shadow(el).querySelector('details')!;
      expect(details.textContent).to.contain('items.1.audiences.0');
      // Collapsed, after the content, under the editors' summary: nothing about skipped items in patients' view.
      expect(details.open).to.equal(false);
      expect(details.querySelector('summary')!.textContent).to.equal('Details for the website editor');
      expect(details.querySelector('p')!.textContent).to.equal('1 item was left out because of a problem in the settings (config):');
      expect(details.compareDocumentPosition(shadow(el).querySelector('li')!) & Node.DOCUMENT_POSITION_PRECEDING).to.not.equal(0);
      expect(shadow(el).querySelector('.panel.error')).to.equal(null);
      expect(warnings.length).to.equal(1);
      await expect(el).to.be.accessible();
    } finally {
      console.warn = warn;
    }
  });
});

describe('lifecycle, events and fallback', () => {
  it('fires care-ready once, bubbling and composed', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    let count = 0;
    wrapper.addEventListener('care-ready', (e) => {
      expect(e).to.be.instanceOf(CareReadyEvent);
      expect(e.composed).to.equal(true);
      count++;
    });
    const el = document.createElement('care-test-element');
    el.config = { title: 'Ready' };
    wrapper.append(el);
    await waitUntil(() => count === 1);
    el.config = { title: 'Again' };
    await waitUntil(() => textOf(el, 'h2') === 'Again');
    expect(count).to.equal(1);
  });

  it('shows the light-DOM fallback until content renders, and again on error', async () => {
    const el = document.createElement('care-test-element');
    el.innerHTML = '<a href="/support">Our support page</a>';
    el.src = '/test/fixtures/core/config.json';
    document.body.append(el);
    try {
      await el.updateComplete;
      const slot = () => shadow(el).querySelector('slot');
      expect(slot(), 'fallback slot while loading').to.not.equal(null);
      await settle(el);
      expect(slot(), 'no fallback once rendered').to.equal(null);
      el.config = '{bad json';
      await waitUntil(() => shadow(el).querySelector('.panel.error'));
      expect(slot()!.assignedElements()[0]!.textContent).to.equal('Our support page');
    } finally {
      el.remove();
    }
  });

  it('calls stop() on disconnect and reconfigures on reconnect', async () => {
    const el = await fixture<CareTestElement>(inline('{"title":"A"}'));
    await settle(el);
    const { stopped, configured } = el;
    const parent = el.parentNode!;
    el.remove();
    expect(el.stopped).to.be.greaterThan(stopped);
    parent.append(el);
    await waitUntil(() => el.configured > configured);
  });

  it('never throws into the host page: a crash shows the panel and siblings keep working', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <care-test-element id="a" .config=${{ title: 'A' }}></care-test-element>
        <care-test-element id="b" .config=${{ title: 'B' }}></care-test-element>
      </div>`,
    );
    const [a, b] = [...wrapper.querySelectorAll('care-test-element')] as CareTestElement[];
    await settle(a!);
    await settle(b!);
    (a as unknown as { renderContent: () => never }).renderContent = () => {
      throw new Error('boom');
    };
    const pageErrors: unknown[] = [];
    const onError = (e: ErrorEvent) => pageErrors.push(e.error);
    window.addEventListener('error', onError);
    a!.config = { title: 'A2' };
    await waitUntil(() => shadow(a!).querySelector('.panel.error'), 'crash panel');
    window.removeEventListener('error', onError);
    expect(pageErrors).to.deep.equal([]);
    expect(textOf(b!, 'h2')).to.equal('B');
  });
});

describe('define', () => {
  it('registers a tag once and ignores repeats without throwing', () => {
    class A extends HTMLElement {}
    class B extends HTMLElement {}
    define('care-define-probe', A);
    expect(() => define('care-define-probe', B)).to.not.throw();
    expect(customElements.get('care-define-probe')).to.equal(A);
  });
});

describe('theme and locale', () => {
  it('switches tokens with the theme attribute, lets the page override them, and paints no box of its own', async () => {
    const card = await fixture<HTMLDivElement>(
      html`<div style="background: rgb(40, 20, 60)"><care-test-element .config=${{ title: 'T' }}></care-test-element></div>`,
    );
    const el = card.firstElementChild as CareTestElement;
    await settle(el);
    const bg = () => getComputedStyle(el).backgroundColor;
    const fg = () => getComputedStyle(el).color;
    // Transparent by default in both themes: the host page's (or card's) own background shows through.
    expect(bg()).to.equal('rgba(0, 0, 0, 0)');
    expect(fg()).to.equal('rgb(29, 35, 41)');
    el.theme = 'dark';
    await el.updateComplete;
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(bg()).to.equal('rgba(0, 0, 0, 0)');
    expect(fg()).to.equal('rgb(238, 241, 244)');
    await expect(card).to.be.accessible();
    el.style.setProperty('--care-color-background', 'rgb(1, 2, 3)');
    expect(bg()).to.equal('rgb(1, 2, 3)');
  });

  it('uses NHS.UK body sizes: 19px on wide screens, 16px on phones, and the token over both', async () => {
    const el = await fixture<CareTestElement>(html`<care-test-element .config=${{ title: 'T' }}></care-test-element>`);
    await settle(el);
    try {
      await setViewport({ width: 1280, height: 800 });
      expect(getComputedStyle(el).fontSize).to.equal('19px');
      await setViewport({ width: 360, height: 800 });
      expect(getComputedStyle(el).fontSize).to.equal('16px');
      el.style.setProperty('--care-font-size', '18px');
      expect(getComputedStyle(el).fontSize).to.equal('18px');
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('theme="auto" follows prefers-color-scheme', async () => {
    const el = await fixture<CareTestElement>(html`<care-test-element theme="auto" .config=${{ title: 'T' }}></care-test-element>`);
    await settle(el);
    try {
      await emulateMedia({ colorScheme: 'dark' });
      expect(getComputedStyle(el).color).to.equal('rgb(238, 241, 244)');
      await emulateMedia({ colorScheme: 'light' });
      expect(getComputedStyle(el).color).to.equal('rgb(29, 35, 41)');
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('inherits the page font', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="font-family: Georgia, serif"><care-test-element .config=${{ title: 'T' }}></care-test-element></div>`,
    );
    const el = wrapper.firstElementChild as CareTestElement;
    await settle(el);
    expect(getComputedStyle(shadow(el).querySelector('h2')!).fontFamily).to.contain('Georgia');
  });

  it('takes messages from the nearest lang, with config overrides and plurals', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="fr-CA">
        <care-test-element .config=${{ title: 'T', items: [{ id: 'x' }], messages: { items_one: 'un seul' } }}></care-test-element>
      </div>`,
    );
    const el = wrapper.firstElementChild as CareTestElement;
    await settle(el);
    expect(textOf(el, '.greeting')).to.equal('Bonjour Ann');
    expect(textOf(el, '.count')).to.equal('un seul');
  });

  it('falls back to English for a language without a catalogue', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="vi"><care-test-element .config=${{ title: 'T', items: [{ id: 'x' }, { id: 'y' }] }}></care-test-element></div>`,
    );
    const el = wrapper.firstElementChild as CareTestElement;
    await settle(el);
    expect(textOf(el, '.greeting')).to.equal('Hello Ann');
    expect(textOf(el, '.count')).to.equal('2 items');
  });
});
