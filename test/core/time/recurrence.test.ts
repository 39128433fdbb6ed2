import { expect } from '@open-wc/testing';
import {
  nextOccurrence,
  occurrences,
  parseRRule,
  neverRepeats,
  surelyRepeats,
  type Recurring,
  type RRuleError,
} from '../../../src/core/time/recurrence.js';
import { errorMessages, keyedIssue } from '../../../src/core/config/issues.js';
import { isValidTimeZone, offsetAt, parseWall, toInstant, wallTime } from '../../../src/core/time/zones.js';

const iso = (list: { start: Date }[]) => list.map((o) => o.start.toISOString().slice(0, 16));
const at = (s: string) => new Date(s);

describe('zones', () => {
  it('knows real zone names and rejects made-up ones', () => {
    expect(isValidTimeZone('America/New_York')).to.equal(true);
    expect(isValidTimeZone('UTC')).to.equal(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).to.equal(false);
    expect(isValidTimeZone('')).to.equal(false);
  });

  it('reads wall times and offsets', () => {
    const t = Date.UTC(2026, 0, 5, 2, 0);
    expect(new Date(wallTime('America/New_York', t)).toISOString()).to.equal('2026-01-04T21:00:00.000Z');
    expect(offsetAt('Australia/Sydney', t)).to.equal(11 * 36e5);
    expect(offsetAt('Asia/Kolkata', t)).to.equal(5.5 * 36e5);
  });

  it('parses wall times strictly', () => {
    expect(parseWall('2026-01-05T21:00')).to.equal(Date.UTC(2026, 0, 5, 21));
    expect(parseWall('2026-01-05')).to.equal(Date.UTC(2026, 0, 5));
    expect(parseWall('2026-02-30T10:00')).to.be.NaN;
    expect(parseWall('2026-01-05T24:00')).to.be.NaN;
    expect(parseWall('next monday')).to.be.NaN;
  });

  it('moves a skipped time forward by the gap and takes the first of a repeated time', () => {
    const cases: [string, string, string][] = [
      ['America/New_York', '2026-03-08T02:30', '2026-03-08T07:30'], // gap: 03:30 EDT
      ['America/New_York', '2026-11-01T01:30', '2026-11-01T05:30'], // repeated: first is EDT
      ['Australia/Sydney', '2026-10-04T02:30', '2026-10-03T16:30'], // gap: 03:30 AEDT
      ['Australia/Sydney', '2026-04-05T02:30', '2026-04-04T15:30'], // repeated: first is AEDT
      ['Europe/London', '2026-03-29T01:30', '2026-03-29T01:30'], // gap: 02:30 BST
      ['Europe/London', '2026-10-25T01:30', '2026-10-25T00:30'], // repeated: first is BST
      ['Pacific/Apia', '2011-12-30T12:00', '2011-12-30T22:00'], // the day Samoa skipped: read with the old offset
      ['UTC', '2026-06-01T12:00', '2026-06-01T12:00'],
    ];
    for (const [tz, wall, utc] of cases)
      expect(new Date(toInstant(tz, parseWall(wall))).toISOString().slice(0, 16), `${tz} ${wall}`).to.equal(utc);
  });
});

describe('parseRRule', () => {
  it('reads the supported parts', () => {
    expect(parseRRule('FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU,-1FR;COUNT=5')).to.deep.equal({
      freq: 'MONTHLY',
      interval: 2,
      wkst: 1,
      byDay: [
        [2, 2],
        [-1, 5],
      ],
      count: 5,
    });
    expect(parseRRule('RRULE:freq=weekly;byday=mo,we;until=20261231T235959Z')).to.deep.include({
      freq: 'WEEKLY',
      byDay: [
        [0, 1],
        [0, 3],
      ],
      until: '20261231T235959Z',
    });
    expect(parseRRule('FREQ=MONTHLY;BYMONTHDAY=1,-1').byMonthDay).to.deep.equal([1, -1]);
  });

  it('throws the problem by key with the part as written (worded in errorMessages, in every language)', () => {
    const cases: [string, string, Record<string, string>][] = [
      ['FREQ=YEARLY', 'rrule_freq', { value: 'YEARLY' }],
      ['BYDAY=MO', 'rrule_noFreq', {}],
      ['FREQ=WEEKLY;BYDAY=MON', 'rrule_byday', { value: 'MON' }],
      ['FREQ=WEEKLY;INTERVAL=0', 'rrule_number', { part: 'INTERVAL', value: '0' }],
      ['FREQ=WEEKLY;COUNT=two', 'rrule_number', { part: 'COUNT', value: 'TWO' }],
      ['FREQ=DAILY;INTERVAL=100000000', 'rrule_interval', { value: '100000000' }],
      ['FREQ=MONTHLY;INTERVAL=1001', 'rrule_interval', { value: '1001' }],
      ['FREQ=MONTHLY;BYMONTHDAY=32', 'rrule_bymonthday', { value: '32' }],
      ['FREQ=DAILY;UNTIL=2026-12-31', 'rrule_until', { value: '2026-12-31' }],
      ['FREQ=WEEKLY;WKST=XX', 'rrule_wkst', { value: 'XX' }],
      ['FREQ=DAILY;BYSETPOS=1', 'rrule_unsupported', { part: 'BYSETPOS=1' }],
      ['FREQ=DAILY;COUNT=2;UNTIL=20261231', 'rrule_countAndUntil', {}],
      ['FREQ=WEEKLY;BYDAY=2TU', 'rrule_numberedDays', {}],
    ];
    for (const [rule, key, params] of cases) {
      let thrown: RRuleError | undefined;
      try {
        parseRRule(rule);
      } catch (e) {
        thrown = e as RRuleError;
      }
      expect(thrown, rule).to.be.instanceOf(Error);
      expect({ key: thrown!.key, params: thrown!.params }, rule).to.deep.equal({ key, params });
      expect(errorMessages[key], key).to.be.a('string');
    }
  });

  it('words each problem in English as before', () => {
    const english = (rule: string) => {
      try {
        parseRRule(rule);
      } catch (e) {
        return keyedIssue('rrule', (e as RRuleError).key, (e as RRuleError).params).message;
      }
    };
    expect(english('FREQ=YEARLY')).to.equal('Cannot read this repeat rule: FREQ must be DAILY, WEEKLY or MONTHLY, not "YEARLY".');
    expect(english('FREQ=WEEKLY;BYDAY=MONDAY')).to.equal(
      'Cannot read this repeat rule: BYDAY "MONDAY" is not a day such as MO, 2TU or -1FR.',
    );
    expect(english('FREQ=WEEKLY;INTERVAL=0')).to.equal('Cannot read this repeat rule: INTERVAL must be a whole number above 0, not "0".');
    expect(english('FREQ=DAILY;INTERVAL=100000000')).to.equal(
      'Cannot read this repeat rule: INTERVAL must be a whole number from 1 to 1000, not "100000000".',
    );
    expect(parseRRule('FREQ=MONTHLY;INTERVAL=1000').interval).to.equal(1000);
    expect(english('FREQ=DAILY;BYSETPOS=1')).to.equal(
      'Cannot read this repeat rule: "BYSETPOS=1" is not supported: use FREQ, INTERVAL, BYDAY, BYMONTHDAY, COUNT or UNTIL.',
    );
    expect(english('BYDAY=MO')).to.equal(
      'Cannot read this repeat rule: FREQ is missing: start with FREQ=DAILY, FREQ=WEEKLY or FREQ=MONTHLY.',
    );
  });
});

describe('occurrences', () => {
  it('stop at the last date JavaScript can hold rather than throw', () => {
    const daily: Recurring = { start: '2024-01-01T18:00', timeZone: 'Australia/Sydney', rrule: 'FREQ=DAILY;INTERVAL=1000' };
    const last = new Date(8.64e15 - 864e5 * 500);
    expect(occurrences(daily, last, 3)).to.deep.equal([]);
    expect(nextOccurrence({ ...daily, rrule: 'FREQ=MONTHLY;INTERVAL=1000;BYMONTHDAY=31' }, last)).to.equal(undefined);
    expect(iso(occurrences(daily, at('2026-01-01T00:00Z'), 1))).to.deep.equal(['2026-09-27T08:00']);
  });

  const bcsm: Recurring = {
    start: '2026-01-05T21:00',
    timeZone: 'America/New_York',
    rrule: 'FREQ=WEEKLY;BYDAY=MO',
    exceptions: ['2026-03-16'],
  };

  it('keeps 21:00 New York across the US change', () => {
    expect(iso(occurrences(bcsm, at('2026-03-01T00:00Z'), 3))).to.deep.equal(['2026-03-03T02:00', '2026-03-10T01:00', '2026-03-24T01:00']);
  });

  it('returns cancelled dates only when asked, and counts from the end', () => {
    const list = occurrences(bcsm, at('2026-03-10T01:30Z'), 3, { includeCancelled: true });
    expect(list.map((o) => [o.date, !!o.cancelled])).to.deep.equal([
      ['2026-03-09', false],
      ['2026-03-16', true],
      ['2026-03-23', false],
    ]);
    expect(list[0]!.end.toISOString()).to.equal('2026-03-10T02:00:00.000Z');
  });

  it('gives the next occurrence and none after a one-off', () => {
    const once: Recurring = { start: '2026-05-01T10:00', timeZone: 'Europe/London', durationMinutes: 90 };
    expect(nextOccurrence(once, at('2026-01-01T00:00Z'))!.start.toISOString()).to.equal('2026-05-01T09:00:00.000Z');
    expect(nextOccurrence(once, at('2026-05-01T10:29Z'))!.date).to.equal('2026-05-01');
    expect(nextOccurrence(once, at('2026-05-01T10:30Z'))).to.equal(undefined);
  });

  it('expands monthly second Tuesday and last Friday', () => {
    const second: Recurring = { start: '2026-01-13T18:00', timeZone: 'Australia/Sydney', rrule: 'FREQ=MONTHLY;BYDAY=2TU' };
    expect(occurrences(second, at('2026-01-01Z'), 12).map((o) => o.date)).to.deep.equal(
      ['01-13', '02-10', '03-10', '04-14', '05-12', '06-09', '07-14', '08-11', '09-08', '10-13', '11-10', '12-08'].map((d) => `2026-${d}`),
    );
    // 18:00 Sydney is 07:00Z in summer and 08:00Z in winter.
    expect(iso(occurrences(second, at('2026-03-01Z'), 2))).to.deep.equal(['2026-03-10T07:00', '2026-04-14T08:00']);
    const lastFriday: Recurring = { start: '2026-01-30T19:00', timeZone: 'Europe/London', rrule: 'FREQ=MONTHLY;BYDAY=-1FR' };
    expect(occurrences(lastFriday, at('2026-01-01Z'), 7).map((o) => o.date.slice(5))).to.deep.equal([
      '01-30',
      '02-27',
      '03-27',
      '04-24',
      '05-29',
      '06-26',
      '07-31',
    ]);
  });

  it('honours INTERVAL, COUNT, UNTIL and BYMONTHDAY', () => {
    const base = { start: '2026-01-01T09:00', timeZone: 'UTC' };
    expect(occurrences({ ...base, rrule: 'FREQ=DAILY;INTERVAL=3;COUNT=3' }, at('2025-01-01Z'), 10).map((o) => o.date)).to.deep.equal([
      '2026-01-01',
      '2026-01-04',
      '2026-01-07',
    ]);
    expect(
      occurrences({ ...base, rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;UNTIL=20260129' }, at('2025-01-01Z'), 10).map((o) => o.date),
    ).to.deep.equal(['2026-01-01', '2026-01-15', '2026-01-29']);
    expect(occurrences({ ...base, rrule: 'FREQ=WEEKLY;UNTIL=20260115T085959Z' }, at('2025-01-01Z'), 10).map((o) => o.date)).to.deep.equal([
      '2026-01-01',
      '2026-01-08',
    ]);
    expect(occurrences({ ...base, rrule: 'FREQ=MONTHLY;BYMONTHDAY=-1' }, at('2026-01-01Z'), 3).map((o) => o.date)).to.deep.equal([
      '2026-01-01',
      '2026-01-31',
      '2026-02-28',
    ]);
    expect(
      occurrences({ ...base, start: '2026-01-31T09:00', rrule: 'FREQ=MONTHLY' }, at('2026-01-01Z'), 3).map((o) => o.date),
    ).to.deep.equal(['2026-01-31', '2026-03-31', '2026-05-31']);
    // COUNT includes exception dates, as in RFC 5545.
    expect(
      occurrences({ ...base, rrule: 'FREQ=DAILY;COUNT=3', exceptions: ['2026-01-02'] }, at('2025-01-01Z'), 10).map((o) => o.date),
    ).to.deep.equal(['2026-01-01', '2026-01-03']);
  });

  it('finds the Mondays far from the start (test/core/time/recurrence-walk.test.ts checks many rules)', () => {
    const list = occurrences({ ...bcsm, start: '2020-01-06T21:00' }, at('2036-01-01Z'), 8);
    expect(list).to.have.length(8);
    expect(list.every((o) => new Date(o.date).getUTCDay() == 1)).to.equal(true);
    expect(+new Date(list[0]!.date) - +at('2036-01-01Z')).to.be.within(-864e5, 6 * 864e5);
    expect(list.slice(1).map((o, i) => +new Date(o.date) - +new Date(list[i]!.date))).to.deep.equal(Array(7).fill(7 * 864e5));
  });
});

describe('a rule that never repeats', () => {
  const problem = (start: string, rrule: string) => (neverRepeats(parseRRule(rrule), start) ? 'neverRepeats' : undefined);

  it('is found, however its parts fail to meet', () => {
    expect(problem('2026-01-12T21:00', 'FREQ=MONTHLY;BYDAY=2MO;BYMONTHDAY=31')).to.equal('neverRepeats');
    // Every seventh day from a Monday is a Monday.
    expect(problem('2026-01-12T21:00', 'FREQ=DAILY;INTERVAL=7;BYDAY=TU')).to.equal('neverRepeats');
    // Every twelfth month from April is an April, which has no 31st.
    expect(problem('2026-04-01T09:00', 'FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=31')).to.equal('neverRepeats');
  });

  it('is not looked for where every period surely holds a date, and those rules do repeat', () => {
    const sure = ['FREQ=WEEKLY;BYDAY=TU', 'FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,FR', 'FREQ=MONTHLY;BYDAY=2TU', 'FREQ=MONTHLY;BYDAY=-1FR,4SA'];
    sure.push('FREQ=MONTHLY;INTERVAL=12', 'FREQ=DAILY;INTERVAL=7', 'FREQ=MONTHLY;BYDAY=MO');
    for (const rule of sure) {
      expect(surelyRepeats(parseRRule(rule)), rule).to.equal(true);
      for (const start of ['2026-01-31T09:00', '2028-02-29T18:30', '2026-07-06T21:00'])
        expect(neverRepeats(parseRRule(rule), start), `${rule} from ${start}`).to.equal(false);
    }
    const look = ['FREQ=MONTHLY;BYDAY=5MO', 'FREQ=MONTHLY;BYMONTHDAY=31', 'FREQ=WEEKLY;BYMONTHDAY=13;BYDAY=FR', 'FREQ=DAILY;BYDAY=TU'];
    for (const rule of look) expect(surelyRepeats(parseRRule(rule)), rule).to.equal(false);
  });

  it('is not said of a rare one: the fifth Monday of a February comes every 28 years', () => {
    expect(problem('2016-02-29T09:00', 'FREQ=MONTHLY;INTERVAL=12;BYDAY=5MO')).to.equal(undefined);
    expect(
      occurrences({ start: '2016-02-29T09:00', timeZone: 'UTC', rrule: 'FREQ=MONTHLY;INTERVAL=12;BYDAY=5MO' }, at('2016-03-01Z'), 2).map(
        (o) => o.date,
      ),
    ).to.deep.equal(['2044-02-29', '2072-02-29']);
    expect(problem('2028-02-29T09:00', 'FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=29')).to.equal(undefined);
    expect(problem('2026-01-01T09:00', 'FREQ=WEEKLY;INTERVAL=2;BYMONTHDAY=30')).to.equal(undefined);
    // COUNT and UNTIL end a rule; they do not make it one that never repeats.
    expect(problem('2026-01-05T21:00', 'FREQ=WEEKLY;BYDAY=MO;COUNT=1')).to.equal(undefined);
  });
});
