// Vue 3 host with render functions (no SFC plugin): `config` is set as a DOM property (the element is
// defined before Vue creates it) and `onCareReady` listens to `care-ready`. "More" changes the config.
import { computed, createApp, h, ref } from 'vue';
import 'carecircle-dist/carecircle.js';
import { chatConfig, feedConfig, groupsConfig, groups, posts } from '../lib/data.mjs';

const log = (window.__fw = { framework: 'vue', events: [] });
const on = (type) => (e) => log.events.push({ type, id: e.currentTarget.id, detail: e.detail ?? null });

createApp({
  setup() {
    const n = ref(3);
    const feed = computed(() => feedConfig({ sources: [{ type: 'posts', posts: posts(n.value) }] }));
    const directory = computed(() => groupsConfig({ groups: groups(n.value) }));
    const schedule = computed(() => chatConfig({ show: n.value }));
    return () =>
      h('main', [
        h('button', { id: 'more', type: 'button', onClick: () => (n.value += 2) }, 'More'),
        h('care-hashtag-feed', {
          id: 'feed',
          config: feed.value,
          onCareReady: on('care-ready'),
          onCareConfigError: on('care-config-error'),
          onCareSourceError: on('care-source-error'),
        }),
        h('care-support-groups', {
          id: 'groups',
          config: directory.value,
          onCareReady: on('care-ready'),
          onCareConfigError: on('care-config-error'),
        }),
        h('care-chat-schedule', {
          id: 'chat',
          config: schedule.value,
          onCareReady: on('care-ready'),
          onCareConfigError: on('care-config-error'),
        }),
        h('care-chat-schedule', { id: 'bad', config: { chats: [{ id: 'x' }] }, onCareConfigError: on('care-config-error') }),
      ]);
  },
}).mount('#app');
