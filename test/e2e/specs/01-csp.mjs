// Strict CSP with Trusted Types, sent as a response header: each widget renders from each bundle that
// carries it, reaches its interactive states, and nothing is reported as a violation.
import { describe, test, env, assertClean, DIST } from '../lib/harness.mjs';
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
          await page.waitForTimeout(200);
        }
        await page.waitForTimeout(200);
        await assertClean(page);
      });
    }
  }

  test('same-origin data (snapshot, HSDS, config src) loads under strict CSP without violations', async (t) => {
    const page = await t.page();
    const snapshot = env.server.add(JSON.stringify({ generatedAt: new Date().toISOString(), posts: posts(2) }), { type: 'application/json', ext: '.json', name: 'snapshot' });
    const hsds = env.server.add(JSON.stringify(hsdsServices(2)), { type: 'application/json', ext: '.json', name: 'hsds' });
    const chatSrc = env.server.add(JSON.stringify(chatConfig()), { type: 'application/json', ext: '.json', name: 'chat-config' });
    const feedSrc = env.server.add(JSON.stringify(feedConfig({ sources: [{ type: 'posts', posts: posts(2, 10) }] })), { type: 'application/json', ext: '.json', name: 'feed-config' });
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

