// The published JSON Schemas (dist/schema/): every key explained, a resolvable $id, and one error for one
// typo in a feed source (ajv 2020-12 with the discriminator, as editors and CI validators read them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const tags = ['care-hashtag-feed', 'care-support-groups', 'care-chat-schedule'];
const schemas = Object.fromEntries(tags.map((t) => [t, JSON.parse(readFileSync(`dist/schema/${t}.schema.json`, 'utf8'))]));

/** Every property schema with its dotted path. */
function properties(node, path = '', out = [], seen = new Set()) {
  if (!node || typeof node !== 'object' || seen.has(node)) return out;
  seen.add(node);
  for (const [k, v] of Object.entries(node.properties ?? {})) {
    out.push({ path: path ? `${path}.${k}` : k, schema: v });
    properties(v, path ? `${path}.${k}` : k, out, seen);
  }
  for (const [k, v] of Object.entries(node))
    if (k !== 'properties' && v && typeof v === 'object') properties(v, k === 'items' ? `${path}[]` : path, out, seen);
  return out;
}

test('every property has a description, and keys of one name in different objects keep their own', () => {
  for (const tag of tags) {
    const props = properties(schemas[tag]);
    const without = props.filter((p) => !p.schema.description && p.schema.const === undefined).map((p) => p.path);
    assert.deepEqual(without, [], `${tag}: properties without a description`);
  }
  const feed = properties(schemas['care-hashtag-feed']);
  const urls = new Set(feed.filter((p) => p.path.endsWith('.url')).map((p) => p.schema.description));
  assert.ok(urls.size >= 3, 'post, author, media and snapshot addresses are described apart');
  const chats = properties(schemas['care-chat-schedule']);
  assert.notEqual(
    chats.find((p) => p.path === 'timeZone').schema.description,
    chats.find((p) => p.path === 'chats[].timeZone').schema.description,
  );
});

test('$id is the file on the public npm CDN for this version', () => {
  for (const tag of tags)
    assert.equal(schemas[tag].$id, `https://cdn.jsdelivr.net/npm/carecircle@${version}/dist/schema/${tag}.schema.json`);
});

test('one typo in a feed source is reported in its own branch only; an unknown type once', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false, discriminator: true });
  const validate = ajv.compile(schemas['care-hashtag-feed']);
  assert.equal(
    validate({ hashtag: 'bcsm', sources: [{ type: 'mastodon', instance: 'https://mastodon.social' }] }),
    true,
    JSON.stringify(validate.errors),
  );
  assert.equal(validate({ hashtag: 'bcsm', sources: [{ type: 'mastodon', instnce: 'https://mastodon.social' }] }), false);
  // Only the mastodon branch is reported: the misspelt key and the key it should have been (as the widget says).
  assert.deepEqual(validate.errors.map((e) => `${e.instancePath} ${e.keyword}`).sort(), [
    '/sources/0 additionalProperties',
    '/sources/0 required',
  ]);
  assert.equal(validate({ hashtag: 'bcsm', sources: [{ type: 'mastodn', instance: 'https://mastodon.social' }] }), false);
  assert.equal(validate.errors.length, 1, JSON.stringify(validate.errors));
});
