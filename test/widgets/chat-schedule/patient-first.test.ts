// Issue 11, patient-first: each chat once with its next date first, unique link names, a cancelled date that
// does not look like "go", heading levels that fit the page, plain words, and the agenda kept as an option.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import { emulateMedia } from '@web/test-runner-commands';
import '../../../src/define/care-chat-schedule.js';
import type { CareChatSchedule } from '../../../src/widgets/chat-schedule/chat-schedule.js';
import { bcsm, beforeCancelled, chats, duringBcsm, weekConfig, weekStart } from '../../../stories/data/chat-schedule.js';
import { english } from '../../helpers/english.js';
import { fleschKincaid } from '../../helpers/readability.js';

type El = CareChatSchedule;
const root = (el: El) => el.shadowRoot!;
const cards = (el: El) => [...root(el).querySelectorAll<HTMLLIElement>('[part=chat]')];
const text = (n: Node | undefined | null) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const titleOf = (li: Element) => text(li.querySelector(':is(h2, h3, h4, h5, h6)'));
const links = (el: El) => [...root(el).querySelectorAll<HTMLAnchorElement>('a[href]')];
/** Accessible names of links and disclosure buttons: their text, visually hidden parts included (no aria-label is used). */
const names = (list: Element[]) => list.map(text);
const dupes = (list: string[]) => list.filter((n, i) => list.indexOf(n) != i);

/** Opens every add-to-calendar menu (rendered only when first opened) and waits for its links. */
async function openCalendars(el: El): Promise<void> {
  const menus = [...root(el).querySelectorAll('details.calendar')] as HTMLDetailsElement[];
  for (const d of menus) d.open = true;
  await waitUntil(() => menus.every((d) => d.querySelector('a[href]')), 'the calendar menus did not open');
}

async function render(config: unknown, attrs: { now?: string; zone?: string; level?: string } = {}): Promise<El> {
  let ready = false;
  const el = await fixture<El>(
    html`<care-chat-schedule
      .config=${config}
      now=${attrs.now ?? weekStart}
      time-zone=${attrs.zone ?? 'Australia/Sydney'}
      heading-level=${attrs.level ?? ''}
      @care-ready=${() => (ready = true)}
    ></care-chat-schedule>`,
  );
  // A config with a bad item waits for zod and its explanations (chunks): on a busy machine that can pass 1 s.
  await waitUntil(() => root(el).querySelector('[part=list], .panel.error, p'), 'did not render', { timeout: 5000 });
  // The cards after the first four come a few per task: care-ready says every chat is in the list.
  await waitUntil(() => ready || root(el).querySelector('.panel.error'), 'not every chat was shown', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

describe('<care-chat-schedule>, patient first (issue 11)', () => {
  afterEach(() => emulateMedia({ forcedColors: 'none' }));

  it('lists each chat once, next date first, the later dates in a short list', async () => {
    const el = await render(weekConfig);
    // In the order of their next chat (the young adults' chat of 4 March is cancelled: theirs is 11 March).
    expect(cards(el).map(titleOf)).to.deep.equal([
      '#bcsm weekly chat',
      'Cancer Café UK evening chat',
      'Parramatta River carers video meet-up',
      'Young adults with cancer chat',
    ]);
    const first = cards(el)[0]!;
    expect(first.querySelector('.when time')!.getAttribute('datetime')).to.equal('2026-03-03T02:00:00.000Z');
    expect(text(first.querySelector('.when'))).to.equal('Tuesday, March 3 at 1:00 PM Australian Eastern Daylight Time Tomorrow');
    // The next two after it, as date and time only (12:00 from 10 March: New York has changed its clocks).
    expect([...first.querySelectorAll('.dates time')].map(text)).to.deep.equal([
      'Tuesday, March 10 at 12:00 PM',
      'Tuesday, March 17 at 12:00 PM',
    ]);
    // The description once on the whole page, not once per date.
    expect(text(root(el)).split('one topic each week')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('gives every chat its own add-to-calendar and every link a unique name', async () => {
    const el = await render(weekConfig, { now: duringBcsm });
    for (const li of cards(el)) expect(li.querySelectorAll('details.calendar'), titleOf(li)).to.have.length(1);
    await openCalendars(el);
    const all = names([...links(el), ...root(el).querySelectorAll('summary')]);
    expect(dupes(all), 'links or disclosures with the same name').to.deep.equal([]);
    const join = cards(el)[0]!.querySelector<HTMLAnchorElement>('a.join')!;
    expect(text(join)).to.match(/^Join .*#bcsm weekly chat$/);
    expect(join.classList.contains('primary')).to.equal(true);
    expect(cards(el)[0]!.querySelectorAll('.primary'), 'one prominent action').to.have.length(1);
    expect(text(cards(el)[0]!.querySelector('summary'))).to.equal('Add to calendar: #bcsm weekly chat');
    await expect(el).to.be.accessible();
  });

  it('shows a cancelled date in a neutral colour, marked by a word, a border and a line, also in forced colours', async () => {
    const el = await render({ chats: [chats[2]], show: 3 }, { now: beforeCancelled });
    const check = (forced: boolean) => {
      const tag = [...root(el).querySelectorAll<HTMLElement>('.cancelled .tag')].find((t) => text(t) === 'Cancelled')!;
      expect(tag, 'a "Cancelled" tag').to.exist;
      const s = getComputedStyle(tag);
      if (!forced) {
        expect(s.color).not.to.equal('rgb(30, 107, 52)'); // --care-color-success, the "live now" colour
        expect(s.color).to.equal(getComputedStyle(el).color); // the text colour: neutral
      }
      expect(s.borderTopStyle).to.equal('solid');
      expect(parseFloat(s.borderTopWidth)).to.be.at.least(1);
      const date = tag.closest('.cancelled')!.querySelector('time')!;
      expect(getComputedStyle(date).textDecorationLine).to.contain('line-through');
    };
    check(false);
    await emulateMedia({ forcedColors: 'active' });
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    check(true);
    // The next real chat is still the prominent date.
    expect(root(el).querySelector('.when time')!.getAttribute('datetime')).to.equal('2026-03-11T09:00:00.000Z');
  });

  it('takes its heading level from heading-level or config headingLevel, clamped to h2…h6', async () => {
    const levels = (el: El) => [
      root(el).querySelector('[part=heading]')?.localName,
      cards(el)[0]!.querySelector(':is(h2, h3, h4, h5, h6)')!.localName,
    ];
    expect(levels(await render({ chats: [bcsm], heading: 'Chats' }))).to.deep.equal(['h2', 'h3']);
    expect(levels(await render({ chats: [bcsm], heading: 'Chats' }, { level: '3' }))).to.deep.equal(['h3', 'h4']);
    expect(levels(await render({ chats: [bcsm], heading: 'Chats', headingLevel: 4 }, { level: '3' }))).to.deep.equal(['h4', 'h5']);
    expect(levels(await render({ chats: [bcsm], heading: 'Chats' }, { level: '1' }))).to.deep.equal(['h2', 'h3']);
    expect(levels(await render({ chats: [bcsm], heading: 'Chats' }, { level: '9' }))).to.deep.equal(['h6', 'h6']);
    const el = await render({ chats: [bcsm] }, { level: '4' });
    expect(cards(el)[0]!.querySelector('h5')).to.not.equal(null);
    el.setAttribute('heading-level', '2');
    await el.updateComplete;
    expect(cards(el)[0]!.querySelector('h3')).to.not.equal(null);
    const bad = await render({ chats: [bcsm], headingLevel: 7 });
    expect(text(root(bad).querySelector('.panel.error'))).to.contain('headingLevel');
  });

  it('shows bullets in the list of config problems', async () => {
    const el = await render({ chats: [{ ...bcsm, id: 'broken', start: '2026-02-30T21:00' }, ...chats] });
    const list = root(el).querySelector('details[part=error] ul')!;
    expect(getComputedStyle(list).listStyleType).to.equal('disc');
    expect(parseFloat(getComputedStyle(list).paddingInlineStart)).to.be.greaterThan(0);
  });

  it('speaks plain words: where the times are for, a countdown in words, calendar choices without file jargon', async () => {
    // 1 day and 14 hours before #bcsm.
    const el = await render({ chats: [bcsm] }, { now: '2026-03-01T12:00:00Z' });
    expect(text(root(el).querySelector('.zone'))).to.equal('All times are Sydney time.');
    const words = new (Intl as unknown as { DurationFormat: new (l: string, o: object) => { format(d: object): string } }).DurationFormat(
      'en-US',
      { style: 'long' },
    ).format({ days: 1, hours: 14 });
    expect(text(cards(el)[0]!.querySelector('.countdown'))).to.equal(`Starts in ${words}`);
    expect(words).to.match(/^1 day,? (and )?14 hours$/);
    expect(text(cards(el)[0]!.querySelector('.own'))).to.equal('That is 9:00 PM on Monday (New York time).');
    const shown = text(root(el));
    for (const jargon of ['.ics', 'Subscribe', 'Outlook.com', 'UTC time', 'this date', ' h ', ' min', 'Stop updating times'])
      expect(shown, jargon).not.to.contain(jargon);
    await openCalendars(el);
    expect(names(links(el))).to.include.members([
      'Apple or other calendar, #bcsm weekly chat (downloads a file)',
      'Google Calendar (cancelled dates still show), #bcsm weekly chat (opens in a new tab)',
      'Outlook (next chat only), #bcsm weekly chat (opens in a new tab)',
      'Add all chats to your calendar (downloads a file)',
    ]);
    const utc = await render({ chats: [bcsm], timeZone: 'UTC' });
    expect(text(root(utc).querySelector('.zone'))).to.equal('All times are UTC (world time).');
  });

  it('keeps the stop control for the countdown (WCAG 2.2.2), in plain words', async () => {
    const el = await fixture<El>(html`<care-chat-schedule .config=${{ chats: [bcsm] }}></care-chat-schedule>`);
    await waitUntil(() => cards(el).length);
    const button = root(el).querySelector('button')!;
    expect(text(button)).to.equal('Stop the countdown');
    button.click();
    await el.updateComplete;
    expect(text(button)).to.equal('Start the countdown again');
  });

  it('writes its patient messages at a reading grade of 6 or below', async () => {
    // Every word, the calendar menu's too (they come with its code).
    const en = english['chat-schedule']!;
    // Platform names are names, not words a reader has to know.
    const messages = Object.entries(en)
      .filter(([k]) => !['x', 'bluesky', 'mastodon', 'facebook', 'zoom', 'google'].includes(k))
      .map(([, v]) => v);
    const reading = fleschKincaid(messages);
    expect(reading.grade, JSON.stringify(reading)).to.be.at.most(6);
    for (const m of messages) expect(m).not.to.match(/\.ics|\b(h|min)\b|Subscribe/);
  });

  it('keeps the day-by-day agenda as an option, each chat’s details and calendar once', async () => {
    const el = await render({ ...weekConfig, layout: 'agenda' });
    expect(text(root(el).querySelector('.panel.error')), 'no config error').to.equal('');
    expect(cards(el)).to.have.length(8);
    const times = cards(el).map((li) => li.querySelector('time')!.getAttribute('datetime')!);
    expect([...times].sort()).to.deep.equal(times);
    expect(cards(el).filter((li) => titleOf(li) === '#bcsm weekly chat').length).to.be.greaterThan(1);
    expect(root(el).querySelectorAll('details.calendar')).to.have.length(4);
    await openCalendars(el);
    expect(dupes(names([...links(el), ...root(el).querySelectorAll('summary')]))).to.deep.equal([]);
    expect(text(root(el)).split('one topic each week')).to.have.length(2);
    await expect(el).to.be.accessible();
  });
});
