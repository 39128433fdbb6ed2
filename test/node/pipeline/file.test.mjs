// Exported files as a source (src/pipeline/sources/file.ts): the RFC 4180 CSV reader, rows checked with the
// widget's post schema and reported by row and column, JSON exports, and the file source's cursor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from './load.mjs';

const { parseCsv, postsFromCsv, postsFromJson, sourcesFrom, sourceConfigSchema } = await pipeline();

const fields = (csv) => parseCsv(csv).map((r) => r.fields);

test('CSV: quotes, doubled quotes, commas and line breaks inside quotes, BOM, CRLF, a last line without a break', () => {
  const csv =
    '\ufeffid,text,n\r\n1,"Hello, world",a\r\n2,"She said ""hi""",b\r\n3,"two\r\nlines\nand three",c\r\n4,,\r\n5,plain "inch" mark,e';
  assert.deepEqual(fields(csv), [
    ['id', 'text', 'n'],
    ['1', 'Hello, world', 'a'],
    ['2', 'She said "hi"', 'b'],
    ['3', 'two\r\nlines\nand three', 'c'],
    ['4', '', ''],
    ['5', 'plain "inch" mark', 'e'],
  ]);
  assert.deepEqual(
    parseCsv(csv).map((r) => r.line),
    [1, 2, 3, 4, 7, 8],
    'each record knows the line it starts on',
  );
});

test('CSV: LF or lone CR line ends, empty lines skipped, an empty quoted field, a trailing comma', () => {
  assert.deepEqual(fields('a,b\n\n1,2\n'), [
    ['a', 'b'],
    ['1', '2'],
  ]);
  assert.deepEqual(fields('a,b\r1,2\r'), [
    ['a', 'b'],
    ['1', '2'],
  ]);
  assert.deepEqual(fields('a,b\n"",x\ny,\n'), [
    ['a', 'b'],
    ['', 'x'],
    ['y', ''],
  ]);
  assert.deepEqual(fields('""'), [['']]);
  assert.deepEqual(fields(''), []);
});

test('CSV: an unclosed quote and text after a closing quote are errors naming the line', () => {
  assert.throws(() => parseCsv('a,b\n1,"never closed\n2,3\n'), {
    name: 'CsvError',
    message: 'line 2: a quoted field is never closed (a missing " ).',
  });
  assert.throws(() => parseCsv('a,b\n1,2\n"x"y,3\n'), {
    name: 'CsvError',
    message: 'line 3: text after a closing quote; a quote inside a quoted field is written "" (two quotes).',
  });
});

const header = 'id,url,createdAt,authorName,authorHandle,authorUrl,text,language,imageUrl,imageAlt';
const row = (over = {}) => {
  const r = {
    id: '1',
    url: 'https://hospital.example/posts/1',
    createdAt: '2026-11-28T09:30:00Z',
    authorName: 'Dr Ann Lee',
    authorHandle: '@annlee@hospital.example',
    authorUrl: 'https://hospital.example/ann',
    text: 'Our clinic, explained',
    language: 'en',
    imageUrl: '',
    imageAlt: '',
    ...over,
  };
  return Object.values(r)
    .map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v))
    .join(',');
};

test('CSV rows become posts; a bad row is skipped and named by its row number and column', () => {
  const csv = [
    header,
    row(),
    row({ id: '2', url: 'javascript:alert(1)' }),
    row({
      id: '3',
      url: 'https://hospital.example/posts/3',
      text: 'Line one\nline two',
      imageUrl: 'https://hospital.example/p.jpg',
      imageAlt: 'A ward',
    }),
    row({ id: '4', url: 'https://hospital.example/posts/4', createdAt: 'last Tuesday' }),
  ].join('\r\n');
  const { posts, warnings } = postsFromCsv(csv, 'export.csv');
  assert.deepEqual(
    posts.map((p) => p.id),
    ['1', '3'],
  );
  assert.deepEqual(posts[0], {
    id: '1',
    url: 'https://hospital.example/posts/1',
    createdAt: '2026-11-28T09:30:00Z',
    author: { name: 'Dr Ann Lee', handle: '@annlee@hospital.example', url: 'https://hospital.example/ann' },
    text: 'Our clinic, explained',
    language: 'en',
  });
  assert.deepEqual(posts[1].media, [{ url: 'https://hospital.example/p.jpg', alt: 'A ward', type: 'image' }]);
  assert.equal(posts[1].text, 'Line one\nline two');
  assert.equal(warnings.length, 2);
  assert.match(
    warnings[0],
    /^export\.csv: row 3, column "url": Must be a web address starting with https:\/\/ or http:\/\/.* Row skipped\.$/,
  );
  // Row 4 spans two lines, so row 5 starts on line 6.
  assert.match(warnings[1], /^export\.csv: row 5 \(line 6\), column "createdAt": .*ISO 8601.* Row skipped\.$/);
});

test('CSV columns may be named in the config; a missing required column fails the file with the headers it has', () => {
  const csv =
    'Link,Posted,Who,Account,Profile,Message\nhttps://h.example/1,2026-11-28T09:30:00Z,Ann,@ann@h.example,https://h.example/ann,Hello\n';
  const columns = { url: 'Link', createdAt: 'Posted', authorName: 'Who', authorHandle: 'Account', authorUrl: 'Profile', text: 'Message' };
  const { posts, warnings } = postsFromCsv(csv, 'comms.csv', columns);
  assert.deepEqual(warnings, []);
  assert.equal(posts[0].id, 'https://h.example/1', 'without an id column the address is the id');
  assert.equal(posts[0].text, 'Hello');
  assert.throws(() => postsFromCsv(csv, 'comms.csv'), {
    message:
      'comms.csv: no column "url", "createdAt", "authorHandle", "authorUrl" in the header row (it has "Link", "Posted", "Who", "Account", "Profile", "Message"). Name your columns in "columns", like { "url": "Link" }.',
  });
  assert.throws(() => postsFromCsv('', 'empty.csv'), /empty\.csv: the file is empty/);
  const extra = postsFromCsv(`${header}\n${row()},surplus`, 'x.csv');
  assert.match(extra.warnings[0], /^x\.csv: row 2: 11 values but 10 columns/);
});

test('JSON exports: a list of posts or { posts }; a bad entry is named by its path; HTML is reduced', () => {
  const good = {
    id: 'a',
    url: 'https://h.example/a',
    createdAt: '2026-11-28T09:30:00Z',
    author: { name: 'A', handle: '@a@h.example', url: 'https://h.example/@a' },
    html: '<p>Hi <script>alert(1)</script><a href="javascript:x()">there</a></p>',
  };
  const bad = { ...good, id: 'b', author: { ...good.author, url: 'ftp://h.example' } };
  const listed = postsFromJson(JSON.stringify([good, bad]), 'posts.json');
  assert.equal(listed.posts.length, 1);
  assert.equal(listed.posts[0].html, '<p>Hi there</p>');
  assert.equal(listed.posts[0].text, 'Hi there');
  assert.equal(listed.warnings.length, 1);
  assert.match(listed.warnings[0], /^posts\.json: 1\.author\.url: .* Post skipped\.$/);
  const relative = postsFromJson(JSON.stringify([{ ...good, url: '/posts/a' }]), 'posts.json');
  assert.deepEqual(relative.warnings, ['posts.json: 0.url: Must be a full web address starting with https:// (or http://). Post skipped.']);
  const wrapped = postsFromJson(JSON.stringify({ generatedAt: 'x', posts: [bad] }), 'snap.json');
  assert.match(wrapped.warnings[0], /^snap\.json: posts\.0\.author\.url: /);
  assert.throws(() => postsFromJson('{"posts": 3}', 'p.json'), {
    message: 'p.json: expected a list of posts, or an object with "posts": a list of posts.',
  });
  assert.throws(() => postsFromJson('{oops', 'p.json'), /^Error: p\.json: not valid JSON: /);
});

test('a file source reads its file relative to the config, and skips an unchanged file by its hash', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'carecircle-file-'));
  writeFileSync(join(dir, 'export.csv'), `${header}\n${row()}\n${row({ id: '2', url: 'bad' })}\n`);
  const [source] = sourcesFrom([sourceConfigSchema.parse({ type: 'file', path: 'export.csv' })], { hashtag: 'bcsm', base: dir });
  assert.equal(source.id, 'file:export.csv');
  const lines = [];
  const context = { fetch: () => assert.fail('a file source never fetches'), env: {}, progress: (m) => lines.push(m), limit: 100 };
  const first = await source.collect(context);
  assert.equal(first.posts.length, 1);
  assert.match(first.cursor, /^[0-9a-f]{32}$/);
  assert.deepEqual(first.warnings, [
    'export.csv: row 3, column "url": Must be a full web address starting with https:// (or http://). Row skipped.',
  ]);
  assert.deepEqual(lines, ['export.csv: 1 posts, 1 skipped']);
  // A skipped row may be a post still in the export (a typo in one cell): its absence proves no deletion.
  assert.equal(first.complete, false, 'not a complete listing when a row was skipped');
  const again = await source.collect({ ...context, cursor: first.cursor });
  assert.deepEqual(again, { posts: [], cursor: first.cursor, warnings: [] });
  writeFileSync(join(dir, 'export.csv'), `${header}\n${row()}\n`);
  assert.equal((await source.collect(context)).complete, true, 'every row read: a complete listing');

  const [missing] = sourcesFrom([sourceConfigSchema.parse({ type: 'file', path: 'nope.json' })], { hashtag: 'bcsm', base: dir });
  await assert.rejects(missing.collect(context), { message: `nope.json: cannot read it (no such file at ${join(dir, 'nope.json')}).` });
  const [unknown] = sourcesFrom([sourceConfigSchema.parse({ type: 'file', path: 'export.txt' })], { hashtag: 'bcsm', base: dir });
  await assert.rejects(unknown.collect(context), {
    message: 'export.txt: cannot tell whether it is CSV or JSON from its name; add "format": "csv" or "json".',
  });
});

test('source configs: defaults filled, server addresses checked, an unknown type refused', () => {
  assert.deepEqual(sourceConfigSchema.parse({ type: 'bluesky-search', query: '#bcsm' }), {
    type: 'bluesky-search',
    query: '#bcsm',
    handleEnv: 'CARECIRCLE_BSKY_HANDLE',
    passwordEnv: 'CARECIRCLE_BSKY_APP_PASSWORD',
    service: 'https://bsky.social',
  });
  assert.equal(
    sourceConfigSchema.parse({ type: 'bluesky-feed', feed: 'at://did:plc:a/app.bsky.feed.generator/b' }).service,
    'https://public.api.bsky.app',
  );
  assert.ok(sourceConfigSchema.safeParse({ type: 'mastodon', instances: ['http://127.0.0.1:8080'] }).success, 'this machine over http');
  for (const bad of ['http://mastodon.social', 'https://mastodon.social/explore', 'mastodon.social'])
    assert.equal(sourceConfigSchema.safeParse({ type: 'mastodon', instances: [bad] }).success, false, bad);
  assert.equal(sourceConfigSchema.safeParse({ type: 'mastodon', instances: [] }).success, false);
  // The search logs in there with the app password: never over plain http to another machine, never a relative path.
  for (const bad of ['http://bsky.social', '/xrpc', 'bsky.social']) {
    assert.equal(sourceConfigSchema.safeParse({ type: 'bluesky-search', query: '#bcsm', service: bad }).success, false, bad);
    const feed = { type: 'bluesky-feed', feed: 'at://did:plc:a/app.bsky.feed.generator/b', service: bad };
    assert.equal(sourceConfigSchema.safeParse(feed).success, false, bad);
  }
  assert.ok(sourceConfigSchema.safeParse({ type: 'bluesky-search', query: '#bcsm', service: 'http://127.0.0.1:2583' }).success);
  assert.equal(sourceConfigSchema.safeParse({ type: 'bluesky-search', query: '#bcsm', passwordEnv: 'not a name' }).success, false);
  assert.equal(sourceConfigSchema.safeParse({ type: 'file', path: 'a.csv', columns: { txt: 'Message' } }).success, false);
  assert.equal(sourceConfigSchema.safeParse({ type: 'rss', url: 'https://x.example' }).success, false);
});
