// Issue 13, no layout shift: every box whose content arrives late (images, avatars, the posts themselves, the
// "N new posts" bar) has its size before its content. Checked structurally, with images that never load.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import type { CareHashtagFeed } from '../../../src/widgets/hashtag-feed/hashtag-feed.js';
import { $, $$, articles, fakeClock, feed, json, load, mockFetch, post, type FetchMock } from './helpers.js';

let mock: FetchMock | undefined;
afterEach(() => mock?.restore());

const box = (el: Element) => el.getBoundingClientRect();

describe('<care-hashtag-feed> keeps its layout still (issue 13)', () => {
  it('reserves a 4:3 box for an image of unknown size, and the avatar’s square, before they load', async () => {
    const el = await feed({
      hashtag: 'bcsm',
      sources: [
        {
          type: 'posts',
          posts: [
            post({
              author: {
                name: 'Nurse Kim',
                handle: '@nurse@social.example',
                url: 'https://social.example/@nurse',
                avatar: 'https://img.example/never/avatar.png',
              },
              media: [{ type: 'image', url: 'https://img.example/never/photo.png', alt: 'A garden' }],
            }),
          ],
        },
      ],
    });
    const img = $(el, '.media img') as HTMLImageElement;
    expect(img.naturalWidth, 'the image has not loaded').to.equal(0);
    const { width, height } = box(img);
    expect(getComputedStyle(img).aspectRatio).to.equal('4 / 3');
    expect(getComputedStyle(img).objectFit, 'a picture of another shape fits inside, whole').to.equal('contain');
    expect(width).to.be.greaterThan(100);
    expect(height).to.be.closeTo(Math.min((width * 3) / 4, 320), 1);
    const avatar = $(el, 'img.avatar') as HTMLImageElement;
    expect(avatar.naturalWidth).to.equal(0);
    expect([box(avatar).width, box(avatar).height]).to.deep.equal([48, 48]);
  });

  it('lays out posts off screen only when they come near it, each holding a post’s height until then', async () => {
    const el = await feed({ hashtag: 'bcsm', limit: 30, sources: [{ type: 'posts', posts: Array.from({ length: 30 }, () => post()) }] });
    const last = articles(el).at(-1)!;
    expect(getComputedStyle(last).contentVisibility).to.equal('auto');
    expect(getComputedStyle(last).containIntrinsicBlockSize).to.match(/^auto \d/);
    expect(box(last).height, 'not collapsed while skipped').to.be.greaterThan(50);
  });

  it('shows loading cards where the posts will be, as many as fit a screen (at most the limit)', async () => {
    let answer: (r: Response) => void = () => {};
    mock = mockFetch(() => new Promise<Response>((r) => (answer = r)));
    const el = await fixture<CareHashtagFeed>(
      html`<care-hashtag-feed
        .config=${{ hashtag: 'bcsm', limit: 20, sources: [{ type: 'mastodon', instance: 'https://mastodon.example' }] }}
      ></care-hashtag-feed>`,
    );
    await waitUntil(() => $(el, '.skeleton'), 'no loading cards');
    const cards = $$(el, '.skeleton > *');
    expect(cards).to.have.length(6);
    expect(cards[0]!.getAttribute('role')).to.equal('status');
    expect(cards[0]!.textContent!.trim()).to.equal('Loading…');
    const heights = cards.map((c) => box(c).height);
    expect(new Set(heights).size, 'cards of one height').to.equal(1);
    expect(heights[0]).to.be.greaterThan(80);
    answer(json(await load('/test/fixtures/mastodon/mastodon_tag_timeline.json')));
    await waitUntil(() => !$(el, '.skeleton'), 'still loading');
    const few = await fixture<CareHashtagFeed>(
      html`<care-hashtag-feed .config=${{ hashtag: 'bcsm', limit: 2, sources: [{ type: 'mastodon', instance: 'https://mastodon.example' }] }}></care-hashtag-feed>`,
    );
    await waitUntil(() => $(few, '.skeleton'), 'no loading cards');
    expect($$(few, '.skeleton > *')).to.have.length(2);
  });

  it('the "N new posts" bar floats over the list: the list and its posts do not move when it appears', async () => {
    const clock = fakeClock();
    try {
      let posts = [post({ minutesAgo: 5 }), post({ minutesAgo: 6 })];
      mock = mockFetch(() => json(posts.map(toStatus)));
      const el = await feed({ hashtag: 'bcsm', refreshSeconds: 60, sources: [{ type: 'mastodon', instance: 'https://mastodon.example' }] });
      const list = $(el, '[role=feed]')!;
      const before = [list.offsetTop, box(list).top, box(articles(el)[0]!).top, box(el).height];
      posts = [post({ minutesAgo: 1 }), ...posts];
      clock.advance(60000);
      await waitUntil(() => $(el, '.fresh button'), 'no new posts button');
      expect(box($(el, '.fresh button')!).height).to.be.greaterThan(20);
      expect([list.offsetTop, box(list).top, box(articles(el)[0]!).top, box(el).height]).to.deep.equal(before);
    } finally {
      clock.restore();
    }
  });
});

/** A Mastodon status for a curated-style post (just what the reader needs). */
function toStatus(p: ReturnType<typeof post>) {
  return {
    id: p.id,
    url: p.url,
    uri: p.url,
    created_at: p.createdAt,
    content: `<p>${p.text}</p>`,
    language: 'en',
    visibility: 'public',
    sensitive: false,
    spoiler_text: '',
    account: { acct: 'nurse@social.example', username: 'nurse', display_name: 'Nurse Kim', url: 'https://social.example/@nurse' },
    media_attachments: [],
  };
}
