// The .ics read back by a real iCalendar parser (ical.js), occurrence by occurrence against our expansion.
import { expect } from '@open-wc/testing';
import ICAL from 'ical.js';
import { toIcs, type CalendarEvent } from '../../../src/core/time/ics.js';
import { occurrences } from '../../../src/core/time/recurrence.js';

const events: CalendarEvent[] = [
  { uid: 'bcsm', title: '#bcsm', start: '2026-01-05T21:00', timeZone: 'America/New_York', rrule: 'FREQ=WEEKLY;BYDAY=MO', exceptions: ['2026-03-16', '2026-12-28'] },
  { uid: 'second-tue', title: 'Carers group, Parramatta; monthly', start: '2026-01-13T18:00', timeZone: 'Australia/Sydney', rrule: 'FREQ=MONTHLY;BYDAY=2TU', durationMinutes: 90 },
  { uid: 'last-fri', title: 'Café chat ☕ — UK', start: '2026-01-30T19:30', timeZone: 'Europe/London', rrule: 'FREQ=MONTHLY;BYDAY=-1FR;COUNT=10' },
  { uid: 'fortnight', title: 'Fortnightly', start: '2026-02-04T12:00', timeZone: 'Pacific/Apia', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;UNTIL=20261230' },
  { uid: 'daily', title: 'Daily check-in', start: '2026-03-01T01:30', timeZone: 'Europe/London', rrule: 'FREQ=DAILY;COUNT=60' },
  { uid: 'once', title: 'One-off Q&A', start: '2026-10-04T19:00', timeZone: 'Australia/Sydney', durationMinutes: 45 },
];

describe(`ics parsed by ical.js in browser zone ${Intl.DateTimeFormat().resolvedOptions().timeZone}`, () => {
  const text = toIcs(events, new Date('2026-01-01T00:00:00Z'));
  const root = new ICAL.Component(ICAL.parse(text));
  for (const vtz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz);

  it('has one VTIMEZONE per zone and one VEVENT per event', () => {
    expect(root.getAllSubcomponents('vtimezone').map((c) => c.getFirstPropertyValue('tzid'))).to.have.members(['America/New_York', 'Australia/Sydney', 'Europe/London', 'Pacific/Apia']);
    expect(root.getAllSubcomponents('vevent')).to.have.length(events.length);
    expect(root.getFirstPropertyValue('version')).to.equal('2.0');
  });

  events.forEach((e, i) => {
    it(`${e.uid}: the same instants as our expansion, across 2026's DST changes`, () => {
      const ev = new ICAL.Event(root.getAllSubcomponents('vevent')[i]!);
      expect(ev.summary).to.equal(e.title);
      const theirs: string[] = [];
      const it = ev.iterator();
      for (let next = it.next(); next && theirs.length < 60; next = it.next()) {
        const d = ev.getOccurrenceDetails(next);
        theirs.push(`${d.startDate.toJSDate().toISOString()}/${d.endDate.toJSDate().toISOString()}`);
      }
      const ours = occurrences(e, new Date('2025-01-01Z'), 60).map((o) => `${o.start.toISOString()}/${o.end.toISOString()}`);
      expect(ours.length).to.be.above(0);
      expect(theirs).to.have.length(ours.length);
      // ical.js reads a time inside a spring-forward gap with the offset after it (01:30 → 00:30 GMT); RFC 5545
      // §3.3.5 says the offset before it, so 01:30 on 29 March in London is 02:30 BST (01:30Z). That is the only difference.
      const differ = ours.flatMap((o, k) => (o === theirs[k] ? [] : [[o.slice(0, 16), theirs[k]!.slice(0, 16)]]));
      expect(differ).to.deep.equal(e.uid === 'daily' ? [['2026-03-29T01:30', '2026-03-29T00:30']] : []);
    });
  });
});
