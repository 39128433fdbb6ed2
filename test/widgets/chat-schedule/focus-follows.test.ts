import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import '../../../src/define/care-chat-schedule.js';
import type { CareChatSchedule } from '../../../src/widgets/chat-schedule/chat-schedule.js';
import { bcsm, duringBcsm } from '../../../stories/data/chat-schedule.js';

// lit keeps each place's DOM: when the list reorders under a reader (a live chat ends and moves down, the config
// changes), focus must stay with the chat the reader was on, never silently on another chat's control.

type El = CareChatSchedule;
const root = (el: El) => el.shadowRoot!;
const items = (el: El) => [...root(el).querySelectorAll<HTMLLIElement>('[part=chat]')];
const text = (n: Node | undefined | null) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** What has focus: its tag and words, and the title of the chat whose card holds it ('' outside a card; 'body' when lost). */
const focused = (el: El) => {
  const a = root(el).activeElement;
  return a ? `${a.localName} "${text(a)}" in ${text(a.closest('[part=chat]')?.querySelector('.title'))}` : 'body';
};
const order = (el: El) => items(el).map((li) => text(li.querySelector('.title')));

/** Monday 21:00 New York (#bcsm), and a Tuesday 20:00 chat: once Monday's ends, it moves below Tuesday's. */
const tuesday = { ...bcsm, id: 'tue', title: 'Tuesday chat', start: '2026-01-06T20:00', rrule: 'FREQ=WEEKLY;BYDAY=TU', exceptions: [] };
/** Just after #bcsm's live hour (21:00–22:00 New York, Monday 2 March). */
const afterBcsm = '2026-03-03T03:00:00Z';

async function render(config: unknown, now = duringBcsm): Promise<El> {
  let ready = false;
  const el = await fixture<El>(
    html`<care-chat-schedule .config=${config} now=${now} time-zone="America/New_York" @care-ready=${() => (ready = true)}></care-chat-schedule>`,
  );
  await waitUntil(() => ready, 'not every chat was shown', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

const card = (el: El, title: string) => items(el).find((li) => text(li.querySelector('.title')) === title)!;

describe('<care-chat-schedule> focus follows its chat', () => {
  it('keeps focus on a live chat’s calendar control when the chat ends and moves down the list', async () => {
    const el = await render({ chats: [bcsm, tuesday] });
    expect(order(el)).to.deep.equal(['#bcsm weekly chat', 'Tuesday chat']);
    card(el, '#bcsm weekly chat').querySelector('summary')!.focus();
    expect(focused(el)).to.equal('summary "Add to calendar: #bcsm weekly chat" in #bcsm weekly chat');
    el.now = afterBcsm;
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['Tuesday chat', '#bcsm weekly chat']);
    expect(focused(el)).to.equal('summary "Add to calendar: #bcsm weekly chat" in #bcsm weekly chat');
    await expect(el).to.be.accessible();
  });

  it('moves focus from "Join now" to that chat’s calendar control when the chat ends and the link goes', async () => {
    const el = await render({ chats: [bcsm, tuesday] });
    card(el, '#bcsm weekly chat').querySelector<HTMLElement>('a.join')!.focus();
    expect(focused(el)).to.equal('a "Join now: #bcsm weekly chat" in #bcsm weekly chat');
    el.now = afterBcsm;
    await el.updateComplete;
    expect(root(el).querySelector('a.join')).to.equal(null);
    expect(focused(el)).to.equal('summary "Add to calendar: #bcsm weekly chat" in #bcsm weekly chat');
    await expect(el).to.be.accessible();
  });

  it('keeps focus on the same link of an open calendar menu, and on the title link, when the list reorders', async () => {
    const el = await render({ chats: [bcsm, tuesday] });
    const details = card(el, '#bcsm weekly chat').querySelector('details')!;
    details.open = true;
    await oneEvent(details, 'toggle');
    await waitUntil(() => details.querySelector('a'), 'the menu did not open');
    details.querySelectorAll<HTMLElement>('a')[1]!.focus();
    el.now = afterBcsm;
    await el.updateComplete;
    expect(focused(el)).to.equal(
      'a "Google Calendar (cancelled dates still show), #bcsm weekly chat (opens in a new tab)" in #bcsm weekly chat',
    );
    card(el, '#bcsm weekly chat').querySelector<HTMLElement>('.title a')!.focus();
    el.now = duringBcsm;
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['#bcsm weekly chat', 'Tuesday chat']);
    expect(focused(el)).to.equal('a "#bcsm weekly chat" in #bcsm weekly chat');
    await expect(el).to.be.accessible();
  });

  it('follows the chat to its next date in the agenda layout', async () => {
    const el = await render({ chats: [bcsm, tuesday], layout: 'agenda', show: 4 });
    expect(order(el)).to.deep.equal(['#bcsm weekly chat', 'Tuesday chat', '#bcsm weekly chat', 'Tuesday chat']);
    items(el)[0]!.querySelector('summary')!.focus();
    el.now = afterBcsm;
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['Tuesday chat', '#bcsm weekly chat', 'Tuesday chat', '#bcsm weekly chat']);
    expect(focused(el)).to.equal('summary "Add to calendar: #bcsm weekly chat" in #bcsm weekly chat');
    expect(items(el)[1]!.contains(root(el).activeElement)).to.equal(true);
  });

  it('puts focus on the chat’s title when its calendar control goes too (only a cancelled date left)', async () => {
    const cancelled = { ...bcsm, rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=10', exceptions: ['2026-03-09'] }; // 2 March, then 9 March cancelled
    const el = await render({ chats: [cancelled, tuesday], showCancelled: true });
    card(el, '#bcsm weekly chat').querySelector('summary')!.focus();
    el.now = afterBcsm;
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['Tuesday chat', '#bcsm weekly chat']);
    expect(card(el, '#bcsm weekly chat').querySelector('summary')).to.equal(null);
    expect(focused(el)).to.equal('h3 "#bcsm weekly chat" in #bcsm weekly chat');
    await expect(el).to.be.accessible();
  });

  it('puts focus on the schedule’s heading when the chat leaves the list (its last date ended), not on another chat', async () => {
    const last = { ...bcsm, rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=9', exceptions: [] }; // 5 January to 2 March
    const el = await render({ heading: 'Chats', chats: [last, tuesday] });
    card(el, '#bcsm weekly chat').querySelector('summary')!.focus();
    el.now = afterBcsm;
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['Tuesday chat']);
    expect(focused(el)).to.equal('h2 "Chats" in ');
    await expect(el).to.be.accessible();
  });
});
