// The review desk for everyone: axe (axe-core, shadow roots included) finds nothing in any state of the desk —
// list, filters, shortcuts open, reason field, image description editor, bulk confirmation, conflict message,
// publish result, empty queue — and the desk reflows at 320 px, at 200% text, in forced colours and with reduced
// motion, with focus always visible. Needs the build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pipelineFolder, record, startReview, launch, openDesk, axe, cookieOf, api, until, readRecords } from './helpers.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

const queue = () => [
  record(0, { post: { contentWarning: 'Talks about a scan result', media: [{ url: 'https://files.example/scan.png', type: 'image' }] } }),
  record(1, { post: { html: '<p>Three weeks since surgery. <a href="https://ok.example/">Our group</a> helped.</p>', text: undefined } }),
  record(2, { post: { author: { handle: '@nurse.kim@hospital.example', name: 'Kim, breast care nurse' } } }),
  record(3, { state: 'approved', version: 2 }),
  record(4, { state: 'held', version: 2, reason: 'mentions a supplement' }),
];
const feed = {
  hashtag: 'bcsm',
  sources: [{ type: 'snapshot', url: 'https://hospital.example/bcsm.json' }],
  roles: { '@nurse.kim@hospital.example': 'Breast care nurse' },
};

/** Fails with axe's list when anything is found; `state` names the desk's state. */
async function clean(page, state) {
  assert.deepEqual(await axe(page), [], `axe in the state "${state}"`);
}

/** No part of the page is wider than the window (nothing to scroll sideways, nothing cut off). */
const fits = (page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...__e2e.deep('*')].filter((el) => el.getBoundingClientRect().right > width + 1 && el.getClientRects().length);
    return {
      scroll: document.documentElement.scrollWidth <= width,
      wide: wide.slice(0, 5).map((el) => el.localName + (el.id ? `#${el.id}` : '')),
    };
  });

test('axe finds nothing in any state of the desk', { timeout: 120000 }, async () => {
  const records = queue();
  const dir = await pipelineFolder(records, { feed });
  const desk = await startReview(dir, { feed: true });
  try {
    const { page } = await openDesk(browser, desk, { bypassCSP: true });
    await clean(page, 'list');

    await page.locator('summary', { hasText: 'Keyboard shortcuts' }).click();
    await clean(page, 'keyboard shortcuts open');

    await page.locator('care-hashtag-feed button[aria-expanded="false"]').click();
    await clean(page, 'content warning opened in the preview');

    await page.keyboard.press('r');
    await page.locator('#reason:focus').waitFor();
    await clean(page, 'reason field open');
    await page.keyboard.press('Escape');

    await page.keyboard.press('e');
    await page.locator('#alt-0:focus').waitFor();
    await clean(page, 'image description editor open');
    await page.keyboard.press('Escape');

    await page.locator('button', { hasText: 'Block' }).click();
    await page.locator('.bulk-confirm button:not([disabled])', { hasText: 'Reject 1' }).waitFor();
    await clean(page, 'bulk confirmation');
    await page.keyboard.press('Escape');

    await page.locator('#state').selectOption('all');
    await page.locator('[role="option"]', { hasText: 'Patient 4' }).waitFor();
    await page.locator('#word').fill('surgery');
    await until(async () => (await page.locator('[role="option"]').count()) === 1, 'the word filter');
    await clean(page, 'filtered by a word');
    await page.locator('#word').fill('no such words anywhere');
    await page.locator('.empty').waitFor();
    await clean(page, 'filters that match nothing');
    await page.locator('#word').fill('');
    await page.locator('#state').selectOption('pending');
    await until(async () => (await page.locator('[role="option"]').count()) === 3, 'the pending list again');

    // Another reviewer approves post 0 behind this page's back: this page's decision is refused.
    const cookie = await cookieOf(desk);
    assert.equal((await api(desk, cookie, '/api/decide', { key: records[0].key, version: 1, action: 'approve' })).status, 200);
    await page.locator('[role="option"]').first().focus();
    await page.keyboard.press('c');
    await page.locator('#problem button:focus').waitFor();
    await clean(page, 'conflict message');
    await page.keyboard.press('Enter');
    await until(async () => (await page.locator('#problem').textContent()).trim() === '', 'the conflict dismissed');

    await page.locator('button', { hasText: 'Publish now' }).click();
    await page.locator('.report:focus').waitFor();
    const report = await page.locator('.report').textContent();
    assert.match(report, /Added: 2/);
    assert.match(report, /Patient 0 \(@patient0@mastodon\.example\): Post 0/);
    assert.match(report, /Patient 3 \(@patient3@mastodon\.example\): Post 3/);
    await clean(page, 'publish result');

    for (let i = 0; i < 2; i++) await page.keyboard.press('a');
    await page.locator('.empty:focus').waitFor();
    await clean(page, 'empty queue');
    // The list moves at once; the store follows as each decision is answered.
    await until(async () => (await readRecords(dir)).get(records[2].key).state === 'approved', 'the last approval stored');
  } finally {
    await desk.stop();
  }
});

test(
  'at 320 px, at 200% text, in forced colours and with reduced motion: nothing overflows, focus is visible',
  { timeout: 60000 },
  async () => {
    const dir = await pipelineFolder(queue(), { feed });
    const desk = await startReview(dir, { feed: true });
    try {
      for (const [name, options, zoom] of [
        ['320 px wide', { viewport: { width: 320, height: 640 } }, false],
        ['200% text', { viewport: { width: 1280, height: 900 } }, true],
        [
          '320 px, forced colours, reduced motion',
          { viewport: { width: 320, height: 640 }, forcedColors: 'active', reducedMotion: 'reduce' },
          false,
        ],
      ]) {
        const { page, context } = await openDesk(browser, desk, options);
        if (zoom) await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
        await page.keyboard.press('r');
        await page.locator('#reason:focus').waitFor();
        const layout = await fits(page);
        assert.ok(layout.scroll, `${name}: the page scrolls sideways (${layout.wide.join(', ')})`);
        assert.deepEqual(layout.wide, [], `${name}: wider than the window`);
        await page.keyboard.press('Escape');
        await page.locator('[role="option"][aria-selected="true"]:focus').waitFor();
        const ring = await page.evaluate(() => {
          let el = document.activeElement;
          while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
          const s = getComputedStyle(el);
          return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
        });
        assert.ok(ring.style !== 'none' && ring.width >= 2, `${name}: focus ring ${JSON.stringify(ring)}`);
        await context.close();
      }
    } finally {
      await desk.stop();
    }
  },
);
