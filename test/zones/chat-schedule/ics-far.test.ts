// An open-ended series read back by ical.js decades after the file was written: the VTIMEZONE must still
// give the right UTC times (it used to list changes for only ten years).
import { expect } from '@open-wc/testing';
import ICAL from 'ical.js';
import { toIcs, type CalendarEvent } from '../../../src/core/time/ics.js';
import { occurrences } from '../../../src/core/time/recurrence.js';

const events: CalendarEvent[] = [
  { uid: 'bcsm', title: '#bcsm', start: '2026-01-05T21:00', timeZone: 'America/New_York', rrule: 'FREQ=WEEKLY;BYDAY=MO' },
  { uid: 'second-tue', title: 'Carers', start: '2026-01-13T18:00', timeZone: 'Australia/Sydney', rrule: 'FREQ=MONTHLY;BYDAY=2TU' },
  { uid: 'last-fri', title: 'Café', start: '2026-01-30T19:30', timeZone: 'Europe/London', rrule: 'FREQ=MONTHLY;BYDAY=-1FR' },
  // Palestine's changes follow Ramadan in some years: no yearly rule, so they are listed for decades.
  { uid: 'ramadan', title: 'Gaza weekly', start: '2026-01-07T19:00', timeZone: 'Asia/Gaza', rrule: 'FREQ=WEEKLY;BYDAY=WE' },
  { uid: 'santiago', title: 'Santiago weekly', start: '2026-01-07T19:00', timeZone: 'America/Santiago', rrule: 'FREQ=WEEKLY;BYDAY=WE' },
];

describe(`open-ended series decades out, by ical.js in browser zone ${Intl.DateTimeFormat().resolvedOptions().timeZone}`, () => {
  const root = new ICAL.Component(ICAL.parse(toIcs(events, new Date('2026-01-01T00:00:00Z'))));
  for (const vtz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz);

  events.forEach((e, i) => {
    for (const year of [2041, 2056]) {
      it(`${e.uid} (${e.timeZone}) in ${year}: the same UTC times as our expansion`, () => {
        const ev = new ICAL.Event(root.getAllSubcomponents('vevent')[i]!);
        const theirs: string[] = [];
        const it = ev.iterator();
        for (let next = it.next(); next && next.year <= year; next = it.next()) {
          if (next.year == year) theirs.push(ev.getOccurrenceDetails(next).startDate.toJSDate().toISOString());
        }
        const ours = occurrences(e, new Date(`${year}-01-01T00:00Z`), 60)
          .filter((o) => o.date.startsWith(`${year}`))
          .map((o) => o.start.toISOString());
        expect(ours.length).to.be.above(10);
        expect(theirs).to.deep.equal(ours);
      });
    }
  });
});
