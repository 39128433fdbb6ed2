// `npm start`: builds dist/ when it is missing or older than the sources, then serves the project folder
// on http://127.0.0.1:8080/ (PORT overrides) with a small static server that has no dependencies, so the
// demo pages load the built files exactly as a web team's pages would. Keeps running until stopped.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentTypes } from './content-types.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';

const types = contentTypes;

/** Newest modification time of any file under `dir` (0 when it does not exist). */
async function newest(dir) {
  let latest = 0;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    latest = Math.max(latest, e.isDirectory() ? await newest(p) : (await stat(p)).mtimeMs);
  }
  return latest;
}

async function distIsFresh() {
  try {
    const built = (await stat(join(root, 'dist/carecircle.js'))).mtimeMs;
    await stat(join(root, 'dist/carecircle.iife.js'));
    const inputs = await Promise.all([
      newest(join(root, 'src')),
      ...['scripts/build.mjs', 'vite.config.ts', 'package.json'].map((f) =>
        stat(join(root, f)).then(
          (i) => i.mtimeMs,
          () => 0,
        ),
      ),
    ]);
    return built >= Math.max(...inputs);
  } catch {
    return false;
  }
}

if (process.argv.includes('--no-build')) {
  // serve whatever dist/ holds
} else if (await distIsFresh()) {
  console.log('dist/ is up to date with src/: skipping the build.');
} else {
  console.log('Building dist/ (node scripts/build.mjs)…');
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    // A budget or type problem still leaves usable bundles: show the demo, but say so loudly.
    const usable = await stat(join(root, 'dist/carecircle.js')).then(
      () => true,
      () => false,
    );
    if (!usable) {
      console.error('The build failed and dist/ has no bundles; fix the build and run npm start again.');
      process.exit(r.status ?? 1);
    }
    console.warn('\n⚠ The build reported a problem (see above). Serving the bundles it wrote anyway.\n');
  }
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(body);
}

const server = createServer(async (req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', { allow: 'GET, HEAD' });
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    return send(res, 400, 'Bad request');
  }
  if (pathname === '/' || pathname === '/demo' || pathname === '/demo/')
    return send(res, 302, 'See /demo/index.html', { location: '/demo/index.html' });
  // Resolve inside the project folder only: `..`, encoded or not, and NUL bytes never leave it.
  if (pathname.includes('\0')) return send(res, 400, 'Bad request');
  let file = resolve(root, '.' + pathname);
  if (file !== root && !file.startsWith(root + sep)) return send(res, 403, 'Forbidden');
  if (/(^|[\\/])(\.git|node_modules[\\/]\.cache)([\\/]|$)/.test(file.slice(root.length))) return send(res, 403, 'Forbidden');
  try {
    let info = await stat(file);
    if (info.isDirectory()) {
      if (!pathname.endsWith('/')) return send(res, 301, 'Moved', { location: pathname + '/' });
      file = join(file, 'index.html');
      info = await stat(file);
    }
    res.writeHead(200, {
      'content-type': types[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  } catch {
    send(res, 404, `Not found: ${pathname}`);
  }
});

server.on('error', (error) => {
  console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use: run PORT=8081 npm start` : error.message);
  process.exit(1);
});

server.listen(port, host, () => {
  const base = `http://${host}:${port}`;
  console.log(`\nCareCircle demo server on ${base}/ (Ctrl+C to stop)\n`);
  console.log(`  Hospital "Cancer support" page: ${base}/demo/index.html`);
  console.log(`  Charity page (own theme, dark):  ${base}/demo/charity.html`);
  console.log(`  Config playground:               ${base}/demo/playground.html\n`);
});
