// The one test command (`npm test`): type check, build (with size budgets), node tests of the package, its
// consumer types and CLI (test/node/), component tests in Chromium
// through web-test-runner (every time zone group), then the end-to-end suite against the built files.
// Ends with the plain line `N passed, N failed` over both suites. Exits non-zero if anything failed.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser } from './find-browser.mjs';

function run(cmd, args, { capture = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', env: process.env });
    let out = '';
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

const lastCounts = (text, prefix = '') => {
  const matches = [...text.matchAll(new RegExp(`${prefix}(\\d+) passed, (\\d+) failed`, 'g'))];
  const m = matches.at(-1);
  return m ? { passed: Number(m[1]), failed: Number(m[2]) } : undefined;
};

const step = (name) => console.log(`\n▶ ${name}`);
process.env.CHROME_PATH ??= findBrowser();

step('Type check (tsc --noEmit)');
if ((await run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'])).code) {
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}

step('Build dist/ and check size budgets');
if ((await run('node', ['scripts/build.mjs'])).code) {
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}

step('Package, consumer types and CLI (node --test test/node/, against the built dist/)');
const node = await run('node', ['--test', '--test-reporter=tap', 'test/node/'], { capture: true });
const nodeCounts = {
  passed: Number(node.out.match(/^# pass (\d+)$/m)?.[1] ?? 0),
  failed: Number(node.out.match(/^# fail (\d+)$/m)?.[1] ?? 1),
};
if (node.code && !nodeCounts.failed) nodeCounts.failed = 1;

step('Component tests (web-test-runner, Chromium)');
const unit = await run('npx', ['wtr', '--config', 'web-test-runner.config.mjs', '--static-logging'], { capture: true });
const unitCounts = lastCounts(unit.out, 'component: ') ?? { passed: 0, failed: 1 };
if (unit.code && !unitCounts.failed) unitCounts.failed = 1;

let e2eCounts = { passed: 0, failed: 0 };
let e2eCode = 0;
if (existsSync('test/e2e/run.mjs')) {
  step('End-to-end tests (playwright-core, built dist/)');
  const e2e = await run('node', ['test/e2e/run.mjs'], { capture: true });
  e2eCode = e2e.code;
  e2eCounts = lastCounts(e2e.out, 'e2e: ') ?? { passed: 0, failed: 1 };
  if (e2e.code && !e2eCounts.failed) e2eCounts.failed = 1;
}

const passed = nodeCounts.passed + unitCounts.passed + e2eCounts.passed;
const failed = nodeCounts.failed + unitCounts.failed + e2eCounts.failed;
console.log(
  `\nnode: ${nodeCounts.passed} passed, ${nodeCounts.failed} failed · component: ${unitCounts.passed} passed, ${unitCounts.failed} failed · e2e: ${e2eCounts.passed} passed, ${e2eCounts.failed} failed`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || node.code || unit.code || e2eCode ? 1 : 0);
