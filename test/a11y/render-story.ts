// Renders a CSF3 story the way Storybook does (default args merged with the story's, then `render(args)`)
// and waits until its widgets have settled: the same contract as test/stories.test.ts, shared here so the
// layout checks see exactly what a designer sees in Storybook.
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';

export const WIDGETS = ['care-hashtag-feed', 'care-support-groups', 'care-chat-schedule'];

type Render = (args: Record<string, unknown>, context: Record<string, unknown>) => unknown;
export interface Meta {
  title?: string;
  component?: string;
  args?: Record<string, unknown>;
  render?: Render;
}
export interface Story {
  name?: string;
  args?: Record<string, unknown>;
  render?: Render;
  parameters?: { care?: { expect?: 'error' | 'waiting' | 'content' } };
}

/** The stories of a module, as `[exportName, story]`. */
export function storiesOf(mod: Record<string, unknown>): [string, Story][] {
  return Object.entries(mod)
    .filter(([key, value]) => key !== 'default' && key !== '__namedExportsOrder' && !!value && (typeof value === 'object' || typeof value === 'function'))
    .map(([key, value]) => [key, typeof value === 'function' ? ({ render: value as Render, ...(value as object) } as Story) : (value as Story)]);
}

const ready = new WeakSet<EventTarget>();
document.addEventListener('care-ready', (e) => ready.add(e.composedPath()[0]!));
document.addEventListener('care-config-error', (e) => ready.add(e.composedPath()[0]!));

export type Widget = HTMLElement & { updateComplete?: Promise<unknown>; theme?: string };

export const widgetsIn = (root: ParentNode): Widget[] => [...root.querySelectorAll<Widget>(WIDGETS.join(','))];

/** Renders the story inside `wrapper` (a style for the wrapping div) and waits for its widgets. */
export async function renderStory(id: string, meta: Meta, story: Story, wrapper = ''): Promise<HTMLElement> {
  const args = { ...meta.args, ...story.args };
  const render = story.render ?? meta.render;
  let template: unknown;
  if (render) {
    template = render(args, { args, id, name: story.name ?? id, title: meta.title, globals: {}, parameters: story.parameters ?? {}, argTypes: {} });
  } else {
    const el = document.createElement(meta.component!);
    Object.assign(el, args);
    template = el;
  }
  const host = await fixture<HTMLElement>(html`<div class="story-root" style=${wrapper}>${template as TemplateResult}</div>`);
  await waitUntil(() => widgetsIn(host).length > 0, `${id}: rendered no widget`, { timeout: 5000 });
  // Waiting states (loading, consent gate) never fire care-ready: give them a moment, then look anyway.
  await waitUntil(() => widgetsIn(host).every((el) => ready.has(el)), '', { timeout: 4000, interval: 50 }).catch(() => undefined);
  await settle(host);
  return host;
}

/** Lets pending renders (and late source errors) land. */
export async function settle(host: HTMLElement): Promise<void> {
  await new Promise((r) => setTimeout(r, 60));
  for (const el of widgetsIn(host)) await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
}
