// What the feed needs only after its first page, or to show its consent gate: a chunk fetched once the first posts
// are drawn when the feed refreshes, else at the first "Show more" (a gated feed fetches it for its gate), so a
// feed's first screen does not download it. It reads later pages (a refresh that reads on to the posts held, "more"
// that fills a gap first), moves focus with the reader's post when the posts change, and draws the consent gate and
// the "N new posts" button; its English words come with it.
import { html, type TemplateResult } from 'lit/html.js';
import type { Post } from '../../sources/posts.js';
import { addEnglish, type Translate } from '../../core/i18n/messages.js';
import { followFocus, SAY_AFTER } from './follow-focus.js';
import { messages } from './messages.js';
import type { Runner } from './feed-sources.js';
import { mergePosts } from './moderation.js';
import { addStyles, css } from '../../core/css.js';

/** The words of what this chunk shows, in English (the feed's language files have them too). */
export const laterText = {
  consent: 'Show posts from {hosts}',
  consentNote: 'These posts come from {hosts}. We only contact them if you choose to see the posts.',
  elsewhere: 'other websites',
  removed: 'The post you were reading was removed.',
  fresh_one: 'Show {count} new post',
  fresh_other: 'Show {count} new posts',
};
addEnglish(laterText, messages);

/**
 * A source's page after its first: a refresh's newest page, read on (up to three pages) until it reaches the posts
 * held, or "more"'s next page, which fills a gap first. `read` asks the source for a page. Returns true when "more"
 * only closed the gap with posts already held: the caller asks again, to go on past the oldest.
 */
export async function nextPage(
  r: Runner,
  read: (page?: string) => Promise<{ posts: Post[]; next?: string }>,
  more: boolean,
): Promise<boolean> {
  const { src } = r;
  const result = await read(more ? (r.gap ?? r.next) : undefined);
  const held = new Set(r.posts.map((p) => p.url));
  const reaches = () => result.posts.some((p) => held.has(p.url));
  // A server's pages, with posts already held. A refresh whose page reaches none of them (more came in between
  // than a page holds, say while the tab was hidden) reads on, up to three pages, until it does: no post is
  // skipped between the two. A gap still left is filled by "more" first.
  const paged = src.type != 'snapshot' && held.size;
  for (let n = 0; !more && paged && n < 3 && result.next && !reaches(); n++) {
    const page = await read(result.next);
    result.posts = [...result.posts, ...page.posts];
    result.next = page.next;
  }
  const gap = paged && !reaches() ? result.next : undefined;
  const known = new Set(result.posts.map((p) => p.url));
  // A snapshot file is the whole list: a post no longer in it was taken off the site (the pipeline's review), so
  // it leaves the page too. A server's first page is only the newest: older posts stay. On Mastodon, whose tag
  // timeline is in time order, a post newer than that page's oldest but not on it was deleted (or lost the tag):
  // it leaves too (all of them, when the first page is empty).
  const oldest = result.posts.length ? Math.min(...result.posts.map((p) => Date.parse(p.createdAt))) : -Infinity;
  r.posts = more
    ? [...r.posts.filter((p) => !known.has(p.url)), ...result.posts]
    : src.type == 'snapshot'
      ? result.posts
      : [...result.posts, ...r.posts.filter((p) => !known.has(p.url) && !(src.type == 'mastodon' && Date.parse(p.createdAt) > oldest))];
  if (more && r.gap) {
    // A page only of posts held closes the gap with nothing new: the reader asked for more, so go on past the oldest.
    return !(r.gap = gap) && result.posts.every((p) => held.has(p.url));
  }
  if (!more) r.gap = gap;
  if (more || !r.posts.length || r.next === undefined) r.next = result.next;
  return false;
}

/** What a reader can focus inside a post, to find the same control when the post moves. */
const CONTROLS = 'a[href],button';

/** Where focus was among the posts: their addresses then, the focused post's index, its focused control's (-1: the post). */
export type Focus = [urls: string[], post: number, control: number];

const articles = (root: ShadowRoot) => [...root.querySelectorAll<HTMLElement>('article')];

/** Before the posts change: where focus is among them (`urls`, in their order), or undefined when it is not in one. */
export function focusIn(root: ShadowRoot, urls: string[]): Focus | undefined {
  const active = root.activeElement as HTMLElement | null;
  const post = active?.closest('article');
  return post ? [urls, articles(root).indexOf(post), [...post.querySelectorAll(CONTROLS)].indexOf(active!)] : undefined;
}

/**
 * After the posts changed: focus on the same control of the reader's post, which may now be drawn elsewhere (lit
 * keeps each position's DOM). When the post itself went, focus goes to the post in its place (`land` finds the
 * heading or the empty state where there is none) and the feed's status line says why, politely.
 */
export function follow(
  host: HTMLElement & { renderRoot: ShadowRoot },
  was: Focus,
  urls: string[],
  land: (to?: HTMLElement) => void,
  t: Translate,
): void {
  const [to, gone] = followFocus(was[0], urls, was[1]);
  const post = articles(host.renderRoot)[to];
  land((post && !gone && post.querySelectorAll<HTMLElement>(CONTROLS)[was[2]]) || post);
  if (!gone) return;
  const said = host.renderRoot.querySelector('.said')!;
  said.textContent = '';
  // Emptied first and filled a moment later, so a second removal is announced too; not once the feed has left the page.
  setTimeout(() => host.isConnected && (said.textContent = t('removed')), SAY_AFTER);
}

/** The feed's words for what this chunk draws: messages with each value isolated, and parts that are templates. */
export interface Words {
  t: Translate;
  tb(key: string, params?: Record<string, string | number>, parts?: Record<string, unknown>): unknown[];
  list(values: string[]): unknown[];
}

/** The "N new posts" button's styles, adopted beside the feed's when it is first drawn. */
export const freshStyles = css`
  .fresh button {
    margin-block-start: calc(var(--_gap) / 2);
    box-shadow: 0 0.15rem 0.5rem rgb(0 0 0 / 0.35);
  }
`;

/** What the "N new posts" button changes: the feed's posts, those waiting, and how many are shown. */
export interface Fresh<I extends { p: Post }> {
  items: I[];
  fresh: I[];
  shown: number;
  readonly updateComplete: Promise<unknown>;
  readonly renderRoot: ShadowRoot;
}

/**
 * The button for posts a refresh found (only a refresh, which needs this chunk, finds them): they wait behind it, so
 * nothing moves under the reader. Pressed, it puts them above the others, marks them `known`, and puts the reader on
 * the first. `prepare` makes a post an item, as the feed does.
 */
export function freshButton<I extends { p: Post }>(h: Words, f: Fresh<I>, known: Set<string>, prepare: (p: Post) => I): TemplateResult {
  const show = async () => {
    f.fresh.forEach((i) => known.add(i.p.url));
    f.items = mergePosts(
      f.fresh.map((i) => i.p),
      f.items.map((i) => i.p),
    ).map(prepare);
    f.shown += f.fresh.length;
    f.fresh = [];
    await f.updateComplete;
    f.renderRoot.querySelector('article')?.focus();
  };
  addStyles(f.renderRoot, freshStyles);
  return html`<button class="primary" @click=${show}>${h.tb('fresh', { count: f.fresh.length })}</button>`;
}

/**
 * The consent gate: which servers the feed would ask (other than this page's), and the button that lets it. Nothing
 * is asked of them before it is pressed.
 */
export function gate(h: Words, urls: (string | undefined)[], consent: () => void): TemplateResult {
  const hosts = new Set(urls.flatMap((u) => (u ? [new URL(u, document.baseURI).host] : [])).filter((x) => x !== location.host));
  const named = hosts.size ? h.list([...hosts]) : h.t('elsewhere');
  return html`<div class="panel gate">
    <p>${h.tb('consentNote', {}, { hosts: named })}</p>
    <button class="primary" @click=${consent}>${h.tb('consent', {}, { hosts: named })}</button>
  </div>`;
}
