import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { $, $$, articles, authorOf, feed, fakeClock, json, load, mockFetch, post, resetHidden, setHidden, settle, type FetchMock } from './helpers.js';
import { CareSourceErrorEvent } from '../../../src/core/events.js';

let mock: FetchMock | undefined;
let mastodon: unknown[];
let headers: Record<string, string>;
before(async () => {
  mastodon = await load('/test/fixtures/mastodon/mastodon_tag_timeline.json');
  headers = await load('/test/fixtures/mastodon/mastodon_tag_timeline.headers.json');
});
afterEach(() => {
  mock?.restore();
  mock = undefined;
  resetHidden();
});

describe('curated posts', () => {
  it('renders a WAI-ARIA feed of articles, newest first, labelled by author', async () => {
    const el = await feed({ hashtag: 'bcsm', sources: [{ type: 'posts', posts: [post({ minutesAgo: 50, text: 'older' }), post({ minutesAgo: 5, text: 'newer' })] }] });
    const list = $(el, '[role=feed]')!;
    expect(list.getAttribute('aria-label')).to.equal('Posts tagged #bcsm');
    const a = articles(el);
    expect(a).to.have.length(2);
    expect(a[0]!.textContent).to.contain('newer');
    expect(a.map((x) => x.getAttribute('aria-posinset'))).to.deep.equal(['1', '2']);
    expect(a.map((x) => x.getAttribute('aria-setsize'))).to.deep.equal(['2', '2']);
    const label = el.shadowRoot!.getElementById(a[0]!.getAttribute('aria-labelledby')!);
    expect(label?.textContent?.trim()).to.equal('Nurse Kim');
    const time = a[0]!.querySelector('time')!;
    expect(time.getAttribute('datetime')).to.match(/^\d{4}-\d\d-\d\dT/);
    expect(time.textContent).to.equal('5 minutes ago');
    await expect(el).to.be.accessible();
  });
});
