// What a long task held (npm run trace -- groups|hsds|chat|feed): loads one of the bench's pages in Chromium under
// Chromium's own trace, with the V8 sampling profiler in it, and prints every task of the page's main thread over
// TRACE_MIN ms with the time of each function sampled inside it (inclusive, then self). Long Animation Frames name
// only a task's entry point, and a CPU profile alone has no task boundaries; the trace has both on one clock.
// Not a measurement: the profiler slows the page (each task reads about twice as long as in `npm run bench`), so
// compare what fills a task, and time a change with the bench, old and new builds alternating. Short tasks of
// Playwright's own (InjectedScript, EvaluateScript) are this script waiting for the page.
//   TRACE_CPU=4      CPU slow-down (default 4, the bench's phone profile; 1 for a laptop)
//   TRACE_MIN=40     the shortest task printed, in ms
//   TRACE_TOP=25     functions listed for each task
//   TRACE_DIST=dir   a built dist/ to load (minified names); by default an unminified build of the widget's
//                    source is made with esbuild in a temporary folder, so functions keep their names
import { chromium } from 'playwright-core';
import { build } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBrowser, chromiumArgs } from '../scripts/find-browser.mjs';
import { startServer, pageHtml } from '../test/e2e/lib/server.mjs';
import { hsdsServices } from '../test/e2e/lib/data.mjs';
import { allCareChats, careChatSpec, careFeedRoutes, careFeedSpec, lastPost, longList } from './pages.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const scenario = process.argv[2];
const RATE = Number(process.env.TRACE_CPU ?? 4);
const MIN = Number(process.env.TRACE_MIN ?? 40);
const TOP = Number(process.env.TRACE_TOP ?? 25);

/**
 * The bench's pages (bench/pages.mjs): `spec` is the page, `until` (run in the page, given `arg`) says when the work
 * traced is done, `routes` are the mocked remote APIs. A config set on a loaded page (`set`) is traced from that moment.
 */
const scenarios = {
  // 10,000 groups: the config set on a loaded page, until the search index is built.
  groups: () => ({
    spec: { modules: ['/dist/care-support-groups.js'], body: '<care-support-groups></care-support-groups>' },
    set: longList(),
    until: () => document.querySelector('care-support-groups').indexReady !== false,
  }),
  // An HSDS feed of 2,000 services: the config set on a loaded page, until its groups are shown.
  hsds: (server) => ({
    spec: { modules: ['/dist/care-support-groups.js'], body: '<care-support-groups></care-support-groups>' },
    set: {
      hsds: { url: server.add(JSON.stringify(hsdsServices(2000)), { type: 'application/json', ext: '.json', name: 'hsds' }) },
      pageSize: 20,
    },
    until: () => /2,000 groups/.test(document.querySelector('care-support-groups').shadowRoot.textContent),
  }),
  // 50 chats with calendar controls, from navigation.
  chat: () => ({ spec: careChatSpec, until: allCareChats }),
  // 40 posts from a mocked Mastodon server (and its avatars and photos), from navigation.
  feed: () => ({ spec: careFeedSpec, routes: careFeedRoutes, until: lastPost, arg: 'care-hashtag-feed' }),
};
if (!scenarios[scenario]) {
  console.error(`usage: node bench/trace.mjs ${Object.keys(scenarios).join('|')}   (TRACE_CPU, TRACE_MIN, TRACE_TOP, TRACE_DIST)`);
  process.exit(2);
}

/** An unminified build of one widget's bundle and its chunks, as vite defines them for the module bundles. */
async function unminified(widget, out) {
  await build({
    entryPoints: [join(root, `src/define/${widget}.ts`)],
    outdir: out,
    entryNames: widget,
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    logLevel: 'warning',
    define: {
      'process.env.NODE_ENV': '"production"',
      __CARE_ZOD_ONLY__: 'false',
      // English only: no language file is fetched.
      __CARE_LOCALES__: '[]',
      __CARE_LOCALE_PATH__: '"./locales/"',
      __CARE_LOCALE_SET__: `"${widget}/"`,
    },
  });
}

const KINDS = new Set([
  'ParseHTML',
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'MajorGC',
  'MinorGC',
]);

/** The mark the page makes once its work is done: its process and main thread are the page's. */
const MARK = 'carecircle-trace-done';

/** Every RunTask of the page's main thread over `min` ms, with the profile samples inside it. */
function tasks(events, min) {
  // Every renderer (a spare one, the blank page before navigation) has a profile of its own, with ids of its own.
  const mark = events.find((e) => e.name === MARK);
  if (!mark) throw new Error(`The trace has no "${MARK}" mark (is the blink.user_timing category on?)`);
  const { pid, tid } = mark;
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid);
  if (!profile) throw new Error('The trace has no CPU profile of the page (is the disabled-by-default-v8.cpu_profiler category on?)');
  const nodes = new Map();
  const samples = [];
  let at = profile.args.data.startTime;
  for (const chunk of events.filter((e) => e.name === 'ProfileChunk' && e.pid === pid && e.id === profile.id)) {
    const cpu = chunk.args.data.cpuProfile ?? {};
    for (const n of cpu.nodes ?? []) nodes.set(n.id, n);
    const deltas = chunk.args.data.timeDeltas ?? [];
    (cpu.samples ?? []).forEach((id, i) => samples.push([(at += deltas[i] ?? 0), id]));
  }
  const name = ({ callFrame: f }) =>
    f.url ? `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}` : f.functionName || '(native)';
  // The browser's own work inside a task (the profile has no JavaScript for it: "(program)").
  const work = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && KINDS.has(e.name));
  const start = events.find((e) => e.name === 'TracingStartedInBrowser')?.ts ?? samples[0]?.[0] ?? 0;
  return events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === pid && e.tid === tid && e.dur > min * 1000)
    .map((task) => {
      const inclusive = new Map();
      const self = new Map();
      const inside = samples.filter(([t]) => t >= task.ts && t <= task.ts + task.dur);
      // Each sample stands for an equal share of the task's time.
      const ms = task.dur / 1000 / Math.max(inside.length, 1);
      for (const [, id] of inside) {
        let node = nodes.get(id);
        self.set(name(node), (self.get(name(node)) ?? 0) + ms);
        const seen = new Set();
        for (; node; node = nodes.get(node.parent)) {
          const key = name(node);
          if (!seen.has(key)) (inclusive.set(key, (inclusive.get(key) ?? 0) + ms), seen.add(key));
        }
      }
      const kinds = new Map();
      for (const e of work)
        if (e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur) kinds.set(e.name, (kinds.get(e.name) ?? 0) + e.dur / 1000);
      return { at: (task.ts - start) / 1000, ms: task.dur / 1000, inclusive, self, kinds };
    });
}

const top = (map, n) =>
  [...map]
    .filter(([k]) => !k.startsWith('(root)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, n);

const setup = scenarios[scenario];
let temp, server, browser;
try {
  temp = process.env.TRACE_DIST ? undefined : await mkdtemp(join(tmpdir(), 'carecircle-trace-'));
  server = await startServer(root, { '/dist/': process.env.TRACE_DIST ? resolve(process.env.TRACE_DIST) : temp });
  browser = await chromium.launch({ executablePath: findBrowser(), args: chromiumArgs, headless: true });
  const page0 = setup(server);
  // The widget the page loads: /dist/care-x.js.
  const widget = page0.spec.modules[0].match(/([\w-]+)\.js$/)[1];
  if (temp) await unminified(widget, temp);
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, timezoneId: 'Australia/Sydney', locale: 'en-US' });
  const origin = server.origin;
  await context.route(
    (u) => !u.href.startsWith(origin),
    (route) => route.abort('blockedbyclient'),
  );
  for (const [pattern, handler] of page0.routes ?? []) await context.route(pattern, handler);
  const page = await context.newPage();
  if (RATE != 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: RATE });
  const url = server.add(pageHtml(page0.spec));
  const categories = [
    'devtools.timeline',
    'disabled-by-default-devtools.timeline',
    'disabled-by-default-v8.cpu_profiler',
    'toplevel',
    'v8.execute',
    'blink.user_timing',
  ];
  if (page0.set) {
    await page.goto(url);
    await page.waitForFunction((tag) => customElements.get(tag), widget);
    // Fetched by the page, as the bench does (a config passed as Playwright's argument, or parsed from one, made the
    // first check of 10,000 groups several times slower).
    const config = server.add(JSON.stringify(page0.set), { type: 'application/json', ext: '.json', name: 'config' });
    await page.evaluate(async (url) => void (window.__config = await (await fetch(url)).json()), config);
    await page.waitForTimeout(500);
    await browser.startTracing(page, { categories });
    await page.evaluate((tag) => void (document.querySelector(tag).config = window.__config), widget);
  } else {
    await browser.startTracing(page, { categories });
    await page.goto(url);
  }
  await page.waitForFunction(page0.until, page0.arg, { polling: 20, timeout: 120000 });
  await page.waitForTimeout(300);
  await page.evaluate((mark) => void performance.mark(mark), MARK);
  const trace = JSON.parse((await browser.stopTracing()).toString());
  const long = tasks(trace.traceEvents ?? trace, MIN);
  console.log(`${scenario} at ${RATE}× CPU: ${long.length} tasks over ${MIN} ms (times include the profiler's cost)`);
  for (const task of long) {
    // The browser's kinds of work may nest (a layout forced inside a script's evaluation): each is its own total.
    const kinds = [...task.kinds].map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
    console.log(`\ntask at ${task.at.toFixed(0)} ms: ${task.ms.toFixed(0)} ms${kinds ? ` (browser work, may nest: ${kinds})` : ''}`);
    for (const [k, v] of top(task.inclusive, TOP)) console.log(`  ${v.toFixed(1).padStart(6)}  ${k}`);
    console.log(
      `  self: ${top(task.self, 8)
        .map(([k, v]) => `${k} ${v.toFixed(1)}`)
        .join(' · ')}`,
    );
  }
} finally {
  // Each closed on its own, whatever failed before.
  await browser?.close().catch(() => {});
  await server?.close().catch(() => {});
  if (temp) await rm(temp, { recursive: true, force: true }).catch(() => {});
}
