// Builds the React 19 and Vue 3 host pages (test/e2e/frameworks/*.html) with vite into a temp dir.
import { build } from 'vite';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** `dist`: the built CareCircle files the pages import (as `carecircle-dist/…`). */
export async function buildFrameworkPages(root, dist = join(root, 'dist')) {
  const outDir = mkdtempSync(join(tmpdir(), 'carecircle-fw-'));
  const dir = join(root, 'test/e2e/frameworks');
  await build({
    configFile: false,
    root: dir,
    base: '/fw/',
    logLevel: 'warn',
    publicDir: false,
    resolve: { alias: { 'carecircle-dist': dist } },
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'false',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      reportCompressedSize: false,
      rolldownOptions: { input: { react: join(dir, 'react.html'), vue: join(dir, 'vue.html') } },
    },
  });
  return outDir;
}
