// `carecircle review`'s arguments and start-up errors: each names what is wrong; usage errors exit 2, the rest 1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { api, CLI, cookieOf, pipelineFolder, record, startReview } from './helpers.mjs';

const run = (...args) => {
  const r = spawnSync(process.execPath, [CLI, 'review', ...args], { encoding: 'utf8', timeout: 15000 });
  return { code: r.status, out: r.stdout + r.stderr };
};

test('usage errors exit 2 and say what was wrong', () => {
  const port = run('--port', 'eighty');
  assert.equal(port.code, 2);
  assert.match(port.out, /--port: must be a port number from 0 to 65535, got "eighty"\./);
  const unknown = run('--prot', '8080');
  assert.equal(unknown.code, 2);
  assert.match(unknown.out, /Unknown option '--prot'/);
  assert.match(unknown.out, /Usage: carecircle review/);
  const help = run('--help');
  assert.equal(help.code, 0);
  assert.match(help.out, /--feed +your page's <care-hashtag-feed> config/);
});

test('a missing config, a bad feed config or a port in use stop it with exit 1 and the reason', async () => {
  const missing = run('--config', '/nowhere/carecircle.pipeline.json');
  assert.equal(missing.code, 1);
  assert.match(missing.out, /\/nowhere\/carecircle\.pipeline\.json: no such file/);

  const dir = await pipelineFolder([record(1)]);
  writeFileSync(join(dir, 'feed.json'), JSON.stringify({ hashtag: 'bcsm', sources: [], roles: { '@a@b.example': 3 } }));
  const feed = run('--config', join(dir, 'carecircle.pipeline.json'), '--feed', join(dir, 'feed.json'));
  assert.equal(feed.code, 1);
  assert.match(feed.out, /--feed .*feed\.json \(<care-hashtag-feed>\): \d+ problem/);
  assert.match(feed.out, /^ {2}sources: /m);
  assert.match(feed.out, /^ {2}roles\.@a@b\.example: /m);

  const desk = await startReview(dir);
  try {
    const taken = run('--config', join(dir, 'carecircle.pipeline.json'), '--port', String(desk.port));
    assert.equal(taken.code, 1);
    assert.match(taken.out, new RegExp(`Port ${desk.port} is in use: choose another with --port, or leave it out for a free one\\.`));
  } finally {
    await desk.stop();
  }
});

test('--mirror-media: "Publish now" mirrors pictures as carecircle publish --mirror-media does (not the remote addresses)', async (t) => {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
  const server = createServer((req, res) => (res.writeHead(200, { 'content-type': 'image/png' }), res.end(png)));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const picture = `http://127.0.0.1:${server.address().port}/photo.png`;
  const dir = await pipelineFolder([record(1, { state: 'approved', post: { media: [{ url: picture, alt: 'A photo', type: 'image' }] } })]);
  const file = join(dir, 'carecircle.pipeline.json');
  writeFileSync(
    file,
    JSON.stringify({
      ...JSON.parse(readFileSync(file, 'utf8')),
      publish: { dir: 'public', recheck: false, url: '/carecircle/', mirrorMedia: { privateNetwork: true } },
    }),
  );
  const desk = await startReview(dir, { extra: ['--mirror-media'] });
  try {
    const r = await api(desk, await cookieOf(desk), '/api/publish', {});
    assert.equal(r.status, 200, r.body);
  } finally {
    await desk.stop();
  }
  const [media] = JSON.parse(readFileSync(join(dir, 'public', 'bcsm.json'), 'utf8')).posts[0].media;
  assert.match(media.url, /^\/carecircle\/media\/[0-9a-f]{32}\.png$/, "served from the site, not from the picture's server");
  assert.ok(existsSync(join(dir, 'public', 'media', media.url.split('/').pop())));
});
