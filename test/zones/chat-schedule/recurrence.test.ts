// Runs once in each browser zone (UTC, Sydney, New York, London, Apia): the results must not depend on it.
import { expect } from '@open-wc/testing';
import { occurrences, type Recurring } from '../../../src/core/time/recurrence.js';
import { wallTime } from '../../../src/core/time/zones.js';

const hhmm = (tz: string, d: Date) => {
  const w = new Date(wallTime(tz, +d));
  return `${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][w.getUTCDay()]} ${w.toISOString().slice(11, 16)}`;
};

const bcsm: Recurring = { start: '2026-01-05T21:00', timeZone: 'America/New_York', rrule: 'FREQ=WEEKLY;BYDAY=MO' };

describe(`recurrence in browser zone ${Intl.DateTimeFormat().resolvedOptions().timeZone}`, () => {
  // [NY Monday, UTC instant, Sydney, London]: US changes 8 Mar and 1 Nov, UK 29 Mar and 25 Oct, Sydney 5 Apr and 4 Oct 2026.
  const table: [string, string, string, string][] = [
    ['2026-03-02', '2026-03-03T02:00', 'Tue 13:00', 'Tue 02:00'],
    ['2026-03-09', '2026-03-10T01:00', 'Tue 12:00', 'Tue 01:00'],
    ['2026-03-30', '2026-03-31T01:00', 'Tue 12:00', 'Tue 02:00'],
    ['2026-04-06', '2026-04-07T01:00', 'Tue 11:00', 'Tue 02:00'],
    ['2026-10-05', '2026-10-06T01:00', 'Tue 12:00', 'Tue 02:00'],
    ['2026-10-26', '2026-10-27T01:00', 'Tue 12:00', 'Tue 01:00'],
    ['2026-11-02', '2026-11-03T02:00', 'Tue 13:00', 'Tue 02:00'],
  ];
  for (const [date, utc, sydney, london] of table) {
    it(`#bcsm on ${date} is ${sydney} in Sydney and ${london} in London`, () => {
      const [o] = occurrences(bcsm, new Date(`${date}T12:00Z`), 1);
      expect(o!.date).to.equal(date);
      expect(o!.start.toISOString().slice(0, 16)).to.equal(utc);
      expect(hhmm('America/New_York', o!.start)).to.equal('Mon 21:00');
      expect(hhmm('Australia/Sydney', o!.start)).to.equal(sydney);
      expect(hhmm('Europe/London', o!.start)).to.equal(london);
      expect(hhmm('Pacific/Apia', o!.start)).to.equal(utc.endsWith('02:00') ? 'Tue 15:00' : 'Tue 14:00');
    });
  }

  it('treats skipped and repeated local times per RFC 5545 in a daily series', () => {
    const daily: Recurring = { start: '2026-03-07T02:30', timeZone: 'America/New_York', rrule: 'FREQ=DAILY' };
    expect(occurrences(daily, new Date('2026-03-07Z'), 3).map((o) => o.start.toISOString().slice(0, 16))).to.deep.equal([
      '2026-03-07T07:30',
      '2026-03-08T07:30',
      '2026-03-09T06:30',
    ]);
    const back: Recurring = { start: '2026-04-04T02:30', timeZone: 'Australia/Sydney', rrule: 'FREQ=DAILY' };
    expect(occurrences(back, new Date('2026-04-03Z'), 3).map((o) => o.start.toISOString().slice(0, 16))).to.deep.equal([
      '2026-04-03T15:30',
      '2026-04-04T15:30',
      '2026-04-05T16:30',
    ]);
  });

  it('keeps a Sydney second Tuesday at 18:00 local across both Sydney changes', () => {
    const group: Recurring = { start: '2026-01-13T18:00', timeZone: 'Australia/Sydney', rrule: 'FREQ=MONTHLY;BYDAY=2TU' };
    const list = occurrences(group, new Date('2026-03-01Z'), 8);
    expect(list.map((o) => hhmm('Australia/Sydney', o.start))).to.deep.equal(Array(8).fill('Tue 18:00'));
    expect(list.map((o) => o.start.toISOString().slice(5, 13))).to.deep.equal([
      '03-10T07',
      '04-14T08',
      '05-12T08',
      '06-09T08',
      '07-14T08',
      '08-11T08',
      '09-08T08',
      '10-13T07',
    ]);
  });
});
