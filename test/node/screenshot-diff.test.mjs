// The screenshot set's comparison (test/screenshots/plugin.mjs): the short cut for a picture byte for byte the
// same as its baseline must not let a changed picture through, and the budget (10 pixels) must hold either way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import { BUDGET, imageDiff } from '../screenshots/plugin.mjs';

/** A 40 × 30 white picture with `dark` pixels (indexes) black, its rows written with PNG filter `filter`. */
const picture = ({ width = 40, height = 30, dark = [], filter = 0 } = {}) => {
  const png = new PNG({ width, height });
  png.data.fill(0xff);
  for (const i of dark) png.data.set([0, 0, 0, 0xff], i * 4);
  return PNG.sync.write(png, { filterType: filter });
};
const diff = (baselineImage, image) => imageDiff({ baselineImage, image, options: BUDGET.diffOptions });
const range = (from, n) => Array.from({ length: n }, (_, k) => from + k);

test('the same bytes: no pixel differs, and no diff image is made', () => {
  const a = picture({ dark: [5, 6, 7] });
  const result = diff(a, Buffer.from(a));
  assert.equal(result.diffPixels, 0);
  assert.equal(result.error, '');
  assert.equal(result.diffImage, undefined, 'no diff image is written for a picture that matches');
});

test('the same pixels written differently (another PNG filter) are compared pixel by pixel, and match', () => {
  const [a, b] = [picture({ dark: [5, 6, 7], filter: 0 }), picture({ dark: [5, 6, 7], filter: 2 })];
  assert.notDeepEqual(a, b, 'the two files differ byte for byte');
  const result = diff(a, b);
  assert.equal(result.diffPixels, 0);
  assert.equal(result.error, '');
});

test('a changed picture differs by the pixels changed, with a diff image of its size', () => {
  const result = diff(picture(), picture({ dark: range(100, 25) }));
  assert.equal(result.diffPixels, 25);
  assert.ok(result.diffPixels > BUDGET.failureThreshold, 'over the budget: the test fails');
  assert.equal(PNG.sync.read(result.diffImage).width, 40);
  // Within the budget: a stray pixel or two.
  assert.equal(diff(picture(), picture({ dark: [3] })).diffPixels, 1);
});

test('a picture of another size is an error, whatever its pixels', () => {
  const result = diff(picture(), picture({ height: 31 }));
  assert.match(result.error, /40 × 31 px, its baseline 40 × 30 px/);
  const drawn = PNG.sync.read(result.diffImage);
  assert.deepEqual([drawn.width, drawn.height], [40, 31]);
});
