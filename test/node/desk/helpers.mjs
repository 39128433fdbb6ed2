// Shared by the review desk's tests: a pipeline folder whose state is written and read through the pipeline's own
// store (the built library, dist/cli/pipeline.mjs: the tests never depend on its file layout), `carecircle review`
// started as a reviewer starts it (the built CLI, a free port, the printed address), plain HTTP requests with any
// Host or Origin, and Chromium through playwright-core with the e2e suite's probe (CSP violations, errors, the XSS
// tripwire). DESK_DIST=dir tests another build (default dist/).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { findBrowser, chromiumArgs } from '../../../scripts/find-browser.mjs';

export const DIST = process.env.DESK_DIST ?? 'dist';
export const CLI = join(DIST, 'cli', 'carecircle.mjs');
const lib = await import(pathToFileURL(resolve(DIST, 'cli', 'pipeline.mjs')).href);
const probeSource = readFileSync(new URL('../../e2e/lib/probe.js', import.meta.url), 'utf8');

/** The store's key for a post. */
export const keyOf = lib.keyOf;

const at = (i) => new Date(Date.UTC(2026, 10, 1, 9, 0, 0) + i * 60000).toISOString();

/** A pending post record as `collect` leaves it. `post` fields and record fields can be overridden. */
export function record(i, { post = {}, ...over } = {}) {
  const handle = post.author?.handle ?? `@patient${i % 7}@mastodon.example`;
  const url = post.url ?? `https://mastodon.example/@patient${i % 7}/${100000 + i}`;
  const full = {
    id: String(100000 + i),
    url,
    createdAt: at(i),
    text: `Post ${i}: my first week of chemo, what helped #bcsm`,
    ...post,
    author: { name: `Patient ${i}`, handle, url: `https://mastodon.example/@patient${i % 7}`, ...post.author },
  };
  return {
    key: keyOf(url),
    post: full,
    state: 'pending',
    pinned: false,
    version: 1,
    sources: ['mastodon:mastodon.example#bcsm'],
    contentHash: createHash('sha256').update(JSON.stringify(full)).digest('hex').slice(0, 16),
    firstSeen: at(i),
    lastSeen: at(i),
    changedBy: 'collect',
    changedAt: at(i),
    ...over,
  };
}

const storeOf = (dir) => new lib.FileStore(join(dir, 'state'));

/** A pipeline folder (carecircle.pipeline.json and its state folder) holding `records`, put there by the store. */
export async function pipelineFolder(records, { feed } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'carecircle-desk-'));
  writeFileSync(
    join(dir, 'carecircle.pipeline.json'),
    // No recheck at publish: it would look each post up at its (made-up) source.
    JSON.stringify({
      site: { name: 'Northside test hospital', url: 'https://hospital.example/' },
      hashtag: 'bcsm',
      sources: [],
      state: 'state',
      publish: { dir: 'public', recheck: false },
    }),
  );
  await storeOf(dir).transaction('seed', (tx) => records.forEach((r) => tx.put(structuredClone(r))));
  if (feed) writeFileSync(join(dir, 'feed.json'), JSON.stringify(feed));
  return dir;
}

/** Puts `records` into a pipeline folder's state (as a collect would, while the desk runs). */
export const putRecords = (dir, records) => storeOf(dir).transaction('seed', (tx) => records.forEach((r) => tx.put(structuredClone(r))));

/** Every record in a pipeline folder's state, by key, as the store reads it now. */
export const readRecords = async (dir) => new Map((await storeOf(dir).list()).map((r) => [r.key, r]));

/** The state of one post now. */
export const stateOf = async (dir, key) => (await storeOf(dir).get(key))?.state;

export const countStates = (dir) => storeOf(dir).counts();

/** The audit log's entries, oldest first. */
export const readAudit = (dir) => storeOf(dir).audit();

/** Waits for `check()` to be true (polling the thing itself, not a fixed sleep). */
export async function until(check, what, timeout = 20000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Starts `carecircle review` on a pipeline folder as a reviewer would, and reads the printed address.
 * Returns { url, origin, port, token, stop() }.
 */
export async function startReview(dir, { actor = 'nurse.kim', feed = false, extra = [] } = {}) {
  const args = [
    CLI,
    'review',
    '--config',
    join(dir, 'carecircle.pipeline.json'),
    '--actor',
    actor,
    ...(feed ? ['--feed', join(dir, 'feed.json')] : []),
    ...extra,
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`carecircle review printed no address: ${out}${err}`)), 15000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/Open (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/);
      if (m) (clearTimeout(timer), resolve(m[1]));
    });
    child.on('exit', (code) => (clearTimeout(timer), reject(new Error(`carecircle review exited ${code}: ${out}${err}`))));
  });
  const u = new URL(url);
  return {
    url,
    origin: u.origin,
    port: Number(u.port),
    token: u.searchParams.get('token'),
    output: () => out + err,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

/** A raw HTTP request (any Host, Origin or method, unlike fetch). Resolves { status, headers, body, json }. */
export function raw(desk, { method = 'GET', path = '/', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: desk.port, method, path, headers: { host: `127.0.0.1:${desk.port}`, ...headers } },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (data += d));
        res.on('end', () => {
          let json;
          try {
            json = JSON.parse(data);
          } catch {
            /* not JSON */
          }
          resolve({ status: res.statusCode, headers: res.headers, body: data, json });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The cookie the desk gives for its token (what the browser keeps after the first load). */
export async function cookieOf(desk) {
  const r = await raw(desk, { path: `/?token=${desk.token}` });
  return r.headers['set-cookie'][0].split(';')[0];
}

/** A request as the desk's own page makes it (cookie, Origin, the custom header, JSON). */
export const api = (desk, cookie, path, body) =>
  raw(desk, {
    method: body === undefined ? 'GET' : 'POST',
    path,
    headers: {
      cookie,
      'x-carecircle-desk': '1',
      ...(body === undefined ? {} : { origin: desk.origin, 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

export const launch = () => chromium.launch({ executablePath: findBrowser(), args: chromiumArgs, headless: true });

/**
 * A page on the desk, in a fresh context with the e2e probe (CSP violations, errors, the tripwire). Requests that
 * leave the desk (posts' pictures on *.example) are aborted and counted, as in the e2e suite.
 */
export async function openDesk(
  browser,
  desk,
  { viewport = { width: 1280, height: 900 }, colorScheme, forcedColors, reducedMotion, bypassCSP = false, clock = false } = {},
) {
  const context = await browser.newContext({
    viewport,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    colorScheme,
    forcedColors,
    reducedMotion,
    bypassCSP,
  });
  await context.addInitScript({ content: `window.__e2eOptions = {};\n${probeSource}` });
  const blocked = [];
  await context.route(
    (url) => !url.href.startsWith(desk.origin),
    (route) => (blocked.push(route.request().url()), route.abort('blockedbyclient')),
  );
  const page = await context.newPage();
  // A controlled clock, for the desk's timers (its check for changes made elsewhere).
  if (clock) await page.clock.install();
  const errors = [];
  const consoleLines = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => consoleLines.push({ type: m.type(), text: m.text() }));
  page.on('dialog', (d) => (errors.push(`dialog: ${d.message()}`), d.dismiss().catch(() => {})));
  await page.goto(desk.url);
  await page.locator('[role="option"], .empty').first().waitFor();
  return { page, context, blocked, errors, console: consoleLines };
}

/** The live region's text. */
export const liveText = (page) => page.locator('care-review-desk [role="status"][aria-live]').textContent();

/**
 * Runs axe-core (from node_modules, as @open-wc/testing ships it) on the page, shadow roots included; returns the
 * violations. Open the desk with `bypassCSP` for this: axe itself writes HTML, which the desk's Trusted Types refuse.
 */
export async function axe(page) {
  if (!(await page.evaluate(() => 'axe' in window))) {
    const source = readFileSync(new URL('../../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
    await page.evaluate(source);
  }
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
}
