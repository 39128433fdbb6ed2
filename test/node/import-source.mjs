// Not a test: imports TypeScript source in Node. esbuild bundles `contents` (import/export lines, resolved from
// `resolveDir`) into a temporary module, which is then imported. Used by the node tests that run the validators
// and schemas as written, and by the bench.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export async function importSource(contents, { resolveDir = process.cwd(), sourcefile } = {}) {
  const outfile = join(mkdtempSync(join(tmpdir(), 'carecircle-source-')), 'bundle.mjs');
  await build({
    stdin: { contents, resolveDir, sourcefile, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'error',
  });
  return import(pathToFileURL(outfile).href);
}
