import { defineConfig } from 'vite';
import { existsSync, readdirSync } from 'node:fs';

/**
 * Library build of one entry at a time (scripts/build.mjs runs it for each file in dist/). Each output is
 * one self-contained, minified file with no imports, so a web team can paste a single script tag.
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

export default defineConfig({
  publicDir: false,
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
            output: { codeSplitting: false, minify: true },
          },
        },
  define: {
    // Lit's dev-mode warnings are for development only.
    'process.env.NODE_ENV': JSON.stringify('production'),
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
  },
});
