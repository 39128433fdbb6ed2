// The one story-rendering harness: renders a CSF3 story the way Storybook does (default args merged with
// the story's, then `render(args)`; without a render, the component with the args as properties) and
// waits until every widget in it has settled. test/stories.test.ts and the a11y checks both use it, so
// what they check is exactly what a designer sees in Storybook.
//
// What a story shows is declared by the story itself, in `parameters.care`:
//   expect: 'content' (default) | 'error' (a config or source error on purpose) | 'waiting' (loading, consent gate)
//   shows:  texts that must appear in its widgets (or, for docs stories, on the page)
//   waitsAt: for a waiting story, a selector in each widget's shadow root that its waiting state shows (in any
//           language): it is looked at once that is there, not after a fixed 1.5 s
import { fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { nothing, type TemplateResult } from 'lit';

export const WIDGETS = ['care-hashtag-feed', 'care-support-groups', 'care-chat-schedule'];

type Render = (args: Record<string, unknown>, context: Record<string, unknown>) => unknown;
export interface Meta {
  title?: string;
  component?: string;
  args?: Record<string, unknown>;
  render?: Render;
  excludeStories?: string[] | RegExp;
  includeStories?: string[] | RegExp;
}
export interface CareParameters {
  expect?: 'error' | 'waiting' | 'content';
  shows?: string[];
  waitsAt?: string;
}
export interface Story {
  name?: string;
  args?: Record<string, unknown>;
  render?: Render;
  parameters?: { care?: CareParameters };
}

/** The stories of a module, as `[exportName, story]`, honouring `includeStories` / `excludeStories`. */
export function storiesOf(mod: Record<string, unknown>): [string, Story][] {
  const meta = (mod.default ?? {}) as Meta;
  const matches = (rule: string[] | RegExp | undefined, key: string) => (rule instanceof RegExp ? rule.test(key) : rule?.includes(key));
  return Object.entries(mod)
    .filter(
      ([key, value]) =>
        key !== 'default' && key !== '__namedExportsOrder' && !!value && (typeof value === 'object' || typeof value === 'function'),
    )
    .filter(([key]) => (!meta.includeStories || matches(meta.includeStories, key)) && !matches(meta.excludeStories, key))
    .map(([key, value]) => [
      key,
      typeof value === 'function' ? ({ render: value as Render, ...(value as object) } as Story) : (value as Story),
    ]);
}

export const expectation = (story: Story): 'error' | 'waiting' | 'content' => story.parameters?.care?.expect ?? 'content';

// Events bubble out of shadow roots with a retargeted `target`; composedPath()[0] is the widget itself.
export const readyWidgets = new WeakSet<EventTarget>();
export const configErrors = new WeakMap<EventTarget, { path: string; message: string }[]>();
export const sourceErrors = new WeakSet<EventTarget>();
document.addEventListener('care-ready', (e) => readyWidgets.add(e.composedPath()[0]!));
// Skipped items (`recovered`) are not a config error: the story's own checks look at the panel.
document.addEventListener('care-config-error', (e) => !e.detail.recovered && configErrors.set(e.composedPath()[0]!, e.detail.issues));
document.addEventListener('care-source-error', (e) => sourceErrors.add(e.composedPath()[0]!));

export type Widget = HTMLElement & { updateComplete?: Promise<unknown>; theme?: string };

/** Every CareCircle widget under `root`, also inside other elements' shadow roots (docs stories). */
export function widgetsIn(root: ParentNode): Widget[] {
  const found: Widget[] = [];
  for (const el of root.querySelectorAll<Widget>('*')) {
    if (WIDGETS.includes(el.localName)) found.push(el);
    else if (el.shadowRoot) found.push(...widgetsIn(el.shadowRoot));
  }
  return found;
}

/** The editors' details of a config that stopped the widget (patients see the fallback instead). */
export const fatalPanel = (el: HTMLElement) => el.shadowRoot?.querySelector('.panel.error[part~="error"]');
export const settled = (el: HTMLElement) => readyWidgets.has(el) || configErrors.has(el) || !!fatalPanel(el);

/**
 * Renders the story inside a wrapping div (`wrapper` is its style, `lang` its language) and waits until each widget has fired
 * `care-ready` or shown a config error. A story that never settles fails, naming the stuck widgets, unless
 * it declares that it waits: then it is looked at once each widget shows its `waitsAt` (failing if one does not
 * within `timeout`), or, without one, after a short while.
 */
export async function renderStory(id: string, meta: Meta, story: Story, wrapper = '', timeout = 8000, lang?: string): Promise<HTMLElement> {
  const args = { ...meta.args, ...story.args };
  const render = story.render ?? meta.render;
  let template: unknown;
  if (render) {
    template = render(args, {
      args,
      id,
      name: story.name ?? id,
      title: meta.title,
      globals: {},
      parameters: story.parameters ?? {},
      argTypes: {},
    });
  } else {
    const el = document.createElement(meta.component!);
    Object.assign(el, args);
    template = el;
  }
  // `lang` renders the story on a page in that language (test/i18n/stories.test.ts); the widgets inherit it.
  const host = await fixture<HTMLElement>(
    html`<div class="story-root" style=${wrapper} lang=${lang ?? nothing}>${template as TemplateResult}</div>`,
  );
  // Docs stories (the token lab, the playground) put their widgets in after their first render.
  await waitUntil(() => widgetsIn(host).length > 0 || !!host.textContent?.trim(), `${id}: rendered nothing`, { timeout: 5000 });
  const waiting = expectation(story) === 'waiting';
  const waitsAt = waiting && story.parameters?.care?.waitsAt;
  try {
    if (waitsAt)
      await waitUntil(() => widgetsIn(host).every((el) => el.shadowRoot?.querySelector(waitsAt)), `${id}: no ${waitsAt} in its widgets`, {
        timeout,
        interval: 20,
      });
    else await waitUntil(() => widgetsIn(host).every(settled), '', { timeout: waiting ? Math.min(1500, timeout) : timeout, interval: 50 });
  } catch (error) {
    if (waitsAt) throw error;
    const stuck = widgetsIn(host)
      .filter((el) => !settled(el))
      .map((el) => `<${el.localName}>`);
    if (!waiting)
      throw new Error(`${id}: ${stuck.join(', ')} neither fired care-ready nor showed a config error within ${timeout / 1000} s`);
  }
  // A long list of support groups shows its first page at once and the whole list (count, filters, search index) a
  // moment later: a story is checked, compared across languages and pictured whole, never half-way, which a busy
  // machine would otherwise catch in one language and not in another.
  if (!waiting)
    await waitUntil(
      () => widgetsIn(host).every((el) => !readyWidgets.has(el) || (el as { indexReady?: boolean }).indexReady !== false),
      `${id}: a long list did not finish`,
      {
        timeout,
        interval: 50,
      },
    );
  await settle(host);
  return host;
}

const frame = () => new Promise((r) => requestAnimationFrame(r));

/**
 * Lets pending renders (and late source errors) land, then waits until the layout holds still. Cards styled
 * `content-visibility: auto` keep a placeholder height until a rendering update finds them near the screen and
 * draws them, which moves everything below; on a busy machine that can take more than two frames, and a check
 * run meanwhile (axe's colour contrast) reads elements where they no longer are.
 */
export async function settle(host: HTMLElement): Promise<void> {
  for (const el of widgetsIn(host)) await el.updateComplete;
  const shape = () => `${host.getBoundingClientRect().height} ${document.documentElement.scrollHeight}`;
  await frame();
  let last = shape();
  for (let still = 0, i = 0; still < 2 && i < 30; i++) {
    await frame();
    const now = shape();
    still = now === last ? still + 1 : 0;
    last = now;
  }
}
