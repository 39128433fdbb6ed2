import { expect } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import { fetchMastodon, mapMastodon, mastodonHandle, mastodonUrl, nextLink } from '../../../src/sources/mastodon.js';
import { facetsToNodes, fetchBlueskyFeed, getFeedUrl, mapGetFeed } from '../../../src/sources/bluesky-feed.js';
import { fetchSnapshot, mapSnapshot } from '../../../src/sources/snapshot.js';
import { fetchJson, FetchError, readJson } from '../../../src/core/fetch.js';
import { nodesText, type SafeNode } from '../../../src/core/sanitize.js';
import { restore, save } from '../../../src/widgets/hashtag-feed/cache.js';
import { json, load, mockFetch, realFetch, type FetchMock } from './helpers.js';

let warnings: string[] = [];
const realWarn = console.warn;
let mock: FetchMock | undefined;
beforeEach(() => {
  warnings = [];
  console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
});
afterEach(() => {
  console.warn = realWarn;
  mock?.restore();
  mock = undefined;
});

const links = (nodes: SafeNode[]): { href: string; text: string }[] =>
  nodes.flatMap((n) => (typeof n === 'string' ? [] : n.tag === 'a' ? [{ href: n.href!, text: nodesText(n.kids) }] : links(n.kids)));

describe('mastodon source', () => {
  let statuses: Record<string, unknown>[];
  let headers: Record<string, string>;
  before(async () => {
    statuses = await load('/test/fixtures/mastodon/mastodon_tag_timeline.json');
    headers = await load('/test/fixtures/mastodon/mastodon_tag_timeline.headers.json');
  });

  it('normalises handles to @user@host', () => {
    expect(mastodonHandle('drsmith', 'https://mastodon.social')).to.equal('@drsmith@mastodon.social');
    expect(mastodonHandle('Ann@Other.Example', 'https://mastodon.social')).to.equal('@ann@other.example');
    expect(mastodonHandle('@ann@other.example', 'https://mastodon.social')).to.equal('@ann@other.example');
  });

  it('maps the recorded hashtag timeline to Posts', () => {
    const posts = mapMastodon(statuses, 'http://localhost:3000');
    expect(posts).to.have.length(3);
    const [a, b, c] = posts as [(typeof posts)[0], (typeof posts)[0], (typeof posts)[0]];
    expect(a.id).to.equal('117020593741189701');
    expect(a.url).to.equal('http://localhost:3000/@mastodonpy_test_2/117020593741189701');
    expect(a.author).to.deep.include({
      name: 'mastodonpy_test_2',
      handle: '@mastodonpy_test_2@localhost:3000',
      url: 'http://localhost:3000/@mastodonpy_test_2',
    });
    expect(a.language).to.equal('ja');
    expect(a.html).to.contain('#<span>hoot</span>');
    expect(b.author.name).to.equal('John Lennon');
    expect(b.sensitive).to.equal(true);
    expect(b.contentWarning).to.equal('Content warning');
    expect(c.sensitive).to.equal(true);
    expect(c.contentWarning).to.equal(undefined);
    expect(c.media).to.deep.equal([
      {
        url: 'http://localhost:3000/system/media_attachments/files/117/020/576/646/493/592/small/963111bc1b0bd6b6.jpg',
        alt: 'John Lennon doing a funny walk',
        type: 'image',
      },
      {
        url: 'http://localhost:3000/system/media_attachments/files/117/020/576/661/238/952/small/c71a1b53ce29a852.jpg',
        alt: 'hololives #1 detective, watson ameliachan',
        type: 'image',
      },
    ]);
    expect(posts.every((p) => !p.replyTo && !p.boostOf)).to.equal(true);
  });

  it('maps replies, boosts and images without a description', () => {
    const [status] = structuredClone(statuses) as [Record<string, any>];
    const reply = {
      ...status,
      id: '2',
      url: 'https://m.example/@a/2',
      in_reply_to_id: '1',
      media_attachments: [{ type: 'image', url: 'https://m.example/i.png', preview_url: null, description: null }],
    };
    const boost = {
      ...status,
      id: '3',
      url: null,
      reblog: { ...status, id: '99', url: 'https://other.example/@b/99', account: { ...status.account, acct: 'b@other.example' } },
    };
    const [r, b] = mapMastodon([reply, boost], 'https://m.example');
    expect(r!.replyTo).to.equal('1');
    expect(r!.media).to.deep.equal([{ url: 'https://m.example/i.png', alt: undefined, type: 'image' }]);
    expect(b!.boostOf).to.equal('99');
    expect(b!.url).to.equal('https://other.example/@b/99');
    expect(b!.author.handle).to.equal('@b@other.example');
  });

  it('drops a bad avatar or media address but keeps the post', () => {
    const [status] = structuredClone(statuses) as [Record<string, any>];
    status.account.avatar_static = 'javascript:alert(1)';
    status.media_attachments = [
      { type: 'image', url: 'data:image/png;base64,xx', preview_url: null, description: 'bad' },
      { type: 'image', url: null, preview_url: null },
      { type: 'image', url: 'https://m.example/ok.png', description: 'ok' },
    ];
    const [p] = mapMastodon([status], 'https://m.example');
    expect(p!.author.avatar).to.equal(undefined);
    expect(p!.media).to.deep.equal([{ url: 'https://m.example/ok.png', alt: 'ok', type: 'image' }]);
    const body = {
      feed: [
        {
          post: {
            uri: 'at://did:plc:x/app.bsky.feed.post/1',
            author: { did: 'did:plc:x', handle: 'x.bsky.social', avatar: 'javascript:alert(1)' },
            record: { text: 'hi', createdAt: '2026-11-30T10:00:00Z' },
            embed: { $type: 'app.bsky.embed.images#view', images: [{ thumb: 'javascript:alert(1)', alt: 'bad' }] },
          },
        },
      ],
    };
    const [b] = mapGetFeed(body).posts;
    expect(b!.author.avatar).to.equal(undefined);
    expect(b!.media).to.deep.equal([]);
  });

  it('skips a malformed status with a warning that names it, and keeps the rest', async () => {
    const bad = { ...structuredClone(statuses[0]!), id: 'bad-1', url: 'javascript:alert(1)', uri: 'javascript:alert(1)' };
    const posts = mapMastodon([bad, statuses[1], null, { id: 'no-account' }], 'http://localhost:3000');
    expect(posts).to.have.length(1);
    // zod explains a rejected post once its chunk has loaded (a page that gets only good posts never loads it;
    // the first load here also compiles zod's modules in the test server).
    await waitUntil(() => warnings.length >= 3, 'the skipped posts are warned about', { timeout: 10000 });
    expect(warnings).to.have.length(3);
    expect(warnings[0]).to.contain('javascript:alert(1)').and.contain('url');
    expect(() => mapMastodon({ error: 'nope' }, 'https://m.example')).to.throw();
  });

  it('skips a status whose fields are not what the API says, and keeps the rest of the page', () => {
    const bad = [
      { media_attachments: [null] },
      { media_attachments: {} },
      { account: { acct: 5, url: 'https://m.example/@a' } },
      { reblog: { id: 'r', account: { acct: 'a', url: 'https://m.example/@a' }, media_attachments: 'x' } },
    ].map((over, i) => ({ ...structuredClone(statuses[0]!), id: `bad-${i}`, ...over }));
    const skipped: string[] = [];
    const posts = mapMastodon([statuses[1], ...bad], 'https://m.example', (w) => skipped.push(w));
    expect(posts.map((p) => p.id)).to.deep.equal([statuses[1]!.id]);
  });

  it('follows Link rel="next" only on the same server', () => {
    expect(nextLink(headers.link!, 'http://localhost:3000')).to.equal(
      'http://localhost:3000/api/v1/timelines/tag/hoot?max_id=117020593741189701',
    );
    expect(nextLink('<https://evil.example/api/v1/timelines/tag/x?max_id=1>; rel="next"', 'https://m.example')).to.equal(undefined);
    expect(nextLink('<https://m.example/x?min_id=1>; rel="prev"', 'https://m.example')).to.equal(undefined);
    expect(nextLink(null, 'https://m.example')).to.equal(undefined);
  });

  it('asks for 40 posts of the hashtag and returns the next page', async () => {
    expect(mastodonUrl('https://mastodon.social', 'bcsm')).to.equal('https://mastodon.social/api/v1/timelines/tag/bcsm?limit=40');
    mock = mockFetch((url) => (url.host === 'localhost:3000' ? json(statuses, { headers: { link: headers.link! } }) : undefined));
    const page = await fetchMastodon('http://localhost:3000', 'hoot');
    expect(mock.calls).to.deep.equal(['http://localhost:3000/api/v1/timelines/tag/hoot?limit=40']);
    expect(page.posts).to.have.length(3);
    expect(page.next).to.contain('max_id=117020593741189701');
  });

  it('reports 401, 403 and 422 as "not shared publicly", by code, with a readable message', async () => {
    for (const status of [401, 403, 422]) {
      mock = mockFetch(() => json({ error: 'This API requires an authenticated user' }, { status }));
      const error = await fetchMastodon('https://m.example', 'locked').catch((e) => e);
      expect(error).to.be.instanceOf(FetchError);
      expect(error.code).to.equal('notPublic');
      expect(error.status).to.equal(status);
      expect(error.message).to.match(/ /);
      mock.restore();
    }
  });

  it('returns an empty first page as no posts yet, not as an error', async () => {
    mock = mockFetch(() => json([]));
    expect(await fetchMastodon('https://m.example', 'quiet')).to.deep.equal({ posts: [], next: undefined });
    // A later page may be empty too: that is just the end.
    expect(
      (await fetchMastodon('https://m.example', 'x', { page: 'https://m.example/api/v1/timelines/tag/x?max_id=1' })).posts,
    ).to.deep.equal([]);
  });

  it('passes on 429 with Retry-After', async () => {
    mock = mockFetch(() => json({ error: 'Too many requests' }, { status: 429, headers: { 'retry-after': '90' } }));
    const error = await fetchMastodon('https://m.example', 'bcsm').catch((e) => e);
    expect(error.status).to.equal(429);
    expect(error.retryAfter).to.equal(90);
  });
});

describe('fetch errors carry a code for the reader and an English message for the console', () => {
  const cases: [string, () => Response | undefined, number | undefined][] = [
    ['network', () => undefined, undefined],
    ['login', () => json({}, { status: 401 }), 401],
    ['notFound', () => json({}, { status: 404 }), 404],
    ['busy', () => json({}, { status: 429 }), 429],
    ['http', () => json({}, { status: 503 }), 503],
    ['type', () => new Response('<p>hi</p>', { headers: { 'content-type': 'text/html' } }), 200],
    ['json', () => new Response('{"posts": [', { headers: { 'content-type': 'application/json' } }), 200],
  ];
  for (const [code, answer, status] of cases) {
    it(code, async () => {
      mock = mockFetch(answer);
      const error = await fetchJson('https://m.example/x').catch((e) => e);
      expect(error).to.be.instanceOf(FetchError);
      expect(error.code).to.equal(code);
      expect(error.status).to.equal(status);
      expect(error.message).to.match(/^[A-Z].* .*\.$/); // a sentence, not a key
    });
  }

  it('timeout', async () => {
    window.fetch = (_: unknown, init?: RequestInit) =>
      new Promise((_r, reject) => init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason)));
    mock = { calls: [], restore: () => void (window.fetch = realFetch) };
    // fetchJson's own timeout is 15 s: the same reading of a request whose timeout fired, with one of 10 ms.
    const timeout = AbortSignal.timeout(10);
    const error = await readJson({ response: window.fetch('https://m.example/x', { signal: timeout }), timeout }).catch((e) => e);
    expect(error).to.be.instanceOf(FetchError);
    expect(error.code).to.equal('timeout');
  });
});

describe('bluesky-feed source', () => {
  let body: { feed: unknown[]; cursor: string };
  before(async () => {
    body = await load('/test/fixtures/hashtag-feed/bluesky-getfeed.json');
  });

  it('slices facets by UTF-8 bytes, not UTF-16 code units', () => {
    const text = 'Café 👋🏽 #bcsm ok';
    const start = new TextEncoder().encode('Café 👋🏽 ').length; // 15 bytes, but 10 UTF-16 units
    expect(start).to.equal(15);
    expect('Café 👋🏽 '.length).to.equal(10);
    const nodes = facetsToNodes(text, [
      { index: { byteStart: start, byteEnd: start + 5 }, features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'bcsm' }] },
    ]);
    expect(links(nodes)).to.deep.equal([{ href: 'https://bsky.app/hashtag/bcsm', text: '#bcsm' }]);
    expect(nodesText(nodes)).to.equal('Café 👋🏽 #bcsm ok\n');
  });

  it('ignores facets that overlap, run past the end or have unsafe links', () => {
    const link = (s: number, e: number, uri: string) => ({
      index: { byteStart: s, byteEnd: e },
      features: [{ $type: 'app.bsky.richtext.facet#link', uri }],
    });
    const nodes = facetsToNodes('abc def', [
      link(0, 3, 'https://a.example'),
      link(2, 5, 'https://b.example'),
      link(4, 99, 'https://c.example'),
      link(4, 7, 'javascript:alert(1)'),
    ]);
    expect(links(nodes)).to.deep.equal([{ href: 'https://a.example/', text: 'abc' }]);
    expect(nodesText(nodes)).to.equal('abc def\n');
  });

  it('keeps post text as text nodes: no markup is built or parsed', () => {
    const text = '<img src=x onerror=alert(1)> &amp; "q"\nline two';
    expect(facetsToNodes(text)).to.deep.equal([
      { tag: 'p', kids: ['<img src=x onerror=alert(1)> &amp; "q"', { tag: 'br', kids: [] }, 'line two'] },
    ]);
  });

  it('links only absolute http(s) addresses from link facets', () => {
    const link = (uri: string) => ({ index: { byteStart: 0, byteEnd: 3 }, features: [{ $type: 'app.bsky.richtext.facet#link', uri }] });
    for (const bad of ['/relative', '//evil.example/x', 'javascript:alert(1)', 'relative.html'])
      expect(links(facetsToNodes('abc', [link(bad)]))).to.deep.equal([]);
    expect(links(facetsToNodes('abc', [link('https://ok.example/x')]))).to.deep.equal([{ href: 'https://ok.example/x', text: 'abc' }]);
    // An unsafe link still claims its text: a facet overlapping it cannot split it.
    const mention = { index: { byteStart: 0, byteEnd: 2 }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: 'did:plc:x' }] };
    expect(facetsToNodes('abc', [link('javascript:alert(1)'), mention])).to.deep.equal([{ tag: 'p', kids: ['abc'] }]);
  });

  it('maps getFeed items, skipping !no-unauthenticated authors and invalid posts', async () => {
    const { posts, cursor } = mapGetFeed(body);
    expect(cursor).to.equal('1732900800000::bafyreig3lbwy7hh2kq2ccid');
    expect(posts.map((p) => p.author.handle)).to.deep.equal([
      '@marianne-nurse.bsky.social',
      '@breastcancer-support.org.uk',
      '@jo-after-chemo.bsky.social',
      '@marianne-nurse.bsky.social',
      '@jo-after-chemo.bsky.social',
    ]);
    expect(posts.some((p) => p.author.handle.includes('quiet-reader'))).to.equal(false);
    await waitUntil(
      () => warnings.some((w) => w.includes('3lbwbroken22') && w.includes('createdAt')),
      'the invalid post is named with its problem',
      { timeout: 10000 },
    );
    const [first, , repost, reply, labelled] = posts as [any, any, any, any, any];
    expect(first.url).to.equal('https://bsky.app/profile/marianne-nurse.bsky.social/post/3lbx2ksd7s22c');
    expect(first.author.name).to.equal('Marianne Côté, RN 🎗️');
    expect(first.language).to.equal('es');
    expect(first.html).to.equal(undefined);
    const nodes: SafeNode[] = first.nodes;
    expect(nodesText(nodes)).to.equal(
      'Día 3 de quimio 💪🏽 — café y mantas. Guía útil: https://www.breastcancer.example/chemo-tips #bcsm @breastcancer-support.org.uk\n',
    );
    expect(links(nodes)).to.deep.equal([
      { href: 'https://www.breastcancer.example/chemo-tips', text: 'https://www.breastcancer.example/chemo-tips' },
      { href: 'https://bsky.app/hashtag/bcsm', text: '#bcsm' },
      { href: 'https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur', text: '@breastcancer-support.org.uk' },
    ]);
    expect(first.media).to.have.length(2);
    expect(first.media[0].alt).to.match(/^Una taza de café/);
    expect(first.media[1].alt).to.equal(undefined);
    expect(repost.boostOf).to.equal(repost.id);
    expect(reply.replyTo).to.match(/^at:\/\/did:plc:4hqj/);
    expect(labelled.sensitive).to.equal(true);
    expect(labelled.media).to.deep.equal([
      {
        url: 'https://cdn.bsky.app/img/feed_thumbnail/plain/did:plc:4hqjfn7m6n5hno3doamuhgef/bafkreiport@jpeg',
        alt: 'A healing incision below the collarbone after a port was placed',
        type: 'image',
      },
    ]);
    expect(() => mapGetFeed({ posts: [] })).to.throw();
  });

  it('keeps Bluesky posts through the cache, as their text (the safe nodes are not stored)', () => {
    const { posts } = mapGetFeed(body);
    save('bluesky-test', posts);
    const saved = restore('bluesky-test')!;
    localStorage.clear();
    expect(saved.posts.map((p) => p.url)).to.deep.equal(posts.map((p) => p.url));
    expect(saved.posts[0]!.nodes).to.equal(undefined);
    expect(saved.posts[0]!.text).to.match(/^Día 3 de quimio/);
  });

  it('asks the feed generator without a login, with the cursor for more', async () => {
    const feed = 'at://did:plc:abc/app.bsky.feed.generator/bcsm';
    expect(getFeedUrl('https://public.api.bsky.app', feed, 'c:1')).to.equal(
      'https://public.api.bsky.app/xrpc/app.bsky.feed.getFeed?feed=at%3A%2F%2Fdid%3Aplc%3Aabc%2Fapp.bsky.feed.generator%2Fbcsm&limit=30&cursor=c%3A1',
    );
    mock = mockFetch((url) => (url.pathname === '/xrpc/app.bsky.feed.getFeed' ? json(body) : undefined));
    const page = await fetchBlueskyFeed('https://public.api.bsky.app', feed);
    expect(page.posts).to.have.length(5);
    expect(page.next).to.equal(body.cursor);
  });
});

describe('snapshot source', () => {
  it('reads { generatedAt, posts } and skips invalid posts with a warning', async () => {
    const { posts } = await fetchSnapshot('/test/fixtures/hashtag-feed/snapshot.json');
    expect(posts.map((p) => p.id)).to.deep.equal(['snap-1', 'snap-2']);
    await waitUntil(() => warnings.length >= 1, 'the invalid post is warned about', { timeout: 10000 });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('javascript:alert(1)');
    expect(() => mapSnapshot({ generatedAt: 'x' })).to.throw();
  });

  it('reads relative picture addresses (the pipeline’s mirrored copies) against the snapshot’s own address', () => {
    const post = {
      id: 'm',
      url: 'https://mastodon.social/@a/1',
      createdAt: '2026-11-30T10:00:00.000Z',
      author: { name: 'A', handle: '@a', url: 'https://mastodon.social/@a', avatar: '/carecircle/media/a.png' },
      text: 'x',
      media: [
        { url: 'media/b.png', type: 'image', alt: 'b' },
        { url: 'https://cdn.example/c.png', type: 'image' },
      ],
    };
    const [p] = mapSnapshot({ posts: [post] }, 'https://hospital.example/carecircle/bcsm.json');
    expect(warnings).to.deep.equal([]);
    expect(p!.author.avatar).to.equal('https://hospital.example/carecircle/media/a.png');
    expect(p!.media!.map((m) => m.url)).to.deep.equal(['https://hospital.example/carecircle/media/b.png', 'https://cdn.example/c.png']);
    expect(p!.url, 'the post’s own address is left as it is').to.equal(post.url);
  });
});

describe('a bad picture address drops the picture, never the post', () => {
  const author = (avatar: string) => ({ did: 'did:plc:abc', handle: 'ann.bsky.social', displayName: 'Ann', avatar });
  const item = (avatar: string, thumb: string) => ({
    post: {
      uri: 'at://did:plc:abc/app.bsky.feed.post/3k',
      author: author(avatar),
      record: { text: 'Hello', createdAt: '2026-11-30T10:00:00.000Z' },
      embed: { $type: 'app.bsky.embed.images#view', images: [{ thumb, alt: 'x' }] },
    },
  });
  for (const bad of ['http://[broken', 'javascript:alert(1)', 'data:image/png;base64,AAAA', '//cdn.example/a.png']) {
    it(`Bluesky keeps the post when avatar and media are ${bad}`, () => {
      const { posts } = mapGetFeed({ feed: [item(bad, bad)] });
      expect(posts).to.have.length(1);
      expect(posts[0]!.author.avatar).to.equal(undefined);
      expect(posts[0]!.media ?? []).to.deep.equal([]);
    });
    it(`Mastodon keeps the post when avatar and media are ${bad}`, () => {
      const status = {
        id: '1',
        uri: 'https://m.example/users/ann/statuses/1',
        url: 'https://m.example/@ann/1',
        created_at: '2026-11-30T10:00:00.000Z',
        content: '<p>Hello</p>',
        visibility: 'public',
        sensitive: false,
        spoiler_text: '',
        language: 'en',
        in_reply_to_id: null,
        reblog: null,
        account: { id: '9', username: 'ann', acct: 'ann', display_name: 'Ann', url: 'https://m.example/@ann', avatar_static: bad },
        media_attachments: [{ id: 'm', type: 'image', url: bad, preview_url: bad, description: 'x' }],
      };
      const posts = mapMastodon([status], 'https://m.example');
      expect(posts).to.have.length(1);
      expect(posts[0]!.author.avatar).to.equal(undefined);
      expect(posts[0]!.media ?? []).to.deep.equal([]);
    });
  }
});
