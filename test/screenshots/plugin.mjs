// The Node side of the screenshot set (test/screenshots/shots.ts takes the pictures in the browser):
// - compares each picture with its baseline, test/screenshots/baseline/<story id>.<mode>.<width>.png, with
//   @web/test-runner-visual-regression (pixelmatch); a failure writes the picture taken and a diff image to
//   test-results/screenshots/ (git-ignored);
// - `--update-visual-baseline` (what `npm run screenshots:update` passes) writes the baselines instead, leaving
//   a file untouched when the new picture would pass against it (so an invisible flicker never becomes a
//   commit), and deletes baselines that no story takes any more;
// - the browser context: device scale factor 1, reduced motion, Sydney time, and no network: a request to
//   any other origin is refused, except pictures, which get one grey placeholder so a post with media looks
//   like one (and the same on every machine).
import { visualRegressionPlugin } from '@web/test-runner-visual-regression/plugin';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { existsSync, readFileSync, readdirSync, mkdirSync, writeFileSync, unlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BASELINE_DIR = join(root, 'test/screenshots/baseline');
export const RESULTS_DIR = join(root, 'test-results/screenshots');
export const update = process.argv.includes('--update-visual-baseline');

/**
 * The budget: a picture fails when more than 10 of its pixels differ from the baseline, a pixel counting
 * as different when pixelmatch's colour distance is above 0.1 (its default: a difference a person sees),
 * anti-aliasing pixels not counted. Two runs on this machine differ by 0 pixels, so the budget only absorbs a
 * stray anti-aliased seam; the smallest real change (one changed letter, a 1 px border on a 44 px button, a
 * token's colour) moves far more than 10 pixels. A picture of another size fails whatever the count.
 */
export const BUDGET = { failureThresholdType: 'pixel', failureThreshold: 10, diffOptions: { threshold: 0.1, includeAA: false } };

/** Whether a new picture would pass against the old baseline: then updating leaves the file as it is. */
const withinBudget = (a, b) => {
  if (a.equals(b)) return true;
  const [x, y] = [PNG.sync.read(a), PNG.sync.read(b)];
  if (x.width !== y.width || x.height !== y.height) return false;
  return pixelmatch(x.data, y.data, null, x.width, x.height, BUDGET.diffOptions) <= BUDGET.failureThreshold;
};

/**
 * The comparison (the plugin's own, with one short cut): a picture byte for byte the same as its baseline (Chromium
 * writes the same PNG for the same pixels) is the same picture, no pixel differing. Any other is decoded and
 * compared by pixelmatch under the budget above, with a diff image for test-results/. Decoding both pictures (up to
 * 1280 × 1600), comparing them and writing a diff image for every picture, matching or not, was half of Node's CPU
 * time for the screenshot set (the feed's pictures: 27 s, now 13). test/node/screenshot-diff.test.mjs checks it.
 */
export const imageDiff = ({ baselineImage, image, options }) => {
  if (baselineImage.equals(image)) return { error: '', diffPercentage: 0, diffPixels: 0 };
  const [base, shot] = [PNG.sync.read(baselineImage), PNG.sync.read(image)];
  const width = Math.max(base.width, shot.width);
  const height = Math.max(base.height, shot.height);
  // Pictures of different sizes fail whatever the count; the diff image then shows both on one canvas.
  const canvas = (png) => {
    if (png.width === width && png.height === height) return png;
    const out = new PNG({ width, height });
    PNG.bitblt(png, out, 0, 0, png.width, png.height, 0, 0);
    return out;
  };
  const diff = new PNG({ width, height });
  const diffPixels = pixelmatch(canvas(base).data, canvas(shot).data, diff.data, width, height, options);
  return {
    error:
      base.width !== shot.width || base.height !== shot.height
        ? `Screenshot is ${shot.width} × ${shot.height} px, its baseline ${base.width} × ${base.height} px.`
        : '',
    diffImage: PNG.sync.write(diff),
    diffPercentage: (diffPixels / (width * height)) * 100,
    diffPixels,
  };
};

const write = (filePath, content) => {
  mkdirSync(dirname(filePath), { recursive: true });
  writeFileSync(filePath, content);
};

export function screenshotPlugins() {
  return [
    visualRegressionPlugin({
      update,
      ...BUDGET,
      baseDir: BASELINE_DIR,
      getBaselineName: ({ name }) => `${name}.png`,
      getImageDiff: imageDiff,
      getFailedName: ({ name }) => join(RESULTS_DIR, `${name}.png`),
      getDiffName: ({ name }) => join(RESULTS_DIR, `${name}.diff.png`),
      saveBaseline: ({ filePath, content }) => {
        if (existsSync(filePath) && withinBudget(readFileSync(filePath), content)) return;
        write(filePath, content);
      },
    }),
    {
      name: 'screenshot-fonts',
      // The font families installed (fontconfig), to check that the baselines' fonts are all there.
      executeCommand({ command }) {
        if (command !== 'screenshot-fonts') return undefined;
        try {
          return execFileSync('fc-list', ['--format', '%{family}\\n'], { encoding: 'utf8' })
            .split('\n')
            .flatMap((line) => line.split(','));
        } catch {
          return [];
        }
      },
    },
    {
      name: 'screenshot-baselines',
      // Lists the baselines that start with `prefix` (names without .png); with `keep`, when updating,
      // deletes the others.
      executeCommand({ command, payload }) {
        if (command !== 'screenshot-baselines') return undefined;
        const list = () =>
          existsSync(BASELINE_DIR)
            ? readdirSync(BASELINE_DIR)
                .filter((f) => f.endsWith('.png') && f.startsWith(payload.prefix))
                .map((f) => f.slice(0, -4))
            : [];
        if (update && payload.keep) {
          for (const name of list()) {
            if (!payload.keep.includes(name)) {
              unlinkSync(join(BASELINE_DIR, `${name}.png`));
              console.log(`screenshots: deleted ${name}.png (no story takes it any more)`);
            }
          }
        }
        return { update, baselines: list() };
      },
    },
  ];
}

/** A 4:3 light grey picture, for every external image a story shows. */
const placeholder = (() => {
  const png = new PNG({ width: 4, height: 3 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([0xd0, 0xd5, 0xdb, 0xff], i);
  return PNG.sync.write(png);
})();

/** The browser context the pictures are taken in. */
export async function screenshotContext(browser, timezoneId) {
  const context = await browser.newContext({
    timezoneId,
    locale: 'en-US',
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
    colorScheme: 'light',
  });
  await context.route(
    (url) => !['localhost', '127.0.0.1'].includes(url.hostname) && url.protocol !== 'data:',
    (route) =>
      route.request().resourceType() === 'image'
        ? route.fulfill({ status: 200, contentType: 'image/png', body: placeholder })
        : route.abort(),
  );
  return context;
}
