// Each browser bundle's first line is V8's explicit compile hint (scripts/build.mjs, compileHint): the browser then
// compiles every function while the file streams in, off the main thread, not each at its first call in the tasks
// that draw the first screen. A comment anywhere else is ignored, so it must stay the very first line; chunks
// loaded when a feature is used stay lazy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const HINT = '//# allFunctionsCalledOnLoad\n';
const built = existsSync('dist/carecircle.js');

test('each browser bundle starts with the compile hint; no chunk does', { skip: !built && 'dist/ is not built' }, () => {
  for (const file of ['carecircle.js', 'carecircle.iife.js', 'care-hashtag-feed.js', 'care-support-groups.js', 'care-chat-schedule.js'])
    assert.ok(readFileSync(`dist/${file}`, 'utf8').startsWith(HINT), `dist/${file} does not start with the hint`);
  const chunks = readdirSync('dist/chunks').filter((f) => f.endsWith('.js'));
  assert.ok(chunks.length > 0, 'no chunks built');
  for (const file of chunks)
    assert.ok(!readFileSync(`dist/chunks/${file}`, 'utf8').includes('allFunctionsCalledOnLoad'), `dist/chunks/${file}`);
});
