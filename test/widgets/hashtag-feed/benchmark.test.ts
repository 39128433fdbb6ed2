// A benchmark, not a timed test: renders 40 Mastodon posts (the API's page size) and reports how long
// it took and how big the built bundle is. It asserts only that the posts rendered, never a time.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define/care-hashtag-feed.js';
import type { CareHashtagFeed } from '../../../src/widgets/hashtag-feed/hashtag-feed.js';
import { articles, json, load, mockFetch, realFetch } from './helpers.js';

describe('benchmark', () => {
  it('renders 40 posts and reports time and bundle size', async () => {
    const [status] = await load<Record<string, any>[]>('/test/fixtures/mastodon/mastodon_tag_timeline.json');
    const statuses = Array.from({ length: 40 }, (_, i) => ({
      ...status,
      id: String(1000 + i),
      url: `https://mastodon.example/@member${i}/${1000 + i}`,
      created_at: new Date(Date.now() - i * 600000).toISOString(),
      language: 'en',
      content: `<p>Post ${i}: day ${i} of radiotherapy, feeling <em>tired</em> but OK. <a href="https://mastodon.example/tags/bcsm" class="mention hashtag" rel="tag">#<span>bcsm</span></a> <span class="h-card"><a href="https://mastodon.example/@nurse" class="u-url mention">@<span>nurse</span></a></span></p><p>Line two<br>line three</p>`,
      account: { ...status!.account, acct: `member${i}`, display_name: `Member ${i}`, url: `https://mastodon.example/@member${i}`, avatar_static: `https://mastodon.example/avatars/${i}.png` },
      media_attachments: i % 4 ? [] : [{ type: 'image', url: `https://mastodon.example/m/${i}.jpg`, preview_url: `https://mastodon.example/m/${i}s.jpg`, description: `Photo ${i}` }],
    }));
    const mock = mockFetch(() => json(statuses));
    try {
      const runs: number[] = [];
      for (let run = 0; run < 5; run++) {
        const start = performance.now();
        const el = await fixture<CareHashtagFeed>(html`<care-hashtag-feed .config=${{ hashtag: 'bcsm', limit: 40, sources: [{ type: 'mastodon', instance: 'https://mastodon.example' }] }}></care-hashtag-feed>`);
        await waitUntil(() => articles(el).length === 40, 'posts did not render', { interval: 1 });
        runs.push(performance.now() - start);
      }
      runs.sort((a, b) => a - b);
      // The test server transforms JS it serves, so the size comes from the build's own report.
      const sizes = await realFetch('/dist/sizes.json').then((r) => (r.ok ? r.json() : []), () => []);
      const row = (sizes as Record<string, string>[]).find((r) => r.file === 'dist/care-hashtag-feed.js');
      const target = row?.['issue target (KB)'] ?? row?.['budget (KB)'];
      const size = row ? `${row['min+gzip (KB)']} KB min+gzip, issue target ${target} KB${row['limit (KB)'] ? `, limit ${row['limit (KB)']} KB` : ''} (dist/sizes.json)` : 'not built (run node scripts/build.mjs)';
      console.warn(`[benchmark] <care-hashtag-feed> 40 posts: median ${runs[2]!.toFixed(1)} ms, best ${runs[0]!.toFixed(1)} ms of 5 (dev build, mocked API); bundle ${size}`);
      expect(runs).to.have.length(5);
    } finally {
      mock.restore();
    }
  });
});
