import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import '../../../src/define/care-chat-schedule.js';
import type { CareConfigErrorEvent } from '../../../src/core/events.js';
import type { CareChatSchedule } from '../../../src/widgets/chat-schedule/chat-schedule.js';
import { bcsm, chats, weekStart } from '../../../stories/data/chat-schedule.js';

type El = CareChatSchedule;
const root = (el: El) => el.shadowRoot!;
const titles = (el: El) => [...root(el).querySelectorAll('[part=chat] h3')].map((h) => h.textContent!.trim());
const text = (n: Node | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function render(config: unknown): Promise<El> {
  let ready = false;
  const el = await fixture<El>(
    html`<care-chat-schedule .config=${config} now=${weekStart} time-zone="Australia/Sydney" @care-ready=${() => (ready = true)}></care-chat-schedule>`,
  );
  // A config with a bad item waits for zod and its explanations (chunks): on a busy machine that can pass 1 s.
  await waitUntil(() => root(el).querySelector('[part=list], .panel.error'), 'did not render', { timeout: 5000 });
  // The cards after the first four come a few per task: care-ready says every chat is in the list.
  await waitUntil(() => ready || root(el).querySelector('.panel.error'), 'not every chat was shown', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

const originalWarn = console.warn;
let warnings: string[] = [];
beforeEach(() => {
  warnings = [];
  console.warn = (...a: unknown[]) => void warnings.push(a.join(' '));
});
afterEach(() => (console.warn = originalWarn));

describe('<care-chat-schedule> with some bad chats', () => {
  it('skips a chat that cannot be shown and lists every other one', async () => {
    const broken = { ...bcsm, id: 'broken', title: 'Broken chat', start: '2026-02-30T21:00' };
    const heard: CareConfigErrorEvent[] = [];
    const listen = (e: Event) => heard.push(e as CareConfigErrorEvent);
    document.addEventListener('care-config-error', listen);
    const el = await render({ chats: [broken, ...chats] }).finally(() => document.removeEventListener('care-config-error', listen));
    expect(heard.map((e) => [e.detail.recovered, e.detail.issues.map((i) => i.path)])).to.deep.equal([[true, ['chats.0.start']]]);
    expect(root(el).querySelector('.panel.error')).to.equal(null);
    expect(titles(el)).to.include('#bcsm weekly chat');
    expect(titles(el)).not.to.include('Broken chat');
    // Editors see which chat was skipped, by its id, at its path.
    const panel = text(root(el).querySelector('details[part=error]'));
    expect(panel).to.match(/chats\.0\.start \(“broken”\)/);
    expect(warnings.join('\n')).to.match(/chats\.0\.start \(“broken”\)/);
  });

  /** `chat`, put first, is skipped (not the whole schedule), and the editor's panel says `why`. */
  async function skipsFirst(chat: typeof bcsm, why: string) {
    const el = await render({ chats: [chat, ...chats] });
    expect(root(el).querySelector('.panel.error')).to.equal(null);
    expect(titles(el)).to.include('#bcsm weekly chat');
    expect(titles(el)).not.to.include(chat.title);
    expect(text(root(el).querySelector('details[part=error]'))).to.include(why);
  }

  it('skips a chat whose rule gives no date after its start, and says why', async () => {
    // The second Monday of a month is never the 31st: the widget would search 400 years of calendar for one.
    await skipsFirst(
      { ...bcsm, id: 'never', title: 'Never again', start: '2026-01-12T21:00', rrule: 'FREQ=MONTHLY;BYDAY=2MO;BYMONTHDAY=31' },
      'chats.0.rrule (“never”): No date after the start fits every part of this rule, so it never repeats',
    );
  });

  it('skips a chat whose INTERVAL would put its next date past JavaScript’s dates, and says why', async () => {
    await skipsFirst(
      { ...bcsm, id: 'far', title: 'Far future', start: '2024-01-01T18:00', rrule: 'FREQ=DAILY;INTERVAL=100000000' },
      'chats.0.rrule (“far”): Cannot read this repeat rule: INTERVAL must be a whole number from 1 to 1000, not "100000000".',
    );
  });

  it('skips a second chat with the same id (calendars keep one event per UID) and names the first', async () => {
    const copy = { ...bcsm, title: 'Same id, other chat', start: '2026-01-06T20:00' };
    const el = await render({ chats: [bcsm, copy] });
    expect(titles(el)).to.deep.equal(['#bcsm weekly chat']);
    expect(text(root(el).querySelector('details[part=error]'))).to.include(
      `chats.1.id (“${bcsm.id}”): Same id as chats.0: ids must be unique (calendars tell chats apart by them), so this chat is skipped.`,
    );
  });

  it('keeps a chat whose join link is javascript:, without the link', async () => {
    const evil = { ...bcsm, id: 'evil', title: 'Chat with a bad link', url: 'javascript:alert(1)' };
    const el = await render({ chats: [evil] });
    expect(root(el).querySelector('.panel.error')).to.equal(null);
    const chat = [...root(el).querySelectorAll('[part=chat]')].find((li) => text(li.querySelector('h3')) === 'Chat with a bad link');
    expect(chat, 'the chat is still listed').to.exist;
    for (const a of root(el).querySelectorAll('a')) expect(a.getAttribute('href') ?? '').not.to.match(/javascript/i);
    expect(text(root(el).querySelector('details[part=error]'))).to.match(/chats\.0\.url \(“evil”\)/);
  });

  it('still fails the whole config for a problem outside the chats', async () => {
    const el = await fixture<El>(html`<care-chat-schedule now=${weekStart}></care-chat-schedule>`);
    const event = oneEvent(el, 'care-config-error') as Promise<CareConfigErrorEvent>;
    el.config = { chats, show: 0 };
    const { detail } = await event;
    expect(detail.issues.map((i) => i.path)).to.deep.equal(['show']);
  });

  // The panel counts items, not problems: a chat with two problems is one item left out, and a chat that lost only
  // its join link is still on screen, said apart.
  describe('the editor’s panel counts chats, not problems', () => {
    const chat = (id: string, extra = {}) => ({ ...bcsm, id, title: 'Chat ' + id, ...extra });
    const intro = (el: El) => [...root(el).querySelectorAll('details[part=error] p')].map((p) => text(p));

    it('a chat without its bad link still shows, and is not counted as left out', async () => {
      const el = await render({ chats: [chat('a'), chat('b', { url: 5 })] });
      expect(titles(el)).to.deep.equal(['Chat a', 'Chat b']);
      expect(intro(el)).to.deep.equal(['1 item still shows, without its settings (config) that have problems:']);
    });

    it('a chat with two problems is one item left out', async () => {
      const el = await render({ chats: [chat('a'), chat('b', { timeZone: 'Mars/Olympus', start: '2026-02-30T10:00' })] });
      expect(titles(el)).to.deep.equal(['Chat a']);
      expect(text(root(el).querySelector('details[part=error]')))
        .to.include('chats.1.timeZone')
        .and.to.include('chats.1.start');
      expect(intro(el)).to.deep.equal(['1 item was left out because of a problem in the settings (config):']);
    });

    it('a chat that lost its link and was then skipped for another problem counts once, as left out', async () => {
      const config = {
        chats: [
          { id: 'a', timeZone: 'America/New_York', start: '2026-01-05T21:00' }, // no title
          chat('b'),
          chat('c', { url: 5, rrule: 'FREQ=WEEKLY;UNTIL=20200101' }), // url dropped, then skipped for UNTIL
          chat('d', { url: 5, description: 5 }), // two fields dropped, still shown
        ],
      };
      const el = await render(config);
      expect(titles(el)).to.deep.equal(['Chat b', 'Chat d']);
      expect(root(el).querySelectorAll('details[part=error] li').length).to.equal(5);
      expect(intro(el)).to.deep.equal([
        '2 items were left out because of problems in the settings (config):',
        '1 item still shows, without its settings (config) that have problems:',
      ]);
    });
  });
});
