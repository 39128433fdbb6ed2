import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import { validate } from '../../src/core/config/validate.js';
import { chatScheduleSchema } from '../../src/widgets/chat-schedule/chat-schedule.schema.js';

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

  // Problems found in a later round (a check on a whole item runs only once its fields are valid) are found in the
  // list without the items already removed: they must still be named at the positions the editor wrote.
  it('names a problem found in a later round at its position as written', () => {
    const chat = (id: string, extra = {}) => ({
      id,
      title: 'Chat ' + id,
      timeZone: 'America/New_York',
      start: '2026-01-05T21:00',
      ...extra,
    });
    const data = {
      chats: [
        { id: 'a', timeZone: 'America/New_York', start: '2026-01-05T21:00' }, // no title: skipped in round 1
        chat('b', { rrule: 'FREQ=WEEKLY;BYDAY=MO' }),
        chat('c', { url: 5, rrule: 'FREQ=WEEKLY;UNTIL=20200101' }), // url dropped in round 1, UNTIL found in round 2
      ],
    };
    const fields = ['url', 'description', 'hashtag', 'hosts', 'topics', 'platform'].map((f) => `chats.*.${f}`);
    const r = validate(chatScheduleSchema, data, { lists: ['chats'], fields });
    expect(r.value!.chats.map((c) => c.id)).to.deep.equal(['b']);
    expect(r.skipped.map((i) => `${i.path} ${(i.item as { id: string }).id}`)).to.deep.equal([
      'chats.0.title a',
      'chats.2.url c',
      'chats.2.rrule c',
    ]);
  });

  // A check of a whole item runs once its fields pass: an item with a bad optional field and such a problem is
  // named twice, its field in round 1 and the item in round 2, when the list has lost the items skipped in round 1.
  const big = z.strictObject({ id: z.string(), n: z.number(), link: z.optional(z.string().check(z.startsWith('https://'))) });
  const bigItem = big.check(z.refine((v) => v.n < 10, 'too big'));
  const bad = (id: string, n = 10) => ({ id, n, link: 5 });

  it('names later-round problems as written after several removals, in one list and in two', () => {
    const twoLists = z.strictObject({ items: z.array(bigItem), other: z.array(bigItem) });
    const data = {
      items: [{ id: 'a' }, { id: 'b', n: 10 }, bad('c'), { id: 'd', n: 'x' }, ok('e'), bad('f')],
      other: [{ id: 'p' }, bad('q'), ok('r'), bad('s')],
    };
    const r = validate(twoLists, data, { lists: ['items', 'other'], fields: ['items.*.link', 'other.*.link'] });
    expect(r.value!.items.map((i) => i.id)).to.deep.equal(['e']);
    expect(r.value!.other.map((i) => i.id)).to.deep.equal(['r']);
    expect(r.skipped.map((i) => `${i.path} ${(i.item as { id: string }).id} ${i.message}`)).to.deep.equal([
      'items.0.n a Required: add a number.',
      'items.1 b too big',
      'items.2.link c Expected text, but got number 5.',
      'items.3.n d Expected a number, but got the text "x".',
      'items.5.link f Expected text, but got number 5.',
      'other.0.n p Required: add a number.',
      'other.1.link q Expected text, but got number 5.',
      'other.3.link s Expected text, but got number 5.',
      // Round 2, in the lists without the items skipped in round 1: c was items.0, f items.2, q other.0, s other.2.
      'items.2 c too big',
      'items.5 f too big',
      'other.1 q too big',
      'other.3 s too big',
    ]);
  });

  it('names a later-round problem in a nested list as written, when an outer item went first', () => {
    const nested = z.strictObject({ sources: z.array(z.strictObject({ name: z.string(), posts: z.array(bigItem) })) });
    const data = { sources: [{ posts: [] }, { name: 's', posts: [{ id: 'a' }, bad('b')] }] };
    const r = validate(nested, data, { lists: ['sources.*.posts', 'sources'], fields: ['sources.*.posts.*.link'] });
    expect(r.value!.sources.map((s) => s.posts.length)).to.deep.equal([0]);
    expect(r.skipped.map((i) => i.path)).to.deep.equal([
      'sources.0.name',
      'sources.1.posts.0.n',
      'sources.1.posts.1.link',
      'sources.1.posts.1',
    ]);
  });
});
