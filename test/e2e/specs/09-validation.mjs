// Validation compiled at build time (issue 13): a page checks a valid config with the compiled validator and
// never fetches zod; a bad config (or one with an item to skip) makes the widget fetch zod and its schema from
// beside its own script, under a strict CSP, and explain it as before; the classic script fetches nothing.
import { describe, test, assert, assertClean, CDN_DIST, waitEvent, waitText, shadowText } from '../lib/harness.mjs';
import { WIDGETS, element, expectRendered } from '../lib/widgets.mjs';

const CDN = {
  feed: CDN_DIST + 'care-hashtag-feed.js',
  groups: CDN_DIST + 'care-support-groups.js',
  chat: CDN_DIST + 'care-chat-schedule.js',
  iife: CDN_DIST + 'carecircle.iife.js',
};
const chunks = (t) => t.requests.map((r) => new URL(r.url).pathname).filter((p) => p.includes('/chunks/'));
const escape = (s) => s.replace(/[.@]/g, '\\$&');

describe('validation', () => {
  test('valid configs are checked without zod: no chunk is fetched (strict CSP, CDN-like folder)', async (t) => {
    const page = await t.page();
    await t.open(
      page,
      {
        modules: [CDN.feed, CDN.groups, CDN.chat],
        body: Object.keys(WIDGETS)
          .map((k) => element(k))
          .join(''),
      },
      { csp: true },
    );
    for (const key of Object.keys(WIDGETS)) await expectRendered(page, key);
    // The finder fetches its search code after its first page, whatever the config, and a feed that refreshes its later
    // code: not validation chunks.
    assert.deepEqual(
      chunks(t).filter((p) => !/\/(care-support-groups-search|care-hashtag-feed-later)-[\w-]+\.js$/.test(p)),
      [],
      'no chunk for a valid config',
    );
    await assertClean(page);
  });

  test('a bad config fetches zod and the schema from beside the bundle and shows every problem by its path (strict CSP)', async (t) => {
    const page = await t.page();
    const config = { ...WIDGETS.chat.config(), show: 0, layuot: 'list' };
    await t.open(page, { modules: [CDN.chat], body: element('chat', { config }) }, { csp: true });
    const err = await waitEvent(page, 'care-config-error', 'chat');
    assert.equal(err.detail.recovered, false);
    assert.deepEqual(
      err.detail.issues.map((i) => i.path),
      ['show', 'layuot'],
      JSON.stringify(err.detail.issues),
    );
    assert.match(err.detail.issues[1].message, /Unknown setting "layuot"\. Did you mean "layout"\?/);
    await waitText(page, '#chat', 'layuot');
    assert.ok((await shadowText(page, '#chat')).includes('Details for the website editor'), 'the editor panel is there');
    const fetched = chunks(t);
    assert.ok(fetched.length >= 1, 'the explaining chunks were fetched');
    for (const p of fetched) assert.match(p, new RegExp(`^${escape(CDN_DIST)}chunks/care-chat-schedule-[\\w.-]+\\.js$`));
    await assertClean(page, { allowConsole: [/config problems/] });
  });

  test('a bad group among good ones is skipped, named, and reported with recovered: true', async (t) => {
    const page = await t.page();
    const config = WIDGETS.groups.config();
    config.groups[1] = { ...config.groups[1], audiences: ['nurse'] };
    await t.open(page, { modules: [CDN.groups], body: element('groups', { config }) }, { csp: true });
    const err = await waitEvent(page, 'care-config-error', 'groups');
    assert.equal(err.detail.recovered, true);
    assert.equal(err.detail.issues[0].path, 'groups.1.audiences.0');
    assert.equal(err.detail.issues[0].item.id, config.groups[1].id);
    await expectRendered(page, 'groups', { texts: [config.groups[0].name] });
    assert.ok(!(await shadowText(page, '#groups')).includes(config.groups[1].name), 'the bad group is not listed');
    assert.ok(chunks(t).length >= 1, 'zod was fetched to explain the skipped group');
    await assertClean(page, { allowConsole: [/skipped invalid items/] });
  });

  test('the classic script explains a bad config without fetching anything', async (t) => {
    const page = await t.page();
    await t.open(page, { scripts: [CDN.iife], body: element('chat', { config: { ...WIDGETS.chat.config(), show: 0 } }) }, { csp: true });
    const err = await waitEvent(page, 'care-config-error', 'chat');
    assert.deepEqual(
      err.detail.issues.map((i) => i.path),
      ['show'],
    );
    assert.deepEqual(chunks(t), []);
    await assertClean(page, { allowConsole: [/config problems/] });
  });
});
