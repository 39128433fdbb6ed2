// <care-chat-schedule> stories. Each freezes the clock with the `now` attribute (an ISO instant) and sets
// the viewer's zone with `time-zone`, so a story looks the same on every machine; remove `now` to see
// the real time. Tests render every story and run axe on it, so no Storybook runtime imports here.
import { html } from 'lit';
import { fromControls, onSurface } from './data/surface.js';
import '../src/define/care-chat-schedule.js';
import { beforeBcsm, beforeCancelled, bcsm, chats, duringBcsm, weekConfig, weekStart } from './data/chat-schedule.js';

interface Args {
  config: unknown;
  now: string;
  timeZone: string;
  theme: 'light' | 'dark' | 'auto';
}

export default {
  title: 'Widgets/Chat schedule',
  component: 'care-chat-schedule',
  args: { config: weekConfig, now: weekStart, timeZone: 'Australia/Sydney', theme: 'light' },
  argTypes: {
    config: { control: 'object', description: 'The widget config (see the schema).' },
    now: { control: 'text', description: 'Frozen instant (ISO 8601 with Z) used instead of the real clock.' },
    timeZone: {
      control: 'select',
      options: ['Australia/Sydney', 'Europe/London', 'America/New_York', 'UTC', 'Pacific/Apia'],
      description: 'Viewer zone (`time-zone` attribute).',
    },
  },
};

const render = (a: Args) =>
  onSurface(
    a.theme,
    html`<care-chat-schedule .config=${a.config} now=${a.now} time-zone=${a.timeZone} theme=${a.theme} style=${fromControls(a).style} src=${fromControls(a).src}
      ><a href="#">See our community chats</a></care-chat-schedule
    >`,
  );

/** Each chat once: its next date first, the next few after it in a short list, one add-to-calendar each. */
export const WeekOfChats = {
  name: 'A week of chats',
  render,
  parameters: { care: { shows: [weekConfig.heading, bcsm.title, chats[1]!.title, 'After that:'] } },
};

export const LiveNow = {
  name: 'Live now',
  args: { config: { chats: [bcsm, ...chats.slice(1)], show: 4 }, now: duringBcsm },
  render,
  parameters: { care: { shows: [bcsm.title, 'Live now', 'Join now'] } },
};

export const StartingSoon = {
  name: 'Starting soon',
  args: { config: { chats, show: 4 }, now: beforeBcsm },
  render,
  parameters: { care: { shows: [bcsm.title, 'Starts in 2 hours'] } },
};

export const CancelledOccurrence = {
  name: 'Cancelled occurrence',
  args: { config: { chats: [chats[2]], show: 3 }, now: beforeCancelled },
  render,
  parameters: { care: { shows: [chats[2]!.title, 'Cancelled'] } },
};

export const Compact = {
  name: 'Compact (sidebar)',
  args: { config: { chats, show: 5, layout: 'compact' }, timeZone: 'Europe/London' },
  parameters: { care: { shows: [bcsm.title, 'London'] } },
  render: (a: Args) => html`<div style="max-inline-size: 20rem">${render(a)}</div>`,
};

/** `layout: 'agenda'`: every date of every chat, day by day; each chat's details and calendar on its first date. */
export const Agenda = {
  name: 'Agenda (day by day)',
  args: { config: { ...weekConfig, heading: 'Every chat, day by day', layout: 'agenda' } },
  render,
  parameters: { care: { shows: ['Every chat, day by day', bcsm.title, 'Cancelled'] } },
};

export const Dark = {
  name: 'Dark',
  args: { theme: 'dark', now: beforeBcsm },
  render,
  parameters: { care: { shows: [weekConfig.heading, bcsm.title] } },
};
