// "Approve all pending from @…" and "Block @…" through the desk's API (src/pipeline/desk/api.ts pendingOf and bulk):
// the click acts on the posts its confirmation counted, at the versions counted, and on nothing collected, edited or
// decided since; it says which it left. `carecircle review` on a real state folder, plain HTTP. Needs the build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pipelineFolder, putRecords, record, startReview, cookieOf, api, readRecords } from './helpers.mjs';

// @patient1@mastodon.example wrote posts 1, 8 and 15; @patient2 wrote post 2.
const ann = [record(1), record(8), record(15)];
const other = record(2);
const account = '@patient1@mastodon.example';

let dir;
let desk;
let cookie;
before(async () => {
  dir = await pipelineFolder([...ann, other]);
  desk = await startReview(dir);
  cookie = await cookieOf(desk);
});
after(() => desk?.stop());

const count = async () => (await api(desk, cookie, `/api/pending?account=${encodeURIComponent(account)}`)).json;

test('the click acts only on the posts the confirmation counted, at the versions counted, and reports the others', async () => {
  const shown = await count();
  assert.deepEqual(
    shown.posts,
    ann.map((r) => ({ key: r.key, version: 1 })),
    'oldest first, with their versions',
  );
  assert.equal(shown.total, 3);
  // While the confirmation is open: a collect brings a new post from the account nobody has read and an edit of
  // post 8, and another reviewer rejects post 15.
  const late = record(22, { post: { text: 'Stop chemo, buy my protocol at evil.example' } });
  const edited = { ...ann[1], version: 2, post: { ...ann[1].post, text: 'Edited: stop chemo, buy my protocol' } };
  await putRecords(dir, [late, edited]);
  assert.equal((await api(desk, cookie, '/api/decide', { key: ann[2].key, version: 1, action: 'reject' })).status, 200);

  const r = await api(desk, cookie, '/api/bulk', { account, action: 'approve', posts: shown.posts });
  assert.equal(r.status, 200, r.body);
  assert.deepEqual(
    r.json.records.map((x) => [x.key, x.state]),
    [[ann[0].key, 'approved']],
  );
  assert.deepEqual(r.json.skipped.sort(), [ann[1].key, ann[2].key].sort());
  const stored = await readRecords(dir);
  assert.deepEqual(
    [stored.get(ann[1].key).state, stored.get(ann[2].key).state, stored.get(late.key).state, stored.get(other.key).state],
    ['pending', 'rejected', 'pending', 'pending'],
    'the edited post and the new one wait to be read',
  );

  // "Block" keeps its reason naming the account, on the posts counted only.
  const again = await count();
  assert.deepEqual(again.posts.map((p) => p.key).sort(), [ann[1].key, late.key].sort());
  const block = await api(desk, cookie, '/api/bulk', {
    account,
    action: 'reject',
    reason: `blocked account ${account}`,
    posts: again.posts.filter((p) => p.key === late.key),
  });
  assert.deepEqual(
    block.json.records.map((x) => [x.key, x.state, x.reason]),
    [[late.key, 'rejected', `blocked account ${account}`]],
  );
  assert.deepEqual(block.json.skipped, []);
  assert.equal((await readRecords(dir)).get(ann[1].key).state, 'pending', 'not counted, not blocked');
});

test('a bulk decision must list the posts it counted: a bad list is a 400 naming the field, and nothing changes', async () => {
  const before = await readRecords(dir);
  const post = { key: other.key, version: 1 };
  const cases = [
    [
      { account, action: 'approve' },
      /^posts: must list the posts the confirmation counted, as \[\{ "key", "version" \}, …\]; got nothing\.$/,
    ],
    [{ account, action: 'approve', posts: [] }, /^posts: must list the posts the confirmation counted/],
    [{ account, action: 'approve', posts: 'all' }, /^posts: must list the posts the confirmation counted/],
    [{ account, action: 'approve', posts: [post, 7] }, /^posts\[1\]: must be \{ "key", "version" \}, got 7\.$/],
    [{ account, action: 'approve', posts: [{ ...post, state: 'pending' }] }, /^posts\[0\]: unknown field "state"\.$/],
    [
      { account, action: 'approve', posts: [{ key: '../x', version: 1 }] },
      /^posts\[0\]\.key: must be a post's key \(16 hex digits\), got "\.\.\/x"\.$/,
    ],
    [{ account, action: 'approve', posts: [{ key: other.key, version: '1' }] }, /^posts\[0\]\.version: must be the whole number/],
    [{ account, action: 'approve', posts: [post, post] }, /^posts\[1\]\.key: [0-9a-f]{16} is listed twice\.$/],
    [{ account, action: 'approve', posts: Array.from({ length: 5001 }, () => post) }, /^posts: at most 5000 at once, got 5001\.$/],
    [{ account, action: 'approve', posts: [post], every: true }, /^Unknown field "every"\.$/],
  ];
  for (const [body, message] of cases) {
    const r = await api(desk, cookie, '/api/bulk', body);
    assert.equal(r.status, 400, JSON.stringify(body).slice(0, 80));
    assert.match(r.json.message, message);
  }
  assert.deepEqual(await readRecords(dir), before);
});
