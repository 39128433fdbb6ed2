// scripts/compile-validators.mjs on what the widgets' schemas do not use yet (test/node/fixtures/compiler-edges.
// schema.ts): lengths in code points, exclusive bounds, every way zod treats an absent key, nullable, prefault, a
// conversion of an absent value, guarded union options, checked record keys, list items. The compiled validator
// must accept or reject each input as zod does and give zod's value; and the compiler must refuse what it cannot
// compile faithfully (a closure), naming where.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { compileAll, CompileError } from '../../scripts/compile-validators.mjs';
import { importSource } from './import-source.mjs';

const root = resolve(import.meta.dirname, '../..');
const fixture = 'test/node/fixtures/compiler-edges.schema.ts';
const target = (schema) => ({
  file: 'src/generated/compiler-edges.validate.ts',
  schemas: [{ name: 'edgeValidator', from: fixture, schema }],
});

const files = await compileAll([target('edgeSchema')]);
const generated = files.find((f) => f.file.endsWith('compiler-edges.validate.ts')).code;
// The generated module as it would sit in src/generated/, bundled with the zod schema it came from.
const m = await importSource(`${generated}\nexport { edgeSchema } from '../../${fixture}';\n`, {
  resolveDir: join(root, 'src/generated'),
  sourcefile: 'compiler-edges.validate.ts',
});

const base = () => ({
  short: 'ab',
  code: 'abc',
  tags: ['x'],
  ratio: 0.5,
  count: 3,
  pair: 2,
  maybe: 'm',
  level: 'high',
  box: { size: 2 },
  note: 'hi',
  owner: null,
  either: 3,
  scores: { ab: 1 },
  items: [{ id: 'a', extra: { a: 'x' } }],
});
const EDGES = () => [
  undefined,
  null,
  true,
  false,
  0,
  -0,
  1,
  2,
  0.5,
  1e-9,
  0.999999,
  6,
  7,
  2.5,
  NaN,
  Infinity,
  2 ** 53,
  '',
  'a',
  'ab',
  'abc',
  '😀😀',
  '😀😀😀',
  'a😀',
  'ab\ud800',
  '\ud800\ud800',
  'low',
  'mid',
  'k',
  [],
  ['a'],
  ['a', 'b'],
  ['a', 'b', 'c'],
  [1],
  {},
  { size: 'x' },
  { size: 3, more: 1 },
  { kind: 'k' },
  { kind: 'k', n: 1 },
  { kind: 'k', n: 'x' },
  { kind: 'x' },
  { kind: 'k', other: 1 },
  { ab: 1 },
  { ab: 1, c: 2 },
  { ab: 'x' },
  { id: 'a' },
  { id: 'a', extra: { a: 'x', b: 1 } },
  { id: 'a', unknown: 1 },
  { a: 'x' },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  [{ id: 'b' }, { id: 1 }],
  [{ id: 'b', extra: {} }],
];

/** Every path below `v`. */
const paths = (v, at = []) => [at, ...(v && typeof v == 'object' ? Object.keys(v).flatMap((k) => paths(v[k], [...at, k])) : [])];
const set = (v, [k, ...rest], value, del) => {
  const node = Array.isArray(v) ? [...v] : { ...v };
  if (rest.length) node[k] = set(v[k], rest, value, del);
  else if (del) delete node[k];
  else node[k] = value;
  return node;
};

test('the compiled validator agrees with zod on every edge value and removal at every path of the edge schema', () => {
  const wrong = [];
  let accepted = 0;
  let cases = 0;
  const check = (input, label) => {
    const z = m.edgeSchema.safeParse(input);
    const c = m.edgeValidator.accept(input);
    cases++;
    if (z.success) accepted++;
    if (z.success ? c === undefined || !isDeepStrictEqual(z.data, c) : c !== undefined)
      wrong.push(
        `${label}: zod ${z.success ? JSON.stringify(z.data) : 'rejects'}, compiled ${c === undefined ? 'rejects' : JSON.stringify(c)}`,
      );
  };
  check(base(), 'the base');
  for (const path of paths(base()).filter((p) => p.length)) {
    for (const edge of EDGES())
      check(set(base(), path, edge), `${path.join('.')} = ${typeof edge == 'string' ? JSON.stringify(edge) : String(edge)}`);
    check(set(base(), path, undefined, true), `${path.join('.')} removed`);
    check(set(base(), [...path, 'unknownKey'], 1), `unknown key at ${path.join('.')}`);
  }
  assert.deepEqual(wrong.slice(0, 10), [], `${wrong.length} of ${cases} disagree`);
  assert.ok(accepted > 150 && accepted < cases - 500, `not vacuous: ${accepted} of ${cases} accepted`);
});

test('the edge schema pins what zod does, and the compiled validator does the same', () => {
  const accept = (change) => m.edgeValidator.accept({ ...base(), ...change });
  const without = (key) => {
    const v = base();
    delete v[key];
    return m.edgeValidator.accept(v);
  };
  // Code points, not UTF-16 units: two emoji are 2 (a maximum of 2 holds), and not 3 (a minimum of 3 fails).
  assert.equal(accept({ short: '😀😀' })?.short, '😀😀');
  assert.equal(accept({ short: 'abc' }), undefined);
  assert.equal(accept({ code: '😀😀' }), undefined);
  assert.equal(accept({ code: '😀😀😀' })?.code, '😀😀😀');
  // Exclusive bounds.
  assert.equal(accept({ ratio: 0 }), undefined);
  assert.equal(accept({ ratio: 1 }), undefined);
  assert.equal(accept({ count: 6 })?.count, 6);
  assert.equal(accept({ count: 2.5 }), undefined);
  // Absent keys: required even though undefined is allowed; an optional default given; a conversion of nothing.
  assert.equal(without('maybe'), undefined);
  assert.deepEqual(Object.hasOwn(accept({ maybe: undefined }), 'maybe'), true);
  assert.equal(without('fallback').fallback, 'dflt');
  assert.equal(without('note').note, 'NONE');
  assert.equal(accept({ note: '' }), undefined);
  assert.deepEqual(without('box').box, { size: 1 });
  assert.equal(without('level').level, 'low');
  // Union options and strictness inside them.
  assert.deepEqual(accept({ either: { kind: 'k' } })?.either, { kind: 'k' });
  assert.equal(accept({ either: { kind: 'k', other: 1 } }), undefined);
  assert.equal(accept({ either: true }), undefined);
  // A loose object drops unknown keys; a strict one refuses them.
  assert.deepEqual(accept({ items: [{ id: 'a', extra: { a: 'x', b: 1 } }] })?.items, [{ id: 'a', extra: { a: 'x' } }]);
  assert.equal(accept({ items: [{ id: 'a', b: 1 }] }), undefined);
});

test('the compiler refuses a check written as a closure, naming where it is and what to do', async () => {
  await assert.rejects(compileAll([target('closureSchema')]), (e) => {
    assert.ok(e instanceof CompileError);
    assert.match(e.message, /closureSchema\.name: a refine or superRefine written as a closure\. Use rule\(\)/);
    return true;
  });
});
