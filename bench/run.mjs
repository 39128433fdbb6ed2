// Side-by-side benchmarks (npm run bench): CareCircle's built dist/ files against the peers a hospital
// would pick instead, installed as devDependencies (never shipped): bsky-embed 0.2.7 and
// add-to-calendar-button 2.15.0. One run, one machine, one Chromium; every timed figure on a laptop CPU and
// on a "phone" (4× CPU throttling, CDP Emulation.setCPUThrottlingRate), ours and the peer's alternating in
// the same run. Prints issue 13's table (ours / peer / ratio / goal) and writes bench/results.json. Not a
// test: it never fails on a number. Run `node scripts/build.mjs` first.
//   BENCH_RUNS=7   repetitions for timed page loads (median reported; default 3 to keep a run short: the
//                  figures in the README are from BENCH_RUNS=7 or 5, as noted there)
//   BENCH_CPU=1,4  CPU slow-down factors to measure at (default both)
//   E2E_DIST=dir   measure another build of dist/
//   BENCH_ONLY=feed,chat,groups,stability   run only those sections (sizes always); `pipeline`: bench/pipeline.mjs
import { chromium } from 'playwright-core';
import { gzipSync } from 'node:zlib';
import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import { findBrowser, chromiumArgs } from '../scripts/find-browser.mjs';
import { startServer, pageHtml } from '../test/e2e/lib/server.mjs';
import { bskyFeed, groups, FEED_URI, MASTODON } from '../test/e2e/lib/data.mjs';
import {
  allCareChats,
  careChatSpec,
  careFeedRoutes,
  careFeedSpec,
  chats50,
  fallback,
  feedPage,
  IMAGE_POSTS,
  imageRoute,
  jsonRoute,
  lastPost,
  longList,
  mastodon40,
  text,
} from './pages.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const dist = process.env.E2E_DIST ? resolve(process.env.E2E_DIST) : join(root, 'dist');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const RATES = (process.env.BENCH_CPU ?? '1,4').split(',').map(Number);
const cpu = (rate) => (rate == 1 ? 'laptop (1×)' : `phone (${rate}× slower CPU)`);
const only = process.env.BENCH_ONLY?.split(',');
const want = (section) => !only || only.includes(section);
const PEERS = {
  'bsky-embed 0.2.7': 'node_modules/bsky-embed/dist/bsky-embed.es.js',
  'add-to-calendar-button 2.15.0': 'node_modules/add-to-calendar-button/dist/atcb.js',
};
const BSKY_EMBED = '/node_modules/bsky-embed/dist/bsky-embed.es.js';
const ATCB = '/node_modules/add-to-calendar-button/dist/atcb.js';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const r1 = (x) => Math.round(x * 10) / 10;
const r2 = (x) => Math.round(x * 100) / 100;

// Records layout shifts and long tasks from the very start of each page. TBT here is the sum of each long
// task's time over 50 ms during the load (from navigation until the measurement ends), as Lighthouse counts it.
const perfProbe = `(() => {
  const perf = (window.__perf = { cls: 0, shifts: 0, longTasks: 0, longTaskMs: 0, longest: 0, tbt: 0 });
  try {
    perf.shiftList = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) { perf.cls += e.value; perf.shifts++; perf.shiftList.push([e.startTime, e.value]); } }).observe({ type: 'layout-shift', buffered: true });
    perf.tasks = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) { perf.longTasks++; perf.longTaskMs += e.duration; perf.longest = Math.max(perf.longest, e.duration); perf.tbt += e.duration - 50; perf.tasks.push([e.startTime, e.duration]); } }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;
const perfOf = (page) => page.evaluate(() => window.__perf);
/** Lets the page go quiet after the measured moment, so a long task or layout shift just after it is counted. */
const quiet = (page, rate) => page.waitForTimeout(400 * rate);

if (!existsSync(join(dist, 'carecircle.js'))) {
  console.error(`No built files in ${dist}: run node scripts/build.mjs first.`);
  process.exit(1);
}

const results = {
  date: new Date().toISOString(),
  runs: RUNS,
  rates: RATES,
  machine: {},
  sizes: [],
  feed: {},
  feedLate: {},
  chat: {},
  groupsFirstRender: {},
  groups: {},
  stability: [],
};
const server = await startServer(root, process.env.E2E_DIST ? { '/dist/': dist } : {});
const browser = await chromium.launch({ executablePath: findBrowser(), args: chromiumArgs, headless: true });
results.machine = {
  chromium: browser.version(),
  node: process.version,
  platform: process.platform,
  cpus: `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}`,
};

/** A fresh context per measurement; every request off 127.0.0.1 is mocked by `routes` or aborted. */
async function withPage(fn, { routes = [], viewport = { width: 1024, height: 800 }, rate = 1 } = {}) {
  const context = await browser.newContext({ viewport, timezoneId: 'Australia/Sydney', locale: 'en-US' });
  try {
    await context.addInitScript({ content: perfProbe });
    await context.route(
      (u) => !u.href.startsWith(server.origin),
      (route) => route.abort('blockedbyclient'),
    );
    for (const [pattern, handler] of routes) await context.route(pattern, handler);
    const page = await context.newPage();
    // The phone profile: every task in the page's renderer takes `rate` times as long.
    if (rate != 1) await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate });
    return await fn(page);
  } finally {
    await context.close();
  }
}
const open = (page, spec) => page.goto(server.add(pageHtml(spec)), { waitUntil: 'commit' });

/** Milliseconds from navigation start until `predicate` (run every animation frame in the page) holds. */
const timeUntil = (page, predicate, arg) =>
  page.evaluate(
    ([src, arg]) =>
      new Promise((resolve, reject) => {
        const test = new Function('arg', `return (${src})(arg)`);
        const limit = performance.now() + 90000;
        const tick = () => {
          if (test(arg)) resolve(performance.now());
          else if (performance.now() > limit) reject(new Error('timed out'));
          else requestAnimationFrame(tick);
        };
        tick();
      }),
    [predicate.toString(), arg],
  );

// ------------------------------------------------------------------ sizes
// Ours as the build reports them (dist/sizes.json: what a page downloads before the widget's first content,
// however the build counts it), else measured here; peers minified with esbuild for a fair comparison.
const built = existsSync(join(dist, 'sizes.json')) ? JSON.parse(await readFile(join(dist, 'sizes.json'), 'utf8')) : [];
const gzipKey = (row) => Object.keys(row).find((k) => /gzip/i.test(k));
for (const file of ['carecircle.js', 'carecircle.iife.js', 'care-hashtag-feed.js', 'care-support-groups.js', 'care-chat-schedule.js']) {
  const row = built.find((r) => r.file === `dist/${file}`);
  if (row && gzipKey(row)) {
    results.sizes.push({
      file: `dist/${file}`,
      minKB: Number(row[Object.keys(row).find((k) => /^min\b/i.test(k) && !/gzip/i.test(k))]) || undefined,
      gzipKB: Number(row[gzipKey(row)]),
      from: 'build',
    });
    continue;
  }
  const code = await readFile(join(dist, file));
  results.sizes.push({
    file: `dist/${file}`,
    minKB: r1(code.length / 1000),
    gzipKB: r2(gzipSync(code, { level: 9 }).length / 1000),
    from: 'bench',
  });
}
for (const [name, path] of Object.entries(PEERS)) {
  const code = await readFile(path, 'utf8');
  const min = (await transform(code, { minify: true, format: 'esm', target: 'es2022', logLevel: 'silent' })).code;
  results.sizes.push({
    file: `${name} (${path.split('/').pop()})`,
    shippedKB: r1(Buffer.byteLength(code) / 1000),
    shippedGzipKB: r2(gzipSync(code, { level: 9 }).length / 1000),
    minKB: r1(Buffer.byteLength(min) / 1000),
    gzipKB: r2(gzipSync(min, { level: 9 }).length / 1000),
  });
}
const size = (f) => results.sizes.find((s) => s.file.startsWith(f)).gzipKB;
results.sizeRatios = {
  'care-hashtag-feed.js / bsky-embed': r2(size('dist/care-hashtag-feed.js') / size('bsky-embed')),
  'care-chat-schedule.js / add-to-calendar-button': r2(size('dist/care-chat-schedule.js') / size('add-to-calendar-button')),
  'carecircle.js (all three) / bsky-embed': r2(size('dist/carecircle.js') / size('bsky-embed')),
  'carecircle.js (all three) / add-to-calendar-button': r2(size('dist/carecircle.js') / size('add-to-calendar-button')),
};

// ------------------------------------------------------------------ 40 feed posts
// The same 40 posts for both: the same authors and text, as a Mastodon timeline and as a getFeed answer.
const bsky40 = bskyFeed(40);
bsky40.feed.forEach((item, i) => {
  item.post.record.text = text(i);
  item.post.author.displayName = `Member ${i}`;
  if (IMAGE_POSTS.includes(i))
    item.post.embed = {
      $type: 'app.bsky.embed.images#view',
      images: [
        {
          thumb: `https://cdn.bsky.app/img/feed_thumbnail/plain/m${i}@jpeg`,
          fullsize: `https://cdn.bsky.app/img/feed_fullsize/plain/m${i}@jpeg`,
          alt: 'A photo',
        },
      ],
    };
});
const bskySpec = { modules: [BSKY_EMBED], body: feedPage(`<bsky-embed feed="${FEED_URI}" limit="40"></bsky-embed>`) };
const bskyRoutes = [
  ['https://api.bsky.app/xrpc/app.bsky.feed.getFeed**', jsonRoute(bsky40)],
  ['https://cdn.bsky.app/**', imageRoute],
];

/**
 * Runs `ours` and `peer` (each given the CPU rate, returning a record of figures) RUNS times at every rate,
 * alternating which goes first, and returns the median of each figure: { [rate]: { ours: {...}, peer: {...} } }.
 */
async function alternate(ours, peer) {
  const raw = Object.fromEntries(RATES.map((rate) => [rate, { ours: [], peer: [] }]));
  // One unrecorded run of each first: the browser's first load of a script compiles it, later ones use its cache.
  await ours(1);
  if (peer) await peer(1);
  for (let run = 0; run < RUNS; run++)
    for (const rate of RATES)
      for (const [side, fn] of run % 2
        ? [
            ['peer', peer],
            ['ours', ours],
          ]
        : [
            ['ours', ours],
            ['peer', peer],
          ])
        if (fn) raw[rate][side].push(await fn(rate));
  const med = (list) => Object.fromEntries(Object.keys(list[0] ?? {}).map((k) => [k, median(list.map((x) => x[k]))]));
  return Object.fromEntries(RATES.map((rate) => [rate, { ours: med(raw[rate].ours), peer: med(raw[rate].peer), runs: raw[rate] }]));
}

const apiEnd = (page, part) =>
  page.evaluate((part) => performance.getEntriesByType('resource').find((e) => e.name.includes(part))?.responseEnd ?? NaN, part);
/** Navigation → all posts in the shadow DOM, data arrived → same, then (once the page is quiet) CLS and long tasks. */
const feedRun = (spec, routes, tag, api) => (rate) =>
  withPage(
    async (page) => {
      await open(page, spec);
      const t = await timeUntil(page, lastPost, tag);
      const data = t - (await apiEnd(page, api));
      await page.waitForTimeout(1000); // images arrive, late layout settles
      const perf = await perfOf(page);
      return { navMs: t, dataMs: data, cls: perf.cls, longestMs: perf.longest, tbtMs: perf.tbt };
    },
    { routes, rate },
  );
// The same pages with the widget in a box the height of the screen (as a page that reserves the widget's place
// would have): the fallback content giving way to the widget then moves nothing, and what remains is the
// widget's own layout shift (late images, posts arriving, the new-posts bar).
const reserved = (spec) => ({
  ...spec,
  body: spec.body.replace(/^(<h1>[^<]*<\/h1>)(.*)(<footer>)/s, '$1<div style="min-height: 100vh">$2</div>$3'),
});
const clsRun = (spec, routes, done, arg) => (rate) =>
  withPage(
    async (page) => {
      await open(page, spec);
      await timeUntil(page, done, arg);
      await page.waitForTimeout(1000);
      return { cls: (await perfOf(page)).cls };
    },
    { routes, rate },
  );
if (want('feed'))
  results.feed = await alternate(
    feedRun(careFeedSpec, careFeedRoutes, 'care-hashtag-feed', '/timelines/tag/'),
    feedRun(bskySpec, bskyRoutes, 'bsky-embed', 'getFeed'),
  );
// The same, with each API answer 150 ms late (as the images above, and as any network is): above, the mocked answer
// comes a few milliseconds after it is asked for, so "data arrived → all in DOM" also counts whatever the page was
// still doing then (for ours, the browser's Intl start-up, which the feed begins as it connects so that it is done
// before the posts come on a real network). Both figures are printed.
const late = (routes) =>
  routes.map(([pattern, handler], i) => [
    pattern,
    i ? handler : (route) => void setTimeout(() => Promise.resolve(handler(route)).catch(() => {}), 150),
  ]);
if (want('feed'))
  results.feedLate = await alternate(
    feedRun(careFeedSpec, late(careFeedRoutes), 'care-hashtag-feed', '/timelines/tag/'),
    feedRun(bskySpec, late(bskyRoutes), 'bsky-embed', 'getFeed'),
  );

// ------------------------------------------------------------------ 50 chats with calendar controls
const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const atcbButtons = chats50
  .map((c) => {
    const [date, time] = c.start.split('T');
    const end = `${String(Number(time.slice(0, 2)) + 1).padStart(2, '0')}:${time.slice(3)}`;
    return `<add-to-calendar-button name="${c.title}" description="${c.description}" startDate="${date}" startTime="${time}" endTime="${end}" timeZone="${c.timeZone}" recurrence="${c.rrule}" location="${c.url}" options="'Apple','Google','iCal','Outlook.com'" lightMode="light" hideBranding="true" label="${days[0]}"></add-to-calendar-button>`;
  })
  .join('\n');
const allAtcb = () => {
  const els = document.querySelectorAll('add-to-calendar-button');
  return els.length === 50 && [...els].every((e) => e.shadowRoot && e.shadowRoot.querySelector('button, .atcb-button'));
};
const chatRun = (spec, done) => (rate) =>
  withPage(
    async (page) => {
      await open(page, spec);
      const t = await timeUntil(page, done);
      await quiet(page, rate);
      const perf = await perfOf(page);
      return { ms: t, longestMs: perf.longest, tbtMs: perf.tbt, cls: perf.cls };
    },
    { rate },
  );
const atcbSpec = { modules: [ATCB], body: `<h1>Chats</h1>${atcbButtons}<footer>Footer text</footer>` };
if (want('chat')) results.chat = await alternate(chatRun(careChatSpec, allCareChats), chatRun(atcbSpec, allAtcb));
if (want('feed') || want('chat'))
  results.ownShift = {
    feed: want('feed')
      ? await alternate(
          clsRun(reserved(careFeedSpec), careFeedRoutes, lastPost, 'care-hashtag-feed'),
          clsRun(reserved(bskySpec), bskyRoutes, lastPost, 'bsky-embed'),
        )
      : undefined,
    chat: want('chat')
      ? await alternate(clsRun(reserved(careChatSpec), [], allCareChats), clsRun(reserved(atcbSpec), [], allAtcb))
      : undefined,
  };

// ------------------------------------------------------------------ 10,000 groups: config set → first render
// The config object is set on the element (fetched and parsed before the clock starts); timed until
// care-ready and the first page laid out. No peer does this. Then, left alone, how long until the search
// index (built in the background after the first render) is ready, and the longest task meanwhile.
if (want('groups')) {
  const url = server.add(JSON.stringify(longList()), {
    type: 'application/json',
    ext: '.json',
    name: 'groups-10000',
  });
  const firstRender = (rate) =>
    withPage(
      async (page) => {
        await open(page, { modules: ['/dist/care-support-groups.js'], body: '<care-support-groups id="g"></care-support-groups>' });
        await page.waitForFunction(() => customElements.get('care-support-groups'));
        await page.evaluate(async (url) => void (window.__data = await (await fetch(url)).json()), url);
        await page.waitForTimeout(300);
        const out = await page.evaluate(async () => {
          const el = document.getElementById('g');
          const ready = new Promise((r) => el.addEventListener('care-ready', r, { once: true }));
          const t0 = performance.now();
          el.config = window.__data;
          await ready;
          el.shadowRoot.firstElementChild?.getBoundingClientRect();
          void document.body.offsetHeight;
          const t1 = performance.now();
          const indexed = await new Promise((resolve) => {
            const check = () => (el.indexReady !== false ? resolve(performance.now() - t0) : setTimeout(check, 5));
            check();
          });
          await new Promise((r) => setTimeout(r, 200)); // long-task entries arrive after their task
          // Long tasks that began before first render was measured, and those after it (the background indexing).
          // (The task that sets the config began a little before t0, inside page.evaluate: overlap counts.)
          const longest = (from, to) => Math.max(0, ...window.__perf.tasks.filter(([s, d]) => s < to && s + d > from).map(([, d]) => d));
          return {
            ms: t1 - t0,
            indexReadyMs: indexed,
            longestFirstMs: longest(t0, t1),
            longestWhileIndexingMs: Math.max(0, ...window.__perf.tasks.filter(([s]) => s > t1).map(([, d]) => d)),
          };
        });
        return out;
      },
      { rate },
    );
  results.groupsFirstRender = await alternate(firstRender);
}

// ------------------------------------------------------------------ support groups keystrokes at 1,000 and 10,000
// (laptop CPU only: a keystroke is not a figure of issue 13's table.) Keystrokes as a browser delivers them (value changed, then an `input` event); each is timed from the
// event until the results list has changed and been laid out (Lit renders in a microtask; the forced
// layout is the style + layout work of that frame). A frame passes between keystrokes.
if (want('keys')) {
  const queries = ['breast', 'brest', 'leukemia', 'bowel westmead', 'carers online', 'prostate', 'melanoma art'];
  for (const n of [1000, 10000]) {
    const dataUrl = server.add(JSON.stringify({ groups: groups(n), pageSize: 20 }), {
      type: 'application/json',
      ext: '.json',
      name: `groups-${n}`,
    });
    const out = await withPage(async (page) => {
      await open(page, {
        modules: ['/dist/care-support-groups.js'],
        body: '<label>Plain input <input id="plain" type="search"></label><care-support-groups id="g"></care-support-groups>',
      });
      await page.waitForFunction(() => customElements.get('care-support-groups'));
      const result = await page.evaluate(
        async ([url, queries]) => {
          const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          const data = await (await fetch(url)).json();
          const el = document.getElementById('g');
          const ready = new Promise((r) => el.addEventListener('care-ready', r, { once: true }));
          const t0 = performance.now();
          el.config = data;
          await ready;
          el.shadowRoot.firstElementChild?.getBoundingClientRect();
          void document.body.offsetHeight;
          const firstRender = performance.now() - t0;
          await new Promise((r) =>
            (function check() {
              el.indexReady === false ? setTimeout(check, 20) : r();
            })(),
          ); // the index is built after the first render
          const input = el.shadowRoot.querySelector('input[type="search"]');
          if (!input) return { firstRender, error: 'no search input' };
          const times = [];
          let unchanged = 0;
          for (const q of queries) {
            for (let k = 1; k <= q.length; k++) {
              const before = el.shadowRoot.textContent.length + '|' + el.shadowRoot.querySelectorAll('*').length;
              input.value = q.slice(0, k);
              const s = performance.now();
              input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: q[k - 1] }));
              await el.updateComplete;
              void el.shadowRoot.querySelector('input').getBoundingClientRect();
              void document.body.offsetHeight;
              times.push(performance.now() - s);
              if (before === el.shadowRoot.textContent.length + '|' + el.shadowRoot.querySelectorAll('*').length) unchanged++;
              await frame();
            }
            input.value = '';
            input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'deleteContentBackward' }));
            await el.updateComplete;
            await frame();
          }
          return { firstRender, times, unchanged, inDom: el.shadowRoot.querySelectorAll('*').length };
        },
        [dataUrl, queries],
      );
      if (result.error) return result;
      // Real key presses, measured by the browser itself (Event Timing: event → next paint). Only
      // interactions of 16 ms or more are reported, so the count of those is the share over one frame.
      await page.evaluate(() => {
        window.__slow = [];
        new PerformanceObserver((l) =>
          window.__slow.push(
            ...l
              .getEntries()
              .filter((e) => e.interactionId)
              .map((e) => ({ id: e.interactionId, d: e.duration })),
          ),
        ).observe({ type: 'event', durationThreshold: 16, buffered: false });
      });
      // The same typing into a plain <input> beside the widget first: the floor of this machine and driver.
      const typeAll = async (input) => {
        let presses = 0;
        await page.evaluate(() => (window.__slow = []));
        for (const q of queries) {
          await input.click();
          await page.keyboard.type(q, { delay: 40 });
          presses += q.length;
          await page.keyboard.press('Control+A');
          await page.keyboard.press('Backspace');
          presses++;
          await page.waitForTimeout(100);
        }
        await page.waitForTimeout(300);
        const slow = await page.evaluate(() => {
          const by = new Map();
          for (const e of window.__slow) by.set(e.id, Math.max(by.get(e.id) ?? 0, e.d));
          return [...by.values()];
        });
        return { presses, slow };
      };
      const plain = await typeAll(page.locator('#plain'));
      const { presses, slow } = await typeAll(page.locator('#g input[type="search"]'));
      return { ...result, presses, slow, plainSlow: plain.slow };
    });
    results.groups[n] = out.error
      ? { firstRenderMs: r1(out.firstRender), error: out.error }
      : {
          firstRenderMs: r1(out.firstRender),
          keystrokes: out.times.length,
          medianMs: r2(median(out.times)),
          p95Ms: r2(pct(out.times, 95)),
          maxMs: r2(Math.max(...out.times)),
          keystrokesLeavingFirstPageUnchanged: out.unchanged,
          elementsInShadowDom: out.inDom,
          realKeysTyped: out.presses,
          realKeysOver16msToPaint: out.slow.length,
          realKeysWorstToPaintMs: out.slow.length ? Math.max(...out.slow) : '<16',
          plainInputOver16msToPaint: out.plainSlow.length,
        };
  }
}

// ------------------------------------------------------------------ layout shift and long tasks per widget
if (want('stability')) {
  const stable = async (name, spec, routes, done, arg) => {
    const cls = [];
    const tasks = [];
    const taskMs = [];
    for (let run = 0; run < Math.min(RUNS, 3); run++) {
      const perf = await withPage(
        async (page) => {
          await open(page, spec);
          await timeUntil(page, done, arg);
          await page.waitForTimeout(1200);
          return page.evaluate(() => window.__perf);
        },
        { routes },
      );
      cls.push(perf.cls);
      tasks.push(perf.longTasks);
      taskMs.push(perf.longTaskMs);
    }
    results.stability.push({
      widget: name,
      cls: Math.round(median(cls) * 10000) / 10000,
      longTasks: median(tasks),
      longTaskMs: r1(median(taskMs)),
    });
  };
  await stable(
    '(control: the page without a widget)',
    { body: `<h1>Community</h1>${fallback}<footer>Footer text</footer>` },
    [],
    () => true,
  );
  await stable(
    'care-hashtag-feed (40 Mastodon posts)',
    careFeedSpec,
    [[`${MASTODON}/api/v1/timelines/tag/**`, jsonRoute(mastodon40)]],
    lastPost,
    'care-hashtag-feed',
  );
  await stable(
    'bsky-embed (same 40 posts)',
    {
      modules: [BSKY_EMBED],
      body: `<h1>Community</h1><bsky-embed feed="${FEED_URI}" limit="40"></bsky-embed><footer>Footer text</footer>`,
    },
    [['https://api.bsky.app/xrpc/app.bsky.feed.getFeed**', jsonRoute(bsky40)]],
    lastPost,
    'bsky-embed',
  );
  await stable(
    'care-support-groups (1,000 groups)',
    {
      modules: ['/dist/care-support-groups.js'],
      body: `<h1>Find a group</h1><care-support-groups src="${server.add(JSON.stringify({ groups: groups(1000) }), { type: 'application/json', ext: '.json' })}">${fallback}</care-support-groups><footer>Footer text</footer>`,
    },
    [],
    () => !!document.querySelector('care-support-groups')?.shadowRoot?.querySelector('input[type="search"]'),
  );
  await stable(
    'care-chat-schedule (50 chats)',
    {
      modules: ['/dist/care-chat-schedule.js'],
      body: `<h1>Chats</h1><care-chat-schedule><script type="application/json">${JSON.stringify({ chats: chats50, show: 50 })}</script>${fallback}</care-chat-schedule><footer>Footer text</footer>`,
    },
    [],
    allCareChats,
  );
  await stable(
    'add-to-calendar-button (50 buttons)',
    { modules: [ATCB], body: `<h1>Chats</h1>${atcbButtons}<footer>Footer text</footer>` },
    [],
    allAtcb,
  );
}

await browser.close();
await server.close();

// ------------------------------------------------------------------ config validation: zod vs compiled
// The 10,000-group config (test/fixtures/support-groups/generate.ts) checked in Node, no browser: zod's
// safeParse (what explains a bad config, and what every page ran before) against the validator compiled from
// the same schema (src/generated/, what a page runs first). Warmed up once each, then alternating runs.
if (want('validation')) {
  const { importSource } = await import('../test/node/import-source.mjs');
  const m = await importSource(
    [
      `export { supportGroupsSchema } from './src/widgets/support-groups/support-groups.schema.ts';`,
      `export { supportGroupsValidator } from './src/generated/support-groups.validate.ts';`,
      `export { generateGroups } from './test/fixtures/support-groups/generate.ts';`,
    ].join('\n'),
    { resolveDir: root },
  );
  globalThis.document ??= { baseURI: 'https://page.invalid/' };
  const config = { groups: m.generateGroups(10000) };
  const time = (f) => {
    const t0 = performance.now();
    const ok = f();
    return [performance.now() - t0, ok];
  };
  const zod = () => m.supportGroupsSchema.safeParse(config).success;
  const compiled = () => m.supportGroupsValidator.accept(config) !== undefined;
  if (!zod() || !compiled()) throw new Error('bench: the 10,000-group config should be valid for both');
  const runs = { zod: [], compiled: [] };
  for (let i = 0; i < Math.max(RUNS, 5); i++) {
    runs.zod.push(time(zod)[0]);
    runs.compiled.push(time(compiled)[0]);
  }
  results.validation = {
    config: '10,000 support groups',
    zodMs: r1(median(runs.zod)),
    compiledMs: r1(median(runs.compiled)),
    ratio: r2(median(runs.compiled) / median(runs.zod)),
    runs: { zod: runs.zod.map(r1), compiled: runs.compiled.map(r1) },
  };
}

// ------------------------------------------------------------------ pipeline (bench/pipeline.mjs)
// `carecircle collect` from 50 mock Mastodon servers × 1,000 and × 2,000 posts, then `publish`: time, peak memory.
if (want('pipeline')) results.pipeline = await (await import('./pipeline.mjs')).benchPipeline();

// ------------------------------------------------------------------ report
console.log(
  '\nmin+gzip size (KB = 1000 bytes, gzip -9; ours as the build reports them, peers minified with esbuild for a fair comparison)',
);
console.table(results.sizes);
console.table(results.sizeRatios);
if (want('keys')) {
  console.log(
    '\nsupport groups, laptop CPU: keystroke → results laid out (input event → updated DOM + layout); real key presses → next paint (Event Timing)',
  );
  console.table(results.groups);
}
if (want('stability')) {
  console.log('\nlayout shift (CLS) and long tasks during load, laptop CPU (median of up to 3)');
  console.table(results.stability);
}

// Issue 13's table: ours beside the peer's from the same run, at each CPU rate.
const rows = [];
const ms = (x) => (x == null || Number.isNaN(x) ? '—' : `${Math.round(x)} ms`);
const num = (x) => (x == null || Number.isNaN(x) ? '—' : String(Math.round(x * 1000) / 1000));
const row = (figure, rate, ours, peer, fmt, goal, met) =>
  rows.push({
    figure,
    CPU: rate ? cpu(rate) : '—',
    ours: fmt(ours),
    peer: peer === undefined ? '—' : fmt(peer),
    ratio: peer ? `${r2(ours / peer)}×` : '—',
    goal,
    met: met == null ? '—' : met ? 'yes' : `no`,
  });
const all = size('dist/carecircle.js');
row('all three widgets, min+gzip (carecircle.js)', 0, all, size('bsky-embed'), (x) => `${x} KB`, '≤ 30 KB', all <= 30);
/** A time of ours against the peer's from the same runs (`key` of each median), met when at most `k` times theirs. */
const versus = (figure, rate, r, key, k) => row(figure, rate, r.ours[key], r.peer[key], ms, `≤ ${k}×`, r.ours[key] <= k * r.peer[key]);
for (const rate of RATES) {
  const f = results.feed[rate];
  if (f) {
    versus('40 posts: navigation → all in DOM (vs bsky-embed)', rate, f, 'navMs', 0.5);
    versus('40 posts: data arrived → all in DOM (vs bsky-embed)', rate, f, 'dataMs', 0.25);
    const l = results.feedLate?.[rate];
    if (l) versus('40 posts: data arrived → all in DOM, answer 150 ms late (vs bsky-embed)', rate, l, 'dataMs', 0.25);
    // The page's longest task, from navigation until it is quiet (the "no long task", which it sets as a goal
    // for the chats; here beside the peer's).
    row('40 posts: longest task (vs bsky-embed)', rate, f.ours.longestMs, f.peer.longestMs, ms, '(≤ 50 ms)', f.ours.longestMs <= 50);
  }
}
for (const rate of RATES) {
  const c = results.chat[rate];
  if (c) {
    versus('50 chats with calendar controls: time (vs add-to-calendar-button)', rate, c, 'ms', 0.25);
    row('50 chats: longest task', rate, c.ours.longestMs, c.peer.longestMs, ms, '≤ 50 ms', c.ours.longestMs <= 50);
    row('50 chats: total blocking time', rate, c.ours.tbtMs, c.peer.tbtMs, ms, '0 (no task > 50 ms)', c.ours.tbtMs <= 0);
  }
}
for (const rate of RATES) {
  const g = results.groupsFirstRender[rate];
  if (g) {
    row('10,000 groups: config set → first render', rate, g.ours.ms, undefined, ms, '≤ 100 ms', g.ours.ms <= 100);
    row(
      '10,000 groups: longest task until first render',
      rate,
      g.ours.longestFirstMs,
      undefined,
      ms,
      '(≤ 50 ms)',
      g.ours.longestFirstMs <= 50,
    );
    row('10,000 groups: search index ready (built after)', rate, g.ours.indexReadyMs, undefined, ms, '—', null);
    row(
      '10,000 groups: longest task while indexing',
      rate,
      g.ours.longestWhileIndexingMs,
      undefined,
      ms,
      '≤ 50 ms',
      g.ours.longestWhileIndexingMs <= 50,
    );
  }
}
for (const rate of RATES) {
  const shifts = [
    ['40 posts with images: page with fallback text (vs bsky-embed)', results.feed[rate]],
    ['40 posts with images: page reserving a screen (vs bsky-embed)', results.ownShift?.feed?.[rate]],
    ['50 chats: page with fallback text (vs add-to-calendar-button)', results.chat[rate]],
    ['50 chats: page reserving a screen (vs add-to-calendar-button)', results.ownShift?.chat?.[rate]],
  ];
  for (const [figure, r] of shifts) if (r) row(`layout shift (CLS), ${figure}`, rate, r.ours.cls, r.peer.cls, num, '0', r.ours.cls === 0);
}
results.table = rows;
console.log(`\nIssue 13 (medians of ${RUNS} alternating runs; ${results.machine.cpus}; Chromium ${results.machine.chromium}):`);
console.log('\n| figure | CPU | CareCircle | peer | ratio | goal | met |\n|---|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.figure} | ${r.CPU} | ${r.ours} | ${r.peer} | ${r.ratio} | ${r.goal} | ${r.met} |`);
if (results.validation)
  console.log(
    `\nconfig validation, ${results.validation.config} (Node, median): zod ${results.validation.zodMs} ms, compiled ${results.validation.compiledMs} ms → ratio ${results.validation.ratio}`,
  );
if (results.pipeline) {
  console.log('\npipeline: carecircle collect from Mastodon servers on 127.0.0.1, then publish (each its own process)');
  console.table(results.pipeline.rows);
  console.table(results.pipeline.growth);
}
await writeFile(join(root, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
console.log('wrote bench/results.json');
