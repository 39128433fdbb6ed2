// <care-chat-schedule> with no zone set shows the browser's zone: this file runs in UTC, Sydney, New York,
// London and Apia, with the clock frozen through `now`, across 2026's changes in both hemispheres.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import '../../../src/define/care-chat-schedule.js';
import type { CareChatSchedule } from '../../../src/widgets/chat-schedule/chat-schedule.js';
import { bcsm } from '../../../stories/data/chat-schedule.js';

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const zones = ['UTC', 'Australia/Sydney', 'America/New_York', 'Europe/London', 'Pacific/Apia'];
const col = zones.indexOf(zone);

// #bcsm (Mondays 21:00 New York) per browser zone, in the column order of `zones`.
const table: [string, string, string[]][] = [
  [
    '2026-03-02',
    '2026-03-03T02:00:00.000Z',
    [
      'Tuesday, March 3 at 2:00 AM',
      'Tuesday, March 3 at 1:00 PM',
      'Monday, March 2 at 9:00 PM',
      'Tuesday, March 3 at 2:00 AM',
      'Tuesday, March 3 at 3:00 PM',
    ],
  ],
  [
    '2026-03-09',
    '2026-03-10T01:00:00.000Z',
    [
      'Tuesday, March 10 at 1:00 AM',
      'Tuesday, March 10 at 12:00 PM',
      'Monday, March 9 at 9:00 PM',
      'Tuesday, March 10 at 1:00 AM',
      'Tuesday, March 10 at 2:00 PM',
    ],
  ],
  [
    '2026-03-30',
    '2026-03-31T01:00:00.000Z',
    [
      'Tuesday, March 31 at 1:00 AM',
      'Tuesday, March 31 at 12:00 PM',
      'Monday, March 30 at 9:00 PM',
      'Tuesday, March 31 at 2:00 AM',
      'Tuesday, March 31 at 2:00 PM',
    ],
  ],
  [
    '2026-04-06',
    '2026-04-07T01:00:00.000Z',
    [
      'Tuesday, April 7 at 1:00 AM',
      'Tuesday, April 7 at 11:00 AM',
      'Monday, April 6 at 9:00 PM',
      'Tuesday, April 7 at 2:00 AM',
      'Tuesday, April 7 at 2:00 PM',
    ],
  ],
  [
    '2026-10-05',
    '2026-10-06T01:00:00.000Z',
    [
      'Tuesday, October 6 at 1:00 AM',
      'Tuesday, October 6 at 12:00 PM',
      'Monday, October 5 at 9:00 PM',
      'Tuesday, October 6 at 2:00 AM',
      'Tuesday, October 6 at 2:00 PM',
    ],
  ],
  [
    '2026-10-26',
    '2026-10-27T01:00:00.000Z',
    [
      'Tuesday, October 27 at 1:00 AM',
      'Tuesday, October 27 at 12:00 PM',
      'Monday, October 26 at 9:00 PM',
      'Tuesday, October 27 at 1:00 AM',
      'Tuesday, October 27 at 2:00 PM',
    ],
  ],
  [
    '2026-11-02',
    '2026-11-03T02:00:00.000Z',
    [
      'Tuesday, November 3 at 2:00 AM',
      'Tuesday, November 3 at 1:00 PM',
      'Monday, November 2 at 9:00 PM',
      'Tuesday, November 3 at 2:00 AM',
      'Tuesday, November 3 at 3:00 PM',
    ],
  ],
];

async function show(now: string, attrs = ''): Promise<ShadowRoot> {
  const el = await fixture<CareChatSchedule>(
    attrs
      ? html`<care-chat-schedule now=${now} time-zone=${attrs} .config=${{ chats: [bcsm], show: 2 }}></care-chat-schedule>`
      : html`<care-chat-schedule now=${now} .config=${{ chats: [bcsm], show: 2 }}></care-chat-schedule>`,
  );
  await waitUntil(() => el.shadowRoot?.querySelector('[part=chat]'));
  return el.shadowRoot!;
}

describe(`<care-chat-schedule> in browser zone ${zone}`, () => {
  it('runs in one of the table zones', () => expect(col).to.be.at.least(0));

  for (const [date, utc, local] of table) {
    it(`#bcsm of ${date} shows ${local[col] ?? '?'} here`, async () => {
      // Frozen at noon UTC that Monday: the chat is later that day (New York) or the next (elsewhere).
      const r = await show(`${date}T12:00:00Z`);
      const time = r.querySelector('time')!;
      expect(time.getAttribute('datetime')).to.equal(utc);
      expect(time.textContent).to.match(new RegExp(`^${local[col]}\\b`));
      const badge = r.querySelector('.badge')?.textContent;
      // Noon UTC on Monday is still Monday in four zones and already Tuesday 01:00 in Apia.
      expect(badge).to.equal(['Tomorrow', 'Tomorrow', 'Today', 'Tomorrow', 'Today'][col]);
      const own = r.querySelector('.own')?.textContent;
      expect(own).to.equal(zone === 'America/New_York' ? undefined : 'That is 9:00 PM on Monday (New York time).');
    });
  }

  it('the time-zone attribute beats the browser zone, whatever it is', async () => {
    const r = await show('2026-04-06T12:00:00Z', 'Australia/Sydney');
    expect(r.querySelector('time')!.textContent).to.match(/^Tuesday, April 7 at 11:00 AM/);
    const l = await show('2026-03-30T12:00:00Z', 'Europe/London');
    expect(l.querySelector('time')!.textContent).to.match(/^Tuesday, March 31 at 2:00 AM/);
  });
});
