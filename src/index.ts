// Classes and types only: importing this registers nothing. Import 'carecircle/define' (or a single
// 'carecircle/care-…' entry) to register the tags.
export { CareElement, type Theme } from './core/care-element.js';
export { define } from './core/define.js';
export { CareReadyEvent, CareConfigErrorEvent, CareSourceErrorEvent, type SourceErrorDetail } from './core/events.js';
export type { ConfigIssue } from './core/config/issues.js';
export { CareHashtagFeed } from './widgets/hashtag-feed/hashtag-feed.js';
export { CareSupportGroups } from './widgets/support-groups/support-groups.js';
export { CareChatSchedule } from './widgets/chat-schedule/chat-schedule.js';
export type { HashtagFeedConfig, ResolvedHashtagFeedConfig } from './widgets/hashtag-feed/hashtag-feed.schema.js';
export type { SupportGroupsConfig, ResolvedSupportGroupsConfig } from './widgets/support-groups/support-groups.schema.js';
export type { ChatScheduleConfig, ResolvedChatScheduleConfig } from './widgets/chat-schedule/chat-schedule.schema.js';
