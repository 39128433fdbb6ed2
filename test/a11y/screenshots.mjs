// Screenshots of the demo pages for a human look (not a test): 320 px and 1280 px, light/dark, forced colours,
// 200% text. MODES=light,dark,forced,text200 and PAGES=index,charity pick some.
// Usage: node scripts/build.mjs --no-types && PORT=8099 node scripts/start.mjs & node test/a11y/screenshots.mjs [outDir]
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const base = process.env.BASE ?? 'http://127.0.0.1:8099';
const out = process.argv[2] ?? '/tmp/care-shots';
const pages = (process.env.PAGES ?? 'index,charity').split(',');
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--headless',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const modes = [
  ['light', { colorScheme: 'light' }],
  ['dark', { colorScheme: 'dark' }],
  ['forced', { colorScheme: 'light', forcedColors: 'active' }],
  ['text200', { colorScheme: 'light' }],
];
for (const page of pages) {
  for (const width of [320, 1280]) {
    for (const [mode, media] of modes) {
      if (process.env.MODES && !process.env.MODES.split(',').includes(mode)) continue;
      const ctx = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
      const p = await ctx.newPage();
      await p.emulateMedia(media);
      await p.goto(`${base}/demo/${page}.html`, { waitUntil: 'networkidle' });
      // 200% text as the browser setting does it: the root font size doubles.
      if (mode === 'text200') await p.evaluate(() => (document.documentElement.style.fontSize = '200%'));
      await p.waitForTimeout(800);
      // In slices, so each picture stays readable at its real size.
      const height = await p.evaluate(() => document.documentElement.scrollHeight);
      const slice = width < 600 ? 1400 : 1000;
      for (let y = 0, n = 0; y < height && n < 12; y += slice, n++) {
        const file = `${out}/${page}-${width}-${mode}-${n}.png`;
        await p.screenshot({ path: file, fullPage: true, clip: { x: 0, y, width, height: Math.min(slice, height - y) } });
        console.log(file);
      }
      await ctx.close();
    }
  }
}
await browser.close();
