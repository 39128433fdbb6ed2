// Each browser bundle's first line is V8's explicit compile hint (scripts/build.mjs, compileHint): the browser then
// compiles every function while the file streams in, off the main thread, not each at its first call in the tasks
// that draw the first screen. A comment anywhere else is ignored, so it must stay the very first line; chunks
// loaded when a feature is used stay lazy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const HINT = '//# allFunctionsCalledOnLoad\n';
const built = existsSync('dist/sizes.json');

test('each browser bundle starts with the compile hint; no chunk does', { skip: !built && 'dist/ is not built' }, () => {
  // The bundles the build checked against a budget (dist/sizes.json), so a bundle added to the build is covered too.
  const bundles = JSON.parse(readFileSync('dist/sizes.json', 'utf8')).flatMap((row) => ('limit (KB)' in row ? [row.file] : []));
  assert.ok(bundles.length >= 5, `the build lists ${bundles.length} bundles`);
  for (const file of bundles) assert.ok(readFileSync(file, 'utf8').startsWith(HINT), `${file} does not start with the hint`);
  const chunks = readdirSync('dist/chunks').filter((f) => f.endsWith('.js'));
  assert.ok(chunks.length > 0, 'no chunks built');
  for (const file of chunks)
    assert.ok(!readFileSync(`dist/chunks/${file}`, 'utf8').includes('allFunctionsCalledOnLoad'), `dist/chunks/${file}`);
});
