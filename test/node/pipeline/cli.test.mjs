// The pipeline's commands as a web team runs them: `carecircle collect|add|approve|…|status|publish` from the
// built CLI (dist/cli/carecircle.mjs), against the bundled offline example and servers on 127.0.0.1.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir, cli, cliAsync, readJson, snapshotTree, lib } from './helpers.mjs';
import { startMastodon, startOembed } from './mock-servers.mjs';

const { keyOf } = lib;
const NOW = { CARECIRCLE_NOW: '2026-12-03T08:00:00.000Z' };

/** A copy of demo/pipeline (the example a fresh clone runs), so the repository is not written to. */
function demo() {
  const dir = tempDir('demo');
  cpSync('demo/pipeline', join(dir, 'pipeline'), { recursive: true, filter: (p) => !/[/\\](state|public)$/.test(p) });
  cpSync('demo/data/chat-schedule', join(dir, 'data', 'chat-schedule'), { recursive: true });
  return { dir, config: join(dir, 'pipeline', 'carecircle.pipeline.json'), at: (...p) => join(dir, 'pipeline', ...p) };
}

test('the bundled example collects and publishes offline; the feed and support-groups widgets accept what it wrote', () => {
  const d = demo();
  const collected = cli(['collect', '--config', d.config], { env: NOW });
  assert.equal(collected.code, 0, collected.all);
  assert.match(collected.out, /^file:bcsm-export\.json: 18 posts, 18 new$/m);
  assert.match(collected.out, /^file:bcsm-comms-team\.csv: 3 posts, 3 new$/m);
  assert.match(collected.out, /Collected: 12 waiting for review, 5 auto-approved, 2 rejected, 2 held for clinical review\./);
  const published = cli(['publish', '--config', d.config], { env: NOW });
  assert.equal(published.code, 0, published.all);
  assert.match(published.out, /Published: 5 posts added, 0 removed, 0 sent back to review\./);
  const snapshot = readJson(d.at('public', 'bcsm.json'));
  assert.equal(snapshot.posts.length, 5);
  assert.ok(snapshot.posts.every((p) => /helen_bcn|dr_okafor|bcn_team/.test(p.author.handle)));
  const feed = join(d.dir, 'feed.json');
  writeFileSync(feed, JSON.stringify({ hashtag: 'bcsm', sources: [{ type: 'posts', posts: snapshot.posts }] }));
  const check = cli(['check', '--widget', 'care-hashtag-feed', feed]);
  assert.equal(check.code, 0, check.all);
  const groups = cli(['check', '--widget', 'care-support-groups', d.at('public', 'groups.json')]);
  assert.equal(groups.code, 0, groups.all);
  assert.match(readFileSync(d.at('public', 'chats.ics'), 'utf8'), /^BEGIN:VCALENDAR\r\n/);
});

test('collect and publish run twice change nothing the second time (state and published files byte for byte)', () => {
  const d = demo();
  const both = () => {
    assert.equal(cli(['collect', '--config', d.config], { env: NOW }).code, 0);
    assert.equal(cli(['publish', '--config', d.config], { env: NOW }).code, 0);
  };
  both();
  const state = snapshotTree(d.at('state'));
  const published = snapshotTree(d.at('public'));
  both();
  assert.deepEqual(Object.keys(snapshotTree(d.at('state'))), Object.keys(state));
  assert.ok(Object.entries(snapshotTree(d.at('state'))).every(([f, b]) => f === 'sources.json' || f === 'revision' || state[f] === b));
  const third = snapshotTree(d.at('state'));
  both();
  assert.deepEqual(snapshotTree(d.at('state')), third);
  assert.deepEqual(snapshotTree(d.at('public')), published);
});

test('approve, pin, reject, hold and remove by key or address, with the actor and reason in the audit log; status counts them', () => {
  const d = demo();
  cli(['collect', '--config', d.config], { env: NOW });
  const url = 'https://aus.social/@sam_carer/113580000000039595';
  const other = 'https://fosstodon.org/@priya_s/113580000000055433';
  const approve = cli(['approve', url, keyOf(other), '--reason', 'Supportive, accurate', '--actor', 'Kim (comms)', '--config', d.config]);
  assert.equal(approve.code, 0, approve.all);
  assert.match(approve.out, new RegExp(`^${keyOf(url)} ${url}: approved$`, 'm'));
  const pin = cli(['pin', url, '--config', d.config], { env: { CARECIRCLE_ACTOR: 'Dr Lee' } });
  assert.match(pin.out, /approved, pinned/);
  const entries = readFileSync(d.at('state', 'audit.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  const mine = entries.filter((e) => e.url === url);
  assert.deepEqual(
    mine.map((e) => [e.action, e.actor, e.reason ?? null, e.from ?? null, e.to ?? null]),
    [
      ['approve', 'Kim (comms)', 'Supportive, accurate', 'pending', 'approved'],
      ['pin', 'Dr Lee', null, null, null],
    ],
  );
  assert.ok(mine.every((e) => !Number.isNaN(Date.parse(e.at))));
  const missing = cli(['reject', 'https://nowhere.example/@x/1', '--config', d.config]);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /https:\/\/nowhere\.example\/@x\/1: no such post in /);
  cli(['hold', keyOf(other), '--reason', 'Check the dose mentioned', '--config', d.config]);
  const status = cli(['status', '--config', d.config]);
  assert.equal(status.code, 0, status.all);
  assert.match(status.out, /21 posts/);
  assert.match(status.out, /10 pending, 6 approved \(1 pinned\), 3 held for clinical review, 2 rejected, 0 removed/);
  assert.match(status.out, /^ {2}file:bcsm-export\.json: 2026-12-03T08:00:00\.000Z, ok, 18 posts, 18 new$/m);
});

test('a post taken out of a file export is removed from the site at the next publish (audited), the others stay', () => {
  const d = demo();
  assert.equal(cli(['collect', '--config', d.config], { env: NOW }).code, 0);
  assert.equal(cli(['publish', '--config', d.config], { env: NOW }).code, 0);
  const exported = readJson(d.at('bcsm-export.json'));
  const gone = exported.posts.find((p) => p.author.handle === '@helen_bcn@aus.social');
  exported.posts = exported.posts.filter((p) => p !== gone);
  writeFileSync(d.at('bcsm-export.json'), JSON.stringify(exported));
  const collected = cli(['collect', '--config', d.config], { env: NOW });
  assert.match(collected.out, /1 no longer at their source/);
  const published = cli(['publish', '--config', d.config, '--actor', 'cron'], { env: NOW });
  assert.match(published.out, /Published: 0 posts added, 1 removed, 0 sent back to review\./);
  const snapshot = readJson(d.at('public', 'bcsm.json'));
  assert.equal(snapshot.posts.length, 4);
  assert.ok(!snapshot.posts.some((p) => p.url === gone.url));
  const audit = readFileSync(d.at('state', 'audit.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.ok(audit.some((e) => e.action === 'remove' && e.url === gone.url && e.reason === 'deleted at its source' && e.actor === 'cron'));
});

test('usage and config errors: exit 2 for bad arguments, exit 1 with every config problem by its path', () => {
  const d = demo();
  const unknown = cli(['collect', '--confg', d.config]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /Unknown option '--confg'/);
  assert.equal(cli(['approve', '--config', d.config]).code, 2, 'approve needs a post');
  const bad = join(d.dir, 'bad.json');
  writeFileSync(
    bad,
    JSON.stringify({
      site: { name: 'X', url: 'javascript:alert(1)' },
      hashtag: 'two words',
      sources: [{ type: 'mastodon', instances: ['mastodon.social'] }],
      rules: {
        autoAprove: [],
        blockAccounts: ['@spam@bad.example', '@jo.bsky.social', 'did:plc:4hqjfn7m6n5hno3doamuhgef', 'dr_lee', 'https://bad.example'],
      },
    }),
  );
  const r = cli(['collect', '--config', bad]);
  assert.equal(r.code, 1);
  assert.match(r.err, /bad\.json: \d+ problems:/);
  assert.match(r.err, /^ {2}site\.url: Must be a web address starting with https:\/\/ or http:\/\//m);
  assert.match(r.err, /^ {2}hashtag: Must be one hashtag/m);
  assert.match(r.err, /^ {2}sources\.0\.instances\.0: /m);
  assert.match(r.err, /^ {2}rules\.autoAprove: Unknown setting "autoAprove"\. Did you mean "autoApprove"\?$/m);
  // Fediverse accounts, Bluesky handles and DIDs are accounts (the pattern the desk's API takes); a bare name is not
  // (which server's?), nor an address.
  assert.deepEqual(r.err.match(/rules\.blockAccounts\.\d/g), ['rules.blockAccounts.3', 'rules.blockAccounts.4']);
  assert.match(
    r.err,
    /rules\.blockAccounts\.3: Must be an account: @user@host \(Mastodon and the fediverse\), @name\.bsky\.social or did:plc:… \(Bluesky\)\./,
  );
  const none = cli(['status', '--config', join(d.dir, 'missing.json')]);
  assert.equal(none.code, 1);
  assert.match(none.err, /missing\.json: no such file/);
});

// The CLI runs as a child process that does not block this one: these servers answer from this process.

const servers = [];
after(() => Promise.all(servers.map((s) => s.close())));
const mastodon = async (options) => {
  const m = await startMastodon(options);
  servers.push(m);
  return m;
};

function config(dir, sources, over = {}) {
  const file = join(dir, 'carecircle.pipeline.json');
  writeFileSync(
    file,
    JSON.stringify({ site: { name: 'Test', url: 'https://hospital.example/contact' }, hashtag: 'bcsm', sources, ...over }),
  );
  return file;
}

test('a failing server fails alone (exit 0, named in the summary); when every source fails, exit 1', async () => {
  const up = await mastodon({ posts: 25 });
  const down = await mastodon({ posts: 5, hidden: true });
  const dir = tempDir('cli-m');
  const file = config(dir, [{ type: 'mastodon', instances: [up.origin, down.origin] }]);
  const r = await cliAsync(['collect', '--config', file]);
  assert.equal(r.code, 0, r.all);
  assert.match(r.out, new RegExp(`^mastodon:${up.host.replace(/[.]/g, '\\.')}#bcsm: 25 posts, 25 new$`, 'm'));
  assert.match(r.out, new RegExp(`^mastodon:${down.host.replace(/[.]/g, '\\.')}#bcsm: FAILED: `, 'm'));
  assert.match(r.err, /1 of 2 sources failed; the others were collected\./);
  assert.ok(up.requests.every((q) => /^CareCircle\/[\d.]+ \(\+https:\/\/hospital\.example\/contact\)$/.test(q.headers['user-agent'])));
  const status = await cliAsync(['status', '--config', file]);
  assert.equal(status.code, 1, 'status reports a failing source');
  assert.match(status.out, /FAILED: /);
  const allDown = config(tempDir('cli-d'), [{ type: 'mastodon', instances: [down.origin] }]);
  const r2 = await cliAsync(['collect', '--config', allDown]);
  assert.equal(r2.code, 1);
  assert.match(r2.err, /1 of 1 sources failed: nothing could be collected\./);
});

test('two collects at once: the second fails naming the first, or with --wait runs after it; the lock is gone after both', async () => {
  const slow = await mastodon({ posts: 120, delayMs: 150 });
  const dir = tempDir('cli-lock');
  const file = config(dir, [{ type: 'mastodon', instances: [slow.origin] }]);
  const first = cliAsync(['collect', '--config', file]);
  // Wait for the thing itself: the first run's lock file.
  while (!existsSync(join(dir, 'state', 'run.lock'))) await new Promise((r) => setTimeout(r, 10));
  const second = await cliAsync(['collect', '--config', file]);
  assert.equal(second.code, 1);
  assert.match(second.err, /The state folder .* is in use by collect \(pid \d+ on .*, since .*\)\. Try again when it has finished\./);
  const third = cliAsync(['collect', '--config', file, '--wait', '60']);
  const [a, c] = await Promise.all([first, third]);
  assert.equal(a.code, 0, a.out);
  assert.equal(c.code, 0, c.out);
  assert.match(c.out, /120 posts|0 posts/);
  assert.equal(existsSync(join(dir, 'state', 'run.lock')), false);
  assert.equal(existsSync(join(dir, 'state', 'write.lock')), false);
});

test('publish rechecks approved posts at their source: a deleted one is removed from the site, an edited one goes back to review', async () => {
  const m = await mastodon({ posts: 6 });
  const dir = tempDir('cli-recheck');
  const file = config(dir, [{ type: 'mastodon', instances: [m.origin] }]);
  assert.equal((await cliAsync(['collect', '--config', file])).code, 0);
  const urls = m.ids.map((id) => m.postUrl(id));
  assert.equal((await cliAsync(['approve', ...urls, '--config', file, '--actor', 'nurse'])).code, 0);
  assert.equal((await cliAsync(['publish', '--config', file])).code, 0);
  assert.equal(readJson(join(dir, 'public', 'bcsm.json')).posts.length, 6);
  const [deleted, edited] = m.ids;
  m.remove(deleted);
  m.edit(edited, { content: '<p>Edited after it was approved: now it says something else.</p>', edited_at: '2026-12-02T10:00:00.000Z' });
  const r = await cliAsync(['publish', '--config', file, '--actor', 'cron']);
  assert.equal(r.code, 0, r.all);
  assert.match(r.out, /Published: 0 posts added, 2 removed, 1 sent back to review\./);
  const snapshot = readJson(join(dir, 'public', 'bcsm.json'));
  assert.deepEqual(snapshot.posts.map((p) => p.url).sort(), urls.slice(2).sort());
  const audit = readFileSync(join(dir, 'state', 'audit.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.ok(
    audit.some((e) => e.action === 'remove' && e.url === m.postUrl(deleted) && e.reason === 'deleted at its source' && e.actor === 'cron'),
  );
  assert.ok(audit.some((e) => e.action === 'requeue' && e.url === m.postUrl(edited) && e.from === 'approved' && e.to === 'pending'));
  const status = await cliAsync(['status', '--config', file]);
  assert.match(status.out, /1 pending, 4 approved \(0 pinned\), 0 held for clinical review, 0 rejected, 1 removed/);
});

test('add imports posts by address (Mastodon status, X oEmbed) through the rules; a bad address fails alone', async () => {
  const m = await mastodon({ posts: 3 });
  const x = await startOembed();
  servers.push(x);
  x.addTweet('1863300000000000009', { user: 'oncnurse_dee', name: 'Dee', text: 'Hydration and gentle walks help in chemo week #bcsm' });
  const dir = tempDir('cli-add');
  const file = config(dir, [], { rules: { blockAccounts: ['@spammer@x.com'] } });
  const mastodonUrl = m.postUrl(m.ids[1]);
  const tweet = 'https://x.com/oncnurse_dee/status/1863300000000000009';
  const r = await cliAsync(['add', mastodonUrl, tweet, 'https://example.com/not-a-post', '--config', file, '--actor', 'comms'], {
    env: { CARECIRCLE_X_OEMBED: x.endpoint },
  });
  assert.equal(r.code, 1, 'one address failed');
  assert.match(r.out, new RegExp(`${mastodonUrl.replace(/[.?]/g, '\\$&')}: added; waiting for review \\(key [0-9a-f]{16}\\)`));
  assert.match(r.out, /x\.com\/oncnurse_dee\/status\/1863300000000000009: added; waiting for review/);
  assert.match(r.out, /https:\/\/example\.com\/not-a-post: FAILED: .*not a Mastodon, Bluesky or X post address/);
  const again = await cliAsync(['add', mastodonUrl, '--config', file]);
  assert.match(again.out, /already collected \(pending\)/);
  const audit = readFileSync(join(dir, 'state', 'audit.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    audit.map((e) => [e.action, e.actor, e.to]),
    [
      ['add', 'comms', 'pending'],
      ['add', 'comms', 'pending'],
    ],
  );
});
