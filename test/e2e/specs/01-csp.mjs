// Strict CSP with Trusted Types, sent as a response header: each widget renders from each bundle that
// carries it, reaches its interactive states, and nothing is reported as a violation.
import { describe, test, env, assert, assertClean, DIST } from '../lib/harness.mjs';
import { WIDGETS, element, expectRendered, clickEverything } from '../lib/widgets.mjs';
import { posts, groups, hsdsServices, chatConfig, feedConfig } from '../lib/data.mjs';

const bundles = {
  single: (key) => ({ modules: [WIDGETS[key].dist] }),
  'all-in-one': () => ({ modules: [DIST.all] }),
  iife: () => ({ scripts: [DIST.iife] }),
};

describe('csp', () => {
  for (const key of Object.keys(WIDGETS)) {
    for (const [bundle, spec] of Object.entries(bundles)) {
      test(`${key} renders under strict CSP + Trusted Types (${bundle} bundle) and stays clean when used`, async (t) => {
        const page = await t.page();
        await t.open(page, { ...spec(key), body: element(key) }, { csp: true });
        await expectRendered(page, key);
        await clickEverything(page, `#${key}`);
        if (key === 'groups') {
          const search = page.locator('#groups input[type="search"]');
          await search.fill('brest', { timeout: 3000 });
          // The search is done when the widget has written it into the address (its own prefixed parameter).
          await page.waitForFunction(() => /q=brest/.test(location.search), null, { timeout: 5000 });
        }
        await assertClean(page);
      });
    }
  }

  test('groups with jsonLd: true write their JSON-LD under Trusted Types without a violation', async (t) => {
    const page = await t.page();
    await t.open(page, { modules: [DIST.groups], body: element('groups', { config: { groups: groups(3), jsonLd: true } }) }, { csp: true });
    await expectRendered(page, 'groups', { texts: [] });
    await page.waitForFunction(() => document.querySelector('script[type="application/ld+json"]'), null, { timeout: 5000 }).catch(() => {});
    const ld = await page.evaluate(() => [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent));
    const seen = JSON.stringify(await page.evaluate(() => __e2e.violations));
    assert.equal(ld.length, 1, 'one JSON-LD block in the page');
    assert.match(ld[0], /Breast|group/i, `the JSON-LD block has the groups (violations: ${seen})`);
    JSON.parse(ld[0]);
    await assertClean(page);
  });

  test('chat .ics downloads and calendar links work under strict CSP', async (t) => {
    const page = await t.page();
    await t.open(page, { modules: [DIST.chat], body: element('chat') }, { csp: true });
    await expectRendered(page, 'chat');
    await clickEverything(page, '#chat'); // opens the "Add to calendar" menus
    const links = page.locator('#chat a[download]').filter({ visible: true });
    assert.ok((await links.count()) >= 2, 'per-chat and subscribe-all .ics links');
    for (const i of [0, (await links.count()) - 1]) {
      page.once('download', () => {});
      const seen = () => page.evaluate(() => JSON.stringify(__e2e.violations));
      const [download] = await Promise.all([
        page
          .waitForEvent('download', { timeout: 5000 })
          .catch(async () => assert.fail(`no download from .ics link ${i} (violations: ${await seen()})`)),
        links.nth(i).click(),
      ]);
      const { readFile } = await import('node:fs/promises');
      assert.match(await readFile(await download.path(), 'utf8'), /^BEGIN:VCALENDAR\r\n/);
    }
    await assertClean(page);
  });

  test('feed consent gate, content warnings and "Load more" under strict CSP', async (t) => {
    const page = await t.page();
    const snapshot = env.server.add(
      JSON.stringify({
        generatedAt: new Date().toISOString(),
        posts: posts(6, 30).map((p, i) => (i % 2 ? { ...p, sensitive: true, contentWarning: 'Medical detail' } : p)),
      }),
      { type: 'application/json', ext: '.json', name: 'snapshot' },
    );
    await t.open(
      page,
      {
        modules: [DIST.feed],
        body: element('feed', {
          config: { hashtag: 'bcsm', limit: 2, consent: 'required', sources: [{ type: 'snapshot', url: snapshot }] },
        }),
      },
      { csp: true },
    );
    await page.waitForFunction(() => document.querySelector('#feed')?.shadowRoot?.querySelector('button'), null, { timeout: 5000 });
    await clickEverything(page, '#feed', { max: 1 });
    await expectRendered(page, 'feed', { texts: ['Nurse 30'] });
    await clickEverything(page, '#feed', { max: 30 });
    await assertClean(page);
  });

  test('same-origin data (snapshot, HSDS, config src) loads under strict CSP without violations', async (t) => {
    const page = await t.page();
    const snapshot = env.server.add(JSON.stringify({ generatedAt: new Date().toISOString(), posts: posts(2) }), {
      type: 'application/json',
      ext: '.json',
      name: 'snapshot',
    });
    const hsds = env.server.add(JSON.stringify(hsdsServices(2)), { type: 'application/json', ext: '.json', name: 'hsds' });
    const chatSrc = env.server.add(JSON.stringify(chatConfig()), { type: 'application/json', ext: '.json', name: 'chat-config' });
    const feedSrc = env.server.add(JSON.stringify(feedConfig({ sources: [{ type: 'posts', posts: posts(2, 10) }] })), {
      type: 'application/json',
      ext: '.json',
      name: 'feed-config',
    });
    const body = [
      element('feed', { id: 'snap', config: feedConfig({ sources: [{ type: 'snapshot', url: snapshot }] }) }),
      element('groups', { id: 'hsds', config: { groups: groups(1), hsds: { url: hsds, timeZone: 'Europe/London' } } }),
      element('chat', { id: 'chatsrc', config: null, attrs: `src="${chatSrc}"` }),
      element('feed', { id: 'feedsrc', config: null, attrs: `src="${feedSrc}"` }),
    ].join('\n');
    await t.open(page, { modules: [DIST.all], body }, { csp: true });
    await expectRendered(page, 'feed', { id: 'snap', texts: ['Nurse 0', 'Nurse 1'] });
    await expectRendered(page, 'groups', { id: 'hsds', texts: ['HSDS counselling service 0'] });
    await expectRendered(page, 'chat', { id: 'chatsrc' });
    await expectRendered(page, 'feed', { id: 'feedsrc', texts: ['Nurse 10'] });
    await assertClean(page);
  });
});
