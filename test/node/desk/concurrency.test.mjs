// Two reviewers at once, each with their own `carecircle review` on one state folder (the real store: its write
// lock, version check and audit log). Conflicting decisions on the same post version: exactly one is refused with
// "Changed by … at …, reload", and the other is what the store and its audit log keep. Needs the build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  pipelineFolder,
  record,
  startReview,
  cookieOf,
  api,
  readRecords,
  readAudit,
  launch,
  openDesk,
  until,
  axe,
  liveText,
} from './helpers.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

/** Nurse Kim and Dr Lee, each with their own `carecircle review` on one state folder holding `records`. */
async function twoReviewers(records, fn) {
  const dir = await pipelineFolder(records);
  const kim = await startReview(dir, { actor: 'nurse.kim' });
  const lee = await startReview(dir, { actor: 'dr.lee' });
  try {
    await fn({ dir, kim, lee });
  } finally {
    await Promise.all([kim.stop(), lee.stop()]);
  }
}

test('40 posts decided by two reviewers at the same moment: 40 refusals, no lost write, one audit line each', async () => {
  const records = Array.from({ length: 40 }, (_, i) => record(i));
  await twoReviewers(records, async ({ dir, kim, lee }) => {
    const [kimCookie, leeCookie] = await Promise.all([cookieOf(kim), cookieOf(lee)]);
    const results = await Promise.all(
      records.map((r) =>
        Promise.all([
          api(kim, kimCookie, '/api/decide', { key: r.key, version: 1, action: 'approve' }),
          api(lee, leeCookie, '/api/decide', { key: r.key, version: 1, action: 'reject', reason: 'not about #bcsm' }),
        ]),
      ),
    );
    const stored = await readRecords(dir);
    const audit = readAudit(dir);
    let refusals = 0;
    for (const [i, [k, l]] of results.entries()) {
      const key = records[i].key;
      assert.deepEqual([k.status, l.status].sort(), [200, 409], `post ${i}: one accepted, one refused`);
      refusals++;
      const [won, lost] = k.status === 200 ? [k, l] : [l, k];
      const winner = won === k ? 'nurse.kim' : 'dr.lee';
      assert.equal(lost.json.error, 'conflict');
      assert.equal(lost.json.message, `Changed by ${winner} at ${won.json.record.changedAt}, reload.`);
      assert.equal(lost.json.record.version, 2, 'the refusal carries the current record');
      const r = stored.get(key);
      assert.equal(r.state, winner === 'nurse.kim' ? 'approved' : 'rejected', `post ${i}: the accepted decision is kept`);
      assert.equal(r.changedBy, winner);
      assert.equal(r.version, 2);
      const lines = audit.filter((e) => e.key === key);
      assert.equal(lines.length, 1, `post ${i}: one audit line`);
      assert.equal(lines[0].actor, winner);
    }
    assert.equal(refusals, 40);
    assert.equal(audit.length, 40);
  });
});

test('in the browser, the second reviewer is told who changed the post and when, and reloads to see it', async () => {
  const records = [record(0), record(1)];
  await twoReviewers(records, async ({ dir, kim, lee }) => {
    const a = await openDesk(browser, kim);
    const b = await openDesk(browser, lee, { clock: true, bypassCSP: true });
    // Both see post 0, version 1. Kim approves it first; Lee, not knowing, rejects it.
    await a.page.keyboard.press('a');
    await until(async () => (await readRecords(dir)).get(records[0].key).state === 'approved', 'Kim’s approval stored');
    // Lee's desk notices within its check interval, and offers the latest without swapping the list under the keys.
    await b.page.clock.fastForward(20000);
    await b.page.locator('.changed', { hasText: 'The queue has changed since it was loaded' }).waitFor();
    assert.equal(await b.page.locator('[role="option"]').count(), 2, 'the list is left as it was');
    assert.deepEqual(await axe(b.page), [], 'axe with the notice shown');
    await b.page.keyboard.press('r');
    await b.page.locator('#reason:focus').waitFor();
    await b.page.keyboard.type('looks like an advert');
    await b.page.keyboard.press('Enter');
    const alert = b.page.locator('#problem[role="alert"] p');
    await alert.waitFor();
    const when = (await readRecords(dir)).get(records[0].key).changedAt;
    assert.match(
      (await alert.textContent()).replace(/\s+/g, ' ').trim(),
      /^Changed by nurse\.kim at \d+ \w+ 2026, \d\d:\d\d:\d\d, reload\.$/,
    );
    assert.equal(await alert.locator('time').getAttribute('datetime'), when);
    // Focus is on Reload; Enter shows the store's truth (post 0 is no longer pending).
    await b.page.locator('#problem button:focus').waitFor();
    await b.page.keyboard.press('Enter');
    await until(async () => (await b.page.locator('[role="option"]').count()) === 1, 'the reloaded queue');
    assert.match(await b.page.locator('[role="option"]').first().textContent(), /Patient 1/);
    const r = (await readRecords(dir)).get(records[0].key);
    assert.deepEqual([r.state, r.changedBy, r.version], ['approved', 'nurse.kim', 2], 'Kim’s write is not lost');
    assert.deepEqual(
      readAudit(dir).map((e) => [e.actor, e.action]),
      [['nurse.kim', 'approve']],
    );
  });
});

test('after a publish, keys act on the published queue: the report takes focus once the list is reloaded', async () => {
  // Another reviewer approves post 0 while this desk still lists it; this reviewer then publishes. The list after the
  // publish (held back here, as on a slow server) no longer has post 0: a key pressed as the report takes focus must
  // decide on post 1, not on the old list's post 0 (a conflict, and the reviewer's decision lost).
  const records = [record(0), record(1), record(2)];
  await twoReviewers(records, async ({ dir, kim, lee }) => {
    const { page } = await openDesk(browser, lee);
    await page.locator('[role="option"]', { hasText: 'Patient 0' }).waitFor();
    assert.equal((await api(kim, await cookieOf(kim), '/api/decide', { key: records[0].key, version: 1, action: 'approve' })).status, 200);
    let published = false;
    let publishes = 0;
    await page.route(
      (url) => url.pathname === '/api/posts',
      async (route) => {
        if (published) await new Promise((r) => setTimeout(r, 1500));
        await route.continue();
      },
    );
    page.on('request', (r) => r.url().includes('/api/publish') && (published = true) && publishes++);
    // What the desk says to screen readers, every change of it (a message can be replaced within milliseconds).
    await page.evaluate(() => {
      const box = document.querySelector('care-review-desk').shadowRoot.querySelector('[role="status"][aria-live]');
      window.__said = [];
      new MutationObserver(() => window.__said.push(box.textContent.trim())).observe(box, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    await page.locator('button', { hasText: 'Publish now' }).click();
    // Seen as well as heard: the button says the publish is on its way, and stays where focus is.
    const button = page.locator('button.publish');
    assert.deepEqual(
      [(await button.textContent()).trim(), await button.getAttribute('aria-disabled')],
      ['Publishing…', 'true'],
      'the button shows the publish on its way',
    );
    // A key while the publish is on its way decides nothing, and says why; a second press publishes nothing more.
    await page.keyboard.press('a');
    // force: Playwright would otherwise wait for aria-disabled to go; a reviewer's second press does not.
    await button.click({ force: true });
    await page.locator('.report:focus').waitFor();
    assert.equal(publishes, 1, 'one publish');
    assert.deepEqual([(await button.textContent()).trim(), await button.getAttribute('aria-disabled')], ['Publish now', 'false']);
    assert.ok((await page.evaluate(() => window.__said)).includes('Publishing… Decide again when the report shows.'), 'said why');
    assert.equal((await readRecords(dir)).get(records[1].key).state, 'pending', 'nothing decided while publishing');
    await page.keyboard.press('a');
    await until(async () => (await readRecords(dir)).get(records[1].key).state === 'approved', 'post 1 approved');
    assert.equal(
      await page
        .locator('#problem')
        .textContent()
        .then((t) => t.trim()),
      '',
      'no conflict',
    );
    assert.deepEqual(
      readAudit(dir)
        .filter((e) => e.action !== 'publish')
        .map((e) => [e.actor, records.findIndex((r) => r.key === e.key), e.action]),
      [
        ['nurse.kim', 0, 'approve'],
        ['dr.lee', 1, 'approve'],
      ],
    );
  });
});

test('a change that leaves every count as it was (pinned, then unpinned, by another reviewer) is still noticed', async () => {
  const records = [record(0), record(1, { state: 'approved' })];
  await twoReviewers(records, async ({ dir, kim, lee }) => {
    const b = await openDesk(browser, lee, { clock: true, bypassCSP: true });
    const cookie = await cookieOf(kim);
    const before = (await api(kim, cookie, '/api/counts')).json?.counts;
    await api(kim, cookie, '/api/decide', { key: records[1].key, version: 1, action: 'pin' });
    await api(kim, cookie, '/api/decide', { key: records[1].key, version: 2, action: 'unpin' });
    assert.equal(readAudit(dir).length, 2);
    // Every count is back where it was; only the revision moved.
    const now = (await api(kim, cookie, '/api/counts')).json?.counts;
    const { revision: r0, ...c0 } = before ?? {};
    const { revision: r1, ...c1 } = now ?? {};
    assert.deepEqual(c1, c0);
    assert.ok(r1 > r0, `revision ${r0} → ${r1}`);
    await b.page.clock.fastForward(20000);
    await b.page.locator('.changed', { hasText: 'The queue has changed since it was loaded' }).waitFor({ timeout: 10000 });
  });
});

test('another reviewer’s change taken in with this reviewer’s own decision is still noticed', async () => {
  const records = [record(0), record(1), record(2)];
  await twoReviewers(records, async ({ dir, kim, lee }) => {
    const cookie = await cookieOf(kim);
    // A decision's answer says how far its own write moved the store's revision.
    const before = (await api(kim, cookie, '/api/counts')).json.counts.revision;
    const own = (await api(kim, cookie, '/api/decide', { key: records[1].key, version: 1, action: 'hold' })).json;
    assert.ok(own.own > 0, `own: ${own.own}`);
    assert.equal(own.counts.revision - before, own.own);

    // Lee's desk loads (one held), then Kim approves post 2 before Lee's desk checks for changes again.
    const b = await openDesk(browser, lee, { clock: true, bypassCSP: true });
    await b.page.locator('.counts li', { hasText: 'Needs clinical review: 1' }).waitFor();
    await api(kim, cookie, '/api/decide', { key: records[2].key, version: 1, action: 'approve' });
    // Lee approves post 0: the answer's counts are the store's, Kim's approval included (approved: 2).
    await b.page.keyboard.press('a');
    await b.page.locator('.counts li', { hasText: 'Approved: 2' }).waitFor();
    // The desk's own check finds nothing new since that answer, so only the answer itself can tell.
    await b.page.clock.fastForward(20000);
    await b.page.locator('.changed', { hasText: 'The queue has changed since it was loaded' }).waitFor({ timeout: 10000 });
    assert.equal(await b.page.locator('[role="option"]').count(), 1, 'the list is left as it was (post 2 still listed)');
    assert.match(await b.page.locator('[role="option"]').first().textContent(), /Patient 2/);
    await b.page.locator('.changed button', { hasText: 'Show the latest' }).click();
    await until(async () => (await b.page.locator('[role="option"]').count()) === 0, 'the latest queue');
  });
});

test('this reviewer’s own decisions, undo and image descriptions alone bring no change notice', async () => {
  const records = [record(0), record(1, { post: { media: [{ url: 'https://files.example/scan.png', type: 'image' }] } }), record(2)];
  const dir = await pipelineFolder(records);
  const lee = await startReview(dir, { actor: 'dr.lee' });
  try {
    const b = await openDesk(browser, lee, { clock: true, bypassCSP: true });
    await b.page.keyboard.press('a');
    await until(async () => readAudit(dir).length === 1, 'the approval stored');
    await b.page.keyboard.press('u');
    await until(async () => readAudit(dir).length === 2, 'the undo stored');
    await until(async () => (await liveText(b.page)).startsWith('Undone: '), 'the undo answered');
    await b.page.keyboard.press('c');
    await until(async () => readAudit(dir).length === 3, 'the hold stored');
    // Post 1 is selected: describe its picture.
    await b.page.keyboard.press('e');
    await b.page.locator('#alt-0:focus').waitFor();
    await b.page.keyboard.type('A CT scan report');
    await b.page.keyboard.press('Control+Enter');
    await until(async () => readAudit(dir).length === 4, 'the description stored');
    await b.page.locator('.review .meta', { hasText: 'last changed by dr.lee' }).waitFor();
    // The desk's check: what it asks the store now is what the answers told it.
    const checked = b.page.waitForResponse((r) => r.url().endsWith('/api/counts'));
    await b.page.clock.fastForward(20000);
    await checked;
    // A later decision's answer renders after the check's: by then a notice would be on screen.
    await b.page.keyboard.press('a');
    await until(async () => readAudit(dir).length === 5, 'the last approval stored');
    await b.page.locator('.counts li', { hasText: 'Approved: 1' }).waitFor();
    assert.equal(await b.page.locator('.changed p').count(), 0, 'no notice');
  } finally {
    await lee.stop();
  }
});
