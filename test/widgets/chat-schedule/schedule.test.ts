// The pure logic beside <care-chat-schedule>: chats grouped one entry each, and a countdown in words.
import { expect } from '@open-wc/testing';
import { byChat, durationWords } from '../../../src/widgets/chat-schedule/schedule.js';
import type { Chat } from '../../../src/widgets/chat-schedule/chat-schedule.schema.js';
import { chats as input, weekStart } from '../../../stories/data/chat-schedule.js';

const chats = input.map((c) => ({ platform: 'other', hosts: [], exceptions: [], topics: {}, durationMinutes: 60, ...c })) as Chat[];
const now = +new Date(weekStart);
const H = 36e5;

describe('chat schedule: byChat', () => {
  it('gives each chat one entry with its next dates, soonest next chat first', () => {
    const entries = byChat(chats, now, 3, true);
    expect(entries.map((e) => e.chat.id)).to.deep.equal(['bcsm', 'cafe-uk', 'westhaven-carers', 'aya-chat']);
    expect(entries[0]!.dates.map((o) => o.start.toISOString())).to.deep.equal([
      '2026-03-03T02:00:00.000Z',
      '2026-03-10T01:00:00.000Z',
      '2026-03-17T01:00:00.000Z',
    ]);
  });

  it('keeps a cancelled date before the next real one, and counts only real ones', () => {
    const aya = byChat(chats, now, 2, true).find((e) => e.chat.id == 'aya-chat')!;
    expect(aya.dates.map((o) => [o.date, !!o.cancelled])).to.deep.equal([
      ['2026-03-04', true],
      ['2026-03-11', false],
      ['2026-03-18', false],
    ]);
    expect(
      byChat(chats, now, 2, false)
        .find((e) => e.chat.id == 'aya-chat')!
        .dates.map((o) => o.date),
    ).to.deep.equal(['2026-03-11', '2026-03-18']);
  });

  it('filters by platform and hashtag, and leaves out chats with nothing to come', () => {
    expect(byChat(chats, now, 3, true, { platform: 'zoom' }).map((e) => e.chat.id)).to.deep.equal(['westhaven-carers']);
    expect(byChat(chats, now, 3, true, { hashtag: 'bcsm' }).map((e) => e.chat.id)).to.deep.equal(['bcsm']);
    const over = { ...chats[0]!, id: 'over', rrule: 'FREQ=WEEKLY;COUNT=2' };
    expect(byChat([over], now, 3, true)).to.deep.equal([]);
  });
});

describe('chat schedule: durationWords', () => {
  const none = null; // as in a browser without Intl.DurationFormat
  it('says days, hours and minutes in words, joined by "and", where Intl.DurationFormat is missing', () => {
    expect(durationWords('en', now, now + 38 * H, none)).to.equal('1 day and 14 hours');
    expect(durationWords('en', now, now + 2.25 * H, none)).to.equal('2 hours and 15 minutes');
    expect(durationWords('en', now, now + 30e3, none)).to.equal('1 minute');
    expect(durationWords('en', now, now + 5 * 24 * H, none)).to.equal('5 days');
    expect(durationWords('en', now, now + 24 * H, none)).to.equal('1 day');
    expect(durationWords('en', now, now + 49 * H, none)).to.equal('2 days');
  });

  it('words the units in the page’s language by Intl.NumberFormat (its own plural forms) where Intl.DurationFormat is missing', () => {
    const unit = (locale: string, unit: string, n: number) =>
      new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(n);
    const and = (locale: string, list: string[]) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(list);
    for (const locale of ['ar', 'pl', 'zh-Hans', 'es'])
      expect(durationWords(locale, now, now + 26 * H, none), locale).to.equal(
        and(locale, [unit(locale, 'day', 1), unit(locale, 'hour', 2)]),
      );
    expect(durationWords('es', now, now + 3 * 24 * H, none)).to.equal('3 días');
  });

  it('uses Intl.DurationFormat in its long style where the browser has it', () => {
    const seen: unknown[] = [];
    class Fake {
      constructor(locale: string, options: object) {
        seen.push(locale, options);
      }
      format = (d: object) => JSON.stringify(d);
    }
    expect(durationWords('en-GB', now, now + 38 * H, Fake)).to.equal('{"days":1,"hours":14}');
    expect(seen).to.deep.equal(['en-GB', { style: 'long' }]);
    expect(durationWords('en', now, now + 38 * H)).to.match(/^1 day,? (and )?14 hours$/); // this browser's own
  });
});
