// The review desk's doors (src/pipeline/desk/guard.ts, server.ts): `carecircle review` on a real state folder,
// asked with raw HTTP requests that a browser would never let a page send (any Host, any Origin), so each refusal
// is shown to hold on its own. Needs `node scripts/build.mjs` first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pipelineFolder, record, startReview, raw, cookieOf, api, readRecords, readAudit } from './helpers.mjs';

let dir;
let desk;
let cookie;
const first = record(1);

before(async () => {
  dir = await pipelineFolder([first, record(2), record(3)]);
  desk = await startReview(dir);
  cookie = await cookieOf(desk);
});
after(() => desk?.stop());

/** Nothing in the store changed: every post still pending at version 1, and no audit line. */
const unchanged = async () => {
  for (const r of (await readRecords(dir)).values()) assert.deepEqual([r.state, r.version], ['pending', 1], `${r.key} changed`);
  assert.deepEqual(readAudit(dir), []);
};

test('the printed address is on 127.0.0.1 with a 32-byte token, and the server listens on loopback only', async () => {
  assert.match(desk.url, /^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}$/);
  const { networkInterfaces } = await import('node:os');
  const other = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal);
  if (other) {
    const { request } = await import('node:http');
    const error = await new Promise((resolve) => {
      const req = request({ host: other.address, port: desk.port, path: '/' }, () => resolve(undefined));
      req.on('error', resolve);
      req.end();
    });
    assert.equal(error?.code, 'ECONNREFUSED', `the desk answered on ${other.address}`);
  }
});

test('without the token every request is refused with 403: the page, its script and the API', async () => {
  for (const path of ['/', '/desk.js', '/api/posts', '/api/desk', '/?token=wrong', `/?token=${desk.token}x`]) {
    const r = await raw(desk, { path, headers: { 'x-carecircle-desk': '1' } });
    assert.equal(r.status, 403, path);
    assert.match(r.body, /needs its token/, path);
    assert.doesNotMatch(r.body, /Patient 1/, path);
  }
  const wrongCookie = await raw(desk, {
    path: '/api/posts',
    headers: { cookie: `carecircle_desk_${desk.port}=nope`, 'x-carecircle-desk': '1' },
  });
  assert.equal(wrongCookie.status, 403);
  const post = await raw(desk, {
    method: 'POST',
    path: '/api/decide',
    headers: { origin: desk.origin, 'content-type': 'application/json', 'x-carecircle-desk': '1' },
    body: JSON.stringify({ key: first.key, version: 1, action: 'approve' }),
  });
  assert.equal(post.status, 403);
  await unchanged();
});

test('the token is exchanged once for an HttpOnly SameSite=Strict cookie and leaves the address bar', async () => {
  const r = await raw(desk, { path: `/?token=${desk.token}` });
  assert.equal(r.status, 303);
  assert.equal(r.headers.location, '/');
  const [set] = r.headers['set-cookie'];
  assert.match(set, new RegExp(`^carecircle_desk_${desk.port}=${desk.token};`));
  assert.match(set, /; HttpOnly/);
  assert.match(set, /; SameSite=Strict/);
  assert.match(set, /; Path=\//);
  const page = await raw(desk, { path: '/', headers: { cookie } });
  assert.equal(page.status, 200);
  assert.match(page.body, /<care-review-desk>/);
  assert.doesNotMatch(page.body, /<script>|\son\w+=/i, 'no inline script in the page');
});

test('every answer carries the strict CSP, nosniff, no-referrer and no-store, refusals included', async () => {
  for (const r of [
    await raw(desk, { path: '/', headers: { cookie } }),
    await raw(desk, { path: '/' }),
    await api(desk, cookie, '/api/posts'),
  ]) {
    const csp = r.headers['content-security-policy'];
    for (const directive of [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "require-trusted-types-for 'script'",
    ])
      assert.ok(csp.includes(directive), `${directive} in ${csp}`);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
    assert.equal(r.headers['referrer-policy'], 'no-referrer');
    assert.equal(r.headers['cache-control'], 'no-store');
  }
});

test('a foreign Host (DNS rebinding) is refused with 421, even with the token and the cookie', async () => {
  for (const host of [
    `evil.example:${desk.port}`,
    `127.0.0.1.nip.io:${desk.port}`,
    '127.0.0.1',
    `127.0.0.1:${desk.port + 1}`,
    `[::1]:${desk.port}`,
  ]) {
    const page = await raw(desk, { path: `/?token=${desk.token}`, headers: { host, cookie } });
    assert.equal(page.status, 421, host);
    assert.equal(page.headers['set-cookie'], undefined, `no cookie for ${host}`);
    const list = await raw(desk, { path: '/api/posts', headers: { host, cookie, 'x-carecircle-desk': '1' } });
    assert.equal(list.status, 421, host);
    assert.equal(list.json.posts, undefined);
    const change = await raw(desk, {
      method: 'POST',
      path: '/api/decide',
      headers: { host, cookie, origin: `http://${host}`, 'content-type': 'application/json', 'x-carecircle-desk': '1' },
      body: JSON.stringify({ key: first.key, version: 1, action: 'approve' }),
    });
    assert.equal(change.status, 421, host);
  }
  // localhost is the desk's other own name.
  assert.equal((await raw(desk, { path: '/', headers: { host: `localhost:${desk.port}`, cookie } })).status, 200);
  await unchanged();
});

test('a change from another Origin is refused with 403 (and from no Origin, or another site by fetch metadata)', async () => {
  const body = JSON.stringify({ key: first.key, version: 1, action: 'approve' });
  const base = { cookie, 'content-type': 'application/json', 'x-carecircle-desk': '1' };
  for (const headers of [
    { ...base, origin: 'https://evil.example' },
    { ...base, origin: `http://127.0.0.1:${desk.port + 1}` },
    { ...base, origin: 'null' },
    base,
    { ...base, origin: desk.origin, 'sec-fetch-site': 'cross-site' },
    { ...base, origin: desk.origin, 'sec-fetch-site': 'same-site' },
  ]) {
    const r = await raw(desk, { method: 'POST', path: '/api/decide', headers, body });
    assert.equal(r.status, 403, JSON.stringify(headers));
    assert.equal(r.json.error, 'refused');
  }
  await unchanged();
});

test('a GET or a form POST that tries to change a post is refused, and nothing changes', async () => {
  const get = await raw(desk, {
    path: `/api/decide?key=${first.key}&version=1&action=approve`,
    headers: { cookie, 'x-carecircle-desk': '1' },
  });
  assert.equal(get.status, 405);
  assert.match(get.json.message, /never a GET/);
  const navigate = await raw(desk, { path: `/api/decide?key=${first.key}&version=1&action=approve`, headers: { cookie } });
  assert.equal(navigate.status, 403, 'a plain navigation to the API has no desk header');
  const form = await raw(desk, {
    method: 'POST',
    path: '/api/decide',
    headers: { cookie, origin: desk.origin, 'content-type': 'application/x-www-form-urlencoded', 'x-carecircle-desk': '1' },
    body: `key=${first.key}&version=1&action=approve`,
  });
  assert.equal(form.status, 403);
  assert.match(form.json.message, /JSON/);
  const plain = await raw(desk, {
    method: 'POST',
    path: '/api/decide',
    headers: { cookie, origin: desk.origin, 'content-type': 'text/plain' },
    body: JSON.stringify({ key: first.key, version: 1, action: 'approve' }),
  });
  assert.equal(plain.status, 403, 'text/plain JSON without the desk header (what a cross-site form can send)');
  const page = await raw(desk, { method: 'POST', path: '/', headers: { cookie, origin: desk.origin, 'content-type': 'application/json' } });
  assert.equal(page.status, 405);
  for (const method of ['PUT', 'DELETE', 'PATCH'])
    assert.equal((await raw(desk, { method, path: '/api/decide', headers: { cookie } })).status, 405);
  await unchanged();
});

test('a malformed decision gets a 400 naming the field; an unknown post a 404', async () => {
  const cases = [
    [{ key: first.key, version: '1', action: 'approve' }, /^version: must be the whole number/],
    [{ key: first.key, version: 1, action: 'publish-everything' }, /^action: must be one of approve, reject/],
    [{ key: first.key, version: 1, action: 'approve', extra: 1 }, /Unknown field "extra"/],
    [{ key: first.key, version: 1, action: 'edit-alt' }, /^alt: an image description edit needs/],
    [{ key: first.key, version: 1, action: 'restore', restore: { state: 'gone', pinned: false } }, /^restore\.state: must be one of/],
    [{ key: first.key, version: 1, action: 'reject', reason: 'x'.repeat(501) }, /^reason: at most 500 characters/],
    [[1, 2], /must be a JSON object/],
  ];
  for (const [body, message] of cases) {
    const r = await api(desk, cookie, '/api/decide', body);
    assert.equal(r.status, 400, JSON.stringify(body).slice(0, 80));
    assert.match(r.json.message, message);
  }
  const broken = await raw(desk, {
    method: 'POST',
    path: '/api/decide',
    headers: { cookie, origin: desk.origin, 'content-type': 'application/json', 'x-carecircle-desk': '1' },
    body: '{"key":',
  });
  assert.equal(broken.status, 400);
  assert.match(broken.json.message, /not valid JSON/);
  const missing = await api(desk, cookie, '/api/decide', { key: '0000000000000000', version: 1, action: 'approve' });
  assert.equal(missing.status, 404);
  const filter = await api(desk, cookie, '/api/posts?state=everything');
  assert.equal(filter.status, 400);
  assert.match(filter.json.message, /^state: must be all, pinned or one of/);
  await unchanged();
});

test('with the cookie, from its own page, a decision goes through the store and its audit log', async () => {
  const r = await api(desk, cookie, '/api/decide', { key: first.key, version: 1, action: 'reject', reason: 'personal medical details' });
  assert.equal(r.status, 200);
  assert.equal(r.json.record.state, 'rejected');
  assert.equal(r.json.counts.rejected, 1);
  const audit = readAudit(dir);
  assert.equal(audit.length, 1);
  assert.deepEqual(
    { actor: audit[0].actor, action: audit[0].action, key: audit[0].key, from: audit[0].from, to: audit[0].to, reason: audit[0].reason },
    { actor: 'nurse.kim', action: 'reject', key: first.key, from: 'pending', to: 'rejected', reason: 'personal medical details' },
  );
});
