// Local stand-ins for the servers the `carecircle` pipeline reads (issue 15): Mastodon instances, Bluesky
// (PDS + AppView) and X's oEmbed endpoint, each an http server on 127.0.0.1 with a random port. They answer
// in the shapes of the recorded fixtures in test/fixtures/{mastodon,bluesky,x} (see the READMEs there), and
// generate as many posts as a test or the scale benchmark asks for, cheaply: a post's JSON is built only when
// a page that holds it is served.
//
// Every server records its requests (`requests`: method, path, headers) and how many it answered at once
// (`maxInFlight`), and can be told to fail the next requests (`failNext`): a 429 or 503 with a Retry-After, a
// 500, or a dropped connection. Nothing here reaches the network.
//
//   const m = await startMastodon({ posts: 120, tag: 'bcsm' });   // m.origin = http://127.0.0.1:PORT
//   const many = await startMastodons(50, { posts: 2000 });        // many.servers, many.origins, many.close()
//   const b = await startBluesky({ posts: 60 });                   // b.origin serves PDS and AppView methods
//   const x = await startOembed();                                 // x.endpoint = http://127.0.0.1:PORT/oembed
//   … await m.close();
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const fixture = (path) => JSON.parse(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8'));
/** The recorded responses, for tests that want to compare against them. */
export const fixtures = {
  mastodonTimeline: fixture('mastodon/mastodon_tag_timeline.json'),
  mastodonHeaders: fixture('mastodon/mastodon_tag_timeline.headers.json'),
  createSession: fixture('bluesky/createSession.json'),
  refreshSession: fixture('bluesky/refreshSession.json'),
  expiredToken: fixture('bluesky/error-expired-token.json'),
  badPassword: fixture('bluesky/error-bad-password.json'),
  notFound: fixture('bluesky/error-not-found.json'),
  searchPosts: fixture('bluesky/searchPosts.json'),
  getFeed: fixture('bluesky/getFeed.json'),
  getPostThread: fixture('bluesky/getPostThread.json'),
  getPosts: fixture('bluesky/getPosts.json'),
  oembed: fixture('x/oembed.json'),
};

/** HTML that must never survive a source: script, event handlers, a javascript: link, an iframe, a style. */
export const HOSTILE_HTML =
  '<p>Hello <script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">click</a> ' +
  '<a href="https://safe.example/page" onclick="alert(4)" style="color:red">safe link</a><iframe src="https://evil.example"></iframe>' +
  '<style>body{display:none}</style></p>';

/**
 * Counts requests in flight across several servers (pass the same tracker to each). With `holdUntil`, a
 * server holds each answer until that many requests are in flight across all servers sharing the tracker (or
 * `maxHoldMs` passed), so a test can see whether a client really sends to different hosts at once.
 */
export function concurrencyTracker({ holdUntil = 0, maxHoldMs = 1500 } = {}) {
  const waiters = new Set();
  const t = {
    inFlight: 0,
    maxInFlight: 0,
    async enter() {
      t.inFlight++;
      t.maxInFlight = Math.max(t.maxInFlight, t.inFlight);
      for (const w of waiters) if (t.inFlight >= holdUntil) w();
      if (holdUntil > 1 && t.inFlight < holdUntil)
        await new Promise((resolve) => {
          const done = () => {
            clearTimeout(timer);
            waiters.delete(done);
            resolve();
          };
          const timer = setTimeout(done, maxHoldMs);
          waiters.add(done);
        });
    },
    leave() {
      t.inFlight--;
    },
  };
  return t;
}

/** Starts a server on 127.0.0.1 (a free port) whose `handler(req, url, body)` returns {status, headers, body}. */
async function serve(handler, { tracker, delayMs = 0 } = {}) {
  const state = { requests: [], inFlight: 0, maxInFlight: 0, failures: [] };
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', async () => {
      const url = new URL(req.url, 'http://127.0.0.1');
      state.requests.push({ method: req.method, path: url.pathname + url.search, headers: req.headers, body: raw });
      state.inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
      await tracker?.enter();
      try {
        if (delayMs) await new Promise((r) => setTimeout(r, delayMs).unref());
        const failure = state.failures.shift() ?? undefined;
        if (failure?.drop) {
          req.socket.destroy();
          return;
        }
        const answer = failure
          ? {
              status: failure.status,
              headers: failure.retryAfter !== undefined ? { 'retry-after': String(failure.retryAfter) } : {},
              body: failure.body ?? { error: 'Unavailable', message: `HTTP ${failure.status} (injected by the test)` },
            }
          : await handler(req, url, raw);
        const body = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
        res.writeHead(answer.status ?? 200, {
          'content-type': typeof answer.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
          ...answer.headers,
        });
        res.end(body);
      } catch (error) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'MockError', message: String(error?.stack ?? error) }));
      } finally {
        state.inFlight--;
        tracker?.leave();
      }
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    state,
    origin: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** `base` with `extra`'s properties, getters kept as getters (a spread would copy their values once). */
const extend = (base, extra) => Object.defineProperties(base, Object.getOwnPropertyDescriptors(extra));

/** Common controls every mock server has. */
function controls(s) {
  return {
    origin: s.origin,
    host: s.host,
    /** Every request: { method, path, headers, body }. */
    get requests() {
      return s.state.requests;
    },
    /** Most requests this server answered at the same time. */
    get maxInFlight() {
      return s.state.maxInFlight;
    },
    /**
     * The next `times` requests fail: `{ status: 429, retryAfter: 2 }` (seconds or an HTTP date), `{ status: 503 }`,
     * `{ status: 500, body }`, or `{ drop: true }` (the connection is closed without an answer). With `after`, that
     * many requests are answered normally first.
     */
    failNext(times, failure, after = 0) {
      for (let i = 0; i < after; i++) s.state.failures.push(null);
      for (let i = 0; i < times; i++) s.state.failures.push({ ...failure });
    },
    close: s.close,
  };
}

// ---------------------------------------------------------------- Mastodon

const compareIds = (a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
const template = fixtures.mastodonTimeline[0];
const imageTemplate = fixtures.mastodonTimeline[2].media_attachments?.[0];

/**
 * A Mastodon instance serving `GET /api/v1/timelines/tag/:tag` (`limit` ≤ 40, `max_id`, `since_id`, `min_id`,
 * `Link` rel="next"/"prev" as Mastodon writes it), `GET /api/v1/statuses/:id` (404 when unknown or deleted)
 * and `GET /api/v2/search?q=<url>&resolve=false`.
 *
 * Options: `posts` (how many, newest first; ids are increasing numeric strings), `tag`, `hostile` (every
 * third post's content is HOSTILE_HTML), `authors` (how many distinct accounts), `tracker`, `delayMs`,
 * `firstId` (a number: the oldest post's id, so instances can share or not share ids), `startAt` (the oldest
 * post's time, ms), `hidden` (the timeline answers 401, as servers set to `authenticated` do), `ignoreSince` (the
 * timeline does not honour `since_id`, as a server that only imitates Mastodon's API may not).
 */
export async function startMastodon(options = {}) {
  const {
    posts: count = 40,
    tag = 'bcsm',
    hostile = false,
    authors = 7,
    firstId = 110000000000000000n,
    startAt = Date.UTC(2026, 10, 1),
    hidden = false,
  } = options;
  let next = BigInt(firstId);
  const ids = []; // oldest first
  const index = new Map(); // id → its place in ids
  const gone = new Set();
  const extra = new Map(); // id → overrides (content…)
  const add = (n) => {
    const made = [];
    for (let i = 0; i < n; i++) made.push(String(next++));
    for (const id of made) index.set(id, ids.push(id) - 1);
    return made;
  };
  add(count);
  let s;
  const status = (id) => {
    const n = index.get(id) ?? 0;
    const user = `user${n % authors}`;
    const origin = s.origin;
    const createdAt = new Date(startAt + n * 60_000).toISOString();
    const content =
      extra.get(id)?.content ??
      (hostile && n % 3 === 0
        ? HOSTILE_HTML
        : `<p>Post ${n} about <a href="${origin}/tags/${tag}" class="mention hashtag" rel="tag">#<span>${tag}</span></a> from ${user}</p>`);
    return {
      ...template,
      id,
      created_at: createdAt,
      language: 'en',
      uri: `${origin}/users/${user}/statuses/${id}`,
      url: `${origin}/@${user}/${id}`,
      content,
      sensitive: false,
      spoiler_text: '',
      tags: [{ name: tag, url: `${origin}/tags/${tag}` }],
      account: {
        ...template.account,
        id: String(1000 + (n % authors)),
        username: user,
        acct: user,
        display_name: `User ${n % authors}`,
        url: `${origin}/@${user}`,
        uri: `${origin}/users/${user}`,
        avatar: `${origin}/avatars/${user}.png`,
        avatar_static: `${origin}/avatars/${user}.png`,
      },
      media_attachments:
        n % 5 === 4 && imageTemplate
          ? [
              {
                ...imageTemplate,
                id: `m${id}`,
                url: `${origin}/media/${id}.png`,
                preview_url: `${origin}/media/${id}.small.png`,
                description: `Picture ${n}`,
              },
            ]
          : [],
      ...extra.get(id)?.status,
    };
  };
  const visible = () => ids.filter((id) => !gone.has(id));
  s = await serve(
    (req, url) => {
      const p = url.searchParams;
      const timeline = url.pathname.match(/^\/api\/v1\/timelines\/tag\/([^/]+)$/);
      if (timeline) {
        if (hidden) return { status: 401, body: { error: 'This API requires an authenticated user' } };
        if (decodeURIComponent(timeline[1]).toLowerCase() !== tag.toLowerCase()) return { body: [] };
        const limit = Math.min(Math.max(Number(p.get('limit')) || 20, 1), 40);
        const max = p.get('max_id');
        const since = options.ignoreSince ? null : p.get('since_id');
        const min = p.get('min_id');
        let list = visible().filter(
          (id) => (!max || compareIds(id, max) < 0) && (!since || compareIds(id, since) > 0) && (!min || compareIds(id, min) > 0),
        );
        // min_id: the posts just above it (oldest first), still answered newest first; otherwise the newest.
        list = min ? list.slice(0, limit) : list.slice(-limit);
        list.reverse();
        const headers = {};
        if (list.length) {
          const base = `${s.origin}${url.pathname}`;
          headers.link = `<${base}?limit=${limit}&max_id=${list.at(-1)}>; rel="next", <${base}?limit=${limit}&min_id=${list[0]}>; rel="prev"`;
        }
        return { headers, body: list.map(status) };
      }
      const one = url.pathname.match(/^\/api\/v1\/statuses\/(\d+)$/);
      if (one) {
        const id = one[1];
        if (!index.has(id) || gone.has(id)) return { status: 404, body: { error: 'Record not found' } };
        return { body: status(id) };
      }
      if (url.pathname === '/api/v2/search') {
        const q = p.get('q') ?? '';
        const id = visible().find((i) => status(i).url === q || status(i).uri === q);
        return { body: { accounts: [], hashtags: [], statuses: id ? [status(id)] : [] } };
      }
      return { status: 404, body: { error: 'Not found' } };
    },
    { tracker: options.tracker, delayMs: options.delayMs },
  );
  return extend(controls(s), {
    tag,
    /** Ids of the posts it has, oldest first (deleted ones included). */
    get ids() {
      return ids;
    },
    /** The status JSON for an id, as the server would send it. */
    status,
    /** Adds `n` newer posts; returns their ids. */
    addPosts: (n) => add(n),
    /** Deletes a post: the timeline leaves it out and /api/v1/statuses/:id answers 404. */
    remove: (id) => gone.add(id),
    /** Changes a post (`content`, or any Status fields in `status`). */
    edit: (id, change) => extra.set(id, { ...extra.get(id), ...change }),
    /** The address of a post's page, as a person would paste it. */
    postUrl: (id) => status(id).url,
  });
}

/** `count` Mastodon instances with the same options; `close()` closes them all. */
export async function startMastodons(count, options = {}) {
  const servers = await Promise.all(Array.from({ length: count }, () => startMastodon(options)));
  return {
    servers,
    origins: servers.map((s) => s.origin),
    close: () => Promise.all(servers.map((s) => s.close())),
  };
}

// ---------------------------------------------------------------- Bluesky

const views = [...fixtures.searchPosts.posts];
const byteLength = (s) => Buffer.byteLength(s);

/**
 * Bluesky's PDS and AppView in one server: `com.atproto.server.createSession` (handle + app password),
 * `com.atproto.server.refreshSession`, `app.bsky.feed.searchPosts` (needs the access token; `q`, `limit` ≤ 100,
 * `cursor`, `lang`, `since`), `app.bsky.feed.getFeed`, `app.bsky.feed.getPostThread` and `app.bsky.feed.getPosts`
 * (public, like public.api.bsky.app).
 *
 * Access tokens expire after `accessUses` authenticated requests (default: never) or when the test calls
 * `expireAccess()`; an expired token gets HTTP 400 `ExpiredToken` as the PDS answers. Options: `handle`,
 * `password` (the app password it accepts), `posts` (generated search hits after the recorded ones), `hostile`.
 */
export async function startBluesky(options = {}) {
  const {
    handle = fixtures.createSession.handle,
    password = 'abcd-efgh-ijkl-mnop',
    posts: count = 0,
    accessUses = Infinity,
    hostile = false,
  } = options;
  const tokens = { access: new Map(), refresh: new Set() };
  let serial = 0;
  const stats = { created: 0, refreshed: 0 };
  const gone = new Set();
  const issue = () => {
    serial++;
    const accessJwt = `${fixtures.createSession.accessJwt}.${serial}`;
    const refreshJwt = `${fixtures.createSession.refreshJwt}.${serial}`;
    tokens.access.set(accessJwt, accessUses);
    tokens.refresh.add(refreshJwt);
    return { accessJwt, refreshJwt };
  };
  // Generated posts, newest first, after the recorded ones; built when served.
  const generated = (i) => {
    const text = hostile && i % 2 === 0 ? 'Look <img src=x onerror=alert(1)> #bcsm' : `Generated post ${i} #bcsm`;
    const did = `did:plc:generated${String(i % 9).padStart(15, '0')}`;
    const start = byteLength(text) - byteLength('#bcsm');
    return {
      ...views[1],
      uri: `at://${did}/app.bsky.feed.post/3gen${String(i).padStart(9, '0')}`,
      cid: `bafyreigen${i}`,
      author: { ...views[1].author, did, handle: `member${i % 9}.bsky.social`, displayName: `Member ${i % 9}` },
      record: {
        $type: 'app.bsky.feed.post',
        text,
        langs: [i % 4 === 3 ? 'es' : 'en'],
        createdAt: new Date(Date.UTC(2026, 10, 29) - i * 60_000).toISOString(),
        facets: [
          {
            $type: 'app.bsky.richtext.facet',
            index: { byteStart: start, byteEnd: start + 5 },
            features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'bcsm' }],
          },
        ],
      },
      indexedAt: new Date(Date.UTC(2026, 10, 29) - i * 60_000).toISOString(),
    };
  };
  const all = () => [...views, ...Array.from({ length: count }, (_, i) => generated(i))].filter((v) => !gone.has(v.uri));
  const xrpcError = (status, body) => ({ status, body });
  const bearer = (req) => (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
  const s = await serve(
    (req, url, raw) => {
      const p = url.searchParams;
      const method = url.pathname.replace(/^\/xrpc\//, '');
      switch (method) {
        case 'com.atproto.server.createSession': {
          if (req.method !== 'POST') return xrpcError(405, { error: 'InvalidRequest', message: 'Use POST' });
          let input;
          try {
            input = JSON.parse(raw);
          } catch {
            return xrpcError(400, { error: 'InvalidRequest', message: 'Request body must be JSON' });
          }
          if (input.identifier !== handle || input.password !== password) return xrpcError(401, fixtures.badPassword);
          stats.created++;
          return { body: { ...fixtures.createSession, handle, ...issue() } };
        }
        case 'com.atproto.server.refreshSession': {
          const token = bearer(req);
          if (!tokens.refresh.has(token)) return xrpcError(400, { error: 'ExpiredToken', message: 'Token has been revoked' });
          tokens.refresh.delete(token); // refresh tokens are single-use
          stats.refreshed++;
          return { body: { ...fixtures.refreshSession, handle, ...issue() } };
        }
        case 'app.bsky.feed.searchPosts': {
          const token = bearer(req);
          if (!token) return xrpcError(401, { error: 'AuthMissing', message: 'Authentication Required' });
          const uses = tokens.access.get(token);
          if (uses === undefined) return xrpcError(401, { error: 'InvalidToken', message: 'Bad token scope' });
          if (uses <= 0) return xrpcError(400, fixtures.expiredToken);
          tokens.access.set(token, uses - 1);
          const q = (p.get('q') ?? '').toLowerCase();
          if (!q) return xrpcError(400, { error: 'InvalidRequest', message: 'Error: Params must have the property "q"' });
          const lang = p.get('lang');
          const since = p.get('since') ? Date.parse(p.get('since')) : undefined;
          const words = q.split(/\s+/).filter(Boolean);
          const hits = all().filter(
            (v) =>
              words.every((w) => v.record.text.toLowerCase().includes(w)) &&
              (!lang || (v.record.langs ?? []).includes(lang)) &&
              (since === undefined || Date.parse(v.record.createdAt) >= since),
          );
          const limit = Math.min(Math.max(Number(p.get('limit')) || 25, 1), 100);
          const from = Number(p.get('cursor') ?? 0);
          const page = hits.slice(from, from + limit);
          return { body: { ...(from + limit < hits.length ? { cursor: String(from + limit) } : {}), hitsTotal: hits.length, posts: page } };
        }
        case 'app.bsky.feed.getFeed': {
          if (!p.get('feed')) return xrpcError(400, { error: 'InvalidRequest', message: 'Error: Params must have the property "feed"' });
          const feed = [...fixtures.getFeed.feed, ...Array.from({ length: count }, (_, i) => ({ post: generated(i) }))].filter(
            (f) => !gone.has(f.post.uri),
          );
          const limit = Math.min(Math.max(Number(p.get('limit')) || 50, 1), 100);
          const from = Number(p.get('cursor') ?? 0);
          return {
            body: { feed: feed.slice(from, from + limit), ...(from + limit < feed.length ? { cursor: String(from + limit) } : {}) },
          };
        }
        case 'app.bsky.feed.getPostThread': {
          const uri = p.get('uri') ?? '';
          const [, repo, , rkey] = uri.match(/^at:\/\/([^/]+)\/([^/]+)\/([^/]+)$/) ?? [];
          const view = all().find((v) => v.uri.endsWith(`/${rkey}`) && (v.uri.includes(`//${repo}/`) || v.author.handle === repo));
          if (!view) return xrpcError(400, { ...fixtures.notFound, message: `Post not found: ${uri}` });
          return { body: { thread: { $type: 'app.bsky.feed.defs#threadViewPost', post: view, replies: [] } } };
        }
        case 'app.bsky.feed.getPosts': {
          const uris = p.getAll('uris');
          if (uris.length > 25)
            return xrpcError(400, { error: 'InvalidRequest', message: 'Error: uris must not have more than 25 elements' });
          const known = all();
          return { body: { posts: uris.map((u) => known.find((v) => v.uri === u)).filter(Boolean) } };
        }
        default:
          return xrpcError(501, { error: 'MethodNotImplemented', message: `Method Not Implemented: ${method}` });
      }
    },
    { tracker: options.tracker, delayMs: options.delayMs },
  );
  return extend(controls(s), {
    handle,
    password,
    /** How many sessions were created and refreshed. */
    stats,
    /** Every access token issued so far now answers ExpiredToken. */
    expireAccess: () => {
      for (const t of tokens.access.keys()) tokens.access.set(t, 0);
    },
    /** Every refresh token issued so far is revoked: refreshSession answers ExpiredToken ("Token has been revoked"). */
    revokeRefresh: () => tokens.refresh.clear(),
    /** Deletes a post by its at:// uri (getPosts leaves it out, getPostThread answers NotFound). */
    remove: (uri) => gone.add(uri),
    /** All post views it serves, newest first. */
    get posts() {
      return all();
    },
  });
}

// ---------------------------------------------------------------- X oEmbed

/**
 * X's public oEmbed endpoint, `GET /oembed?url=…&omit_script=true&dnt=true`, answering the recorded example
 * (test/fixtures/x/oembed.json) for its tweet and a made-up one for any other `/status/<id>` the test adds
 * with `addTweet`. Unknown tweets get 404 with an empty body, as publish.twitter.com answers. `ignoreOmitScript`
 * keeps the widgets.js script even when asked to omit it; `hostile` puts HOSTILE_HTML inside the tweet text.
 */
export async function startOembed(options = {}) {
  const { ignoreOmitScript = false, hostile = false } = options;
  const tweets = new Map([['463440424141459456', fixtures.oembed]]);
  const s = await serve(
    (req, url) => {
      if (url.pathname !== '/oembed') return { status: 404, body: '' };
      const target = url.searchParams.get('url') ?? '';
      const id = target.match(/^https:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/[^/]+\/status(?:es)?\/(\d+)/)?.[1];
      const tweet = id && tweets.get(id);
      if (!tweet) return { status: 404, body: '' };
      let html = tweet.html;
      if (hostile) html = html.replace('<p lang="en" dir="ltr">', `<p lang="en" dir="ltr">${HOSTILE_HTML}`);
      if (url.searchParams.get('omit_script') === 'true' && !ignoreOmitScript)
        html = html.replace(/\n?<script[\s\S]*?<\/script>\n?/g, '\n');
      return { body: { ...tweet, html } };
    },
    { tracker: options.tracker, delayMs: options.delayMs },
  );
  return extend(controls(s), {
    endpoint: `${s.origin}/oembed`,
    /** Serves a tweet `id` by `user` with `text` (plain) and `date` ("May 5, 2014"). */
    addTweet(id, { user = 'CareCircleTest', name = 'CareCircle Test', text = 'A tweet', date = 'June 1, 2026' } = {}) {
      const esc = (v) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      tweets.set(id, {
        ...fixtures.oembed,
        url: `https://twitter.com/${user}/status/${id}`,
        author_name: name,
        author_url: `https://twitter.com/${user}`,
        html: `<blockquote class="twitter-tweet"><p lang="en" dir="ltr">${esc(text)}</p>&mdash; ${esc(name)} (@${user}) <a href="https://twitter.com/${user}/status/${id}?ref_src=twsrc%5Etfw">${date}</a></blockquote>\n<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>\n`,
      });
    },
  });
}
