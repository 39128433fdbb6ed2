// "All from this account" and the account filter through the desk's API (src/pipeline/desk/api.ts, the store's
// bulk and list): an account is named by its handle (Mastodon or Bluesky) or by its Bluesky DID, which stays when
// the account changes its handle. `carecircle review` on a real state folder, plain HTTP. Needs the build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pipelineFolder, record, startReview, cookieOf, api, readRecords, readAudit } from './helpers.mjs';

/** A Bluesky post by `did` under `handle`: its id is the post's `at://` address, which names the DID. */
const bluesky = (i, did, handle) =>
  record(i, {
    post: {
      id: `at://${did}/app.bsky.feed.post/3kx${i}`,
      url: `https://bsky.app/profile/${handle.slice(1)}/post/3kx${i}`,
      author: { name: 'Jo', handle, url: `https://bsky.app/profile/${handle.slice(1)}` },
    },
    sources: ['bluesky:search#bcsm'],
  });

// did:plc:jo posted as @jo.bsky.social, then renamed itself @jo-renamed.bsky.social; did:plc:other took the old name.
const jo = [bluesky(1, 'did:plc:jo', '@jo.bsky.social'), bluesky(2, 'did:plc:jo', '@jo-renamed.bsky.social')];
const other = bluesky(3, 'did:plc:other', '@jo.bsky.social');
const mastodon = [record(4), record(5)];

let dir;
let desk;
let cookie;
before(async () => {
  dir = await pipelineFolder([...jo, other, ...mastodon]);
  desk = await startReview(dir);
  cookie = await cookieOf(desk);
});
after(() => desk?.stop());

/** What the desk's "approve all / block" confirmation counts for `account`: its pending posts' keys and versions. */
const counted = async (account) => (await api(desk, cookie, `/api/pending?account=${encodeURIComponent(account)}`)).json.posts;

test('/api/bulk takes a handle (Mastodon or Bluesky) or a Bluesky DID; anything else is a 400 that names both', async () => {
  for (const account of [
    '',
    'jo',
    '@jo',
    'did:plc:',
    'at://did:plc:jo/app.bsky.feed.post/3kx1',
    '@a@b@c',
    'x'.repeat(301) + '.social',
    42,
  ]) {
    const r = await api(desk, cookie, '/api/bulk', { account, action: 'approve', posts: [{ key: jo[0].key, version: 1 }] });
    assert.equal(r.status, 400, String(account).slice(0, 60));
    assert.match(
      r.json.message,
      /^account: must be a handle like @name@server or @name\.bsky\.social, or a Bluesky DID like did:plc:…; got /,
    );
    // The count the confirmation asks for takes the same accounts.
    const count = await api(desk, cookie, `/api/pending?account=${encodeURIComponent(String(account))}`);
    assert.equal(count.status, 400, String(account).slice(0, 60));
    assert.match(count.json.message, /^account: must be a handle like @name@server/);
  }
  assert.deepEqual(readAudit(dir), [], 'nothing changed');
  // A Bluesky handle is accepted (it was refused as not @name@server): its posts only, not the renamed ones.
  const byHandle = await api(desk, cookie, '/api/bulk', {
    account: '@jo.bsky.social',
    action: 'approve',
    reason: 'checked',
    posts: await counted('@jo.bsky.social'),
  });
  assert.equal(byHandle.status, 200, byHandle.body);
  assert.deepEqual(byHandle.json.records.map((r) => r.key).sort(), [jo[0].key, other.key].sort());
  const undo = async (records) => {
    for (const r of records)
      await api(desk, cookie, '/api/decide', {
        key: r.key,
        version: r.version,
        action: 'restore',
        restore: { state: 'pending', pinned: false },
      });
  };
  await undo(byHandle.json.records);
  const byMastodon = await api(desk, cookie, '/api/bulk', {
    account: 'Patient4@Mastodon.Example',
    action: 'approve',
    posts: await counted('Patient4@Mastodon.Example'),
  });
  assert.deepEqual(
    byMastodon.json.records.map((r) => [r.key, r.reason]),
    [[mastodon[0].key, 'bulk approve @patient4@mastodon.example']],
  );
  await undo(byMastodon.json.records);
});

test('/api/bulk with a DID blocks the account under every handle it had, not the account that took its old handle', async () => {
  const r = await api(desk, cookie, '/api/bulk', { account: 'did:plc:jo', action: 'reject', posts: await counted('did:plc:jo') });
  assert.equal(r.status, 200, r.body);
  assert.deepEqual(
    r.json.records.map((x) => [x.key, x.state, x.reason]).sort(),
    [
      [jo[0].key, 'rejected', 'bulk reject @jo.bsky.social (did:plc:jo)'],
      [jo[1].key, 'rejected', 'bulk reject @jo-renamed.bsky.social (did:plc:jo)'],
    ].sort(),
  );
  const stored = await readRecords(dir);
  assert.equal(stored.get(other.key).state, 'pending');
  for (const m of mastodon) assert.equal(stored.get(m.key).state, 'pending');
});

test('the list filter takes a DID (every handle of the account) or a handle', async () => {
  const keys = async (account) =>
    (await api(desk, cookie, `/api/posts?state=all&account=${encodeURIComponent(account)}`)).json.posts.map((r) => r.key).sort();
  assert.deepEqual(await keys('did:plc:jo'), jo.map((r) => r.key).sort());
  assert.deepEqual(await keys('@jo.bsky.social'), [jo[0].key, other.key].sort());
  assert.deepEqual(await keys('@patient5@mastodon.example'), [mastodon[1].key]);
});
