// The pipeline at scale (npm run bench, section "pipeline"; or on its own: node bench/pipeline.mjs): `carecircle
// collect` from 50 Mastodon servers on 127.0.0.1 (test/node/pipeline/mock-servers.mjs, answering in the recorded
// shapes, 40 posts a page) with 1,000 and then 2,000 posts each, then `carecircle publish`. Each command runs
// as its own process (the built dist/cli/carecircle.mjs) so its time and peak memory (max RSS) are its own; the
// doubling shows how each grows with the work. Not a test: it never fails on a number.
//   BENCH_PIPELINE=25x1000,50x1000,50x2000   the workloads (servers × posts each)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startMastodons } from '../test/node/pipeline/mock-servers.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(process.env.E2E_DIST ? resolve(process.env.E2E_DIST) : join(root, 'dist'), 'cli', 'carecircle.mjs');
// Printed by the measured process itself as it exits: its own peak resident memory.
const probe = `data:text/javascript,process.on('exit',()=>process.stderr.write('MAXRSS '+process.resourceUsage().maxRSS+'\\n'))`;

function run(args) {
  return new Promise((done, fail) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', probe, cli, ...args], { env: { ...process.env, CI: '1' } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      const ms = performance.now() - t0;
      if (code !== 0) return fail(new Error(`carecircle ${args[0]} exited ${code}:\n${out.slice(-2000)}`));
      done({ ms, rssMB: Number(out.match(/MAXRSS (\d+)/)?.[1] ?? NaN) / 1024, out });
    });
  });
}

export async function benchPipeline(workloads = (process.env.BENCH_PIPELINE ?? '50x1000,50x2000').split(',')) {
  const rows = [];
  for (const w of workloads) {
    const [servers, posts] = w.split('x').map(Number);
    const many = await startMastodons(servers, { posts });
    const dir = mkdtempSync(join(tmpdir(), 'carecircle-bench-'));
    try {
      const hosts = many.servers.map((s) => s.host);
      writeFileSync(
        join(dir, 'carecircle.pipeline.json'),
        JSON.stringify({
          site: { name: 'Benchmark', url: 'https://hospital.example/contact' },
          hashtag: 'bcsm',
          sources: [{ type: 'mastodon', instances: many.origins }],
          limit: posts,
          // One account per server is trusted, so the snapshot has posts to write (pinned first, newest first).
          rules: { autoApprove: hosts.map((h) => `@user0@${h}`) },
          // The mock posts' addresses are on these servers: no recheck, so publish measures publishing itself.
          publish: { recheck: false, limit: 200 },
        }),
      );
      const config = ['--config', join(dir, 'carecircle.pipeline.json')];
      const collect = await run(['collect', ...config]);
      const collected = Number(collect.out.match(/Collected: (\d+) waiting/)?.[1] ?? NaN);
      const again = await run(['collect', ...config]);
      const publish = await run(['publish', ...config]);
      rows.push({
        workload: `${servers} servers × ${posts} posts`,
        posts: servers * posts,
        requests: many.servers.reduce((n, s) => n + s.requests.length, 0),
        'collect s': Math.round(collect.ms / 100) / 10,
        'collect MB': Math.round(collect.rssMB),
        'collect again (nothing new) s': Math.round(again.ms / 100) / 10,
        'publish s': Math.round(publish.ms / 100) / 10,
        'publish MB': Math.round(publish.rssMB),
        pending: collected,
      });
    } finally {
      await many.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  // Growth when the work doubles: each workload against the one before it with half the posts.
  const growth = [];
  for (const r of rows) {
    const half = rows.find((x) => x.posts * 2 === r.posts);
    if (half)
      growth.push({
        from: half.workload,
        to: r.workload,
        'collect time ×': Math.round((r['collect s'] / half['collect s']) * 100) / 100,
        'collect memory ×': Math.round((r['collect MB'] / half['collect MB']) * 100) / 100,
        'publish time ×': Math.round((r['publish s'] / half['publish s']) * 100) / 100,
        'publish memory ×': Math.round((r['publish MB'] / half['publish MB']) * 100) / 100,
      });
  }
  return { machine: { node: process.version, cpus: cpus().length }, rows, growth };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchPipeline();
  console.log('\npipeline: carecircle collect from Mastodon servers on 127.0.0.1, then publish (each its own process)');
  console.table(result.rows);
  console.table(result.growth);
}
