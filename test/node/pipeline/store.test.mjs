// The pipeline's state folder (src/pipeline/state/): atomic writes, locks, versioned decisions, the audit log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, linkSync, mkdirSync, readFileSync, readdirSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostname } from 'node:os';
import { spawn, spawnSync } from 'node:child_process';
import { lib, tempDir, post, fakeSource, loadedConfig, snapshotTree, mtimes, dist } from './helpers.mjs';

const { FileStore, writeAtomic, writeIfChanged, appendLines, acquireLock, LockError, keyOf, collect } = lib;

/** A store with `n` posts collected (pending) from a fake source, at a fixed time. */
async function seeded(n = 5, { now = '2026-12-01T10:00:00.000Z', rules } = {}) {
  const dir = tempDir('store');
  const loaded = loadedConfig(dir, rules ? { rules } : {});
  const store = new FileStore(loaded.stateDir, { now: () => new Date(now) });
  const posts = Array.from({ length: n }, (_, i) => post(i));
  await collect({ loaded, store, sources: [fakeSource('fake:a', posts)], fetch: fetch, actor: 'collector' });
  return { dir, loaded, store, posts };
}

test('writeAtomic replaces a file by rename: a reader holding the old file keeps the old bytes; no temporary file stays', () => {
  const dir = tempDir('atomic');
  const file = join(dir, 'x.json');
  writeFileSync(file, 'old');
  // A hard link to the old inode sees an in-place write; it does not see a rename over the name.
  linkSync(file, join(dir, 'old-link'));
  writeAtomic(file, 'new content');
  assert.equal(readFileSync(file, 'utf8'), 'new content');
  assert.equal(readFileSync(join(dir, 'old-link'), 'utf8'), 'old');
  assert.deepEqual(readdirSync(dir).sort(), ['old-link', 'x.json']);
});

test('writeIfChanged leaves an identical file untouched (same modification time), and writes a different one', async () => {
  const dir = tempDir('same');
  const file = join(dir, 'a.json');
  assert.equal(writeIfChanged(file, '{"a":1}\n'), true);
  const before = mtimes(dir)['a.json'];
  assert.equal(writeIfChanged(file, '{"a":1}\n'), false);
  assert.equal(mtimes(dir)['a.json'], before);
  assert.equal(writeIfChanged(file, '{"a":2}\n'), true);
  assert.equal(readFileSync(file, 'utf8'), '{"a":2}\n');
});

test('the audit log survives a line cut short by a crash: the next entry starts on its own line, the cut one is skipped', async () => {
  const { store } = await seeded(1);
  appendFileSync(store.auditFile, '{"at":"2026-12-01T10:00:00.000Z","actor":"killed mid-wri');
  const [r] = await store.list();
  const result = await store.decide({ key: r.key, version: r.version, action: 'approve', reason: 'looks fine' }, 'nurse');
  assert.equal(result.ok, true);
  const lines = readFileSync(store.auditFile, 'utf8').trim().split('\n');
  assert.equal(JSON.parse(lines.at(-1)).action, 'approve');
  const entries = store.audit();
  assert.equal(entries.at(-1).actor, 'nurse');
  assert.ok(entries.every((e) => typeof e.action === 'string'));
});

test('a lock is exclusive: a second holder fails at once naming the first (command, pid, host, since), or waits for it', async () => {
  const dir = tempDir('lock');
  const path = join(dir, 'run.lock');
  const release = await acquireLock(path, { command: 'collect' });
  await assert.rejects(
    () => acquireLock(path, { command: 'publish', what: 'The state folder X' }),
    (e) =>
      e instanceof LockError &&
      e.message.includes('The state folder X is in use by collect') &&
      e.message.includes(`pid ${process.pid} on ${hostname()}`) &&
      /since \d{4}-\d\d-\d\dT/.test(e.message),
  );
  // A waiter gets the lock once it is released (the release is what it waits for).
  const waiting = acquireLock(path, { command: 'publish', wait: 20_000 });
  release();
  const second = await waiting;
  assert.equal(JSON.parse(readFileSync(path, 'utf8')).command, 'publish');
  second();
  assert.equal(existsSync(path), false);
});

test('a lock left by a process that died is taken over; one held on another host is not (the message says how to clear it)', async () => {
  const dir = tempDir('stale');
  const path = join(dir, 'run.lock');
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const deadPid = Number(dead.stdout);
  writeFileSync(path, JSON.stringify({ pid: deadPid, host: hostname(), user: 'x', command: 'collect', since: '2026-12-01T00:00:00.000Z' }));
  const release = await acquireLock(path, { command: 'publish' });
  assert.equal(JSON.parse(readFileSync(path, 'utf8')).pid, process.pid);
  release();
  writeFileSync(path, JSON.stringify({ pid: 1, host: 'ci-runner-7', user: 'x', command: 'collect', since: '2026-12-01T00:00:00.000Z' }));
  await assert.rejects(
    () => acquireLock(path, { command: 'publish' }),
    (e) => e instanceof LockError && e.message.includes('on ci-runner-7') && e.message.includes(`delete ${path}`),
  );
});

test('processes racing for the write lock never interleave: 4 processes × 15 read-modify-write rounds lose no update', async () => {
  const dir = tempDir('race');
  const counter = join(dir, 'counter');
  writeFileSync(counter, '0');
  const script = `
    const { acquireLock, writeAtomic } = await import(${JSON.stringify(new URL(`file://${join(dist, 'cli', 'pipeline.mjs')}`).href)});
    const { readFileSync } = await import('node:fs');
    for (let i = 0; i < 15; i++) {
      const release = await acquireLock(${JSON.stringify(join(dir, 'write.lock'))}, { command: 'race', wait: 60000 });
      const n = Number(readFileSync(${JSON.stringify(counter)}, 'utf8'));
      // Yield between the read and the write, so an unlocked rival would get in here.
      await new Promise((r) => setImmediate(r));
      writeAtomic(${JSON.stringify(counter)}, String(n + 1));
      release();
    }`;
  const runs = Array.from(
    { length: 4 },
    () =>
      new Promise((done, fail) => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
        let err = '';
        child.stderr.on('data', (d) => (err += d));
        child.on('exit', (code) => (code === 0 ? done() : fail(new Error(err))));
      }),
  );
  await Promise.all(runs);
  assert.equal(readFileSync(counter, 'utf8'), '60');
  assert.equal(existsSync(join(dir, 'write.lock')), false);
});

test('posts are kept in at most 256 files by the first two characters of their key (a hash of the address), sorted, one field per line', async () => {
  const { store, posts } = await seeded(40);
  const key = keyOf(posts[0].url);
  assert.match(key, /^[0-9a-f]{16}$/);
  const files = readdirSync(join(store.dir, 'posts'));
  assert.ok(files.every((f) => /^[0-9a-f]{2}\.json$/.test(f)) && files.length <= 40, files.join());
  const text = readFileSync(join(store.dir, 'posts', `${key.slice(0, 2)}.json`), 'utf8');
  assert.ok(text.endsWith('\n') && text.includes('\n      "url": '), 'pretty-printed');
  const list = JSON.parse(text);
  assert.deepEqual(
    list.map((r) => r.key),
    list.map((r) => r.key).sort(),
  );
  const r = list.find((x) => x.key === key);
  assert.equal(r.post.url, posts[0].url);
  assert.equal(r.state, 'pending');
  assert.equal(r.version, 1);
  assert.deepEqual(r.sources, ['fake:a']);
  assert.match(r.contentHash, /^[0-9a-f]{16}$/);
  // A decision rewrites only the file of the post it changes.
  const before = mtimes(store.dir);
  await store.decide({ key, version: 1, action: 'approve' }, 'n');
  const changed = Object.keys(before).filter((f) => mtimes(store.dir)[f] !== before[f]);
  assert.deepEqual(changed.sort(), ['audit.jsonl', `posts/${key.slice(0, 2)}.json`, 'revision']);
});

test('decisions raise the version and are audited with time, actor, action, post, states and reason', async () => {
  const { store } = await seeded(2);
  const [a, b] = await store.list();
  const approved = await store.decide({ key: a.key, version: 1, action: 'approve', reason: 'Clinically accurate' }, 'nurse.kim');
  assert.equal(approved.ok, true);
  assert.equal(approved.record.state, 'approved');
  assert.equal(approved.record.version, 2);
  assert.equal(approved.record.changedBy, 'nurse.kim');
  assert.equal(approved.record.changedAt, '2026-12-01T10:00:00.000Z');
  const pinned = await store.decide({ key: b.key, version: 1, action: 'pin' }, 'nurse.kim');
  assert.deepEqual([pinned.record.state, pinned.record.pinned], ['approved', true], 'pinning approves');
  const rejected = await store.decide({ key: b.key, version: 2, action: 'reject', reason: 'Off topic' }, 'dr.lee');
  assert.deepEqual([rejected.record.state, rejected.record.pinned], ['rejected', false], 'rejecting unpins');
  const entries = store.audit().filter((e) => e.action !== 'collect');
  assert.deepEqual(
    entries.map((e) => [e.actor, e.action, e.key, e.from, e.to, e.reason]),
    [
      ['nurse.kim', 'approve', a.key, 'pending', 'approved', 'Clinically accurate'],
      ['nurse.kim', 'pin', b.key, 'pending', 'approved', undefined],
      ['dr.lee', 'reject', b.key, 'approved', 'rejected', 'Off topic'],
    ],
  );
  assert.ok(entries.every((e) => e.at === '2026-12-01T10:00:00.000Z' && e.url.startsWith('https://')));
});

test('a decision made on an older version is refused with "changed by … at …, reload", and nothing is written', async () => {
  const { store } = await seeded(1);
  const [r] = await store.list();
  await store.decide({ key: r.key, version: 1, action: 'approve' }, 'first reviewer');
  const before = snapshotTree(store.dir);
  const stale = await store.decide({ key: r.key, version: 1, action: 'reject' }, 'second reviewer');
  assert.equal(stale.ok, false);
  assert.equal(stale.reason, 'conflict');
  assert.match(stale.message, /changed by first reviewer at 2026-12-01T10:00:00\.000Z .*reload/);
  assert.equal(stale.record.state, 'approved');
  assert.deepEqual(snapshotTree(store.dir), before);
});

test('a decision that changes nothing keeps the version and writes no audit line; unknown keys and bad alt indexes are refused', async () => {
  const { store } = await seeded(1, {});
  const [r] = await store.list();
  const one = await store.decide({ key: r.key, version: 1, action: 'approve' }, 'a');
  const lines = store.audit().length;
  const again = await store.decide({ key: r.key, version: 2, action: 'approve' }, 'b');
  assert.equal(again.ok, true);
  assert.equal(again.record.version, one.record.version);
  assert.equal(store.audit().length, lines);
  const missing = await store.decide({ key: '0123456789abcdef', version: 1, action: 'approve' }, 'a');
  assert.deepEqual([missing.ok, missing.reason], [false, 'not-found']);
  const alt = await store.decide({ key: r.key, version: 2, action: 'edit-alt', alt: { index: 0, text: 'x' } }, 'a');
  assert.deepEqual([alt.ok, alt.reason], [false, 'invalid']);
  assert.match(alt.message, /has 0 media items/);
});

test('edit-alt keeps a reviewer\u2019s description per media item; restore (undo) goes back to a state and pin', async () => {
  const dir = tempDir('alt');
  const loaded = loadedConfig(dir);
  const store = new FileStore(loaded.stateDir);
  const p = post(1, { media: [{ url: 'https://files.example/a.png', type: 'image' }] });
  await collect({ loaded, store, sources: [fakeSource('fake:a', [p])], fetch, actor: 'c' });
  const [r] = await store.list();
  const alt = await store.decide(
    { key: r.key, version: 1, action: 'edit-alt', alt: { index: 0, text: '  A ribbon pinned to a coat  ' } },
    'nurse',
  );
  assert.deepEqual(alt.record.altOverrides, { 0: 'A ribbon pinned to a coat' });
  assert.equal(store.audit().at(-1).action, 'edit-alt');
  const pin = await store.decide({ key: r.key, version: 2, action: 'pin' }, 'nurse');
  const undo = await store.decide(
    { key: r.key, version: pin.record.version, action: 'restore', restore: { state: 'pending', pinned: false } },
    'nurse',
  );
  assert.deepEqual([undo.record.state, undo.record.pinned], ['pending', false]);
  assert.equal(store.audit().at(-1).action, 'undo');
});

/** Every post as a reviewer would be shown it now (key and version): what a bulk decision lists. */
const shown = async (store) => (await store.list()).map((r) => ({ key: r.key, version: r.version }));

test('bulk approves only the pending posts of one account (any spelling of the handle)', async () => {
  const { store, posts } = await seeded(14);
  const target = posts.find((p) => p.author.handle === '@user3@mastodon.example');
  const one = await store.get(keyOf(target.url));
  await store.decide({ key: one.key, version: 1, action: 'reject' }, 'x');
  const { records: changed, skipped } = await store.bulk('USER3@Mastodon.Example', await shown(store), 'approve', 'nurse');
  assert.equal(changed.length, 1, 'two posts by user3, one already rejected');
  assert.equal(skipped.length, 13, 'every other post listed is left as it is');
  assert.ok(changed.every((r) => r.state === 'approved' && r.post.author.handle === '@user3@mastodon.example'));
  assert.equal((await store.counts()).approved, 1);
});

test('bulk decides only the posts listed, at the versions listed: one collected, edited or decided since is left and reported', async () => {
  const { loaded, store } = await seeded(18);
  const key = (n) => keyOf(post(n).url);
  // What the confirmation counted: user3's pending posts 3, 10 and 17.
  const counted = (await store.list({ state: 'pending', account: '@user3@mastodon.example' })).map((r) => ({
    key: r.key,
    version: r.version,
  }));
  assert.deepEqual(counted.map((c) => c.key).sort(), [key(3), key(10), key(17)].sort());
  // Meanwhile: a collect brings a new post by user3 and an edit of post 10; another reviewer rejects post 17.
  await collect({
    loaded,
    store,
    sources: [fakeSource('fake:a', [post(24), post(10, { text: 'Edited: buy my cure' })])],
    fetch,
    actor: 'c',
  });
  await store.decide({ key: key(17), version: 1, action: 'reject' }, 'lee');
  const { records, skipped } = await store.bulk('@user3@mastodon.example', counted, 'approve', 'kim');
  assert.deepEqual(
    records.map((r) => [r.key, r.state]),
    [[key(3), 'approved']],
  );
  assert.deepEqual(skipped.sort(), [key(10), key(17)].sort());
  assert.deepEqual(
    [(await store.get(key(10))).state, (await store.get(key(17))).state, (await store.get(key(24))).state],
    ['pending', 'rejected', 'pending'],
    'the edited post and the new one wait for a reviewer to read them',
  );
  // Listed posts of another account are not taken either: the account still decides.
  const other = await store.get(key(4));
  const wrong = await store.bulk('@user3@mastodon.example', [{ key: other.key, version: other.version }], 'reject', 'kim');
  assert.deepEqual([wrong.records, wrong.skipped, (await store.get(key(4))).state], [[], [other.key], 'pending']);
});

/** A Bluesky post by `did` under `handle` (its id names the DID, as every Bluesky post's `at://` id does). */
const bluesky = (n, did, handle) =>
  post(n, {
    id: `at://${did}/app.bsky.feed.post/3k${n}`,
    url: `https://bsky.app/profile/${handle.slice(1)}/post/3k${n}`,
    author: { name: 'Jo', handle, url: `https://bsky.app/profile/${handle.slice(1)}` },
  });

/** A store holding Mastodon posts and Bluesky ones: did:plc:jo under two handles (it renamed), and did:plc:other,
 * who took Jo's old handle. */
async function withBluesky() {
  const dir = tempDir('did');
  const loaded = loadedConfig(dir);
  const store = new FileStore(loaded.stateDir, { now: () => new Date('2026-12-01T10:00:00.000Z') });
  const jo = [
    bluesky(101, 'did:plc:jo', '@jo.bsky.social'),
    bluesky(102, 'did:plc:jo', '@jo-renamed.bsky.social'),
    bluesky(103, 'did:plc:jo', '@jo-renamed.bsky.social'),
  ];
  const other = bluesky(104, 'did:plc:other', '@jo.bsky.social');
  const posts = [post(1), post(2), ...jo, other];
  await collect({ loaded, store, sources: [fakeSource('fake:a', posts)], fetch, actor: 'collector' });
  return { store, jo, other };
}

test('bulk by a Bluesky DID takes that account’s pending posts under every handle it had, and no other account’s', async () => {
  const { store, jo, other } = await withBluesky();
  const done = await store.get(keyOf(jo[2].url));
  await store.decide({ key: done.key, version: done.version, action: 'approve' }, 'x');
  const { records: changed } = await store.bulk('did:plc:jo', await shown(store), 'reject', 'nurse');
  assert.deepEqual(
    changed.map((r) => [r.post.id, r.state, r.reason]).sort(),
    [
      [jo[0].id, 'rejected', 'bulk reject @jo.bsky.social (did:plc:jo)'],
      [jo[1].id, 'rejected', 'bulk reject @jo-renamed.bsky.social (did:plc:jo)'],
    ],
    'both handles; the approved one left alone; the reason names the handle and the DID',
  );
  assert.equal((await store.get(keyOf(other.url))).state, 'pending', 'not the account that took the old handle');
  assert.deepEqual(await store.counts(), { pending: 3, held: 0, approved: 1, rejected: 2, removed: 0, pinned: 0 });
  // Written with @ and capitals too, as the rules' block lists take it; a reason given is kept as given.
  const { records: again } = await store.bulk('@DID:PLC:OTHER', await shown(store), 'approve', 'nurse', 'known patient advocate');
  assert.deepEqual(
    again.map((r) => [r.post.id, r.reason]),
    [[other.id, 'known patient advocate']],
  );
});

test('bulk by a handle works as before for Mastodon and Bluesky handles: that handle’s posts only', async () => {
  const { store, jo, other } = await withBluesky();
  const { records: bsky } = await store.bulk('Jo.Bsky.Social', await shown(store), 'approve', 'nurse');
  assert.deepEqual(
    bsky.map((r) => [r.post.id, r.reason]).sort(),
    [
      [jo[0].id, 'bulk approve @jo.bsky.social'],
      [other.id, 'bulk approve @jo.bsky.social'],
    ].sort(),
  );
  const { records: mastodon } = await store.bulk('@User1@mastodon.example', await shown(store), 'reject', 'nurse');
  assert.deepEqual(
    mastodon.map((r) => [r.post.id, r.reason]),
    [['p1', 'bulk reject @user1@mastodon.example']],
  );
});

test('the account filter takes a handle or a Bluesky DID (every handle of that account); the desk names a post’s account by DID', async () => {
  const { store, jo, other } = await withBluesky();
  const ids = async (account) => (await store.list({ account })).map((r) => r.post.id).sort();
  assert.deepEqual(await ids('did:plc:jo'), jo.map((p) => p.id).sort());
  assert.deepEqual(await ids('@did:plc:jo'), jo.map((p) => p.id).sort());
  assert.deepEqual(await ids('@jo.bsky.social'), [jo[0].id, other.id].sort());
  assert.deepEqual(await ids('@jo-renamed.bsky.social'), [jo[1].id, jo[2].id].sort());
  assert.deepEqual(await ids('USER2@mastodon.example'), ['p2']);
  assert.deepEqual(await ids('did:plc:j'), [], 'a DID is matched whole, not by its start');

  const { accountOf, isAccount } = lib;
  assert.equal(accountOf(jo[1]), 'did:plc:jo');
  assert.equal(accountOf(post(1)), '@user1@mastodon.example');
  assert.equal(accountOf({ ...jo[1], id: 'not-an-at-uri' }), '@jo-renamed.bsky.social', 'no DID in its id: by handle');
  for (const ok of [
    '@user@mastodon.example',
    'user@mastodon.example',
    '@jo.bsky.social',
    'did:plc:ewvi7nxzyoun6zhxrhs64oiz',
    'did:web:example.com',
  ])
    assert.equal(isAccount(ok), true, ok);
  for (const bad of ['', 'jo', '@jo', 'did:plc:', 'at://did:plc:jo/app.bsky.feed.post/1', '@a@b@c', 'jo .bsky.social'])
    assert.equal(isAccount(bad), false, bad);
});

test('list filters by state, pinned, source, account and word (case and accents folded), newest first; counts per state', async () => {
  const dir = tempDir('filter');
  const loaded = loadedConfig(dir);
  const store = new FileStore(loaded.stateDir);
  const posts = [post(1, { text: 'Chimiothérapie demain' }), post(2), post(3, { contentWarning: 'Scanxiety' })];
  await collect({
    loaded,
    store,
    sources: [fakeSource('fake:a', posts.slice(0, 2)), fakeSource('fake:b', posts.slice(2))],
    fetch,
    actor: 'c',
  });
  assert.deepEqual(
    (await store.list()).map((r) => r.post.id),
    ['p3', 'p2', 'p1'],
  );
  assert.deepEqual(
    (await store.list({ word: 'CHIMIOTHERAPIE' })).map((r) => r.post.id),
    ['p1'],
  );
  assert.deepEqual(
    (await store.list({ word: 'scanxiety' })).map((r) => r.post.id),
    ['p3'],
  );
  assert.deepEqual(
    (await store.list({ source: 'fake:b' })).map((r) => r.post.id),
    ['p3'],
  );
  assert.deepEqual(
    (await store.list({ account: 'user2@mastodon.example' })).map((r) => r.post.id),
    ['p2'],
  );
  const p2 = (await store.list({ account: '@user2@mastodon.example' }))[0];
  await store.decide({ key: p2.key, version: 1, action: 'pin' }, 'n');
  assert.deepEqual(
    (await store.list({ state: 'pinned' })).map((r) => r.post.id),
    ['p2'],
  );
  assert.deepEqual(await store.counts(), { pending: 2, approved: 1, rejected: 0, held: 0, removed: 0, pinned: 1 });
});

test('a long-running reader (the review desk) sees what another process wrote since it last looked', async () => {
  const { store } = await seeded(3);
  const desk = new FileStore(store.dir);
  assert.equal((await desk.counts()).pending, 3);
  const [r] = await store.list();
  await store.decide({ key: r.key, version: 1, action: 'approve' }, 'cli');
  assert.equal((await desk.counts()).approved, 1);
  assert.equal((await desk.list({ state: 'approved' }))[0].key, r.key);
});

test('an unreadable posts file (a merge conflict) is reported, never written over; the other files still load', async () => {
  const { store, posts } = await seeded(30);
  const key = keyOf(posts[0].url);
  const file = join(store.dir, 'posts', `${key.slice(0, 2)}.json`);
  const inShard = JSON.parse(readFileSync(file, 'utf8')).length;
  writeFileSync(file, '<<<<<<< HEAD\n[]\n=======\n[]\n>>>>>>> theirs\n');
  writeFileSync(join(store.dir, 'revision'), '99\n');
  assert.equal((await store.list()).length, 30 - inShard);
  assert.equal(store.problems.length, 1);
  assert.match(store.problems[0], new RegExp(`${key.slice(0, 2)}\\.json: not valid JSON`));
  const audit = readFileSync(store.auditFile, 'utf8');
  const r = await store
    .transaction('test', (tx) => tx.put({ ...structuredClone(posts[0]), key }) || tx.audit({ actor: 'x', action: 'approve' }))
    .catch((e) => e);
  assert.match(r.message, /not valid JSON .*Fix or restore that file \(git checkout\) and run again\./);
  assert.match(readFileSync(file, 'utf8'), /^<<<<<<< HEAD/);
  assert.equal(readFileSync(store.auditFile, 'utf8'), audit, 'nothing logged for a change that was not made');
});

test('a post record that fails its checks (a hand edit) is reported, and its file is never written over without it', async () => {
  const { store, posts } = await seeded(100);
  const byShard = new Map();
  for (const p of posts) {
    const k = keyOf(p.url);
    byShard.set(k.slice(0, 2), [...(byShard.get(k.slice(0, 2)) ?? []), k]);
  }
  const [a, b] = [...byShard.values()].find((keys) => keys.length >= 2);
  const file = join(store.dir, 'posts', `${a.slice(0, 2)}.json`);
  const records = JSON.parse(readFileSync(file, 'utf8'));
  records.find((r) => r.key === a).state = 'aproved';
  const edited = JSON.stringify(records, null, 2) + '\n';
  writeFileSync(file, edited);
  writeFileSync(join(store.dir, 'revision'), '99\n');
  const r = await store.get(b);
  const result = await store.decide({ key: b, version: r.version, action: 'approve' }, 'nurse').catch((e) => e);
  assert.match(String(result.message), /unknown state "aproved".*Fix or restore that file/);
  assert.equal(readFileSync(file, 'utf8'), edited, 'the hand-edited post is not dropped from its file');
});

test('temporary files left by killed writers are swept by the next collect; a live process\u2019s are left alone', async () => {
  const { store, loaded } = await seeded(3);
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
  const shard = readdirSync(join(store.dir, 'posts'))[0];
  const leftovers = [
    join(store.dir, `.sources.json.${dead}.ab12cd34.tmp`),
    join(store.dir, `.write.lock.${dead}.00ff00ff.tmp`),
    join(store.dir, 'posts', `.${shard}.${dead}.12345678.tmp`),
  ];
  for (const f of leftovers) writeFileSync(f, 'half written');
  const live = join(store.dir, `.run.lock.${process.pid}.deadbeef.tmp`);
  writeFileSync(live, '{}');
  await collect({ loaded, store, sources: [fakeSource('fake:a', [post(99)])], fetch, actor: 'c' });
  for (const f of leftovers) assert.equal(existsSync(f), false, f);
  assert.equal(existsSync(live), true);
});
