// The pipeline's Mastodon and Bluesky sources (src/pipeline/sources/) against servers on 127.0.0.1 that answer
// in the recorded shapes (mock-servers.mjs, test/fixtures/{mastodon,bluesky}).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startBluesky, startMastodon, startMastodons } from './mock-servers.mjs';
import { pipeline } from './load.mjs';

const { politeFetch, sourcesFrom, sourceConfigSchema, mastodonSource, blueskySearchSource, blueskyFeedSource } = await pipeline();

const fetch = politeFetch({ userAgent: 'CareCircle/0.1.0 (+https://hospital.example/contact)', sleep: async () => {} });
const context = (extra = {}) => {
  const progress = [];
  return { fetch, env: {}, progress: (m) => progress.push(m), limit: 1000, lines: progress, ...extra };
};
const timelineRequests = (m) => m.requests.filter((r) => r.path.startsWith('/api/v1/timelines/tag/'));
const param = (path, name) => new URL(path, 'http://x').searchParams.get(name);

/**
 * Nothing a remote server sent as markup survives: the only tags are p, br, a and span, the only attributes
 * an http(s) href and a class, and no `<` stands unescaped outside a tag.
 */
const assertNoActiveMarkup = (html) => {
  for (const [tag, name, attrs] of html.matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)) {
    assert.match(name, /^(p|br|a|span)$/, `${tag} in ${html}`);
    assert.match(attrs, /^(\s(href="https?:\/\/[^"<>]*"|class="[a-z -]*"))*$/, `${tag} in ${html}`);
  }
  assert.doesNotMatch(html.replace(/<\/?(p|br|a|span)(\s[^>]*)?>/g, ''), /[<>"]/, html);
};

test('sourcesFrom makes one source per Mastodon server, each named by its host and tag', async () => {
  const config = sourceConfigSchema.parse({ type: 'mastodon', instances: ['https://mastodon.social', 'https://mastodon.online/'] });
  const sources = sourcesFrom(
    [config, sourceConfigSchema.parse({ type: 'bluesky-feed', feed: 'at://did:plc:abc/app.bsky.feed.generator/bcsm' })],
    {
      hashtag: '#BCSM',
    },
  );
  assert.deepEqual(
    sources.map((s) => s.id),
    ['mastodon:mastodon.social#bcsm', 'mastodon:mastodon.online#bcsm', 'bluesky-feed:at://did:plc:abc/app.bsky.feed.generator/bcsm'],
  );
});

test('Mastodon, first run: pages back through Link rel="next" and stores the newest id as the cursor', async (t) => {
  const m = await startMastodon({ posts: 100 });
  t.after(m.close);
  const c = context();
  const result = await mastodonSource(m.origin, 'bcsm').collect(c);
  assert.equal(result.posts.length, 100);
  assert.deepEqual(result.warnings, []);
  assert.equal(result.cursor, m.ids.at(-1));
  assert.deepEqual(
    result.posts.map((p) => p.id),
    [...m.ids].reverse(),
    'newest first, none twice',
  );
  const pages = timelineRequests(m);
  assert.equal(pages.length, 4, '40 + 40 + 20, then an empty page');
  assert.equal(param(pages[0].path, 'limit'), '40');
  assert.equal(param(pages[1].path, 'max_id'), m.ids[60]);
  assert.deepEqual(c.lines.slice(0, 2), [`${m.host}: page 1, 40 posts`, `${m.host}: page 2, 80 posts`]);
  for (const p of result.posts) {
    assert.equal(p.nodes, undefined, 'nodes are never stored');
    assert.equal(typeof p.text, 'string');
    assert.match(p.author.handle, new RegExp(`^@user\\d@${m.host.replace(/\./g, '\\.')}$`));
  }
  const withPicture = result.posts.find((p) => p.media?.length);
  assert.equal(withPicture.media[0].alt.startsWith('Picture '), true);
  assert.match(
    result.posts[0].html,
    /^<p>Post 99 about <a href="http:\/\/127\.0\.0\.1:\d+\/tags\/bcsm"><span class="mention hashtag">|^<p>Post 99 about <a href=/,
  );
});

test('Mastodon, next run: asks only for posts after the cursor (since_id on every page) and stops there', async (t) => {
  const m = await startMastodon({ posts: 60 });
  t.after(m.close);
  const source = mastodonSource(m.origin, 'bcsm');
  const first = await source.collect(context());
  const added = m.addPosts(50);
  m.requests.length = 0;
  const second = await source.collect(context({ cursor: first.cursor }));
  assert.deepEqual(second.posts.map((p) => p.id).sort(), [...added].sort());
  assert.equal(second.cursor, added.at(-1));
  assert.deepEqual(second.warnings, []);
  for (const r of timelineRequests(m)) assert.equal(param(r.path, 'since_id'), first.cursor, r.path);

  m.requests.length = 0;
  const third = await source.collect(context({ cursor: second.cursor }));
  assert.deepEqual(third.posts, []);
  assert.equal(third.cursor, second.cursor, 'nothing new keeps the cursor');
  assert.equal(timelineRequests(m).length, 1);
});

test('Mastodon: the limit bounds a run; reaching it with a cursor says that older new posts were left', async (t) => {
  const m = await startMastodon({ posts: 90 });
  t.after(m.close);
  const source = mastodonSource(m.origin, 'bcsm');
  const first = await source.collect(context({ limit: 50 }));
  assert.equal(first.posts.length, 50);
  assert.deepEqual(
    first.posts.map((p) => p.id),
    m.ids.slice(-50).reverse(),
    'the newest 50',
  );
  assert.deepEqual(first.warnings, [], 'a first run is expected to stop at the limit');
  m.addPosts(100);
  const second = await source.collect(context({ cursor: first.cursor, limit: 30 }));
  assert.equal(second.posts.length, 30);
  assert.equal(second.cursor, m.ids.at(-1));
  assert.deepEqual(second.warnings, [`${m.host}: stopped at the limit of 30 posts; older posts since the last run were not read.`]);
});

test('Mastodon: a page cut short by the limit says so, even when the same page reaches the cursor', async (t) => {
  // A server that answers with old posts too (it does not honour since_id): the first page has 35 new posts and 5
  // older than the cursor; a limit of 30 reads 30 of the new ones, and the next run starts from the newest.
  const m = await startMastodon({ posts: 90, ignoreSince: true });
  t.after(m.close);
  const source = mastodonSource(m.origin, 'bcsm');
  const first = await source.collect(context({ limit: 50 }));
  m.addPosts(35);
  const second = await source.collect(context({ cursor: first.cursor, limit: 30 }));
  assert.deepEqual(
    second.posts.map((p) => p.id),
    m.ids.slice(-30).reverse(),
  );
  assert.deepEqual(second.warnings, [`${m.host}: stopped at the limit of 30 posts; older posts since the last run were not read.`]);
  // With room for them all, the same answer reaches the cursor: nothing is left, nothing is said.
  const third = await source.collect(context({ cursor: first.cursor, limit: 40 }));
  assert.equal(third.posts.length, 35);
  assert.deepEqual(third.warnings, []);
});

test('Mastodon: hostile HTML is reduced to the allowlist and written back escaped', async (t) => {
  const m = await startMastodon({ posts: 9, hostile: true });
  t.after(m.close);
  const { posts } = await mastodonSource(m.origin, 'bcsm').collect(context());
  const hostile = posts.filter((p) => p.text.includes('Hello'));
  assert.equal(hostile.length, 3);
  for (const p of posts) assertNoActiveMarkup(p.html);
  assert.match(hostile[0].html, /<a href="https:\/\/safe\.example\/page">safe link<\/a>/);
  assert.match(hostile[0].text, /^Hello clicksafe link$|^Hello click ?safe link$/);
  assert.doesNotMatch(hostile[0].text, /alert/);
});

test('Mastodon: a server that hides its timelines fails the source with a plain reason; a later page failing keeps the earlier ones', async (t) => {
  const hidden = await startMastodon({ posts: 5, hidden: true });
  const m = await startMastodon({ posts: 100 });
  t.after(() => Promise.all([hidden.close(), m.close()]));
  await assert.rejects(mastodonSource(hidden.origin, 'bcsm').collect(context()), {
    message: `${hidden.host} does not share its hashtag timelines publicly (HTTP 401).`,
  });
  m.failNext(1, { status: 404 }, 1);
  const result = await mastodonSource(m.origin, 'bcsm').collect(context());
  assert.equal(result.posts.length, 40);
  assert.equal(result.cursor, undefined, 'no cursor yet: the next run pages back again for the 60 it could not read');
  assert.equal(result.warnings.length, 1);
  assert.match(result.warnings[0], /'s #bcsm timeline: not found \(HTTP 404\).* \(page 2; the 40 posts before it are kept\)\.$/);
});

test('Mastodon: a later page failing after a cursor keeps the old cursor, so the next run reads the posts it missed', async (t) => {
  const m = await startMastodon({ posts: 10 });
  t.after(m.close);
  const source = mastodonSource(m.origin, 'bcsm');
  const first = await source.collect(context());
  const added = m.addPosts(100);
  m.failNext(1, { status: 404 }, 1);
  const second = await source.collect(context({ cursor: first.cursor }));
  assert.equal(second.posts.length, 40);
  assert.equal(second.cursor, first.cursor, 'the cursor does not jump over the 60 posts page 2 would have brought');
  const third = await source.collect(context({ cursor: second.cursor ?? first.cursor }));
  assert.deepEqual(third.posts.map((p) => p.id).sort(), [...added].sort(), 'every new post is read in the end');
});

test('Mastodon: a bad status is skipped with a warning naming it; the rest are kept', async (t) => {
  const m = await startMastodon({ posts: 3 });
  t.after(m.close);
  m.edit(m.ids[1], { status: { created_at: 'yesterday' } });
  const result = await mastodonSource(m.origin, 'bcsm').collect(context());
  assert.equal(result.posts.length, 2);
  assert.equal(result.warnings.length, 1);
  assert.match(result.warnings[0], new RegExp(`skipped post ${m.postUrl(m.ids[1]).replace(/[.?]/g, '\\$&')}: createdAt: `));
});

test('Mastodon: many servers are collected side by side, never two requests at once to one', async (t) => {
  const many = await startMastodons(4, { posts: 120, delayMs: 5 });
  t.after(many.close);
  const sources = sourcesFrom([sourceConfigSchema.parse({ type: 'mastodon', instances: many.origins })], { hashtag: 'bcsm' });
  const results = await Promise.all(sources.map((s) => s.collect(context())));
  assert.deepEqual(
    results.map((r) => r.posts.length),
    [120, 120, 120, 120],
  );
  for (const s of many.servers) assert.equal(s.maxInFlight, 1);
});

// ---------------------------------------------------------------- Bluesky

const env = (b) => ({ CARECIRCLE_BSKY_HANDLE: b.handle, CARECIRCLE_BSKY_APP_PASSWORD: b.password });
const search = (b, extra = {}) =>
  blueskySearchSource(sourceConfigSchema.parse({ type: 'bluesky-search', query: '#bcsm', service: b.origin, ...extra }));

test('Bluesky search: logs in with the handle and app password from the environment, then searches with the token', async (t) => {
  const b = await startBluesky();
  t.after(b.close);
  const result = await search(b).collect(context({ env: env(b) }));
  assert.deepEqual(b.stats, { created: 1, refreshed: 0 });
  const [login, query] = b.requests;
  assert.equal(login.method, 'POST');
  assert.equal(login.path, '/xrpc/com.atproto.server.createSession');
  assert.deepEqual(JSON.parse(login.body), { identifier: b.handle, password: b.password });
  assert.match(query.headers.authorization, /^Bearer ey/);
  assert.equal(query.headers['user-agent'], 'CareCircle/0.1.0 (+https://hospital.example/contact)');
  assert.equal(param(query.path, 'q'), '#bcsm');
  assert.equal(param(query.path, 'sort'), 'latest');

  // Four of the five recorded posts: the author labelled !no-unauthenticated is left out.
  assert.equal(result.posts.length, 4);
  assert.ok(!result.posts.some((p) => p.author.handle === '@quiet-reader.bsky.social'));
  const [nurse, charity, reply] = result.posts;
  assert.equal(nurse.url, 'https://bsky.app/profile/marianne-nurse.bsky.social/post/3lbx2ksd7s22c');
  assert.equal(nurse.language, 'es');
  assert.equal(nurse.nodes, undefined);
  assert.match(
    nurse.html,
    /<a href="https:\/\/www\.breastcancer\.example\/chemo-tips">https:\/\/www\.breastcancer\.example\/chemo-tips<\/a>/,
  );
  assert.match(nurse.html, /<a href="https:\/\/bsky\.app\/hashtag\/bcsm">#bcsm<\/a>/);
  assert.match(nurse.html, /<a href="https:\/\/bsky\.app\/profile\/did:plc:z72i7hdynmk6r22z27h6tvur">@breastcancer-support\.org\.uk<\/a>/);
  assert.match(nurse.text, /^Día 3 de quimio 💪🏽 — café y mantas/);
  assert.deepEqual(nurse.media, [
    {
      url: 'https://cdn.bsky.app/img/feed_thumbnail/plain/did:plc:7iza6de2dwap2sbkpav7c6c6/bafkreiblankets@jpeg',
      alt: 'Una taza de café junto a una manta de punto azul en el sillón del hospital de día',
      type: 'image',
    },
  ]);
  assert.match(charity.html, /<a href="https:\/\/breastcancer-support\.org\.uk\/chat">breastcancer-support\.org\.uk\/chat<\/a>/);
  assert.equal(reply.replyTo, 'at://did:plc:4hqjfn7m6n5hno3doamuhgef/app.bsky.feed.post/3lbwzv6q7n42x');
  assert.equal(result.cursor, '2026-11-30T21:14:09.512Z', 'the newest post time');
});

test('Bluesky search: an expired access token is refreshed once and the search goes on; the next run sends since', async (t) => {
  const b = await startBluesky({ posts: 150, accessUses: 1 });
  t.after(b.close);
  const source = search(b);
  const result = await source.collect(context({ env: env(b), limit: 250 }));
  assert.equal(result.posts.length, 150 + 4);
  assert.deepEqual(b.stats, { created: 1, refreshed: 1 });
  const paths = b.requests.map((r) => r.path.split('?')[0].replace('/xrpc/', ''));
  assert.deepEqual(paths, [
    'com.atproto.server.createSession',
    'app.bsky.feed.searchPosts',
    'app.bsky.feed.searchPosts', // ExpiredToken
    'com.atproto.server.refreshSession',
    'app.bsky.feed.searchPosts',
  ]);
  const refresh = b.requests[3];
  assert.match(refresh.headers.authorization, /^Bearer ey.*\.1$/, 'refreshed with the refresh token, not the access token');

  b.requests.length = 0;
  b.expireAccess();
  const next = await source.collect(context({ env: env(b), cursor: result.cursor }));
  assert.equal(param(b.requests.find((r) => r.path.includes('searchPosts')).path, 'since'), result.cursor);
  assert.ok(next.posts.length >= 1 && next.posts.length < 10, `only posts since the cursor (got ${next.posts.length})`);
  assert.deepEqual(b.stats, { created: 1, refreshed: 2 });
});

test('Bluesky search: a later page failing keeps the earlier posts but not the cursor they reached', async (t) => {
  const b = await startBluesky({ posts: 150 });
  t.after(b.close);
  b.failNext(1, { status: 404 }, 2); // the login and page 1 answer; page 2 does not
  const result = await search(b).collect(context({ env: env(b), limit: 250 }));
  assert.ok(result.posts.length >= 90 && result.posts.length <= 100, `page 1's posts (got ${result.posts.length})`);
  assert.equal(result.warnings.length, 1);
  assert.match(result.warnings[0], new RegExp(`\\(page 2; the ${result.posts.length} posts before it are kept\\)\\.$`));
  assert.equal(result.cursor, undefined, 'the next run asks again for the posts page 2 would have brought');
});

test('Bluesky search and feeds: reaching the limit before the last run\u2019s cursor says that older new posts were left', async (t) => {
  const b = await startBluesky({ posts: 150 });
  t.after(b.close);
  // The last run ended at generated post 100's time: 105 posts are newer (its own included, `since` being inclusive).
  const cursor = new Date(Date.UTC(2026, 10, 29) - 100 * 60_000).toISOString();
  const gap = (label, limit) => `${label}: stopped at the limit of ${limit} posts; older posts since the last run were not read.`;
  const limited = await search(b).collect(context({ env: env(b), cursor, limit: 30 }));
  assert.equal(limited.posts.length, 30);
  assert.equal(limited.cursor, '2026-11-30T21:14:09.512Z', 'the next run starts from the newest post read');
  assert.deepEqual(limited.warnings, [gap('Bluesky search "#bcsm"', 30)]);
  const whole = await search(b).collect(context({ env: env(b), cursor, limit: 250 }));
  assert.equal(whole.posts.length, 105);
  assert.deepEqual(whole.warnings, [], 'every new post read');
  assert.deepEqual(
    (await search(b).collect(context({ env: env(b), limit: 30 }))).warnings,
    [],
    'a first run is expected to stop at the limit',
  );

  const feed = blueskyFeedSource(
    sourceConfigSchema.parse({
      type: 'bluesky-feed',
      feed: 'at://did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.generator/bcsm',
      service: b.origin,
    }),
  );
  const feedLimited = await feed.collect(context({ cursor, limit: 30 }));
  assert.equal(feedLimited.posts.length, 30);
  assert.equal(feedLimited.warnings.length, 1);
  assert.match(feedLimited.warnings[0], /: stopped at the limit of 30 posts; older posts since the last run were not read\.$/);
  assert.deepEqual((await feed.collect(context({ cursor, limit: 250 }))).warnings, [], 'a page with nothing newer reached');
});

test('Bluesky search: a refresh token that no longer works means logging in again from the environment', async (t) => {
  const b = await startBluesky({ accessUses: 0 });
  t.after(b.close);
  // Every access token is born expired and refresh tokens are single-use: after one refresh the second search
  // answer is ExpiredToken again, and that is an error (not an endless loop).
  await assert.rejects(search(b).collect(context({ env: env(b) })), /ExpiredToken/);
  assert.deepEqual(b.stats, { created: 1, refreshed: 1 });
});

test('Bluesky search: when the refresh token is refused too, it logs in again from the environment', async (t) => {
  const b = await startBluesky();
  t.after(b.close);
  const source = search(b);
  await source.collect(context({ env: env(b) }));
  b.expireAccess();
  b.revokeRefresh();
  b.requests.length = 0;
  const again = await source.collect(context({ env: env(b) }));
  assert.equal(again.posts.length, 4);
  assert.deepEqual(b.stats, { created: 2, refreshed: 0 });
  assert.deepEqual(
    b.requests.map((r) => `${r.path.split('?')[0].replace('/xrpc/', '')} ${r.headers.authorization ? 'token' : ''}`.trim()),
    [
      'app.bsky.feed.searchPosts token',
      'com.atproto.server.refreshSession token',
      'com.atproto.server.createSession',
      'app.bsky.feed.searchPosts token',
    ],
  );
});

test('Bluesky search: missing or refused credentials are named by their variables; the app password never appears', async (t) => {
  const b = await startBluesky();
  t.after(b.close);
  await assert.rejects(search(b).collect(context({ env: {} })), {
    message:
      'Bluesky search needs a login: set CARECIRCLE_BSKY_HANDLE and CARECIRCLE_BSKY_APP_PASSWORD (a handle and an app password from Bluesky → Settings → Privacy and security → App passwords).',
  });
  const secret = 'wxyz-secret-pass-1234';
  const c = context({ env: { MY_HANDLE: b.handle, MY_PASSWORD: secret } });
  const logged = [];
  const noisy = politeFetch({ userAgent: 'CareCircle/test', sleep: async () => {}, log: (m) => logged.push(m) });
  b.failNext(1, { status: 503, retryAfter: 1 });
  let error;
  try {
    await search(b, { handleEnv: 'MY_HANDLE', passwordEnv: 'MY_PASSWORD' }).collect({ ...c, fetch: noisy });
  } catch (e) {
    error = e;
  }
  assert.equal(
    error?.message,
    `${b.host} refused the login: check the handle in MY_HANDLE and the app password in MY_PASSWORD (AuthenticationRequired).`,
  );
  const everything = [error.message, error.stack, ...logged, ...c.lines, ...b.requests.map((r) => r.path)].join('\n');
  assert.ok(logged.length > 0, 'the wait was logged');
  assert.doesNotMatch(everything, new RegExp(secret));
});

test('Bluesky search: a server message that echoes the app password has it blanked', async (t) => {
  const b = await startBluesky();
  t.after(b.close);
  const secret = 'echo-me-back-9999';
  b.failNext(1, { status: 400, body: { error: 'InvalidRequest', message: `bad password ${secret}` } });
  await assert.rejects(
    search(b).collect(context({ env: { CARECIRCLE_BSKY_HANDLE: b.handle, CARECIRCLE_BSKY_APP_PASSWORD: secret } })),
    (e) => {
      assert.match(e.message, /bad password \[app password\]/);
      assert.doesNotMatch(e.message + e.stack, new RegExp(secret));
      return true;
    },
  );
});

test('Bluesky feed: read without a login, reposts marked, unsafe links left as text, text that looks like markup escaped', async (t) => {
  const b = await startBluesky();
  t.after(b.close);
  const feed = 'at://did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.generator/bcsm';
  const result = await blueskyFeedSource(sourceConfigSchema.parse({ type: 'bluesky-feed', feed, service: b.origin })).collect(context());
  assert.ok(b.requests.every((r) => !r.headers.authorization));
  assert.equal(param(b.requests[0].path, 'feed'), feed);
  assert.equal(result.posts.length, 3);
  const [, repost, hostile] = result.posts;
  assert.equal(repost.boostOf, repost.id);
  assert.equal(
    hostile.html,
    '<p>Tips &lt;script&gt;alert(1)&lt;/script&gt; here: click me <a href="https://bsky.app/hashtag/bcsm">#bcsm</a></p>',
  );
  assert.equal(hostile.text, 'Tips <script>alert(1)</script> here: click me #bcsm', 'the text is kept as written; it is never markup');
  for (const p of result.posts) assertNoActiveMarkup(p.html);
});

test('Bluesky feed: pages by its cursor up to the limit; the next run stops at the first page with nothing newer', async (t) => {
  const b = await startBluesky({ posts: 150 });
  t.after(b.close);
  const feed = blueskyFeedSource(
    sourceConfigSchema.parse({
      type: 'bluesky-feed',
      feed: 'at://did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.generator/bcsm',
      service: b.origin,
    }),
  );
  const first = await feed.collect(context());
  assert.equal(first.posts.length, 153);
  assert.deepEqual(
    b.requests.map((r) => [param(r.path, 'limit'), param(r.path, 'cursor')]),
    [
      ['100', null],
      ['100', '100'],
    ],
  );
  assert.equal(first.cursor, '2026-11-30T21:14:09.512Z');
  b.requests.length = 0;
  const limited = await feed.collect(context({ limit: 30 }));
  assert.equal(limited.posts.length, 30);
  assert.equal(param(b.requests[0].path, 'limit'), '30');
  b.requests.length = 0;
  const next = await feed.collect(context({ cursor: first.cursor }));
  assert.equal(b.requests.length, 1);
  assert.equal(next.cursor, first.cursor);
});

test('Bluesky search: hostile text in generated posts stays escaped text', async (t) => {
  const b = await startBluesky({ posts: 4, hostile: true });
  t.after(b.close);
  const { posts } = await search(b).collect(context({ env: env(b) }));
  const hostile = posts.filter((p) => p.text.includes('<img'));
  assert.equal(hostile.length, 2);
  for (const p of posts) assertNoActiveMarkup(p.html);
  assert.match(hostile[0].html, /Look &lt;img src=x onerror=alert\(1\)&gt;/);
});
