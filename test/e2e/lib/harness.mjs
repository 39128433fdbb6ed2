// A tiny test runner for the end-to-end suite: one shared Chromium, a fresh browser context per test,
// every request that leaves 127.0.0.1 blocked and recorded unless a test mocks it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pageHtml, STRICT_CSP } from './server.mjs';

const probeSource = readFileSync(new URL('./probe.js', import.meta.url), 'utf8');

/** @type {{ name: string, fn: (t: T) => Promise<void>, timeout: number }[]} */
export const tests = [];
const prefix = [];

export function describe(name, fn) {
  prefix.push(name);
  try {
    fn();
  } finally {
    prefix.pop();
  }
}

export function test(name, fn, { timeout = 30000 } = {}) {
  tests.push({ name: [...prefix, name].join(' › '), fn, timeout });
}

/** Set by run.mjs before tests run. */
export const env = { browser: null, server: null, origin: '', root: '' };

export const DIST = {
  all: '/dist/carecircle.js',
  iife: '/dist/carecircle.iife.js',
  feed: '/dist/care-hashtag-feed.js',
  groups: '/dist/care-support-groups.js',
  chat: '/dist/care-chat-schedule.js',
};

/** Where run.mjs also serves dist/: a folder path like a public npm CDN's, to load bundles from anywhere but /dist/. */
export const CDN_DIST = '/cdn/npm/carecircle@0.1.0/dist/';

/** Per-test state: its browser contexts, the requests they made, console output. */
export class T {
  contexts = [];
  requests = [];
  blocked = [];
  console = [];
  pageErrors = [];

  /**
   * A new context and page. `timers`: count live timers/listeners; `csp`: only used by `open`.
   * `timezoneId`, `locale`, `viewport` as Playwright's newContext.
   */
  async page({ timers = false, timezoneId = 'Australia/Sydney', locale = 'en-US', viewport = { width: 1024, height: 800 }, clock } = {}) {
    const context = await env.browser.newContext({ timezoneId, locale, viewport, acceptDownloads: true });
    this.contexts.push(context);
    await context.addInitScript({ content: `window.__e2eOptions = ${JSON.stringify({ timers })};\n${probeSource}` });
    await context.route(
      (url) => !url.href.startsWith(env.origin),
      (route) => {
        this.blocked.push(route.request().url());
        return route.abort('blockedbyclient');
      },
    );
    context.on('request', (r) => this.requests.push({ url: r.url(), headers: r.headers(), method: r.method() }));
    const page = await context.newPage();
    if (clock) await page.clock.install(clock === true ? {} : clock);
    page.on('console', (m) => this.console.push({ type: m.type(), text: m.text() }));
    page.on('pageerror', (e) => this.pageErrors.push(String(e.stack || e)));
    page.on('dialog', (d) => {
      this.dialogs = (this.dialogs ?? 0) + 1;
      d.dismiss().catch(() => {});
    });
    page.t = this;
    return page;
  }

  /** Registers a host page (see pageHtml) and navigates `page` to it. */
  async open(page, spec, { csp = false, headers = {}, waitUntil = 'load' } = {}) {
    const url = env.server.add(pageHtml(spec), { headers: { ...(csp ? { 'content-security-policy': STRICT_CSP } : {}), ...headers } });
    page.csp = csp;
    await page.goto(url, { waitUntil });
    return url;
  }

  async close() {
    await Promise.all(this.contexts.map((c) => c.close().catch(() => {})));
  }
}

// ---------------------------------------------------------------- page helpers

export const probe = (page) =>
  page.evaluate(() => ({
    violations: __e2e.violations,
    errors: __e2e.errors,
    rejections: __e2e.rejections,
    events: __e2e.events,
    defines: __e2e.defines,
    dialogs: __e2e.dialogs,
    pwned: window.__pwned === true,
  }));

/** Waits for a CareCircle event from the element with `id` (or any element when id is null). */
export async function waitEvent(page, type, id, timeout = 8000) {
  try {
    await page.waitForFunction(([type, id]) => __e2e.events.some((e) => e.type === type && (id == null || e.id === id)), [type, id], {
      timeout,
      polling: 50,
    });
  } catch {
    const events = await page.evaluate(() => __e2e.events).catch(() => []);
    throw new Error(`no ${type} from #${id} within ${timeout} ms; events seen: ${JSON.stringify(events.map((e) => `${e.type}#${e.id}`))}`);
  }
  return page.evaluate(([type, id]) => __e2e.events.find((e) => e.type === type && (id == null || e.id === id)), [type, id]);
}

export const events = (page, type, id) =>
  page.evaluate(([type, id]) => __e2e.events.filter((e) => (type == null || e.type === type) && (id == null || e.id === id)), [type, id]);

/** The reader-visible text of a widget's shadow tree. */
export const shadowText = (page, selector) => page.evaluate((s) => __e2e.text(document.querySelector(s)), selector);

/** Waits until the widget's shadow text includes `text` (or matches it, for a RegExp). */
export async function waitText(page, selector, text, timeout = 5000) {
  try {
    await page.waitForFunction(
      ([s, t, re]) => (re ? new RegExp(t).test(__e2e.text(document.querySelector(s))) : __e2e.text(document.querySelector(s)).includes(t)),
      [selector, text instanceof RegExp ? text.source : text, text instanceof RegExp],
      { timeout, polling: 50 },
    );
  } catch {
    const shown = await page.evaluate((s) => __e2e.text(document.querySelector(s)), selector).catch(() => '');
    throw new Error(`${selector} never showed ${text}; it shows: ${shown.slice(0, 300)}`);
  }
}

/** Sets the `config` property of an element (what a framework or a CMS script does). */
export const setConfig = (page, selector, config) =>
  page.evaluate(
    ([s, c]) => {
      document.querySelector(s).config = c;
    },
    [selector, config],
  );

const SENTINEL = 'csp-flush.invalid';

/**
 * Violation reports arrive in later tasks, in the order the violations happened. Instead of sleeping, cause
 * one known violation (an image from a host the policy refuses) and wait for its report: every violation
 * caused before it has then been reported too. The sentinel's own report is removed.
 */
export async function flushViolations(page) {
  await page.evaluate((host) => {
    new Image().src = `https://${host}/${__e2e.violations.length}`;
  }, SENTINEL);
  await page.waitForFunction((host) => __e2e.violations.some((v) => String(v.blocked).includes(host)), SENTINEL, {
    timeout: 5000,
    polling: 20,
  });
  await page.evaluate((host) => (__e2e.violations = __e2e.violations.filter((v) => !String(v.blocked).includes(host))), SENTINEL);
}

/** Asserts the page saw no script errors, rejections, CSP/Trusted Types violations or dialogs. */
export async function assertClean(page, { allowConsole = [] } = {}) {
  if (page.csp) await flushViolations(page);
  const p = await probe(page);
  const t = page.t;
  const cspConsole = t.console.filter(
    (m) => /Content Security Policy|Trusted ?Type|TrustedHTML|TrustedScript/i.test(m.text) && !m.text.includes(SENTINEL),
  );
  assert.deepEqual(p.violations, [], `CSP violations: ${JSON.stringify(p.violations)}`);
  assert.deepEqual(
    cspConsole.map((m) => m.text),
    [],
    'CSP / Trusted Types messages in the console',
  );
  assert.deepEqual(p.errors, [], 'uncaught errors in the page');
  assert.deepEqual(t.pageErrors, [], 'page errors');
  assert.deepEqual(p.rejections, [], 'unhandled promise rejections');
  assert.equal(p.pwned, false, 'the XSS tripwire fired');
  assert.equal(p.dialogs + (t.dialogs ?? 0), 0, 'a dialog opened');
  const errs = t.console.filter((m) => m.type === 'error' && !allowConsole.some((re) => re.test(m.text)));
  return { ...p, consoleErrors: errs };
}

/** JSON data block for inline configs (allowed under a strict CSP: it never runs). */
export const configScript = (config) => `<script type="application/json">${JSON.stringify(config).replace(/</g, '\\u003c')}</script>`;

/** Fulfils a route with JSON and permissive CORS headers. */
export const json = (route, body, { status = 200, headers = {} } = {}) =>
  route.fulfill({
    status,
    contentType: 'application/json; charset=utf-8',
    headers: { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'Link, Retry-After', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

export { assert };
