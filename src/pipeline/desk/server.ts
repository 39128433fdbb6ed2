// `carecircle review`: the review desk, a page on this machine only. node:http bound to 127.0.0.1, a random
// token in the printed address that becomes an HttpOnly SameSite=Strict cookie on first load, and every request
// checked by guard.ts before it reaches the JSON API (api.ts) or the page. Built by scripts/build.mjs into
// dist/cli/desk/server.mjs beside the page's bundle (dist/cli/desk/desk.js); the CLI imports it only for `review`.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { PublishReport, Store } from '../types.js';
import { admit, cookieName } from './guard.js';
import { bulk, decide, deskInfo, listPosts, pendingOf, publishNow, tally, type DeskContext, type DeskFeed, type Reply } from './api.js';

export type { DeskFeed } from './api.js';

export interface DeskOptions {
  store: Store;
  /** Who the audit log names for every decision made here. */
  actor: string;
  feed: DeskFeed;
  publish?: () => Promise<PublishReport>;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The folder holding desk.js (default: beside this module, as built). */
  assets?: string;
}

export interface Desk {
  /** The address to open, with its token: `http://127.0.0.1:PORT/?token=…`. */
  url: string;
  origin: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The page's policy: its own script and styles only, pictures from https (posts' media, as patients' browsers
 * load them), no frames, no plugins, no base or form targets elsewhere, and Trusted Types for every HTML sink
 * (Lit's own policy and the feed's inert parse of post HTML: the only two names allowed).
 */
export const DESK_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html carecircle-inert',
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': DESK_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Review desk · CareCircle</title>
<link rel="stylesheet" href="/desk.css">
<script type="module" src="/desk.js"></script>
</head>
<body>
<main>
<care-review-desk><p>Loading the review desk…</p></care-review-desk>
<noscript><p>The review desk needs JavaScript.</p></noscript>
</main>
</body>
</html>
`;

// The page around the element: only what the element cannot style from inside its shadow root.
const PAGE_CSS = `html { color-scheme: light; background: #ffffff; color: #1d2329; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
@media (forced-colors: active) { html { background: Canvas; color: CanvasText; } }
`;

const BODY_MAX = 64 * 1024;
/** An "approve all / block" lists the posts it counted: up to BULK_MAX of `{ "key", "version" }` (≈ 45 bytes each). */
const BULK_BODY_MAX = 512 * 1024;

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, ...extra });
  res.end(body);
}

const sendJson = (res: ServerResponse, { status, body }: Reply): void =>
  send(res, status, JSON.stringify(body), 'application/json; charset=utf-8');

async function readBody(req: IncomingMessage, max = BODY_MAX): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw Object.assign(new Error(`The request body is larger than ${max / 1024} KB.`), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
  } catch (e) {
    throw Object.assign(new Error(`The request body is not valid JSON: ${(e as Error).message}`), { status: 400 });
  }
}

/** Starts the desk. Rejects when the port is taken or the page was not built. */
export async function startDesk(options: DeskOptions): Promise<Desk> {
  const assets = options.assets ?? fileURLToPath(new URL('.', import.meta.url));
  let script: Buffer;
  try {
    script = await readFile(join(assets, 'desk.js'));
  } catch {
    throw new Error(`The review desk's page is not built (no ${join(assets, 'desk.js')}): run node scripts/build.mjs.`);
  }
  const token = randomBytes(32).toString('base64url');
  const ctx: DeskContext = { store: options.store, actor: options.actor, feed: options.feed, publish: options.publish };
  let port = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: Error & { status?: number }) => {
      // A collect or publish holding the state folder's lock: "try again in a moment", not a failure of the desk.
      const status = error.status ?? (error.name === 'LockError' ? 423 : 500);
      if (!res.headersSent) sendJson(res, { status, body: { error: status === 423 ? 'busy' : 'failed', message: error.message } });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const verdict = admit({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers }, { port, token });
    if (!verdict.ok) {
      req.resume();
      const api = (req.url ?? '').startsWith('/api/');
      if (api) return sendJson(res, { status: verdict.status, body: { error: 'refused', message: verdict.message } });
      return send(res, verdict.status, verdict.message + '\n', 'text/plain; charset=utf-8');
    }
    if (verdict.exchange) {
      // The token leaves the address bar (and history) at once; from now on the cookie carries it.
      return send(res, 303, '', 'text/plain; charset=utf-8', {
        location: '/',
        'set-cookie': `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      });
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /':
      case 'HEAD /':
        return send(res, 200, PAGE, 'text/html; charset=utf-8');
      case 'GET /desk.js':
        return send(res, 200, script, 'text/javascript; charset=utf-8');
      case 'GET /desk.css':
        return send(res, 200, PAGE_CSS, 'text/css; charset=utf-8');
      case 'GET /api/desk':
        return sendJson(res, await deskInfo(ctx));
      case 'GET /api/posts':
        return sendJson(res, await listPosts(ctx, url.searchParams));
      case 'GET /api/pending':
        return sendJson(res, await pendingOf(ctx, url.searchParams));
      case 'GET /api/counts':
        return sendJson(res, { status: 200, body: { counts: await tally(ctx) } });
      case 'POST /api/decide':
        return sendJson(res, await decide(ctx, await readBody(req)));
      case 'POST /api/bulk':
        return sendJson(res, await bulk(ctx, await readBody(req, BULK_BODY_MAX)));
      case 'POST /api/publish':
        await readBody(req);
        return sendJson(res, await publishNow(ctx));
    }
    if (req.method === 'GET' && ['/api/decide', '/api/bulk', '/api/publish'].includes(url.pathname))
      return sendJson(res, {
        status: 405,
        body: { error: 'refused', message: `${url.pathname} changes posts: it takes a POST from the desk's page, never a GET.` },
      });
    if (url.pathname === '/favicon.ico') return send(res, 204, '', 'text/plain');
    return sendJson(res, { status: 404, body: { error: 'not-found', message: `Nothing at ${url.pathname}.` } });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as { port: number }).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
