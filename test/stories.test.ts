// Stories are fixtures too: every story of every stories module is rendered here the way Storybook
// renders it (test/helpers/stories.ts), and must settle, show what it declares in `parameters.care`
// (content, an error on purpose, or a waiting state, and the texts it `shows`), log no console error
// and pass axe. Add each new stories module to `modules` below (static imports, so the runner bundles them).
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './helpers/wait.js';
import {
  configErrors,
  expectation,
  fatalPanel,
  readyWidgets as ready,
  renderStory,
  sourceErrors,
  storiesOf,
  WIDGETS,
  widgetsIn,
  type Meta,
  type Story,
} from './helpers/stories.js';
import '../src/define/all.js';
import * as chatScheduleStories from '../stories/chat-schedule.stories.js';
import * as hashtagFeedStories from '../stories/hashtag-feed.stories.js';
import * as supportGroupsStories from '../stories/support-groups.stories.js';
import * as themingStories from '../stories/docs/theming.stories.js';
import * as configErrorStories from '../stories/docs/config-errors.stories.js';
import * as playgroundStories from '../stories/docs/playground.stories.js';
import * as snippets from '../stories/docs/snippets.js';
import { mountPlayground } from '../demo/assets/playground.js';

const modules: Record<string, Record<string, unknown>> = {
  'chat-schedule': chatScheduleStories,
  'hashtag-feed': hashtagFeedStories,
  'support-groups': supportGroupsStories,
  'docs/theming': themingStories,
  'docs/config-errors': configErrorStories,
  'docs/playground': playgroundStories,
};

const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];

/** Each widget story's own state, checked on its one widget beside what every story must do. */
const states: Record<string, (el: HTMLElement) => void> = {
  'chat-schedule:WeekOfChats': (el) => (
    expect($$(el, '[part=chat]')).to.have.length(4),
    expect($$(el, '[part=chat] details.calendar')).to.have.length(4)
  ),
  'chat-schedule:LiveNow': (el) => expect($(el, '.live a.join')?.textContent).to.equal('Join now: #bcsm weekly chat'),
  'chat-schedule:StartingSoon': (el) =>
    expect($(el, '.countdown')?.textContent?.trim()).to.match(/^Starts in 2 hours,? (and )?15 minutes$/),
  'chat-schedule:CancelledOccurrence': (el) => (
    expect($(el, '.cancelled .tag')?.textContent?.trim()).to.equal('Cancelled'),
    expect($(el, '.cancelled time')).to.not.equal(null)
  ),
  'chat-schedule:Compact': (el) => expect($(el, '.compact')).to.not.equal(null),
  'chat-schedule:Agenda': (el) => (expect($$(el, '[part=chat]')).to.have.length(8), expect($$(el, 'details.calendar')).to.have.length(4)),
  'chat-schedule:Dark': (el) => expect(el.getAttribute('theme')).to.equal('dark'),
  'hashtag-feed:Loaded': (el) => expect($$(el, 'article')).to.have.length(8),
  'hashtag-feed:Empty': (el) => expect($(el, '.empty')).to.not.equal(null),
  'hashtag-feed:Loading': (el) => expect($(el, 'p[role=status]')?.textContent).to.equal('Loading…'),
  'hashtag-feed:SourceFailingWithCache': (el) => (expect($$(el, 'article')).to.have.length(4), expect($(el, '.notice')).to.not.equal(null)),
  'hashtag-feed:SourceFailing': (el) => (
    expect($$(el, 'article')).to.have.length(3),
    expect($(el, '.notice')?.textContent).to.contain('/__missing__/bcsm.json')
  ),
  'hashtag-feed:ContentWarning': (el) => expect($$(el, 'article .cw button[aria-expanded=false]').length).to.be.greaterThan(0),
  'hashtag-feed:HeavilyModerated': (el) => (
    expect($$(el, 'article').length).to.be.greaterThan(0),
    expect(el.shadowRoot!.textContent).not.to.contain('miracle')
  ),
  'hashtag-feed:ConsentGate': (el) => expect($(el, '.gate button')).to.not.equal(null),
  'hashtag-feed:Dark': (el) => (expect(el.getAttribute('theme')).to.equal('dark'), expect($$(el, 'article').length).to.be.greaterThan(0)),
  'hashtag-feed:HundredPosts': (el) => expect($$(el, 'article')).to.have.length(100),
};

const anyPanel = (el: HTMLElement) => el.shadowRoot?.querySelector('[part~="error"], [role="alert"]');
const shadowText = (el: HTMLElement) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

const startUrl = location.href;
let logged: unknown[][] = [];
const originalError = console.error;

for (const [file, mod] of Object.entries(modules)) {
  const meta = (mod.default ?? {}) as Meta;
  describe(`stories/${file}.stories.ts (${meta.title ?? 'untitled'})`, () => {
    beforeEach(() => {
      // Widgets that mirror their state in the URL must not leak it into the next story.
      history.replaceState(null, '', startUrl);
      localStorage.clear();
      logged = [];
      console.error = (...args: unknown[]) => {
        logged.push(args);
        originalError.apply(console, args);
      };
    });
    afterEach(() => {
      console.error = originalError;
      history.replaceState(null, '', startUrl);
    });

    const stories = storiesOf(mod);
    it('has stories, each widget story with its state check', () => {
      expect(stories.length).to.be.greaterThan(0);
      if (file === 'chat-schedule' || file === 'hashtag-feed')
        for (const [key] of stories) expect(states, `no state check for ${key}`).to.have.property(`${file}:${key}`);
    });

    for (const [key, story] of stories) {
      const expected = expectation(story);
      it(`${story.name ?? key} (${key}): ${expected === 'error' ? 'shows its error' : expected === 'waiting' ? 'shows its waiting state' : 'renders content'}, axe clean`, async function () {
        this.timeout(60000);
        const host = await renderStory(`${file}--${key}`, meta, story);
        const all = widgetsIn(host);
        if (expected === 'error') {
          // A failing source may report after the rest of the widget is ready: give it a moment.
          const errorShown = () => all.some((el) => configErrors.has(el) || sourceErrors.has(el) || !!anyPanel(el));
          await waitUntil(errorShown, '', { timeout: 5000 }).catch(() => undefined);
          expect(errorShown(), `${key}: an error story should show an error (panel, care-config-error or care-source-error)`).to.equal(
            true,
          );
        } else {
          for (const el of all) {
            const issues = configErrors.get(el);
            expect(issues, `${key}: <${el.localName}> fired care-config-error: ${JSON.stringify(issues)}`).to.equal(undefined);
            expect(!!fatalPanel(el), `${key}: <${el.localName}> shows an error panel: ${shadowText(el).slice(0, 300)}`).to.equal(false);
          }
          expect(
            logged.map((a) => a.map(String).join(' ')),
            `${key}: console.error was called`,
          ).to.deep.equal([]);
        }
        // Content present: every widget has rendered something of its own (a waiting story: at least its status).
        for (const el of all) {
          expect(
            shadowText(el).length + (el.shadowRoot?.querySelectorAll('img, svg, input, button').length ?? 0),
            `${key}: <${el.localName}> rendered no content`,
          ).to.be.greaterThan(0);
        }
        if (!all.length) expect(host.textContent!.trim().length, `${key}: no content`).to.be.greaterThan(0);
        // What the story says it shows, in its widgets' shadow text or (docs stories) on the page; a long list
        // shows its count a moment after its first page.
        const text = () => [host.textContent, ...all.map(shadowText)].join(' ').replace(/\s+/g, ' ');
        const shows = story.parameters?.care?.shows;
        await waitUntil(() => (shows ?? []).every((t: string) => text().includes(t)), '', { timeout: 5000 }).catch(() => undefined);
        const shown = text();
        expect(shows?.length, `${key}: declare what the story shows in parameters.care.shows`).to.be.greaterThan(0);
        for (const text of shows ?? [])
          expect(shown.includes(text), `${key}: should show "${text}"; it shows: ${shown.slice(0, 400)}`).to.equal(true);
        states[`${file}:${key}`]?.(all[0]!);

        await expect(host).to.be.accessible();
      });
    }
  });
}

// The Docs page renders every story of a component in one document, so they share one URL: each
// support-groups story must still show its own state (the issue: every preview showed "melanoma").
describe('Support groups stories side by side, as on their Docs page', () => {
  afterEach(() => history.replaceState(null, '', startUrl));
  it('each preview shows its own state, whatever the others put in the URL', async function () {
    this.timeout(30000);
    const meta = supportGroupsStories.default as Meta;
    const stories = storiesOf(supportGroupsStories).filter(([key]) => key !== 'TenThousand');
    const templates = stories.map(([key, story]) => {
      const args = { ...meta.args, ...story.args };
      return html`<section data-story=${key}>
        ${(story.render ?? meta.render)!(args, { args, id: key, name: key, title: meta.title, globals: {}, parameters: {}, argTypes: {} })}
      </section>`;
    });
    const host = await fixture<HTMLElement>(html`<div>${templates}</div>`);
    await waitUntil(() => widgetsIn(host).every((el) => ready.has(el) || configErrors.has(el)), 'every preview settles', {
      timeout: 10000,
    });
    for (const el of widgetsIn(host)) await el.updateComplete;
    for (const [key, story] of stories) {
      const el = widgetsIn(host.querySelector(`[data-story=${key}]`)!)[0]!;
      const text = shadowText(el);
      for (const shown of story.parameters?.care?.shows ?? [])
        expect(text.includes(shown), `${key} should show "${shown}"; it shows: ${text.slice(0, 300)}`).to.equal(true);
      if (key !== 'NoResults') expect(text, key).not.to.contain('No groups match');
    }
  });
});

describe('the story harness', () => {
  it('fails a story that never settles unless the story says it waits', async () => {
    const meta = hashtagFeedStories.default as Meta;
    const Loading = hashtagFeedStories.Loading as unknown as Story;
    const undeclared: Story = { ...Loading, parameters: {} };
    const error = await renderStory('self-test', meta, undeclared, '', 1000).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).to.match(/<care-hashtag-feed> neither fired care-ready nor showed a config error within 1 s/);
    // Declared as waiting, the same story is looked at instead, once its waiting state is drawn.
    const host = await renderStory('self-test', meta, Loading, '', 1000);
    expect(widgetsIn(host)).to.have.length(1);
    expect(widgetsIn(host)[0]!.shadowRoot!.querySelector('.skeleton'), 'its waiting state is there').to.not.equal(null);
    // A waiting state that never comes fails, naming what it waited for.
    const never: Story = { ...Loading, parameters: { care: { expect: 'waiting', waitsAt: '.not-drawn' } } };
    const missing = await renderStory('self-test', meta, never, '', 1000).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(missing?.message).to.match(/self-test: no \.not-drawn in its widgets/);
  });
});

// The copy-paste snippets of Docs/Embedding must be valid configs: paste each into a page and look.

describe('Docs/Embedding snippets', () => {
  const pasted: [string, string, string][] = [
    ['supportGroups', 'care-support-groups', snippets.supportGroups],
    ['chatSchedule', 'care-chat-schedule', snippets.chatSchedule],
    ['hashtagFeed', 'care-hashtag-feed', snippets.hashtagFeed],
  ];
  for (const [name, tag, snippet] of pasted) {
    it(`${name}: the element as pasted renders without a config error`, async function () {
      this.timeout(20000);
      const host = await fixture<HTMLElement>(html`<div></div>`);
      // The snippet is our own static text; its module <script src> is dropped (the tags are defined here).
      host.innerHTML = snippet.replace(/<script type="module"[^>]*><\/script>/, '');
      const el = host.querySelector<HTMLElement>(tag)!;
      expect(el, `${name} has a <${tag}>`).to.exist;
      // Settled: ready, a config error, or (the feed snippet asks for consent) its consent button.
      const settledOrGate = () => ready.has(el) || configErrors.has(el) || !!el.shadowRoot?.querySelector('.gate button');
      await waitUntil(settledOrGate, `${name}: the pasted element never settled`, { timeout: 5000 });
      expect(configErrors.get(el), `${name}: ${JSON.stringify(configErrors.get(el))}`).to.equal(undefined);
      expect(!!fatalPanel(el), `${name}: error panel`).to.equal(false);
      expect(shadowText(el).length).to.be.greaterThan(0);
      await expect(host).to.be.accessible();
    });
  }
});

// The demo pages load the built bundles exactly as a web team would; `npm test` builds dist/ first.
// Each page must show all three widgets without a config error, ask nothing of any other origin, and
// pass axe (run inside the page's own frame).
describe('Demo pages (built dist/)', () => {
  for (const [page, width] of [
    ['index', 1280],
    ['charity', 1280],
    ['playground', 1280],
    ['index', 320],
  ] as const) {
    it(`demo/${page}.html at ${width}px: widgets render, no request elsewhere, axe clean`, async function () {
      this.timeout(30000);
      if (!(await fetch('/dist/carecircle.js', { method: 'HEAD' })).ok) this.skip(); // dist/ not built
      const frame = await fixture<HTMLIFrameElement>(
        html`<iframe title="demo" style="inline-size:${width}px;block-size:900px;border:0" src="/demo/${page}.html"></iframe>`,
      );
      // Until it navigates, the frame holds an empty about:blank document that is already "complete".
      await waitUntil(
        () => frame.contentWindow?.location.pathname === `/demo/${page}.html` && frame.contentDocument?.readyState === 'complete',
        'page did not load',
        { timeout: 10000 },
      );
      const doc = frame.contentDocument!;
      const widgets = () => [...doc.querySelectorAll<HTMLElement>(WIDGETS.join(','))];
      const shown = (el: HTMLElement) => shadowText(el).length > 20 || !!fatalPanel(el);
      await waitUntil(() => widgets().length > 0 && widgets().every(shown), '', { timeout: 10000 }).catch(() => {
        const w = frame.contentWindow as Window & typeof globalThis;
        throw new Error(
          `${page}: widgets did not render: ${widgets()
            .map((el) => `<${el.localName}> defined=${!!w.customElements.get(el.localName)} "${shadowText(el).slice(0, 80)}"`)
            .join('; ')}`,
        );
      });
      expect(new Set(widgets().map((el) => el.localName)).size, `${page}: widgets`).to.equal(page === 'playground' ? 1 : 3);
      for (const el of widgets())
        expect(!!fatalPanel(el), `${page}: <${el.localName}> shows an error panel: ${shadowText(el).slice(0, 200)}`).to.equal(false);
      const elsewhere = (frame.contentWindow!.performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .map((r) => r.name)
        .filter((url) => new URL(url).origin !== location.origin && !url.startsWith('data:'));
      expect(elsewhere, `${page}: requests to other origins`).to.deep.equal([]);
      expect(doc.documentElement.scrollWidth, `${page}: no horizontal scrolling at ${width}px`).to.be.at.most(width);
      const script = doc.createElement('script');
      script.src = '/node_modules/axe-core/axe.min.js';
      doc.head.append(script);
      await new Promise((resolve, reject) => ((script.onload = resolve), (script.onerror = reject)));
      const axe = (
        frame.contentWindow as unknown as {
          axe: { run: (d: Document) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
        }
      ).axe;
      const { violations } = await axe.run(doc);
      expect(
        violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
        `${page}: axe`,
      ).to.deep.equal([]);
    });
  }
});

describe('Config playground', () => {
  it('names the path of a typo as you type, then gives a snippet that works when pasted', async function () {
    this.timeout(20000);
    const root = await fixture<HTMLElement>(html`<div></div>`);
    const playground = mountPlayground(root, { delay: 0 });
    await playground.ready;
    const $ = <T extends Element>(id: string) => root.querySelector<T>(`#${id}`)!;
    const widget = $<HTMLSelectElement>('pg-widget');
    widget.value = 'care-chat-schedule';
    widget.dispatchEvent(new Event('change'));
    await waitUntil(
      () => playground.element()?.localName === 'care-chat-schedule' && $('pg-result').getAttribute('data-state') === 'valid',
      'example did not render',
      { timeout: 8000 },
    );
    const text = $<HTMLTextAreaElement>('pg-json').value;
    expect(text).to.contain('"chats"');

    const json = $<HTMLTextAreaElement>('pg-json');
    json.value = text.replace('"show"', '"shwo"');
    json.dispatchEvent(new Event('input'));
    await waitUntil(() => $('pg-errors').textContent!.includes('shwo'), 'typo not reported', { timeout: 5000 });
    expect($('pg-errors').textContent).to.contain('shwo: Unknown setting "shwo". Did you mean "show"?');
    expect($('pg-result').getAttribute('data-state')).to.equal('invalid');

    json.value = text.replace(/\}\s*$/, '');
    json.dispatchEvent(new Event('input'));
    await waitUntil(() => $('pg-errors').textContent!.includes('Not valid JSON'), 'bad JSON not reported', { timeout: 5000 });
    expect($('pg-errors').textContent).to.match(/^\(root\): Not valid JSON: .*line \d+, column \d+/);

    json.value = text;
    json.dispatchEvent(new Event('input'));
    await waitUntil(() => $('pg-result').getAttribute('data-state') === 'valid', 'fixed config not valid', { timeout: 5000 });
    const snippet = $('pg-snippet').textContent!;
    expect(snippet).to.match(/<script type="module" src="[^"]+\/dist\/care-chat-schedule\.js"><\/script>/);
    expect(snippet).to.contain('<script type="application/json">');
    $<HTMLInputElement>('pg-classic').click();
    expect($('pg-snippet').textContent).to.match(/<script defer src="[^"]+\/dist\/carecircle\.iife\.js"><\/script>/);

    // Pasted into a page of its own (the tags are already defined here), it renders without an error.
    const paste = await fixture<HTMLElement>(html`<div></div>`);
    paste.innerHTML = snippet.replace(/<script type="module"[^>]*><\/script>/, '');
    const el = paste.querySelector<HTMLElement>('care-chat-schedule')!;
    await waitUntil(() => ready.has(el) || configErrors.has(el), 'pasted snippet did not settle', { timeout: 5000 });
    expect(configErrors.get(el)).to.equal(undefined);
    expect(shadowText(el)).to.contain('chat');
    playground.destroy();
  });
});
