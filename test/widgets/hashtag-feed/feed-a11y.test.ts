// What a screen reader is told and where focus goes in states the other tests reach only in passing: a source that
// fails when the reader asked for more, the moment after consent, a post's own words in its own language, and
// attachments named for what they are.
import { expect, html, fixture } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import type { CareHashtagFeed } from '../../../src/widgets/hashtag-feed/hashtag-feed.js';
import { $, $$, articles, feed, json, mockFetch, nurseStatus, post, type FetchMock } from './helpers.js';

const MASTO = 'https://more.example';
let mock: FetchMock | undefined;
afterEach(() => {
  mock?.restore();
  mock = undefined;
});

const status = (id: number) => nurseStatus(MASTO, id);
const active = (el: CareHashtagFeed) => el.shadowRoot!.activeElement;

describe('feed: what a reader is told', () => {
  it('a source that fails when the reader asks for more says so in a live region, there (empty) before', async () => {
    let down = false;
    mock = mockFetch((url) =>
      down ? undefined : json([1, 2, 3].map(status), { headers: { link: `<${url.origin}${url.pathname}?max_id=3>; rel="next"` } }),
    );
    const el = await feed({
      hashtag: 'bcsm',
      limit: 3,
      refreshSeconds: 0,
      moderation: { languages: [] },
      sources: [{ type: 'mastodon', instance: MASTO }],
    });
    await waitUntil(() => articles(el).length === 3, 'no first page');
    const regions = $$(el, '[role=status]');
    const notices = regions.find((r) => !r.classList.contains('fresh') && !r.classList.contains('said'));
    expect(!!notices, 'a status region for notices from the first render').to.equal(true);
    expect(notices!.textContent!.trim()).to.equal('');
    down = true;
    $(el, 'button.more')!.click();
    await waitUntil(() => $(el, '.notice'), 'no notice after "Show more" failed');
    const notice = $(el, '.notice')!;
    expect(notice.textContent).to.contain('We could not get posts from more.example.');
    expect(notice.parentElement === notices, 'the notice is inside that same region').to.equal(true);
    expect(active(el) === articles(el).at(-1), 'focus on the last post').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('after "Show posts from …", focus is on the heading at once, then on the first post', async () => {
    let answer!: () => void;
    mock = mockFetch(() => new Promise<Response>((resolve) => (answer = () => resolve(json([1, 2].map(status))))));
    const el = await feed({
      hashtag: 'bcsm',
      heading: 'Community',
      consent: 'required',
      moderation: { languages: [] },
      sources: [{ type: 'mastodon', instance: MASTO }],
    });
    await waitUntil(() => $(el, '.gate button'), 'no gate');
    $(el, '.gate button')!.focus();
    $(el, '.gate button')!.click();
    await waitUntil(() => answer, 'nothing asked after consent');
    await el.updateComplete;
    await waitUntil(() => active(el)?.getAttribute('part') == 'heading', 'focus not on the heading while the posts load');
    expect(active(el)!.textContent!.trim()).to.equal('Community');
    answer();
    await waitUntil(() => active(el) === articles(el)[0], 'focus not moved to the first post');
  });

  it('without a heading: on "Loading…" while the posts load, and on the notice when every source failed', async () => {
    let answer!: () => void;
    mock = mockFetch(() => new Promise<Response>((resolve) => (answer = () => resolve(undefined as unknown as Response))));
    const el = await fixture<CareHashtagFeed>(
      html`<care-hashtag-feed .config=${{ hashtag: 'bcsm', consent: 'required', sources: [{ type: 'mastodon', instance: MASTO }] }}
        ><p>Read #bcsm on Mastodon</p></care-hashtag-feed
      >`,
    );
    await waitUntil(() => $(el, '.gate button'), 'no gate');
    $(el, '.gate button')!.click();
    await waitUntil(() => answer, 'nothing asked after consent');
    await waitUntil(() => active(el)?.textContent == 'Loading…', 'focus not on "Loading…"');
    answer();
    await waitUntil(() => $(el, '.fallback'), 'no fallback once the source failed');
    await waitUntil(() => active(el)?.classList.contains('notice'), 'focus not on the notice');
    expect(active(el)!.textContent).to.contain('We could not get posts from more.example.');
    await expect(el).to.be.accessible();
  });

  it('a content warning says the post\u2019s own words in the post\u2019s language', async () => {
    const el = await feed({
      hashtag: 'bcsm',
      sources: [{ type: 'posts', posts: [post({ text: 'Hola', language: 'es', contentWarning: 'Muerte y duelo' })] }],
    });
    const warning = $(el, '.cw p')!;
    expect(warning.textContent!.trim()).to.equal('Before you read: Muerte y duelo');
    const own = warning.querySelector('[lang]');
    expect(own?.getAttribute('lang')).to.equal('es');
    expect(own?.textContent).to.equal('Muerte y duelo');
    expect(warning.closest('[lang]') === own, 'the sentence around it keeps the page language').to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('names a sound recording and a video as what they are, and a missing description without calling it a picture', async () => {
    const el = await feed({
      hashtag: 'bcsm',
      sources: [
        {
          type: 'posts',
          posts: [
            post({
              media: [
                { type: 'audio', url: 'https://social.example/a.mp3' },
                { type: 'video', url: 'https://social.example/v.mp4', alt: 'A nurse explains the scan' },
                { type: 'gifv', url: 'https://social.example/g.mp4' },
                { type: 'image', url: 'https://social.example/i.png' },
              ],
            }),
          ],
        },
      ],
    });
    expect($$(el, 'figcaption').map((f) => f.textContent!.trim())).to.deep.equal([
      'Sound recording: No description',
      'Video: A nurse explains the scan',
      'Video: No description',
      'A picture with no description',
    ]);
    await expect(el).to.be.accessible();
  });
});
