import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import '../../../src/define/care-chat-schedule.js';
import type { CareChatSchedule } from '../../../src/widgets/chat-schedule/chat-schedule.js';
import { clockRunning } from '../../../src/core/time/clock.js';
import { bcsm, chats, weekStart } from '../../../stories/data/chat-schedule.js';

type El = CareChatSchedule;
const root = (el: El) => el.shadowRoot!;
const items = (el: El) => [...root(el).querySelectorAll<HTMLLIElement>('[part=chat]')];
const text = (n: Node | undefined | null) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function render(config: unknown, attrs: { now?: string; zone?: string } = {}): Promise<El> {
  let ready = false;
  const el = await fixture<El>(
    html`<care-chat-schedule
      .config=${config}
      now=${attrs.now ?? weekStart}
      time-zone=${attrs.zone ?? 'Australia/Sydney'}
      @care-ready=${() => (ready = true)}
    ></care-chat-schedule>`,
  );
  // A rejected config waits for zod and its explanations (chunks): on a busy machine that can pass waitUntil's 1 s.
  await waitUntil(() => root(el).querySelector('[part=list], .panel.error, p'), 'did not render', { timeout: 5000 });
  // The cards after the first four come a few per task: care-ready says every chat is in the list.
  await waitUntil(() => ready || root(el).querySelector('.panel.error'), 'not every chat was shown', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

let errors: unknown[][] = [];
const originalError = console.error;
beforeEach(() => {
  errors = [];
  console.error = (...a: unknown[]) => void errors.push(a);
});
afterEach(() => (console.error = originalError));

describe('<care-chat-schedule>', () => {
  it('lists the next occurrences of all chats in time order, in the viewer zone, inside <time> with the UTC instant', async () => {
    const el = await render({ chats, show: 6, layout: 'agenda' });
    const times = items(el).map((li) => li.querySelector('time')!.getAttribute('datetime')!);
    expect(times).to.have.length(6);
    expect([...times].sort()).to.deep.equal(times);
    for (const t of times) expect(t).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
    const first = items(el).find((li) => text(li.querySelector('h3')) === '#bcsm weekly chat')!;
    expect(first.querySelector('time')!.getAttribute('datetime')).to.equal('2026-03-03T02:00:00.000Z');
    expect(text(first.querySelector('time'))).to.equal('Tuesday, March 3 at 1:00 PM Australian Eastern Daylight Time');
    expect(text(first.querySelector('.own'))).to.equal('That is 9:00 PM on Monday (New York time).');
    expect(text(first)).to.include('Topic: Scanxiety: living between scans');
    expect(text(first.querySelector('.meta'))).to.equal('#bcsm on X Host: @bcsm_hosts');
    expect(text(root(el).querySelector('.zone'))).to.equal('All times are Sydney time.');
    await expect(el).to.be.accessible();
  });

  it('shows Today and Tomorrow beside the weekday, never instead of it', async () => {
    // Monday 2 March, 09:00 Sydney: the carers' meet-up is not this week; #bcsm is Tuesday 13:00 (tomorrow).
    const el = await render({ chats: [bcsm, { ...bcsm, id: 'same-day', start: '2026-01-05T17:00', topics: {} }] });
    const [today, tomorrow] = items(el);
    expect(text(today!.querySelector('time'))).to.match(/^Tuesday, March 3/);
    // 17:00 New York Monday = 09:00 Sydney Tuesday: tomorrow, and the 21:00 one too.
    expect(text(today!.querySelector('.badge'))).to.equal('Tomorrow');
    expect(text(tomorrow!.querySelector('.badge'))).to.equal('Tomorrow');
    const el2 = await render({ chats: [bcsm], layout: 'agenda' }, { now: '2026-03-02T20:00:00Z' });
    expect(text(items(el2)[0]!.querySelector('time'))).to.match(/^Tuesday, March 3/);
    expect(text(items(el2)[0]!.querySelector('.badge'))).to.equal('Today');
    expect(items(el2)[1]!.querySelector('.badge')).to.equal(null);
  });

  it('leaves out the chat’s own time when the zones agree', async () => {
    const el = await render({ chats: [bcsm] }, { zone: 'America/New_York' });
    expect(items(el)[0]!.querySelector('.own')).to.equal(null);
    expect(text(items(el)[0]!.querySelector('time'))).to.equal('Monday, March 2 at 9:00 PM EST');
  });

  it('takes the viewer zone from config, then the element or an ancestor time-zone, then the browser', async () => {
    const el = await render({ chats: [bcsm], timeZone: 'Europe/London' });
    expect(text(items(el)[0]!.querySelector('time'))).to.equal('Tuesday, March 3 at 2:00 AM GMT');
    const wrap = await fixture(
      html`<div time-zone="America/Los_Angeles"><care-chat-schedule now=${weekStart} .config=${{ chats: [bcsm] }}></care-chat-schedule></div>`,
    );
    const inner = wrap.querySelector('care-chat-schedule') as El;
    await waitUntil(() => items(inner).length);
    expect(text(items(inner)[0]!.querySelector('time'))).to.equal('Monday, March 2 at 6:00 PM PST');
    const plain = await fixture<El>(html`<care-chat-schedule now=${weekStart} .config=${{ chats: [bcsm] }}></care-chat-schedule>`);
    await waitUntil(() => items(plain).length);
    expect(plain.viewerZone()).to.equal(Intl.DateTimeFormat().resolvedOptions().timeZone); // the test browser's zone
    plain.timeZone = 'Asia/Kolkata';
    await plain.updateComplete;
    expect(text(items(plain)[0]!.querySelector('time'))).to.equal('Tuesday, March 3 at 7:30 AM India Standard Time');
  });

  it('says Live now, with a join button, between start and end', async () => {
    const el = await render({ chats: [bcsm] }, { now: '2026-03-03T02:30:00Z' });
    const live = items(el)[0]!;
    expect(live.classList.contains('live')).to.equal(true);
    expect(text(live.querySelector('.tag'))).to.equal('Live now');
    const join = live.querySelector<HTMLAnchorElement>('a.join')!;
    expect(text(join)).to.equal('Join now: #bcsm weekly chat');
    expect(join.href).to.equal('https://x.com/hashtag/bcsm');
    await expect(el).to.be.accessible();
    const ended = await render({ chats: [bcsm] }, { now: '2026-03-03T03:00:00Z' });
    expect(items(ended)[0]!.querySelector('time')!.getAttribute('datetime')).to.equal('2026-03-10T01:00:00.000Z');
  });

  it('keeps a calendar control\u2019s empty live region out of its row: no gap, no line of its own when the row is full', async () => {
    const el = await render({ chats: [bcsm] }, { now: '2026-03-02T23:45:00Z' });
    const actions = root(el).querySelector<HTMLElement>('.actions')!;
    const details = actions.querySelector('details')!;
    const region = actions.querySelector('[role=status]')!;
    expect(text(region)).to.equal('');
    // The row just as wide as its control: an empty region in the flex row would wrap to a line of its own.
    actions.style.inlineSize = `${details.getBoundingClientRect().width}px`;
    expect(actions.getBoundingClientRect().height).to.equal(details.getBoundingClientRect().height);
  });

  it('counts down to the next one, outside any live region', async () => {
    const el = await render({ chats: [bcsm] }, { now: '2026-03-02T23:45:00Z' });
    // Words, as Intl.DurationFormat (long) says them in this browser (test/widgets/chat-schedule/schedule.test.ts has the fallback).
    const status = items(el)[0]!.querySelector('.countdown')!;
    expect(text(status)).to.equal('Starts in 2 hours, 15 minutes');
    expect(root(el).querySelectorAll('.countdown')).to.have.length(1);
    // The calendar controls' live regions are there (empty) until one has something to say; the countdown is in none.
    const live = [...root(el).querySelectorAll('[aria-live], [role=status], [role=timer], [role=log]')];
    expect(live.map(text).join('')).to.equal('');
    expect(live.some((r) => r.contains(status))).to.equal(false);
    el.now = '2026-03-03T01:59:30Z';
    await el.updateComplete;
    expect(text(status)).to.equal('Starts in 1 minute');
    el.now = '2026-02-26T02:00:00Z';
    await el.updateComplete;
    expect(text(items(el)[0]!.querySelector('.countdown'))).to.equal('Starts in 5 days');
    el.now = '2026-03-01T17:00:00Z';
    await el.updateComplete;
    expect(text(items(el)[0]!.querySelector('.countdown'))).to.equal('Starts in 1 day, 9 hours');
    el.now = '2026-03-02T02:00:00Z';
    await el.updateComplete;
    expect(text(items(el)[0]!.querySelector('.countdown'))).to.equal('Starts in 1 day');
  });

  it('rebuilds on a minute tick only the cards whose words change, each card its own chat', async () => {
    // Two chats at the same times: each keeps its own card.
    const twin = { ...bcsm, id: 'twin', title: 'The same times, another chat' };
    const el = await render({ chats: [bcsm, twin] }, { now: '2026-02-26T01:00:00Z' });
    const titles = () => items(el).map((li) => text(li.querySelector('h3')));
    expect(titles()).to.have.members(['#bcsm weekly chat', 'The same times, another chat']);
    // A card's dates, own time and later dates are written by DateTimeFormat's format (a getter): count its uses.
    const proto = Intl.DateTimeFormat.prototype;
    const format = Object.getOwnPropertyDescriptor(proto, 'format')!;
    let calls = 0;
    Object.defineProperty(proto, 'format', {
      ...format,
      get(this: Intl.DateTimeFormat) {
        calls++;
        return format.get!.call(this);
      },
    });
    try {
      el.now = '2026-02-26T01:01:00Z';
      await el.updateComplete;
      expect(calls, 'a minute on, both still read "Starts in 5 days": no card is made again').to.equal(0);
      el.now = '2026-03-02T23:45:00Z';
      await el.updateComplete;
      expect(calls, 'the words changed: both cards are made again').to.be.above(0);
    } finally {
      Object.defineProperty(proto, 'format', format);
    }
    expect(titles()).to.have.members(['#bcsm weekly chat', 'The same times, another chat']);
    expect(items(el).map((li) => text(li.querySelector('.countdown')))).to.deep.equal([
      'Starts in 2 hours, 15 minutes',
      'Starts in 2 hours, 15 minutes',
    ]);
  });

  it('moves a chat on to its next date when the one shown ends, and back when the clock goes back', async () => {
    const el = await render({ chats: [bcsm] }, { now: '2026-03-03T01:30:00Z' });
    const when = () => items(el)[0]!.querySelector('.when time')!.getAttribute('datetime');
    expect(when()).to.equal('2026-03-03T02:00:00.000Z');
    el.now = '2026-03-03T02:30:00Z';
    await el.updateComplete;
    expect(items(el)[0]!.classList.contains('live'), 'live while it runs').to.equal(true);
    expect(when()).to.equal('2026-03-03T02:00:00.000Z');
    el.now = '2026-03-03T03:00:00Z';
    await el.updateComplete;
    expect(items(el)[0]!.classList.contains('live')).to.equal(false);
    expect(when(), 'ended: the next week').to.equal('2026-03-10T01:00:00.000Z');
    el.now = '2026-03-03T01:30:00Z';
    await el.updateComplete;
    expect(when(), 'the clock set back').to.equal('2026-03-03T02:00:00.000Z');
  });

  it('shows exception dates as cancelled, or leaves them out', async () => {
    const cfg = { chats: [{ ...bcsm, exceptions: ['2026-03-02'] }], show: 2 };
    const shown = await render(cfg);
    expect(items(shown)).to.have.length(1);
    expect(items(shown)[0]!.querySelector('p.cancelled time')!.getAttribute('datetime')).to.equal('2026-03-03T02:00:00.000Z');
    expect(text(items(shown)[0]!.querySelector('p.cancelled'))).to.equal('Cancelled Tuesday, March 3 at 1:00 PM');
    expect(items(shown)[0]!.querySelector('.when time')!.getAttribute('datetime')).to.equal('2026-03-10T01:00:00.000Z');
    expect(text(items(shown)[0]!.querySelector('.countdown'))).to.equal('Starts in 8 days');
    await expect(shown).to.be.accessible();
    const agenda = await render({ ...cfg, layout: 'agenda' });
    expect(
      items(agenda).map((li) => [li.querySelector('time')!.getAttribute('datetime'), li.classList.contains('cancelled')]),
    ).to.deep.equal([
      ['2026-03-03T02:00:00.000Z', true],
      ['2026-03-10T01:00:00.000Z', false],
    ]);
    const hidden = await render({ ...cfg, showCancelled: false });
    expect(root(hidden).querySelector('.cancelled')).to.equal(null);
    expect(items(hidden)[0]!.querySelector('time')!.getAttribute('datetime')).to.equal('2026-03-10T01:00:00.000Z');
  });

  it('filters by platform and hashtag', async () => {
    const el = await render({ chats, show: 20 });
    const [platform, hashtag] = [...root(el).querySelectorAll('select')];
    expect([...platform!.options].map((o) => o.textContent)).to.deep.equal(['All', 'X', 'Zoom', 'Bluesky', 'Mastodon']);
    platform!.value = 'zoom';
    platform!.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(new Set(items(el).map((li) => text(li.querySelector('h3'))))).to.deep.equal(new Set(['Parramatta River carers video meet-up']));
    platform!.value = '';
    platform!.dispatchEvent(new Event('change'));
    hashtag!.value = 'bcsm';
    hashtag!.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(items(el)).to.have.length(1);
    expect(new Set(items(el).map((li) => text(li.querySelector('h3'))))).to.deep.equal(new Set(['#bcsm weekly chat']));
    await expect(el).to.be.accessible();
  });

  it('has a compact layout without descriptions', async () => {
    const el = await render({ chats, layout: 'compact' });
    expect(root(el).querySelector('.compact')).to.not.equal(null);
    expect(text(root(el))).not.to.include('one topic each week');
    await expect(el).to.be.accessible();
  });

  it('offers add-to-calendar once per chat: .ics, Google with ctz and recur, Outlook.com', async () => {
    const el = await render({ chats: [bcsm], show: 3 });
    const cal = [...root(el).querySelectorAll('details')];
    expect(cal).to.have.length(1);
    // The menu is rendered when first opened: a closed one holds only its summary.
    expect(cal[0]!.querySelectorAll('a')).to.have.length(0);
    cal[0]!.open = true;
    await waitUntil(() => cal[0]!.querySelector('a'), 'the menu did not open');
    const links = [...cal[0]!.querySelectorAll('a')];
    expect(links.map(text)).to.deep.equal([
      'Apple or other calendar, #bcsm weekly chat (downloads a file)',
      'Google Calendar (cancelled dates still show), #bcsm weekly chat (opens in a new tab)',
      'Outlook (next chat only), #bcsm weekly chat (opens in a new tab)',
    ]);
    // Google's link cannot leave out a cancelled date (#bcsm has one ahead): the reader is told, and only then.
    const plain = await render({ chats: [{ ...bcsm, exceptions: ['2026-01-12'] }], show: 3 });
    const menu = root(plain).querySelector('details')!;
    menu.open = true;
    await waitUntil(() => menu.querySelector('a'), 'the menu did not open');
    expect(text(menu.querySelectorAll('a')[1]!)).to.equal('Google Calendar, #bcsm weekly chat (opens in a new tab)');
    const g = new URL(links[1]!.href);
    expect(g.searchParams.get('ctz')).to.equal('America/New_York');
    expect(g.searchParams.get('recur')).to.equal('RRULE:FREQ=WEEKLY;BYDAY=MO');
    expect(new URL(links[2]!.href).searchParams.get('startdt')).to.equal('2026-03-03T02:00:00.000Z');
    expect(links[0]!.getAttribute('download')).to.equal('bcsm.ics');
    root(el).addEventListener('click', (e) => e.preventDefault(), { once: true });
    links[0]!.click();
    expect(links[0]!.href).to.match(/^blob:/);
    const ics = await (await fetch(links[0]!.href)).text();
    expect(ics).to.include('BEGIN:VCALENDAR\r\n');
    expect(ics).to.include('DTSTART;TZID=America/New_York:20260105T210000\r\n');
    expect(ics).to.include('DTSTAMP:20260301T220000Z\r\n');
    // Its UID is the chat's id at this site's host: another site's "bcsm" chat stays another event.
    expect(ics).to.include(`UID:bcsm@${location.hostname}\r\n`);
  });

  it('links a chat whose start the rule does not give to Google from that start, COUNT one fewer; Outlook gets the next date listed', async () => {
    // Starts Wednesday 4 March 21:00 New York, then Mondays; the viewer is in New York on Sunday 1 March.
    const wed = { ...bcsm, start: '2026-03-04T21:00', rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=4', exceptions: [], topics: {} };
    const el = await render({ chats: [wed], show: 3 }, { zone: 'America/New_York' });
    const shown = [...items(el)[0]!.querySelectorAll('time')].map((t) => t.getAttribute('datetime'));
    expect(shown).to.deep.equal(['2026-03-05T02:00:00.000Z', '2026-03-10T01:00:00.000Z', '2026-03-17T01:00:00.000Z']);
    const d = root(el).querySelector('details')!;
    d.open = true;
    await waitUntil(() => d.querySelector('a'), 'the menu did not open');
    const [, google, outlook] = [...d.querySelectorAll('a')].map((a) => new URL(a.href).searchParams);
    // Google shows the start (a Wednesday) and does not count it: the start, then 3 Mondays, as the widget lists them.
    expect(google!.get('dates')).to.equal('20260304T210000/20260304T220000');
    expect(google!.get('recur')).to.equal('RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=3');
    // Outlook's is the next date the widget lists: the start.
    expect(outlook!.get('startdt')).to.equal(shown[0]);
  });

  it('subscribes to all chats in one .ics', async () => {
    const el = await render({ chats });
    const all = [...root(el).querySelectorAll<HTMLAnchorElement>('a[download]')].find(
      (a) => text(a) === 'Add all chats to your calendar (downloads a file)',
    )!;
    expect(all.getAttribute('download')).to.equal('chats.ics');
    // Clicked before the calendar code has loaded, the link loads it and clicks itself again: no download here.
    const noDownload = (e: Event) => e.preventDefault();
    root(el).addEventListener('click', noDownload);
    all.click();
    await waitUntil(() => all.href.startsWith('blob:'), 'no .ics file was made');
    root(el).removeEventListener('click', noDownload);
    const ics = await (await fetch(all.href)).text();
    expect(ics.match(/BEGIN:VEVENT/g)).to.have.length(chats.length);
    expect(ics.match(/BEGIN:VTIMEZONE/g)).to.have.length(3);
  });

  it('subscribes to a published calendar (subscribeUrl) with a webcal: address instead of downloading a copy', async () => {
    const subscribeLink = (el: El) =>
      [...root(el).querySelectorAll<HTMLAnchorElement>('a')].find((a) => text(a).startsWith('Add all chats'))!;
    const published = await render({ chats, subscribeUrl: 'https://hospital.example/carecircle/chats.ics' });
    const link = subscribeLink(published);
    expect(link.getAttribute('href')).to.equal('webcal://hospital.example/carecircle/chats.ics');
    expect(link.hasAttribute('download')).to.equal(false);
    expect(text(link)).to.equal('Add all chats to your calendar');
    const onSite = await render({ chats, subscribeUrl: '/carecircle/chats.ics' });
    expect(subscribeLink(onSite).getAttribute('href')).to.equal(`webcal://${location.host}/carecircle/chats.ics`);
    const webcal = await render({ chats, subscribeUrl: 'webcal://cal.example/bcsm.ics' });
    expect(subscribeLink(webcal).getAttribute('href')).to.equal('webcal://cal.example/bcsm.ics');
    const bad = await render({ chats, subscribeUrl: 'javascript:alert(1)' });
    expect(text(root(bad).querySelector('.panel.error, [part=error]'))).to.include('subscribeUrl');
    expect(root(bad).querySelector('a[href^="javascript"]')).to.equal(null);
  });

  it('updates from one shared clock; its countdowns can be stopped, and nothing else stops (WCAG 2.2.2)', async () => {
    const el = await fixture<El>(html`<care-chat-schedule .config=${{ chats: [bcsm] }}></care-chat-schedule>`);
    const other = await fixture<El>(html`<care-chat-schedule .config=${{ chats: [bcsm] }}></care-chat-schedule>`);
    await waitUntil(() => items(el).length && items(other).length);
    expect(clockRunning()).to.equal(true);
    other.remove();
    expect(clockRunning()).to.equal(true); // el still listens
    const button = root(el).querySelector('button')!;
    expect(text(button)).to.equal('Stop the countdown');
    expect(root(el).querySelector('.countdown')).to.exist;
    button.click();
    await el.updateComplete;
    expect(text(button)).to.equal('Start the countdown again');
    expect(root(el).querySelector('.countdown')).to.equal(null);
    // The clock still runs: a minute's tick at the chat's start shows it live, though the countdown is stopped.
    expect(clockRunning()).to.equal(true);
    const start = root(el).querySelector('[part=chat] .when time')!.getAttribute('datetime')!;
    el.clock = +new Date(start);
    await el.updateComplete;
    expect(text(root(el).querySelector('[part=chat]'))).to.include('Live now');
    button.click();
    await el.updateComplete;
    el.clock = +new Date(start) - 3 * 36e5;
    await el.updateComplete;
    expect(text(root(el).querySelector('.countdown'))).to.equal('Starts in 3 hours');
    el.remove();
    expect(clockRunning()).to.equal(false);
  });

  it('keeps an open calendar menu with its chat when the list reorders', async () => {
    // Monday 21:00 New York, then Tuesday 20:00: once Monday's chat ends it moves below Tuesday's.
    const tuesday = { ...bcsm, id: 'tue', title: 'Tuesday chat', start: '2026-01-06T20:00', rrule: 'FREQ=WEEKLY;BYDAY=TU', exceptions: [] };
    const el = await render({ chats: [bcsm, tuesday] }, { now: '2026-03-02T15:00:00Z', zone: 'America/New_York' });
    const order = () => items(el).map((li) => text(li.querySelector('h3')));
    const openMenus = () =>
      items(el)
        .filter((li) => li.querySelector('details')!.open)
        .map((li) => text(li.querySelector('h3')));
    expect(order()).to.deep.equal(['#bcsm weekly chat', 'Tuesday chat']);
    const details = items(el)[0]!.querySelector('details')!;
    details.open = true;
    await oneEvent(details, 'toggle');
    await el.updateComplete;
    expect(openMenus()).to.deep.equal(['#bcsm weekly chat']);
    el.now = '2026-03-03T03:00:00Z';
    await el.updateComplete;
    expect(order()).to.deep.equal(['Tuesday chat', '#bcsm weekly chat']);
    expect(openMenus()).to.deep.equal(['#bcsm weekly chat']);
    // Closed by the reader, it stays closed when the list reorders back.
    const moved = items(el)[1]!.querySelector('details')!;
    moved.open = false;
    await oneEvent(moved, 'toggle');
    el.now = '2026-03-02T15:00:00Z';
    await el.updateComplete;
    expect(openMenus()).to.deep.equal([]);
  });

  it('hides the stop control when time is frozen by `now`', async () => {
    const el = await render({ chats: [bcsm] });
    expect(root(el).querySelector('button')).to.equal(null);
  });

  it('reports bad zones, rules, starts and exceptions by path', async () => {
    const el = await fixture<El>(html`<care-chat-schedule></care-chat-schedule>`);
    const failed = oneEvent(el, 'care-config-error');
    el.config = {
      timeZone: 'Sydney',
      chats: [
        { ...bcsm, timeZone: 'America/NewYork' },
        { ...bcsm, id: 'b', rrule: 'FREQ=WEEKLY;BYDAY=MONDAY' },
        { ...bcsm, id: 'c', start: 'next Monday 9pm' },
        { ...bcsm, id: 'd', exceptions: ['28/12/2026'] },
        // @ts-expect-error: a misspelt key, on purpose (the config type rejects it too)
        { ...bcsm, id: 'e', platfrom: 'x' },
      ],
    };
    const { detail } = await failed;
    const byPath = Object.fromEntries(detail.issues.map((i: { path: string; message: string }) => [i.path, i.message]));
    expect(byPath['timeZone']).to.match(/Not a known time-zone name/);
    expect(byPath['chats.0.timeZone']).to.match(/Not a known time-zone name/);
    expect(byPath['chats.1.rrule']).to.equal('Cannot read this repeat rule: BYDAY "MONDAY" is not a day such as MO, 2TU or -1FR.');
    expect(byPath['chats.2.start']).to.match(/written like "2026-01-05T21:00"/);
    expect(byPath['chats.3.exceptions.0']).to.match(/YYYY-MM-DD/);
    expect(byPath['chats.4.platfrom']).to.match(/Did you mean "platform"/);
    await el.updateComplete;
    expect(root(el).querySelector('.panel.error')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('renders config text as text and refuses script URLs', async () => {
    const el = await render({
      chats: [{ ...bcsm, title: '<img src=x onerror=alert(1)>', description: '<script>alert(1)</script>', hosts: ['<b>x</b>'] }],
    });
    expect(root(el).querySelector('[part=chat] img, [part=chat] script, [part=chat] b')).to.equal(null);
    expect(text(items(el)[0]!.querySelector('h3'))).to.equal('<img src=x onerror=alert(1)>');
    expect(text(items(el)[0])).to.include('<script>alert(1)</script>');
    const bad = await fixture<El>(html`<care-chat-schedule></care-chat-schedule>`);
    const failed = oneEvent(bad, 'care-config-error');
    // @ts-expect-error: an unknown platform, on purpose (the config type rejects it too)
    bad.config = { chats: [{ ...bcsm, url: 'javascript:alert(1)', durationMinutes: 0, platform: 'myspace' }], show: 2.5 };
    const paths = (await failed).detail.issues.map((i: { path: string }) => i.path);
    expect(paths).to.have.members(['chats.0.url', 'chats.0.durationMinutes', 'chats.0.platform', 'show']);
  });

  it('falls back to the browser zone when the time-zone attribute is not a zone', async () => {
    const el = await render({ chats: [bcsm] }, { zone: 'Narnia/Cair_Paravel' });
    expect(el.viewerZone()).to.equal(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('says so when nothing is coming up', async () => {
    const el = await render({ chats: [{ ...bcsm, rrule: 'FREQ=WEEKLY;COUNT=2' }] });
    expect(text(root(el))).to.include('No chats coming up.');
  });
});
