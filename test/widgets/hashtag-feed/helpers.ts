// Shared helpers for the hashtag feed tests: a stubbed fetch (no test touches the network), fixtures,
// a controllable clock for refresh timers, and small DOM queries into the shadow root.
import { fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import '../../../src/define/care-hashtag-feed.js';
import type { CareHashtagFeed } from '../../../src/widgets/hashtag-feed/hashtag-feed.js';
import type { PostInput } from '../../../src/sources/posts.js';

export const realFetch = window.fetch.bind(window);

export const json = (body: unknown, { status = 200, headers = {} }: { status?: number; headers?: Record<string, string> } = {}) =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });

export const load = async <T = unknown>(path: string): Promise<T> => (await realFetch(path)).json() as Promise<T>;

export interface FetchMock {
  /** Every URL requested, in order. */
  calls: string[];
  restore(): void;
}

/** Routes `fetch` to `handler`; a URL it does not answer fails like a blocked request. */
export function mockFetch(handler: (url: URL) => Response | Promise<Response> | undefined): FetchMock {
  const calls: string[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    calls.push(url.href);
    if (init?.credentials !== 'omit') throw new Error(`request without credentials: 'omit': ${url}`);
    const response = await handler(url);
    if (!response) throw new TypeError('Failed to fetch');
    return response;
  };
  return { calls, restore: () => void (window.fetch = realFetch) };
}

/** A fake clock for the long refresh timers (≥ 60 s); short timers stay real. */
export function fakeClock() {
  const realSet = window.setTimeout;
  const realClear = window.clearTimeout;
  const realNow = Date.now;
  let now = realNow();
  let id = 1e9;
  let timers: { id: number; at: number; fn: () => void }[] = [];
  window.setTimeout = ((fn: () => void, ms = 0, ...args: unknown[]) =>
    ms >= 60000 ? (timers.push({ id: ++id, at: now + ms, fn }), id) : realSet(fn, ms, ...args)) as typeof setTimeout;
  window.clearTimeout = ((t?: number) => {
    timers = timers.filter((x) => x.id !== t);
    realClear(t);
  }) as typeof clearTimeout;
  Date.now = () => now;
  return {
    get pending() {
      return timers.length;
    },
    /** Moves time on and runs the timers that fell due. */
    advance(ms: number) {
      now += ms;
      const due = timers.filter((x) => x.at <= now);
      timers = timers.filter((x) => x.at > now);
      due.forEach((x) => x.fn());
    },
    restore() {
      window.setTimeout = realSet;
      window.clearTimeout = realClear;
      Date.now = realNow;
    },
  };
}

/** Pretends the tab is hidden or visible. */
export function setHidden(hidden: boolean): void {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  document.dispatchEvent(new Event('visibilitychange'));
}
export const resetHidden = () => delete (document as { hidden?: boolean }).hidden;

export const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
export const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
export const articles = (el: Element) => $$(el, 'article');
export const authorOf = (a: HTMLElement) => a.querySelector('.name')?.textContent?.trim();

/** Renders the feed and waits until it is past loading (or shows a config error or consent gate). */
export async function feed(config: unknown, attrs: { theme?: string } = {}): Promise<CareHashtagFeed> {
  const el = await fixture<CareHashtagFeed>(
    html`<care-hashtag-feed .config=${config} theme=${attrs.theme ?? 'light'}></care-hashtag-feed>`,
  );
  await settle(el);
  return el;
}

export async function settle(el: CareHashtagFeed): Promise<void> {
  await waitUntil(
    () => el.shadowRoot && ($(el, '[role=feed][aria-busy=false]') || $(el, '.empty') || $(el, '.panel.error') || $(el, '.gate')),
    'feed did not settle',
    { timeout: 4000 },
  );
  await el.updateComplete;
}

let n = 0;
/** A valid curated post; `over` replaces fields. */
export function post(over: Partial<PostInput> & { minutesAgo?: number } = {}): PostInput {
  const i = ++n;
  const { minutesAgo = i, ...rest } = over;
  return {
    id: `c${i}`,
    url: `https://social.example/@nurse/${i}`,
    createdAt: new Date(Date.now() - minutesAgo * 60000).toISOString(),
    author: { name: 'Nurse Kim', handle: '@nurse@social.example', url: 'https://social.example/@nurse' },
    text: `Curated post ${i}`,
    language: 'en',
    ...rest,
  };
}

/** A Mastodon status `id` minutes old by a nurse on the server at `origin`, saying "Post <id>". */
export const nurseStatus = (origin: string, id: number) => ({
  id: String(id),
  created_at: new Date(Date.now() - id * 60000).toISOString(),
  url: `${origin}/@nurse/${id}`,
  account: { acct: 'nurse', display_name: 'Nurse Kim', url: `${origin}/@nurse` },
  content: `<p>Post ${id}</p>`,
  language: 'en',
});
