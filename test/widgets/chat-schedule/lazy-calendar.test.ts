// Issue 13: the .ics writer and the calendar links are a chunk loaded when a reader first reaches for a calendar
// control. The loader is swapped here for one the test controls: pending (the menu says so), failing like a chunk
// that 404s or a CSP refuses (the menu says so, the rest of the schedule works, opening it again retries).
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import '../../../src/define/care-chat-schedule.js';
import { calendarCode, type CareChatSchedule } from '../../../src/widgets/chat-schedule/chat-schedule.js';
import { lazy } from '../../../src/core/lazy.js';
import { bcsm, chats, weekStart } from '../../../stories/data/chat-schedule.js';

type El = CareChatSchedule;
type Code = typeof import('../../../src/widgets/chat-schedule/calendar.js');
const root = (el: El) => el.shadowRoot!;
const text = (n: Node | undefined | null) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const real = calendarCode.load;

/** A loader that waits for the test: `resolve()` hands over the real code, `reject()` fails like a missing chunk. */
function gate() {
  let resolve!: () => void;
  let reject!: () => void;
  let calls = 0;
  const promise = new Promise<Code>((ok, fail) => {
    resolve = () => void import('../../../src/widgets/chat-schedule/calendar.js').then(ok);
    reject = () => fail(new TypeError('Failed to fetch dynamically imported module: /dist/chunks/care-chat-schedule-calendar-x.js'));
  });
  calendarCode.load = lazy(() => (calls++, promise));
  return { resolve, reject, calls: () => calls };
}

async function render(config: unknown = { chats: [bcsm] }): Promise<El> {
  const el = await fixture<El>(
    html`<care-chat-schedule .config=${config} now=${weekStart} time-zone="Australia/Sydney"></care-chat-schedule>`,
  );
  await waitUntil(() => root(el).querySelector('[part=list]'), 'did not render');
  return el;
}

const menu = (el: El) => root(el).querySelector<HTMLDetailsElement>('details.calendar')!;
/** The live region beside a menu, or in the "add all" paragraph: there, empty, before it says anything. */
const said = (d: Element) => (d.tagName == 'DETAILS' ? d.nextElementSibling : d.parentElement!.querySelector('[role=status]'));
const toggled = (d: HTMLDetailsElement) => new Promise((ok) => d.addEventListener('toggle', ok, { once: true }));

let warnings: unknown[][] = [];
const originalWarn = console.warn;
beforeEach(() => {
  warnings = [];
  console.warn = (...a: unknown[]) => void warnings.push(a);
});
afterEach(() => {
  console.warn = originalWarn;
  calendarCode.load = real;
});

describe('<care-chat-schedule> loads its calendar code when first used', () => {
  it('renders the schedule without asking for the calendar code, and starts loading it on pointer or focus', async () => {
    const g = gate();
    const el = await render({ chats });
    expect(g.calls(), 'no load before a calendar control is used').to.equal(0);
    expect(root(el).querySelectorAll('[part=chat]').length).to.be.greaterThan(1);
    menu(el).dispatchEvent(new PointerEvent('pointerenter'));
    expect(g.calls()).to.equal(1);
    g.resolve();
  });

  it('says "Loading…" beside an opened menu until the code arrives, then shows the links', async () => {
    const g = gate();
    const el = await render();
    const d = menu(el);
    // The live region is there, empty, before the menu is opened: words put in a region that is already there are
    // announced, a region added with its words often is not (NVDA and JAWS with Chrome, VoiceOver).
    const region = said(d)!;
    expect(region.getAttribute('role')).to.equal('status');
    expect(text(region)).to.equal('');
    await expect(el).to.be.accessible();
    d.open = true;
    await toggled(d);
    await waitUntil(() => text(said(d)), 'no loading state');
    expect(said(d) === region, 'the same region, not a new one').to.equal(true);
    expect(text(region)).to.equal('Loading…');
    expect(d.querySelector('a')).to.equal(null);
    await expect(el).to.be.accessible();
    g.resolve();
    await waitUntil(() => d.querySelectorAll('a').length == 3, 'the links did not come');
    expect(text(said(d))).to.equal('');
    expect(new URL(d.querySelectorAll('a')[1]!.href).host).to.equal('calendar.google.com');
  });

  it('when the code cannot load: the menu says so, the schedule keeps working, and opening it again retries', async () => {
    const g = gate();
    const el = await render({ chats });
    const d = menu(el);
    d.open = true;
    await toggled(d);
    const region = said(d)!;
    await waitUntil(() => text(region) == 'Loading…', 'no loading state');
    g.reject();
    await waitUntil(() => text(region) != 'Loading…', 'no failure message');
    // Said in the region that said "Loading…", so it is announced too.
    expect(said(d) === region, 'the same region, not a new one').to.equal(true);
    expect(text(region)).to.equal('This information is not available right now.');
    expect(d.querySelector('a')).to.equal(null);
    expect(String(warnings[0]?.[1])).to.match(/Failed to fetch dynamically imported module/);
    // The rest of the widget is untouched: no error panel, and it still re-renders (here, filtered to one platform).
    expect(root(el).querySelector('details[part=error]')).to.equal(null);
    const before = root(el).querySelectorAll('[part=chat]').length;
    el.platform = 'mastodon';
    await el.updateComplete;
    const after = root(el).querySelectorAll('[part=chat]').length;
    expect(after).to.be.greaterThan(0).and.lessThan(before);
    // Closed and opened again, it asks again (the failed load is not remembered).
    calendarCode.load = real;
    el.platform = undefined;
    await el.updateComplete;
    d.open = false;
    await toggled(d);
    await el.updateComplete;
    expect(text(said(d)), 'a closed menu has nothing said beside it').to.equal('');
    d.open = true;
    await toggled(d);
    await waitUntil(() => d.querySelectorAll('a').length == 3, 'no retry');
    expect(text(said(d))).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('when two menus wait for the code and it fails, both say so (neither is left saying "Loading…")', async () => {
    const g = gate();
    const el = await render({ chats });
    const [a, b] = [...root(el).querySelectorAll<HTMLDetailsElement>('details.calendar')];
    a!.open = true;
    await toggled(a!);
    b!.open = true;
    await toggled(b!);
    await waitUntil(() => text(said(a!)) == 'Loading…' && text(said(b!)) == 'Loading…', 'no loading state');
    g.reject();
    await waitUntil(() => text(said(b!)) != 'Loading…', 'no failure message in the last menu');
    await el.updateComplete;
    expect(text(said(b!))).to.equal('This information is not available right now.');
    expect(text(said(a!)), 'the first menu still says Loading…').to.equal('This information is not available right now.');
  });

  it('"Add all chats" clicked before the code has loaded waits for it, then makes the file; a failure is said beside it', async () => {
    const g = gate();
    const el = await render({ chats });
    const all = [...root(el).querySelectorAll<HTMLAnchorElement>('a[download]')].find((a) => a.getAttribute('download') == 'chats.ics')!;
    const noDownload = (e: Event) => e.preventDefault();
    root(el).addEventListener('click', noDownload);
    const region = said(all)!;
    expect(text(region), 'an empty live region beside the link from the first render').to.equal('');
    all.click();
    expect(all.getAttribute('href')).to.equal('#');
    await waitUntil(() => text(region) == 'Loading…', 'no loading state beside the link');
    g.reject();
    await waitUntil(() => text(region) == 'This information is not available right now.', 'no failure message beside the link');
    expect(said(all) === region, 'the same region, not a new one').to.equal(true);
    expect(all.getAttribute('href')).to.equal('#');
    // A second click retries with a loader that works.
    calendarCode.load = lazy(() => import('../../../src/widgets/chat-schedule/calendar.js'));
    all.click();
    await waitUntil(() => all.href.startsWith('blob:'), 'no .ics file after the retry');
    root(el).removeEventListener('click', noDownload);
    expect(text(said(all))).to.equal('');
    const ics = await (await fetch(all.href)).text();
    expect(ics.match(/BEGIN:VEVENT/g)).to.have.length(chats.length);
  });
});
