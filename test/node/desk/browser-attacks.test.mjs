// The desk's doors tried from a real browser that holds the reviewer's cookie: a page on another port of the same
// machine (same site, so the SameSite=Strict cookie goes along) that posts a form and a no-cors fetch, and a
// rebound DNS name (Chromium told that evil.example is 127.0.0.1). Nothing changes in the store. Needs the build.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { findBrowser, chromiumArgs } from '../../../scripts/find-browser.mjs';
import { pipelineFolder, record, startReview, readRecords, readAudit, until } from './helpers.mjs';

const browsers = [];
after(() => Promise.all(browsers.map((b) => b.close())));
const launch = async (args = []) => {
  const b = await chromium.launch({ executablePath: findBrowser(), args: [...chromiumArgs, ...args], headless: true });
  browsers.push(b);
  return b;
};

/** A page another local program (or a site the reviewer visits) could serve. */
async function attackerServer(html) {
  const server = createServer((req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => server.close(ok)) };
}

test('a page on another port, with the reviewer’s cookie, cannot change a post by form or by fetch', async () => {
  const first = record(1);
  const dir = await pipelineFolder([first]);
  const desk = await startReview(dir);
  const body = JSON.stringify({ key: first.key, version: 1, action: 'approve' });
  const attacker = await attackerServer(`<!doctype html><title>win a prize</title>
    <form id="f" method="post" action="${desk.origin}/api/decide" enctype="text/plain" target="sink">
      <input type="hidden" name='${body.slice(0, -1)}, "x": "' value='"}'>
    </form>
    <iframe name="sink"></iframe>
    <script>
      fetch('${desk.origin}/api/decide', { method: 'POST', mode: 'no-cors', credentials: 'include', body: '${body}',
        headers: { 'content-type': 'text/plain' } }).then(() => (document.title = 'fetched'), () => (document.title = 'fetched'));
      document.getElementById('f').submit();
    </script>`);
  try {
    const browser = await launch();
    const context = await browser.newContext();
    const page = await context.newPage();
    // The reviewer opened the desk: the cookie is in this browser.
    await page.goto(desk.url);
    await page.locator('[role="option"]').first().waitFor();
    assert.equal((await context.cookies(desk.origin)).length, 1);
    // The browser hides the answers from the attacker (the desk's CORP and frame-ancestors block them); that they
    // arrived at all means the desk had finished with each request.
    const done = [];
    const mine = (r) => r.url().startsWith(`${desk.origin}/api/decide`);
    context.on('requestfinished', (r) => mine(r) && done.push(r.resourceType()));
    context.on('requestfailed', (r) => mine(r) && done.push(`${r.resourceType()} ${r.failure()?.errorText}`));
    const evil = await context.newPage();
    await evil.goto(attacker.origin);
    await until(() => done.length === 2, 'both attempts answered');
    assert.deepEqual(done.sort(), ['document net::ERR_BLOCKED_BY_RESPONSE', 'fetch net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin']);
    const r = (await readRecords(dir)).get(first.key);
    assert.deepEqual([r.state, r.version], ['pending', 1]);
    assert.deepEqual(readAudit(dir), []);
  } finally {
    await attacker.close();
    await desk.stop();
  }
});

test('a rebound DNS name reaching the desk is refused, even with the token in the address', async () => {
  const dir = await pipelineFolder([record(1)]);
  const desk = await startReview(dir);
  try {
    const browser = await launch(['--host-resolver-rules=MAP evil.example 127.0.0.1']);
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(`http://evil.example:${desk.port}/?token=${desk.token}`);
    assert.equal(response.status(), 421);
    assert.match(await page.locator('body').textContent(), /answers only at http:\/\/127\.0\.0\.1:\d+\//);
    assert.deepEqual(await context.cookies(), [], 'no cookie for the rebound name');
    const api = await page.evaluate(async () => (await fetch('/api/posts', { headers: { 'x-carecircle-desk': '1' } })).status);
    assert.equal(api, 421);
  } finally {
    await desk.stop();
  }
});
