import { expect } from '@open-wc/testing';
import { escapeText, fold, googleCalendarUrl, outlookUrl, toIcs, vtimezone, type CalendarEvent } from '../../../src/core/time/ics.js';

const bcsm: CalendarEvent = {
  uid: 'bcsm@carecircle',
  title: '#bcsm weekly chat',
  description: 'Breast cancer social media; all welcome',
  url: 'https://example.org/bcsm?a=1,2',
  start: '2026-01-05T21:00',
  timeZone: 'America/New_York',
  rrule: 'FREQ=WEEKLY;BYDAY=MO',
  exceptions: ['2026-12-28', '2026-11-23'],
};
const stamp = new Date('2026-12-01T10:20:30Z');

describe('ics', () => {
  it('escapes text and folds at 75 octets without splitting characters', () => {
    expect(escapeText('a\\b;c,d\ne')).to.equal('a\\\\b\\;c\\,d\\ne');
    // A line break pasted from anywhere: CRLF, LF, or a lone CR (which RFC 5545 allows nowhere in a line).
    expect(escapeText('1\r\n2\r3\n4')).to.equal('1\\n2\\n3\\n4');
    const line = 'DESCRIPTION:' + 'é'.repeat(60) + '😀'.repeat(10);
    const folded = fold(line);
    const parts = folded.split('\r\n');
    expect(parts.length).to.be.above(2);
    for (const p of parts) expect(new TextEncoder().encode(p).length).to.be.at.most(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).to.equal(true);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).to.equal(line);
    expect(fold('SHORT:x')).to.equal('SHORT:x');
  });

  it('writes a VCALENDAR with the required properties and CRLF lines', () => {
    const text = toIcs([bcsm], stamp);
    expect(text.endsWith('\r\n')).to.equal(true);
    expect(text.replace(/\r\n/g, '')).not.to.match(/[\r\n]/);
    const lines = text.split('\r\n');
    for (const l of [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VTIMEZONE',
      'TZID:America/New_York',
      'UID:bcsm@carecircle',
      'DTSTAMP:20261201T102030Z',
      'DTSTART;TZID=America/New_York:20260105T210000',
      'DURATION:PT60M',
      'RRULE:FREQ=WEEKLY;BYDAY=MO',
      'EXDATE;TZID=America/New_York:20261228T210000,20261123T210000',
      'SUMMARY:#bcsm weekly chat',
      'DESCRIPTION:Breast cancer social media\\; all welcome',
      'URL:https://example.org/bcsm?a=1,2',
      'END:VCALENDAR',
    ]) {
      expect(lines, l).to.include(l);
    }
    expect(lines.find((l) => l.startsWith('PRODID:'))).to.be.a('string');
  });

  it('escapes the UID as text: an id with a line break or comma cannot break the file', () => {
    const lines = toIcs([{ ...bcsm, uid: 'a\nBEGIN:VALARM,b;c@site.example' }], stamp).split('\r\n');
    expect(lines).to.include('UID:a\\nBEGIN:VALARM\\,b\\;c@site.example');
    expect(lines).not.to.include('BEGIN:VALARM');
  });

  it('writes a start the rule does not give as an RDATE, from the first date the rule gives, COUNT one fewer', () => {
    const wed = { uid: 'w', title: 'W', start: '2026-01-07T21:00', timeZone: 'America/New_York', rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=3' };
    const lines = toIcs([wed], stamp).split('\r\n');
    expect(lines).to.include.members([
      'DTSTART;TZID=America/New_York:20260112T210000',
      'RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=2',
      'RDATE:20260108T020000Z',
    ]);
    // One that gives nothing after its start is a one-off.
    const once = toIcs([{ ...wed, rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=1' }], stamp).split('\r\n');
    expect(once).to.include('DTSTART:20260108T020000Z');
    expect(once.slice(once.indexOf('BEGIN:VEVENT')).some((l) => /^(RRULE|RDATE)/.test(l))).to.equal(false);
    // A start on the rule is written as it was.
    expect(
      toIcs([bcsm], stamp)
        .split('\r\n')
        .some((l) => l.startsWith('RDATE')),
    ).to.equal(false);
  });

  it('leaves out a one-off whose only date is cancelled (calendars ignore an EXDATE beside no rule), and keeps the others', () => {
    const once = { uid: 'once', title: 'Once', start: '2026-09-01T21:00', timeZone: 'America/New_York', exceptions: ['2026-09-01'] };
    const single = { ...once, uid: 'single', rrule: 'FREQ=WEEKLY;COUNT=1' };
    const offRule = { ...once, uid: 'off', start: '2026-09-02T21:00', rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=1', exceptions: ['2026-09-02'] };
    const kept = { ...once, uid: 'kept', exceptions: ['2026-09-08'] };
    const text = toIcs([once, single, offRule, kept, bcsm], stamp);
    const uids = text.split('\r\n').filter((l) => l.startsWith('UID:'));
    expect(uids).to.deep.equal(['UID:kept', 'UID:bcsm@carecircle']);
    expect(text).to.include('DTSTART:20260902T010000Z');
  });

  it('finds the offset changes of a zone', () => {
    const v = vtimezone('America/New_York', 2026, 2026).join('\n');
    expect(v).to.include('BEGIN:DAYLIGHT\nDTSTART:20260308T020000\nTZOFFSETFROM:-0500\nTZOFFSETTO:-0400');
    expect(v).to.include('BEGIN:STANDARD\nDTSTART:20261101T020000\nTZOFFSETFROM:-0400\nTZOFFSETTO:-0500');
    expect(vtimezone('Asia/Kolkata', 2026, 2027).join('\n')).to.match(/TZOFFSETTO:\+0530\nEND:STANDARD\nEND:VTIMEZONE$/);
    expect(vtimezone('Australia/Sydney', 2026, 2026).join('\n')).to.include(
      'DTSTART:20260405T030000\nTZOFFSETFROM:+1100\nTZOFFSETTO:+1000',
    );
  });

  it('turns a local UNTIL into UTC, as RFC 5545 asks with a TZID', () => {
    const text = toIcs([{ ...bcsm, rrule: 'FREQ=WEEKLY;UNTIL=20260630;BYDAY=MO' }], stamp);
    expect(text).to.include('RRULE:FREQ=WEEKLY;UNTIL=20260701T035959Z;BYDAY=MO');
  });

  it('pins occurrences at skipped or repeated local times with EXDATE + RDATE, and writes one-offs in UTC', () => {
    const daily: CalendarEvent = {
      uid: 'd',
      title: 'Daily',
      start: '2026-03-07T02:30',
      timeZone: 'America/New_York',
      rrule: 'FREQ=DAILY;COUNT=3',
    };
    const lines = toIcs([daily], stamp).split('\r\n');
    expect(lines).to.include('EXDATE;TZID=America/New_York:20260308T023000');
    expect(lines).to.include('RDATE:20260308T073000Z'); // 03:30 EDT: forward by the gap
    const back = toIcs([{ ...daily, start: '2026-10-31T01:30', rrule: 'FREQ=DAILY;COUNT=3' }], stamp).split('\r\n');
    expect(back).to.include('RDATE:20261101T053000Z'); // the first 01:30 (EDT)
    expect(toIcs([{ ...daily, start: '2026-03-03T02:30', rrule: 'FREQ=WEEKLY;BYDAY=TU' }], stamp)).not.to.include('RDATE');
    const once = toIcs([{ uid: 'o', title: 'Once', start: '2026-05-01T10:00', timeZone: 'Europe/London' }], stamp).split('\r\n');
    expect(once).to.include('DTSTART:20260501T090000Z');
  });

  it('links Google Calendar to a start the rule does not give from that start, COUNT one fewer (Google shows the start and does not count it)', () => {
    // Wednesday 7 January, then Mondays: the start and two Mondays, as the widget and the .ics (an RDATE) list them.
    const wed = { uid: 'w', title: 'W', start: '2026-01-07T21:00', timeZone: 'America/New_York', rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=3' };
    const g = new URL(googleCalendarUrl(wed)).searchParams;
    expect(g.get('dates')).to.equal('20260107T210000/20260107T220000');
    expect(g.get('recur')).to.equal('RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=2');
    const ics = toIcs([wed], stamp).split('\r\n');
    expect(ics).to.include.members(['DTSTART;TZID=America/New_York:20260112T210000', g.get('recur')!]);
    // With no COUNT the rule is the same, from the start (UNTIL in UTC, as in the .ics).
    const until = new URL(googleCalendarUrl({ ...wed, rrule: 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20260630' })).searchParams;
    expect(until.get('dates')).to.equal('20260107T210000/20260107T220000');
    expect(until.get('recur')).to.equal('RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20260701T035959Z');
    // Nothing after the start (COUNT=1, or an UNTIL before the first Monday): a one-off at the start, no recurrence.
    for (const rrule of ['FREQ=WEEKLY;BYDAY=MO;COUNT=1', 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20260110']) {
      const once = new URL(googleCalendarUrl({ ...wed, rrule })).searchParams;
      expect(once.get('dates'), rrule).to.equal('20260107T210000/20260107T220000');
      expect(once.has('recur'), rrule).to.equal(false);
    }
    // A start the rule gives is linked as it was.
    const monday = new URL(googleCalendarUrl({ ...wed, start: '2026-01-05T21:00' })).searchParams;
    expect(monday.get('dates')).to.equal('20260105T210000/20260105T220000');
    expect(monday.get('recur')).to.equal('RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=3');
  });

  it('links to Google Calendar with ctz and the recurrence, and to Outlook.com', () => {
    const g = new URL(googleCalendarUrl(bcsm));
    expect(g.origin).to.equal('https://calendar.google.com');
    expect(g.searchParams.get('ctz')).to.equal('America/New_York');
    expect(g.searchParams.get('dates')).to.equal('20260105T210000/20260105T220000');
    expect(g.searchParams.get('recur')).to.equal('RRULE:FREQ=WEEKLY;BYDAY=MO');
    expect(g.searchParams.get('text')).to.equal('#bcsm weekly chat');
    const o = new URL(outlookUrl(bcsm, new Date('2026-12-08T02:00:00Z'), new Date('2026-12-08T03:00:00Z')));
    expect(o.hostname).to.equal('outlook.live.com');
    expect(o.searchParams.get('startdt')).to.equal('2026-12-08T02:00:00.000Z');
    expect(o.searchParams.get('subject')).to.equal('#bcsm weekly chat');
  });
});
