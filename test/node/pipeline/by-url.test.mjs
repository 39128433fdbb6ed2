// `carecircle add <url…>` and the deletion check (src/pipeline/sources/by-url.ts) against servers on 127.0.0.1
// answering in the recorded shapes (mock-servers.mjs; test/fixtures/{mastodon,bluesky,x}).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { fixtures, HOSTILE_HTML, startBluesky, startMastodon, startOembed } from './mock-servers.mjs';
import { pipeline } from './load.mjs';

const { politeFetch, importUrls, importPost, exists, parsePostUrl } = await pipeline();

const fetch = politeFetch({ userAgent: 'CareCircle/0.1.0 (+https://hospital.example/contact)', sleep: async () => {}, retries: 1 });
const param = (path, name) => new URL(path, 'http://x').searchParams.get(name);

let oembed, bluesky;
const context = () => ({ fetch, env: { CARECIRCLE_X_OEMBED: oembed.endpoint, CARECIRCLE_BSKY_APPVIEW: bluesky.origin } });
test.before(async () => {
  oembed = await startOembed();
  bluesky = await startBluesky();
});
test.after(() => Promise.all([oembed.close(), bluesky.close()]));

test('addresses are told apart; anything else gets one plain sentence', () => {
  assert.deepEqual(parsePostUrl('https://mastodon.social/@drsmith/113456789012345678'), {
    kind: 'mastodon',
    origin: 'https://mastodon.social',
    id: '113456789012345678',
  });
  assert.deepEqual(parsePostUrl('https://mastodon.social/@ann@other.example/113456789012345678/'), {
    kind: 'mastodon',
    origin: 'https://mastodon.social',
    id: '113456789012345678',
  });
  assert.deepEqual(parsePostUrl('https://bsky.app/profile/marianne-nurse.bsky.social/post/3lbx2ksd7s22c'), {
    kind: 'bluesky',
    actor: 'marianne-nurse.bsky.social',
    rkey: '3lbx2ksd7s22c',
  });
  assert.deepEqual(parsePostUrl('https://twitter.com/Interior/status/463440424141459456?s=20'), {
    kind: 'x',
    user: 'Interior',
    id: '463440424141459456',
  });
  assert.deepEqual(parsePostUrl('https://x.com/Interior/status/463440424141459456'), {
    kind: 'x',
    user: 'Interior',
    id: '463440424141459456',
  });
  for (const bad of ['https://example.org/blog/post-1', 'https://x.com/Interior', 'http://mastodon.social/@a/1', 'javascript:alert(1)'])
    assert.deepEqual(parsePostUrl(bad), { error: `${bad}: not a Mastodon, Bluesky or X post address.` }, bad);
  assert.deepEqual(parsePostUrl('not a url'), { error: '"not a url" is not a web address.' });
});

test('a Mastodon status is read from its server by id; a deleted one is "deleted or private"', async (t) => {
  const m = await startMastodon({ posts: 3, hostile: true });
  t.after(m.close);
  const url = m.postUrl(m.ids[0]);
  m.remove(m.ids[2]);
  const [ok, gone] = await importUrls([url, m.postUrl(m.ids[2])], context());
  assert.equal(ok.error, undefined);
  assert.equal(ok.post.url, url);
  assert.equal(ok.post.id, m.ids[0]);
  assert.equal(ok.post.nodes, undefined);
  assert.equal(ok.post.html, '<p>Hello click <a href="https://safe.example/page">safe link</a></p>', 'hostile markup reduced');
  assert.equal(m.requests[0].path, `/api/v1/statuses/${m.ids[0]}`);
  assert.equal(m.requests[0].headers['user-agent'], 'CareCircle/0.1.0 (+https://hospital.example/contact)');
  assert.deepEqual(gone, {
    url: m.postUrl(m.ids[2]),
    error: `${m.postUrl(m.ids[2])}: deleted or private (the server has no public post at this address).`,
  });
  assert.equal(await importPost(m.postUrl(m.ids[2]), context()), 'gone');
});

test('a status this server shows from elsewhere, under an address that is not its id, is found through its search', async (t) => {
  const m = await startMastodon({ posts: 2 });
  t.after(m.close);
  const seen = `${m.origin}/@ann@remote.example/998877`;
  m.edit(m.ids[1], { status: { url: seen } });
  const [r] = await importUrls([seen], context());
  assert.equal(r.error, undefined);
  assert.equal(r.post.url, seen);
  assert.deepEqual(
    m.requests.map((q) => q.path.split('?')[0]),
    ['/api/v1/statuses/998877', '/api/v2/search'],
  );
  const search = m.requests[1].path;
  assert.equal(param(search, 'q'), seen);
  assert.equal(param(search, 'resolve'), 'false');
});

test('a search answer that is another post (one linking to the address, say) is not taken for it: the post is gone', async (t) => {
  const other = fixtures.mastodonTimeline[0];
  const server = createServer((req, res) => {
    const search = new URL(req.url, 'http://x').pathname === '/api/v2/search';
    res.writeHead(search ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(search ? { accounts: [], hashtags: [], statuses: [other] } : { error: 'Record not found' }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const url = `http://127.0.0.1:${server.address().port}/@ann@remote.example/998877`;
  assert.notEqual(other.url, url);
  assert.equal(await importPost(url, context()), 'gone');
});

test('a Bluesky post is read with the public getPostThread; a deleted one is gone', async () => {
  const url = 'https://bsky.app/profile/breastcancer-support.org.uk/post/3lbx1zzq4ab2k';
  bluesky.requests.length = 0;
  const [r, missing] = await importUrls([url, 'https://bsky.app/profile/breastcancer-support.org.uk/post/3deleted22'], context());
  assert.equal(r.error, undefined);
  assert.equal(r.post.id, 'at://did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.post/3lbx1zzq4ab2k');
  assert.equal(r.post.author.name, 'Breast Cancer Support UK');
  assert.match(r.post.html, /<a href="https:\/\/breastcancer-support\.org\.uk\/chat">/);
  const asked = bluesky.requests[0];
  assert.equal(asked.path.split('?')[0], '/xrpc/app.bsky.feed.getPostThread');
  assert.equal(param(asked.path, 'uri'), 'at://breastcancer-support.org.uk/app.bsky.feed.post/3lbx1zzq4ab2k');
  assert.equal(param(asked.path, 'depth'), '0');
  assert.equal(asked.headers.authorization, undefined, 'no login for public posts');
  assert.match(missing.error, /: deleted or private/);
});

test('an X post comes from oEmbed: text, author, date and link, and never its script', async () => {
  oembed.requests.length = 0;
  const [r] = await importUrls(['https://x.com/Interior/status/463440424141459456'], context());
  assert.equal(r.error, undefined);
  assert.deepEqual(
    { ...r.post, html: undefined },
    {
      id: '463440424141459456',
      url: 'https://x.com/Interior/status/463440424141459456',
      createdAt: '2014-05-05T22:09:42.079Z',
      author: { name: 'US Department of the Interior', handle: '@interior@x.com', url: 'https://x.com/Interior' },
      text: "Sunsets don't get much better than this one over @GrandTetonNPS. #nature #sunset pic.twitter.com/YuKy2rcjyU",
      html: undefined,
      language: 'en',
    },
  );
  assert.equal(
    r.post.html,
    '<p>Sunsets don&#39;t get much better than this one over <a href="https://twitter.com/GrandTetonNPS?ref_src=twsrc%5Etfw">@GrandTetonNPS</a>. ' +
      '<a href="https://twitter.com/hashtag/nature?src=hash&amp;ref_src=twsrc%5Etfw">#nature</a> ' +
      '<a href="https://twitter.com/hashtag/sunset?src=hash&amp;ref_src=twsrc%5Etfw">#sunset</a> <a href="http://t.co/YuKy2rcjyU">pic.twitter.com/YuKy2rcjyU</a></p>',
  );
  const asked = oembed.requests[0].path;
  assert.equal(param(asked, 'url'), 'https://twitter.com/Interior/status/463440424141459456');
  assert.equal(param(asked, 'omit_script'), 'true');
  assert.equal(param(asked, 'dnt'), 'true');
});

test('an X answer that keeps its script anyway, or carries hostile markup, is reduced all the same', async (t) => {
  const loud = await startOembed({ ignoreOmitScript: true, hostile: true });
  t.after(loud.close);
  const [r] = await importUrls(['https://twitter.com/Interior/status/463440424141459456'], {
    fetch,
    env: { CARECIRCLE_X_OEMBED: loud.endpoint },
  });
  assert.equal(r.error, undefined);
  assert.match(HOSTILE_HTML, /<script>/);
  assert.doesNotMatch(r.post.html, /<script|<style|<iframe|<img|onerror|onclick|javascript:|widgets\.js/);
  assert.doesNotMatch(r.post.text, /alert|widgets\.js/);
  assert.match(r.post.html, /^<p>Hello click <a href="https:\/\/safe\.example\/page">safe link<\/a>/);
});

test('an X post with an older id is dated from its byline; an unknown one is deleted or private', async () => {
  oembed.addTweet('20', { user: 'jack', name: 'jack', text: 'just setting up my twttr', date: 'March 21, 2006' });
  const [old, unknown] = await importUrls(['https://twitter.com/jack/status/20', 'https://x.com/jack/status/21'], context());
  assert.equal(old.post.createdAt, '2006-03-21T00:00:00.000Z');
  assert.equal(old.post.text, 'just setting up my twttr');
  assert.equal(unknown.error, 'https://x.com/jack/status/21: deleted or private (the server has no public post at this address).');
});

test('one bad address does not stop the others', async () => {
  const results = await importUrls(['https://example.org/nope', 'https://x.com/Interior/status/463440424141459456'], context());
  assert.equal(results[0].error, 'https://example.org/nope: not a Mastodon, Bluesky or X post address.');
  assert.equal(results[1].post.author.name, 'US Department of the Interior');
});

test('exists: gone only on a clear answer from the source, unknown on any doubt', async (t) => {
  const m = await startMastodon({ posts: 3 });
  t.after(m.close);
  const c = context();
  const post = (id) => ({ id, url: m.postUrl(id) });
  assert.equal(await exists(post(m.ids[0]), c), 'exists');
  m.remove(m.ids[1]);
  assert.equal(await exists(post(m.ids[1]), c), 'gone');
  m.failNext(2, { status: 503 });
  assert.equal(await exists(post(m.ids[2]), c), 'unknown', 'a server that is down proves nothing');

  const live = 'at://did:plc:7iza6de2dwap2sbkpav7c6c6/app.bsky.feed.post/3lbx2ksd7s22c';
  assert.equal(await exists({ id: live, url: 'https://bsky.app/profile/marianne-nurse.bsky.social/post/3lbx2ksd7s22c' }, c), 'exists');
  bluesky.remove(live);
  assert.equal(await exists({ id: live, url: 'https://bsky.app/profile/marianne-nurse.bsky.social/post/3lbx2ksd7s22c' }, c), 'gone');

  assert.equal(await exists({ id: '463440424141459456', url: 'https://x.com/Interior/status/463440424141459456' }, c), 'exists');
  assert.equal(await exists({ id: '1', url: 'https://x.com/jack/status/1' }, c), 'gone');
  assert.equal(await exists({ id: 'a', url: 'https://blog.example/post' }, c), 'unknown');
});

test("publish's recheck asks the servers the config names, and otherwise only public addresses: a post cannot send it inside the network", async (t) => {
  const { pipelineWiring, parseConfig } = await pipeline();
  const { tempDir } = await import('./helpers.mjs');
  const { writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const m = await startMastodon({ posts: 2 });
  t.after(m.close);
  const wiring = (sources) => {
    const file = join(tempDir('recheck'), 'carecircle.pipeline.json');
    const data = { site: { name: 'Test hospital', url: 'https://hospital.example/contact' }, hashtag: 'bcsm', sources };
    writeFileSync(file, JSON.stringify(data));
    return pipelineWiring(parseConfig(data, file), {}, () => {});
  };
  const address = m.postUrl(m.ids[0]);
  // The team's own server (here on 127.0.0.1), named in the config: asked.
  const named = wiring([{ type: 'mastodon', instances: [m.origin] }]);
  const found = await named.recheck(address);
  assert.equal(typeof found, 'object');
  assert.equal(found.url, address);
  const asked = m.requests.length;
  // The same address with no source naming its server: refused before any request, by the connection's own check.
  const other = wiring([{ type: 'mastodon', instances: ['https://mastodon.example'] }]);
  await assert.rejects(other.recheck(address), /127\.0\.0\.1 is an address on this machine or a private network/);
  assert.equal(m.requests.length, asked, 'no request reached the inside server');
  // `add` is given addresses by the person running it, so it may name an inside server.
  assert.equal(typeof (await other.importer(address)), 'object');
});
