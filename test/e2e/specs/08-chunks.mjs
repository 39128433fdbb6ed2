// Features loaded when used (issue 13): an ES bundle fetches its chunks from beside itself, wherever it is served
// from (here a CDN-like folder path, under a strict CSP), only when the feature is used; the classic script never
// fetches any; a page that uses none of them fetches none; a chunk that cannot load leaves the widget working.
import { describe, test, assert, assertClean, env, waitText, CDN_DIST, DIST, json } from '../lib/harness.mjs';
import { WIDGETS, clickEverything, element, expectRendered } from '../lib/widgets.mjs';
import { statuses, MASTODON } from '../lib/data.mjs';
import { pageHtml, STRICT_CSP } from '../lib/server.mjs';

const CDN = {
  chat: CDN_DIST + 'care-chat-schedule.js',
  feed: CDN_DIST + 'care-hashtag-feed.js',
  all: CDN_DIST + 'carecircle.js',
  iife: CDN_DIST + 'carecircle.iife.js',
};

/** The paths of the chunks a test's pages asked for. */
const chunks = (t) => t.requests.map((r) => new URL(r.url).pathname).filter((p) => p.includes('/chunks/'));
/** Every request for a script (bundles, chunks, locale files), by path. */
const scripts = (t) => t.requests.map((r) => new URL(r.url).pathname).filter((p) => p.endsWith('.js') && !p.startsWith('/__gen/'));

const calendarLinks = (page) =>
  page.waitForFunction(
    () => document.querySelector('#chat').shadowRoot.querySelector('details.calendar[open] a[href^="https://calendar.google.com"]'),
    null,
    {
      timeout: 5000,
    },
  );
const openFirstCalendar = (page) => page.locator('#chat details.calendar summary').first().click();

describe('chunks', () => {
  test('a per-widget bundle from a CDN-like folder, under strict CSP, fetches its calendar chunk from beside itself when a menu opens', async (t) => {
    const page = await t.page();
    await t.open(page, { modules: [CDN.chat], body: element('chat') }, { csp: true });
    await expectRendered(page, 'chat');
    assert.deepEqual(chunks(t), [], 'no chunk before a calendar control is used');
    await openFirstCalendar(page);
    await calendarLinks(page);
    const fetched = chunks(t);
    assert.equal(fetched.length, 1, `one chunk: ${fetched}`);
    assert.match(fetched[0], new RegExp(`^${CDN_DIST.replace(/[.@]/g, '\\$&')}chunks/care-chat-schedule-calendar-[\\w-]+\\.js$`));
    assert.ok(
      scripts(t).every((p) => p.startsWith(CDN_DIST)),
      `every script from the bundle's own folder: ${scripts(t)}`,
    );
    // The chunk's code works: the .ics file downloads.
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 5000 }),
      page.locator('#chat details.calendar[open] a[download]').first().click(),
    ]);
    const { readFile } = await import('node:fs/promises');
    assert.match(await readFile(await download.path(), 'utf8'), /^BEGIN:VCALENDAR\r\n[\s\S]*BEGIN:VTIMEZONE/);
    await assertClean(page);
  });

  test('"Add all chats" clicked before any calendar chunk has loaded still downloads the file (strict CSP, CDN-like folder)', async (t) => {
    const page = await t.page();
    await t.open(page, { modules: [CDN.chat], body: element('chat') }, { csp: true });
    await expectRendered(page, 'chat');
    // Focus and pointer fetch the chunk ahead of a click: a click by script comes without either.
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 5000 }),
      page.evaluate(() =>
        [...document.querySelector('#chat').shadowRoot.querySelectorAll('a[download]')]
          .find((a) => a.getAttribute('download') === 'chats.ics')
          .click(),
      ),
    ]);
    const { readFile } = await import('node:fs/promises');
    assert.match(await readFile(await download.path(), 'utf8'), /^BEGIN:VCALENDAR\r\n/);
    assert.equal(chunks(t).length, 1);
    await assertClean(page);
  });

  test('under a nonce-based CSP (no host or self source for scripts), the chunk a nonced bundle imports may run', async (t) => {
    const page = await t.page();
    const nonce = 'c2VjcmV0LW5vbmNl';
    const csp = `default-src 'self'; script-src 'nonce-${nonce}'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'`;
    const html = pageHtml({ body: element('chat') }).replace(
      '</head>',
      `<script type="module" nonce="${nonce}" src="${CDN.chat}"></script>\n</head>`,
    );
    await page.goto(env.server.add(html, { headers: { 'content-security-policy': csp } }));
    page.csp = true;
    await expectRendered(page, 'chat');
    await openFirstCalendar(page);
    await calendarLinks(page);
    assert.equal(chunks(t).length, 1);
    await assertClean(page);
  });

  test('the classic script (IIFE) from the same folder fetches no chunk: the calendar code is inside it', async (t) => {
    const page = await t.page();
    await t.open(page, { scripts: [CDN.iife], body: element('chat') }, { csp: true });
    await expectRendered(page, 'chat');
    await openFirstCalendar(page);
    await calendarLinks(page);
    assert.deepEqual(chunks(t), []);
    assert.deepEqual(scripts(t), [CDN.iife]);
    await assertClean(page);
  });

  for (const [name, bundle] of [
    ['care-hashtag-feed.js', CDN.feed],
    ['carecircle.js', CDN.all],
  ]) {
    test(`an English feed with only a Mastodon source fetches no chunk but its later code, and no locale file (${name})`, async (t) => {
      const page = await t.page();
      await page.context().route(`${MASTODON}/api/v1/timelines/tag/**`, (r) => json(r, statuses(3)));
      // The strict policy, with the Mastodon server allowed to be fetched and its avatars shown.
      const csp = STRICT_CSP.replace(
        "default-src 'self';",
        `default-src 'self'; connect-src 'self' ${MASTODON}; img-src 'self' ${MASTODON};`,
      );
      const config = { hashtag: 'bcsm', sources: [{ type: 'mastodon', instance: MASTODON }] };
      await t.open(page, { modules: [bundle], body: element('feed', { config }) }, { headers: { 'content-security-policy': csp } });
      page.csp = true;
      await expectRendered(page, 'feed', { texts: ['Member 0'] });
      await clickEverything(page, '#feed'); // every control a reader has: content warnings, more posts
      // What its refresh needs (later.ts) may come after the first posts; nothing else.
      const later = new RegExp(`/chunks/${name.replace(/\.js$/, '')}-later-[\\w-]+\\.js$`);
      assert.deepEqual(
        chunks(t).filter((p) => !later.test(p)),
        [],
        'no Bluesky, snapshot, HSDS, JSON-LD or calendar chunk',
      );
      assert.deepEqual(
        scripts(t).filter((p) => !later.test(p)),
        [bundle],
        'the bundle is the only script (and its later code)',
      );
      await assertClean(page);
    });
  }

  test('a calendar chunk that cannot load (404): the menu says so, the schedule and the page keep working', async (t) => {
    const page = await t.page();
    await page
      .context()
      .route(`${env.origin}${DIST.chat.replace(/[^/]+$/, '')}chunks/**`, (r) => r.fulfill({ status: 404, body: 'not found' }));
    await t.open(page, { modules: [DIST.chat], body: element('chat') }, { csp: true });
    await expectRendered(page, 'chat');
    await openFirstCalendar(page);
    await waitText(page, '#chat', 'This information is not available right now.');
    const text = await page.evaluate(() => document.querySelector('#chat').shadowRoot.textContent);
    assert.match(text, /#bcsm weekly chat/);
    assert.doesNotMatch(text, /did not start|internal error/);
    assert.equal(chunks(t).length, 1);
    await assertClean(page);
  });

  test('a config from src: the request goes before the code that reads it has loaded; when that code cannot load (404) the editor is told, and setting src again loads it', async (t) => {
    const page = await t.page();
    const pattern = `${env.origin}${DIST.chat.replace(/[^/]+$/, '')}chunks/care-chat-schedule-read-src-*`;
    await page.context().route(pattern, (r) => r.fulfill({ status: 404, body: 'not found' }));
    const src = env.server.add(JSON.stringify(WIDGETS.chat.config()), { type: 'application/json', ext: '.json', name: 'chat-config' });
    await t.open(page, { modules: [DIST.chat], body: element('chat', { config: null, attrs: `src="${src}"` }) }, { csp: true });
    await waitText(page, '#chat', 'Could not load the config from');
    await waitText(page, '#chat', 'Failed to fetch dynamically imported module');
    const paths = t.requests.map((r) => new URL(r.url).pathname);
    assert.ok(
      paths.indexOf(new URL(src).pathname) < paths.findIndex((p) => p.includes('-read-src-')),
      `the config was asked for first: ${paths}`,
    );
    await page.context().unroute(pattern);
    await page.evaluate((s) => document.querySelector('#chat').setAttribute('src', s + '?again'), src);
    await expectRendered(page, 'chat');
    await assertClean(page);
  });

  test('a calendar chunk that failed once loads when the menu is opened again and the server answers', async (t) => {
    const page = await t.page();
    const pattern = `${env.origin}${DIST.chat.replace(/[^/]+$/, '')}chunks/**`;
    await page.context().route(pattern, (r) => r.fulfill({ status: 404, body: 'not found' }));
    await t.open(page, { modules: [DIST.chat], body: element('chat') }, { csp: true });
    await expectRendered(page, 'chat');
    await openFirstCalendar(page);
    await waitText(page, '#chat', 'This information is not available right now.');
    await page.context().unroute(pattern);
    await openFirstCalendar(page); // closes it
    await openFirstCalendar(page); // opens it again: asks again
    await calendarLinks(page);
    await assertClean(page);
  });
});
