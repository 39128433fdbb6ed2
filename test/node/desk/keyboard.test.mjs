// A reviewer works the desk by keyboard alone (Chromium, playwright-core): the 200-post queue is cleared with
// a, r (with and without a reason) and c, and each decision lands in the real store and its audit log; undo,
// pin, image descriptions and "remove from the site" too; shortcuts do nothing while typing. Needs the build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  pipelineFolder,
  putRecords,
  record,
  startReview,
  launch,
  openDesk,
  readRecords,
  readAudit,
  countStates,
  until,
  liveText,
} from './helpers.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

/** The focused element, through shadow roots: its role and text. */
const focused = (page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return { role: el?.getAttribute('role'), cls: el?.className, id: el?.id, text: el?.textContent?.replace(/\s+/g, ' ').trim() ?? '' };
  });

/** What the reviewer does with the i-th post of the queue (oldest first). */
const plan = (i) => (i % 10 === 3 ? 'reject-why' : i % 10 === 7 ? 'reject' : i % 25 === 5 ? 'hold' : 'approve');

test('a reviewer clears a 200-post queue by keyboard only; every decision is in the store and the audit log', async () => {
  const records = Array.from({ length: 200 }, (_, i) => record(i));
  const dir = await pipelineFolder(records);
  const desk = await startReview(dir, { actor: 'nurse.kim' });
  try {
    const { page, errors } = await openDesk(browser, desk);
    for (let i = 0; i < 200; i++) {
      const step = plan(i);
      if (step === 'approve') await page.keyboard.press('a');
      else if (step === 'hold') await page.keyboard.press('c');
      else {
        await page.keyboard.press('r');
        await page.locator('#reason:focus').waitFor();
        if (step === 'reject-why') await page.keyboard.type(`off topic ${i}`);
        await page.keyboard.press('Enter');
      }
      if (i === 0) {
        // Focus moved to the next post in the queue, and the live region said what happened.
        await until(async () => (await focused(page)).text.startsWith('Patient 1 '), 'focus on the next post');
        assert.equal((await focused(page)).role, 'option');
        assert.equal(await liveText(page), 'Approved. 199 left.');
      }
    }
    // One file to poll (the audit log), not 200: the store is busy enough.
    await until(async () => readAudit(dir).length === 200, 'every decision stored', 60000);
    await page.locator('.empty:focus').waitFor();
    assert.equal(await liveText(page), 'Approved. No pending posts left.');

    const stored = await readRecords(dir);
    const wrong = records
      .map((r, i) => ({ i, want: plan(i), got: stored.get(r.key) }))
      .filter(({ want, got }) => got.state !== { approve: 'approved', hold: 'held', reject: 'rejected', 'reject-why': 'rejected' }[want]);
    assert.deepEqual(
      wrong.map((w) => `${w.i}: ${w.want} → ${w.got.state}`),
      [],
    );
    const audit = readAudit(dir);
    assert.ok(
      audit.every((e) => e.actor === 'nurse.kim' && e.at),
      'every line names the reviewer and the time',
    );
    for (const [i, r] of records.entries()) {
      const lines = audit.filter((e) => e.key === r.key);
      assert.equal(lines.length, 1, `post ${i} has one audit line`);
      assert.equal(lines[0].action, { approve: 'approve', hold: 'hold', reject: 'reject', 'reject-why': 'reject' }[plan(i)]);
      assert.equal(lines[0].reason, plan(i) === 'reject-why' ? `off topic ${i}` : undefined, `reason of post ${i}`);
      assert.equal(stored.get(r.key).changedBy, 'nurse.kim');
    }
    assert.deepEqual(await countStates(dir), { pending: 0, held: 8, approved: 152, rejected: 40, removed: 0, pinned: 0 });
    assert.deepEqual(errors, []);
    assert.equal(await page.evaluate(() => window.__pwned), false);
  } finally {
    await desk.stop();
  }
});

test('undo, pin, image descriptions and remove from the site, all by keyboard; shortcuts do nothing while typing', async () => {
  const records = [
    record(0),
    record(1, { post: { media: [{ url: 'https://files.example/scan.png', type: 'image' }] } }),
    record(2),
    record(3, { state: 'approved', version: 4 }),
  ];
  const dir = await pipelineFolder(records);
  const desk = await startReview(dir, { actor: 'comms.ana' });
  try {
    const { page } = await openDesk(browser, desk);
    // Approve the first, then undo: it is pending again, selected and focused.
    await page.keyboard.press('a');
    await until(async () => (await readRecords(dir)).get(records[0].key).state === 'approved', 'approve stored');
    await page.keyboard.press('u');
    await until(async () => (await readRecords(dir)).get(records[0].key).state === 'pending', 'undo stored');
    await until(async () => (await liveText(page)).startsWith('Undone: approved.'), 'undo announced');
    await until(async () => (await focused(page)).text.startsWith('Patient 0 '), 'focus back on the undone post');
    assert.equal(readAudit(dir).at(-1).action, 'undo');

    // j moves on; e opens the description editor for the picture without one; Ctrl+Enter saves it.
    await page.keyboard.press('j');
    assert.ok((await focused(page)).text.startsWith('Patient 1 '));
    await page.keyboard.press('e');
    await page.locator('#alt-0:focus').waitFor();
    // Shortcut letters typed into a field are text, not commands.
    await page.keyboard.type('A CT scan report, names covered: approve pending');
    await page.keyboard.press('Control+Enter');
    await until(async () => (await readRecords(dir)).get(records[1].key).altOverrides?.[0], 'description stored');
    assert.equal((await readRecords(dir)).get(records[1].key).altOverrides[0], 'A CT scan report, names covered: approve pending');
    assert.equal((await readRecords(dir)).get(records[1].key).state, 'pending', 'typing "a" and "p" in the field decided nothing');
    // The preview shows the new description, as patients will read it.
    await page.locator('care-hashtag-feed figcaption', { hasText: 'A CT scan report' }).waitFor();

    // p pins (a pinned post is shown, so it is approved too); it leaves the pending queue.
    await page.keyboard.press('p');
    await until(async () => (await readRecords(dir)).get(records[1].key).pinned, 'pin stored');
    assert.equal((await readRecords(dir)).get(records[1].key).state, 'approved');
    await page.locator('.counts li', { hasText: 'Pinned: 1' }).waitFor();

    // The approved list: x removes an approved post from the site.
    await page.locator('#state').selectOption('approved');
    await page.locator('[role="option"]', { hasText: 'Patient 3' }).waitFor();
    await page.keyboard.press('j');
    await until(async () => (await focused(page)).text.startsWith('Patient 3 '), 'focus on the approved post');
    await page.keyboard.press('x');
    await until(async () => (await readRecords(dir)).get(records[3].key).state === 'removed', 'remove stored');
    const last = readAudit(dir).at(-1);
    assert.deepEqual([last.action, last.from, last.to, last.actor], ['remove', 'approved', 'removed', 'comms.ana']);
  } finally {
    await desk.stop();
  }
});

test('with a pointer: approve all of one account, undo it, block another; each post in the audit log', async () => {
  // Accounts by i % 7: posts 1, 8 and 15 are @patient1's; 2 and 9 are @patient2's.
  const records = Array.from({ length: 16 }, (_, i) => record(i));
  const of = (n) => records.filter((_, i) => i % 7 === n);
  const dir = await pipelineFolder(records);
  const desk = await startReview(dir, { actor: 'comms.ana' });
  try {
    const { page } = await openDesk(browser, desk);
    await page.locator('[role="option"]', { hasText: /^\s*Patient 1\s/ }).click();
    await page.locator('button', { hasText: 'Approve all pending from @patient1@mastodon.example' }).click();
    await page.locator('.bulk-confirm button', { hasText: 'Approve 3' }).click();
    await until(
      async () => ((all) => of(1).every((r) => all.get(r.key).state === 'approved'))(await readRecords(dir)),
      'the account approved',
    );
    await until(async () => (await liveText(page)) === 'Approved all from @patient1@mastodon.example: 3 posts. 13 left.', 'announced');
    assert.equal(readAudit(dir).filter((e) => e.action === 'approve' && e.actor === 'comms.ana').length, 3);
    assert.equal((await countStates(dir)).approved, 3, 'no other account touched');

    await page.locator('button', { hasText: 'Undo' }).click();
    await until(
      async () => ((all) => of(1).every((r) => all.get(r.key).state === 'pending'))(await readRecords(dir)),
      'the bulk approval undone',
    );
    assert.equal(readAudit(dir).filter((e) => e.action === 'undo').length, 3);
    // The desk has shown the undone posts again (and selected one) before the reviewer moves on.
    await until(async () => (await liveText(page)).startsWith('Undone: approved all from @patient1@mastodon.example.'), 'undo announced');

    await page.locator('[role="option"]', { hasText: /^\s*Patient 2\s/ }).click();
    await page.locator('button', { hasText: 'Block @patient2@mastodon.example' }).click();
    await page.locator('.bulk-confirm button', { hasText: 'Reject 2' }).click();
    await until(
      async () => ((all) => of(2).every((r) => all.get(r.key).state === 'rejected'))(await readRecords(dir)),
      'the account blocked',
    );
    for (const r of of(2)) assert.equal((await readRecords(dir)).get(r.key).reason, 'blocked account @patient2@mastodon.example');
    assert.deepEqual(await countStates(dir), { pending: 14, held: 0, approved: 0, rejected: 2, removed: 0, pinned: 0 });
  } finally {
    await desk.stop();
  }
});

test('approve all acts on the posts its confirmation counted: one edited meanwhile is left and the desk says so', async () => {
  // Posts 1, 8 and 15 are @patient1's.
  const records = Array.from({ length: 16 }, (_, i) => record(i));
  const of = (n) => records.filter((_, i) => i % 7 === n);
  const dir = await pipelineFolder(records);
  const desk = await startReview(dir, { actor: 'comms.ana' });
  try {
    const { page } = await openDesk(browser, desk);
    await page.locator('[role="option"]', { hasText: /^\s*Patient 1\s/ }).click();
    await page.locator('button', { hasText: 'Approve all pending from @patient1@mastodon.example' }).click();
    const approve = page.locator('.bulk-confirm button', { hasText: 'Approve 3' });
    await approve.waitFor();
    // While the reviewer reads the count: post 8 is edited at its source, and a new post by the account arrives.
    const [, eight] = of(1);
    const late = record(22, { post: { text: 'Stop chemo, buy my protocol at evil.example' } });
    await putRecords(dir, [{ ...eight, version: 2, post: { ...eight.post, text: 'Edited: buy my protocol' } }, late]);
    await approve.click();
    await until(
      async () =>
        (await liveText(page)) ===
        'Approved all from @patient1@mastodon.example: 2 posts. 1 was not changed because it changed meanwhile. 15 left.',
      'announced, with the post left as it was',
    );
    const stored = await readRecords(dir);
    assert.deepEqual(
      [...of(1), late].map((r) => stored.get(r.key).state),
      ['approved', 'pending', 'approved', 'pending'],
    );
  } finally {
    await desk.stop();
  }
});

test('with a pointer: blocking a Bluesky account blocks it by its DID, so its posts under an older handle go too', async () => {
  // did:plc:jo posted as @jo.bsky.social, then renamed itself; did:plc:other took the old handle.
  const bluesky = (i, did, name, handle) =>
    record(i, {
      post: {
        id: `at://${did}/app.bsky.feed.post/3kx${i}`,
        url: `https://bsky.app/profile/${handle.slice(1)}/post/3kx${i}`,
        author: { name, handle, url: `https://bsky.app/profile/${handle.slice(1)}` },
      },
      sources: ['bluesky:search#bcsm'],
    });
  const jo = [
    bluesky(1, 'did:plc:jo', 'Jo', '@jo.bsky.social'),
    bluesky(2, 'did:plc:jo', 'Jo', '@jo-renamed.bsky.social'),
    bluesky(3, 'did:plc:jo', 'Jo', '@jo-renamed.bsky.social'),
  ];
  const other = bluesky(4, 'did:plc:other', 'Sam', '@jo.bsky.social');
  const records = [...jo, other, record(5), record(6)];
  const dir = await pipelineFolder(records);
  const desk = await startReview(dir, { actor: 'comms.ana' });
  try {
    const { page } = await openDesk(browser, desk);
    await page.locator('[role="option"]', { hasText: '@jo-renamed.bsky.social' }).first().click();
    await page.locator('button', { hasText: 'Block @jo-renamed.bsky.social' }).click();
    // The count is the account's, by DID: its post under the old handle too, not Sam's under that handle now.
    const confirm = page.locator('.bulk-confirm');
    await confirm.locator('button', { hasText: 'Reject 3' }).waitFor();
    assert.match(
      await confirm.locator('p').innerText(),
      /from @jo-renamed\.bsky\.social \(under any of its handles\) \(blocked account\)\?$/,
    );
    await confirm.locator('button', { hasText: 'Reject 3' }).click();
    await until(async () => ((all) => jo.every((r) => all.get(r.key).state === 'rejected'))(await readRecords(dir)), 'the account blocked');
    await until(async () => (await liveText(page)) === 'Blocked @jo-renamed.bsky.social: 3 posts. 3 left.', 'announced');
    const stored = await readRecords(dir);
    for (const r of jo) assert.equal(stored.get(r.key).reason, 'blocked account @jo-renamed.bsky.social (did:plc:jo)');
    assert.equal(stored.get(other.key).state, 'pending', 'not the account that took the old handle');
    assert.deepEqual(await countStates(dir), { pending: 3, held: 0, approved: 0, rejected: 3, removed: 0, pinned: 0 });
  } finally {
    await desk.stop();
  }
});
