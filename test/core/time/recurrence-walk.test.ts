// Occurrences far from the start, checked against an independent expansion: ical.js walking every period from
// the start (a brute-force walk). The series are in UTC, so wall time and instant are the same; each start is
// on the rule (ical.js leaves out a start that is not, where RFC 5545 and we keep it).
import { expect } from '@open-wc/testing';
import ICAL from 'ical.js';
import { occurrences, type Recurring } from '../../../src/core/time/recurrence.js';

/** The first `n` starts (ISO, minutes) of `e` that end after `from`, by ical.js. */
function bruteForce(e: Recurring, from: Date, n: number): string[] {
  const it = ICAL.Recur.fromString(e.rrule!).iterator(ICAL.Time.fromDateTimeString(e.start + ':00'));
  const dur = (e.durationMinutes ?? 60) * 6e4;
  const out: string[] = [];
  for (let t = it.next(); t && out.length < n; t = it.next()) {
    const start = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute);
    if (start + dur > +from && !e.exceptions?.includes(new Date(start).toISOString().slice(0, 10)))
      out.push(new Date(start).toISOString().slice(0, 16));
  }
  return out;
}
const ours = (e: Recurring, from: Date, n: number) => occurrences(e, from, n).map((o) => o.start.toISOString().slice(0, 16));

const cases: [string, string][] = [
  ['1970-01-01T09:00', 'FREQ=DAILY'],
  ['1970-01-01T23:30', 'FREQ=DAILY;INTERVAL=3'],
  ['1969-12-31T06:00', 'FREQ=DAILY;BYDAY=MO,WE,FR'],
  ['1970-01-05T21:00', 'FREQ=WEEKLY;BYDAY=MO'],
  ['1971-03-04T07:15', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;WKST=SU'],
  ['1970-01-07T12:00', 'FREQ=WEEKLY;INTERVAL=3'],
  ['1970-01-30T19:00', 'FREQ=MONTHLY;BYDAY=-1FR'],
  ['1970-01-31T09:00', 'FREQ=MONTHLY;INTERVAL=5;BYMONTHDAY=31'],
  ['1970-01-31T09:00', 'FREQ=MONTHLY'],
  ['1972-02-29T10:00', 'FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=29'],
  ['1970-01-05T18:00', 'FREQ=MONTHLY;INTERVAL=2;BYDAY=1MO,3MO'],
  ['1970-01-01T09:00', 'FREQ=DAILY;COUNT=30000'],
  ['1970-01-03T09:00', 'FREQ=WEEKLY;BYDAY=TU,SA;COUNT=6000'],
  ['1970-01-01T09:00', 'FREQ=DAILY;UNTIL=20300101'],
];
const froms = ['2026-03-01T00:00Z', '2026-03-01T09:30Z', '2031-07-15T23:59Z', '1969-06-01T00:00Z', '1970-01-01T09:30Z'];

describe('occurrences far from the start match a brute-force walk', () => {
  for (const [start, rrule] of cases) {
    it(`${rrule} from ${start}`, () => {
      const e: Recurring = { start, timeZone: 'UTC', rrule, exceptions: ['2026-03-02', '2026-03-04'] };
      for (const f of froms) {
        const from = new Date(f);
        const want = bruteForce(e, from, 10);
        expect(ours(e, from, 10), `${rrule} after ${f}`).to.deep.equal(want);
      }
    });
  }

  it('still shows a daily series that started in 1970 (it used to stop after 20,000 days and show nothing)', () => {
    const list = occurrences({ start: '1970-01-01T09:00', timeZone: 'UTC', rrule: 'FREQ=DAILY' }, new Date('2026-03-01T10:00Z'), 3);
    expect(list.map((o) => o.date)).to.deep.equal(['2026-03-02', '2026-03-03', '2026-03-04']);
  });

  it('counts COUNT from the start, however far away', () => {
    const e: Recurring = { start: '1970-01-01T09:00', timeZone: 'UTC', rrule: 'FREQ=DAILY;COUNT=25000' };
    const last = new Date(Date.UTC(1970, 0, 1, 9) + 24999 * 864e5).toISOString().slice(0, 10);
    expect(occurrences(e, new Date(`${last}T00:00Z`), 5).map((o) => o.date)).to.deep.equal([last]);
  });
});
