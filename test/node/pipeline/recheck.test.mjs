// Publish's recheck follows redirects (a post whose server moved), checking every hop as it checks the first
// request: a server the config names, or else a public address. A hop it may not ask is not followed, and the post
// is kept as it was ("unknown"), never taken for deleted ("gone"). An answer naming another author is not believed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lib, tempDir, post, fakeSource, configData, readJson } from './helpers.mjs';

const { pipelineWiring, parseConfig, FileStore, collect, publish, keyOf } = lib;

/** A server on 127.0.0.1 answering each path with `route(path)` ({ status, location }), recording what it was asked. */
async function server(t, route = () => undefined) {
  const asked = [];
  const s = createServer((req, res) => {
    asked.push(req.url);
    const { status = 404, location, body = { error: 'Record not found' } } = route(req.url, s.address().port) ?? {};
    res.writeHead(status, { 'content-type': 'application/json', ...(location && { location }) });
    res.end(JSON.stringify(body));
  });
  await new Promise((done) => s.listen(0, '127.0.0.1', done));
  t.after(() => new Promise((done) => (s.closeAllConnections(), s.close(done))));
  return { asked, port: s.address().port, origin: `http://127.0.0.1:${s.address().port}` };
}

/** The CLI's wiring for a config whose Mastodon sources name `instances`; `network` stands in for DNS and "public". */
function wiring(instances, network) {
  const dir = tempDir('recheck');
  const file = join(dir, 'carecircle.pipeline.json');
  const data = configData({ sources: [{ type: 'mastodon', instances }] });
  writeFileSync(file, JSON.stringify(data));
  const loaded = parseConfig(data, file);
  return { loaded, dir, ...pipelineWiring(loaded, {}, () => {}, network) };
}

// Here 127.0.0.1 stands for a public server; new.example is public and inside.example is not.
const network = {
  isPublic: (ip) => ip === '127.0.0.1',
  resolve: async (host) => [{ address: host === 'inside.example' ? '10.0.0.7' : '127.0.0.1', family: 4 }],
};

test('a post whose server moved is followed to its new address: 404 or 410 there is "gone"', async (t) => {
  const moved = await server(t);
  // The old server sends every API request to the new one, which no longer has statuses 1 and 2.
  const old = await server(t, (path) => ({ status: 301, location: `http://new.example:${moved.port}${path}` }));
  const at = (id) => `${old.origin}/@nurse/${id}`;
  const recheck = wiring(['https://mastodon.example'], network).recheck;
  assert.equal(await recheck(at(1)), 'gone', '404 at the new address (its search finds nothing either)');
  assert.ok(moved.asked.includes('/api/v1/statuses/1'), moved.asked.join('\n'));
  assert.ok(
    moved.asked.some((p) => p.startsWith('/api/v2/search')),
    moved.asked.join('\n'),
  );

  const gone410 = await server(t, () => ({ status: 410 }));
  const old410 = await server(t, (path) => ({ status: 308, location: `http://new.example:${gone410.port}${path}` }));
  assert.equal(await recheck(`${old410.origin}/@nurse/2`), 'gone');
  assert.deepEqual(gone410.asked, ['/api/v1/statuses/2']);

  // A server the config names is followed the same way, hop by hop.
  const named = wiring([old410.origin], network).recheck;
  assert.equal(await named(`${old410.origin}/@nurse/3`), 'gone');
});

test('a redirect to an address the recheck may not ask is not followed: the post is kept ("unknown"), never "gone"', async (t) => {
  const inside = await server(t);
  const redirects = {
    1: (port) => `http://inside.example:${port}/api/v1/statuses/1`, // a name that resolves inside
    2: (port) => `http://10.0.0.1:${port}/api/v1/statuses/2`, // an inside address, written out
    3: () => `http://localhost:${inside.port}/api/v1/statuses/3`, // this machine, not named by the config
    4: () => 'file:///etc/passwd',
  };
  const old = await server(t, (path, port) => {
    const id = /\/statuses\/(\d+)$/.exec(path)?.[1];
    return { status: 302, location: redirects[id]?.(port) ?? `${path}x` };
  });
  const publicOld = wiring(['https://mastodon.example'], network).recheck;
  await assert.rejects(
    publicOld(`${old.origin}/@nurse/1`),
    /inside\.example is at 10\.0\.0\.7, an address on this machine or a private network/,
  );
  await assert.rejects(publicOld(`${old.origin}/@nurse/2`), /10\.0\.0\.1 is an address on this machine or a private network/);
  await assert.rejects(publicOld(`${old.origin}/@nurse/4`), /redirected to file:\/\/\/etc\/passwd, not an http\(s\) address/);
  // The team's own server, named in the config, may not send the recheck to another inside server either.
  const namedOld = wiring([old.origin]).recheck;
  await assert.rejects(
    namedOld(`${old.origin}/@nurse/3`),
    /localhost is at (127\.0\.0\.1|::1), an address on this machine or a private network/,
  );
  assert.deepEqual(inside.asked, [], 'no request reached an inside server');

  // Through publish: the refused post stays approved and published, one whose new address says 410 is removed.
  const gone = await server(t, () => ({ status: 410 }));
  const moved = await server(t, (path) => ({ status: 301, location: `http://new.example:${gone.port}${path}` }));
  const posts = [post(1, { url: `${old.origin}/@nurse/1` }), post(2, { url: `${moved.origin}/@nurse/2` })];
  const w = wiring(['https://mastodon.example'], network);
  const store = new FileStore(w.loaded.stateDir, { now: () => new Date('2026-12-01T10:00:00.000Z') });
  await collect({ loaded: w.loaded, store, sources: [fakeSource('fake:a', posts)], fetch: w.fetch, actor: 'c' });
  for (const r of await store.list())
    assert.equal((await store.decide({ key: r.key, version: r.version, action: 'approve' }, 'nurse')).ok, true);
  const warnings = [];
  await publish({ loaded: w.loaded, store, actor: 'p', ...w.publishing, warn: (m) => warnings.push(m) });
  assert.equal((await store.get(keyOf(posts[0].url))).state, 'approved');
  assert.equal((await store.get(keyOf(posts[1].url))).state, 'removed');
  assert.deepEqual(
    readJson(join(w.loaded.publishDir, 'bcsm.json')).posts.map((p) => p.id),
    ['p1'],
  );
  assert.ok(
    warnings.some((m) => /recheck 127\.0\.0\.1:\d+: .*inside\.example is at 10\.0\.0\.7.*; 1 post from there kept as they were/.test(m)),
    warnings.join('\n'),
  );
});

test('a redirect loop ends after 5 redirects, the post kept as it was', async (t) => {
  const loop = await server(t, (path, port) => ({ status: 302, location: `http://127.0.0.1:${port}${path}` }));
  const recheck = wiring([loop.origin]).recheck;
  await assert.rejects(recheck(`${loop.origin}/@nurse/7`), /more than 5 redirects/);
  assert.equal(loop.asked.length, 6, 'the first request and 5 redirects, each asked once');
});

test('a recheck answer naming another author is not believed: the approved post goes back to review under its own author', async (t) => {
  // Mallory's server answers the status lookup for her post as written by the hospital's auto-approved clinician.
  const claimed = {
    acct: 'drsmith@hospital.example',
    display_name: 'Dr Smith (Northside Hospital)',
    url: 'https://hospital.example/@drsmith',
  };
  const status = (id, port, content) => ({
    status: 200,
    body: { id, created_at: '2026-11-01T10:00:00Z', url: `http://127.0.0.1:${port}/@mallory/${id}`, content, account: claimed },
  });
  const evil = await server(t, (path, port) =>
    path.endsWith('/1')
      ? status('1', port, '<p>As your breast care nurse: stop chemo, try my clinic instead</p>')
      : status('2', port, '<p>Cheap casino chips here</p>'),
  );
  const dir = tempDir('recheck');
  const file = join(dir, 'carecircle.pipeline.json');
  const data = configData({
    sources: [{ type: 'mastodon', instances: ['https://mastodon.example'] }],
    rules: { autoApprove: ['@drsmith@hospital.example'], blockWords: ['casino'] },
  });
  writeFileSync(file, JSON.stringify(data));
  const loaded = parseConfig(data, file);
  const w = pipelineWiring(loaded, {}, () => {}, network);
  const mallory = { name: 'Mallory', handle: `@mallory@127.0.0.1:${evil.port}`, url: `${evil.origin}/@mallory` };
  const posts = [1, 2].map((n) =>
    post(n, { url: `${evil.origin}/@mallory/${n}`, author: mallory, text: `Thinking of everyone today ${n}` }),
  );
  const store = new FileStore(loaded.stateDir);
  await collect({ loaded, store, sources: [fakeSource('fake:a', posts)], fetch: w.fetch, actor: 'c' });
  for (const r of await store.list())
    assert.equal((await store.decide({ key: r.key, version: r.version, action: 'approve' }, 'nurse')).ok, true);

  const report = await publish({ loaded, store, actor: 'p', ...w.publishing });
  const [requeued, blocked] = await Promise.all(posts.map((p) => store.get(keyOf(p.url))));
  assert.deepEqual(report.requeued, [requeued.key]);
  assert.deepEqual(
    [requeued.state, requeued.reason, requeued.post.author, requeued.post.text],
    [
      'pending',
      'its source now names another author, @drsmith@hospital.example',
      mallory,
      'As your breast care nurse: stop chemo, try my clinic instead',
    ],
  );
  assert.deepEqual([blocked.state, blocked.reason, blocked.post.author], ['rejected', 'blocked word "casino"', mallory]);
  const requeue = store.audit().find((e) => e.action === 'requeue');
  assert.deepEqual([requeue.key, requeue.from, requeue.to, requeue.reason], [requeued.key, 'approved', 'pending', requeued.reason]);
  assert.deepEqual(readJson(join(loaded.publishDir, 'bcsm.json')).posts, [], 'nothing published, under any name');
});
