// The compiled validators (src/generated/, what a page runs first) against zod (the schemas they were compiled
// from, what explains a rejection): thousands of seeded configs per validator must be accepted or rejected by
// both alike, and an accepted one must come out deep-equal (defaults applied, conversions made). The configs
// are each widget's samples (test/node/fixtures, demo/data, the generated support groups) changed at random:
// a value at any path swapped for a value seen at the same place in another sample (mostly valid), or for an
// edge value (wrong types, empty and odd strings, lone surrogates, huge numbers, NaN, -0, Infinity, null vs
// undefined, bad addresses, dates, zones, rules, keys such as __proto__ and constructor), a key removed, an
// unknown key added to an object, list items repeated or emptied. A failure prints the seed and the config.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { execFileSync } from 'node:child_process';
import { importSource } from './import-source.mjs';

// One bundle, so the two sides share their modules (a per-language text is the same LocalText class in both).
const m = await importSource(
  [
    `export { hashtagFeedSchema } from './src/widgets/hashtag-feed/hashtag-feed.schema.ts';`,
    `export { supportGroupsSchema, hsdsGroupsSchema } from './src/widgets/support-groups/support-groups.schema.ts';`,
    `export { chatScheduleSchema } from './src/widgets/chat-schedule/chat-schedule.schema.ts';`,
    `export { postSchema } from './src/sources/post.schema.ts';`,
    `export * from './src/generated/hashtag-feed.validate.ts';`,
    `export * from './src/generated/support-groups.validate.ts';`,
    `export * from './src/generated/chat-schedule.validate.ts';`,
    `export { generateGroups } from './test/fixtures/support-groups/generate.ts';`,
  ].join('\n'),
);
globalThis.document ??= { baseURI: 'https://page.invalid/' };

const json = (f) => JSON.parse(readFileSync(f, 'utf8'));
const demo = (dir) => readdirSync(`demo/data/${dir}`).map((f) => json(`demo/data/${dir}/${f}`));
const feedSamples = [json('test/node/fixtures/care-hashtag-feed.full.json'), ...demo('hashtag-feed')];
const groupSamples = [
  json('test/node/fixtures/care-support-groups.full.json'),
  ...demo('support-groups'),
  generated({ groups: m.generateGroups(60, 7) }),
];
/** Marks a sample too big to change at every path (a non-enumerable flag: no validator sees it). */
function generated(sample) {
  return Object.defineProperty(sample, 'generated', { value: true });
}
const posts = feedSamples.flatMap((c) => c.sources.flatMap((s) => s.posts ?? []));

const subjects = [
  { name: 'care-hashtag-feed', zod: m.hashtagFeedSchema, compiled: m.hashtagFeedValidator, samples: feedSamples },
  { name: 'care-support-groups', zod: m.supportGroupsSchema, compiled: m.supportGroupsValidator, samples: groupSamples },
  {
    name: 'care-chat-schedule',
    zod: m.chatScheduleSchema,
    compiled: m.chatScheduleValidator,
    samples: [json('test/node/fixtures/care-chat-schedule.full.json'), ...demo('chat-schedule')],
  },
  { name: 'post (remote posts)', zod: m.postSchema, compiled: m.postValidator, samples: posts },
  {
    name: 'HSDS groups',
    zod: m.hsdsGroupsSchema,
    compiled: m.hsdsGroupsValidator,
    samples: groupSamples.map((c) => (c.generated ? generated : (x) => x)({ groups: c.groups ?? [] })),
    // The same group schema as the config's: every path is already tried there; random configs only here.
    everyPath: false,
  },
];

/** Mulberry32: a small seeded generator, so a failure reproduces from its seed. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const protoKey = () => JSON.parse('{"__proto__": {"polluted": true}}');
const nullProto = () => Object.assign(Object.create(null), { en: 'x' });
/** Values that are wrong, or right only in some places; fresh each time (a case may change one). */
const EDGES = () => [
  undefined,
  null,
  true,
  false,
  0,
  -0,
  1,
  2,
  6,
  7,
  8,
  2.5,
  59,
  60,
  100,
  101,
  1440,
  1441,
  -1,
  -90,
  90.01,
  181,
  1e308,
  -1e308,
  2 ** 53,
  2 ** 53 + 2,
  NaN,
  Infinity,
  -Infinity,
  '',
  ' ',
  'x',
  'é',
  '乳がん',
  '\u0000',
  '\ud800',
  'a\u0301',
  '😀'.repeat(3),
  'x'.repeat(5000),
  '#bcsm',
  'bcsm',
  'two words',
  'https://example.org/page',
  'http://example.org',
  '/relative',
  'javascript:alert(1)',
  'java\tscript:x',
  'https://exa mple.org',
  'mailto:a@b.c',
  'at://did:plc:abc/app.bsky.feed.generator/hot',
  '2026-01-05T18:00',
  '2026-02-30T10:00',
  '2026-13-01T10:00',
  '2026-02-28',
  '2026-02-30',
  '2026-11-28T09:30:00Z',
  '2026-11-28Tnoon',
  'FREQ=WEEKLY;BYDAY=MO',
  'FREQ=WEEKLY;UNTIL=20200101',
  'FREQ=YEARLY',
  'EVERY MONDAY',
  'Australia/Sydney',
  'UTC',
  'Mars/Olympus',
  'free',
  'Free, bus fares refunded',
  'Gold coin donation',
  'Ask us',
  'es',
  'Spanish',
  'pt-br',
  'patient',
  'nurse',
  'online',
  'mastodon',
  'posts',
  'image',
  'required',
  'list',
  'km',
  '__proto__',
  'constructor',
  'toString',
  [],
  [1],
  ['x'],
  [''],
  [null],
  [undefined],
  ['es', 'Spanish'],
  {},
  { en: 'x' },
  { en: '' },
  { 'zh-Hant': 'x', es: 'y' },
  { 'bad tag': 'x' },
  { type: 'free' },
  { type: 'paid', note: 'n' },
  { type: 'cheap' },
  { loading: 'x' },
  { bowel: ['colon'] },
  { label: 'L', phone: '1' },
  protoKey(),
  { constructor: 'x' },
  { constructor: {} },
  { toString: 'x' },
  nullProto(),
  new Date(0),
  new Map(),
  Object.create({ inherited: 'x' }),
  [, 'sparse'],
];
const UNKNOWN_KEYS = ['unknownKey', 'instnce', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'ID'];

/** Every path below `v`, with the value found there. */
function paths(v, at = [], list = []) {
  list.push({ path: at, value: v });
  if (v && typeof v == 'object') for (const k of Object.keys(v)) paths(v[k], [...at, k], list);
  return list;
}
/** A path's place in the schema, indexes folded: `groups.*.name`. */
const place = (path) => path.map((k) => (/^\d+$/.test(k) ? '*' : k)).join('.');

/** Values seen at each place across the samples: swapping one in is usually valid, and rearranges everything. */
function pools(samples) {
  const byPlace = new Map();
  for (const s of samples) for (const { path, value } of paths(s)) byPlace.set(place(path), [...(byPlace.get(place(path)) ?? []), value]);
  return byPlace;
}

const copy = (v) =>
  v && typeof v == 'object'
    ? Array.isArray(v)
      ? v.map(copy)
      : Object.getPrototypeOf(v) === Object.prototype
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x)]))
        : v
    : v;
/** Sets `value` at `path` in `root` (copied on the way); `del` removes the key instead. */
function set(root, path, value, del = false) {
  if (!path.length) return value;
  const [k, ...rest] = path;
  const node = Array.isArray(root) ? [...root] : { ...root };
  if (!rest.length) {
    if (del) Array.isArray(node) ? node.splice(+k, 1) : delete node[k];
    else if (k === '__proto__') Object.defineProperty(node, k, { value, enumerable: true, writable: true, configurable: true });
    else node[k] = value;
  } else node[k] = set(node[k], rest, value, del);
  return node;
}

/** One random change to `config`. */
function mutate(config, next, pool) {
  const all = paths(config);
  const { path, value } = all[Math.floor(next() * all.length)];
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  const r = next();
  if (r < 0.4) return set(config, path, copy(pick(pool.get(place(path)) ?? [value])));
  if (r < 0.65) return set(config, path, pick(EDGES()));
  if (r < 0.75 && path.length) return set(config, path, undefined, true);
  if (r < 0.85 && value && typeof value == 'object' && !Array.isArray(value))
    return set(config, [...path, pick(UNKNOWN_KEYS)], pick([1, 'x', {}, undefined]));
  if (r < 0.95 && Array.isArray(value)) return set(config, path, next() < 0.5 ? [] : [...value, ...value.slice(0, 2)]);
  return set(config, path, copy(pick(pool.get(place(path)) ?? [value])));
}

/** Both answers for one input, and whether they agree. */
function judge(subject, input) {
  const z = subject.zod.safeParse(input);
  const c = subject.compiled.accept(input);
  const agree = z.success ? c !== undefined && isDeepStrictEqual(z.data, c) : c === undefined;
  return { z, c, agree };
}

const show = (v) =>
  JSON.stringify(v, (_, x) =>
    x === undefined ? '(undefined)' : typeof x == 'number' && !Number.isFinite(x) ? String(x) : Object.is(x, -0) ? '(-0)' : x,
  )?.slice(0, 3000);
const report = (subject, label, input, r) =>
  `${subject.name} (${label}): zod ${
    r.z.success
      ? 'accepts'
      : `rejects (${r.z.error.issues
          .map((i) => `${i.path.join('.')}: ${i.message}`)
          .slice(0, 3)
          .join('; ')})`
  }, compiled ${r.c === undefined ? 'rejects' : 'accepts'}${r.z.success && r.c !== undefined ? ' with a different value' : ''}\n  config: ${show(input)}${r.z.success && r.c ? `\n  zod:      ${show(r.z.data)}\n  compiled: ${show(r.c)}` : ''}`;

const SEED = Number(process.env.CARE_SEED ?? 20261206);

for (const subject of subjects) {
  test(`${subject.name}: zod and the compiled validator agree on every sample${subject.everyPath === false ? '' : ' and on every change at every path'}`, () => {
    const wrong = [];
    const counts = { cases: 0, accepted: 0 };
    const pool = pools(subject.samples);
    for (const sample of subject.samples) {
      const check = (input, label) => {
        const r = judge(subject, input);
        counts.cases++;
        if (r.z.success) counts.accepted++;
        if (!r.agree) wrong.push(report(subject, label, input, r));
      };
      check(sample, 'sample');
      // Every path of each hand-written sample (the 60 generated groups join the random configs below); in a
      // list, the first item stands for the rest.
      if (sample.generated || subject.everyPath === false) continue;
      const targets = paths(sample).filter(({ path }) => path.every((k) => !/^\d+$/.test(k) || k === '0'));
      for (const { path, value } of targets) {
        for (const edge of EDGES()) check(set(sample, path, edge), `edge at ${path.join('.')}`);
        if (path.length) check(set(sample, path, undefined, true), `removed ${path.join('.')}`);
        if (value && typeof value == 'object' && !Array.isArray(value))
          for (const key of UNKNOWN_KEYS) check(set(sample, [...path, key], 1), `unknown key ${key} at ${path.join('.')}`);
      }
    }
    assert.deepEqual(wrong.slice(0, 10), [], `${wrong.length} of ${counts.cases} disagree:\n${wrong.slice(0, 10).join('\n\n')}`);
    // Not vacuous: both accept many and both reject many (with samples alone, every one is valid).
    if (subject.everyPath === false) assert.equal(counts.accepted, counts.cases, 'every sample is valid');
    else assert.ok(counts.accepted > 50 && counts.accepted < counts.cases - 500, JSON.stringify(counts));
  });

  test(`${subject.name}: 3,000 seeded random configs (1 to 5 changes each) are accepted or rejected alike, with deep-equal values`, () => {
    const next = random(SEED ^ subject.name.length);
    const pool = pools(subject.samples);
    const wrong = [];
    const counts = { cases: 0, accepted: 0 };
    for (let i = 0; i < 3000; i++) {
      let config = subject.samples[Math.floor(next() * subject.samples.length)];
      const changes = 1 + Math.floor(next() * 5);
      for (let j = 0; j < changes; j++) config = mutate(config, next, pool);
      const r = judge(subject, config);
      counts.cases++;
      if (r.z.success) counts.accepted++;
      if (!r.agree) wrong.push(report(subject, `seed ${SEED}, case ${i}: CARE_SEED=${SEED} reruns it`, config, r));
    }
    assert.deepEqual(wrong.slice(0, 10), [], `${wrong.length} of ${counts.cases} disagree:\n${wrong.slice(0, 10).join('\n\n')}`);
    assert.ok(counts.accepted > 300 && counts.accepted < counts.cases - 300, JSON.stringify(counts));
  });
}

test('the compiled validators never share state with their input or between calls (defaults are fresh)', () => {
  const config = { groups: [] };
  const a = m.supportGroupsValidator.accept(config);
  const b = m.supportGroupsValidator.accept(config);
  assert.notEqual(a.places, b.places);
  a.places.push({ name: 'x' });
  assert.deepEqual(b.places, []);
  assert.deepEqual(config, { groups: [] }, 'the input is unchanged');
  // __proto__ as a key is data, never the output's prototype.
  const out = m.supportGroupsValidator.accept({ groups: [], messages: protoKey(), synonyms: JSON.parse('{"__proto__": ["x"]}') });
  assert.equal(Object.getPrototypeOf(out.messages), Object.prototype);
  assert.equal({}.polluted, undefined);
});

test('the generated files are what the schemas give now (node scripts/compile-validators.mjs rewrites them)', () => {
  execFileSync('node', ['scripts/compile-validators.mjs', '--check'], { stdio: 'pipe' });
});
