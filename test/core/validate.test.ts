import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import { validate } from '../../src/core/config/validate.js';

const item = z.strictObject({ id: z.string(), n: z.number(), link: z.optional(z.string().check(z.startsWith('https://'))) });
const schema = z.strictObject({ items: z.array(item), other: z.array(item), size: z._default(z.number(), 1) });
const ok = (id: string, extra = {}) => ({ id, n: 1, ...extra });

describe('validate: recovering from bad items and fields', () => {
  it('skips several bad items of one list and keeps the rest in order', () => {
    const data = { items: [ok('a'), { id: 'b' }, ok('c'), { id: 'd', n: 'x' }, ok('e')], other: [] };
    const r = validate(schema, data, { lists: ['items'] });
    expect(r.errors).to.deep.equal([]);
    expect(r.value!.items.map((i) => i.id)).to.deep.equal(['a', 'c', 'e']);
    expect(r.skipped.map((i) => i.path)).to.deep.equal(['items.1.n', 'items.3.n']);
    // Each skipped issue carries the item as written, so editors can name it without re-reading the config.
    expect(r.skipped.map((i) => (i.item as { id: string }).id)).to.deep.equal(['b', 'd']);
  });

  it('drops a bad optional field and keeps its item, in the same pass as skipping another item', () => {
    const data = {
      items: [ok('a', { link: 'javascript:alert(1)' }), { id: 'b' }, ok('c', { link: 'https://ok.example' })],
      other: [ok('z')],
    };
    const r = validate(schema, data, { lists: ['items'], fields: ['items.*.link'] });
    expect(r.value!.items).to.deep.equal([
      { id: 'a', n: 1 },
      { id: 'c', n: 1, link: 'https://ok.example' },
    ]);
    expect(r.skipped.map((i) => [i.path, i.dropped])).to.deep.equal([
      ['items.0.link', 'field'],
      ['items.1.n', undefined],
    ]);
    expect((r.skipped[0]!.item as { id: string }).id).to.equal('a');
  });

  it('never changes the author’s data', () => {
    const data = { items: [ok('a', { link: 'ftp://x' }), { id: 'b' }], other: [] };
    const before = JSON.stringify(data);
    validate(schema, data, { lists: ['items'], fields: ['items.*.link'] });
    expect(JSON.stringify(data)).to.equal(before);
  });

  it('fails the config for a problem outside the recoverable lists, and reports the skippable ones with it', () => {
    const r = validate(schema, { items: [{ id: 'b' }], other: [{ id: 'y' }], size: 'big' }, { lists: ['items'] });
    expect(r.value).to.equal(undefined);
    expect(r.errors.map((i) => i.path).sort()).to.deep.equal(['items.0.n', 'other.0.n', 'size']);
  });

  it('skips items with problems in several lists matched by a wildcard', () => {
    const nested = z.strictObject({ sources: z.array(z.strictObject({ posts: z.array(item) })) });
    const data = { sources: [{ posts: [ok('a'), { id: 'b' }] }, { posts: [{ id: 'c' }, ok('d')] }] };
    const r = validate(nested, data, { lists: ['sources.*.posts'] });
    expect(r.value!.sources.map((s) => s.posts.map((p) => p.id))).to.deep.equal([['a'], ['d']]);
  });
});
