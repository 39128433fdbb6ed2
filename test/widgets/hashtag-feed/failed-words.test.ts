// Issue 13: the words for a source that failed (failed.ts) and the "N new posts" button (later.ts) come in chunks
// the feed loads when it needs them, so a feed whose servers answer downloads neither before its first posts. Their
// loaders are swapped here: counted, or failing like a chunk that 404s or a CSP refuses. A feed keeps saying what it
// can without them.
import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import { readers } from '../../../src/widgets/hashtag-feed/feed-sources.js';
import { lazy } from '../../../src/core/lazy.js';
import type { CareSourceErrorEvent } from '../../../src/core/events.js';
import { $, $$, articles, fakeClock, feed, json, mockFetch, nurseStatus, type FetchMock } from './helpers.js';

const A = 'https://a.example';
const B = 'https://b.example';
const real = { ...readers };
let mock: FetchMock | undefined;
let clock: ReturnType<typeof fakeClock> | undefined;

afterEach(() => {
  Object.assign(readers, real);
  mock?.restore();
  clock?.restore();
  mock = clock = undefined;
});

const failing = () => lazy(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module: /dist/chunks/x.js')));
const page = (origin: string, ids: number[]) => json(ids.map((id) => nurseStatus(origin, id)));

/** A feed of A and B, on the page in a wrapper; resolves with B's care-source-error. */
async function twoSources() {
  const wrapper = document.createElement('div');
  document.body.append(wrapper);
  const event = oneEvent(wrapper, 'care-source-error') as Promise<CareSourceErrorEvent>;
  const el = document.createElement('care-hashtag-feed') as HTMLElement & { config: unknown };
  el.config = {
    hashtag: 'bcsm',
    refreshSeconds: 0,
    sources: [
      { type: 'mastodon', instance: A },
      { type: 'mastodon', instance: B },
    ],
  };
  wrapper.append(el);
  return { el, wrapper, detail: (await event).detail };
}

describe('<care-hashtag-feed> loads the words for a failed source only when one fails', () => {
  it('a feed whose sources answer never asks for them', async () => {
    let asked = 0;
    readers.failed = lazy(() => (asked++, real.failed()));
    mock = mockFetch((url) => (url.origin === A ? page(A, [1, 2]) : undefined));
    const el = await feed({ hashtag: 'bcsm', refreshSeconds: 0, sources: [{ type: 'mastodon', instance: A }] });
    expect(articles(el)).to.have.length(2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(asked).to.equal(0);
    expect($(el, '.notice')).to.equal(null);
  });

  it('a source that fails is named with why, in the notice and the event, once its words have come', async () => {
    let asked = 0;
    readers.failed = lazy(() => (asked++, real.failed()));
    mock = mockFetch((url) =>
      url.origin === A ? page(A, [1, 2]) : url.origin === B ? json({ error: 'down' }, { status: 503 }) : undefined,
    );
    const { el, wrapper, detail } = await twoSources();
    expect(detail.message).to.equal('It had a problem (error 503).');
    await waitUntil(() => $(el, '.notice'), 'no notice');
    expect($(el, '.notice')!.textContent).to.equal('We could not get posts from b.example. It had a problem (error 503).');
    expect(articles(el), 'the other source\u2019s posts stay').to.have.length(2);
    expect(asked).to.equal(1);
    await expect(el).to.be.accessible();
    wrapper.remove();
  });

  it('where they cannot come, the notice says the information is not available, and the event has the error\u2019s own words', async () => {
    readers.failed = failing();
    mock = mockFetch((url) => (url.origin === A ? page(A, [1]) : undefined));
    const { el, wrapper, detail } = await twoSources();
    expect(detail.url).to.equal(B);
    expect(detail.message, 'a sentence, not a key').to.match(/^[A-Z].* .*\.$/);
    expect(detail.message).to.not.contain('fetch_');
    await waitUntil(() => $(el, '.notice'), 'no notice');
    expect($$(el, '.notice').map((n) => n.textContent!.trim())).to.deep.equal(['This information is not available right now.']);
    expect(articles(el)).to.have.length(1);
    await expect(el).to.be.accessible();
    wrapper.remove();
  });
});

describe('<care-hashtag-feed> new posts when the code that draws their button cannot come', () => {
  it('join the list at once rather than wait behind a button that cannot be drawn', async () => {
    clock = fakeClock();
    readers.later = failing();
    let bUp = false;
    mock = mockFetch((url) => (url.origin === A ? page(A, [1]) : url.origin === B && bUp ? page(B, [2]) : undefined));
    const el = await feed({
      hashtag: 'bcsm',
      refreshSeconds: 60,
      sources: [
        { type: 'mastodon', instance: A },
        { type: 'mastodon', instance: B },
      ],
    });
    expect(articles(el)).to.have.length(1);
    bUp = true;
    clock.advance(60000);
    await waitUntil(() => articles(el).length === 2, 'the new source\u2019s post did not join');
    expect($(el, '.fresh button')).to.equal(null);
  });
});
