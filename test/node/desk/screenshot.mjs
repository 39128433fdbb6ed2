// The README's picture of the review desk (demo/review-desk.png), taken from `carecircle review` on a small
// made-up queue: `node scripts/build.mjs && node test/node/desk/screenshot.mjs`. Not a test (no .test.mjs):
// the picture changes only when someone means it to.
import { readFileSync } from 'node:fs';
import { pipelineFolder, record, startReview, launch, openDesk } from './helpers.mjs';

const ago = (minutes) => new Date(Date.now() - minutes * 60000).toISOString();
const sleeve = readFileSync(new URL('../../../stories/assets/sleeve.svg', import.meta.url));
const people = [
  [
    'Maria Lopez',
    '@maria@mastodon.example',
    'Six months since my last round of chemo. Hair is back, curly this time! Thank you all for the tips on scalp care. #bcsm',
  ],
  [
    'Kim Nguyen, RN',
    '@kim@hospital.example',
    'Reminder: our lymphoedema drop-in is on Thursdays, 2 to 4 pm, level 3. No appointment needed. #bcsm',
  ],
  ['Sam Okafor', '@sam@social.example', 'My compression sleeve arrived today. Any tips for wearing it in hot weather? #bcsm'],
  ['Jo Patel', '@jo@mastodon.example', 'Scan results on Friday. Trying to keep busy. #bcsm'],
  ['Ana Ruiz', '@ana@social.example', 'Walked 5 km for the fundraiser with my sister. Thank you to everyone who gave. #bcsm'],
];
const records = people.map(([name, handle, text], i) =>
  record(i, {
    post: {
      url: `https://${handle.split('@')[2]}/@${handle.split('@')[1]}/${900 + i}`,
      createdAt: ago(30 + i * 47),
      author: { name, handle, url: `https://${handle.split('@')[2]}/@${handle.split('@')[1]}` },
      text,
      ...(i === 2 ? { media: [{ url: 'https://files.example/sleeve.svg', type: 'image' }] } : {}),
      ...(i === 3 ? { contentWarning: 'Waiting for scan results' } : {}),
    },
    firstSeen: ago(30 + i * 47),
    lastSeen: ago(30 + i * 47),
    changedAt: ago(30 + i * 47),
  }),
);
const dir = await pipelineFolder(records, {
  feed: {
    hashtag: 'bcsm',
    sources: [{ type: 'snapshot', url: 'https://hospital.example/bcsm.json' }],
    roles: { '@kim@hospital.example': 'Breast care nurse' },
  },
});
const desk = await startReview(dir, { actor: 'comms.ana', feed: true });
const browser = await launch();
try {
  const { page, context } = await openDesk(browser, desk, { viewport: { width: 1280, height: 800 } });
  await context.route('https://files.example/**', (route) => route.fulfill({ contentType: 'image/svg+xml', body: sleeve }));
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.locator('care-hashtag-feed figcaption').waitFor();
  await page.keyboard.press('e');
  await page.locator('#alt-0:focus').waitFor();
  await page.keyboard.type('A drawing of a compression sleeve on an arm');
  await page.locator('care-hashtag-feed img').evaluate((img) => img.decode());
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'demo/review-desk.png', fullPage: true });
  console.log('wrote demo/review-desk.png');
} finally {
  await browser.close();
  await desk.stop();
}
