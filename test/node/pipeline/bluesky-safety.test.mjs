// The pipeline's Bluesky feed source maps posts with the widget's mapper (src/sources/bluesky-feed.ts), so what a
// feed generator's answer may carry is handled alike in both: moderation labels, a `createdAt` years ahead, facets
// that are not a list. A server on 127.0.0.1 answers getFeed with such posts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { pipeline } from './load.mjs';

const { politeFetch, sourceConfigSchema, blueskyFeedSource } = await pipeline();

const fetch = politeFetch({ userAgent: 'CareCircle/0.1.0 (+https://hospital.example/contact)', sleep: async () => {} });
const context = (extra = {}) => ({ fetch, env: {}, progress: () => {}, limit: 1000, ...extra });

const DID = 'did:plc:4hqjfn7m6n5hno3doamuhgef';
const view = (rkey, over = {}, record = {}) => ({
  post: {
    uri: `at://${DID}/app.bsky.feed.post/${rkey}`,
    author: { did: DID, handle: 'jo-after-chemo.bsky.social', displayName: 'Jo', labels: [] },
    record: { $type: 'app.bsky.feed.post', text: `Post ${rkey} #bcsm`, createdAt: '2026-11-30T10:00:00.000Z', ...record },
    indexedAt: '2026-11-30T10:00:01.000Z',
    labels: [],
    ...over,
  },
});
const label = (val, extra = {}) => ({ src: 'did:plc:ar7c4by46qjdydhdevvrndac', uri: 'at://x', val, cts: '2026-11-30T10:00:00Z', ...extra });

async function serve(feed) {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(req.url.startsWith('/xrpc/app.bsky.feed.getFeed') ? { feed } : {}));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

const collect = async (t, feed) => {
  const s = await serve(feed);
  t.after(s.close);
  const config = sourceConfigSchema.parse({ type: 'bluesky-feed', feed: `at://${DID}/app.bsky.feed.generator/bcsm`, service: s.origin });
  return blueskyFeedSource(config).collect(context());
};

test('Bluesky feed: posts a moderator hid or labelled spam are dropped, !warn and self-harm are folded, negations withdraw', async (t) => {
  const result = await collect(t, [
    view('hidden', { labels: [label('!hide')] }),
    view('spam', { labels: [label('spam')] }),
    view('account', { author: { did: DID, handle: 'jo.bsky.social', labels: [label('!hide', { uri: DID })] } }),
    view('warned', { labels: [label('!warn')] }),
    view('selfharm', { labels: [label('self-harm')] }),
    view('withdrawn', { labels: [label('!hide'), label('!hide', { neg: true })] }),
    view('plain'),
  ]);
  assert.deepEqual(
    result.posts.map((p) => [p.id.split('/').pop(), p.sensitive]),
    [
      ['warned', true],
      ['selfharm', true],
      ['withdrawn', false],
      ['plain', false],
    ],
  );
});

test('Bluesky feed: a post dated decades ahead is dated when Bluesky indexed it, and the cursor does not pass now', async (t) => {
  const result = await collect(t, [view('ahead', {}, { createdAt: '2098-01-01T00:00:00.000Z' })]);
  assert.equal(result.posts[0].createdAt, '2026-11-30T10:00:01.000Z');
  assert.ok(Date.parse(result.cursor) <= Date.now(), result.cursor);
});

test('Bluesky feed: facets that are not a list, or entries without a range, leave the text plain and the page read', async (t) => {
  const tag = { index: { byteStart: 10, byteEnd: 15 }, features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'bcsm' }] };
  const result = await collect(t, [
    view('object', {}, { facets: { 0: tag } }),
    view('string', {}, { facets: 'facets' }),
    view('entries', {}, { facets: [null, { features: tag.features }, { index: tag.index, features: 'x' }] }),
    view('good', {}, { facets: [tag] }),
  ]);
  assert.deepEqual(
    result.posts.map((p) => p.html),
    [
      '<p>Post object #bcsm</p>',
      '<p>Post string #bcsm</p>',
      '<p>Post entries #bcsm</p>',
      '<p>Post good <a href="https://bsky.app/hashtag/bcsm">#bcsm</a></p>',
    ],
  );
  assert.deepEqual(result.warnings, []);
});
