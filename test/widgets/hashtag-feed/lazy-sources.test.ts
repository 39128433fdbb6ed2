// Issue 13: the Bluesky and snapshot readers are chunks loaded the first time a config names such a source, and the
// saved posts' code one loaded only by a config with "cache": true. The loaders are swapped here for counted ones,
// or ones that fail like a chunk that 404s or a CSP refuses: that source then fails like an unreachable server, and
// the feed's other sources go on; without the saved posts' code, the feed shows what its sources send.
import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import { readers } from '../../../src/widgets/hashtag-feed/feed-sources.js';
import { lazy } from '../../../src/core/lazy.js';
import type { CareSourceErrorEvent } from '../../../src/core/events.js';
import type { CareHashtagFeed } from '../../../src/widgets/hashtag-feed/hashtag-feed.js';
import { $, articles, feed, json, load, mockFetch, post, settle, type FetchMock } from './helpers.js';

const real = { ...readers };
const BSKY = 'at://did:plc:abc/app.bsky.feed.generator/bcsm';
let mock: FetchMock | undefined;

function spy(replace: Partial<typeof readers> = {}) {
  const calls = { snapshot: 0, bluesky: 0, cache: 0 };
  const snapshot = replace.snapshot ?? real.snapshot;
  const bluesky = replace.bluesky ?? real.bluesky;
  const cache = replace.cache ?? real.cache;
  readers.snapshot = lazy(() => (calls.snapshot++, snapshot()));
  readers.bluesky = lazy(() => (calls.bluesky++, bluesky()));
  readers.cache = lazy(() => (calls.cache++, cache()));
  return calls;
}

afterEach(() => {
  Object.assign(readers, real);
  mock?.restore();
  mock = undefined;
});

describe('<care-hashtag-feed> loads a source reader when a config names that source', () => {
  it('a Mastodon and curated feed never asks for the Bluesky or snapshot reader', async () => {
    const calls = spy();
    const statuses = await load<unknown[]>('/test/fixtures/mastodon/mastodon_tag_timeline.json');
    mock = mockFetch((url) => (url.origin === 'https://mastodon.example' ? json(statuses) : undefined));
    const el = await feed({
      hashtag: 'hoot',
      moderation: { languages: [] },
      sources: [
        { type: 'mastodon', instance: 'https://mastodon.example' },
        { type: 'posts', posts: [post({ text: 'curated' })] },
      ],
    });
    expect(articles(el).length).to.be.greaterThan(1);
    expect(calls).to.deep.equal({ snapshot: 0, bluesky: 0, cache: 0 });
  });

  it('loads each named reader once for every feed on the page', async () => {
    const calls = spy();
    const body = await load('/test/fixtures/hashtag-feed/bluesky-getfeed.json');
    mock = mockFetch((url) => (url.origin === 'https://public.api.bsky.app' ? json(body) : undefined));
    const config = { hashtag: 'bcsm', sources: [{ type: 'bluesky-feed', feed: BSKY }] };
    const [a, b] = await Promise.all([feed(config), feed(config)]);
    expect(articles(a!)).to.have.length(3);
    expect(articles(b!)).to.have.length(3);
    expect(calls).to.deep.equal({ snapshot: 0, bluesky: 1, cache: 0 });
  });

  it('a reader that cannot load fails its source like an unreachable server; the other sources show', async () => {
    spy({ bluesky: lazy(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module: /dist/chunks/x.js'))) });
    mock = mockFetch(() => undefined);
    const wrapper = document.createElement('div');
    document.body.append(wrapper);
    const event = oneEvent(wrapper, 'care-source-error') as Promise<CareSourceErrorEvent>;
    const el = document.createElement('care-hashtag-feed') as CareHashtagFeed;
    el.config = {
      hashtag: 'bcsm',
      sources: [
        { type: 'bluesky-feed', feed: BSKY },
        { type: 'posts', posts: [post({ text: 'still here' })] },
      ],
    };
    wrapper.append(el);
    const { detail } = await event;
    expect(detail.source).to.equal('bluesky-feed');
    expect(detail.message).to.equal('We could not reach it.');
    await settle(el);
    expect(mock.calls, 'no request to Bluesky without its reader').to.deep.equal([]);
    expect(articles(el)).to.have.length(1);
    expect(articles(el)[0]!.textContent).to.contain('still here');
    await waitUntil(() => $(el, '.notice'), 'no notice');
    expect($(el, '.notice')!.textContent).to.equal('We could not get posts from public.api.bsky.app. We could not reach it.');
    await expect(el).to.be.accessible();
    wrapper.remove();
  });

  it('asks for the saved posts\u2019 code only with "cache": true, once a page; without it, the posts still show', async () => {
    localStorage.clear();
    const statuses = await load<unknown[]>('/test/fixtures/mastodon/mastodon_tag_timeline.json');
    mock = mockFetch((url) => (url.origin === 'https://mastodon.example' ? json(statuses) : undefined));
    const config = {
      hashtag: 'hoot',
      moderation: { languages: [] },
      sources: [{ type: 'mastodon', instance: 'https://mastodon.example' }],
    };
    let calls = spy();
    await feed(config);
    expect(calls.cache, 'cache off').to.equal(0);
    const [a, b] = await Promise.all([feed({ ...config, cache: true }), feed({ ...config, cache: true })]);
    expect(calls.cache, 'two feeds with cache on').to.equal(1);
    expect(articles(a!).length).to.equal(articles(b!).length);
    expect(localStorage.length, 'their posts saved').to.equal(1);

    // The code cannot load: the posts show as they came, nothing is saved, and the feed says nothing is wrong.
    localStorage.clear();
    calls = spy({ cache: lazy(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module: /dist/chunks/c.js'))) });
    const errors: Event[] = [];
    const listen = (e: Event) => errors.push(e);
    document.addEventListener('care-source-error', listen, { capture: true });
    const el = await feed({ ...config, cache: true });
    document.removeEventListener('care-source-error', listen, { capture: true });
    expect(calls.cache).to.equal(1);
    expect(articles(el).length).to.equal(articles(a!).length);
    expect($(el, '.notice')).to.equal(null);
    expect(errors).to.deep.equal([]);
    expect(localStorage.length).to.equal(0);
  });
});
