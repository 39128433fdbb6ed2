// The copy-paste snippets of Docs/Embedding (kept in TS: MDX would strip their indentation).

export const supportGroups = `<script type="module" src="/carecircle/care-support-groups.js"></script>

<care-support-groups>
  <script type="application/json">
    {
      "groups": [
        {
          "id": "g-001",
          "name": "Breast Cancer Support Group",
          "organization": "Parramatta River Hospital",
          "cancerTypes": ["breast"],
          "audiences": ["patient", "carer"],
          "formats": ["in-person", "video"],
          "location": { "suburb": "Parramatta", "postcode": "2150", "state": "NSW", "lat": -33.815, "lon": 151.001 },
          "meets": { "start": "2026-01-13T18:00", "timeZone": "Australia/Sydney", "durationMinutes": 90, "rrule": "FREQ=MONTHLY;BYDAY=2TU" },
          "contact": { "phone": "+61 2 9845 0000" }
        }
      ],
      "places": [{ "name": "Parramatta", "postcode": "2150", "lat": -33.815, "lon": 151.001 }],
      "helpLine": { "label": "Cancer Council 13 11 20", "phone": "131120" }
    }
  </script>
  <a href="/cancer-support/groups">See all our support groups</a>
</care-support-groups>`;

export const chatSchedule = `<script type="module" src="/carecircle/care-chat-schedule.js"></script>

<care-chat-schedule>
  <script type="application/json">
    {
      "chats": [
        {
          "id": "bcsm", "title": "#bcsm weekly chat", "hashtag": "bcsm", "platform": "x",
          "url": "https://x.com/hashtag/bcsm",
          "timeZone": "America/New_York", "start": "2026-01-05T21:00", "durationMinutes": 60,
          "rrule": "FREQ=WEEKLY;BYDAY=MO"
        }
      ],
      "show": 6
    }
  </script>
  <a href="/cancer-support/chats">See our community chats</a>
</care-chat-schedule>`;

export const hashtagFeed = `<script type="module" src="/carecircle/care-hashtag-feed.js"></script>

<care-hashtag-feed>
  <script type="application/json">
    {
      "hashtag": "bcsm",
      "sources": [
        { "type": "posts", "posts": [
          { "id": "p1", "url": "https://example.org/posts/1", "createdAt": "2026-11-30T09:00:00Z",
            "author": { "name": "Parramatta River Hospital", "handle": "@prh@example.org", "url": "https://example.org/@prh" },
            "text": "Our breast cancer support group meets on the second Tuesday of every month. #bcsm" }
        ] },
        { "type": "mastodon", "instance": "https://mastodon.social" }
      ],
      "roles": { "@prh@example.org": "Hospital" },
      "consent": "required"
    }
  </script>
  <a href="/cancer-support/stories">Read our patient stories</a>
</care-hashtag-feed>`;

export const srcAttribute = `<script type="module" src="/carecircle/carecircle.js"></script>

<care-support-groups src="/cancer-support/groups.json"></care-support-groups>
<care-chat-schedule src="/cancer-support/chats.json"></care-chat-schedule>
<care-hashtag-feed src="/cancer-support/feed.json"></care-hashtag-feed>`;

export const configProperty = `import 'carecircle/define'; // or <script type="module" src="/carecircle/carecircle.js">

const el = document.querySelector('care-chat-schedule');
el.config = { chats: [/* … */], show: 4 };   // an object, or a JSON string
el.addEventListener('care-config-error', (e) => console.table(e.detail.issues)); // [{ path, message }]
el.addEventListener('care-ready', () => console.log('rendered'));`;

export const classicScript = `<script defer src="/carecircle/carecircle.iife.js"></script>

<care-chat-schedule src="/cancer-support/chats.json">
  <a href="/cancer-support/chats">See our community chats</a>
</care-chat-schedule>`;

export const npmReactVue = `// npm i carecircle
import 'carecircle/define';                 // registers all three tags
import 'carecircle/care-support-groups';    // or just one
import { CareSupportGroups } from 'carecircle'; // classes and types only, registers nothing

// React 19: objects go to the config property, custom events work
<care-support-groups config={groupsConfig} oncare-ready={() => setReady(true)} />

// Vue 3: mark care-* as custom elements, then bind the property
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('care-');
// <care-chat-schedule :config.prop="chatConfig" @care-config-error="onError"></care-chat-schedule>`;

export const theming = `care-hashtag-feed, care-support-groups, care-chat-schedule {
  --care-color-accent: #5b2a99;
  --care-font-family: Georgia, serif;
  --care-radius: 1rem;
}`;
