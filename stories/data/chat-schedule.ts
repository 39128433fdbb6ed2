// Story (and test) data for <care-chat-schedule>: fictional chats, plus the frozen instants each story shows.
import type { ChatScheduleConfig } from '../../src/widgets/chat-schedule/chat-schedule.schema.js';

type ChatInput = Partial<ChatScheduleConfig['chats'][number]> &
  Pick<ChatScheduleConfig['chats'][number], 'id' | 'title' | 'timeZone' | 'start'>;

export const bcsm: ChatInput = {
  id: 'bcsm',
  title: '#bcsm weekly chat',
  hashtag: 'bcsm',
  platform: 'x',
  url: 'https://x.com/hashtag/bcsm',
  description: 'Breast cancer social media: patients, carers and clinicians talk through one topic each week.',
  hosts: ['@bcsm_hosts'],
  timeZone: 'America/New_York',
  start: '2026-01-05T21:00',
  durationMinutes: 60,
  rrule: 'FREQ=WEEKLY;BYDAY=MO',
  exceptions: ['2026-12-28'],
  topics: { '2026-03-02': 'Scanxiety: living between scans', '2026-03-09': 'Going back to work', '2026-12-07': 'Scanxiety' },
};

export const chats: ChatInput[] = [
  bcsm,
  {
    id: 'westhaven-carers',
    title: 'Parramatta River carers video meet-up',
    hashtag: 'PRHCarers',
    platform: 'zoom',
    url: 'https://example.org/westhaven/carers-zoom',
    description:
      'For partners, parents and friends caring for someone having treatment at Parramatta River Hospital. Hosted by a cancer nurse and a social worker.',
    hosts: ['Priya (cancer nurse)', 'Tom (social worker)'],
    timeZone: 'Australia/Sydney',
    start: '2026-01-13T18:00',
    durationMinutes: 90,
    rrule: 'FREQ=MONTHLY;BYDAY=2TU',
    topics: { '2026-03-10': 'Looking after yourself', '2026-04-14': 'Talking to children about cancer' },
  },
  {
    id: 'aya-chat',
    title: 'Young adults with cancer chat',
    hashtag: 'AYAchatAU',
    platform: 'bluesky',
    url: 'https://bsky.app/hashtag/AYAchatAU',
    hosts: ['@aya-peer.example.org'],
    timeZone: 'Australia/Sydney',
    start: '2026-01-07T20:00',
    durationMinutes: 60,
    rrule: 'FREQ=WEEKLY;BYDAY=WE',
    exceptions: ['2026-03-04'],
  },
  {
    id: 'cafe-uk',
    title: 'Cancer Café UK evening chat',
    hashtag: 'CancerCafeUK',
    platform: 'mastodon',
    url: 'https://mastodon.example/tags/CancerCafeUK',
    description: 'A relaxed chat for anyone affected by cancer, from a UK charity’s peer volunteers.',
    hosts: ['@cafe@mastodon.example'],
    timeZone: 'Europe/London',
    start: '2026-01-01T19:30',
    durationMinutes: 60,
    rrule: 'FREQ=WEEKLY;BYDAY=TH,SU',
  },
];

/** Monday 2 March 2026, 09:00 in Sydney (Sunday 22:00 UTC). */
export const weekStart = '2026-03-01T22:00:00Z';
/** During the #bcsm chat of Monday 2 March (21:30 New York). */
export const duringBcsm = '2026-03-03T02:30:00Z';
/** 2 h 15 min before that chat. */
export const beforeBcsm = '2026-03-02T23:45:00Z';
/** The week before the cancelled Wednesday 4 March young adults chat. */
export const beforeCancelled = '2026-03-03T05:00:00Z';

export const weekConfig = { heading: 'Community chats this week', chats, show: 8 };
