// Rules (src/pipeline/rules.ts) and collect (src/pipeline/collect.ts) with stand-in sources: what each post
// becomes, duplicates, edits sent back to review, deletions, failing sources, cursors, idempotence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lib, tempDir, post, fakeSource, loadedConfig, snapshotTree, mtimes } from './helpers.mjs';

const { FileStore, collect, publish, judge, defaultRules, misinformationPhrases, DEFAULT_MISINFORMATION, duplicateText, keyOf } = lib;

const rules = (over = {}) => ({ ...defaultRules(), ...over, misinformation: { ...defaultRules().misinformation, ...over.misinformation } });
const verdict = (p, r = rules(), dup) => judge(p, r, misinformationPhrases(r), dup);
const fixed =
  (at = '2026-12-01T10:00:00.000Z') =>
  () =>
    new Date(at);

test('rules: blocked accounts, blocked words (whole words, any case or accents, in text, warning, name or alt text), auto-approve', () => {
  const r = rules({ autoApprove: ['@dr_lee@med.example'], blockAccounts: ['spam@bad.example'], blockWords: ['crypto', 'buy followers'] });
  assert.deepEqual(verdict(post(1, { author: { ...post(1).author, handle: '@Spam@BAD.example' } }), r), {
    state: 'rejected',
    reason: 'blocked account @spam@bad.example',
  });
  assert.deepEqual(verdict(post(2, { text: 'BUY   Followers today' }), r), { state: 'rejected', reason: 'blocked word "buy followers"' });
  assert.equal(verdict(post(3, { text: 'cryptography lecture' }), r).state, 'pending', 'not inside a longer word');
  assert.equal(verdict(post(4, { contentWarning: 'Crÿptö' }), r).state, 'rejected', 'accents folded');
  assert.equal(verdict(post(5, { contentWarning: 'CRYPTO tips' }), r).state, 'rejected');
  assert.equal(verdict(post(6, { media: [{ url: 'https://x.example/a.png', alt: 'crypto chart', type: 'image' }] }), r).state, 'rejected');
  assert.equal(
    verdict(post(7, { html: '<p>Free <b>crypto</b> &amp; more</p>', text: undefined }), r).state,
    'rejected',
    'HTML posts by their text',
  );
  const dr = post(8, { author: { name: 'Dr Lee', handle: 'DR_LEE@med.example', url: 'https://med.example/@dr_lee' } });
  assert.deepEqual(verdict(dr, r), { state: 'approved', reason: 'auto-approve @dr_lee@med.example' });
  assert.equal(verdict({ ...dr, text: 'crypto giveaway' }, r).state, 'rejected', 'a block wins over auto-approve');
  assert.deepEqual(verdict(post(9), r), { state: 'pending' });
});

test('rules: the site the widget shows after a link whose text names another is read as the post is (a blocked word in it too)', () => {
  const r = rules({ blockWords: ['casino'] });
  const link = (n, text) => post(n, { html: `<p>See <a href="https://casino.example/">${text}</a></p>`, text: 'See ' + text });
  assert.deepEqual(
    verdict(link(1, 'cancer.gov'), r),
    { state: 'rejected', reason: 'blocked word "casino"' },
    'shown as "cancer.gov (casino.example)"',
  );
  assert.equal(verdict(link(2, 'Visit cancer.gov'), r).state, 'rejected');
  assert.equal(verdict(link(3, 'our guide'), r).state, 'pending', 'a link whose text names no site shows none');
});

test('rules: a Bluesky account is blocked or approved by its handle or its DID (which outlives a handle change)', () => {
  const did = 'did:plc:4hqjfn7m6n5hno3doamuhgef';
  const sky = (n, handle) => post(n, { id: `at://${did}/app.bsky.feed.post/3k${n}`, author: { ...post(n).author, handle } });
  const byDid = rules({ blockAccounts: [did] });
  assert.deepEqual(verdict(sky(1, '@jo-renamed.bsky.social'), byDid), {
    state: 'rejected',
    reason: 'blocked account @jo-renamed.bsky.social',
  });
  assert.equal(verdict(post(2), byDid).state, 'pending', 'another account');
  const byHandle = rules({ autoApprove: ['@Jo.bsky.social'] });
  assert.equal(verdict(sky(3, '@jo.bsky.social'), byHandle).state, 'approved');
  assert.equal(verdict(sky(4, '@jo-renamed.bsky.social'), byHandle).state, 'pending', 'a handle does not follow a rename');
  assert.equal(verdict(sky(5, '@jo.bsky.social'), rules({ autoApprove: [`@${did}`] })).state, 'approved');
});

test('rules: the default misinformation list holds posts for clinical review; it can reject instead, be extended, or be switched off', () => {
  const myth = post(1, { text: 'My aunt swears Apricot Kernels shrank her tumour #bcsm' });
  assert.deepEqual(verdict(myth), { state: 'held', reason: 'misinformation phrase "apricot kernels"' });
  assert.equal(verdict(myth, rules({ misinformation: { action: 'reject' } })).state, 'rejected');
  assert.equal(verdict(myth, rules({ misinformation: { defaults: false } })).state, 'pending');
  const extra = rules({ misinformation: { defaults: false, phrases: ['turmeric cures'] } });
  assert.equal(verdict(post(2, { text: 'Turmeric cures everything' }), extra).state, 'held');
  for (const phrase of ['black salve', 'cure cancer naturally', 'chemo is poison', 'laetrile', 'mammograms spread cancer'])
    assert.ok(DEFAULT_MISINFORMATION.includes(phrase), phrase);
  // Ordinary #bcsm talk that shares words with the list is not caught.
  for (const text of [
    'Apricot jam on toast is all I can eat on chemo week',
    'My natural hair is growing back after chemo!',
    'The nurse gave me a salve for radiation burns',
    'Is there any evidence for turmeric? Asking my oncologist tomorrow',
    'Mammograms are uncomfortable but they found mine early',
  ])
    assert.equal(verdict(post(3, { text })).state, 'pending', text);
});

test('rules: duplicates are the same words (links, mentions, hashtags, case and punctuation aside), never a short text', () => {
  const a = post(1, { text: 'Scanxiety is real. Results on Thursday! https://x.example/1 #bcsm @friend' });
  const b = post(2, { text: 'scanxiety is REAL — results on thursday #bcsm https://y.example/2' });
  assert.equal(duplicateText(a), duplicateText(b));
  assert.equal(duplicateText(post(3, { text: 'Thank you! #bcsm' })), undefined);
  assert.deepEqual(verdict(b, rules(), 'abc'), { state: 'rejected', reason: 'duplicate of abc' });
  assert.equal(verdict(b, rules({ duplicates: 'off' }), 'abc').state, 'pending');
});

async function setup(over = {}) {
  const dir = tempDir('collect');
  const loaded = loadedConfig(dir, over);
  const store = new FileStore(loaded.stateDir, { now: fixed() });
  const run = (sources, now) =>
    collect({ loaded, store: now ? new FileStore(loaded.stateDir, { now: fixed(now) }) : store, sources, fetch, actor: 'collector' });
  return { dir, loaded, store, run };
}

test('collect applies the rules to new posts, records why, and audits each rule decision with its source', async () => {
  const { store, run } = await setup({ rules: { autoApprove: ['@user1@mastodon.example'], blockWords: ['spam'] } });
  const posts = [post(1), post(2, { text: 'spam spam spam' }), post(3, { text: 'black salve drew it out, my friend says' }), post(4)];
  const copy = post(5, { text: posts[3].text, url: 'https://other.example/@x/5' });
  const summary = await run([fakeSource('fake:a', [...posts, copy])]);
  assert.deepEqual(summary.added, { pending: 1, approved: 1, rejected: 2, held: 1 });
  const by = Object.fromEntries((await store.list()).map((r) => [r.post.id, r]));
  assert.equal(by.p1.reason, 'auto-approve @user1@mastodon.example');
  assert.equal(by.p2.reason, 'blocked word "spam"');
  assert.equal(by.p3.state, 'held');
  assert.equal(by.p5.reason, `duplicate of ${keyOf(posts[3].url)}`, 'the later post is the duplicate');
  const audit = store.audit();
  assert.deepEqual(
    audit.filter((e) => e.action !== 'collect').map((e) => [e.action, e.key, e.detail.source]),
    [
      ['approve', by.p1.key, 'fake:a'],
      ['reject', by.p2.key, 'fake:a'],
      ['hold', by.p3.key, 'fake:a'],
      ['reject', by.p5.key, 'fake:a'],
    ],
  );
  assert.deepEqual(audit.at(-1).detail.added, summary.added);
});

test('the same post from two sources is one record listing both; a failing source fails alone and keeps its cursor', async () => {
  const { store, run } = await setup();
  await run([fakeSource('fake:a', [post(1)], { cursor: 'c1' }), fakeSource('fake:b', [post(1), post(2)], { cursor: 'b1' })]);
  assert.deepEqual((await store.get(keyOf(post(1).url))).sources, ['fake:a', 'fake:b']);
  const a = fakeSource('fake:a', [post(3)], { cursor: 'c2' });
  const b = fakeSource('fake:b', [], { fail: 'mastodon.example answered HTTP 503' });
  const summary = await run([a, b], '2026-12-01T11:00:00.000Z');
  assert.equal(a.contexts[0].cursor, 'c1', 'the cursor it returned last run');
  assert.equal(b.contexts[0].cursor, 'b1');
  assert.equal(summary.ok, true);
  assert.deepEqual(
    summary.sources.map((s) => [s.id, s.ok, s.posts, s.new, s.error]),
    [
      ['fake:a', true, 1, 1, undefined],
      ['fake:b', false, 0, 0, 'mastodon.example answered HTTP 503'],
    ],
  );
  const state = JSON.parse(readFileSync(store.sourcesFile, 'utf8'));
  assert.equal(state['fake:a'].cursor, 'c2');
  assert.equal(state['fake:b'].cursor, 'b1', 'a failed run keeps the old cursor');
  assert.deepEqual(state['fake:b'].lastRun, {
    at: '2026-12-01T11:00:00.000Z',
    posts: 0,
    new: 0,
    ok: false,
    error: 'mastodon.example answered HTTP 503',
  });
  assert.equal(state['fake:b'].lastSuccess, '2026-12-01T10:00:00.000Z');
  const all = await run([fakeSource('fake:a', [], { fail: 'down' }), fakeSource('fake:b', [], { fail: 'down' })]);
  assert.equal(all.ok, false, 'nothing could be collected');
});

test('an approved post edited at its source goes back to review (audit "requeue"); an auto-approved account stays approved', async () => {
  const { store, run } = await setup({ rules: { autoApprove: ['@user2@mastodon.example'], blockWords: ['casino'] } });
  await run([fakeSource('fake:a', [post(1), post(2), post(3)])]);
  for (const id of ['p1', 'p3']) {
    const r = (await store.list()).find((x) => x.post.id === id);
    await store.decide({ key: r.key, version: r.version, action: id === 'p1' ? 'pin' : 'approve' }, 'nurse');
  }
  const edited = [post(1, { text: 'Edited after approval' }), post(2, { text: 'Also edited' }), post(3, { text: 'Now with casino links' })];
  const summary = await run([fakeSource('fake:a', edited)], '2026-12-02T10:00:00.000Z');
  const by = Object.fromEntries((await store.list()).map((r) => [r.post.id, r]));
  assert.deepEqual(
    [by.p1.state, by.p1.pinned, by.p1.reason, by.p1.post.text],
    ['pending', false, 'edited at its source', 'Edited after approval'],
  );
  assert.deepEqual([by.p2.state, by.p2.post.text], ['approved', 'Also edited']);
  assert.deepEqual([by.p3.state, by.p3.reason], ['rejected', 'blocked word "casino"']);
  assert.deepEqual(summary.requeued, [by.p1.key]);
  const requeue = store.audit().find((e) => e.action === 'requeue');
  assert.deepEqual(
    [requeue.key, requeue.from, requeue.to, requeue.reason, requeue.actor],
    [by.p1.key, 'approved', 'pending', 'edited at its source', 'collector'],
  );
});

test('a post seen again naming another author keeps its own and is never approved by the new name; blocked words still reject', async () => {
  const did = (n) => `at://did:plc:${n}/app.bsky.feed.post/3kx1`;
  const jo = { name: 'Jo', handle: '@jo.bsky.social', url: 'https://bsky.app/profile/jo.bsky.social' };
  const dr = { name: 'Dr Lee', handle: '@dr_lee@med.example', url: 'https://med.example/@dr_lee' };
  const { store, run } = await setup({ rules: { autoApprove: ['@dr_lee@med.example', '@jo.bsky.social'], blockWords: ['casino'] } });
  const first = [
    post(1),
    post(2),
    post(3),
    post(4, { id: did('jo'), url: 'https://bsky.app/profile/jo.bsky.social/post/3kx1', author: jo, text: 'Day one of radiotherapy' }),
  ];
  await run([fakeSource('fake:a', first)]);
  for (const r of await store.list())
    if (r.state === 'pending')
      await store.decide({ key: r.key, version: r.version, action: r.post.id === 'p3' ? 'hold' : 'approve' }, 'nurse');
  const again = [
    // A status lookup answered by another server naming an auto-approved clinician.
    post(1, { author: dr, text: 'As your doctor: skip the scan' }),
    post(2, { author: dr, text: 'Cheap casino chips' }),
    post(3, { author: dr, text: 'Held post, new words' }),
    // Jo's old handle, now another account's (another DID), answering for the same address.
    post(4, { id: did('mallory'), url: first[3].url, author: jo, text: 'New words under the same handle' }),
  ];
  const summary = await run([fakeSource('fake:a', again)], '2026-12-02T10:00:00.000Z');
  const by = Object.fromEntries((await store.list()).map((r) => [r.key, r]));
  const [p1, p2, p3, p4] = first.map((p) => by[keyOf(p.url)]);
  assert.deepEqual(
    [p1.state, p1.reason, p1.post.author, p1.post.text],
    ['pending', 'its source now names another author, @dr_lee@med.example', first[0].author, 'As your doctor: skip the scan'],
  );
  assert.deepEqual([p2.state, p2.reason, p2.post.author], ['rejected', 'blocked word "casino"', first[1].author]);
  assert.deepEqual([p3.state, p3.post.author, p3.post.text], ['held', first[2].author, 'Held post, new words']);
  assert.deepEqual(
    [p4.state, p4.reason, p4.post.id],
    ['pending', 'its source now names another author, @jo.bsky.social (did:plc:mallory)', did('jo')],
  );
  assert.deepEqual(summary.requeued.sort(), [p1.key, p4.key].sort());
  assert.deepEqual(
    store
      .audit()
      .filter((e) => e.action === 'requeue')
      .map((e) => [e.key, e.from, e.to])
      .sort(),
    [
      [p1.key, 'approved', 'pending'],
      [p4.key, 'approved', 'pending'],
    ].sort(),
  );
});

test('the same post seen with its media at another address (a cached copy on another server) is not an edit', async () => {
  const { store, run } = await setup();
  const pic = (url, alt = 'A walk by the sea') => post(1, { media: [{ url, alt, type: 'image' }] });
  await run([fakeSource('fake:a', [pic('https://home.example/media/a.png')])]);
  const [r] = await store.list();
  await store.decide({ key: r.key, version: r.version, action: 'approve' }, 'nurse');
  const moved = await run([fakeSource('fake:b', [pic('https://cache.example/remote/a.png')])], '2026-12-02T10:00:00.000Z');
  const [kept] = await store.list();
  assert.deepEqual([kept.state, kept.post.media[0].url, moved.requeued], ['approved', 'https://home.example/media/a.png', []]);
  const changed = await run([fakeSource('fake:a', [pic('https://home.example/media/a.png', 'A crowd')])], '2026-12-03T10:00:00.000Z');
  assert.deepEqual([(await store.list())[0].state, changed.requeued], ['pending', [kept.key]], 'a new description is an edit');
});

test('a complete listing (a file export) that no longer has an approved post marks it gone; publish then removes it from the site', async () => {
  const { dir, loaded, store, run } = await setup();
  await run([fakeSource('file:export.json', [post(1), post(2)], { complete: true })]);
  for (const r of await store.list()) await store.decide({ key: r.key, version: r.version, action: 'approve' }, 'nurse');
  const first = await publish({ loaded, store, actor: 'publisher', fetch });
  assert.equal(first.added.length, 2);
  const summary = await run([fakeSource('file:export.json', [post(2)], { complete: true })], '2026-12-03T10:00:00.000Z');
  assert.deepEqual(summary.gone, [keyOf(post(1).url)]);
  const report = await publish({ loaded, store, actor: 'publisher', fetch });
  assert.deepEqual(report.removed, [keyOf(post(1).url)]);
  const gone = await store.get(keyOf(post(1).url));
  assert.deepEqual([gone.state, gone.reason, gone.goneAtSource], ['removed', 'deleted at its source', '2026-12-03T10:00:00.000Z']);
  const snapshot = JSON.parse(readFileSync(join(dir, 'public', 'bcsm.json'), 'utf8'));
  assert.deepEqual(
    snapshot.posts.map((p) => p.id),
    ['p2'],
  );
  assert.ok(store.audit().some((e) => e.action === 'remove' && e.reason === 'deleted at its source' && e.actor === 'publisher'));
  // An incremental source that simply returns nothing new proves nothing.
  await run([fakeSource('fake:incremental', [post(9)])]);
  await run([fakeSource('fake:incremental', [])]);
  assert.equal((await store.get(keyOf(post(9).url))).goneAtSource, undefined);
});

/** The files that differ between two trees (names only: a failure stays readable). */
const changedFiles = (a, b) => [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((f) => a[f] !== b[f]).sort();

test('collect is idempotent: re-running with the same answers changes no post and appends no audit line; a third run changes no byte', async () => {
  const { store, run } = await setup({ rules: { autoApprove: ['@user1@mastodon.example'] } });
  const sources = () => [
    fakeSource(
      'fake:a',
      Array.from({ length: 30 }, (_, i) => post(i)),
      { cursor: 'x' },
    ),
    fakeSource('fake:b', [post(3)]),
  ];
  await run(sources());
  const first = snapshotTree(store.dir);
  const firstTimes = mtimes(store.dir);
  await run(sources());
  // Only the last-run summary moves (its "new" count drops to 0, which raises the revision); records and audit stay.
  assert.deepEqual(changedFiles(first, snapshotTree(store.dir)), ['revision', 'sources.json']);
  for (const [file, t] of Object.entries(firstTimes))
    if (file.startsWith('posts/') || file === 'audit.jsonl') assert.equal(mtimes(store.dir)[file], t, file);
  const second = snapshotTree(store.dir);
  const secondTimes = mtimes(store.dir);
  await run(sources());
  assert.deepEqual(changedFiles(second, snapshotTree(store.dir)), []);
  assert.deepEqual(mtimes(store.dir), secondTimes, 'not even rewritten with the same bytes');
});

test('a second collect while one runs fails at once naming it; with wait it runs after', async () => {
  const { loaded, store } = await setup();
  let release;
  const held = new Promise((r) => (release = r));
  let started;
  const begun = new Promise((r) => (started = r));
  const slow = {
    id: 'fake:slow',
    async collect() {
      started();
      await held;
      return { posts: [post(1)], warnings: [] };
    },
  };
  const first = collect({ loaded, store, sources: [slow], fetch, actor: 'one' });
  await begun;
  await assert.rejects(
    collect({ loaded, store, sources: [fakeSource('fake:b', [post(2)])], fetch, actor: 'two' }),
    /in use by collect \(pid \d+/,
  );
  const waiting = collect({ loaded, store, sources: [fakeSource('fake:b', [post(2)])], fetch, actor: 'two', wait: 30_000 });
  release();
  await first;
  await waiting;
  const collects = store
    .audit()
    .filter((e) => e.action === 'collect')
    .map((e) => e.actor);
  assert.deepEqual(collects, ['one', 'two']);
});

test('progress: on a terminal one line per source, redrawn in place; in CI or a pipe, plain lines', () => {
  const screen = [];
  const live = lib.progress({ isTTY: true, write: (t) => screen.push(t) }, ['mastodon:a', 'file:b'], {});
  live.done('mastodon:a', '120 posts');
  live.done('file:b', 'failed: no such file');
  live.close();
  assert.ok(!screen[0].includes('\x1b[2F'), 'the first drawing starts where the cursor is');
  assert.ok(
    screen.slice(1).every((t) => t.startsWith('\x1b[2F')),
    'later ones go back up over the two lines',
  );
  assert.match(screen.at(-1), /\x1b\[2Kmastodon:a: 120 posts\n\x1b\[2Kfile:b: failed: no such file\n$/);
  for (const [stream, env] of [
    [{ isTTY: true }, { CI: 'true' }],
    [{ isTTY: false }, {}],
  ]) {
    const lines = [];
    const plain = lib.progress({ ...stream, write: (t) => lines.push(t) }, ['mastodon:a'], env);
    plain.update('mastodon:a', 'page 1, 40 posts');
    plain.done('mastodon:a', '40 posts');
    plain.close();
    assert.deepEqual(lines, ['mastodon:a: page 1, 40 posts\n', 'mastodon:a: 40 posts\n']);
  }
});

test("progress: a server's words cannot drive the terminal (escape sequences, carriage returns, newlines, C1 controls)", () => {
  const hostile = 'HTTP 500 (\x1b]0;pwned\x07\x1b[2J\rfake line\nnext\x9b31m)';
  assert.equal(lib.printable(hostile), 'HTTP 500 (\ufffd]0;pwned\ufffd\ufffd[2J\ufffdfake line\ufffdnext\ufffd31m)');
  assert.equal(lib.printable('tab\tand ünïcödé #bcsm'), 'tab\tand ünïcödé #bcsm', 'tabs and text are kept');
  const screen = [];
  const live = lib.progress({ isTTY: true, write: (t) => screen.push(t) }, ['mastodon:a\x1b[1A'], {});
  live.done('mastodon:a\x1b[1A', hostile);
  live.close();
  const plain = [];
  const log = lib.progress({ isTTY: false, write: (t) => plain.push(t) }, ['mastodon:a'], {});
  log.done('mastodon:a', hostile);
  for (const text of [...screen, ...plain]) {
    // Only the display's own sequences remain: "erase line" and "cursor up N lines".
    const ours = text.replaceAll('\x1b[2K', '').replace(/^\x1b\[\d+F/, '');
    assert.ok(!/[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(ours), JSON.stringify(text));
    assert.equal(ours.split('\n').length - 1, 1, 'one line per source');
  }
});
