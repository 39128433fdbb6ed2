// Vue 3 + TypeScript: the shipped dist/frameworks/vue.d.ts adds the tags to Vue's GlobalComponents (what
// vue-tsc checks templates against). Each `@ts-expect-error` line must be an error.
import type {} from 'carecircle/vue';
import type { GlobalComponents } from 'vue';
import type { ChatScheduleConfig } from 'carecircle';

type Props<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];

const chats: ChatScheduleConfig = { chats: [{ id: 'a', title: 'A', timeZone: 'UTC', start: '2026-01-05T21:00' }] };
export const schedule: Props<'care-chat-schedule'> = { config: chats, theme: 'dark', timeZone: 'Europe/London' };
export const groups: Props<'care-support-groups'> = { src: '/groups.json', theme: 'auto' };

// @ts-expect-error "purple" is not a theme
export const wrongTheme: Props<'care-hashtag-feed'> = { theme: 'purple' };
// @ts-expect-error `nonsense` is not a chat-schedule setting
export const unknownKey: Props<'care-chat-schedule'> = { config: { chats: [], nonsense: 1 } };
