// "Next meeting" of a Sydney group (second Tuesday, 18:00 Australia/Sydney) in the viewer's zone. This file
// runs in UTC, Sydney, New York, London and Apia; the clock is frozen by stubbing Date (the element reads
// `Date.now()` / `new Date()`), around Sydney's 2026 changes (clocks back 5 April, forward 4 October).
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import '../../../src/define/care-support-groups.js';
import type { CareSupportGroups } from '../../../src/widgets/support-groups/support-groups.js';
import { freezeDate } from '../../helpers/frozen-date.js';

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const zones = ['UTC', 'Australia/Sydney', 'America/New_York', 'Europe/London', 'Pacific/Apia'];
const col = zones.indexOf(zone);

const group = {
  id: 'g-1',
  name: 'Breast Cancer Support — Westmead',
  meets: { start: '2026-01-13T18:00', timeZone: 'Australia/Sydney', durationMinutes: 90, rrule: 'FREQ=MONTHLY;BYDAY=2TU' },
};

// [frozen now, next meeting (UTC), the date and time shown per viewer zone in the column order of `zones`]
const table: [string, string, [string, string][]][] = [
  // Before Sydney's April change: 18:00 AEDT (UTC+11). London is still on GMT, New York already on EDT.
  [
    '2026-03-01T00:00:00Z',
    '2026-03-10T07:00:00.000Z',
    [
      ['Tuesday, March 10', '7:00 AM'],
      ['Tuesday, March 10', '6:00 PM'],
      ['Tuesday, March 10', '3:00 AM'],
      ['Tuesday, March 10', '7:00 AM'],
      ['Tuesday, March 10', '8:00 PM'],
    ],
  ],
  // Viewed days before the change (5 April), the next meeting is after it: 18:00 AEST (UTC+10).
  [
    '2026-04-01T00:00:00Z',
    '2026-04-14T08:00:00.000Z',
    [
      ['Tuesday, April 14', '8:00 AM'],
      ['Tuesday, April 14', '6:00 PM'],
      ['Tuesday, April 14', '4:00 AM'],
      ['Tuesday, April 14', '9:00 AM'],
      ['Tuesday, April 14', '9:00 PM'],
    ],
  ],
  // Half an hour into the March meeting: it is still the next (it has not ended).
  [
    '2026-03-10T07:30:00Z',
    '2026-03-10T07:00:00.000Z',
    [
      ['Tuesday, March 10', '7:00 AM'],
      ['Tuesday, March 10', '6:00 PM'],
      ['Tuesday, March 10', '3:00 AM'],
      ['Tuesday, March 10', '7:00 AM'],
      ['Tuesday, March 10', '8:00 PM'],
    ],
  ],
  // After it ended (08:30Z), April's.
  [
    '2026-03-10T08:31:00Z',
    '2026-04-14T08:00:00.000Z',
    [
      ['Tuesday, April 14', '8:00 AM'],
      ['Tuesday, April 14', '6:00 PM'],
      ['Tuesday, April 14', '4:00 AM'],
      ['Tuesday, April 14', '9:00 AM'],
      ['Tuesday, April 14', '9:00 PM'],
    ],
  ],
  // September, before the October change (4 October): AEST.
  [
    '2026-09-01T00:00:00Z',
    '2026-09-08T08:00:00.000Z',
    [
      ['Tuesday, September 8', '8:00 AM'],
      ['Tuesday, September 8', '6:00 PM'],
      ['Tuesday, September 8', '4:00 AM'],
      ['Tuesday, September 8', '9:00 AM'],
      ['Tuesday, September 8', '9:00 PM'],
    ],
  ],
  // Viewed before the change, the October meeting is after it: 18:00 AEDT (UTC+11); London still on BST.
  [
    '2026-09-20T00:00:00Z',
    '2026-10-13T07:00:00.000Z',
    [
      ['Tuesday, October 13', '7:00 AM'],
      ['Tuesday, October 13', '6:00 PM'],
      ['Tuesday, October 13', '3:00 AM'],
      ['Tuesday, October 13', '8:00 AM'],
      ['Tuesday, October 13', '8:00 PM'],
    ],
  ],
  // November: London (25 October) and New York (1 November) have gone back too.
  [
    '2026-10-14T00:00:00Z',
    '2026-11-10T07:00:00.000Z',
    [
      ['Tuesday, November 10', '7:00 AM'],
      ['Tuesday, November 10', '6:00 PM'],
      ['Tuesday, November 10', '2:00 AM'],
      ['Tuesday, November 10', '7:00 AM'],
      ['Tuesday, November 10', '8:00 PM'],
    ],
  ],
];

let frozen: { restore(): void } | undefined;
const freeze = (iso: string) => (frozen = freezeDate(Date.parse(iso)));

async function show(zoneAttr?: string): Promise<HTMLTimeElement> {
  const config = { groups: [group], urlState: false };
  const el = zoneAttr
    ? (await fixture<HTMLElement>(html`<div time-zone=${zoneAttr}><care-support-groups .config=${config}></care-support-groups></div>`))
        .firstElementChild!
    : await fixture<CareSupportGroups>(html`<care-support-groups .config=${config}></care-support-groups>`);
  await waitUntil(() => el.shadowRoot?.querySelector('.group time'), 'no next meeting shown');
  return el.shadowRoot!.querySelector<HTMLTimeElement>('.group time')!;
}

describe(`<care-support-groups> next meeting in browser zone ${zone}`, () => {
  afterEach(() => frozen?.restore());

  it('runs in one of the table zones', () => expect(col).to.be.at.least(0));

  for (const [now, utc, local] of table) {
    const [day, time] = local[col] ?? ['?', '?'];
    it(`at ${now} the next meeting is ${utc}: ${day}, ${time} here`, async () => {
      freeze(now);
      const t = await show();
      expect(t.getAttribute('datetime')).to.equal(utc);
      expect(t.textContent).to.match(new RegExp(`^${day}\\b.*\\b${time}\\b`));
    });
  }

  it('a time-zone ancestor beats the browser zone: Sydney viewers see 6:00 PM on both sides of each change', async () => {
    for (const [now, utc, local] of table) {
      freeze(now);
      const t = await show('Australia/Sydney');
      expect(t.getAttribute('datetime')).to.equal(utc);
      expect(t.textContent).to.match(new RegExp(`^${local[1]![0]}\\b.*\\b6:00 PM\\b`));
    }
  });
});
