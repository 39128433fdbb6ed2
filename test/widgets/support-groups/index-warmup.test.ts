// Issue 13: the first page of groups renders without the search index, which is built after it in small
// background steps. A search or filter used before the index is ready must give exactly the results it gives after.
import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import '../../../src/define/care-support-groups.js';
import type { CareSupportGroups } from '../../../src/widgets/support-groups/support-groups.js';
import { createFinder, find, searchCode } from '../../../src/widgets/support-groups/finder.js';
import { FIRST_SCREEN } from '../../../src/widgets/support-groups/first-page.js';
import { emptyState, type FinderState } from '../../../src/widgets/support-groups/url-state.js';
import { supportGroupsSchema } from '../../../src/widgets/support-groups/support-groups.schema.js';
import { validate } from '../../../src/core/config/validate.js';
import { generateGroups } from '../../fixtures/support-groups/generate.js';

// The search is a chunk the widget loads after its first page: load it once for these tests.
before(() => searchCode.load());

const raw = generateGroups(3000, 11);
const groups = validate(supportGroupsSchema, { groups: raw }).value!.groups;
const queries = ['breast', 'brest', 'leukemia', 'bowel westmead', 'carers online', 'prostate', 'melanoma'];
const state = (q: string, over: Partial<FinderState['filters']> = {}): FinderState => {
  const s = emptyState();
  return { ...s, q, filters: { ...s.filters, ...over } };
};
const built = () => {
  const finder = createFinder(groups);
  while (!finder.warm(1000));
  return finder;
};

describe('support groups: search index built after the first render (issue 13)', () => {
  it('builds in steps: one step leaves it unfinished, enough steps finish it', () => {
    const finder = createFinder(groups);
    expect(finder.ready).to.equal(false);
    expect(finder.warm(), 'one step of 3,000 groups').to.equal(false);
    expect(finder.ready).to.equal(false);
    let steps = 1;
    while (!finder.warm()) steps++;
    expect(finder.ready).to.equal(true);
    expect(steps, 'steps of a few hundred groups, then the sorting').to.be.greaterThan(10);
  });

  it('finds the same groups, in the same order, before, during and after the build', () => {
    const reference = built();
    for (const q of queries) {
      const expected = find(reference, state(q)).list;
      expect(expected.length, q).to.be.greaterThan(0);
      const before = createFinder(groups);
      expect(find(before, state(q)).list, `${q}: nothing built`).to.deep.equal(expected);
      const during = createFinder(groups);
      for (let i = 0; i < 5; i++) during.warm();
      expect(during.ready, 'partly built').to.equal(false);
      expect(find(during, state(q)).list, `${q}: partly built`).to.deep.equal(expected);
    }
  });

  it('filters without a query never wait for the index', () => {
    const finder = createFinder(groups);
    const filtered = find(finder, state('', { format: ['online'], audience: ['carer'] }));
    expect(finder.ready).to.equal(false);
    expect(filtered.list).to.deep.equal(find(built(), state('', { format: ['online'], audience: ['carer'] })).list);
    expect(filtered.list.length).to.be.greaterThan(0);
  });

  it('the element renders before the index, answers a search typed before it is ready, and builds it in the background', async () => {
    const names = (el: CareSupportGroups) => [...el.shadowRoot!.querySelectorAll('.group .name')].map((h) => h.textContent!.trim());
    const reference = built();
    const make = () => {
      const el = document.createElement('care-support-groups') as CareSupportGroups;
      // No URL state: the query typed into the first would be read from the page URL by the second.
      el.config = JSON.stringify({ groups: raw, pageSize: 20, urlState: false });
      return el;
    };
    // Typed at once: the first render has happened, the background build has not run yet.
    const early = make();
    const ready = oneEvent(early, 'care-ready');
    document.body.append(early);
    await ready;
    try {
      expect(early.indexReady, 'no index at first render').to.equal(false);
      // A long list's first screen of cards (the rest of its first page follows in the next task).
      expect(names(early)).to.have.length(FIRST_SCREEN);
      const input = early.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
      input.value = 'brest';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await early.updateComplete;
      // 3,000 groups: only the first page is checked at first render, so the query waits for the rest (first-page.test.ts).
      expect(early.shadowRoot!.querySelector('#count')!.textContent).to.equal('Loading…');
      const expected = find(reference, state('brest'))
        .list.slice(0, 20)
        .map((i) => groups[i]!.name);
      expect(expected.length).to.be.greaterThan(0);
      await waitUntil(() => names(early).length > 0, 'no results once every group was checked', { timeout: 10000 });
      expect(names(early)).to.deep.equal(expected);
    } finally {
      early.remove();
    }
    // Left alone, the index is finished by background tasks.
    const idle = make();
    const idleReady = oneEvent(idle, 'care-ready');
    document.body.append(idle);
    await idleReady;
    try {
      expect(idle.indexReady).to.equal(false);
      await waitUntil(() => idle.indexReady, 'the index was not built in the background', { timeout: 10000 });
    } finally {
      idle.remove();
    }
  });
});
