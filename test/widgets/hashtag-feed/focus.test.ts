// Focus when posts on screen change. Lit reuses each position's <article>, so without care a reader focused on a
// post that is taken away (a snapshot refreshed without it: the pipeline's review removed it from the site) would
// be left on another post without being told, and a reader on a post that moves would be on someone else's.
import { expect } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import type { CareHashtagFeed } from '../../../src/widgets/hashtag-feed/hashtag-feed.js';
import { followFocus, SAY_AFTER } from '../../../src/widgets/hashtag-feed/follow-focus.js';
import type { PostInput } from '../../../src/sources/posts.js';
import { $, articles, authorOf, fakeClock, feed, json, mockFetch, post, type FetchMock } from './helpers.js';

const SNAPSHOT = 'https://feeds.example/bcsm.json';
let mock: FetchMock | undefined;
let clock: ReturnType<typeof fakeClock> | undefined;
afterEach(() => {
  mock?.restore();
  clock?.restore();
  mock = clock = undefined;
});

/** Five posts by authors A…E, newest first. */
const five = (): PostInput[] =>
  ['A', 'B', 'C', 'D', 'E'].map((name, i) =>
    post({ minutesAgo: i + 1, author: { name, handle: `@${name.toLowerCase()}@social.example`, url: `https://social.example/@${name}` } }),
  );

/** A feed of a snapshot file that serves `posts` at each refresh (once a minute, on the fake clock). */
async function snapshotFeed(first: PostInput[], over: Record<string, unknown> = {}) {
  clock = fakeClock();
  const state = { posts: first };
  mock = mockFetch(() => json({ generatedAt: new Date().toISOString(), posts: state.posts }));
  const el = await feed({ hashtag: 'bcsm', refreshSeconds: 60, sources: [{ type: 'snapshot', url: SNAPSHOT }], ...over });
  return { el, state };
}

/** Serves `posts` at the next refresh and waits until the feed shows `count` posts. */
async function refresh(el: CareHashtagFeed, state: { posts: PostInput[] }, posts: PostInput[], count = posts.length) {
  state.posts = posts;
  clock!.advance(60000);
  await waitUntil(() => articles(el).length === count, `the feed did not show ${count} posts after the refresh`);
  await el.updateComplete;
}

/**
 * Five posts; focus put where `put` says; then a refresh that serves `next` of them. The feed after it, and where
 * focus is now, in words.
 */
async function focusAfter(put: (el: CareHashtagFeed) => HTMLElement, next: (posts: PostInput[]) => PostInput[]) {
  const posts = five();
  const { el, state } = await snapshotFeed(posts);
  put(el).focus();
  await refresh(el, state, next(posts));
  return { el, now: focused(el) };
}

/** Where focus is, in words ("post 2 by C", "a.author in post 3 by D", "h2"), so a failure says where it went. */
function focused(el: CareHashtagFeed): string {
  const active = el.shadowRoot!.activeElement as HTMLElement | null;
  if (!active) return `nothing in the feed (${document.activeElement?.localName})`;
  const post = active.closest('article');
  const where = post ? `post ${articles(el).indexOf(post) + 1} by ${authorOf(post)}` : '';
  return post === active ? where : `${active.localName}${active.className ? `.${active.className}` : ''}${where && ` in ${where}`}`;
}
const said = (el: CareHashtagFeed) => $(el, '.said') ?? document.createElement('p');
const announced = (el: CareHashtagFeed) =>
  waitUntil(() => said(el).textContent === 'The post you were reading was removed.', 'the removal was not announced');
/** Nothing said: the status line is still empty after the time a removal takes to be said. */
const silent = async (el: CareHashtagFeed) => {
  await new Promise((r) => setTimeout(r, SAY_AFTER * 3));
  expect(said(el).textContent, 'something was announced').to.equal('');
};

describe('focus when posts change', () => {
  it('moves from a removed post to the one in its place, and says politely that the post was removed', async () => {
    const { el, now } = await focusAfter(
      (el) => articles(el)[1]!,
      (posts) => [posts[0]!, ...posts.slice(2)],
    );
    expect(now).to.equal('post 2 by C');
    expect(said(el).getAttribute('role')).to.equal('status');
    expect(said(el).classList.contains('visually-hidden')).to.equal(true);
    await announced(el);
    await expect(el).to.be.accessible();
  });

  it('says nothing about a removed post once the feed has left the page', async () => {
    const { el } = await focusAfter(
      (el) => articles(el)[1]!,
      (posts) => [posts[0]!, ...posts.slice(2)],
    );
    el.remove();
    await silent(el);
  });

  it('moves from a removed post inside it (a link) to the post in its place, not to the same link there', async () => {
    const { el, now } = await focusAfter(
      (el) => articles(el)[2]!.querySelector<HTMLElement>('a.when')!,
      (posts) => [...posts.slice(0, 2), ...posts.slice(3)],
    );
    expect(now).to.equal('post 3 by D');
    await announced(el);
  });

  it('moves to the previous post when the removed one was last', async () => {
    const { el, now } = await focusAfter(
      (el) => articles(el)[4]!,
      (posts) => posts.slice(0, 4),
    );
    expect(now).to.equal('post 4 by D');
    await announced(el);
  });

  it('moves to the feed’s heading when no post is left, and announces it each time', async () => {
    const posts = five();
    const { el, state } = await snapshotFeed(posts.slice(0, 2), { heading: 'From our community' });
    articles(el)[0]!.focus();
    await refresh(el, state, posts.slice(1, 2));
    expect(focused(el)).to.equal('post 1 by B');
    await announced(el);
    const texts: string[] = [];
    const watch = new MutationObserver(() => texts.push(said(el).textContent!));
    watch.observe(said(el), { childList: true, characterData: true, subtree: true });
    await refresh(el, state, [], 0);
    expect(focused(el)).to.equal('h2');
    expect($(el, '[part=heading]')!.tabIndex).to.equal(-1);
    await announced(el);
    watch.disconnect();
    // The same sentence a second time is announced again: it was emptied before it came back.
    expect(texts).to.deep.equal(['', 'The post you were reading was removed.']);
    await expect(el).to.be.accessible();
  });

  it('moves to the empty state when no post is left and there is no heading', async () => {
    const posts = five();
    const { el, state } = await snapshotFeed(posts.slice(0, 1));
    articles(el)[0]!.focus();
    await refresh(el, state, [], 0);
    expect(focused(el)).to.equal('p.empty');
    await announced(el);
  });

  it('keeps focus on the same control of a post that stays, when a post before it is removed', async () => {
    const { el, now } = await focusAfter(
      (el) => articles(el)[3]!.querySelector<HTMLElement>('a.author')!,
      (posts) => [posts[0]!, ...posts.slice(2)],
    );
    expect(now).to.equal('a.author in post 3 by D');
    await silent(el);
  });

  it('keeps focus on a post that stays where it was, with nothing announced', async () => {
    const { el, now } = await focusAfter(
      (el) => articles(el)[0]!,
      (posts) => posts.slice(0, 4),
    );
    expect(now).to.equal('post 1 by A');
    await silent(el);
  });
});

describe('followFocus', () => {
  const before = ['a', 'b', 'c', 'd'];
  it('finds a post that stays at its new place', () => {
    expect(followFocus(before, ['a', 'c', 'd'], 2)).to.deep.equal([1, false]);
    expect(followFocus(before, ['x', 'a', 'b', 'c', 'd'], 0)).to.deep.equal([1, false]);
    expect(followFocus(before, before, 3)).to.deep.equal([3, false]);
  });
  it('gives a removed post’s place to the next post still shown, else the one before it', () => {
    expect(followFocus(before, ['a', 'd'], 1)).to.deep.equal([1, true]);
    expect(followFocus(before, ['a', 'b'], 3)).to.deep.equal([1, true]);
    expect(followFocus(before, ['a', 'b'], 2)).to.deep.equal([1, true]);
    expect(followFocus(before, ['c', 'd'], 0)).to.deep.equal([0, true]);
  });
  it('gives -1 when no post is left', () => {
    expect(followFocus(before, [], 2)).to.deep.equal([-1, true]);
  });
});
