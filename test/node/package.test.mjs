// The npm package as a web team gets it: a clean tarball (`npm pack --dry-run`), entry points that exist,
// and a manifest whose module paths, events and tokens describe what ships. Needs `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const packed = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
)[0].files.map((f) => f.path);
const patterns = readFileSync('test/node/expected-files.txt', 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));
const glob = (p) =>
  new RegExp(
    '^' +
      p
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*\*\//g, '\u0000')
        .replace(/\*/g, '[^/]*')
        .replace(/\u0000/g, '(?:.*/)?') +
      '$',
  );

test('the tarball holds exactly the expected files', () => {
  const unexpected = packed.filter((f) => !patterns.some((p) => glob(p).test(f)));
  assert.deepEqual(unexpected, [], `files packed but not in test/node/expected-files.txt`);
  const missing = patterns.filter((p) => !packed.some((f) => glob(p).test(f)));
  assert.deepEqual(missing, [], `expected but not packed (run npm run build first)`);
  assert.ok(
    !packed.some((f) => f.startsWith('src/') || f.endsWith('sizes.json') || f.endsWith('.map')),
    'no sources, size report or source maps',
  );
});

test('every JavaScript module of the npm build has its declarations', () => {
  const lib = packed.filter((f) => f.startsWith('dist/lib/'));
  const without = lib.filter((f) => !packed.includes(f.replace('dist/lib/', 'dist/types/').replace(/\.js$/, '.d.ts')));
  assert.deepEqual(without, []);
});

test('package.json names files that are packed', () => {
  const targets = [];
  const walk = (v) => (typeof v === 'string' ? targets.push(v) : v && typeof v === 'object' && Object.values(v).forEach(walk));
  walk(pkg.exports);
  for (const t of [pkg.main, pkg.module, pkg.types, pkg.customElements, pkg['web-types'], ...Object.values(pkg.bin ?? {}), ...targets]) {
    const path = t.replace(/^\.\//, '');
    if (path.includes('*'))
      assert.ok(
        packed.some((f) => glob(path).test(f)),
        `${t} matches a packed file`,
      );
    else assert.ok(packed.includes(path), `${t} is packed`);
  }
  for (const [name, [target]] of Object.entries(pkg.typesVersions['*'])) {
    assert.ok(
      packed.some((f) => glob(target).test(f)),
      `typesVersions ${name} → ${target}`,
    );
  }
  assert.equal(pkg.license, 'MIT');
  assert.match(readFileSync('LICENSE', 'utf8'), /MIT License[\s\S]*2026 CareCircle contributors/);
  assert.ok(pkg.repository?.url && pkg.homepage && pkg.bugs?.url && pkg.keywords?.length, 'repository, homepage, bugs, keywords');
  for (const [dep, range] of Object.entries(pkg.dependencies)) assert.match(range, /^\^\d/, `${dep} takes any compatible version`);
  assert.ok(
    pkg.sideEffects.every((p) => p.startsWith('./dist/')),
    'sideEffects names built files only',
  );
});

test('the manifest describes the shipped files: module paths, event classes, literal themes, global tokens', () => {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  const elements = manifest.modules.flatMap((m) =>
    (m.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => ({ ...d, path: m.path })),
  );
  assert.deepEqual(elements.map((e) => e.tagName).sort(), ['care-chat-schedule', 'care-hashtag-feed', 'care-support-groups']);
  for (const m of manifest.modules) assert.ok(packed.includes(m.path) && existsSync(m.path), `${m.path} ships`);
  for (const e of elements) {
    for (const ev of e.events) assert.match(ev.type?.text ?? '', /^Care\w+Event$/, `${e.tagName} ${ev.name} has its class`);
    const theme = e.attributes.find((a) => a.name === 'theme');
    assert.equal(theme.type.text, "'light' | 'dark' | 'auto' | undefined");
    const tokens = e.cssProperties.map((p) => p.name);
    for (const t of ['--care-color-accent', '--care-color-text', '--care-font-size', '--care-target-size'])
      assert.ok(tokens.includes(t), `${e.tagName} lists ${t}`);
    assert.ok(
      tokens.some((t) => t.startsWith(`--${e.tagName}-`)),
      `${e.tagName} keeps its own properties`,
    );
    assert.match(e.members.find((m) => m.name === 'config').type.text, /^\w+Config \| string \| undefined$/);
  }
});

test('editor data: VS Code custom data and JetBrains web-types list the tags, theme values and events', () => {
  const vscode = JSON.parse(readFileSync('dist/editors/vscode.html-custom-data.json', 'utf8'));
  const tags = Object.fromEntries(vscode.tags.map((t) => [t.name, t]));
  for (const tag of ['care-hashtag-feed', 'care-support-groups', 'care-chat-schedule']) {
    const theme = tags[tag].attributes.find((a) => a.name === 'theme');
    assert.deepEqual(theme.values.map((v) => v.name).sort(), ['auto', 'dark', 'light'], `${tag} theme values`);
    assert.ok(tags[tag].attributes.some((a) => a.name === 'src'));
  }
  const css = JSON.parse(readFileSync('dist/editors/vscode.css-custom-data.json', 'utf8'));
  assert.ok(css.properties.some((p) => p.name === '--care-color-accent'));
  const webTypes = JSON.parse(readFileSync('dist/editors/web-types.json', 'utf8'));
  assert.equal(webTypes.name, pkg.name);
  assert.equal(webTypes.version, pkg.version);
  const elements = webTypes.contributions.html.elements;
  const groups = elements.find((e) => e.name === 'care-support-groups');
  assert.ok(groups.events.some((e) => e.name === 'care-config-error'));
  assert.equal(groups.attributes.find((a) => a.name === 'theme').value.type, "'light' | 'dark' | 'auto' | undefined");
});
