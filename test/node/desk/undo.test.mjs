// Undo, then a click: the post the reviewer clicks is the post selected, whether the undo has answered yet or not
// (the undo used to take the selection back to the undone post when it landed, away from the post just clicked).
// Needs the build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pipelineFolder, record, startReview, launch, openDesk, readRecords, until, liveText } from './helpers.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

const selected = async (page) =>
  (await page.locator('[role="option"][aria-selected="true"]').textContent()).replace(/\s+/g, ' ').trim().split(' @')[0];
const focusedText = (page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  });
const option = (page, n) => page.locator('[role="option"]', { hasText: new RegExp(`^\\s*Patient ${n}\\s`) });

test('a post clicked while an undo is on its way stays selected when the undo lands', async () => {
  const records = [record(0), record(1), record(2), record(3)];
  const dir = await pipelineFolder(records);
  const desk = await startReview(dir, { actor: 'comms.ana' });
  try {
    const { page, errors } = await openDesk(browser, desk);
    await page.keyboard.press('a');
    await until(async () => (await readRecords(dir)).get(records[0].key).state === 'approved', 'approve stored');
    await until(async () => (await selected(page)) === 'Patient 1', 'the next post selected');
    // The undo's request waits at the network until the reviewer has clicked post 2.
    let release;
    const clicked = new Promise((resolve) => (release = resolve));
    await page.route('**/api/decide', async (route) => (await clicked, route.continue()));
    await page.locator('button', { hasText: 'Undo' }).click();
    await option(page, 2).click();
    assert.equal(await selected(page), 'Patient 2');
    release();
    await until(async () => (await readRecords(dir)).get(records[0].key).state === 'pending', 'undo stored');
    await until(async () => (await liveText(page)).startsWith('Undone: approved.'), 'undo announced');
    // The undone post is back in the list; the reviewer is still on the post they clicked, and so is focus.
    await option(page, 0).waitFor();
    assert.equal(await page.locator('[role="option"]').count(), 4);
    assert.equal(await selected(page), 'Patient 2');
    assert.match(await focusedText(page), /^Patient 2 /);
    assert.match(await page.locator('.review .meta').textContent(), /Pending/);
    // And the next click after the undo selects what it clicks too.
    await option(page, 3).click();
    assert.equal(await selected(page), 'Patient 3');
    await option(page, 0).click();
    assert.equal(await selected(page), 'Patient 0');
    assert.deepEqual(errors, []);
  } finally {
    await desk.stop();
  }
});

test('an undo with no click meanwhile still brings the reviewer back to the undone post', async () => {
  const records = [record(0), record(1), record(2)];
  const dir = await pipelineFolder(records);
  const desk = await startReview(dir, { actor: 'comms.ana' });
  try {
    const { page } = await openDesk(browser, desk);
    await option(page, 1).click();
    await page.keyboard.press('a');
    await until(async () => (await readRecords(dir)).get(records[1].key).state === 'approved', 'approve stored');
    await until(async () => (await selected(page)) === 'Patient 2', 'the next post selected');
    await page.keyboard.press('u');
    await until(async () => (await liveText(page)).startsWith('Undone: approved.'), 'undo announced');
    await until(async () => (await selected(page)) === 'Patient 1', 'the undone post selected');
    await until(async () => /^Patient 1 /.test(await focusedText(page)), 'focus on the undone post');
  } finally {
    await desk.stop();
  }
});
