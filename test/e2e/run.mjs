// End-to-end suite: the BUILT dist/ files on hostile real pages in Chromium (playwright-core).
//   node test/e2e/run.mjs [filter…]        (run `node scripts/build.mjs` first; `npm test` does)
//   E2E_CONCURRENCY=2  tests run at once (default 2)     E2E_VERBOSE=1  print console output of failures
//   E2E_DIST=dir       serve /dist/ from another directory
// Ends with exactly one line `e2e: N passed, N failed`; exits non-zero when anything failed.
import { chromium } from 'playwright-core';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { findBrowser, chromiumArgs } from '../../scripts/find-browser.mjs';
import { startServer } from './lib/server.mjs';
import { env, tests, T, CDN_DIST } from './lib/harness.mjs';
import { buildFrameworkPages } from './lib/frameworks.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
process.chdir(root);
const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const concurrency = Math.max(1, Number(process.env.E2E_CONCURRENCY ?? 2));
const started = Date.now();

let passed = 0;
let failed = 0;
const failures = [];
let browser;
let server;

try {
  const dist = process.env.E2E_DIST ? resolve(process.env.E2E_DIST) : join(root, 'dist');
  const missing = ['carecircle.js', 'carecircle.iife.js', 'care-hashtag-feed.js', 'care-support-groups.js', 'care-chat-schedule.js'].filter(
    (f) => !existsSync(join(dist, f)),
  );
  if (missing.length) throw new Error(`dist/ is not built (missing ${missing.join(', ')}): run node scripts/build.mjs first`);

  for (const file of readdirSync(join(here, 'specs'))
    .filter((f) => f.endsWith('.mjs'))
    .sort()) {
    await import(pathToFileURL(join(here, 'specs', file)).href);
  }
  const selected = tests.filter((t) => !filters.length || filters.some((f) => t.name.toLowerCase().includes(f.toLowerCase())));

  // E2E_DIST: serve /dist/ from another build (a private copy while others rebuild the shared one).
  const mounts = process.env.E2E_DIST ? { '/dist/': resolve(process.env.E2E_DIST) } : {};
  // The same files at a public npm CDN's kind of address, folders deep (specs/08-chunks.mjs).
  mounts[CDN_DIST] = dist;
  if (selected.some((t) => t.name.startsWith('frameworks'))) {
    const t0 = Date.now();
    mounts['/fw/'] = await buildFrameworkPages(root, dist);
    console.log(`built framework pages with vite in ${Date.now() - t0} ms`);
  }
  server = await startServer(root, mounts);
  browser = await chromium.launch({ executablePath: findBrowser(), args: chromiumArgs, headless: true });
  Object.assign(env, { browser, server, origin: server.origin, root });
  console.log(`e2e: ${selected.length} tests, ${concurrency} at a time, Chromium ${browser.version()} at ${server.origin}`);

  const queue = [...selected];
  const worker = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      const t = new T();
      const t0 = Date.now();
      let timer;
      try {
        await Promise.race([
          item.fn(t),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`timed out after ${item.timeout} ms`)), item.timeout);
          }),
        ]);
        passed++;
        console.log(`  ✔ ${item.name} (${Date.now() - t0} ms)`);
      } catch (error) {
        failed++;
        const message = String(error?.stack || error)
          .split('\n')
          .slice(0, 8)
          .join('\n      ');
        failures.push({ name: item.name, message, t });
        console.log(`  ✖ ${item.name} (${Date.now() - t0} ms)\n      ${message}`);
        if (process.env.E2E_VERBOSE) {
          for (const m of t.console.slice(-15)) console.log(`      [console.${m.type}] ${m.text.slice(0, 300)}`);
        }
      } finally {
        clearTimeout(timer);
        await t.close();
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
} catch (error) {
  failed++;
  console.log(`  ✖ suite setup: ${error?.stack || error}`);
} finally {
  await browser?.close().catch(() => {});
  await server?.close().catch(() => {});
}

if (failures.length) {
  console.log(`\nFailed (${failures.length}):`);
  for (const f of failures) console.log(`  - ${f.name}: ${f.message.split('\n')[0]}`);
}
console.log(`\ne2e took ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
