// The Bluesky source against what a feed generator's answer may carry: moderation labels (and their negations),
// a `createdAt` years ahead, facets that are not what the lexicon says, and an account that changed its handle
// after a page blocked it.
import { expect } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import { facetsToNodes, mapGetFeed } from '../../../src/sources/bluesky-feed.js';
import { nodesText, type SafeNode } from '../../../src/core/sanitize.js';
import { allowed, type Moderation } from '../../../src/widgets/hashtag-feed/moderation.js';
import type { Post } from '../../../src/sources/posts.js';
import { $, articles, authorOf, feed, json, mockFetch, type FetchMock } from './helpers.js';

const DID = 'did:plc:4hqjfn7m6n5hno3doamuhgef';
const MOD = 'did:plc:ar7c4by46qjdydhdevvrndac'; // Bluesky's moderation service
let n = 0;

/** A getFeed item; `over` replaces fields of the post view, `record` of its record. */
const item = (over: Record<string, unknown> = {}, record: Record<string, unknown> = {}) => {
  const i = ++n;
  return {
    post: {
      uri: `at://${DID}/app.bsky.feed.post/3kpost${i}`,
      author: { did: DID, handle: 'jo-after-chemo.bsky.social', displayName: 'Jo', labels: [] },
      record: { $type: 'app.bsky.feed.post', text: `Post ${i}`, createdAt: '2026-11-30T10:00:00.000Z', ...record },
      indexedAt: '2026-11-30T10:00:01.000Z',
      labels: [],
      ...over,
    },
  };
};
const label = (val: string, extra: Record<string, unknown> = {}) => ({
  src: MOD,
  uri: 'at://x',
  val,
  cts: '2026-11-30T10:00:00Z',
  ...extra,
});
const one = (it: ReturnType<typeof item>): Post | undefined => mapGetFeed({ feed: [it] }).posts[0];

const links = (nodes: SafeNode[]): { href: string; text: string }[] =>
  nodes.flatMap((x) => (typeof x === 'string' ? [] : x.tag === 'a' ? [{ href: x.href!, text: nodesText(x.kids) }] : links(x.kids)));

describe('Bluesky labels, as a page for logged-out readers takes them', () => {
  it('drops a post that a moderator hid (!hide) on the post or on its account', () => {
    expect(one(item({ labels: [label('!hide')] }))).to.equal(undefined);
    const author = { did: DID, handle: 'jo.bsky.social', labels: [label('!hide', { uri: DID })] };
    expect(one(item({ author }))).to.equal(undefined);
  });

  it('drops what the moderation service labels to hide by default, and sexual content', () => {
    for (const val of ['spam', 'scam', 'impersonation', 'threat', 'unsafe-link', 'porn', 'sexual'])
      expect(one(item({ labels: [label(val)] })), val).to.equal(undefined);
    // A self-label on the record counts too.
    expect(one(item({}, { labels: { $type: 'com.atproto.label.defs#selfLabels', values: [{ val: 'porn' }] } }))).to.equal(undefined);
  });

  it('folds behind a warning what is labelled !warn or to warn, and keeps the rest open', () => {
    for (const val of ['!warn', 'nudity', 'graphic-media', 'self-harm', 'sensitive', 'misleading', 'intolerant'])
      expect(one(item({ labels: [label(val)] }))?.sensitive, val).to.equal(true);
    const author = { did: DID, handle: 'jo.bsky.social', labels: [label('!warn', { uri: DID })] };
    expect(one(item({ author }))?.sensitive, 'an account warning').to.equal(true);
    // A label that is no moderation (a labeler's badge) changes nothing.
    expect(one(item({ labels: [label('bluesky-elder')] }))?.sensitive).to.equal(false);
  });

  it('lets a negation withdraw the same labeler’s earlier label, and only that', () => {
    const withdrawn = one(
      item({ labels: [label('!hide'), label('graphic-media'), label('!hide', { neg: true }), label('graphic-media', { neg: true })] }),
    );
    expect(withdrawn?.sensitive).to.equal(false);
    // Another labeler's negation does not withdraw Bluesky's label.
    expect(one(item({ labels: [label('!hide'), label('!hide', { neg: true, src: 'did:plc:someoneelse' })] }))).to.equal(undefined);
    // A label given again after its negation is in force again.
    expect(one(item({ labels: [label('!warn'), label('!warn', { neg: true }), label('!warn')] }))?.sensitive).to.equal(true);
  });

  it('reads label lists that are not lists, or hold nulls, as no labels', () => {
    const post = one(
      item({ labels: { val: '!hide' }, author: { did: DID, handle: 'jo.bsky.social', labels: [null, { val: 5 }] } }, { labels: 'x' }),
    );
    expect(post?.id).to.match(/^at:\/\//);
  });
});

describe('Bluesky post times', () => {
  it('dates a post that claims a future createdAt by when Bluesky indexed it', () => {
    const post = one(item({ indexedAt: '2026-11-30T10:00:01.000Z' }, { createdAt: '2098-01-01T00:00:00.000Z' }));
    expect(post?.createdAt).to.equal('2026-11-30T10:00:01.000Z');
  });

  it('keeps createdAt when it is the earlier (a post imported with its old date)', () => {
    expect(one(item({ indexedAt: '2026-11-30T10:00:01.000Z' }, { createdAt: '2019-05-01T08:00:00.000Z' }))?.createdAt).to.equal(
      '2019-05-01T08:00:00.000Z',
    );
    // indexedAt that is no date is ignored; a post without a createdAt is still skipped, not dated by indexedAt.
    expect(one(item({ indexedAt: 'soon' }, { createdAt: '2098-01-01T00:00:00.000Z' }))?.createdAt).to.equal('2098-01-01T00:00:00.000Z');
    expect(one(item({}, { createdAt: undefined }))).to.equal(undefined);
  });
});

describe('Bluesky facets the lexicon does not allow', () => {
  const tag = { index: { byteStart: 5, byteEnd: 10 }, features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'bcsm' }] };

  for (const [name, facets] of [
    ['an object', { 0: tag }],
    ['a string', 'facets'],
    ['a number', 7],
  ] as const)
    it(`keeps the post, as plain text, when facets is ${name}`, () => {
      const post = one(item({}, { text: 'Join #bcsm', facets }));
      expect(post?.nodes && nodesText(post.nodes)).to.equal('Join #bcsm\n');
      expect(links(post!.nodes!)).to.deep.equal([]);
    });

  it('skips entries that are null or lack a range or a list of features, and links the good ones', () => {
    const facets = [
      null,
      'x',
      { features: tag.features },
      { index: null, features: tag.features },
      { index: { byteStart: '0', byteEnd: '4' }, features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://a.example/' }] },
      { index: { byteStart: 0, byteEnd: 4 }, features: { 0: { $type: 'app.bsky.richtext.facet#link', uri: 'https://a.example/' } } },
      { index: { byteStart: 0, byteEnd: 4 }, features: [null] },
      tag,
    ];
    expect(links(facetsToNodes('Join #bcsm', facets))).to.deep.equal([{ href: 'https://bsky.app/hashtag/bcsm', text: '#bcsm' }]);
    const { posts } = mapGetFeed({ feed: [item({}, { text: 'Join #bcsm', facets }), item()] });
    expect(posts.map((p) => nodesText(p.nodes!))).to.deep.equal(['Join #bcsm\n', `Post ${n}\n`]);
  });
});

describe('a Bluesky post with a field the lexicon does not allow', () => {
  it('is skipped with a warning, and the posts around it are kept', async () => {
    const warnings: string[] = [];
    const [before, odd, after] = [
      item(),
      item({ embed: { $type: 'app.bsky.embed.images#view', images: { 0: { thumb: 'https://a.example/a.jpg' } } } }),
      item(),
    ];
    const { posts } = mapGetFeed({ feed: [before, odd, after] }, (w) => warnings.push(w));
    expect(posts.map((p) => p.id)).to.deep.equal([before.post.uri, after.post.uri]);
    // The warning's wording comes with zod's explanation, a chunk: a busy machine takes more than a second for it.
    await waitUntil(() => warnings.length, 'no warning', { timeout: 10000 });
    expect(warnings[0]).to.match(/^bluesky-feed: skipped post #1: /);
  });
});

describe('a Bluesky facet no address can hold', () => {
  it('skips that post (a tag with a lone surrogate cannot be encoded) and keeps the others', () => {
    const bad = item(
      {},
      {
        text: 'Join #x',
        facets: [{ index: { byteStart: 5, byteEnd: 7 }, features: [{ $type: 'app.bsky.richtext.facet#tag', tag: '\ud800' }] }],
      },
    );
    const [before, after] = [item(), item()];
    const { posts } = mapGetFeed({ feed: [before, bad, after] }, () => {});
    expect(posts.map((p) => p.id)).to.deep.equal([before.post.uri, after.post.uri]);
    expect(posts.map((p) => nodesText(p.nodes!))).to.deep.equal([`Post ${n - 1}\n`, `Post ${n}\n`]);
  });
});

describe('blocking a Bluesky account by its DID', () => {
  const none: Moderation = {
    blockAccounts: [],
    blockWords: [],
    allowAccounts: [],
    approvedIds: [],
    hideReplies: false,
    hideBoosts: false,
    languages: [],
  };
  const ok = (post: Post, over: Partial<Moderation>) => allowed(post, post.text ?? '', { ...none, ...over });
  // The account changed its handle after the page blocked its DID.
  const renamed = () => one(item({ author: { did: DID, handle: 'new-name.bsky.social' } }))!;

  it('matches the DID its post ids name, with or without @, in any case, whatever its handle now', () => {
    for (const entry of [DID, `@${DID}`, ` ${DID.toUpperCase()} `])
      expect(ok(renamed(), { blockAccounts: [entry] }), entry).to.equal(false);
    expect(ok(renamed(), { blockAccounts: ['did:plc:someoneelse'] })).to.equal(true);
    expect(ok(renamed(), { blockAccounts: ['did:plc:4hqj'] }), 'a DID’s beginning is not the DID').to.equal(true);
    expect(ok(renamed(), { blockAccounts: ['@new-name.bsky.social'] }), 'the handle still works').to.equal(false);
    expect(ok(renamed(), { allowAccounts: [DID] }), 'an allowlist may name the DID too').to.equal(true);
    expect(ok(renamed(), { allowAccounts: ['did:plc:someoneelse'] })).to.equal(false);
  });

  it('leaves posts from other sources alone, and an empty entry blocks nothing', () => {
    const curated = { ...renamed(), id: `https://hospital.example/${DID}/1`, url: 'https://hospital.example/1' };
    expect(ok(curated, { blockAccounts: [DID] })).to.equal(true);
    expect(ok(renamed(), { blockAccounts: ['', '@'] })).to.equal(true);
  });

  describe('in the element', () => {
    let mock: FetchMock | undefined;
    afterEach(() => mock?.restore());

    it('hides the blocked DID’s posts under its new handle and shows the others', async () => {
      const other = item({
        uri: 'at://did:plc:7iza6de2dwap2sbkpav7c6c6/app.bsky.feed.post/3kother',
        author: { did: 'did:plc:7iza6de2dwap2sbkpav7c6c6', handle: 'marianne-nurse.bsky.social', displayName: 'Marianne' },
      });
      const body = { feed: [item({ author: { did: DID, handle: 'new-name.bsky.social', displayName: 'Renamed' } }), other] };
      mock = mockFetch((url) => (url.origin === 'https://public.api.bsky.app' ? json(body) : undefined));
      const el = await feed({
        hashtag: 'bcsm',
        sources: [{ type: 'bluesky-feed', feed: 'at://did:plc:abc/app.bsky.feed.generator/bcsm' }],
        moderation: { blockAccounts: [DID] },
      });
      expect(articles(el).map(authorOf)).to.deep.equal(['Marianne']);
      expect($(el, '[role=feed]')?.textContent?.includes('Renamed')).to.equal(false);
    });
  });
});
