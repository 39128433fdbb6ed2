// Every story rendered into a fixture, checked for its state and run through axe.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import meta, * as stories from '../../../stories/chat-schedule.stories.js';
import type { CareChatSchedule } from '../../../src/widgets/chat-schedule/chat-schedule.js';

type Story = { name: string; args?: Record<string, unknown>; render: (a: never) => TemplateResult };
const all = Object.entries(stories).filter(([k]) => k !== 'default') as [string, Story][];
const expectations: Record<string, (root: ShadowRoot) => void> = {
  WeekOfChats: (r) => expect(r.querySelectorAll('[part=chat]')).to.have.length(8),
  LiveNow: (r) => expect(r.querySelector('.live .status a')?.textContent).to.equal('Live now — join'),
  StartingSoon: (r) => expect(r.querySelector('.status')?.textContent?.trim()).to.equal('Starts in 2 h 15 min'),
  CancelledOccurrence: (r) => expect(r.querySelector('.cancelled .status')?.textContent?.trim()).to.equal('Cancelled'),
  Compact: (r) => expect(r.querySelector('.compact')).to.not.equal(null),
  Dark: (r) => expect((r.host as HTMLElement).getAttribute('theme')).to.equal('dark'),
};

describe('chat-schedule stories', () => {
  it('has one story per state the issue lists', () => {
    expect(all.map(([k]) => k)).to.have.members(Object.keys(expectations));
    expect(meta.component).to.equal('care-chat-schedule');
  });
  for (const [key, story] of all) {
    it(`${story.name} renders, shows its state and is accessible`, async () => {
      const wrapper = await fixture<HTMLElement>(story.render({ ...meta.args, ...story.args } as never));
      const el = (wrapper.localName === 'care-chat-schedule' ? wrapper : wrapper.querySelector('care-chat-schedule')) as CareChatSchedule;
      await waitUntil(() => el.shadowRoot?.querySelector('[part=list]'), `${key} did not render`);
      await el.updateComplete;
      expectations[key]!(el.shadowRoot!);
      await expect(el).to.be.accessible();
    });
  }
});
