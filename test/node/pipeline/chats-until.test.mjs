// chats.ics's RRULE lines (src/core/time/ics.ts): RFC 5545 wants UNTIL in UTC when DTSTART has a TZID, so a local
// UNTIL is written as the instant the widget's own recurrence (recurrence.ts untilOf) reads it as. The rule is
// written as the schedule's check accepts it: an `RRULE:` prefix in any case and spaces around it are allowed there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { lib, tempDir } from './helpers.mjs';

const stamp = new Date('2026-12-01T10:00:00Z');

/** chats.ics for chats that differ only in their rrule: each rule's RRULE line, and ical.js's reading of it. */
async function rrules(timeZone, start, rules) {
  const file = join(tempDir('chats-until'), 'chats.json');
  const chats = rules.map((rrule, i) => ({ id: `c${i}`, title: `Chat ${i}`, timeZone, start, rrule }));
  writeFileSync(file, JSON.stringify({ chats }));
  const warnings = [];
  const ics = await lib.chatsIcs(file, stamp, (m) => warnings.push(m));
  assert.deepEqual(warnings, [], 'the schedule check accepts every rule');
  const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
  return {
    // The events' own (a VTIMEZONE has RRULE lines too).
    lines: ics
      .split('BEGIN:VEVENT')
      .slice(1)
      .map((event) => event.split('\r\n').find((l) => l.startsWith('RRULE'))),
    untils: events.map((v) => v.getFirstPropertyValue('rrule').until?.toString()),
  };
}

test('a local UNTIL is written as its UTC instant: a date to the end of that day in the zone, a date-time at that wall time', async () => {
  const { lines, untils } = await rrules('America/New_York', '2026-01-05T21:00', [
    'FREQ=WEEKLY;UNTIL=20260630;BYDAY=MO',
    'FREQ=DAILY;UNTIL=20260410T000000',
    'FREQ=WEEKLY;UNTIL=20260324T010000Z',
    'FREQ=WEEKLY;COUNT=3',
    'freq=weekly;until=20261231',
    'FREQ=DAILY;UNTIL=20261101', // the day clocks go back: its end is in EST
  ]);
  assert.deepEqual(lines, [
    'RRULE:FREQ=WEEKLY;UNTIL=20260701T035959Z;BYDAY=MO', // 23:59:59 EDT
    'RRULE:FREQ=DAILY;UNTIL=20260410T040000Z',
    'RRULE:FREQ=WEEKLY;UNTIL=20260324T010000Z', // already UTC: as written
    'RRULE:FREQ=WEEKLY;COUNT=3',
    'RRULE:FREQ=WEEKLY;UNTIL=20270101T045959Z', // 23:59:59 EST
    'RRULE:FREQ=DAILY;UNTIL=20261102T045959Z',
  ]);
  assert.deepEqual(untils, [
    '2026-07-01T03:59:59Z',
    '2026-04-10T04:00:00Z',
    '2026-03-24T01:00:00Z',
    undefined,
    '2027-01-01T04:59:59Z',
    '2026-11-02T04:59:59Z',
  ]);
  // Sydney is ahead of UTC: the end of 30 June there is still 30 June in UTC. 4 October 2026 is the day its clocks
  // go forward: its end is in daylight time (+11), and a local time in the skipped hour moves forward by it.
  assert.deepEqual(
    (
      await rrules('Australia/Sydney', '2026-01-06T19:00', [
        'FREQ=WEEKLY;UNTIL=20260630',
        'FREQ=WEEKLY;UNTIL=20261004',
        'FREQ=DAILY;UNTIL=20261004T023000',
      ])
    ).lines,
    ['RRULE:FREQ=WEEKLY;UNTIL=20260630T135959Z', 'RRULE:FREQ=WEEKLY;UNTIL=20261004T125959Z', 'RRULE:FREQ=DAILY;UNTIL=20261003T163000Z'],
  );
});

test('a rule with an RRULE: prefix or spaces around it, as the schedule check accepts, is written as a plain RRULE', async () => {
  const { lines, untils } = await rrules('America/New_York', '2026-01-05T21:00', [
    ' FREQ=WEEKLY;UNTIL=20260630;BYDAY=MO ',
    'RRULE:FREQ=WEEKLY;UNTIL=20260630;BYDAY=MO',
    '  rrule:FREQ=WEEKLY;BYDAY=MO;UNTIL=20260630',
  ]);
  assert.deepEqual(lines, [
    'RRULE:FREQ=WEEKLY;UNTIL=20260701T035959Z;BYDAY=MO',
    'RRULE:FREQ=WEEKLY;UNTIL=20260701T035959Z;BYDAY=MO',
    'RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20260701T035959Z',
  ]);
  assert.deepEqual(untils, ['2026-07-01T03:59:59Z', '2026-07-01T03:59:59Z', '2026-07-01T03:59:59Z']);
});
