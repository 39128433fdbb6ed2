import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import '../../../src/define/care-chat-schedule.js';
import type { CareChatSchedule } from '../../../src/widgets/chat-schedule/chat-schedule.js';
import { bcsm, chats, duringBcsm } from '../../../stories/data/chat-schedule.js';

describe('<care-chat-schedule> links to other sites', () => {
  it('follow the one external-link policy (join, titles, calendar sites): no opener, no Referer', async () => {
    const el = await fixture<CareChatSchedule>(
      html`<care-chat-schedule
        .config=${{ chats: [bcsm, ...chats.slice(1)] }}
        now=${duringBcsm}
        time-zone="Australia/Sydney"
      ></care-chat-schedule>`,
    );
    await waitUntil(() => el.shadowRoot?.querySelector('[part=chat]'), 'no chats');
    const menus = [...el.shadowRoot!.querySelectorAll('details.calendar')];
    for (const d of el.shadowRoot!.querySelectorAll('details')) d.open = true;
    // A menu is rendered when first opened.
    await waitUntil(() => menus.every((d) => d.querySelector('a[href]')), 'the calendar menus did not open');
    const external = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a[href^="http"]')];
    expect(
      external.some((a) => a.href.startsWith('https://calendar.google.com')),
      'a Google Calendar link',
    ).to.equal(true);
    expect(
      external.some((a) => a.classList.contains('join')),
      'a join link',
    ).to.equal(true);
    for (const a of external) {
      expect(a.rel.split(' '), a.href).to.include.members(['noopener', 'noreferrer']);
      expect(a.referrerPolicy, a.href).to.equal('no-referrer');
    }
  });
});
