import { defineConfig } from 'vite';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { minifyLitTemplates } from './scripts/minify-literals.mjs';

/**
 * Library build of one entry at a time (scripts/build.mjs runs it for each file in dist/). Each output is one
 * minified file holding everything its widgets need to show their first content, so a web team pastes a single
 * script tag; features used later come from chunks beside it (the classic-script build carries them inline).
 * CARE_ENTRY: the source entry; CARE_NAME: the output name; CARE_FORMAT: `es` (default) or `iife`.
 */
const entry = process.env.CARE_ENTRY ?? 'src/define/all.ts';
const name = process.env.CARE_NAME ?? 'carecircle';
const format = (process.env.CARE_FORMAT ?? 'es') as 'es' | 'iife' | 'lib';

/** `lib`: the npm build (dist/lib/), modules with lit and zod left as imports for the app's bundler. */
const npmBuild = {
  outDir: 'dist/lib',
  emptyOutDir: false,
  target: 'es2022',
  minify: false,
  lib: {
    entry: {
      index: 'src/index.ts',
      'define/all': 'src/define/all.ts',
      'define/care-hashtag-feed': 'src/define/care-hashtag-feed.ts',
      'define/care-support-groups': 'src/define/care-support-groups.ts',
      'define/care-chat-schedule': 'src/define/care-chat-schedule.ts',
    },
    formats: ['es' as const],
  },
  // One output module per source module (dist/lib/widgets/…/x.js beside dist/types/widgets/…/x.d.ts), so the
  // manifest's module paths name files that ship, and an app's bundler tree-shakes by module.
  rolldownOptions: {
    external: [/^lit(\/|$)/, /^@lit\//, /^zod(\/|$)/],
    output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
  },
};

/**
 * The classic script cannot load chunks, so each `import('./x.js')` of ours becomes a static import of the same
 * module (resolved at once). Inlined by the bundler instead, every lazily imported module and what it imports
 * would be wrapped in an init function (+0.6 KB min+gzip).
 */
const staticImports = {
  name: 'carecircle-static-imports',
  transform(code: string, id: string) {
    if (!/[\\/]src[\\/].*\.ts$/.test(id) || !code.includes('import(')) return null;
    const imports: string[] = [];
    const out = code.replace(/\bimport\((['"])(\.{1,2}\/[^'"]+)\1\)/g, (_, _q, spec: string) => {
      imports.push(`import * as __careLazy${imports.length} from ${JSON.stringify(spec)};`);
      return `Promise.resolve(__careLazy${imports.length - 1})`;
    });
    return imports.length ? { code: imports.join('') + out, map: null } : null;
  },
};

/** The classic script's own issue-text.ts: its config-problem wording is inline, not a chunk to wait for. */
const inlineIssueText = {
  name: 'carecircle-inline-issue-text',
  enforce: 'pre' as const,
  resolveId: (source: string, importer?: string) =>
    importer && /(^|\/)issue-text\.js$/.test(source) ? resolve(dirname(importer), source.replace(/\.js$/, '.inline.ts')) : null,
};

export default defineConfig({
  publicDir: false,
  // The browser bundles only: the npm build keeps its modules as written.
  plugins: format === 'iife' ? [staticImports, inlineIssueText, minifyLitTemplates] : format === 'es' ? [minifyLitTemplates] : [],
  logLevel: 'warn',
  build:
    format === 'lib'
      ? npmBuild
      : {
          outDir: 'dist',
          emptyOutDir: false,
          target: 'es2022',
          minify: true,
          sourcemap: false,
          reportCompressedSize: false,
          lib: {
            entry,
            name: 'CareCircle',
            formats: [format],
            fileName: () => (format === 'iife' ? `${name}.iife.js` : `${name}.js`),
          },
          rolldownOptions: {
            // The bundles export nothing a page uses, so the entry may carry the exports its chunks import.
            preserveEntrySignatures: false,
            // ES: each feature loaded when used (an `import()`) is a chunk in dist/chunks/, imported by a path
            // relative to the bundle, so the browser fetches it from beside the bundle wherever that is. Every
            // module the bundle needs at start stays in the bundle itself (the `$initial` group, named like
            // the entry, merges into it): one file before first content, and chunks import from it. The
            // classic script cannot import: it carries its features inline.
            // `comments.annotation: false`: a page runs these files as they are, so the tree-shaking marks that the
            // source (and src/generated/) carries for bundlers, `/* @__PURE__ */` at each call, are bytes for nothing.
            output:
              format === 'iife'
                ? { codeSplitting: false, minify: true, comments: { annotation: false } }
                : {
                    minify: true,
                    comments: { annotation: false },
                    chunkFileNames: `chunks/${name}-[name]-[hash].js`,
                    codeSplitting: { groups: [{ name, tags: ['$initial'] }] },
                  },
          },
        },
  define: {
    // Lit's dev-mode warnings are for development only.
    'process.env.NODE_ENV': JSON.stringify('production'),
    // The classic script carries zod anyway (it loads nothing): it validates with zod alone and leaves the
    // compiled validators out (src/generated/, src/core/config/compiled.ts).
    __CARE_ZOD_ONLY__: JSON.stringify(format === 'iife'),
    // The languages with a file in dist/locales/ (English is built in), and where that folder is from the
    // module that loads them (src/core/i18n/registry.ts): beside a single-file bundle, three up in dist/lib/.
    __CARE_LOCALES__: JSON.stringify(
      existsSync('src/i18n/locales')
        ? readdirSync('src/i18n/locales')
            .filter((f) => f.endsWith('.ts'))
            .map((f) => f.slice(0, -3))
            .sort()
        : [],
    ),
    __CARE_LOCALE_PATH__: JSON.stringify(format === 'lib' ? '../../../locales/' : './locales/'),
    // A single-widget bundle fetches the files with just its widget's messages (dist/locales/care-x/<tag>.js).
    __CARE_LOCALE_SET__: JSON.stringify(format === 'es' && name.startsWith('care-') ? `${name}/` : ''),
  },
});
