// The shared schedule fields of chats and support groups: real dates only, and a rule that ends after it starts.
import { expect } from '@open-wc/testing';
import type * as z from 'zod/mini';
import { parseWall } from '../../../src/core/time/zones.js';
import { toConfigIssues } from '../../../src/core/config/zod-issues.js';
import { chatScheduleSchema } from '../../../src/widgets/chat-schedule/chat-schedule.schema.js';
import { groupSchema } from '../../../src/widgets/support-groups/support-groups.schema.js';

const chat = { id: 'bcsm', title: '#bcsm', timeZone: 'America/New_York', start: '2026-01-05T21:00', rrule: 'FREQ=WEEKLY;BYDAY=MO' };
const meets = { start: '2026-01-13T18:00', timeZone: 'Australia/Sydney', rrule: 'FREQ=MONTHLY;BYDAY=2TU' };

// In the words editors read (zod's own issues carry the problem's key: the wording is errorMessages').
const byPath = (schema: z.ZodMiniType, data: unknown) => {
  const error = schema.safeParse(data, { reportInput: true }).error;
  return Object.fromEntries(toConfigIssues(error?.issues ?? [], schema, data).map((i) => [i.path, i.message]));
};
const chatIssues = (over: object) => byPath(chatScheduleSchema, { chats: [{ ...chat, ...over }] });
const groupIssues = (over: object) => byPath(groupSchema, { id: 'g', name: 'G', meets: { ...meets, ...over } });

describe('parseWall month and day bounds', () => {
  it('rejects month 13 and month 00 instead of rolling them into another year', () => {
    expect(parseWall('2026-13-01')).to.be.NaN;
    expect(parseWall('2026-00-15T10:00')).to.be.NaN;
    expect(parseWall('2026-02-29')).to.be.NaN;
    expect(parseWall('2028-02-29')).to.equal(Date.UTC(2028, 1, 29));
    expect(parseWall('2026-12-31T23:59:59')).to.equal(Date.UTC(2026, 11, 31, 23, 59, 59));
  });
});

describe('one schedule schema for chats and groups', () => {
  it('accepts the valid examples', () => {
    expect(chatIssues({})).to.deep.equal({});
    expect(groupIssues({ exceptions: ['2026-12-08'] })).to.deep.equal({});
  });

  for (const start of ['2026-02-30T18:00', '2026-13-01T18:00', '2026-00-15T18:00', '2026-01-13T24:00']) {
    it(`rejects the impossible start ${start} for a chat and for a group, saying how to write it`, () => {
      expect(chatIssues({ start })['chats.0.start']).to.match(/written like "2026-01-05T21:00"/);
      expect(groupIssues({ start })['meets.start']).to.match(/written like "2026-01-05T21:00"/);
    });
  }

  it('checks exception dates of groups as well as chats', () => {
    for (const bad of ['2026-02-30', '2026-13-01', 'soon', '2026-12-08T18:00']) {
      expect(chatIssues({ exceptions: ['2026-12-07', bad] })['chats.0.exceptions.1'], bad).to.match(/YYYY-MM-DD/);
      expect(groupIssues({ exceptions: ['2026-12-08', bad] })['meets.exceptions.1'], bad).to.match(/YYYY-MM-DD/);
    }
  });

  it('uses the same words for a bad zone and a bad rule in both widgets', () => {
    expect(chatIssues({ timeZone: 'Mars/Base' })['chats.0.timeZone']).to.equal(groupIssues({ timeZone: 'Mars/Base' })['meets.timeZone']);
    expect(chatIssues({ rrule: 'FREQ=YEARLY' })['chats.0.rrule']).to.equal(groupIssues({ rrule: 'FREQ=YEARLY' })['meets.rrule']);
  });

  it('refuses an UNTIL that is not a real date instead of rolling it into another day', () => {
    for (const until of ['20260231', '20261399', '20260100T120000Z', '20260315T250000'])
      for (const issues of [
        chatIssues({ rrule: `FREQ=WEEKLY;UNTIL=${until}` })['chats.0.rrule'],
        groupIssues({ rrule: `FREQ=WEEKLY;UNTIL=${until}` })['meets.rrule'],
      ])
        expect(issues, until).to.match(new RegExp(`UNTIL "${until}" is not a real date`));
  });

  it('reports an UNTIL before the start on the chat or group that has it', () => {
    const chatMessage = chatIssues({ rrule: 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20251231' })['chats.0.rrule'];
    expect(chatMessage)
      .to.match(/UNTIL/)
      .and.match(/before the start/);
    expect(groupIssues({ rrule: 'FREQ=MONTHLY;BYDAY=2TU;UNTIL=20260112T235959' })['meets.rrule']).to.match(/before the start/);
    // The list of chats is not failed as a whole: the issue is on the chat.
    expect(Object.keys(chatIssues({ rrule: 'FREQ=WEEKLY;UNTIL=20260101' }))).to.deep.equal(['chats.0.rrule']);
  });

  it('reads UNTIL the way the expansion does: a date is the whole day, a UTC time is an instant', () => {
    expect(chatIssues({ rrule: 'FREQ=WEEKLY;UNTIL=20260105' })).to.deep.equal({});
    expect(chatIssues({ rrule: 'FREQ=WEEKLY;UNTIL=20260105T210000' })).to.deep.equal({});
    expect(chatIssues({ rrule: 'FREQ=WEEKLY;UNTIL=20260105T205959' })).to.have.key('chats.0.rrule');
    // 21:00 New York on 5 January is 02:00 UTC on the 6th.
    expect(chatIssues({ rrule: 'FREQ=WEEKLY;UNTIL=20260106T020000Z' })).to.deep.equal({});
    expect(chatIssues({ rrule: 'FREQ=WEEKLY;UNTIL=20260106T015959Z' })).to.have.key('chats.0.rrule');
  });
});
