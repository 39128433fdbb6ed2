// React 19 host: passes `config` as a property (React 19 sets properties on defined custom elements)
// and listens to CareCircle events with `oncare-*` props. "More" changes the config at run time.
import { useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'carecircle-dist/carecircle.js';
import { chatConfig, feedConfig, groupsConfig, groups, posts } from '../lib/data.mjs';

const log = (window.__fw = { framework: 'react', events: [] });
const on = (type) => (e) => log.events.push({ type, id: e.currentTarget.id, detail: e.detail ?? null });

function App() {
  const [n, setN] = useState(3);
  const feed = useMemo(() => feedConfig({ sources: [{ type: 'posts', posts: posts(n) }] }), [n]);
  const directory = useMemo(() => groupsConfig({ groups: groups(n) }), [n]);
  const schedule = useMemo(() => chatConfig({ show: n }), [n]);
  return (
    <main>
      <button id="more" type="button" onClick={() => setN(n + 2)}>
        More
      </button>
      <care-hashtag-feed
        id="feed"
        config={feed}
        oncare-ready={on('care-ready')}
        oncare-config-error={on('care-config-error')}
        oncare-source-error={on('care-source-error')}
      />
      <care-support-groups id="groups" config={directory} oncare-ready={on('care-ready')} oncare-config-error={on('care-config-error')} />
      <care-chat-schedule id="chat" config={schedule} oncare-ready={on('care-ready')} oncare-config-error={on('care-config-error')} />
      <care-chat-schedule id="bad" config={{ chats: [{ id: 'x' }] }} oncare-config-error={on('care-config-error')} />
    </main>
  );
}

createRoot(document.getElementById('app')).render(<App />);
