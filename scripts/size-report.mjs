// What fills each bundle: `npm run size` builds the browser bundles again, with source maps, into a folder of its
// own (dist/ is left alone, so it can run while others test the built files), and sums each bundle's minified
// bytes by the source module they came from. The gzip share of a module is estimated as its code gzipped on its
// own, scaled so the shares add up to the bundle's real min+gzip size (gzip finds repeats across modules, so a
// module gzipped alone looks a little bigger than what it adds; the scaling spreads that evenly).
//
//   node scripts/size-report.mjs [--top N] [--json FILE] [--by package|file] [bundle-name …]
//
// `--by package` groups node_modules by package and src/ by folder; the default is one row per file.
import { build } from 'vite';
import { gzipSync } from 'node:zlib';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve, dirname } from 'node:path';
import { execSync } from 'node:child_process';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
};
const top = Number(option('--top', '20'));
const jsonFile = option('--json', undefined);
const by = option('--by', 'file');
if (!['file', 'package'].includes(by)) throw new Error(`--by must be "file" or "package", not "${by}".`);

// The same entries as scripts/build.mjs (the browser bundles; the npm build is not a download).
const outputs = [
  { entry: 'src/define/all.ts', name: 'carecircle', format: 'es', file: 'carecircle.js' },
  { entry: 'src/define/all.ts', name: 'carecircle', format: 'iife', file: 'carecircle.iife.js' },
  { entry: 'src/define/care-hashtag-feed.ts', name: 'care-hashtag-feed', format: 'es', file: 'care-hashtag-feed.js' },
  { entry: 'src/define/care-support-groups.ts', name: 'care-support-groups', format: 'es', file: 'care-support-groups.js' },
  { entry: 'src/define/care-chat-schedule.ts', name: 'care-chat-schedule', format: 'es', file: 'care-chat-schedule.js' },
];
const wanted = args.filter((a) => !a.startsWith('--'));
const unknown = wanted.filter((w) => !outputs.some((o) => o.name === w || o.file === w));
if (unknown.length) throw new Error(`No bundle named ${unknown.join(', ')}; the bundles are ${outputs.map((o) => o.file).join(', ')}.`);
const chosen = wanted.length ? outputs.filter((o) => wanted.includes(o.name) || wanted.includes(o.file)) : outputs;

const gz = (text) => gzipSync(text, { level: 9 }).length;
const kb = (bytes) => (bytes / 1000).toFixed(2);

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Map([...B64].map((c, i) => [c, i]));

/** Source map `mappings` as lines of [column, sourceIndex | -1] segments (base64 VLQ, the v3 format). */
function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  for (const line of mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const c of segment) {
        const digit = B64_VALUE.get(c);
        if (digit === undefined) throw new Error(`Bad source map: "${c}" in mappings.`);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      if (fields.length > 1) source += fields[1];
      segments.push([column, fields.length > 1 ? source : -1]);
    }
    lines.push(segments);
  }
  return lines;
}

/** Where a module's bytes are counted: its path in the repository, or its package (and src/ folder) with --by package. */
function groupOf(source) {
  const path = source.replace(/\\/g, '/');
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + 'node_modules/'.length).split('/');
    const pkg = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    return by === 'package' ? pkg : `${pkg}/${rest.slice(pkg.split('/').length).join('/')}`;
  }
  if (path.startsWith('\0') || path.includes('vite/') || !path.includes('src/')) return path.startsWith('\0') ? 'bundler runtime' : path;
  const src = path.slice(path.indexOf('src/'));
  return by === 'package' ? dirname(src) : src;
}

/** Each group's code in one built file, by the source map beside it. */
async function composition(file) {
  const code = await readFile(file, 'utf8');
  const map = JSON.parse(await readFile(`${file}.map`, 'utf8'));
  const root = resolve(dirname(file), map.sourceRoot ?? '');
  const groups = map.sources.map((s) => groupOf(relative(process.cwd(), resolve(root, s))));
  const parts = new Map();
  const add = (group, text) => {
    if (!text) return;
    if (!parts.has(group)) parts.set(group, []);
    parts.get(group).push(text);
  };
  const codeLines = code.split('\n');
  // A segment runs to the next one, across line ends: a template literal (css``, html``) spans lines with no
  // segment of their own, and its text belongs to the module it came from. Only code before the first segment,
  // and segments without a source, are the bundler's own.
  let current = '(bundler glue, unmapped)';
  const decoded = decodeMappings(map.mappings);
  codeLines.forEach((line, lineNo) => {
    const segments = decoded[lineNo] ?? [];
    add(current, line.slice(0, segments[0]?.[0] ?? line.length) + (lineNo + 1 < codeLines.length ? '\n' : ''));
    segments.forEach(([column, source], i) => {
      current = source < 0 ? '(bundler glue, unmapped)' : groups[source];
      const last = i + 1 === segments.length;
      add(current, line.slice(column, last ? line.length : segments[i + 1][0]) + (last && lineNo + 1 < codeLines.length ? '\n' : ''));
    });
  });
  return parts;
}

const out = await mkdtemp(join(tmpdir(), 'carecircle-size-'));
const report = {};
try {
  // The compiled validators must be current, as in scripts/build.mjs.
  execSync('node scripts/compile-validators.mjs', { stdio: 'inherit' });
  for (const o of chosen) {
    process.env.CARE_ENTRY = o.entry;
    process.env.CARE_NAME = o.name;
    process.env.CARE_FORMAT = o.format;
    await build({ configFile: 'vite.config.ts', logLevel: 'error', build: { outDir: out, sourcemap: true } });
    const file = join(out, o.file);
    const code = await readFile(file, 'utf8');
    // The source map comment is not in the real build.
    const shipped = code.replace(/\n?\/\/# sourceMappingURL=.*\s*$/, '');
    const total = { min: Buffer.byteLength(shipped), gzip: gz(shipped) };
    const parts = await composition(file);
    const rows = [...parts].map(([group, texts]) => {
      const text = texts.join('');
      return { group, min: Buffer.byteLength(text), alone: gz(text) };
    });
    const aloneSum = rows.reduce((n, r) => n + r.alone, 0);
    for (const r of rows) r.gzip = Math.round((r.alone * total.gzip) / aloneSum);
    rows.sort((a, b) => b.gzip - a.gzip);
    report[o.file] = { total, modules: rows };
    console.log(`\ndist/${o.file}: ${kb(total.min)} KB min, ${kb(total.gzip)} KB min+gzip, ${rows.length} modules (top ${top})`);
    console.table(
      rows.slice(0, top).map((r) => ({
        module: r.group,
        'min (KB)': kb(r.min),
        'gzip alone (KB)': kb(r.alone),
        'gzip share (KB)': kb(r.gzip),
        '%': ((100 * r.gzip) / total.gzip).toFixed(1),
      })),
    );
  }
} finally {
  await rm(out, { recursive: true, force: true });
}
if (jsonFile) await writeFile(jsonFile, JSON.stringify(report, null, 2) + '\n');
