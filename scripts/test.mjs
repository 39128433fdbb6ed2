// The one test command (`npm test`): type check and format check, build (with size budgets), then on the
// two cores at once: the component tests in Chromium through web-test-runner (every time-zone group and the
// screenshot set) on one side, and the end-to-end suite against the built files followed by the node tests
// of the package, its consumer types and CLI (test/node/) on the other. Ends with the plain line
// `N passed, N failed` over every suite. Exits non-zero if anything failed.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser } from './find-browser.mjs';

/** Runs a command; `quiet` keeps its output until it ends (two suites at once must not interleave). */
function run(cmd, args, { quiet = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let out = '';
    const take = (stream) => (chunk) => {
      out += chunk;
      if (!quiet) stream.write(chunk);
    };
    child.stdout.on('data', take(process.stdout));
    child.stderr.on('data', take(process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

const lastCounts = (text, prefix = '') => {
  const matches = [...text.matchAll(new RegExp(`${prefix}(\\d+) passed, (\\d+) failed`, 'g'))];
  const m = matches.at(-1);
  return m ? { passed: Number(m[1]), failed: Number(m[2]) } : undefined;
};
const counted = (result, counts) => (result.code && !counts.failed ? { ...counts, failed: 1 } : counts);
const step = (name) => console.log(`\n▶ ${name}`);
// Through a pipe (`npm test | tee` in .ci/run) stdout is written asynchronously: exiting at once could drop the
// last lines, the count among them. So the count is written, then the process ends when it has gone out.
const stop = async () => {
  await new Promise((resolve) => process.stdout.write('\n0 passed, 1 failed\n', resolve));
  process.exit(1);
};
process.env.CHROME_PATH ??= findBrowser();
const started = Date.now();

step('Type check (tsc --noEmit)');
if ((await run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'])).code) await stop();

step('Format check (prettier --check; `npm run format` fixes)');
const format = await run('npx', ['prettier', '--check', '--log-level', 'warn', '.']);
const formatCounts = format.code ? { passed: 0, failed: 1 } : { passed: 1, failed: 0 };

step('Build dist/ and check size budgets');
if ((await run('node', ['scripts/build.mjs'])).code) await stop();

step('Component tests (web-test-runner) alongside end-to-end and node tests; each prints when it ends');
const component = run('npx', ['wtr', '--config', 'web-test-runner.config.mjs', '--static-logging'], { quiet: true }).then((r) => {
  step('Component tests (web-test-runner, Chromium)');
  console.log(r.out);
  return r;
});
const others = (async () => {
  let e2e = { code: 0, out: 'e2e: 0 passed, 0 failed' };
  if (existsSync('test/e2e/run.mjs')) {
    e2e = await run('node', ['test/e2e/run.mjs'], { quiet: true });
    step('End-to-end tests (playwright-core, built dist/)');
    console.log(e2e.out);
  }
  // After the end-to-end suite: the consumer test links the package into test/consumers/ while it runs.
  const node = await run('node', ['--test', '--test-reporter=tap', 'test/node/'], { quiet: true });
  step('Package, consumer types and CLI (node --test test/node/, against the built dist/)');
  console.log(node.out);
  return { e2e, node };
})();
const [unit, { e2e, node }] = await Promise.all([component, others]);

const unitCounts = counted(unit, lastCounts(unit.out, 'component: ') ?? { passed: 0, failed: 1 });
const e2eCounts = counted(e2e, lastCounts(e2e.out, 'e2e: ') ?? { passed: 0, failed: 1 });
const nodeCounts = counted(node, {
  passed: Number(node.out.match(/^# pass (\d+)$/m)?.[1] ?? 0),
  failed: Number(node.out.match(/^# fail (\d+)$/m)?.[1] ?? 1),
});

const passed = formatCounts.passed + nodeCounts.passed + unitCounts.passed + e2eCounts.passed;
const failed = formatCounts.failed + nodeCounts.failed + unitCounts.failed + e2eCounts.failed;
const line = (name, c) => `${name}: ${c.passed} passed, ${c.failed} failed`;
console.log(
  `\n${[line('format', formatCounts), line('component', unitCounts), line('e2e', e2eCounts), line('node', nodeCounts)].join(' · ')} · ${Math.round((Date.now() - started) / 1000)} s`,
);
console.log(`${passed} passed, ${failed} failed`);
// Not process.exit(): it may cut off what is still on its way down the pipe; Node ends once it has been written.
process.exitCode = failed ? 1 : 0;
