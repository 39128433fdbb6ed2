// Config for `npm run analyze` (@custom-elements-manifest/analyzer): writes custom-elements.json from the
// widgets' JSDoc (@summary @fires @csspart @cssprop @slot). Storybook's docs pages read that file.
// The base class is analysed too, so inherited attributes (src, theme) and the config property appear.
import { readFileSync, readdirSync } from 'node:fs';

/** Tags are registered by `define('care-x', CareX)` in src/define/*.ts, which the analyzer cannot see. */
function definitions() {
  const found = new Map();
  for (const file of readdirSync('src/define')) {
    const text = readFileSync(`src/define/${file}`, 'utf8');
    for (const m of text.matchAll(/\bdefine\(\s*['"]([a-z][\w-]*-[\w-]*)['"]\s*,\s*(\w+)\s*\)/g)) found.set(m[2], m[1]);
  }
  return found;
}

/** Lit reactive properties that are internal state (`state: true`) or property-only (`attribute: false`). */
function propertyOptions(source) {
  const state = new Set();
  const noAttribute = new Set();
  const block = /static\s+(?:override\s+)?properties\s*=\s*\{([\s\S]*?)\n\s*\};/g;
  for (const b of source.matchAll(block)) {
    for (const m of b[1].matchAll(/(\w+)\s*:\s*\{([^}]*)\}/g)) {
      if (/\bstate\s*:\s*true/.test(m[2])) state.add(m[1]);
      if (/\battribute\s*:\s*false/.test(m[2])) noAttribute.add(m[1]);
    }
  }
  return { state, noAttribute };
}

const tidy = {
  name: 'carecircle-tidy',
  packageLinkPhase({ customElementsManifest }) {
    const tags = definitions();
    const options = new Map();
    for (const mod of customElementsManifest.modules) {
      options.set(mod.path, propertyOptions(readFileSync(mod.path, 'utf8')));
    }
    for (const mod of customElementsManifest.modules) {
      for (const decl of mod.declarations ?? []) {
        if (decl.kind !== 'class') continue;
        const own = options.get(mod.path);
        const inherited = (name) => {
          const from = [...(decl.members ?? []), ...(decl.attributes ?? [])].find((x) => x.name === name || x.fieldName === name)?.inheritedFrom?.module;
          return from ? options.get(from.replace(/^\//, '').replace(/\.js$/, '.ts')) : undefined;
        };
        const is = (kind, name) => own?.[kind].has(name) || inherited(name)?.[kind].has(name);
        decl.attributes = decl.attributes?.filter((a) => !is('state', a.fieldName ?? a.name) && !is('noAttribute', a.fieldName ?? a.name));
        // Public API only: Storybook's docs table shows every member it is given.
        decl.members = decl.members?.filter((m) => !is('state', m.name) && !m.name.startsWith('#') && m.privacy !== 'private' && m.privacy !== 'protected' && !m.static);
        for (const m of decl.members ?? []) if (is('noAttribute', m.name)) delete m.attribute;
        // Only the documented, named events (`care-*`); the analyzer also guesses from constructor arguments.
        decl.events = decl.events?.filter((e) => e.name && e.name.includes('-'));
        const tag = tags.get(decl.name);
        if (tag) {
          decl.tagName = tag;
          decl.customElement = true;
          mod.exports = [...(mod.exports ?? []), { kind: 'custom-element-definition', name: tag, declaration: { name: decl.name, module: mod.path } }];
        }
      }
    }
  },
};

export default {
  globs: ['src/widgets/**/*.ts', 'src/core/care-element.ts'],
  exclude: ['**/*.test.ts', '**/*.stories.ts', '**/*.d.ts'],
  outdir: '.',
  litelement: true,
  dev: false,
  plugins: [tidy],
};
