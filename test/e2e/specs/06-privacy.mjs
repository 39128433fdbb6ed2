// Privacy: no request before a source is configured or consent given, nothing sent to a host the config
// does not name, no cookies (even when a server tries to set one), no referrer, no storage without cache.
import { describe, test, assert, env, DIST, json, setConfig, shadowText } from '../lib/harness.mjs';
import { WIDGETS, element, expectRendered } from '../lib/widgets.mjs';
import { statuses, bskyFeed, post, posts, hsdsServices, MASTODON, BSKY, CDN, FEED_URI } from '../lib/data.mjs';

const external = (t) => t.requests.filter((r) => !r.url.startsWith(env.origin) && !r.url.startsWith('data:') && !r.url.startsWith('blob:'));
const trackingCookie = { 'set-cookie': 'tracker=abc123; Path=/; Max-Age=31536000; SameSite=None; Secure' };

describe('privacy', () => {
  test('elements without a config make no request at all; configuring a source makes exactly that request', async (t) => {
    const page = await t.page();
    await page.context().route(`${MASTODON}/api/v1/timelines/tag/**`, (r) => json(r, statuses(2)));
    const body = `<care-hashtag-feed id="feed"></care-hashtag-feed><care-support-groups id="groups"></care-support-groups><care-chat-schedule id="chat"></care-chat-schedule>`;
    await t.open(page, { modules: [DIST.all], body });
    await page.waitForTimeout(1000);
    assert.deepEqual(
      external(t).map((r) => r.url),
      [],
      'requests before any source was configured',
    );
    await setConfig(page, '#feed', { hashtag: 'bcsm', sources: [{ type: 'mastodon', instance: MASTODON }] });
    await expectRendered(page, 'feed', { texts: ['Member 0'] });
    const urls = external(t).map((r) => new URL(r.url));
    assert.ok(urls.length >= 1, 'the configured source was asked');
    assert.deepEqual([...new Set(urls.map((u) => u.host))], ['mastodon.example'], 'only the configured host (avatars included)');
    assert.equal(urls.filter((u) => u.pathname.startsWith('/api/')).length, 1, 'one API request');
  });

  test('consent: "required" — nothing leaves the page until the reader presses the button', async (t) => {
    const page = await t.page();
    await page.context().route(`${MASTODON}/api/v1/timelines/tag/**`, (r) => json(r, statuses(2)));
    await page.context().route(`${BSKY}/xrpc/**`, (r) => json(r, bskyFeed(2)));
    const config = {
      hashtag: 'bcsm',
      consent: 'required',
      sources: [
        { type: 'mastodon', instance: MASTODON },
        { type: 'bluesky-feed', feed: FEED_URI, service: BSKY },
      ],
    };
    await t.open(page, { modules: [DIST.feed], body: element('feed', { config }) });
    await page.waitForTimeout(1500);
    assert.deepEqual(
      external(t).map((r) => r.url),
      [],
      'third-party requests before consent',
    );
    const button = page.locator('#feed button', { hasText: /mastodon\.example/ });
    assert.equal(await button.count(), 1, 'a "Show posts from mastodon.example…" button');
    assert.match(await button.textContent(), /bsky\.example/, 'the button names every host');
    await button.click();
    await expectRendered(page, 'feed', { texts: ['Member 0', 'Sky Member 0'] });
    const hosts = new Set(external(t).map((r) => new URL(r.url).host));
    assert.ok(hosts.has('mastodon.example') && hosts.has('bsky.example'), 'both sources asked after consent');
  });

  test('consent is per page view: a reload asks again and sends nothing', async (t) => {
    const page = await t.page();
    await page.context().route(`${MASTODON}/api/v1/timelines/tag/**`, (r) => json(r, statuses(2)));
    const config = { hashtag: 'bcsm', consent: 'required', sources: [{ type: 'mastodon', instance: MASTODON }] };
    await t.open(page, { modules: [DIST.feed], body: element('feed', { config }) });
    await page.locator('#feed button', { hasText: /mastodon\.example/ }).click();
    await expectRendered(page, 'feed', { texts: ['Member 0'] });
    t.requests.length = 0;
    await page.reload();
    await page.waitForTimeout(1200);
    assert.deepEqual(
      external(t).map((r) => r.url),
      [],
      'requests after reload without a new consent',
    );
  });

  test('no cookies, no referrer, no credentials, no storage — even when every server tries to set a cookie', async (t) => {
    const page = await t.page();
    const ctx = page.context();
    const withCookie = (r, body) => json(r, body, { headers: trackingCookie });
    await ctx.route(`${MASTODON}/api/v1/timelines/tag/**`, (r) => withCookie(r, statuses(2)));
    await ctx.route(`${BSKY}/xrpc/**`, (r) => withCookie(r, bskyFeed(2)));
    await ctx.route(`${CDN}/feeds/bcsm.json`, (r) => withCookie(r, { generatedAt: new Date().toISOString(), posts: posts(2, 40) }));
    await ctx.route(`${CDN}/hsds/services.json`, (r) => withCookie(r, hsdsServices(1)));
    await ctx.route(`${CDN}/config/chat.json`, (r) => withCookie(r, WIDGETS.chat.config()));
    const feed = {
      hashtag: 'bcsm',
      sources: [
        { type: 'mastodon', instance: MASTODON },
        { type: 'bluesky-feed', feed: FEED_URI, service: BSKY },
        { type: 'snapshot', url: `${CDN}/feeds/bcsm.json` },
      ],
    };
    const body = [
      element('feed', { config: feed }),
      element('groups', { config: { groups: [], hsds: { url: `${CDN}/hsds/services.json`, timeZone: 'Europe/London' } } }),
      element('chat', { config: null, attrs: `src="${CDN}/config/chat.json"` }),
    ].join('\n');
    await t.open(page, { modules: [DIST.all], body });
    await expectRendered(page, 'feed', { texts: ['Member 0', 'Sky Member 0', 'Nurse 40'] });
    await expectRendered(page, 'groups', { texts: ['HSDS counselling service 0'] });
    await expectRendered(page, 'chat');
    // Use the widgets a little: search, filters, downloads.
    await page
      .locator('#groups input[type="search"]')
      .fill('counselling', { timeout: 3000 })
      .catch(() => {});
    await page.waitForTimeout(300);

    assert.deepEqual(await ctx.cookies(), [], 'cookies in the browser context');
    assert.equal(await page.evaluate(() => document.cookie), '', 'document.cookie');
    const api = external(t).filter((r) => /mastodon\.example\/api|bsky\.example\/xrpc|cdn\.example/.test(r.url));
    assert.ok(api.length >= 5, `all five remote sources were asked (${api.length})`);
    for (const r of api) {
      assert.equal(r.headers.cookie, undefined, `a cookie was sent to ${r.url}`);
      assert.equal(r.headers.referer, undefined, `the page address was sent as referrer to ${r.url}`);
      assert.equal(r.headers.authorization, undefined, `credentials were sent to ${r.url}`);
      assert.equal(r.method, 'GET');
    }
    const storage = await page.evaluate(async () => ({
      local: Object.keys(localStorage),
      session: Object.keys(sessionStorage),
      idb: indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [],
      caches: 'caches' in window ? await caches.keys() : [],
    }));
    assert.deepEqual(storage, { local: [], session: [], idb: [], caches: [] }, 'nothing stored without cache: true');
  });

  test('following a feed link (author, time, a link in a post, a video) tells the other site nothing: no Referer', async (t) => {
    const page = await t.page();
    const elsewhere = /^https:\/\/(social|info)\.example\//;
    await page.context().route(elsewhere, (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<title>Elsewhere</title>' }));
    const html = '<p>Read <a href="https://info.example/chemo">this guide</a></p>';
    const list = [post(0, { html, text: undefined, media: [{ url: 'https://info.example/walk.mp4', alt: 'A walk', type: 'video' }] })];
    for (const selector of ['.name', '.when', '.content p a', 'figcaption a']) {
      await t.open(page, {
        modules: [DIST.feed],
        body: element('feed', { config: { hashtag: 'bcsm', sources: [{ type: 'posts', posts: list }] } }),
      });
      await expectRendered(page, 'feed', { texts: ['Nurse 0', 'this guide'] });
      const before = t.requests.length;
      await Promise.all([page.waitForURL(elsewhere), page.locator(`#feed article ${selector}`).click()]);
      const hit = t.requests.slice(before).find((r) => elsewhere.test(r.url));
      assert.ok(hit, `following ${selector} reached the other site`);
      assert.equal(hit.headers.referer, undefined, `following ${selector} sent the page address as Referer to ${hit.url}`);
    }
  });

  test('offline configs (curated posts, inline groups and chats) contact no other server at all', async (t) => {
    const page = await t.page();
    const list = posts(4).map((p) => ({ ...p, author: { ...p.author } }));
    const body = [
      element('feed', { config: { hashtag: 'bcsm', sources: [{ type: 'posts', posts: list }] } }),
      element('groups'),
      element('chat'),
    ].join('\n');
    await t.open(page, { modules: [DIST.all], body });
    for (const key of Object.keys(WIDGETS)) await expectRendered(page, key, { texts: [] });
    await page.waitForTimeout(500);
    assert.deepEqual(
      external(t).map((r) => r.url),
      [],
      'requests to other servers (fonts, analytics, avatars…)',
    );
    assert.deepEqual(t.blocked, []);
    assert.deepEqual(await page.context().cookies(), []);
  });

  test('avatars and media load lazily (not before they scroll into view)', async (t) => {
    const page = await t.page({ viewport: { width: 800, height: 600 } });
    const list = posts(40).map((p, i) => ({
      ...p,
      author: { ...p.author, avatar: `https://img.example/avatar/${i}.png` },
      media: [{ url: `https://img.example/media/${i}.png`, alt: `Picture ${i}`, type: 'image' }],
    }));
    await page
      .context()
      .route('https://img.example/**', (r) =>
        r.fulfill({ status: 200, contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>' }),
      );
    await t.open(page, {
      modules: [DIST.feed],
      body: element('feed', { config: { hashtag: 'bcsm', limit: 40, sources: [{ type: 'posts', posts: list }] } }),
    });
    await expectRendered(page, 'feed', { texts: ['Picture 39'] });
    await page.waitForTimeout(800);
    const loaded = new Set(external(t).map((r) => r.url));
    assert.ok(
      !loaded.has('https://img.example/media/39.png') && !loaded.has('https://img.example/avatar/39.png'),
      `images far below the fold were loaded (${loaded.size} image requests)`,
    );
    await page.locator('#feed article').last().scrollIntoViewIfNeeded();
    await page.waitForTimeout(800);
    assert.ok(new Set(external(t).map((r) => r.url)).has('https://img.example/media/39.png'), 'images load when scrolled into view');
    assert.ok((await shadowText(page, '#feed')).includes('Picture 0'));
  });
});
