// A vanilla TypeScript app (Vite): per-widget imports register a tag and type it in HTMLElementTagNameMap.
// Each `@ts-expect-error` line must be an error.
import 'carecircle/care-support-groups';
import 'carecircle/care-chat-schedule';
import type { SupportGroupsConfig } from 'carecircle';

const finder = document.createElement('care-support-groups');
const config: SupportGroupsConfig = { groups: [], urlPrefix: 'groups-' };
finder.config = config;
finder.theme = 'dark';
finder.addEventListener('care-config-error', (e) => e.detail.issues.forEach((i) => console.warn(i.path, i.message)));
document.body.append(finder);

const schedule = document.querySelector('care-chat-schedule');
if (schedule) schedule.config = JSON.stringify({ chats: [] });

// @ts-expect-error "purple" is not a theme
finder.theme = 'purple';
// @ts-expect-error `pageSise` is a typo of `pageSize`
finder.config = { groups: [], pageSise: 10 };
