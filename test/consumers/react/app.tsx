// A React 19 + TypeScript app as a web team writes it, checked against the shipped declarations
// (dist/types, dist/frameworks/react.d.ts) through the package's own exports: `npm test` compiles it with
// test/consumers/tsconfig.json. Each `@ts-expect-error` line must be an error.
import 'carecircle/define';
import type {} from 'carecircle/react';
import type { ChatScheduleConfig, SupportGroupsConfig } from 'carecircle';

const groups: SupportGroupsConfig = { groups: [{ id: 'bcn', name: 'Breast cancer network', audiences: ['patient', 'carer'] }] };
const chats: ChatScheduleConfig = {
  chats: [{ id: 'bcsm', title: '#bcsm', timeZone: 'America/New_York', start: '2026-01-05T21:00', rrule: 'FREQ=WEEKLY;BYDAY=MO' }],
};

export function Page({ onReady }: { onReady: () => void }) {
  return (
    <>
      <care-support-groups config={groups} theme="dark" heading-level={3} oncare-ready={onReady} />
      <care-chat-schedule
        config={chats}
        theme="auto"
        time-zone="Australia/Sydney"
        oncare-config-error={(e) => console.error(e.detail.issues.map((i) => `${i.path}: ${i.message}`))}
      />
      <care-hashtag-feed src="/feeds/bcsm.json" theme="light">
        <a href="https://mastodon.social/tags/bcsm">#bcsm on Mastodon</a>
      </care-hashtag-feed>
    </>
  );
}

export const wrongTheme = (
  // @ts-expect-error "purple" is not a theme
  <care-support-groups theme="purple" />
);

export const unknownKey = (
  // @ts-expect-error `nonsense` is not a chat-schedule setting
  <care-chat-schedule config={{ chats: [], nonsense: 1 }} />
);

export const wrongWidgetConfig = (
  // @ts-expect-error a support-groups config on the feed
  <care-hashtag-feed config={groups} />
);

export const unknownTag = (
  // @ts-expect-error no such element
  <care-support-group />
);
