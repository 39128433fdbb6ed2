// Stories are fixtures too: every story of every stories module is rendered here the way Storybook
// renders it (default args merged with the story's args, then `render(args)`), and must settle without
// an error panel (unless it is an error story), show content, log no console error and pass axe.
// Add each new stories module to `modules` below (static imports, so the test runner bundles them).
// What a story is expected to show comes from its name (error/invalid…, loading/consent…) or, to be
// explicit, `parameters: { care: { expect: 'error' | 'waiting' | 'content' } }` on the story.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../src/define/all.js';
import * as chatScheduleStories from '../stories/chat-schedule.stories.js';
import * as hashtagFeedStories from '../stories/hashtag-feed.stories.js';
import * as supportGroupsStories from '../stories/support-groups.stories.js';
import * as themingStories from '../stories/docs/theming.stories.js';
import * as playgroundStories from '../stories/docs/playground.stories.js';
import * as snippets from '../stories/docs/snippets.js';

const modules: Record<string, Record<string, unknown>> = {
  'chat-schedule': chatScheduleStories,
  'hashtag-feed': hashtagFeedStories,
  'support-groups': supportGroupsStories,
  'docs/theming': themingStories,
  'docs/playground': playgroundStories,
};

const WIDGETS = ['care-hashtag-feed', 'care-support-groups', 'care-chat-schedule'];

interface Meta {
  title?: string;
  component?: string;
  args?: Record<string, unknown>;
  render?: Render;
  excludeStories?: string[] | RegExp;
  includeStories?: string[] | RegExp;
}
type Render = (args: Record<string, unknown>, context: Record<string, unknown>) => unknown;
interface Story {
  name?: string;
  args?: Record<string, unknown>;
  render?: Render;
  parameters?: { care?: { expect?: 'error' | 'waiting' | 'content' } };
  tags?: string[];
}

/**
 * What a story shows on purpose: a config error, a state that waits for something (loading, a consent
 * gate: no `care-ready` yet), or content. From `parameters.care.expect`, else from the story's name.
 */
const expectation = (key: string, story: Story): 'error' | 'waiting' | 'content' => {
  const named = `${key} ${story.name ?? ''}`;
  return story.parameters?.care?.expect ?? (/error|invalid|broken|malformed/i.test(named) ? 'error' : /loading|consent|gate|pending/i.test(named) ? 'waiting' : 'content');
};

const isStoryExport = (key: string, value: unknown, meta: Meta): boolean => {
  if (key === 'default' || key === '__namedExportsOrder' || !value || (typeof value !== 'object' && typeof value !== 'function')) return false;
  const matches = (rule: string[] | RegExp | undefined) => (rule instanceof RegExp ? rule.test(key) : rule?.includes(key));
  if (meta.includeStories && !matches(meta.includeStories)) return false;
  return !matches(meta.excludeStories);
};

/** Every CareCircle widget under `root`, also inside other elements' shadow roots (docs stories). */
function widgetsIn(root: Element | ShadowRoot): HTMLElement[] {
  const found: HTMLElement[] = [];
  const walk = (node: Element | ShadowRoot) => {
    for (const el of node.querySelectorAll<HTMLElement>('*')) {
      if (WIDGETS.includes(el.localName)) found.push(el);
      else if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root);
  return found;
}

const fatalPanel = (el: HTMLElement) => el.shadowRoot?.querySelector('[role="alert"][part~="error"], .panel.error[role="alert"]');
const anyPanel = (el: HTMLElement) => el.shadowRoot?.querySelector('[part~="error"], [role="alert"]');
const shadowText = (el: HTMLElement) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

// Events bubble out of shadow roots with a retargeted `target`; composedPath()[0] is the widget itself.
const ready = new WeakSet<EventTarget>();
const configErrors = new WeakMap<EventTarget, { path: string; message: string }[]>();
const sourceErrors = new WeakSet<EventTarget>();
document.addEventListener('care-ready', (e) => ready.add(e.composedPath()[0]!));
document.addEventListener('care-config-error', (e) => configErrors.set(e.composedPath()[0]!, e.detail.issues));
document.addEventListener('care-source-error', (e) => sourceErrors.add(e.composedPath()[0]!));

const startUrl = location.href;
let logged: unknown[][] = [];
const originalError = console.error;

for (const [file, mod] of Object.entries(modules)) {
  const meta = (mod.default ?? {}) as Meta;
  describe(`stories/${file}.stories.ts (${meta.title ?? 'untitled'})`, () => {
    beforeEach(() => {
      // Widgets that mirror their state in the URL must not leak it into the next story.
      history.replaceState(null, '', startUrl);
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

    const stories = Object.entries(mod).filter(([key, value]) => isStoryExport(key, value, meta));
    it('has stories', () => expect(stories.length).to.be.greaterThan(0));

    for (const [key, value] of stories) {
      const story: Story = typeof value === 'function' ? { render: value as Render, ...(value as object) } : (value as Story);
      const expected = expectation(key, story);
      it(`${story.name ?? key} (${key}): ${expected === 'error' ? 'shows its error panel' : expected === 'waiting' ? 'shows its waiting state' : 'renders content'}, axe clean`, async function () {
        this.timeout(60000);
        const args = { ...meta.args, ...story.args };
        const render = story.render ?? meta.render;
        let template: unknown;
        if (render) {
          template = render(args, { args, id: `${file}--${key}`, name: story.name ?? key, title: meta.title, globals: {}, parameters: story.parameters ?? {}, argTypes: {} });
        } else {
          // Storybook's default web-components render: the component with the args as properties.
          const el = document.createElement(meta.component!);
          Object.assign(el, args);
          template = el;
        }
        const host = await fixture<HTMLElement>(html`<div class="story-root">${template as TemplateResult}</div>`);

        // Docs stories (the token lab, the playground) put their widgets in after their first render.
        await waitUntil(() => widgetsIn(host).length > 0 || !!host.textContent?.trim(), `${key}: rendered nothing`, { timeout: 5000 });
        await new Promise((r) => setTimeout(r, 50));
        const widgets = widgetsIn(host);
        const settled = (el: HTMLElement) => ready.has(el) || configErrors.has(el) || !!fatalPanel(el);
        if (widgets.length) {
          try {
            await waitUntil(() => widgetsIn(host).every(settled), '', { timeout: expected === 'waiting' ? 1500 : 8000, interval: 50 });
          } catch {
            const stuck = widgetsIn(host).filter((el) => !settled(el)).map((el) => `<${el.localName}>`);
            if (expected !== 'waiting') throw new Error(`${key}: ${stuck.join(', ')} neither fired care-ready nor showed a config error within 8 s`);
          }
        }
        for (const el of widgetsIn(host)) await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
        await new Promise((r) => requestAnimationFrame(() => r(null)));

        const all = widgetsIn(host);
        if (expected === 'error') {
          // A failing source may report after the rest of the widget is ready: give it a moment.
          const shown = () => all.some((el) => configErrors.has(el) || sourceErrors.has(el) || !!anyPanel(el));
          await waitUntil(shown, '', { timeout: 5000 }).catch(() => undefined);
          expect(
            shown(),
            `${key}: an error story should show an error (panel, care-config-error or care-source-error)`,
          ).to.equal(true);
        } else {
          for (const el of all) {
            const issues = configErrors.get(el);
            expect(issues, `${key}: <${el.localName}> fired care-config-error: ${JSON.stringify(issues)}`).to.equal(undefined);
            expect(fatalPanel(el), `${key}: <${el.localName}> shows an error panel: ${shadowText(el).slice(0, 300)}`).to.equal(null);
          }
          expect(logged.map((a) => a.map(String).join(' ')), `${key}: console.error was called`).to.deep.equal([]);
        }
        // Content present: every widget has rendered something of its own (a waiting story: at least its status).
        for (const el of all) {
          expect(shadowText(el).length + (el.shadowRoot?.querySelectorAll('img, svg, input, button').length ?? 0), `${key}: <${el.localName}> rendered no content`).to.be.greaterThan(0);
        }
        if (!all.length) expect(host.textContent!.trim().length, `${key}: no content`).to.be.greaterThan(0);

        await expect(host).to.be.accessible();
      });
    }
  });
}

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
      await waitUntil(() => ready.has(el) || configErrors.has(el), '', { timeout: 3000 }).catch(() => undefined);
      expect(configErrors.get(el), `${name}: ${JSON.stringify(configErrors.get(el))}`).to.equal(undefined);
      expect(fatalPanel(el)).to.equal(null);
      expect(shadowText(el).length).to.be.greaterThan(0);
      await expect(host).to.be.accessible();
    });
  }
});
