// Config for `npm run analyze` (@custom-elements-manifest/analyzer): writes custom-elements.json from the
// widgets' JSDoc (@summary @fires @csspart @cssprop @slot). Storybook's docs pages read that file.
// The base class is analysed too, so inherited attributes (src, theme) and the config property appear.
// Its packageLinkPhase also rewrites module paths to the files that ship (dist/lib/…/x.js), names each event's
// class, and lists the global --care-* tokens on every element; then the editor and framework data is generated
// from the result into dist/frameworks/ (React JSX and Vue types) and dist/editors/ (VS Code, JetBrains).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { jsxTypesPlugin } from '@wc-toolkit/jsx-types';
import { customElementVuejsPlugin } from 'custom-element-vuejs-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';

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

/** Event name → its class, from `static readonly type = 'care-…'` in src/core/events.ts. */
function eventClasses() {
  const text = readFileSync('src/core/events.ts', 'utf8');
  return new Map([...text.matchAll(/export class (\w+) extends Event \{\s*static readonly type = '([\w-]+)'/g)].map((m) => [m[2], m[1]]));
}

/** `src/widgets/x/x.ts` → `dist/lib/widgets/x/x.js`: the npm build keeps one module per source module. */
const shipped = (path) => path.replace(/^\/?src\//, 'dist/lib/').replace(/\.ts$/, '.js');

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
          const from = [...(decl.members ?? []), ...(decl.attributes ?? [])].find((x) => x.name === name || x.fieldName === name)
            ?.inheritedFrom?.module;
          return from ? options.get(from.replace(/^\//, '').replace(/\.js$/, '.ts')) : undefined;
        };
        const is = (kind, name) => own?.[kind].has(name) || inherited(name)?.[kind].has(name);
        decl.attributes = decl.attributes?.filter((a) => !is('state', a.fieldName ?? a.name) && !is('noAttribute', a.fieldName ?? a.name));
        // Public API only: Storybook's docs table shows every member it is given.
        decl.members = decl.members?.filter(
          (m) => !is('state', m.name) && !m.name.startsWith('#') && m.privacy !== 'private' && m.privacy !== 'protected' && !m.static,
        );
        for (const m of decl.members ?? []) if (is('noAttribute', m.name)) delete m.attribute;
        // Only the documented, named events (`care-*`); the analyzer also guesses from constructor arguments.
        decl.events = decl.events?.filter((e) => e.name && e.name.includes('-'));
        // A property an element re-declares (`declare config: XConfig | string | undefined`) keeps its own type:
        // the analyzer's inheritance pass would otherwise keep the base class's (`unknown`).
        const source = readFileSync(mod.path, 'utf8');
        for (const m of source.matchAll(/^ {2}declare (\w+): ([^;]+);/gm)) {
          const member = decl.members?.find((x) => x.name === m[1]);
          if (member && member.inheritedFrom) {
            member.type = { text: m[2].trim() };
            delete member.inheritedFrom;
          }
        }
        const events = eventClasses();
        for (const e of decl.events ?? []) if (events.has(e.name)) e.type = { text: events.get(e.name) };
        const tag = tags.get(decl.name);
        if (tag) {
          decl.tagName = tag;
          decl.customElement = true;
          mod.exports = [
            ...(mod.exports ?? []),
            { kind: 'custom-element-definition', name: tag, declaration: { name: decl.name, module: mod.path } },
          ];
        }
      }
    }
    // The global tokens are documented once, on the base class; every element reads them.
    const base = customElementsManifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.name === 'CareElement');
    for (const mod of customElementsManifest.modules) {
      for (const decl of mod.declarations ?? []) {
        if (!decl.customElement || !base?.cssProperties) continue;
        const own = new Set((decl.cssProperties ?? []).map((p) => p.name));
        decl.cssProperties = [
          ...(decl.cssProperties ?? []),
          ...base.cssProperties
            .filter((p) => !own.has(p.name))
            .map((p) => ({ ...p, inheritedFrom: { name: 'CareElement', module: 'src/core/care-element.ts' } })),
        ];
      }
    }
    // Paths last (the options above are keyed by source path).
    const fix = (ref) => ref?.module && (ref.module = shipped(ref.module));
    for (const mod of customElementsManifest.modules) {
      mod.path = shipped(mod.path);
      for (const decl of mod.declarations ?? []) {
        fix(decl.superclass);
        for (const list of [decl.members, decl.attributes, decl.events, decl.cssProperties])
          for (const x of list ?? []) fix(x.inheritedFrom);
      }
      for (const ex of mod.exports ?? []) fix(ex.declaration);
    }
  },
};

/**
 * The JSX generator imports only element classes (and `CustomEvent<T>` details), the Vue one each event class
 * once per element (duplicates), so both are given event types
 * that resolve without an import: `GlobalEventHandlersEventMap['care-ready']`, declared by the package.
 */
function globalEventTypes(plugin) {
  return {
    ...plugin,
    packageLinkPhase(context) {
      const manifest = structuredClone(context.customElementsManifest);
      for (const mod of manifest.modules)
        for (const decl of mod.declarations ?? [])
          for (const e of decl.events ?? []) if (e.type) e.type = { text: `GlobalEventHandlersEventMap['${e.name}']` };
      return plugin.packageLinkPhase({ ...context, customElementsManifest: manifest });
    },
  };
}

/**
 * vue-tsc checks a template's `time-zone="…"` and `@care-ready="…"` against camelCase props (`timeZone`,
 * `onCareReady`), as Vue normalises them; the generator writes them as written in HTML (`"time-zone"`,
 * `"oncare-ready"`), so strict templates rejected valid attributes. Rename them in its output, and type each
 * handler's event as the event it is.
 */
function vueCamelCase(plugin, file) {
  return {
    ...plugin,
    async packageLinkPhase(context) {
      await plugin.packageLinkPhase(context);
      const camel = (name) => name.replace(/-(\w)/g, (_, c) => c.toUpperCase());
      const text = readFileSync(file, 'utf8')
        .replace(/"on([a-z][\w-]*)"\?:/g, (_, event) => `${camel(`on-${event}`)}?:`)
        .replace(/"([a-z][\w]*(?:-[\w]+)+)"\?:/g, (_, name) => `${camel(name)}?:`)
        // Our events are Event subclasses with their own `detail`, not CustomEvents wrapping them.
        .replace(/CustomEvent<(GlobalEventHandlersEventMap\["[\w-]+"\])>/g, '$1');
      writeFileSync(file, text);
    },
  };
}

// Framework types import the element classes from the shipped declarations (relative to dist/frameworks/).
const types = '../types/index.js';
const editorData = [
  globalEventTypes(
    jsxTypesPlugin({ outdir: 'dist/frameworks', fileName: 'react.d.ts', globalTypePath: types, stronglyTypedEvents: true, hideLogs: true }),
  ),
  vueCamelCase(
    globalEventTypes(customElementVuejsPlugin({ outdir: 'dist/frameworks', fileName: 'vue.d.ts', globalTypePath: types, hideLogs: true })),
    'dist/frameworks/vue.d.ts',
  ),
  customElementVsCodePlugin({
    outdir: 'dist/editors',
    htmlFileName: 'vscode.html-custom-data.json',
    cssFileName: 'vscode.css-custom-data.json',
    hideLogs: true,
  }),
  customElementJetBrainsPlugin({ outdir: 'dist/editors', webTypesFileName: 'web-types.json', packageJson: false, hideLogs: true }),
];

export default {
  globs: ['src/widgets/**/*.ts', 'src/core/care-element.ts'],
  exclude: ['**/*.test.ts', '**/*.stories.ts', '**/*.d.ts'],
  outdir: '.',
  litelement: true,
  dev: false,
  plugins: [tidy, ...editorData],
};
