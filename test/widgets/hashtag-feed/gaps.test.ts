// When more posts come in between two refreshes than one page holds (a busy tag, a tab hidden for hours), the
// posts in between must not be skipped for good, and "more" must not take in the posts waiting behind the
// "N new posts" button. A Mastodon server played here: a tag timeline, newest first, 40 a page, `max_id` paging.
import { expect } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import { pull, runner } from '../../../src/widgets/hashtag-feed/feed-sources.js';
import { $, articles, fakeClock, feed, json, mockFetch, type FetchMock } from './helpers.js';

const MASTO = 'https://gaps.example';
const PAGE = 40;

/** A tag timeline of `count` statuses, ids 1 … count (higher is newer, a minute apart). */
function server(count: number) {
  const start = Date.parse('2026-12-01T00:00:00Z');
  let total = count;
  const status = (id: number) => ({
    id: String(id),
    created_at: new Date(start + id * 60000).toISOString(),
    url: `${MASTO}/@nurse/${id}`,
    account: { acct: 'nurse', display_name: 'Nurse Kim', url: `${MASTO}/@nurse` },
    content: `<p>Post ${id}</p>`,
    language: 'en',
  });
  const answer = (url: URL) => {
    const below = Number(url.searchParams.get('max_id') ?? total + 1);
    const ids = Array.from({ length: Math.min(PAGE, below - 1) }, (_, i) => below - 1 - i);
    const last = ids.at(-1);
    return json(ids.map(status), {
      headers: last && last > 1 ? { link: `<${MASTO}/api/v1/timelines/tag/bcsm?limit=40&max_id=${last}>; rel="next"` } : {},
    });
  };
  return {
    answer,
    /** `n` new posts arrive. */
    add: (n: number) => void (total += n),
  };
}
/** The posts' ids, newest first (the widget sorts what a runner holds). */
const ids = (urls: string[]) => urls.map((u) => Number(u.split('/').at(-1))).sort((a, b) => b - a);
const range = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => from - i);

let mock: FetchMock | undefined;
afterEach(() => mock?.restore());
const signal = new AbortController().signal;

describe('a refresh after more posts than a page', () => {
  it('reads on until it reaches the posts it holds: none is skipped', async () => {
    const s = server(60);
    mock = mockFetch((url) => s.answer(url));
    const r = runner({ type: 'mastodon', instance: MASTO });
    await pull(r, 'bcsm', 60000, false, signal, 0);
    expect(ids(r.posts.map((p) => p.url))).to.deep.equal(range(60, 21));
    s.add(100); // 61 … 160: two and a half pages
    await pull(r, 'bcsm', 60000, false, signal, 60000);
    expect(mock.calls).to.have.length(4, 'three pages to reach post 60');
    expect(ids(r.posts.map((p) => p.url))).to.deep.equal(range(160, 21), 'every post from 160 down to 21, once');
    expect(r.gap).to.equal(undefined);
    // Older posts still come after the oldest held, not from where the refresh stopped.
    await pull(r, 'bcsm', 60000, true, signal, 61000);
    expect(ids(r.posts.map((p) => p.url))).to.deep.equal(range(160, 1));
  });

  it('reads at most three pages more; "more" then fills the gap left before going on past the oldest', async () => {
    const s = server(60);
    mock = mockFetch((url) => s.answer(url));
    const r = runner({ type: 'mastodon', instance: MASTO });
    await pull(r, 'bcsm', 60000, false, signal, 0);
    s.add(200); // 61 … 260: five pages
    await pull(r, 'bcsm', 60000, false, signal, 60000);
    expect(mock.calls).to.have.length(5);
    expect(ids(r.posts.map((p) => p.url))).to.deep.equal([...range(260, 101), ...range(60, 21)]);
    expect(r.gap).to.match(/max_id=101$/);
    await pull(r, 'bcsm', 60000, true, signal, 61000);
    expect(ids(r.posts.map((p) => p.url))).to.deep.equal(range(260, 21), 'the gap is filled, each post once');
    // Its last page ended just above post 60: the next page brings only posts held, so "more" goes on past the oldest
    // in the same press rather than bringing nothing.
    await pull(r, 'bcsm', 60000, true, signal, 62000);
    expect(ids(r.posts.map((p) => p.url))).to.deep.equal(range(260, 1));
    expect(r.gap).to.equal(undefined);
    expect(mock.calls.slice(-2).map((u) => new URL(u).searchParams.get('max_id'))).to.deep.equal(['61', '21']);
  });
});

describe('"Show more" and the new posts waiting', () => {
  let clock: ReturnType<typeof fakeClock> | undefined;
  afterEach(() => clock?.restore());

  it('leaves new posts behind their button, and puts the reader on the first older post', async () => {
    clock = fakeClock();
    const s = server(50);
    mock = mockFetch((url) => s.answer(url));
    const el = await feed({ hashtag: 'bcsm', sources: [{ type: 'mastodon', instance: MASTO }], limit: 40, refreshSeconds: 60 });
    expect(articles(el)).to.have.length(40);
    s.add(3);
    clock.advance(60000);
    await waitUntil(() => $(el, '.fresh button'), 'no new posts button');
    expect($(el, '.fresh button')!.textContent).to.equal('Show 3 new posts');
    // The reader reads on: the next page (posts 10 … 1) is fetched.
    $(el, 'button.more')!.click();
    await waitUntil(() => articles(el).length === 50, 'the older page did not come');
    expect($(el, '.fresh button')?.textContent, 'the new posts still wait for their button').to.equal('Show 3 new posts');
    expect(articles(el)[0]!.textContent).to.contain('Post 50');
    await waitUntil(() => el.shadowRoot!.activeElement === articles(el)[40], 'focus not on the first older post');
    expect(articles(el)[40]!.textContent).to.contain('Post 10');
    $(el, '.fresh button')!.click();
    await waitUntil(() => articles(el).length === 53);
    expect(articles(el)[0]!.textContent).to.contain('Post 53');
  });

  it('keeps focus in the feed when "Show more" brings nothing (the request failed)', async () => {
    const s = server(50);
    let down = false;
    mock = mockFetch((url) => (down ? undefined : s.answer(url)));
    const el = await feed({ hashtag: 'bcsm', sources: [{ type: 'mastodon', instance: MASTO }], limit: 40 });
    down = true;
    const button = $(el, 'button.more')!;
    button.focus();
    button.click();
    await waitUntil(() => !$(el, 'button.more'), 'the button stayed');
    await waitUntil(() => el.shadowRoot!.activeElement === articles(el).at(-1), 'focus lost');
  });

  it('puts the reader on the heading when consent leads to no post at all', async () => {
    mock = mockFetch(() => json([]));
    const el = await feed({ hashtag: 'bcsm', heading: 'Community', consent: 'required', sources: [{ type: 'mastodon', instance: MASTO }] });
    const gate = $(el, '.gate button')!;
    gate.focus();
    gate.click();
    await waitUntil(() => $(el, '.empty'), 'no empty state');
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '[part=heading]'), 'focus lost');
  });
});
