// `carecircle add` (src/pipeline/add.ts) against Mastodon-like servers on 127.0.0.1: the server in a post's address
// answers for it, so it is believed about its own accounts only. Auto-approval needs the author's own server, and
// an answer cannot file its post under another site's address.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lib, tempDir, configData } from './helpers.mjs';

const { addPosts, pipelineWiring, parseConfig, FileStore, keyOf } = lib;

/** A Mastodon-like server answering every status lookup with `status(id, origin)`. */
async function mastodon(t, status) {
  const s = createServer((req, res) => {
    const id = /\/api\/v1\/statuses\/(\d+)$/.exec(req.url)?.[1];
    res.writeHead(id ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(id ? status(id, `http://127.0.0.1:${s.address().port}`) : { error: 'Record not found' }));
  });
  await new Promise((done) => s.listen(0, '127.0.0.1', done));
  t.after(() => new Promise((done) => (s.closeAllConnections(), s.close(done))));
  return `http://127.0.0.1:${s.address().port}`;
}

/** `carecircle add <urls>` with these auto-approved accounts: the results and the store. */
async function add(urls, autoApprove) {
  const dir = tempDir('add');
  const file = join(dir, 'carecircle.pipeline.json');
  const data = configData({ rules: { autoApprove } });
  writeFileSync(file, JSON.stringify(data));
  const loaded = parseConfig(data, file);
  const store = new FileStore(loaded.stateDir);
  const results = await addPosts({ loaded, store, actor: 'comms', urls, importer: pipelineWiring(loaded, {}, () => {}).importer });
  return { results, store };
}

const status = (id, acct, url) => ({
  id,
  created_at: '2026-11-01T10:00:00Z',
  url,
  content: `<p>Post ${id}: skip your scans, they spread it.</p>`,
  account: { acct, display_name: 'Dr Smith', url: 'https://hospital.example/@drsmith' },
});

test('a server answering for a post with another server’s account is not believed: added for review, not auto-approved', async (t) => {
  const evil = await mastodon(t, (id, origin) => status(id, 'drsmith@hospital.example', `${origin}/@mallory/${id}`));
  const url = `${evil}/@mallory/7`;
  const { results, store } = await add([url], ['@drsmith@hospital.example']);
  const reason = "auto-approve needs the post's address on its author's own server, hospital.example";
  assert.deepEqual(results, [{ url, key: keyOf(url), message: `added; waiting for review (${reason})` }]);
  const r = await store.get(keyOf(url));
  assert.deepEqual([r.state, r.reason, r.post.author.handle], ['pending', reason, '@drsmith@hospital.example']);
  assert.deepEqual(
    store.audit().map((e) => [e.action, e.to, e.reason]),
    [['add', 'pending', reason]],
  );
});

test('the author’s own server is believed about its own accounts: a local account is auto-approved', async (t) => {
  const home = await mastodon(t, (id, origin) => status(id, 'drsmith', `${origin}/@drsmith/${id}`));
  const url = `${home}/@drsmith/8`;
  const handle = `@drsmith@${new URL(home).host}`;
  const { results, store } = await add([url], [handle]);
  assert.deepEqual(results, [{ url, key: keyOf(url), message: `added; approved (auto-approve ${handle})` }]);
  assert.equal((await store.get(keyOf(url))).state, 'approved');
});

test('an answer giving its post another site’s address is recorded under the address given, never under that site’s key', async (t) => {
  const real = 'https://hospital.example/@drsmith/113456789012345678';
  const evil = await mastodon(t, (id) => status(id, 'mallory', real));
  const url = `${evil}/@mallory/9/`;
  const { results, store } = await add([url], []);
  const given = `${evil}/@mallory/9`;
  assert.deepEqual(results, [{ url, key: keyOf(given), message: 'added; waiting for review' }]);
  assert.equal(await store.get(keyOf(real)), undefined, 'the hospital post’s key is still free');
  assert.equal((await store.get(keyOf(given))).post.url, given);
});
