// The script included twice, several instances on one page, config changed at run time, elements
// removed and re-added: each tag is defined once, nothing throws, and no timer or listener leaks.
import { describe, test, assert, DIST, json, probe, shadowText, setConfig, waitEvent, waitText, events } from '../lib/harness.mjs';
import { WIDGETS, element, expectRendered } from '../lib/widgets.mjs';
import { statuses, posts, groups, group, chat, chatConfig, feedConfig, MASTODON } from '../lib/data.mjs';

const TAGS = Object.values(WIDGETS).map((w) => w.tag);
const all = () =>
  Object.keys(WIDGETS)
    .map((k) => element(k))
    .join('\n');

async function assertNoErrors(page, { allow = null } = {}) {
  const p = await probe(page);
  assert.deepEqual(p.errors, [], 'uncaught errors');
  assert.deepEqual(page.t.pageErrors, [], 'page errors');
  assert.deepEqual(p.rejections, [], 'unhandled rejections');
  // Images the suite blocks (avatars on mocked hosts) log "Failed to load resource": not the widget's error.
  const errors = page.t.console.filter(
    (m) => m.type === 'error' && !/^Failed to load resource/.test(m.text) && !(allow && allow.test(m.text)),
  );
  assert.deepEqual(
    errors.map((m) => m.text),
    [],
    'console errors',
  );
  return p;
}

describe('lifecycle', () => {
  test('every bundle on one page (ES all-in-one, ES single-widget, IIFE): each tag defined once, all render', async (t) => {
    const page = await t.page();
    await t.open(page, {
      modules: [DIST.all, DIST.feed, DIST.groups, DIST.chat, DIST.all],
      body: all() + `<script src="${DIST.iife}"></script>`,
    });
    for (const key of Object.keys(WIDGETS)) await expectRendered(page, key);
    const p = await assertNoErrors(page);
    for (const tag of TAGS) assert.equal(p.defines[tag], 1, `${tag} defined ${p.defines[tag]} times`);
  });

  test('the classic IIFE script in <head> (elements upgrade while the parser is still adding their config)', async (t) => {
    const page = await t.page();
    await t.open(page, { scripts: [DIST.iife], body: all() });
    for (const key of Object.keys(WIDGETS)) await expectRendered(page, key);
    const p = await assertNoErrors(page);
    assert.deepEqual(
      p.events.filter((e) => e.type === 'care-config-error').map((e) => `${e.id}: ${e.detail.issues[0]?.message}`),
      [],
      'spurious config errors before the inline config was parsed',
    );
  });

  test('a second copy loaded after the widgets rendered changes nothing', async (t) => {
    const page = await t.page();
    await t.open(page, { modules: [DIST.feed], body: all() });
    await expectRendered(page, 'feed');
    await page.addScriptTag({ url: DIST.iife });
    await page.addScriptTag({ url: DIST.all, type: 'module' });
    await page.addScriptTag({ url: DIST.feed + '?copy=2', type: 'module' });
    await expectRendered(page, 'groups');
    await expectRendered(page, 'chat');
    const p = await assertNoErrors(page);
    for (const tag of TAGS) assert.equal(p.defines[tag], 1, `${tag} defined ${p.defines[tag]} times`);
    assert.equal((await events(page, 'care-ready', 'feed')).length, 1, 'the feed did not restart');
  });

  test('several instances of each widget on one page keep their own state', async (t) => {
    const page = await t.page();
    const body = [
      element('feed', { id: 'f1', config: feedConfig({ sources: [{ type: 'posts', posts: posts(2, 100) }] }) }),
      element('feed', { id: 'f2', config: feedConfig({ sources: [{ type: 'posts', posts: posts(2, 200) }] }) }),
      element('feed', { id: 'f3', config: feedConfig({ sources: [{ type: 'posts', posts: posts(2, 300) }] }) }),
      element('groups', { id: 'g1', config: { groups: groups(3), urlPrefix: 'a-' } }),
      element('groups', { id: 'g2', config: { groups: groups(3, 10), urlPrefix: 'b-' } }),
      element('chat', { id: 'c1', config: { chats: [chat(1, { title: 'First schedule chat' })] } }),
      element('chat', { id: 'c2', config: { chats: [chat(2, { title: 'Second schedule chat' })] } }),
    ].join('\n');
    await t.open(page, { modules: [DIST.all], body });
    await expectRendered(page, 'feed', { id: 'f1', texts: ['Nurse 100'] });
    await expectRendered(page, 'feed', { id: 'f2', texts: ['Nurse 200'] });
    await expectRendered(page, 'feed', { id: 'f3', texts: ['Nurse 300'] });
    await expectRendered(page, 'groups', { id: 'g1', texts: [group(0).name] });
    await expectRendered(page, 'groups', { id: 'g2', texts: [group(10).name] });
    await expectRendered(page, 'chat', { id: 'c1', texts: ['First schedule chat'] });
    await expectRendered(page, 'chat', { id: 'c2', texts: ['Second schedule chat'] });
    assert.ok(!(await shadowText(page, '#f2')).includes('Nurse 100'), 'instances do not share posts');
    // Searching in one finder leaves the other alone (after its polite count announcement, made 0.7 s late on purpose).
    await page.waitForTimeout(900);
    const before = await shadowText(page, '#g2');
    await page.locator('#g1 input[type="search"]').fill('zzzzqqq', { timeout: 3000 });
    await page.waitForFunction((name) => !__e2e.text(document.querySelector('#g1')).includes(name), group(0).name, { timeout: 5000 });
    await page.waitForTimeout(900);
    assert.equal(await shadowText(page, '#g2'), before, 'the second finder is unchanged');
    await assertNoErrors(page);
  });

  test('config changed at run time: new content replaces old; a bad config shows errors and a good one recovers', async (t) => {
    const page = await t.page();
    await t.open(page, { modules: [DIST.all], body: all() });
    for (const key of Object.keys(WIDGETS)) await expectRendered(page, key);

    await setConfig(page, '#feed', feedConfig({ sources: [{ type: 'posts', posts: posts(2, 500) }] }));
    await setConfig(page, '#groups', { groups: [group(42, { name: 'Replaced group at run time' })] });
    await setConfig(page, '#chat', chatConfig({ chats: [chat(9, { title: 'Replaced chat at run time' })] }));
    await waitText(page, '#feed', 'Nurse 500');
    await waitText(page, '#groups', 'Replaced group at run time');
    await waitText(page, '#chat', 'Replaced chat at run time');
    const feed = await shadowText(page, '#feed');
    assert.ok(feed.includes('Nurse 500') && !feed.includes('Nurse 0 '), `feed updated: ${feed.slice(0, 200)}`);
    const groupsText = await shadowText(page, '#groups');
    assert.ok(groupsText.includes('Replaced group at run time') && !groupsText.includes(group(0).name), 'groups updated');
    const chatText = await shadowText(page, '#chat');
    assert.ok(chatText.includes('Replaced chat at run time') && !chatText.includes('#bcsm weekly chat'), 'chat updated');

    // An invalid config: an error naming the path, the fallback kept; then a valid one brings content back.
    // (A broken chat alone is skipped; `show: 0` breaks the config itself.)
    await setConfig(page, '#chat', { chats: [{ id: 'x', title: 'Broken', timeZone: 'Mars/Olympus', start: 'soon' }], show: 0 });
    const err = await waitEvent(page, 'care-config-error', 'chat');
    assert.equal(err.detail.recovered, false);
    assert.ok(
      err.detail.issues.some((i) => /chats\.0\.(timeZone|start)/.test(i.path)),
      `issues name the path: ${JSON.stringify(err.detail.issues)}`,
    );
    assert.ok(
      err.detail.issues.some((i) => i.path === 'show'),
      `issues name show: ${JSON.stringify(err.detail.issues)}`,
    );
    assert.match(await shadowText(page, '#chat'), /timeZone|start/);
    await setConfig(page, '#chat', chatConfig());
    await waitText(page, '#chat', '#bcsm weekly chat');

    // A string config (what an attribute-minded framework passes) works too.
    await setConfig(page, '#groups', JSON.stringify({ groups: [group(7)] }));
    await waitText(page, '#groups', group(7).name);
    // The invalid config above is logged with console.error by design: only that one is allowed.
    await assertNoErrors(page, { allow: /config problems/i });
  });

  test(
    'removed and re-added (and moved) repeatedly: no leaked timers or listeners, content comes back',
    async (t) => {
      const page = await t.page({ timers: true });
      await page.context().route(`${MASTODON}/api/v1/timelines/tag/**`, (r) => json(r, statuses(3)));
      const feed = {
        hashtag: 'bcsm',
        refreshSeconds: 60,
        sources: [
          { type: 'mastodon', instance: MASTODON },
          { type: 'posts', posts: posts(2) },
        ],
      };
      const body = `<div id="box">${element('feed', { config: feed })}${element('groups')}${element('chat')}</div><div id="other"></div>`;
      await t.open(page, { modules: [DIST.all], body });
      for (const key of Object.keys(WIDGETS)) await expectRendered(page, key, { texts: [] });
      await page.waitForTimeout(200);
      const running = await page.evaluate(() => __e2e.live());

      const cycle = async () => {
        await page.evaluate(() => {
          window.__parked = [...document.querySelectorAll('#box > *, #other > *')];
          for (const el of window.__parked) el.remove();
        });
        await page.waitForTimeout(150);
        const off = await page.evaluate(() => __e2e.live());
        await page.evaluate(() => {
          for (const el of window.__parked) document.querySelector('#box').append(el);
          // A move within one task: disconnected and connected again at once.
          for (const el of window.__parked) document.querySelector('#other').append(el);
        });
        await page.waitForTimeout(400);
        return off;
      };
      for (let i = 0; i < 5; i++) {
        const off = await cycle();
        assert.equal(off.intervals, 0, `intervals still running with no widget on the page (cycle ${i + 1}): ${JSON.stringify(off)}`);
        assert.equal(off.longTimeouts, 0, `timers still pending with no widget on the page (cycle ${i + 1}): ${JSON.stringify(off)}`);
        assert.deepEqual(off.listeners, {}, `window/document listeners left behind (cycle ${i + 1})`);
      }
      const again = await page.evaluate(() => __e2e.live());
      assert.ok(again.intervals <= running.intervals, `intervals grew from ${running.intervals} to ${again.intervals}`);
      assert.ok(again.longTimeouts <= running.longTimeouts, `timers grew from ${running.longTimeouts} to ${again.longTimeouts}`);
      for (const [k, n] of Object.entries(again.listeners))
        assert.ok(n <= (running.listeners[k] ?? 0), `listeners ${k} grew from ${running.listeners[k] ?? 0} to ${n}`);
      for (const key of Object.keys(WIDGETS)) {
        const text = await shadowText(page, `#${key}`);
        assert.ok(text.length > 20, `#${key} shows content after re-adding: "${text.slice(0, 80)}"`);
      }
      await waitText(page, '#feed', 'Member 0');
      await assertNoErrors(page);
    },
    { timeout: 60000 },
  );
});
