// VTIMEZONE from Intl alone: yearly rules where the zone's changes are regular, fixed changes otherwise.
import { expect } from '@open-wc/testing';
import { toIcs, utcOffset, vtimezone } from '../../../src/core/time/ics.js';

const text = (tz: string, from: number, to: number) => vtimezone(tz, from, to).join('\n');
/** The observances as "KIND DTSTART FROM TO [RRULE]" strings. */
const observances = (v: string) =>
  [...v.matchAll(/BEGIN:(STANDARD|DAYLIGHT)\n([\s\S]*?)\nEND:\1/g)].map(([, kind, body]) =>
    [kind, ...body!.split('\n').map((l) => l.replace(/^\w+:/, ''))].join(' '),
  );

describe('vtimezone', () => {
  it('writes the current rules of regular zones as yearly RRULEs, so an open-ended series never runs out', () => {
    const ny = observances(text('America/New_York', 2026, 2066));
    expect(ny).to.include('DAYLIGHT 20260308T020000 -0500 -0400 FREQ=YEARLY;BYMONTH=3;BYDAY=2SU');
    expect(ny).to.include('STANDARD 20261101T020000 -0400 -0500 FREQ=YEARLY;BYMONTH=11;BYDAY=1SU');
    expect(ny.length).to.be.below(5);
    const london = observances(text('Europe/London', 2026, 2066));
    expect(london).to.include('DAYLIGHT 20260329T010000 +0000 +0100 FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expect(london).to.include('STANDARD 20261025T020000 +0100 +0000 FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
    const sydney = observances(text('Australia/Sydney', 2026, 2066));
    expect(sydney).to.include('STANDARD 20260405T030000 +1100 +1000 FREQ=YEARLY;BYMONTH=4;BYDAY=1SU');
    expect(sydney).to.include('DAYLIGHT 20261004T020000 +1000 +1100 FREQ=YEARLY;BYMONTH=10;BYDAY=1SU');
  });

  it('lists the changes before the current rule began one by one', () => {
    // The US rule changed in 2007: 2006 ended on the last Sunday of October.
    const ny = observances(text('America/New_York', 2005, 2060));
    expect(ny).to.include('STANDARD 20061029T020000 -0400 -0500');
    expect(ny).to.include('DAYLIGHT 20070311T020000 -0500 -0400 FREQ=YEARLY;BYMONTH=3;BYDAY=2SU');
    expect(ny.filter((o) => o.includes('FREQ=YEARLY'))).to.have.length(2);
  });

  it('lists fixed changes over the whole span where the changes are not regular', () => {
    // Palestine moves its clocks around Ramadan, which follows the lunar calendar, in some years.
    const v = text('Asia/Gaza', 2026, 2050);
    expect(v).not.to.include('RRULE');
    const years = observances(v).map((o) => +o.split(' ')[1]!.slice(0, 4));
    expect(Math.max(...years)).to.be.at.least(2049);
    // A zone without changes has one observance.
    expect(observances(text('Asia/Kolkata', 2026, 2066))).to.deep.equal(['STANDARD 19700101T000000 +0530 +0530']);
  });

  it('writes offsets with seconds as ±hhmmss, and finds changes to the second', () => {
    expect(utcOffset(-(44 * 60 + 30) * 1e3)).to.equal('-004430');
    expect(utcOffset(5.5 * 36e5)).to.equal('+0530');
    expect(utcOffset(-(9 * 3600 + 30 * 60) * 1e3)).to.equal('-0930');
    expect(utcOffset(0)).to.equal('+0000');
    expect(utcOffset((9 * 3600 + 53 * 60 + 28) * 1e3)).to.equal('+095328');
    // Liberia left Monrovia Mean Time (-0:44:30) at midnight local time on 7 January 1972.
    expect(observances(text('Africa/Monrovia', 1971, 1973)), text('Africa/Monrovia', 1971, 1973)).to.include(
      'STANDARD 19720107T000000 -004430 +0000',
    );
  });

  it('covers an UNTIL series to its end and an open-ended one for decades in .ics files', () => {
    const stamp = new Date('2026-01-01T00:00:00Z');
    const gaza = { uid: 'g', title: 'G', start: '2026-01-05T19:00', timeZone: 'Asia/Gaza' };
    const years = (ics: string) => Math.max(...[...ics.matchAll(/BEGIN:(?:STANDARD|DAYLIGHT)\r\nDTSTART:(\d{4})/g)].map((m) => +m[1]!));
    expect(years(toIcs([{ ...gaza, rrule: 'FREQ=WEEKLY;UNTIL=20400101' }], stamp))).to.equal(2040);
    expect(years(toIcs([{ ...gaza, rrule: 'FREQ=WEEKLY' }], stamp))).to.be.at.least(2060);
    // Jerusalem changes on the Friday before the last Sunday: not an "nth or last weekday" rule either.
    expect(toIcs([{ ...gaza, timeZone: 'Asia/Jerusalem', rrule: 'FREQ=WEEKLY' }], stamp)).not.to.include('FREQ=YEARLY');
  });
});
