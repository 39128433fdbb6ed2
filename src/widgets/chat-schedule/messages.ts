import type { Catalogues } from '../../core/i18n/messages.js';

/**
 * The chat schedule's words in English (config `messages` may override any key), in plain words (reading grade 6 or
 * below): patients may read poorly, in a second language, on a phone. The open calendar menu's words come with its
 * code (calendar.ts); language files carry them all.
 */
export const messages: Catalogues = {
  en: {
    zone: 'All times are {zone}.',
    utc: 'All times are UTC (world time).',
    today: 'Today',
    tomorrow: 'Tomorrow',
    ownTime: 'That is {time} on {weekday} ({place}).',
    liveText: 'Live now',
    join: 'Join now',
    startsIn: 'Starts in {time}',
    cancelled: 'Cancelled',
    later: 'After that:',
    topic: 'Topic: {topic}',
    where: '{tag} on {platform}',
    on: 'On {platform}',
    hosts_one: 'Host: {hosts}',
    hosts_other: 'Hosts: {hosts}',
    platform: 'App or website',
    hashtag: 'Hashtag',
    all: 'All',
    none: 'No chats coming up.',
    calendar: 'Add to calendar',
    file: '(downloads a file)',
    subscribe: 'Add all chats to your calendar',
    pause: 'Stop the countdown',
    resume: 'Start the countdown again',
    x: 'X',
    bluesky: 'Bluesky',
    mastodon: 'Mastodon',
    facebook: 'Facebook',
    zoom: 'Zoom',
    other: 'Online',
  },
};
