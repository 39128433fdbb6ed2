// `publish` (src/pipeline/publish.ts): the snapshot the feed widget reads, mirrored media, chats.ics and
// groups.json, each checked the way its reader checks it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, get as httpGet } from 'node:http';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { lib, tempDir, post, fakeSource, loadedConfig, cli, mtimes, readJson } from './helpers.mjs';

const { FileStore, collect, publish, keyOf, sniff, MediaMirror, publicAddress, publicOnlyFetch, politeFetch, pipelineWiring } = lib;
const fixed = () => new Date('2026-12-01T10:00:00.000Z');

/** A state with `posts` collected; `decide` maps post ids to actions. */
async function prepared(posts, decide = {}, over = {}) {
  const dir = tempDir('publish');
  const loaded = loadedConfig(dir, over);
  const store = new FileStore(loaded.stateDir, { now: fixed });
  await collect({ loaded, store, sources: [fakeSource('fake:a', posts)], fetch, actor: 'c' });
  for (const [id, actions] of Object.entries(decide))
    for (const action of [actions].flat()) {
      const r = (await store.list()).find((x) => x.post.id === id);
      const d = typeof action === 'string' ? { action } : action;
      const result = await store.decide({ key: r.key, version: r.version, ...d }, 'nurse');
      assert.equal(result.ok, true, result.message);
    }
  return { dir, loaded, store, file: join(dir, 'public', 'bcsm.json') };
}

/** Runs the snapshot's posts through `carecircle check`, which validates exactly as <care-hashtag-feed> does. */
function checkWithWidget(dir, posts) {
  const config = join(dir, 'feed-check.json');
  writeFileSync(config, JSON.stringify({ hashtag: 'bcsm', sources: [{ type: 'posts', posts }] }));
  return cli(['check', '--widget', 'care-hashtag-feed', config]);
}

test('the snapshot holds approved posts only, pinned first then newest, with reviewers\u2019 alt text, valid for the feed widget', async () => {
  const media = [
    { url: 'https://files.example/a.png', type: 'image' },
    { url: 'https://files.example/b.png', alt: 'Old', type: 'image' },
  ];
  const posts = [post(1), post(2, { media }), post(3), post(4), post(5, { contentWarning: 'Recurrence' })];
  const { dir, file, loaded, store } = await prepared(posts, {
    p1: 'approve',
    p2: ['approve', { action: 'edit-alt', alt: { index: 0, text: 'A pink ribbon on a hospital gown' } }],
    p3: 'pin',
    p4: 'reject',
    p5: 'hold',
  });
  const report = await publish({ loaded, store, actor: 'publisher', fetch });
  const snapshot = readJson(file);
  assert.equal(snapshot.generatedAt, '2026-12-01T10:00:00.000Z');
  assert.deepEqual(
    snapshot.posts.map((p) => p.id),
    ['p3', 'p2', 'p1'],
  );
  assert.deepEqual(
    snapshot.posts[1].media.map((m) => m.alt),
    ['A pink ribbon on a hospital gown', 'Old'],
  );
  assert.deepEqual(report.added.sort(), ['p1', 'p2', 'p3'].map((id) => keyOf(posts.find((p) => p.id === id).url)).sort());
  assert.deepEqual(report.files, [file]);
  const check = checkWithWidget(dir, snapshot.posts);
  assert.equal(check.code, 0, check.all);
  assert.match(check.out, /valid\./);
  const entry = store.audit().at(-1);
  assert.deepEqual([entry.action, entry.actor, entry.detail.posts, entry.detail.added], ['publish', 'publisher', 3, 3]);
});

test('publish.limit caps the snapshot (pinned posts first); a second publish with nothing new rewrites nothing and logs nothing', async () => {
  const posts = Array.from({ length: 8 }, (_, i) => post(i));
  const { file, loaded, store } = await prepared(posts, Object.fromEntries(posts.map((p, i) => [p.id, i === 0 ? 'pin' : 'approve'])), {
    publish: { limit: 3 },
  });
  await publish({ loaded, store, actor: 'p', fetch });
  assert.deepEqual(
    readJson(file).posts.map((p) => p.id),
    ['p0', 'p7', 'p6'],
  );
  const times = mtimes(join(loaded.base, 'public'));
  const audit = store.audit().length;
  const again = await publish({ loaded, store: new FileStore(loaded.stateDir), actor: 'p', fetch });
  assert.deepEqual([again.added, again.removed, again.files], [[], [], []]);
  assert.deepEqual(mtimes(join(loaded.base, 'public')), times);
  assert.equal(store.audit().length, audit);
});

test('a post rejected after approval leaves the snapshot and is reported removed', async () => {
  const { file, loaded, store } = await prepared([post(1), post(2)], { p1: 'approve', p2: 'approve' });
  await publish({ loaded, store, actor: 'p', fetch });
  const r = await store.get(keyOf(post(2).url));
  await store.decide({ key: r.key, version: r.version, action: 'remove', reason: 'Patient asked us to' }, 'nurse');
  const report = await publish({ loaded, store, actor: 'p', fetch });
  assert.deepEqual(report.removed, [r.key]);
  assert.deepEqual(
    readJson(file).posts.map((p) => p.id),
    ['p1'],
  );
});

test('a recheck answering at a new address (the author renamed) and with new words requeues the post without losing it', async () => {
  const { loaded, store } = await prepared([post(1), post(2)], { p1: 'approve', p2: 'approve' });
  const renamed = { ...post(1), url: 'https://mastodon.example/@renamed/1001', text: 'Edited at its source, after a rename.' };
  const report = await publish({ loaded, store, actor: 'p', fetch, recheck: async (url) => (url === post(1).url ? renamed : post(2)) });
  const key = keyOf(post(1).url);
  assert.deepEqual(report.requeued, [key]);
  const fresh = new FileStore(loaded.stateDir);
  const r = await fresh.get(key);
  assert.equal(r?.state, 'pending', 'still in the store, waiting for review');
  assert.equal(r.post.text, renamed.text);
  assert.equal(keyOf(r.post.url), key, 'kept under the address it is stored by');
  assert.equal((await fresh.list()).length, 2);
  assert.deepEqual(fresh.problems, []);
});

// ------------------------------------------------------------------ media

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR fake but typed right')]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF body')]);
/** The paths the media server was asked for, in order. */
const served = [];
const media = createServer((req, res) => {
  served.push(req.url);
  const send = (type, body, headers = {}) => (res.writeHead(200, { 'content-type': type, ...headers }), res.end(body));
  const redirect = (location) => (res.writeHead(302, { location }), res.end());
  const port = media.address().port;
  switch (req.url) {
    case '/moved.png':
      return redirect(`http://moved.example:${port}/ok.png`);
    case '/to-inside.png':
      return redirect(`http://inside.example:${port}/ok.png`);
    case '/to-metadata.png':
      return redirect('http://169.254.169.254/latest/meta-data/');
    case '/ok.png':
    case '/avatar.png':
      return send('image/png', PNG);
    case '/photo.jpg':
      return send('image/jpeg; charset=binary', JPEG);
    case '/svg-as-png.png':
      return send('image/png', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    case '/logo.svg':
      return send('image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    case '/page.html':
      return send('text/html', '<script>alert(1)</script>');
    case '/declared-big.png':
      return send('image/png', PNG, { 'content-length': String(PNG.length) }) && undefined;
    case '/streamed-big.png': {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.write(PNG);
      for (let i = 0; i < 20; i++) res.write(Buffer.alloc(1000, 1));
      return res.end();
    }
    default:
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('no');
  }
});
await new Promise((r) => media.listen(0, '127.0.0.1', r));
after(() => media.close());
const at = (path) => `http://127.0.0.1:${media.address().port}${path}`;

test('sniff knows the image types by their first bytes', () => {
  assert.equal(sniff(PNG), 'image/png');
  assert.equal(sniff(JPEG), 'image/jpeg');
  assert.equal(sniff(Buffer.from('GIF89a...')), 'image/gif');
  assert.equal(sniff(Buffer.from('RIFF\0\0\0\0WEBPVP8 ')), 'image/webp');
  assert.equal(sniff(Buffer.from('\0\0\0\x1cftypavif')), 'image/avif');
  assert.equal(sniff(Buffer.from('<svg onload=alert(1)>')), undefined);
});

test('--mirror-media copies checked images under publish.url, drops what fails a check, and prunes copies no post uses', async () => {
  const item = (path, alt) => ({ url: at(path), alt, type: 'image' });
  const author = (n) => ({ ...post(n).author, avatar: at('/avatar.png') });
  const posts = [
    post(1, { author: author(1), media: [item('/ok.png', 'ok'), item('/svg-as-png.png', 'lies'), item('/logo.svg', 'svg')] }),
    post(2, { author: { ...post(2).author, avatar: at('/page.html') }, media: [item('/photo.jpg', 'jpg'), item('/page.html', 'html')] }),
    post(3, { media: [item('/streamed-big.png', 'big'), item('/missing.png', '404')] }),
  ];
  const { dir, file, loaded, store } = await prepared(
    posts,
    { p1: 'approve', p2: 'approve', p3: 'approve' },
    {
      publish: { url: '/carecircle/', mirrorMedia: { maxBytes: 2000, privateNetwork: true } },
    },
  );
  const warnings = [];
  await publish({ loaded, store, actor: 'p', fetch, mirrorMedia: true, warn: (m) => warnings.push(m) });
  const byId = Object.fromEntries(readJson(file).posts.map((p) => [p.id, p]));
  const local = /^\/carecircle\/media\/[0-9a-f]{32}\.(png|jpg)$/;
  assert.match(byId.p1.author.avatar, local);
  assert.deepEqual(
    byId.p1.media.map((m) => m.alt),
    ['ok'],
  );
  assert.match(byId.p1.media[0].url, local);
  assert.equal(byId.p1.author.avatar, byId.p1.media[0].url, 'the same bytes are stored once');
  assert.equal(byId.p2.author.avatar, undefined, 'an avatar that is not an image is left out');
  assert.deepEqual(
    byId.p2.media.map((m) => [m.alt, m.url.endsWith('.jpg')]),
    [['jpg', true]],
  );
  assert.equal(byId.p3.media, undefined);
  for (const [path, why] of [
    ['/svg-as-png.png', /declared image\/png but its bytes are not an image type allowed here/],
    ['/logo.svg', /type image\/svg\+xml is not one of/],
    ['/page.html', /type text\/html is not one of/],
    ['/streamed-big.png', /over the 2000-byte limit/],
    ['/missing.png', /HTTP 404/],
  ])
    assert.ok(
      warnings.some((w) => w.includes(at(path)) && why.test(w)),
      `${path}: ${warnings.join('\n')}`,
    );
  const files = () => readdirSync(join(dir, 'public', 'media')).sort();
  assert.equal(files().length, 2);
  for (const f of files()) assert.ok(sniff(readFileSync(join(dir, 'public', 'media', f))));
  assert.equal(checkWithWidget(dir, readJson(file).posts).code, 0);
  // p2 (the only user of the JPEG) is rejected: its copy goes at the next publish.
  const r = await store.get(keyOf(posts[1].url));
  await store.decide({ key: r.key, version: r.version, action: 'reject' }, 'nurse');
  await publish({ loaded, store, actor: 'p', fetch, mirrorMedia: true });
  assert.deepEqual(
    files().map((f) => f.split('.')[1]),
    ['png'],
  );
});

test('a post removed from the site while publish copies pictures stays out of the snapshot, and its picture too', async () => {
  const posts = [
    post(1, { media: [{ url: at('/ok.png'), alt: 'ok', type: 'image' }] }),
    post(2, { media: [{ url: at('/photo.jpg'), alt: 'jpg', type: 'image' }] }),
  ];
  const { dir, file, loaded, store } = await prepared(
    posts,
    { p1: 'approve', p2: 'approve' },
    { publish: { url: '/c/', mirrorMedia: { privateNetwork: true } } },
  );
  // A slow picture server: each copy waits until the reviewer has acted.
  let go;
  const gate = new Promise((resolve) => (go = resolve));
  let asked;
  const started = new Promise((resolve) => (asked = resolve));
  const slow = async (url, init) => (asked(), await gate, fetch(url, init));
  const running = publish({ loaded, store, actor: 'p', fetch, mediaFetch: slow, mirrorMedia: true });
  await started;
  // In the desk, meanwhile: post 1 is taken off the site.
  const r = await store.get(keyOf(posts[0].url));
  assert.equal((await store.decide({ key: r.key, version: r.version, action: 'remove' }, 'kim')).ok, true);
  go();
  const report = await running;
  assert.deepEqual(
    readJson(file).posts.map((p) => p.id),
    ['p2'],
  );
  assert.deepEqual([report.added, report.removed], [[keyOf(posts[1].url)], []]);
  assert.equal((await store.get(r.key)).state, 'removed', 'the removal stands');
  assert.deepEqual(
    readdirSync(join(dir, 'public', 'media')).map((f) => f.split('.')[1]),
    ['jpg'],
    'the removed post’s picture is not left on the site',
  );
});

test('--mirror-media fetches a picture once: later publishes reuse its copy without asking its server again', async () => {
  const posts = [post(1, { media: [{ url: at('/ok.png'), alt: 'ok', type: 'image' }] })];
  const { dir, file, loaded, store } = await prepared(
    posts,
    { p1: 'approve' },
    { publish: { url: '/c/', mirrorMedia: { privateNetwork: true } } },
  );
  const asked = [];
  const counting = (url, init) => (asked.push(url), fetch(url, init));
  await publish({ loaded, store, actor: 'p', fetch: counting, mirrorMedia: true });
  assert.deepEqual(asked, [at('/ok.png')]);
  const copy = readJson(file).posts[0].media[0].url;
  assert.match(copy, /^\/c\/media\/[0-9a-f]{32}\.png$/);
  await publish({ loaded, store: new FileStore(loaded.stateDir), actor: 'p', fetch: counting, mirrorMedia: true });
  assert.deepEqual(asked, [at('/ok.png')], 'not fetched again');
  assert.equal(readJson(file).posts[0].media[0].url, copy);
  // A copy that went missing from the folder is fetched again.
  rmSync(join(dir, 'public', 'media', copy.split('/').pop()));
  await publish({ loaded, store, actor: 'p', fetch: counting, mirrorMedia: true });
  assert.equal(asked.length, 2);
  assert.ok(existsSync(join(dir, 'public', 'media', copy.split('/').pop())));
});

test('a file declaring a size over the limit is not downloaded; mirroring without publish.url is a clear error', async () => {
  const big = [post(1, { media: [{ url: at('/declared-big.png'), type: 'image' }] })];
  const { loaded, store } = await prepared(
    big,
    { p1: 'approve' },
    { publish: { url: '/c/', mirrorMedia: { maxBytes: 10, privateNetwork: true } } },
  );
  const warnings = [];
  await publish({ loaded, store, actor: 'p', fetch, mirrorMedia: true, warn: (m) => warnings.push(m) });
  assert.ok(
    warnings.some((w) => /declared-big\.png: over the 10-byte limit/.test(w)),
    warnings.join('\n'),
  );
  const plain = await prepared(big, { p1: 'approve' });
  await assert.rejects(
    publish({ loaded: plain.loaded, store: plain.store, actor: 'p', fetch, mirrorMedia: true }),
    /publish\.url is needed for --mirror-media/,
  );
});

// ------------------------------------------------------------------ chats.ics and groups.json

test('chats.ics: every chat of the schedule config as a recurring event ical.js reads back; not rewritten for a new DTSTAMP alone', async () => {
  const { loaded, store } = await prepared([], {}, { publish: { chats: 'chats.json' } });
  const chats = {
    chats: [
      {
        id: 'bcsm',
        title: '#bcsm weekly chat',
        timeZone: 'America/New_York',
        start: '2026-01-05T21:00',
        rrule: 'FREQ=WEEKLY;BYDAY=MO',
        exceptions: ['2026-12-28'],
        url: 'https://x.com/hashtag/bcsm',
      },
      {
        id: 'carers',
        title: { en: 'Carers meet-up', es: 'Encuentro de cuidadores' },
        timeZone: 'Australia/Sydney',
        start: '2026-02-03T19:00',
        rrule: 'FREQ=MONTHLY;BYDAY=1TU',
        url: 'javascript:alert(1)',
      },
      { id: 'bad', title: 'Broken', timeZone: 'Mars/Olympus', start: '2026-02-03T19:00' },
    ],
  };
  writeFileSync(join(loaded.base, 'chats.json'), JSON.stringify(chats));
  const warnings = [];
  const report = await publish({ loaded, store, actor: 'p', fetch, warn: (m) => warnings.push(m) });
  const out = join(loaded.base, 'public', 'chats.ics');
  assert.ok(report.files.includes(out));
  const cal = new ICAL.Component(ICAL.parse(readFileSync(out, 'utf8')));
  const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  assert.deepEqual(
    events.map((e) => [e.uid, e.summary]),
    [
      // Each UID is the chat's id at the host of the pipeline's site.url, so two sites' chats never merge.
      ['bcsm@hospital.example', '#bcsm weekly chat'],
      ['carers@hospital.example', 'Carers meet-up'],
    ],
  );
  assert.equal(events[0].component.getFirstPropertyValue('rrule').freq, 'WEEKLY');
  assert.equal(events[1].component.getFirstPropertyValue('url'), null, 'a javascript: address is never written');
  assert.ok(
    warnings.some((w) => /chats\.2.*timeZone/.test(w)),
    warnings.join('\n'),
  );
  const times = mtimes(join(loaded.base, 'public'));
  const later = new FileStore(loaded.stateDir, { now: () => new Date('2026-12-05T00:00:00Z') });
  await publish({ loaded, store: later, actor: 'p', fetch });
  assert.deepEqual(mtimes(join(loaded.base, 'public')), times);
});

test('groups.json: an HSDS feed mapped once into a <care-support-groups> config that the widget accepts as is', async () => {
  const { loaded, store } = await prepared(
    [],
    {},
    { publish: { groups: { hsds: 'services.json', timeZone: 'Australia/Sydney', base: 'base.json' } } },
  );
  const hsds = readJson('demo/pipeline/hsds-services.json');
  hsds.services.push({ id: 'carers-circle', name: 'Same id as another' });
  writeFileSync(join(loaded.base, 'services.json'), JSON.stringify(hsds));
  writeFileSync(join(loaded.base, 'base.json'), JSON.stringify({ helpLine: { label: 'Cancer Council', phone: '13 11 20' } }));
  const warnings = [];
  await publish({ loaded, store, actor: 'p', fetch, warn: (m) => warnings.push(m) });
  const out = join(loaded.base, 'public', 'groups.json');
  const groups = readJson(out);
  assert.deepEqual(
    groups.groups.map((g) => g.id),
    ['northside-bcsg', 'young-women-bc', 'carers-circle'],
  );
  assert.equal(groups.helpLine.phone, '13 11 20');
  assert.ok(
    warnings.some((w) => /Same id|unique/i.test(w)),
    warnings.join('\n'),
  );
  const check = cli(['check', '--widget', 'care-support-groups', out]);
  assert.equal(check.code, 0, check.all);
});

test('groups.json: every page of a paged HSDS API answer, fetched with its page parameter', async () => {
  const { loaded, store } = await prepared(
    [],
    {},
    { publish: { groups: { hsds: 'https://directory.example/hsds/services?per_page=2', timeZone: 'Australia/Sydney' } } },
  );
  const asked = [];
  const pages = async (url) => {
    asked.push(url);
    const page = Number(new URL(url).searchParams.get('page') ?? 1);
    const contents = [1, 2].map((k) => ({ id: `svc-${page}-${k}`, name: `Service ${page}.${k}` })).slice(0, page == 3 ? 1 : 2);
    return Response.json({ total_items: 5, total_pages: 3, page_number: page, size: contents.length, contents });
  };
  const warnings = [];
  await publish({ loaded, store, actor: 'p', fetch: pages, warn: (m) => warnings.push(m) });
  const groups = readJson(join(loaded.base, 'public', 'groups.json'));
  assert.deepEqual(
    groups.groups.map((g) => g.id),
    ['svc-1-1', 'svc-1-2', 'svc-2-1', 'svc-2-2', 'svc-3-1'],
  );
  assert.deepEqual(asked, [
    'https://directory.example/hsds/services?per_page=2',
    'https://directory.example/hsds/services?per_page=2&page=2',
    'https://directory.example/hsds/services?per_page=2&page=3',
  ]);
  assert.deepEqual(warnings, []);
});

test('groups.json: a file holding one page of a paged HSDS answer is read, with a warning that the rest is missing', async () => {
  const { loaded, store } = await prepared([], {}, { publish: { groups: { hsds: 'services.json', timeZone: 'Australia/Sydney' } } });
  const contents = [{ id: 'svc-1', name: 'Service 1' }];
  writeFileSync(join(loaded.base, 'services.json'), JSON.stringify({ total_items: 120, total_pages: 3, page_number: 1, contents }));
  const warnings = [];
  await publish({ loaded, store, actor: 'p', fetch, warn: (m) => warnings.push(m) });
  assert.deepEqual(
    readJson(join(loaded.base, 'public', 'groups.json')).groups.map((g) => g.id),
    ['svc-1'],
  );
  assert.ok(
    warnings.some((w) => /services\.json: The feed has 3 pages.*only 1 of its 120 services/.test(w)),
    warnings.join('\n'),
  );
});

test('a chats or HSDS file that cannot be read is named in the error', async () => {
  const { loaded, store } = await prepared([], {}, { publish: { chats: 'nope.json' } });
  await assert.rejects(publish({ loaded, store, actor: 'p', fetch }), /publish\.chats .*nope\.json: cannot read it \(ENOENT\)/);
  assert.equal(existsSync(join(loaded.stateDir, 'run.lock')), false, 'the run lock is released after a failure');
});

test('--mirror-media never asks inside the network a post names: this machine, private and link-local addresses, by name, literal or redirect', async () => {
  for (const ip of [
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fd00::1',
    'fe80::1',
    '::ffff:10.0.0.1',
    'ff02::1',
  ])
    assert.equal(publicAddress(ip), false, ip);
  for (const ip of ['93.184.216.34', '1.1.1.1', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])
    assert.equal(publicAddress(ip), true, ip);

  // Without privateNetwork, the tests' own 127.0.0.1 server is refused before it is asked.
  const posts = [post(1, { media: [{ url: at('/ok.png'), alt: 'ok', type: 'image' }] })];
  const { file, loaded, store } = await prepared(posts, { p1: 'approve' }, { publish: { url: '/c/' } });
  const asked = [];
  const warnings = [];
  await publish({
    loaded,
    store,
    actor: 'p',
    fetch: (u, i) => (asked.push(u), fetch(u, i)),
    mirrorMedia: true,
    warn: (m) => warnings.push(m),
  });
  assert.deepEqual(asked, []);
  assert.equal(readJson(file).posts[0].media, undefined, 'left out of the snapshot, never hotlinked');
  assert.ok(
    warnings.some((w) => /127\.0\.0\.1 is an address on this machine or a private network/.test(w)),
    warnings.join('\n'),
  );

  // A public name that resolves inside, and a public server redirecting inside, are refused too: by the connection,
  // on the addresses it connects to, one hop at a time.
  const port = media.address().port;
  const { mirror, lookups, warnings: said } = connectChecked();
  const before = served.length;
  assert.equal(await mirror.mirror(`http://inside.example:${port}/ok.png`), undefined);
  assert.equal(await mirror.mirror(`http://cdn.example:${port}/to-inside.png`), undefined);
  assert.equal(await mirror.mirror(`http://cdn.example:${port}/to-metadata.png`), undefined);
  assert.equal(await mirror.mirror(`http://nowhere.example:${port}/c.png`), undefined);
  assert.deepEqual(
    served.slice(before),
    ['/to-inside.png', '/to-metadata.png'],
    'only the public server was asked, never a redirect inside',
  );
  assert.deepEqual(new Set(lookups), new Set(['inside.example', 'cdn.example', 'nowhere.example']));
  const hint = '\\(set publish\\.mirrorMedia\\.privateNetwork to copy from your own network\\)';
  for (const why of [
    new RegExp(
      `inside\\.example:\\d+/ok\\.png: inside\\.example:\\d+: inside\\.example is at 10\\.0\\.0\\.7, an address on this machine or a private network ${hint}`,
    ),
    new RegExp(
      `to-inside\\.png: inside\\.example:\\d+: inside\\.example is at 10\\.0\\.0\\.7, an address on this machine or a private network ${hint}`,
    ),
    new RegExp(
      `to-metadata\\.png: 169\\.254\\.169\\.254: 169\\.254\\.169\\.254 is an address on this machine or a private network ${hint}`,
    ),
    /nowhere\.example:\d+\/c\.png: cannot fetch it \(nowhere\.example:\d+: could not connect \(.*ENOTFOUND/,
  ])
    assert.ok(
      said.some((w) => why.test(w)),
      `${why}: ${said.join('\n')}`,
    );
});

/** A mirror of PNGs up to 10 kB into a new folder, through a polite fetch over `connect`; its warnings are kept. */
function mirrorThrough(connect, warnings = []) {
  const mirror = new MediaMirror({
    dir: tempDir('mirror'),
    base: '/c/media/',
    maxBytes: 10_000,
    types: ['image/png'],
    warn: (m) => warnings.push(m),
    fetch: politeFetch({ userAgent: 'CareCircle/test', fetch: connect, sleep: async () => {} }),
  });
  return { mirror, warnings };
}

/**
 * A mirror copying as the CLI's does without privateNetwork: a polite fetch that connects only to public addresses,
 * the connection's lookup answered here and recorded in `lookups`. Every name is at 127.0.0.1 (the media server,
 * standing for a public address), but inside.example is also at 10.0.0.7 and nowhere.example is nowhere.
 */
function connectChecked() {
  const lookups = [];
  const connect = publicOnlyFetch({
    isPublic: (ip) => ip === '127.0.0.1',
    resolve: async (host) => {
      lookups.push(host);
      if (host === 'nowhere.example') throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      return (host === 'inside.example' ? ['127.0.0.1', '10.0.0.7'] : ['127.0.0.1']).map((address) => ({ address, family: 4 }));
    },
  });
  return { ...mirrorThrough(connect), lookups };
}

test('--mirror-media looks a name up once, in the connection, and connects to the addresses it checked', async () => {
  const port = media.address().port;
  const { mirror, lookups, warnings } = connectChecked();
  const copied = /^\/c\/media\/[0-9a-f]{32}\.png$/;
  assert.match((await mirror.mirror(`http://once.example:${port}/ok.png`)) ?? '', copied, warnings.join('\n'));
  assert.deepEqual(lookups, ['once.example'], 'one lookup: no check of its own before the connection');
  // A redirect is followed through the same check: the name it names is looked up for its own connection, once.
  assert.match((await mirror.mirror(`http://old.example:${port}/moved.png`)) ?? '', copied, warnings.join('\n'));
  assert.deepEqual(lookups, ['once.example', 'old.example', 'moved.example']);
});

test('the checked fetch reuses only connections it made: one another client left open to the same name is not taken', async () => {
  const port = media.address().port;
  // Another HTTP client in the process (Node's own, with its global pool) reaches near.example at 127.0.0.1 and keeps
  // the connection open, as keep-alive does.
  await new Promise((done, fail) =>
    httpGet(
      `http://near.example:${port}/ok.png`,
      {
        lookup: (_host, options, callback) =>
          options.all ? callback(null, [{ address: '127.0.0.1', family: 4 }]) : callback(null, '127.0.0.1', 4),
      },
      (res) => res.resume().on('end', done),
    ).on('error', fail),
  );
  const lookups = [];
  const checked = publicOnlyFetch({ resolve: async (host) => (lookups.push(host), [{ address: '127.0.0.1', family: 4 }]) });
  await assert.rejects(checked(`http://near.example:${port}/ok.png`), /near\.example is at 127\.0\.0\.1, an address on this machine/);
  assert.deepEqual(lookups, ['near.example'], 'its own lookup, so its own check');
});

test('--mirror-media checks the addresses it connects to, so a name answering differently the second time (DNS rebinding) is refused', async () => {
  const port = media.address().port;
  const lookups = [];
  const connectTime = publicOnlyFetch({
    resolve: async (host) => (lookups.push(host), host === 'rebind.example' ? [{ address: '127.0.0.1', family: 4 }] : []),
  });
  const { mirror, warnings } = mirrorThrough(connectTime);
  assert.equal(await mirror.mirror(`http://rebind.example:${port}/ok.png`), undefined);
  assert.deepEqual(lookups, ['rebind.example'], 'refused at its first lookup, not tried again');
  assert.ok(
    warnings.some((w) => /rebind\.example is at 127\.0\.0\.1, an address on this machine or a private network/.test(w)),
    warnings.join('\n'),
  );
  assert.ok(!warnings.some((w) => /tried \d times/.test(w)), warnings.join('\n'));

  // The same fetch copies from an address it may ask.
  const through = publicOnlyFetch({ isPublic: (ip) => ip === '127.0.0.1', resolve: async () => [{ address: '127.0.0.1', family: 4 }] });
  const copy = mirrorThrough(through, warnings).mirror;
  assert.match((await copy.mirror(`http://pictures.example:${port}/ok.png`)) ?? '', /^\/c\/media\/[0-9a-f]{32}\.png$/);
  // An IP literal is never looked up: it is checked as written.
  await assert.rejects(through(`http://10.0.0.1:${port}/ok.png`), /10\.0\.0\.1 is an address on this machine or a private network/);
  await assert.rejects(through(`http://pictures.example:${port}/ok.png`, { method: 'POST' }), /POST is not used here/);

  // The CLI's wiring copies with such a fetch unless publish.mirrorMedia.privateNetwork is set.
  const guarded = pipelineWiring((await prepared([], {}, { publish: { url: '/c/' } })).loaded, {}, () => {});
  await assert.rejects(guarded.mediaFetch(at('/ok.png')), /127\.0\.0\.1 is an address on this machine or a private network/);
  const open = pipelineWiring(
    (await prepared([], {}, { publish: { url: '/c/', mirrorMedia: { privateNetwork: true } } })).loaded,
    {},
    () => {},
  );
  assert.equal((await open.mediaFetch(at('/ok.png'))).status, 200);
});
