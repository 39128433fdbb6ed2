// Type tests (compiled by `tsc --noEmit -p tsconfig.json`, the first step of `npm test`): what a person writes
// type-checks, and each `@ts-expect-error` line must be an error, or tsc fails on the unused directive.
import type {
  CareChatSchedule,
  CareHashtagFeed,
  CareSupportGroups,
  ChatScheduleConfig,
  HashtagFeedConfig,
  ResolvedChatScheduleConfig,
  ResolvedSupportGroupsConfig,
  SupportGroupsConfig,
} from '../../src/index.js';

// Keys with defaults are optional in the config people write.
export const groups: SupportGroupsConfig = { groups: [] };
export const empty: SupportGroupsConfig = {};
export const chats: ChatScheduleConfig = {
  chats: [{ id: 'bcsm', title: '#bcsm', timeZone: 'America/New_York', start: '2026-01-05T21:00', rrule: 'FREQ=WEEKLY;BYDAY=MO' }],
};
export const feed: HashtagFeedConfig = { hashtag: 'bcsm', sources: [{ type: 'mastodon', instance: 'https://mastodon.social' }] };
export const withMessages: HashtagFeedConfig = {
  ...feed,
  messages: { loading: 'Un momento…' },
  $schema: './care-hashtag-feed.schema.json',
};

// @ts-expect-error a required key is missing (`hashtag`)
export const noHashtag: HashtagFeedConfig = { sources: [] };
// @ts-expect-error an unknown key
export const typo: SupportGroupsConfig = { groups: [], pageSise: 10 };
// @ts-expect-error a feed source of an unknown type
export const badSource: HashtagFeedConfig = { hashtag: 'bcsm', sources: [{ type: 'twitter', instance: 'https://x.com' }] };
// @ts-expect-error a value outside the enum
export const badLayout: ChatScheduleConfig = { chats: [], layout: 'grid' };

// The resolved types have every default filled in: a bare input is not one.
// @ts-expect-error `places`, `useGeolocation`, `pageSize` … are required after validation
export const notResolved: ResolvedSupportGroupsConfig = { groups: [] };
export const pageSize = (c: ResolvedSupportGroupsConfig): number => c.pageSize;
export const show = (c: ResolvedChatScheduleConfig): number => c.show;

// Each element's `config` takes the input type or a JSON string; `theme` is a closed set.
export function elements(feedEl: CareHashtagFeed, groupsEl: CareSupportGroups, chatEl: CareChatSchedule): void {
  feedEl.config = feed;
  feedEl.config = '{"hashtag":"bcsm","sources":[]}';
  groupsEl.config = { groups: [{ id: 'a', name: 'Breast cancer support' }] };
  chatEl.config = chats;
  chatEl.theme = 'dark';
  // @ts-expect-error an unknown key on the element's config
  groupsEl.config = { nonsense: 1 };
  // @ts-expect-error the config of another widget
  chatEl.config = feed;
  // @ts-expect-error not a theme
  chatEl.theme = 'purple';
}

// Events are typed on addEventListener.
export function events(el: CareSupportGroups): void {
  el.addEventListener('care-config-error', (e) => e.detail.issues.map((i) => `${i.path}: ${i.message}`));
  el.addEventListener('care-source-error', (e) => e.detail.source);
}
