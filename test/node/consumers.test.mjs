// Fresh apps' view of the built package: test/consumers/ holds a React 19 + TSX app, Vue 3 component props
// (what vue-tsc checks templates against) and a vanilla TypeScript app, each compiled with tsc against dist/
// through package.json (exports, typesVersions). Typical use must compile; each `@ts-expect-error` line (a
// wrong theme, an unknown config key, another widget's config, an unknown tag) must be an error.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { relative, resolve } from 'node:path';

// Installed as an app would have it: test/consumers/node_modules/carecircle → the package root. The link
// points back into the project (a loop for anything that walks the tree), so it lives only while this runs.
const link = 'test/consumers/node_modules/carecircle';
if (!existsSync(link)) {
  mkdirSync('test/consumers/node_modules', { recursive: true });
  symlinkSync(relative(resolve('test/consumers/node_modules'), resolve('.')), link, 'dir');
}
after(() => rmSync('test/consumers/node_modules', { recursive: true, force: true }));

const tsc = (project, bin = 'node_modules/typescript/bin/tsc') => {
  try {
    execFileSync(process.execPath, [bin, '--noEmit', '-p', project], { encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (e) {
    return e.stdout + e.stderr;
  }
};

for (const [name, project] of [
  ['React 19 + TSX (JSX IntrinsicElements from carecircle/react)', 'test/consumers/tsconfig.react.json'],
  ['Vue 3 (GlobalComponents from carecircle/vue)', 'test/consumers/tsconfig.vue.json'],
  ['vanilla TypeScript with moduleResolution node10 (typesVersions)', 'test/consumers/tsconfig.node10.json'],
]) {
  test(name, () => assert.equal(tsc(project), ''));
}

// What a Vue app's `vue-tsc -b` does: a single-file component's template, with strictTemplates (kebab-case
// attributes and @events as Vue normalises them; each @vue-expect-error must be an error).
test('Vue 3 single-file component (vue-tsc, strictTemplates)', () =>
  assert.equal(tsc('test/consumers/tsconfig.vue-sfc.json', 'node_modules/vue-tsc/bin/vue-tsc.js'), ''));
