// Issue 13: a long list of groups shows its first page (the first by name, checked at once) before the rest is
// checked in background slices; then the count, the filters and every other list follow. Nothing shown is
// unchecked, and a bad group anywhere still gets its config error with its path while the rest keep working.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import '../../../src/define/care-support-groups.js';
import type { CareSupportGroups } from '../../../src/widgets/support-groups/support-groups.js';
import { checkSteps, FIRST_SCREEN, firstPage, SLICED_FROM } from '../../../src/widgets/support-groups/first-page.js';
import { createFinder, find, searchCode } from '../../../src/widgets/support-groups/finder.js';
import { emptyState } from '../../../src/widgets/support-groups/url-state.js';
import { FACETS } from '../../../src/widgets/support-groups/facets.js';
import { supportGroupsValidator } from '../../../src/generated/support-groups.validate.js';
import { resolveLocalText } from '../../../src/core/config/local-text.js';
import type { CareConfigErrorEvent } from '../../../src/core/events.js';
import type { Group } from '../../../src/widgets/support-groups/support-groups.schema.js';
import { generateGroups } from '../../fixtures/support-groups/generate.js';
import { inSlices, later, nextTask } from '../../../src/core/tasks.js';
import { localeCode, registerLocale, registry } from '../../../src/core/i18n/registry.js';
import { lazy } from '../../../src/core/lazy.js';

before(() => searchCode.load());

const N = 600;
const raw = generateGroups(N, 5);
const checked = (list: unknown[]): Group[] => supportGroupsValidator.accept({ groups: list })!.groups;
const all = checked(raw);
const ids = (gs: { id: string }[]) => gs.map((g) => g.id);
/** The first `size` groups by name, as the finder orders them, in list order. */
const reference = (groups: Group[], size = 20) =>
  createFinder(groups)
    .byName.slice(0, size)
    .sort((a, b) => a - b)
    .map((i) => groups[i]!.id);

const $ = (el: Element, s: string) => el.shadowRoot!.querySelector<HTMLElement>(s);
const names = (el: Element) => [...el.shadowRoot!.querySelectorAll('.group .name')].map((h) => h.textContent!.trim());
const count = (el: Element) => $(el, '#count')!.textContent!.trim();

describe('support groups: a long list, first page first (issue 13)', () => {
  it('starts from SLICED_FROM groups, which this test file is above', () => {
    expect(N).to.be.greaterThan(SLICED_FROM);
  });

  it('firstPage: the first groups by name, checked, in their order in the list', () => {
    const page = firstPage(supportGroupsValidator, raw, ['en'], 20)!;
    expect(ids(page)).to.deep.equal(reference(all));
    expect(page).to.deep.equal(checked(reference(all).map((id) => raw.find((g) => g.id === id))));
    expect(ids(firstPage(supportGroupsValidator, raw, ['en'], 7)!)).to.deep.equal(reference(all, 7));
  });

  it('firstPage: names by language order by the text of the reader’s language', () => {
    const list = raw.map((g, i) => (i === 400 ? { ...g, name: { en: 'Zzz last in English', es: 'Aaa primero en español' } } : g));
    const es = firstPage(supportGroupsValidator, list, ['es'], 20)!;
    const en = firstPage(supportGroupsValidator, list, ['en'], 20)!;
    expect(ids(es)).to.include('gen-401');
    expect(ids(en)).not.to.include('gen-401');
    const whole = checked(list);
    expect(ids(es)).to.deep.equal(reference(resolveLocalText(whole, ['es'])));
    expect(ids(en)).to.deep.equal(reference(resolveLocalText(whole, ['en'])));
  });

  it('firstPage: none when a group that belongs on it is not valid; a bad group further down does not matter yet', () => {
    const emptyName = raw.map((g, i) => (i === 300 ? { ...g, name: '' } : g));
    expect(firstPage(supportGroupsValidator, emptyName, ['en'], 20), 'an empty name orders first').to.equal(undefined);
    const first = reference(all)[0]!;
    const badFirst = raw.map((g) => (g.id === first ? { ...g, audiences: ['everyone'] } : g));
    expect(firstPage(supportGroupsValidator, badFirst, ['en'], 20)).to.equal(undefined);
    const last = createFinder(all).byName.at(-1)!;
    const badLast = raw.map((g, i) => (i === last ? { ...g, audiences: ['everyone'] } : g));
    expect(ids(firstPage(supportGroupsValidator, badLast, ['en'], 20)!)).to.deep.equal(reference(all));
  });

  it('checkSteps: none when a group repeats the id of one checked in an earlier step (or the same step)', () => {
    const run = (groups: unknown[]) => {
      const steps = checkSteps(supportGroupsValidator, groups);
      for (;;) {
        const r = steps.next();
        if (r.done) return r.value;
      }
    };
    expect(run(raw)).to.deep.equal(all);
    expect(run([...raw, { ...raw[3], name: 'Copy' }]), 'a later step').to.equal(undefined);
    expect(run(raw.map((g, i) => (i === 5 ? { ...g, id: raw[2]!.id } : g))), 'the same step').to.equal(undefined);
  });

  it('firstPage: none when a group on it shares its id with a group off it, either way round', () => {
    const [a, b] = createFinder(all).byName;
    const last = createFinder(all).byName.at(-1)!;
    expect(firstPage(supportGroupsValidator, [...raw, { ...raw[a!]!, name: 'Zzz copy' }], ['en'], 20), 'the copy off it').to.equal(
      undefined,
    );
    const copyOn = raw.map((g, i) => (i === b ? { ...g, id: raw[last]!.id } : g));
    expect(firstPage(supportGroupsValidator, copyOn, ['en'], 20), 'the copy on it').to.equal(undefined);
    const twoOff = [...raw, { ...raw[last]!, name: 'Zzz copy' }];
    expect(ids(firstPage(supportGroupsValidator, twoOff, ['en'], 20)!), 'both off it').to.deep.equal(reference(all));
  });

  it('checkSteps in slices: the same groups as one check of the whole list; none for a bad group; stops when aborted', async () => {
    const checkInSlices = (groups: unknown[], signal: AbortSignal) => inSlices(checkSteps(supportGroupsValidator, groups), signal);
    expect(await checkInSlices(raw, new AbortController().signal)).to.deep.equal(all);
    const bad = raw.map((g, i) => (i === N - 3 ? { ...g, formats: ['carrier pigeon'] } : g));
    expect(await checkInSlices(bad, new AbortController().signal)).to.equal(undefined);
    const abort = new AbortController();
    const pending = checkInSlices(raw, abort.signal);
    abort.abort();
    let error: unknown;
    await pending.catch((e: unknown) => (error = e));
    expect((error as DOMException).name).to.equal('AbortError');
  });

  it('a load that a newer one (or leaving the page) aborts mid-check ends quietly: no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onRejection = (e: PromiseRejectionEvent) => (e.preventDefault(), unhandled.push(e.reason));
    window.addEventListener('unhandledrejection', onRejection);
    try {
      for (const linked of [false, true]) {
        // A link with a query checks the whole list before drawing; without one the first page is drawn first.
        if (linked) history.replaceState(null, '', '?sg-q=cancer');
        const el = await fixture<CareSupportGroups>(html`<care-support-groups .config=${{ groups: raw }}></care-support-groups>`);
        el.config = { groups: all.slice(0, 3) };
        await waitUntil(() => names(el).length === 3, 'the newer config was not shown', { timeout: 5000 });
        const gone = await fixture<CareSupportGroups>(html`<care-support-groups .config=${{ groups: raw }}></care-support-groups>`);
        gone.remove();
        await new Promise((r) => setTimeout(r, 300));
      }
    } finally {
      history.replaceState(null, '', location.pathname);
      window.removeEventListener('unhandledrejection', onRejection);
    }
    expect(unhandled.map(String)).to.deep.equal([]);
  });

  it('inSlices resolves in a task after the last slice, so what awaits it is not part of that slice', async () => {
    const order: string[] = [];
    function* steps(): Generator<void, number> {
      yield;
      // Queued during the last slice: a result delivered in that slice's task would come before it.
      later(() => order.push('task after the last slice'));
      return 1;
    }
    await inSlices(steps(), new AbortController().signal).then(() => order.push('result'));
    expect(order).to.deep.equal(['task after the last slice', 'result']);
  });

  it('inSlices rejects when a step throws (a scheduler would swallow the error and leave it pending for ever)', async () => {
    function* steps(): Generator<void, number> {
      yield;
      throw new TypeError('a service the mapper could not read');
    }
    const error = await inSlices(steps(), new AbortController().signal).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(String(error)).to.equal('TypeError: a service the mapper could not read');
  });
});

// Background work (every group checked, zod explaining a bad one) waits on a busy machine: up to 10 s.
describe('<care-support-groups> with a long list', () => {
  let startUrl = '';
  beforeEach(() => (startUrl = location.href));
  afterEach(() => history.replaceState(null, '', startUrl));

  /** Mounts and resolves at care-ready (the first render), with every live-region text it has said so far. */
  async function mount(groups: unknown[], over: Record<string, unknown> = {}) {
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('care-support-groups') as CareSupportGroups;
    el.config = { groups, pageSize: 20, ...over } as CareSupportGroups['config'];
    const said: string[] = [];
    const errors: CareConfigErrorEvent[] = [];
    el.addEventListener('care-config-error', (e) => errors.push(e as CareConfigErrorEvent));
    const ready = oneEvent(el, 'care-ready');
    wrapper.append(el);
    await ready;
    new MutationObserver(() => said.push($(el, '[role=status][aria-live]')!.textContent!.trim())).observe(el.shadowRoot!, {
      subtree: true,
      characterData: true,
      childList: true,
    });
    return { el, said, errors };
  }

  /** The first page: its first screen in the task that shows it, the rest of the page in the next task. */
  async function firstPageDrawn(el: CareSupportGroups, expected?: string[]) {
    expect(FIRST_SCREEN).to.be.within(1, 19);
    if (expected) expect(names(el)).to.deep.equal(expected.slice(0, FIRST_SCREEN));
    else expect(names(el)).to.have.length(FIRST_SCREEN);
    // An update before that task (the search code arriving, say) still draws the first screen only.
    el.requestUpdate();
    await el.updateComplete;
    expect(names(el), 'after an update in the same task').to.have.length(FIRST_SCREEN);
    await nextTask();
    await el.updateComplete;
    if (expected) expect(names(el)).to.deep.equal(expected);
    else expect(names(el)).to.have.length(20);
  }

  it('shows the first page at once (its first screen, then the rest a task later), then the count, filters and "Show more" once every group is checked', async () => {
    const { el, said } = await mount(raw);
    const firstByName = createFinder(all)
      .byName.slice(0, 20)
      .map((i) => all[i]!.name);
    expect(count(el)).to.equal('Loading…');
    expect($(el, '.filters')!.textContent).to.contain('Loading…');
    expect($(el, '.filters input[type=checkbox]')).to.equal(null);
    expect($(el, 'button.more')).to.equal(null);
    expect(el.indexReady).to.equal(false);
    await firstPageDrawn(el, firstByName);
    await expect(el).to.be.accessible();

    await waitUntil(() => count(el) === '600 groups', 'the count did not follow', { timeout: 10000 });
    expect(names(el)).to.deep.equal(
      createFinder(all)
        .byName.slice(0, 20)
        .map((i) => all[i]!.name),
    );
    const counts = find(createFinder(all), emptyState()).counts;
    const shown = [...el.shadowRoot!.querySelectorAll('.filters fieldset')].map((f) =>
      [...f.querySelectorAll('.n')].map((n) => Number(n.textContent!.replace(/\D/g, ''))),
    );
    expect(shown).to.deep.equal(FACETS.map((_, f) => [...counts[f]!]).filter((c) => c.length));
    expect($(el, 'button.more')!.textContent).to.contain('Show 20 more');
    await expect(el).to.be.accessible();
    // Screen readers hear the real count, never the loading state.
    await waitUntil(() => said.includes('600 groups'), 'the count was not announced', { timeout: 3000 });
    expect(said.filter(Boolean)).to.deep.equal(['600 groups']);
    await waitUntil(() => el.indexReady, 'the index was not built after', { timeout: 10000 });
  });

  it('removed before the rest of its first page is drawn: that task is cancelled, nothing is drawn after', async () => {
    const { el } = await mount(raw);
    expect(names(el)).to.have.length(FIRST_SCREEN);
    let updates = 0;
    el.addController({ hostUpdated: () => updates++ });
    el.remove();
    for (let i = 0; i < 3; i++) await nextTask();
    await el.updateComplete;
    expect(updates, 'updates after removal').to.equal(0);
    expect(names(el)).to.have.length(FIRST_SCREEN);
  });

  it('a bad group late in the list: the first page at once, then its config error with its path, and the rest work', async () => {
    const list = raw.map((g, i) => (i === 590 ? { ...g, audiences: ['everyone'] } : g));
    const { el, errors } = await mount(list);
    await firstPageDrawn(el);
    await waitUntil(() => errors.length, 'no config error for the bad group', { timeout: 10000 });
    expect(errors[0]!.detail.recovered).to.equal(true);
    expect(errors[0]!.detail.issues.map((i) => i.path)).to.deep.equal(['groups.590.audiences.0']);
    await waitUntil(() => count(el) === '599 groups', 'the other groups were not listed', { timeout: 10000 });
    expect($(el, 'details.panel.editor')!.textContent).to.contain('groups.590.audiences.0');
    const input = $(el, 'input[type=search]') as HTMLInputElement;
    input.value = String(list[100]!.name);
    input.dispatchEvent(new Event('input'));
    await waitUntil(() => names(el)[0] === list[100]!.name, 'search did not find a group', { timeout: 10000 });
  });

  it('a repeated id off the first page: the first page at once, then the repeat skipped with its path, and the rest listed', async () => {
    const last = createFinder(all).byName.at(-1)!;
    const list = [...raw, { ...raw[last]!, name: 'Zzz copy' }];
    const { el, errors } = await mount(list);
    await firstPageDrawn(el);
    await waitUntil(() => errors.length, 'no config error for the repeated id', { timeout: 10000 });
    expect(errors[0]!.detail.issues.map((i) => i.path)).to.deep.equal([`groups.${N}.id`]);
    await waitUntil(() => count(el) === `${N} groups`, 'the other groups were not listed', { timeout: 10000 });
    expect(names(el)).not.to.include('Zzz copy');
  });

  it('a bad group that would be on the first page, or a repeated id: the whole list is checked first, with the same errors', async () => {
    const first = createFinder(all).byName[0]!;
    const list = raw.map((g, i) => (i === first ? { ...g, name: '' } : g));
    list.push({ ...raw[7]!, name: 'A copy' });
    const { el, errors } = await mount(list);
    expect(count(el), 'complete at first render').to.equal('599 groups');
    expect(errors[0]!.detail.issues.map((i) => i.path)).to.have.members([`groups.${first}.name`, `groups.${N}.id`]);
    expect(names(el)).not.to.include('A copy');
  });

  it('a link with filters: every group is checked before the first render, which shows the filtered list', async () => {
    history.replaceState(null, '', '?sg-format=online');
    const { el } = await mount(raw);
    const state = { ...emptyState(), filters: { ...emptyState().filters, format: ['online'] } };
    const expected = find(createFinder(all), state).list;
    expect(count(el)).to.equal(`${expected.length} groups`);
    expect(names(el)).to.deep.equal(expected.slice(0, 20).map((i) => all[i]!.name));
  });
});

/**
 * Numbers every scheduled task as it starts (later() and nextTask() post tasks through the scheduler): `task()` is the
 * number of the one running now; `restore()` puts the scheduler back.
 */
function countTasks(): { task: () => number; restore: () => void } {
  type PostTask = (cb: () => unknown, options?: object) => Promise<unknown>;
  const scheduler = (globalThis as unknown as { scheduler: { postTask: PostTask } }).scheduler;
  const post = scheduler.postTask;
  let task = 0;
  scheduler.postTask = (cb, options) => post.call(scheduler, () => (task++, cb()), options);
  return { task: () => task, restore: () => void (scheduler.postTask = post) };
}

describe("support groups: the cards' first formatters (issue 13)", () => {
  it("a long list: the date formatters for a first-page group's time zone are made in tasks before the one that draws the cards", async () => {
    const { task, restore } = countTasks();
    const made: number[] = [];
    const real = Intl.DateTimeFormat;
    // Chatham Islands time: no other test here meets there, so its formatter is not cached yet.
    Intl.DateTimeFormat = new Proxy(real, {
      construct: (target, args) => (
        (args[1] as { timeZone?: string } | undefined)?.timeZone === 'Pacific/Chatham' && made.push(task()),
        Reflect.construct(target, args)
      ),
    });
    const groups = raw.map((g, i) =>
      i === 3 ? { ...g, name: 'Aaaa Chatham Islands group', meets: { ...(g as { meets: object }).meets, timeZone: 'Pacific/Chatham' } } : g,
    );
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('care-support-groups') as CareSupportGroups;
    let drawn = -1;
    try {
      el.config = { groups, pageSize: 20 } as CareSupportGroups['config'];
      const ready = oneEvent(el, 'care-ready');
      wrapper.append(el);
      new MutationObserver(() => drawn < 0 && $(el, '.group') && (drawn = task())).observe(el.shadowRoot!, {
        subtree: true,
        childList: true,
      });
      await ready;
    } finally {
      restore();
      Intl.DateTimeFormat = real;
    }
    expect(names(el)[0]).to.equal('Aaaa Chatham Islands group');
    expect(made.length, 'formatters for Chatham Islands time were made').to.be.greaterThan(1);
    expect(drawn, 'the cards were drawn in a scheduled task').to.be.greaterThan(0);
    expect(
      made.filter((t) => t >= drawn),
      'none in the task that drew the cards',
    ).to.deep.equal([]);
  });

  it('a long list: the filters’ number formatter is made in a task between the first page’s and the whole list’s', async () => {
    // A background task would wait for every slice of the whole list, so the formatter would be made in the task
    // that shows the whole list's counts.
    const { task, restore } = countTasks();
    const made: number[] = [];
    const real = Intl.NumberFormat;
    // Faroese: no other test renders in it, so its formatter is not cached yet.
    Intl.NumberFormat = new Proxy(real, {
      construct: (target, args) => (args[0] === 'fo' && made.push(task()), Reflect.construct(target, args)),
    });
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="fo"></div>`);
    const el = document.createElement('care-support-groups') as CareSupportGroups;
    let [drawn, whole] = [-1, -1];
    try {
      el.config = { groups: raw, pageSize: 20 } as CareSupportGroups['config'];
      wrapper.append(el);
      new MutationObserver(() => {
        if (drawn < 0 && $(el, '.group')) drawn = task();
        if (whole < 0 && $(el, '#count')?.textContent?.includes('600')) whole = task();
      }).observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
      await waitUntil(() => whole >= 0, 'the whole list was shown');
    } finally {
      restore();
      Intl.NumberFormat = real;
    }
    expect(drawn, 'the first page was drawn in a scheduled task').to.be.greaterThan(0);
    expect(whole, 'the whole list was shown later').to.be.greaterThan(drawn);
    expect(made, 'one formatter for the filters’ counts, made after the first page and before the whole list').to.have.length(1);
    expect(made[0]).to.be.greaterThan(drawn).and.lessThan(whole);
  });

  it('a long list on a page whose language file comes after the check: the count’s formatters are that language’s, made before the whole list', async () => {
    const { task, restore } = countTasks();
    const real = {
      load: localeCode.load,
      tags: registry.tags,
      base: registry.base,
      NumberFormat: Intl.NumberFormat,
      PluralRules: Intl.PluralRules,
    };
    // A language of its own ("qf"), whose file comes a task after it is asked for: by then the check has run and
    // the whole list's slices have begun.
    registry.tags = ['qf'];
    registry.base = '/no-such-folder/';
    localeCode.load = lazy(async () => ({
      addLocaleScript: async () => {
        await nextTask();
        registerLocale('qf', { 'support-groups': { count_one: '{n} bólkur', count_other: '{n} bólkar' } } as never);
        return true;
      },
    })) as unknown as typeof localeCode.load;
    const made: [string, number][] = [];
    const spy = <T extends object>(name: string, C: T): T =>
      new Proxy(C, {
        construct: (target, args) => (args[0] === 'qf' && made.push([name, task()]), Reflect.construct(target as never, args)),
      });
    Object.assign(Intl, { NumberFormat: spy('NumberFormat', real.NumberFormat), PluralRules: spy('PluralRules', real.PluralRules) });
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="qf"></div>`);
    const el = document.createElement('care-support-groups') as CareSupportGroups;
    let [drawn, whole] = [-1, -1];
    try {
      el.config = { groups: generateGroups(3000, 7), pageSize: 20 } as CareSupportGroups['config'];
      wrapper.append(el);
      new MutationObserver(() => {
        if (drawn < 0 && $(el, '.group')) drawn = task();
        if (whole < 0 && /\d/.test($(el, '#count')?.textContent ?? '')) whole = task();
      }).observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
      await waitUntil(() => whole >= 0, 'the whole list was shown');
    } finally {
      restore();
      Object.assign(localeCode, { load: real.load });
      Object.assign(registry, { tags: real.tags, base: real.base });
      Object.assign(Intl, { NumberFormat: real.NumberFormat, PluralRules: real.PluralRules });
      delete registry.bundles.qf;
      for (const url of Object.keys(registry.loading)) if (url.endsWith('/qf.js')) delete registry.loading[url];
    }
    expect(count(el), 'in the page’s language').to.match(/bólkar$/);
    expect(whole, 'the whole list was shown after the first page').to.be.greaterThan(drawn);
    expect(made.map(([name]) => name).sort(), 'the count’s and the filters’ number formatters and the plural rules').to.deep.equal([
      'NumberFormat',
      'NumberFormat',
      'PluralRules',
    ]);
    expect(
      made.filter(([, t]) => t <= drawn || t >= whole),
      'made after the first page, before the whole list',
    ).to.deep.equal([]);
  });

  it('makes a date, a language-name and a list formatter as it connects, each in a later task, not in that one', async () => {
    const made: string[] = [];
    const real = { DateTimeFormat: Intl.DateTimeFormat, DisplayNames: Intl.DisplayNames, ListFormat: Intl.ListFormat };
    const spy = <T extends object>(name: string, C: T): T =>
      new Proxy(C, { construct: (target, args) => (made.push(`${name}:${args[0]}`), Reflect.construct(target as never, args)) });
    Object.assign(Intl, {
      DateTimeFormat: spy('DateTimeFormat', real.DateTimeFormat),
      DisplayNames: spy('DisplayNames', real.DisplayNames),
      ListFormat: spy('ListFormat', real.ListFormat),
    });
    // Icelandic: no other test makes its formatters, so none is cached yet.
    const host = document.createElement('div');
    host.lang = 'is';
    const el = document.createElement('care-support-groups') as CareSupportGroups;
    el.config = { groups: [] };
    try {
      host.append(el);
      document.body.append(host);
      await el.updateComplete;
      const icelandic = () => made.filter((m) => m.endsWith(':is'));
      expect(icelandic(), 'none in the task that connected it').to.deep.equal([]);
      for (let i = 0; i < 4; i++) await nextTask();
      expect(icelandic()).to.include.members(['DateTimeFormat:is', 'DisplayNames:is', 'ListFormat:is']);
    } finally {
      Object.assign(Intl, real);
      host.remove();
    }
  });
});
