// A small static server on 127.0.0.1 (random free port) for the end-to-end suite and the benchmarks.
// Serves the project's built files and test pages, plus pages registered at run time with their own
// response headers (a strict CSP is a header, never a <meta>). No cookies, no caching.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { contentTypes } from '../../../scripts/content-types.mjs';

const types = contentTypes;

export const STRICT_CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'";

/**
 * @param {string} root project root
 * @param {Record<string, string>} mounts extra URL prefixes → directories (e.g. a vite build in a temp dir)
 */
export async function startServer(root, mounts = {}) {
  const pages = new Map();
  let next = 0;
  const requests = [];

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    requests.push(url.pathname);
    const common = { 'cache-control': 'no-store' };
    const page = pages.get(url.pathname);
    if (page) {
      res.writeHead(page.status ?? 200, { 'content-type': page.type ?? types['.html'], ...common, ...page.headers });
      res.end(page.body);
      return;
    }
    let dir = root;
    let rel = decodeURIComponent(url.pathname);
    for (const [prefix, target] of Object.entries(mounts)) {
      if (rel.startsWith(prefix)) {
        dir = target;
        rel = rel.slice(prefix.length);
        break;
      }
    }
    const file = resolve(dir, '.' + normalize('/' + rel));
    if (!file.startsWith(resolve(dir))) {
      res.writeHead(403).end();
      return;
    }
    try {
      let path = file;
      if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
      const body = await readFile(path);
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', ...common });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain', ...common }).end('not found');
    }
  });

  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;

  return {
    origin,
    requests,
    /** Registers a response at a fresh path and returns its absolute URL. */
    add(body, { headers = {}, type, status, name = 'page', ext = '.html' } = {}) {
      const path = `/__gen/${++next}-${name}${ext}`;
      pages.set(path, { body, headers, type, status });
      return origin + path;
    },
    close: () => new Promise((ok) => server.close(ok)),
  };
}

/**
 * A host page. `modules`/`scripts`: module and classic script URLs; `css`: stylesheet URLs; `body`: HTML.
 * With `csp`, the strict policy is sent as a response header.
 */
export function pageHtml({ title = 'CareCircle e2e', modules = [], scripts = [], css = [], body = '', lang = 'en', dir } = {}) {
  return `<!doctype html>
<html lang="${lang}"${dir ? ` dir="${dir}"` : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${css.map((h) => `<link rel="stylesheet" href="${h}">`).join('\n')}
${scripts.map((s) => `<script src="${s}"></script>`).join('\n')}
${modules.map((s) => `<script type="module" src="${s}"></script>`).join('\n')}
</head>
<body>
${body}
</body>
</html>
`;
}
