import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import type { CareHashtagFeed } from '../../../src/widgets/hashtag-feed/hashtag-feed.js';
import {
  $,
  $$,
  articles,
  authorOf,
  feed,
  fakeClock,
  json,
  load,
  mockFetch,
  post,
  resetHidden,
  setHidden,
  settle,
  type FetchMock,
} from './helpers.js';
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
    const el = await feed({
      hashtag: 'bcsm',
      sources: [{ type: 'posts', posts: [post({ minutesAgo: 50, text: 'older' }), post({ minutesAgo: 5, text: 'newer' })] }],
    });
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

const MASTO = 'https://mastodon.example';
const statusesFor = (host: string) =>
  (mastodon as Record<string, any>[]).map((s) => JSON.parse(JSON.stringify(s).replaceAll('http://localhost:3000', host)));
const mastodonConfig = (over: Record<string, unknown> = {}) => ({
  hashtag: 'hoot',
  sources: [{ type: 'mastodon', instance: MASTO }],
  moderation: { languages: [] },
  ...over,
});

describe('keyboard', () => {
  it('moves between posts with Page Down and Page Up', async () => {
    const el = await feed({ hashtag: 'bcsm', sources: [{ type: 'posts', posts: [post(), post(), post()] }] });
    const [a, b, c] = articles(el) as [HTMLElement, HTMLElement, HTMLElement];
    a.focus();
    const key = (target: Element, k: string) =>
      target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true }));
    key(a, 'PageDown');
    expect(el.shadowRoot!.activeElement).to.equal(b);
    key(b.querySelector('a')!, 'PageDown');
    expect(el.shadowRoot!.activeElement).to.equal(c);
    key(c, 'PageDown');
    expect(el.shadowRoot!.activeElement).to.equal(c);
    key(c, 'PageUp');
    expect(el.shadowRoot!.activeElement).to.equal(b);
  });
});

describe('mastodon in the element', () => {
  it('loads the hashtag timeline from the named instance only, without credentials', async () => {
    mock = mockFetch((url) => (url.origin === MASTO ? json(statusesFor(MASTO), { headers }) : undefined));
    const el = await feed(mastodonConfig());
    expect(mock.calls).to.deep.equal([`${MASTO}/api/v1/timelines/tag/hoot?limit=40`]);
    const list = articles(el);
    expect(list).to.have.length(3);
    expect(list.map(authorOf)).to.deep.equal(['mastodonpy_test_2', 'John Lennon', 'John Lennon']);
    expect(list[0]!.querySelector('.handle')!.textContent).to.equal('@mastodonpy_test_2@mastodon.example');
    expect(list[0]!.querySelector('.content')!.getAttribute('lang')).to.equal('ja');
    const tag = list[0]!.querySelector<HTMLAnchorElement>('.content a')!;
    expect(tag.getAttribute('href')).to.equal(`${MASTO}/tags/hoot`);
    expect(tag.rel).to.equal('noopener noreferrer nofollow ugc');
    await expect(el).to.be.accessible();
  });

  it('applies the language filter (en by config) to remote posts', async () => {
    mock = mockFetch(() => json(statusesFor(MASTO)));
    const el = await feed(mastodonConfig({ moderation: { languages: ['en'] } }));
    expect(articles(el)).to.have.length(2);
  });

  it('says the server does not share #tag publicly for 401, 403 and 422', async () => {
    for (const status of [401, 403, 422]) {
      mock = mockFetch(() => json({ error: 'This API requires an authenticated user' }, { status }));
      const el = await feed(mastodonConfig());
      expect($(el, '.notice')!.textContent).to.equal(
        'We could not get posts from mastodon.example. It does not share #hoot with the public.',
      );
      mock.restore();
    }
  });

  it('says "No posts for #tag yet" for an empty timeline, with no error', async () => {
    mock = mockFetch(() => json([]));
    const errors: Event[] = [];
    const listen = (e: Event) => errors.push(e);
    document.addEventListener('care-source-error', listen);
    const el = await feed(mastodonConfig());
    document.removeEventListener('care-source-error', listen);
    // (Elements are compared by text: a failing assertion on an element object hangs the test runner.)
    expect($$(el, '.notice').map((n) => n.textContent)).to.deep.equal([]);
    expect($(el, '.empty')?.textContent).to.equal('No posts for #hoot yet.');
    expect(errors.length).to.equal(0);
  });

  it('words each failure for the reader by its code', async () => {
    for (const [answer, text] of [
      [() => json({}, { status: 503 }), 'It had a problem (error 503).'],
      [() => undefined, 'We could not reach it.'],
      [() => new Response('<p>', { headers: { 'content-type': 'text/html' } }), 'It sent something we cannot read.'],
      [() => json({ error: 'x' }), 'It sent something we cannot read.'],
    ] as const) {
      mock = mockFetch(answer);
      const el = await feed(mastodonConfig({ messages: { fetch_http: 'Server error {status}.' } }));
      const expected = text.startsWith('It had a problem') ? 'Server error 503.' : text;
      expect($(el, '.notice')!.textContent).to.equal(`We could not get posts from mastodon.example. ${expected}`);
      mock.restore();
    }
  });

  it('keeps the other sources when one fails, with a quiet notice and care-source-error', async () => {
    mock = mockFetch(() => json({ error: 'boom' }, { status: 500 }));
    const wrapper = document.createElement('div');
    document.body.append(wrapper);
    const event = oneEvent(wrapper, 'care-source-error') as Promise<CareSourceErrorEvent>;
    const el = document.createElement('care-hashtag-feed');
    el.config = {
      hashtag: 'bcsm',
      sources: [
        { type: 'mastodon', instance: MASTO },
        { type: 'posts', posts: [post({ text: 'still here' })] },
      ],
    };
    wrapper.append(el);
    const { detail } = await event;
    expect(detail).to.deep.include({ source: 'mastodon', url: MASTO, status: 500 });
    await settle(el);
    expect(articles(el)).to.have.length(1);
    expect(articles(el)[0]!.textContent).to.contain('still here');
    const notice = $(el, '.notice')!;
    expect(notice.textContent).to.contain('We could not get posts from mastodon.example');
    expect(notice.closest('.panel.error')).to.equal(null);
    await expect(el).to.be.accessible();
    wrapper.remove();
  });

  it('follows Link rel="next" on Load more, and never to another server', async () => {
    const page2 = statusesFor(MASTO).map((s, i) => ({
      ...s,
      id: `p2-${i}`,
      url: `${MASTO}/@old/${i}`,
      created_at: `2026-07-0${i + 1}T10:00:00.000Z`,
    }));
    mock = mockFetch((url) =>
      url.origin !== MASTO
        ? undefined
        : url.searchParams.has('max_id')
          ? json(page2, { headers: { link: '<https://evil.example/api/v1/timelines/tag/hoot?max_id=1>; rel="next"' } })
          : json(statusesFor(MASTO), { headers: { link: `<${MASTO}/api/v1/timelines/tag/hoot?max_id=117020576664345360>; rel="next"` } }),
    );
    const el = await feed(mastodonConfig({ limit: 3 }));
    expect(articles(el).map((a) => a.getAttribute('aria-setsize'))).to.deep.equal(['-1', '-1', '-1']);
    $(el, 'button.more')!.click();
    await waitUntil(() => articles(el).length === 6, 'next page not shown');
    expect(mock.calls[1]).to.equal(`${MASTO}/api/v1/timelines/tag/hoot?max_id=117020576664345360`);
    await waitUntil(() => el.shadowRoot!.activeElement === articles(el)[3], 'focus did not move to the first new post');
    // The second page pointed elsewhere: no more button, no request to evil.example.
    await el.updateComplete;
    expect($(el, 'button.more')).to.equal(null);
    expect(mock.calls.every((c) => c.startsWith(MASTO))).to.equal(true);
    expect(articles(el).map((a) => a.getAttribute('aria-setsize'))).to.deep.equal(Array(6).fill('6'));
  });
});

describe('bluesky-feed in the element', () => {
  it('renders a feed generator, skipping opted-out authors, replies and reposts by default', async () => {
    const body = await load('/test/fixtures/hashtag-feed/bluesky-getfeed.json');
    mock = mockFetch((url) => (url.origin === 'https://public.api.bsky.app' ? json(body) : undefined));
    const el = await feed({ hashtag: 'bcsm', sources: [{ type: 'bluesky-feed', feed: 'at://did:plc:abc/app.bsky.feed.generator/bcsm' }] });
    expect(mock.calls).to.have.length(1);
    expect(mock.calls[0]).to.match(/^https:\/\/public\.api\.bsky\.app\/xrpc\/app\.bsky\.feed\.getFeed\?feed=at%3A/);
    const list = articles(el);
    expect(list.map(authorOf)).to.deep.equal(['Marianne Côté, RN 🎗️', 'Breast Cancer Support UK', 'Jo ☕ (she/her)']);
    expect(el.shadowRoot!.textContent).to.not.contain('Quiet reader');
    expect([...list[0]!.querySelectorAll('.content a')].map((a) => a.textContent)).to.deep.equal([
      'https://www.breastcancer.example/chemo-tips',
      '#bcsm',
      '@breastcancer-support.org.uk',
    ]);
    // The graphic-media self-label collapses the post.
    expect(list[2]!.querySelector('button[aria-expanded=false]')).to.exist;
    await expect(el).to.be.accessible();
  });
});

describe('links', () => {
  const video = (url: string) => ({ url, alt: 'A walk in the park', type: 'video' as const });

  it('gives every link one policy: rel noopener noreferrer (nofollow ugc) and no Referer', async () => {
    const el = await feed({
      hashtag: 'bcsm',
      sources: [
        {
          type: 'posts',
          posts: [
            post({
              html: '<p>See <a href="https://ok.example/x">this</a></p>',
              text: undefined,
              media: [video('https://media.example/v.mp4')],
            }),
          ],
        },
      ],
    });
    const links = $$(el, 'a') as HTMLAnchorElement[];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://social.example/@nurse',
      links[1]!.getAttribute('href'),
      'https://ok.example/x',
      'https://media.example/v.mp4',
    ]);
    expect(links[1]!.classList.contains('when')).to.equal(true);
    for (const a of links) {
      expect(a.rel, a.href).to.equal('noopener noreferrer nofollow ugc');
      expect(a.getAttribute('referrerpolicy'), a.href).to.equal('no-referrer');
    }
  });

  for (const bad of ['/team/kim', 'kim.html', '//evil.example/kim']) {
    it(`drops ${bad} as a post, author or video link but keeps the post`, async () => {
      const el = await feed({
        hashtag: 'bcsm',
        sources: [
          {
            type: 'posts',
            posts: [
              post({ url: bad, author: { name: 'Kim', handle: '@kim@social.example', url: bad }, media: [video(bad)], text: 'Still here' }),
            ],
          },
        ],
      });
      const [article] = articles(el);
      expect(article!.textContent).to.contain('Still here').and.contain('Video: A walk in the park');
      expect(authorOf(article!)).to.equal('Kim');
      expect($$(el, '[href]').map((a) => a.getAttribute('href'))).to.deep.equal([]);
    });
  }

  it('loads no relative or protocol-relative avatar or image, even on an https page', async () => {
    // In a frame whose base is an https hospital site (a <base> here would redirect the test runner's own requests).
    const frame = document.createElement('iframe');
    frame.src = '/test/fixtures/hashtag-feed/https-base.html';
    document.body.append(frame);
    try {
      await new Promise((r) => frame.addEventListener('load', r, { once: true }));
      await waitUntil(() => frame.contentWindow!.customElements.get('care-hashtag-feed'), 'element not defined', { timeout: 8000 });
      const doc = frame.contentDocument!;
      expect(doc.baseURI).to.equal('https://hospital.example/cancer/');
      const media = [
        { url: '//evil.example/a.jpg', alt: 'a', type: 'image' as const },
        { url: '/b.jpg', alt: 'b', type: 'image' as const },
      ];
      const el = doc.createElement('care-hashtag-feed') as CareHashtagFeed;
      el.config = {
        hashtag: 'bcsm',
        sources: [
          {
            type: 'posts',
            posts: [
              post({
                media,
                author: { name: 'Kim', handle: '@kim@social.example', url: 'https://social.example/@kim', avatar: 'avatar.png' },
              }),
            ],
          },
        ],
      };
      doc.body.append(el);
      await waitUntil(() => el.shadowRoot?.querySelector('article'), 'post did not render', { timeout: 8000 });
      await el.updateComplete;
      expect($$(el, 'figcaption').map((f) => f.textContent)).to.deep.equal(['a', 'b']);
      expect($$(el, 'img').map((i) => i.getAttribute('src'))).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});

describe('fallback content', () => {
  const withFallback = (config: unknown) =>
    fixture<CareHashtagFeed>(
      html`<care-hashtag-feed .config=${config}
        ><p id="fallback">Follow <a href="https://mastodon.example/tags/hoot">#hoot</a> on Mastodon</p></care-hashtag-feed
      >`,
    );

  it("shows the author's fallback again when every source fails", async () => {
    mock = mockFetch(() => undefined);
    const el = await withFallback(
      mastodonConfig({
        sources: [
          { type: 'mastodon', instance: MASTO },
          { type: 'snapshot', url: 'https://snap.example/s.json' },
        ],
      }),
    );
    await waitUntil(() => $$(el, '.notice').length === 2 && $(el, 'slot'), 'fallback not shown after the sources failed');
    const fallback = el.querySelector('#fallback')!;
    expect(($(el, 'slot') as HTMLSlotElement).assignedElements().includes(fallback)).to.equal(true);
    expect(fallback.checkVisibility()).to.equal(true);
    expect($$(el, '.empty').length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('hides the fallback while posts show', async () => {
    mock = mockFetch(() => json(statusesFor(MASTO)));
    const el = await withFallback(mastodonConfig());
    await settle(el);
    expect(articles(el)).to.have.length(3);
    expect($$(el, 'slot').length).to.equal(0);
    expect(el.querySelector('#fallback')!.checkVisibility()).to.equal(false);
  });
});

describe('content warnings and media', () => {
  const media = [
    { url: 'https://media.example/a.jpg', alt: 'A pink ribbon pinned to a coat', type: 'image' as const },
    { url: 'https://media.example/b.jpg', type: 'image' as const },
    { url: 'http://media.example/c.jpg', alt: 'Insecure image', type: 'image' as const },
  ];

  it('collapses a post with a content warning behind "Show post", media not loaded until shown', async () => {
    const el = await feed({
      hashtag: 'bcsm',
      sources: [{ type: 'posts', posts: [post({ contentWarning: 'Surgery photos', text: 'My scar at 6 weeks', media })] }],
    });
    const article = articles(el)[0]!;
    const button = article.querySelector<HTMLButtonElement>('.cw button')!;
    expect(article.querySelector('.cw')!.textContent).to.contain('Before you read: Surgery photos');
    expect(button.textContent!.trim()).to.equal('Show post');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    const content = el.shadowRoot!.getElementById(button.getAttribute('aria-controls')!)!;
    expect(content.hidden).to.equal(true);
    expect(article.querySelector('img:not(.avatar)')).to.equal(null);
    expect(article.textContent).to.not.contain('My scar');
    await expect(el).to.be.accessible();
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(button.textContent!.trim()).to.equal('Hide post');
    expect(content.hidden).to.equal(false);
    expect(content.textContent).to.contain('My scar at 6 weeks');
    await expect(el).to.be.accessible();
  });

  it('collapses posts marked sensitive without a warning text', async () => {
    const el = await feed({ hashtag: 'bcsm', sources: [{ type: 'posts', posts: [post({ sensitive: true })] }] });
    expect(articles(el)[0]!.querySelector('.cw')!.textContent).to.contain('This post may upset some people.');
  });

  it('shows alt text, announces a missing one, loads https images lazily without a referrer', async () => {
    const el = await feed({
      hashtag: 'bcsm',
      sources: [
        {
          type: 'posts',
          posts: [
            post({
              media,
              author: {
                name: 'Kim',
                handle: '@kim@social.example',
                url: 'https://social.example/@kim',
                avatar: 'https://social.example/avatar.png',
              },
            }),
          ],
        },
      ],
    });
    const figures = $$(el, 'figure');
    expect(figures.map((f) => f.querySelector('figcaption')!.textContent)).to.deep.equal([
      'A pink ribbon pinned to a coat',
      'A picture with no description',
      'Insecure image',
    ]);
    const images = $$(el, 'figure img') as HTMLImageElement[];
    expect(images).to.have.length(2);
    for (const img of [...images, $(el, 'img.avatar') as HTMLImageElement]) {
      expect(img.getAttribute('loading')).to.equal('lazy');
      expect(img.getAttribute('referrerpolicy')).to.equal('no-referrer');
      expect(img.src).to.match(/^https:/);
    }
    expect(figures[2]!.querySelector('img')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});

describe('trust', () => {
  it('badges authors in roles and shows the disclaimer by default', async () => {
    const el = await feed({
      hashtag: 'bcsm',
      roles: { 'dr_example@mastodon.social': 'Breast surgeon' },
      sources: [
        {
          type: 'posts',
          posts: [
            post({ author: { name: 'Dr Example', handle: '@Dr_Example@mastodon.social', url: 'https://mastodon.social/@dr_example' } }),
            post(),
          ],
        },
      ],
    });
    const badges = $$(el, '[part=badge]');
    expect(badges.map((b) => b.textContent)).to.deep.equal(['Breast surgeon']);
    expect(badges[0]!.closest('article')!.querySelector('.name')!.textContent!.trim()).to.equal('Dr Example');
    expect($(el, '[part=disclaimer]')!.textContent).to.match(/^These posts are from the public. They are not medical advice./);
  });

  it('takes the disclaimer text from the config, or hides it with false', async () => {
    const el = await feed({
      hashtag: 'bcsm',
      disclaimer: 'Not advice. Ask your breast care nurse.',
      sources: [{ type: 'posts', posts: [post()] }],
    });
    expect($(el, '[part=disclaimer]')!.textContent).to.equal('Not advice. Ask your breast care nurse.');
    const off = await feed({ hashtag: 'bcsm', disclaimer: false, sources: [{ type: 'posts', posts: [post()] }] });
    expect($(off, '[part=disclaimer]')).to.equal(null);
  });

  it('applies moderation to every source', async () => {
    mock = mockFetch(() => json(statusesFor(MASTO)));
    const el = await feed(
      mastodonConfig({
        moderation: { blockWords: ['LOL'], blockAccounts: ['mastodonpy_test_2@mastodon.example'], languages: [] },
        sources: [
          { type: 'mastodon', instance: MASTO },
          { type: 'posts', posts: [post({ text: 'lol that was fun' }), post({ text: 'kept' })] },
        ],
      }),
    );
    const list = articles(el);
    expect(list).to.have.length(2);
    expect(list[0]!.querySelector('.content')!.textContent!.trim()).to.equal('kept');
    expect(list[1]!.querySelector('.cw')!.textContent).to.contain('Before you read: Content warning');
  });
});

describe('privacy', () => {
  it('with consent "required", asks nothing of other servers until the button is pressed', async () => {
    mock = mockFetch((url) => (url.origin === 'https://mastodon.social' ? json(statusesFor('https://mastodon.social')) : undefined));
    const el = await feed({
      hashtag: 'hoot',
      consent: 'required',
      moderation: { languages: [] },
      sources: [{ type: 'mastodon', instance: 'https://mastodon.social' }],
    });
    const button = $(el, '.gate button')!;
    expect(button.textContent!.trim()).to.equal('Show posts from mastodon.social');
    expect(articles(el)).to.have.length(0);
    await new Promise((r) => setTimeout(r, 50));
    expect(mock.calls).to.have.length(0);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    await expect(el).to.be.accessible();
    button.click();
    await waitUntil(() => articles(el).length === 3, 'posts not shown after consent');
    expect(mock.calls).to.have.length(1);
    await waitUntil(() => el.shadowRoot!.activeElement === articles(el)[0], 'focus not moved to the first post');
  });

  it('names "other websites" when the gate has no third-party source to name', async () => {
    const el = await feed({ hashtag: 'bcsm', consent: 'required', sources: [{ type: 'posts', posts: [post()] }] });
    expect($(el, '.gate button')!.textContent!.trim()).to.equal('Show posts from other websites');
    expect(articles(el)).to.have.length(0);
  });

  it('keeps the last good posts with cache: true and shows them with their age when every source fails', async () => {
    localStorage.clear();
    const config = { ...mastodonConfig(), cache: true };
    mock = mockFetch(() => json(statusesFor(MASTO)));
    await feed(config);
    mock.restore();
    mock = mockFetch(() => undefined);
    const el = await feed(config);
    expect(articles(el)).to.have.length(3);
    expect($$(el, '.notice').map((n) => n.textContent)).to.satisfy((t: string[]) =>
      t.some((x) => /^These posts were saved (now|\d+ seconds? ago)\.$/.test(x!)),
    );
    const without = await feed({ ...config, cache: false });
    expect(articles(without)).to.have.length(0);
    expect($(without, '.empty')!.textContent).to.equal('No posts to show yet.');
    localStorage.clear();
  });

  it('stores nothing without cache: true', async () => {
    localStorage.clear();
    mock = mockFetch(() => json(statusesFor(MASTO)));
    await feed(mastodonConfig());
    expect(localStorage.length).to.equal(0);
  });
});

describe('refresh', () => {
  let clock: ReturnType<typeof fakeClock> | undefined;
  afterEach(() => clock?.restore());

  it('puts new posts behind a polite "N new posts" button instead of under the reader', async () => {
    clock = fakeClock();
    let statuses = statusesFor(MASTO).slice(1);
    mock = mockFetch(() => json(statuses));
    const el = await feed(mastodonConfig({ refreshSeconds: 60 }));
    expect(articles(el)).to.have.length(2);
    const first = articles(el)[0]!;
    statuses = statusesFor(MASTO);
    clock.advance(60000);
    await waitUntil(() => $(el, '.fresh button'), 'no new posts button');
    expect(mock.calls).to.have.length(2);
    expect($(el, '.fresh')!.getAttribute('role')).to.equal('status');
    expect($(el, '.fresh button')!.textContent).to.equal('Show 1 new post');
    // Its styles come with the code that draws it (later.ts): it floats over the posts with a shadow.
    expect(getComputedStyle($(el, '.fresh button')!).boxShadow).to.not.equal('none');
    expect(articles(el)).to.have.length(2);
    expect(articles(el)[0]).to.equal(first);
    await expect(el).to.be.accessible();
    $(el, '.fresh button')!.click();
    await waitUntil(() => articles(el).length === 3);
    expect(authorOf(articles(el)[0]!)).to.equal('mastodonpy_test_2');
    await waitUntil(() => el.shadowRoot!.activeElement === articles(el)[0], 'focus not on the newest post');
    expect($(el, '.fresh button')).to.equal(null);
  });

  it('pauses while the tab is hidden and catches up when it is shown', async () => {
    clock = fakeClock();
    mock = mockFetch(() => json(statusesFor(MASTO)));
    await feed(mastodonConfig({ refreshSeconds: 60 }));
    setHidden(true);
    clock.advance(60000);
    clock.advance(60000);
    await new Promise((r) => setTimeout(r, 20));
    expect(mock.calls).to.have.length(1);
    setHidden(false);
    await waitUntil(() => mock!.calls.length === 2, 'did not refresh when visible');
  });

  it('honours Retry-After and never asks more than once per refreshSeconds', async () => {
    clock = fakeClock();
    let limited = false;
    mock = mockFetch(() =>
      limited ? json({ error: 'Too many requests' }, { status: 429, headers: { 'retry-after': '300' } }) : json(statusesFor(MASTO)),
    );
    const el = await feed(mastodonConfig({ refreshSeconds: 120 }));
    limited = true;
    clock.advance(60000);
    await new Promise((r) => setTimeout(r, 20));
    expect(mock.calls).to.have.length(1);
    clock.advance(60000);
    await waitUntil(() => mock!.calls.length === 2);
    await waitUntil(() => $(el, '.notice'));
    expect(articles(el)).to.have.length(3);
    expect($(el, '.notice')!.textContent).to.contain('It is busy. We will try again later.');
    limited = false;
    for (let i = 0; i < 2; i++) clock.advance(120000); // 240 s < 300 s Retry-After
    await new Promise((r) => setTimeout(r, 20));
    expect(mock.calls).to.have.length(2);
    clock.advance(120000);
    await waitUntil(() => mock!.calls.length === 3, 'did not retry after Retry-After');
    await waitUntil(() => !$(el, '.notice'));
  });
});

describe('load more and limits', () => {
  it('shows limit posts, then the rest on Load more with focus on the first new one', async () => {
    const el = await feed({ hashtag: 'bcsm', limit: 2, sources: [{ type: 'posts', posts: [post(), post(), post(), post(), post()] }] });
    expect(articles(el)).to.have.length(2);
    expect(articles(el)[0]!.getAttribute('aria-setsize')).to.equal('-1');
    $(el, 'button.more')!.click();
    await waitUntil(() => articles(el).length === 4);
    await waitUntil(() => el.shadowRoot!.activeElement === articles(el)[2]);
    $(el, 'button.more')!.click();
    await waitUntil(() => articles(el).length === 5);
    expect($(el, 'button.more')).to.equal(null);
    expect(articles(el)[4]!.getAttribute('aria-setsize')).to.equal('5');
  });

  it('de-duplicates the same url across sources', async () => {
    const shared = post({ url: 'https://social.example/@nurse/shared' });
    const el = await feed({
      hashtag: 'bcsm',
      sources: [
        { type: 'posts', posts: [shared] },
        { type: 'posts', posts: [{ ...shared, id: 'copy' }, post()] },
      ],
    });
    expect(articles(el)).to.have.length(2);
  });

  it('shows an empty state and fires care-ready', async () => {
    const wrapper = document.createElement('div');
    document.body.append(wrapper);
    const ready = oneEvent(wrapper, 'care-ready');
    const el = document.createElement('care-hashtag-feed');
    el.config = { hashtag: 'bcsm', sources: [{ type: 'posts', posts: [] }] };
    wrapper.append(el);
    await ready;
    expect($(el, '.empty')!.textContent).to.equal('No posts for #bcsm yet.');
    await expect(el).to.be.accessible();
    wrapper.remove();
  });
});

describe('bad input', () => {
  it('skips a bad curated post with a warning naming it and renders the rest', async () => {
    const warnings: string[] = [];
    const realWarn = console.warn;
    console.warn = (...a: unknown[]) => void warnings.push(a.join(' '));
    try {
      const el = await feed({
        hashtag: 'bcsm',
        sources: [{ type: 'posts', posts: [post({ text: 'good' }), { ...post(), url: 'javascript:alert(1)' }] }],
      });
      expect(articles(el)).to.have.length(1);
      expect(warnings.join('\n')).to.contain('sources.0.posts.1.url');
    } finally {
      console.warn = realWarn;
    }
  });

  it('skips a bad snapshot post with a console warning', async () => {
    const warnings: string[] = [];
    const realWarn = console.warn;
    console.warn = (...a: unknown[]) => void warnings.push(a.join(' '));
    try {
      const el = await feed({ hashtag: 'bcsm', sources: [{ type: 'snapshot', url: '/test/fixtures/hashtag-feed/snapshot.json' }] });
      expect(articles(el)).to.have.length(2);
      expect(warnings.join('\n')).to.contain('javascript:alert(1)');
    } finally {
      console.warn = realWarn;
    }
  });

  it('reports a bad source config with its path', async () => {
    const errors: unknown[] = [];
    const realError = console.error;
    console.error = (...a: unknown[]) => void errors.push(a);
    try {
      const el = await feed({
        hashtag: 'bcsm',
        sources: [
          { type: 'posts', posts: [] },
          { type: 'mastodon', instance: 'javascript:alert(1)' },
        ],
      });
      const panel = $(el, '.panel.error')!;
      expect(panel.textContent).to.contain('sources.1.instance');
      // A server written without https:// would be asked as a page beside this one: said at once, not at run time.
      const bare = await feed({ hashtag: 'bcsm', sources: [{ type: 'mastodon', instance: 'mastodon.social' }] });
      expect($(bare, '.panel.error')!.textContent).to.contain(
        'sources.0.instance: Must be the server’s full address, like https://mastodon.social, or a path on this site starting with /',
      );
      const typo = await feed({ hashtag: 'bcsm', sources: [{ type: 'mastodon', instanse: 'https://m.example' }] });
      expect($(typo, '.panel.error')!.textContent).to.contain('Did you mean "instance"?');
      const bad = await feed({ hashtag: '#no spaces', refreshSeconds: 30, sources: [{ type: 'rss', url: 'https://x.example' }] });
      const text = $(bad, '.panel.error')!.textContent!;
      expect(text).to.contain('hashtag').and.contain('refreshSeconds').and.contain('sources.0');
      await expect(bad).to.be.accessible();
    } finally {
      console.error = realError;
    }
  });
});
