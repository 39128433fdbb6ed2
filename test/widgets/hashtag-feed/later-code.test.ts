// Issue 13: what the feed needs only after its first page (reading later pages, focus that follows a post) and its
// consent gate are a chunk (later.ts), which a feed's first screen does not download. The loader is swapped here for
// one that fails like a chunk that 404s or a CSP refuses, or one held back: a first page never waits for it; a later
// page without it fails its source like an unreachable server, and the posts stay; a gated feed shows the author's
// fallback until its gate has come, and says the feed is not available where the gate cannot come.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import { readers } from '../../../src/widgets/hashtag-feed/feed-sources.js';
import { lazy } from '../../../src/core/lazy.js';
import type { CareHashtagFeed } from '../../../src/widgets/hashtag-feed/hashtag-feed.js';
import { $, articles, fakeClock, feed, json, mockFetch, nurseStatus, type FetchMock } from './helpers.js';

const MASTO = 'https://later.example';
const real = { ...readers };
let mock: FetchMock | undefined;
let loads = 0;

afterEach(() => {
  Object.assign(readers, real);
  mock?.restore();
  mock = undefined;
});

const failing = () =>
  lazy(() => (loads++, Promise.reject(new TypeError('Failed to fetch dynamically imported module: /dist/chunks/later.js'))));

/** A tag timeline's first page of three posts, with a link to a next page. */
function firstPage() {
  return json(
    [1, 2, 3].map((id) => nurseStatus(MASTO, id)),
    { headers: { link: `<${MASTO}/api/v1/timelines/tag/bcsm?max_id=3>; rel="next"` } },
  );
}

describe('<care-hashtag-feed> loads what it needs after its first page when it needs it', () => {
  it('draws its first page without that code; "more" without it fails the source, and the posts stay', async () => {
    loads = 0;
    readers.later = failing();
    mock = mockFetch((url) => (url.origin === MASTO && !url.searchParams.has('max_id') ? firstPage() : undefined));
    const el = await feed({ hashtag: 'bcsm', limit: 3, sources: [{ type: 'mastodon', instance: MASTO }] });
    expect(articles(el).map((a) => a.querySelector('.content')!.textContent!.trim())).to.deep.equal(['Post 1', 'Post 2', 'Post 3']);
    $(el, '.more')!.click();
    await waitUntil(() => $(el, '.notice'), 'no notice after "more"');
    expect($(el, '.notice')!.textContent).to.equal('We could not get posts from later.example. We could not reach it.');
    expect(articles(el)).to.have.length(3);
    expect(loads, 'asked for after the first page, and for "more"').to.be.greaterThan(0);
    expect(
      mock.calls.filter((u) => u.includes('max_id')),
      'no next page asked without the code that joins it',
    ).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('asks for it after its first posts when it refreshes (not before them), and not at all when it does not', async () => {
    const seen: number[] = [];
    const counted = () =>
      lazy(() => {
        seen.push(articles(document.querySelector('care-hashtag-feed')!).length);
        return real.later();
      });
    readers.later = counted();
    mock = mockFetch((url) => (url.origin === MASTO && !url.searchParams.has('max_id') ? firstPage() : undefined));
    const config = { hashtag: 'bcsm', limit: 3, sources: [{ type: 'mastodon', instance: MASTO }] };
    const el = await feed(config);
    await waitUntil(() => seen.length, 'a feed that refreshes did not ask for its later code');
    expect(seen, 'asked once, with the first posts drawn').to.deep.equal([3]);
    el.remove();
    seen.length = 0;
    readers.later = counted();
    await feed({ ...config, refreshSeconds: 0 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen, 'no refresh: asked only for "more"').to.deep.equal([]);
  });

  it('a gated feed shows the author\u2019s fallback until its gate has come, then the gate', async () => {
    let release!: () => void;
    readers.later = lazy(() => new Promise((resolve) => (release = () => resolve(real.later()))));
    mock = mockFetch(() => undefined);
    const el = await fixture<CareHashtagFeed>(
      html`<care-hashtag-feed .config=${{ hashtag: 'bcsm', heading: 'Community', consent: 'required', sources: [{ type: 'mastodon', instance: MASTO }] }}
        ><p>Read #bcsm on Mastodon</p></care-hashtag-feed
      >`,
    );
    await waitUntil(() => release, 'the gate\u2019s code not asked for');
    await el.updateComplete;
    expect(!!$(el, 'slot'), 'the fallback shows').to.equal(true);
    expect(!!$(el, '.gate')).to.equal(false);
    release();
    await waitUntil(() => $(el, '.gate'), 'no gate once its code came');
    expect($(el, '.gate button')!.textContent!.trim()).to.equal('Show posts from later.example');
    expect($(el, '[part=heading]')!.textContent!.trim()).to.equal('Community');
    expect(mock.calls, 'nothing asked before consent').to.deep.equal([]);
  });

  it('a gated feed whose gate cannot come says it is not available, and asks nothing', async () => {
    readers.later = failing();
    mock = mockFetch(() => undefined);
    const el = await fixture<CareHashtagFeed>(
      html`<care-hashtag-feed .config=${{ hashtag: 'bcsm', consent: 'required', sources: [{ type: 'mastodon', instance: MASTO }] }}></care-hashtag-feed>`,
    );
    await waitUntil(() => $(el, '.unavailable'), 'no word that the feed is not available');
    expect($(el, '.unavailable')!.textContent).to.equal('This information is not available right now.');
    expect(!!$(el, '.gate')).to.equal(false);
    expect(mock.calls).to.deep.equal([]);
    await expect(el).to.be.accessible();

    // With the author's fallback, that fallback instead (as for any widget that cannot show its content).
    loads = 0;
    const withFallback = await fixture<CareHashtagFeed>(
      html`<care-hashtag-feed .config=${{ hashtag: 'bcsm', consent: 'required', sources: [{ type: 'mastodon', instance: MASTO }] }}
        ><p>Read #bcsm on Mastodon</p></care-hashtag-feed
      >`,
    );
    await waitUntil(() => loads > 0, 'the gate\u2019s code not asked for');
    await new Promise((resolve) => setTimeout(resolve));
    await withFallback.updateComplete;
    expect(!!$(withFallback, 'slot'), 'the fallback shows').to.equal(true);
    expect(!!$(withFallback, '.unavailable'), 'no second message beside it').to.equal(false);
  });

  it('a gated feed whose gate could not come asks for it again at the refresh interval, and shows it once it comes', async () => {
    const clock = fakeClock();
    try {
      let works = false;
      readers.later = lazy(
        () => (loads++, works ? real.later() : Promise.reject(new TypeError('Failed to fetch dynamically imported module'))),
      );
      loads = 0;
      mock = mockFetch(() => undefined);
      const el = await fixture<CareHashtagFeed>(
        html`<care-hashtag-feed .config=${{ hashtag: 'bcsm', consent: 'required', refreshSeconds: 300, sources: [{ type: 'mastodon', instance: MASTO }] }}></care-hashtag-feed>`,
      );
      await waitUntil(() => $(el, '.unavailable'), 'no word that the feed is not available');
      expect(loads).to.equal(1);
      expect(clock.pending, 'one retry waiting').to.equal(1);
      // Still failing a refresh interval later: asked once more, and again after that.
      clock.advance(300_000);
      await waitUntil(() => loads == 2 && clock.pending == 1, 'not asked again at the refresh interval');
      expect(!!$(el, '.unavailable')).to.equal(true);
      works = true;
      clock.advance(300_000);
      await waitUntil(() => $(el, '.gate'), 'no gate once its code came');
      expect(loads).to.equal(3);
      expect(clock.pending, 'no retry once the gate is here').to.equal(0);
      expect(!!$(el, '.unavailable')).to.equal(false);
      expect(mock.calls, 'nothing asked before consent').to.deep.equal([]);
      // Removed from the page while failing: no retry is left behind.
      works = false;
      readers.later = lazy(() => (loads++, Promise.reject(new TypeError('Failed to fetch dynamically imported module'))));
      const gone = await fixture<CareHashtagFeed>(
        html`<care-hashtag-feed .config=${{ hashtag: 'bcsm', consent: 'required', sources: [{ type: 'mastodon', instance: MASTO }] }}></care-hashtag-feed>`,
      );
      await waitUntil(() => $(gone, '.unavailable'), 'no word that the feed is not available');
      expect(clock.pending).to.equal(1);
      gone.remove();
      expect(clock.pending, 'the retry cancelled with the feed').to.equal(0);
    } finally {
      clock.restore();
    }
  });
});
