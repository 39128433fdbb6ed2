// The README's generated parts match the code: the config reference (from the built JSON Schemas) and the
// message keys (from the English catalogues). Each script's --check exits 1 when the README is out of date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const check = (script) => spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });

test('the config reference is the one the JSON Schemas give (node scripts/readme-reference.mjs)', () => {
  const r = check('scripts/readme-reference.mjs');
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('every messages key of every widget is listed with its English text (node scripts/readme-messages.mjs)', () => {
  const r = check('scripts/readme-messages.mjs');
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const readme = readFileSync('README.md', 'utf8');
  for (const key of ['loading', 'editorDetails', 'feed']) assert.match(readme, new RegExp(`^\\| \`${key}\` \\| `, 'm'));
});

test('the README is for web teams: limits the build enforces, no project management', () => {
  const readme = readFileSync('README.md', 'utf8');
  assert.doesNotMatch(readme, /issue target|issues' targets/i);
  const limits = readFileSync('scripts/build.mjs', 'utf8').matchAll(/'([\w.-]+\.js)': \{[^}]*limit: ([\d.]+)/g);
  for (const [, file, limit] of limits)
    assert.match(
      readme,
      new RegExp(`\\| \`dist/${file.replace(/\./g, '\\.')}\` \\|.*\\| ${limit} KB \\|`),
      `README states the limit of dist/${file}`,
    );
});
