// The .ics read back by a real iCalendar parser (ical.js), occurrence by occurrence against our expansion.
import { expect } from '@open-wc/testing';
import ICAL from 'ical.js';
import { toIcs, type CalendarEvent } from '../../../src/core/time/ics.js';
import { occurrences } from '../../../src/core/time/recurrence.js';

const events: CalendarEvent[] = [
  {
    uid: 'bcsm',
    title: '#bcsm',
    start: '2026-01-05T21:00',
    timeZone: 'America/New_York',
    rrule: 'FREQ=WEEKLY;BYDAY=MO',
    exceptions: ['2026-03-16', '2026-12-28'],
  },
  {
    uid: 'second-tue',
    title: 'Carers group, Parramatta; monthly',
    start: '2026-01-13T18:00',
    timeZone: 'Australia/Sydney',
    rrule: 'FREQ=MONTHLY;BYDAY=2TU',
    durationMinutes: 90,
  },
  {
    uid: 'last-fri',
    title: 'Café chat ☕ — UK',
    start: '2026-01-30T19:30',
    timeZone: 'Europe/London',
    rrule: 'FREQ=MONTHLY;BYDAY=-1FR;COUNT=10',
  },
  {
    uid: 'fortnight',
    title: 'Fortnightly',
    start: '2026-02-04T12:00',
    timeZone: 'Pacific/Apia',
    rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;UNTIL=20261230',
  },
  { uid: 'daily', title: 'Daily check-in', start: '2026-03-01T01:30', timeZone: 'Europe/London', rrule: 'FREQ=DAILY;COUNT=60' },
  { uid: 'month-end', title: 'Month end', start: '2026-01-31T09:00', timeZone: 'America/New_York', rrule: 'FREQ=MONTHLY;BYMONTHDAY=-1' },
  {
    uid: 'first-third-mon',
    title: '1st and 3rd Monday, every other month',
    start: '2026-01-05T18:30',
    timeZone: 'Europe/London',
    rrule: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=1MO,3MO',
  },
  {
    uid: 'wkst',
    title: 'Fortnightly Mon+Thu, weeks from Sunday',
    start: '2026-01-01T07:15',
    timeZone: 'Australia/Sydney',
    rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;WKST=SU',
  },
  { uid: 'weekdays', title: 'Mon/Wed/Fri', start: '2026-02-27T12:00', timeZone: 'UTC', rrule: 'FREQ=DAILY;BYDAY=MO,WE,FR;COUNT=40' },
  { uid: '31st', title: 'The 31st only', start: '2026-01-31T20:00', timeZone: 'America/New_York', rrule: 'FREQ=MONTHLY;BYMONTHDAY=31' },
  {
    uid: 'fri13',
    title: 'Friday 13th',
    start: '2026-02-13T13:13',
    timeZone: 'Europe/London',
    rrule: 'FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13',
  },
  {
    uid: 'repeated',
    title: 'Daily 01:30 New York (repeated on 1 Nov)',
    start: '2026-10-25T01:30',
    timeZone: 'America/New_York',
    rrule: 'FREQ=DAILY;COUNT=14',
  },
  {
    uid: 'repeated-syd',
    title: 'Daily 02:30 Sydney (repeated on 5 Apr)',
    start: '2026-04-01T02:30',
    timeZone: 'Australia/Sydney',
    rrule: 'FREQ=DAILY;UNTIL=20260410T000000',
  },
  {
    uid: 'until-utc',
    title: 'Until a UTC instant',
    start: '2026-03-02T21:00',
    timeZone: 'America/New_York',
    rrule: 'FREQ=WEEKLY;UNTIL=20260324T010000Z',
  },
  { uid: 'once', title: 'One-off Q&A', start: '2026-10-04T19:00', timeZone: 'Australia/Sydney', durationMinutes: 45 },
  // Starts the rule does not give (a Wednesday for Mondays): still the first occurrence, as RFC 5545 and the widget
  // have it, in calendars that would leave such a start out.
  {
    uid: 'off-rule',
    title: 'Starts on a Wednesday',
    start: '2026-01-07T21:00',
    timeZone: 'America/New_York',
    rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=3',
  },
  { uid: 'off-rule-open', title: 'Open-ended', start: '2026-03-04T19:00', timeZone: 'Europe/London', rrule: 'FREQ=MONTHLY;BYDAY=2TU' },
  {
    uid: 'off-rule-cancelled',
    title: 'A first date called off',
    start: '2026-01-07T21:00',
    timeZone: 'America/New_York',
    rrule: 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20260301',
    exceptions: ['2026-01-07'],
  },
  {
    uid: 'off-rule-once',
    title: 'COUNT=1 off the rule',
    start: '2026-01-07T21:00',
    timeZone: 'UTC',
    rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=1',
  },
];

describe(`ics parsed by ical.js in browser zone ${Intl.DateTimeFormat().resolvedOptions().timeZone}`, () => {
  const text = toIcs(events, new Date('2026-01-01T00:00:00Z'));
  const root = new ICAL.Component(ICAL.parse(text));
  for (const vtz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz);

  it('has one VTIMEZONE per zone and one VEVENT per event', () => {
    expect(root.getAllSubcomponents('vtimezone').map((c) => c.getFirstPropertyValue('tzid'))).to.have.members([
      'America/New_York',
      'Australia/Sydney',
      'Europe/London',
      'Pacific/Apia',
      'UTC',
    ]);
    expect(root.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'))).to.deep.equal(events.map((e) => e.uid));
    expect(root.getAllSubcomponents('vevent')).to.have.length(events.length);
    expect(root.getFirstPropertyValue('version')).to.equal('2.0');
  });

  events.forEach((e, i) => {
    it(`${e.uid}: the same instants as our expansion, across 2026's DST changes`, () => {
      const ev = new ICAL.Event(root.getAllSubcomponents('vevent')[i]!);
      expect(ev.summary).to.equal(e.title);
      // The VTIMEZONE lists offset changes for ten years after DTSTAMP (2026 + 10): compare within them.
      const inRange = (o: { start: Date }) => o.start.getUTCFullYear() <= 2036;
      const theirs: string[] = [];
      const it = ev.iterator();
      for (let next = it.next(), n = 0; next && n < 60; next = it.next(), n++) {
        const d = ev.getOccurrenceDetails(next);
        if (inRange({ start: d.startDate.toJSDate() }))
          theirs.push(`${d.startDate.toJSDate().toISOString()}/${d.endDate.toJSDate().toISOString()}`);
      }
      const ours = occurrences(e, new Date('2025-01-01Z'), 60)
        .filter(inRange)
        .map((o) => `${o.start.toISOString()}/${o.end.toISOString()}`);
      expect(ours.length).to.be.above(0);
      expect(theirs).to.have.length(ours.length);
      // ical.js reads times in a gap with the later offset and repeated times as the second one; RFC 5545
      // §3.3.5 says the earlier offset and the first. The writer pins those occurrences with EXDATE + RDATE.
      expect(theirs).to.deep.equal(ours);
    });
  });
});
