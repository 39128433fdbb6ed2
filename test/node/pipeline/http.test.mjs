// The pipeline's polite fetch (src/pipeline/http.ts), against servers on 127.0.0.1 (mock-servers.mjs). Waits go
// through an injected sleep that records them and returns at once, so no test waits for a Retry-After.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { concurrencyTracker, startMastodon } from './mock-servers.mjs';
import { pipeline } from './load.mjs';

const { politeFetch, userAgent, PipelineFetchError } = await pipeline();

/** A polite fetch whose waits are recorded, not slept. */
const make = (options = {}) => {
  const waits = [];
  const fetch = politeFetch({
    userAgent: userAgent('https://hospital.example/contact'),
    sleep: async (ms) => void waits.push(ms),
    ...options,
  });
  return { fetch, waits };
};

test('every request names the site in its User-Agent', async (t) => {
  const m = await startMastodon({ posts: 3 });
  t.after(m.close);
  const { fetch } = make();
  const r = await fetch(`${m.origin}/api/v1/timelines/tag/bcsm`);
  assert.equal(r.status, 200);
  assert.equal((await r.json()).length, 3);
  assert.equal(m.requests[0].headers['user-agent'], 'CareCircle/0.1.0 (+https://hospital.example/contact)');
});

test('one request at a time per host, while different hosts are asked at the same time', async (t) => {
  // Each server holds its answers until two requests are in flight across both (or 1.5 s pass): a client that
  // sent one request at a time overall would never reach two.
  const tracker = concurrencyTracker({ holdUntil: 2 });
  const a = await startMastodon({ posts: 5, tracker });
  const b = await startMastodon({ posts: 5, tracker });
  t.after(() => Promise.all([a.close(), b.close()]));
  const { fetch } = make();
  const urls = [a, b, a, b, a, b].map((s, i) => `${s.origin}/api/v1/statuses/${s.ids[i % 5]}`);
  const answers = await Promise.all(urls.map((u) => fetch(u)));
  assert.deepEqual(
    answers.map((r) => r.status),
    [200, 200, 200, 200, 200, 200],
  );
  assert.equal(a.requests.length, 3);
  assert.equal(a.maxInFlight, 1, 'never two requests at once to one host');
  assert.equal(b.maxInFlight, 1, 'never two requests at once to one host');
  assert.equal(tracker.maxInFlight, 2, 'the two hosts were asked at the same time');
});

test('Retry-After in seconds is honoured on 429 and 503, then the request goes through', async (t) => {
  const m = await startMastodon({ posts: 2 });
  t.after(m.close);
  m.failNext(1, { status: 429, retryAfter: 7 });
  m.failNext(1, { status: 503, retryAfter: 3 });
  const { fetch, waits } = make();
  const r = await fetch(`${m.origin}/api/v1/statuses/${m.ids[0]}`);
  assert.equal(r.status, 200);
  assert.deepEqual(waits, [7000, 3000]);
  assert.equal(m.requests.length, 3);
});

test('Retry-After as an HTTP date is read against the injected clock', async (t) => {
  const m = await startMastodon({ posts: 1 });
  t.after(m.close);
  const now = Date.UTC(2026, 11, 1, 12, 0, 0);
  m.failNext(1, { status: 429, retryAfter: new Date(now + 45_000).toUTCString() });
  const { fetch, waits } = make({ now: () => now });
  assert.equal((await fetch(`${m.origin}/api/v1/statuses/${m.ids[0]}`)).status, 200);
  assert.deepEqual(waits, [45000]);
});

test('a Retry-After beyond the cap gives up at once with a clear error, and sends nothing more', async (t) => {
  const m = await startMastodon({ posts: 1 });
  t.after(m.close);
  m.failNext(1, { status: 429, retryAfter: 3600 });
  const { fetch, waits } = make({ maxRetryAfterSeconds: 120 });
  await assert.rejects(fetch(`${m.origin}/api/v1/statuses/${m.ids[0]}`), (e) => {
    assert.ok(e instanceof PipelineFetchError);
    assert.match(e.message, new RegExp(`^${m.host.replace(/\./g, '\\.')} asked us to wait 3600 s .*HTTP 429.*more than the 120 s`));
    return true;
  });
  assert.deepEqual(waits, []);
  assert.equal(m.requests.length, 1);
});

test('5xx answers to a GET are retried with doubling backoff, a bounded number of times', async (t) => {
  const m = await startMastodon({ posts: 1 });
  t.after(m.close);
  m.failNext(2, { status: 500 });
  const { fetch, waits } = make({ backoffMs: 250 });
  assert.equal((await fetch(`${m.origin}/api/v1/statuses/${m.ids[0]}`)).status, 200);
  assert.deepEqual(waits, [250, 500]);

  m.failNext(10, { status: 502 });
  const limited = make({ backoffMs: 100, retries: 2 });
  const r = await limited.fetch(`${m.origin}/api/v1/statuses/${m.ids[0]}`);
  assert.equal(r.status, 502, 'when tries run out the last answer is returned for the caller to word');
  assert.deepEqual(limited.waits, [100, 200]);
  assert.equal(m.requests.length, 3 + 3);
});

test('a POST that got a 500 is not sent again (it may have been applied)', async (t) => {
  const m = await startMastodon({ posts: 1 });
  t.after(m.close);
  m.failNext(1, { status: 500 });
  const { fetch, waits } = make();
  assert.equal((await fetch(`${m.origin}/api/v1/statuses`, { method: 'POST', body: '{}' })).status, 500);
  assert.deepEqual(waits, []);
  assert.equal(m.requests.length, 1);
});

test('a dropped connection is retried; when every try fails the error names the host and the tries', async (t) => {
  const m = await startMastodon({ posts: 1 });
  t.after(m.close);
  m.failNext(1, { drop: true });
  const { fetch, waits } = make({ backoffMs: 50 });
  assert.equal((await fetch(`${m.origin}/api/v1/statuses/${m.ids[0]}`)).status, 200);
  assert.deepEqual(waits, [50]);

  m.failNext(3, { drop: true });
  const failing = make({ backoffMs: 50, retries: 2 });
  await assert.rejects(failing.fetch(`${m.origin}/api/v1/statuses/${m.ids[0]}`), (e) => {
    assert.match(e.message, new RegExp(`^${m.host.replace(/\./g, '\\.')}: could not connect \\(.+\\) \\(tried 3 times\\)\\.$`));
    return true;
  });
});

test('a request that takes too long is cut off by the timeout', async (t) => {
  const m = await startMastodon({ posts: 1, delayMs: 5000 });
  t.after(m.close);
  const { fetch } = make({ timeoutMs: 100, retries: 0 });
  await assert.rejects(fetch(`${m.origin}/api/v1/statuses/${m.ids[0]}`), /: no answer within 100 ms \(tried 1 time\)\.$/);
});

test('while a host makes us wait, its other requests wait behind it (they are not sent meanwhile)', async (t) => {
  const m = await startMastodon({ posts: 2 });
  t.after(m.close);
  m.failNext(1, { status: 429, retryAfter: 5 });
  const order = [];
  let release;
  const gate = new Promise((r) => (release = r));
  const fetch = politeFetch({
    userAgent: 'CareCircle/test',
    sleep: async (ms) => {
      order.push(`wait ${ms} with ${m.requests.length} sent`);
      await gate;
    },
  });
  const first = fetch(`${m.origin}/api/v1/statuses/${m.ids[0]}`);
  const second = fetch(`${m.origin}/api/v1/statuses/${m.ids[1]}`);
  while (!order.length) await new Promise((r) => setImmediate(r));
  assert.deepEqual(order, ['wait 5000 with 1 sent']);
  assert.equal(m.requests.length, 1, 'the second request waits in the queue');
  release();
  assert.equal((await first).status, 200);
  assert.equal((await second).status, 200);
  assert.deepEqual(
    m.requests.map((r) => r.path.split('/').pop()),
    [m.ids[0], m.ids[0], m.ids[1]],
  );
});

test('an answer longer than the limit is cut off where the limit is reached, not downloaded whole and then refused', async (t) => {
  // A server that streams for as long as it is read (a misbehaving or hostile one), and says nothing of its length.
  let sent = 0;
  let closed;
  const gone = new Promise((r) => (closed = r));
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      while (!res.destroyed && res.write(chunk)) sent += chunk.length;
      if (!res.destroyed) res.once('drain', pump);
    };
    res.on('close', () => closed());
    pump();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  t.after(() => server.close());
  const url = `http://127.0.0.1:${server.address().port}/api/v1/timelines/tag/bcsm`;
  const { fetch } = make({ maxBytes: 200_000 });
  await assert.rejects(fetch(url), (e) => e instanceof PipelineFetchError && /larger than 200000 bytes/.test(e.message));
  await gone;
  assert.ok(sent < 8_000_000, `the server sent ${sent} bytes before the connection closed`);
  // A request may ask for less than the fetch's own limit, never more.
  const { fetch: generous } = make({ maxBytes: 50_000 });
  await assert.rejects(generous(url, { maxBytes: 10_000_000 }), /larger than 50000 bytes/);
  await assert.rejects(make().fetch(url, { maxBytes: 1000 }), /larger than 1000 bytes/);
});

test('an answer that declares a length over the limit is not read at all', async (t) => {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': '5000000' });
    res.write(Buffer.alloc(1000));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  t.after(() => (server.closeAllConnections(), server.close()));
  const { fetch, waits } = make({ maxBytes: 100_000 });
  await assert.rejects(fetch(`http://127.0.0.1:${server.address().port}/big.png`), /larger than 100000 bytes/);
  assert.deepEqual(waits, [], 'not tried again');
});
