// The pipeline's output in the page (issue 15): the bundled example (demo/pipeline) collected and published by
// the built `carecircle` CLI, with --mirror-media, then read by <care-hashtag-feed> as a same-origin snapshot
// under the strict CSP: the approved posts show, the held and rejected ones do not, and the page asks no one
// but its own server (the example's pictures cannot be copied offline, so they are left out, never hotlinked).
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, test, assert, env, DIST, assertClean } from '../lib/harness.mjs';
import { element, expectRendered } from '../lib/widgets.mjs';

const run = (cli, args) =>
  new Promise((done, fail) => {
    const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, CI: '1', CARECIRCLE_NOW: '2026-12-03T08:00:00.000Z' } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => (code === 0 ? done(out) : fail(new Error(`carecircle ${args[0]} exited ${code}: ${out}`))));
  });

describe('pipeline', () => {
  test('pipeline: the example collected and published offline renders in the feed from its snapshot, nothing else fetched', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'carecircle-e2e-pipeline-'));
    cpSync(join(env.root, 'demo/pipeline'), join(dir, 'pipeline'), { recursive: true, filter: (p) => !/[/\\](state|public)$/.test(p) });
    cpSync(join(env.root, 'demo/data/chat-schedule'), join(dir, 'data', 'chat-schedule'), { recursive: true });
    const cli = join(process.env.E2E_DIST ? resolve(process.env.E2E_DIST) : join(env.root, 'dist'), 'cli', 'carecircle.mjs');
    const config = ['--config', join(dir, 'pipeline', 'carecircle.pipeline.json')];
    await run(cli, ['collect', ...config]);
    const published = await run(cli, ['publish', '--mirror-media', ...config]);
    assert.match(published, /Published: 5 posts added/);
    const snapshot = readFileSync(join(dir, 'pipeline', 'public', 'bcsm.json'), 'utf8');
    writeFileSync(join(dir, 'served.json'), snapshot);
    const url = env.server.add(snapshot, { type: 'application/json', ext: '.json', name: 'bcsm' });

    const page = await t.page();
    await t.open(
      page,
      { modules: [DIST.feed], body: element('feed', { config: { hashtag: 'bcsm', sources: [{ type: 'snapshot', url }] } }) },
      { csp: true },
    );
    const text = await expectRendered(page, 'feed', {
      texts: ['Helen Murray, breast care nurse', 'Lymphoedema after surgery', 'Northside Breast Care Nurses', 'Dr Ada Okafor'],
    });
    for (const absent of ['apricot kernels', 'Chemo is poison', 'Buy followers', 'Scanxiety is real', 'Tanya M'])
      assert.ok(!text.includes(absent), `"${absent}" is not approved and must not show`);
    assert.equal(await page.locator('#feed article, #feed [part~="post"]').count(), 5);
    assert.deepEqual(
      t.requests.map((r) => new URL(r.url).origin).filter((o) => o !== env.origin),
      [],
      'requests to anyone but the site',
    );
    await assertClean(page);
  });
});
