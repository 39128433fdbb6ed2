// The demo pages' configs must stay valid, and #bcsm in them must be Mondays 21:00 New York.
import { expect } from '@open-wc/testing';
import { validate } from '../../../src/core/config/validate.js';
import { chatScheduleSchema } from '../../../src/widgets/chat-schedule/chat-schedule.schema.js';
import { nextOccurrence } from '../../../src/core/time/recurrence.js';

describe('chat-schedule demo data', () => {
  for (const name of ['chats', 'hospital', 'charity']) {
    it(`${name}.json is a valid config`, async () => {
      const data = await (await fetch(`/demo/data/chat-schedule/${name}.json`)).json();
      const result = validate(chatScheduleSchema, data);
      expect(result.errors).to.deep.equal([]);
      const bcsm = result.value!.chats.find((c) => c.id === 'bcsm')!;
      expect(bcsm).to.include({ timeZone: 'America/New_York', rrule: 'FREQ=WEEKLY;BYDAY=MO' });
      expect(nextOccurrence(bcsm, new Date('2026-12-01T00:00:00Z'))!.start.toISOString()).to.equal('2026-12-01T02:00:00.000Z'); // Monday 30 November, 21:00 EST;
    });
  }
});
