// React 19 and Vue 3 host pages (test/e2e/frameworks/*, built with vite by run.mjs and served at /fw/):
// the `config` property is set by the framework, events reach its handlers, a state change re-configures.
import { describe, test, assert, env, probe, shadowText } from '../lib/harness.mjs';
import { group } from '../lib/data.mjs';

for (const framework of ['react', 'vue']) {
  describe('frameworks', () => {
    test(`${framework}: config set as a property, events received, state change re-renders the widgets`, async (t) => {
      const page = await t.page();
      await page.goto(`${env.origin}/fw/${framework}.html`);
      await page
        .waitForFunction(
          // The bad element's error comes once zod has loaded to explain it (a chunk), maybe after the others are ready.
          () =>
            ['feed', 'groups', 'chat'].every((id) => window.__fw?.events.some((e) => e.type === 'care-ready' && e.id === id)) &&
            window.__fw.events.some((e) => e.type === 'care-config-error' && e.id === 'bad'),
          null,
          { timeout: 10000 },
        )
        .catch(async () => {
          throw new Error(
            `care-ready (or the bad element's care-config-error) did not reach the ${framework} handlers: ${JSON.stringify(await page.evaluate(() => window.__fw))}`,
          );
        });
      const fw = await page.evaluate(() => window.__fw);
      assert.equal(fw.framework, framework);
      assert.ok(
        fw.events.some((e) => e.type === 'care-config-error' && e.id === 'bad' && e.detail?.issues?.length),
        'care-config-error (with issues) reached the handler of the bad element',
      );
      // A property, not an attribute: no "[object Object]" anywhere.
      const attrs = await page.evaluate(() => ['feed', 'groups', 'chat'].map((id) => document.getElementById(id).getAttribute('config')));
      assert.deepEqual(attrs, [null, null, null], 'config passed as a property, not serialised into an attribute');
      assert.ok((await shadowText(page, '#feed')).includes('Nurse 2'));
      assert.ok((await shadowText(page, '#groups')).includes(group(2).name));
      assert.ok((await shadowText(page, '#chat')).includes('#bcsm weekly chat'));

      await page.click('#more');
      await page.waitForFunction(() => __e2e.text(document.getElementById('feed')).includes('Nurse 4'), null, { timeout: 5000 });
      await page.waitForFunction((name) => __e2e.text(document.getElementById('groups')).includes(name), group(4).name, { timeout: 5000 });
      const p = await probe(page);
      assert.deepEqual(p.errors, []);
      assert.deepEqual(p.rejections, []);
      assert.deepEqual(t.pageErrors, []);
      assert.deepEqual(p.defines, { 'care-hashtag-feed': 1, 'care-support-groups': 1, 'care-chat-schedule': 1 });
    });
  });
}
