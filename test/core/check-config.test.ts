import { expect } from '@open-wc/testing';
import { checkConfig } from '../../src/core/config/check.js';
import { validate } from '../../src/core/config/validate.js';
import { chatScheduleValidator } from '../../src/generated/chat-schedule.validate.js';
import { chatScheduleSchema } from '../../src/widgets/chat-schedule/chat-schedule.schema.js';
import type { Compiled } from '../../src/core/config/compiled.js';

const chat = (over: Record<string, unknown> = {}) => ({
  id: 'bcsm',
  title: '#bcsm',
  timeZone: 'America/New_York',
  start: '2026-01-05T21:00',
  rrule: 'FREQ=WEEKLY;BYDAY=MO',
  ...over,
});
const recoverable = { lists: ['chats'], fields: ['chats.*.url'] };

describe('checkConfig: the compiled validator first, zod only to explain', () => {
  it('answers a valid config at once (no promise), with the defaults zod gives', () => {
    const result = checkConfig(chatScheduleValidator, { chats: [chat()] }, recoverable);
    expect(result).not.to.be.instanceOf(Promise);
    const { value } = result as Exclude<typeof result, Promise<unknown>>;
    expect(value).to.deep.equal(chatScheduleSchema.parse({ chats: [chat()] }));
    expect(value!.show).to.equal(8);
    expect(value!.chats[0]!.platform).to.equal('other');
  });

  it('explains a rejected config exactly as validate() does: errors, skipped items, dropped fields', async () => {
    for (const config of [
      { chats: [chat({ start: 'next tuesday' })], layout: 'grid' },
      { chats: [chat(), chat({ id: 'two', timeZone: 'Mars/Olympus' })] },
      { chats: [chat({ url: 'javascript:alert(1)' })] },
      { chats: [chat()], sohw: 3 },
    ]) {
      const result = checkConfig(chatScheduleValidator, config, recoverable);
      expect(result).to.be.instanceOf(Promise);
      expect(await result).to.deep.equal(validate(chatScheduleSchema, config, recoverable));
    }
  });

  it('says so, and names carecircle check, when the explaining chunk cannot load', async () => {
    const broken: Compiled<unknown> = { accept: () => undefined, schema: () => Promise.reject(new TypeError('Failed to fetch')) };
    const result = await checkConfig(broken, {}, {});
    expect(result.value).to.equal(undefined);
    expect(result.errors).to.have.length(1);
    expect(result.errors[0]!.message).to.contain('could not load').and.contain('Failed to fetch').and.contain('carecircle check');
  });
});
