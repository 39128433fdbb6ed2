// Who may talk to the review desk, decided before anything else runs. A plain function of the request's method,
// path and headers, so every refusal is tested without a socket. The threats: another local user or process
// without the token; a web page in the reviewer's own browser that rebinds a DNS name to 127.0.0.1 (refused by
// Host); a cross-site form or fetch riding on the reviewer's cookie (refused by Origin, Sec-Fetch-Site, the
// JSON content type and a custom header, none of which a form can send).
import { timingSafeEqual } from 'node:crypto';

export interface Incoming {
  method: string;
  /** Path and query, as in `req.url`. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface DeskIdentity {
  port: number;
  token: string;
}

export type Verdict =
  /** `exchange`: a first load with the token in the address: set the cookie and redirect to `/`. */
  { ok: true; exchange: boolean } | { ok: false; status: 400 | 403 | 405 | 421; message: string };

/** The header every desk API request carries; a cross-site form cannot send one. */
export const DESK_HEADER = 'x-carecircle-desk';

/** One cookie name per port, so two desks on one machine do not overwrite each other's (cookies ignore ports). */
export const cookieName = (port: number): string => `carecircle_desk_${port}`;

/** The origins the desk is served from: the two names of the loopback address it binds. */
export const ownHosts = (port: number): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];

const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

const same = (a: string | undefined, b: string): boolean => {
  if (a === undefined) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The value of one cookie in a `Cookie` header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

const refuse = (status: 400 | 403 | 405 | 421, message: string): Verdict => ({ ok: false, status, message });

/**
 * Whether a request may proceed. Order matters: a wrong Host is refused before the token is even looked at, so a
 * rebound name learns nothing; then the token or cookie; then, for anything that could change state, that it
 * comes as JSON from the desk's own page.
 */
export function admit(req: Incoming, { port, token }: DeskIdentity): Verdict {
  const host = one(req.headers.host)?.toLowerCase();
  if (!host || !ownHosts(port).includes(host))
    return refuse(
      421,
      `This review desk answers only at http://127.0.0.1:${port}/ or http://localhost:${port}/; the request was for host "${host ?? ''}".`,
    );

  let url: URL;
  try {
    url = new URL(req.url, `http://${host}`);
  } catch {
    return refuse(400, `Cannot read the address "${req.url}".`);
  }
  const method = req.method.toUpperCase();
  if (method !== 'GET' && method !== 'HEAD' && method !== 'POST')
    return refuse(405, `${method} is not used by the review desk: it reads with GET and changes posts with POST.`);

  const cookie = readCookie(one(req.headers.cookie), cookieName(port));
  const byCookie = same(cookie, token);
  const byAddress = !byCookie && method === 'GET' && url.pathname === '/' && same(url.searchParams.get('token') ?? undefined, token);
  if (!byCookie && !byAddress)
    return refuse(403, 'This review desk needs its token: open the address that `carecircle review` printed (it ends in ?token=…).');

  // Fetch metadata, where the browser sends it: nothing from another site, ever (not even a GET of the page).
  const site = one(req.headers['sec-fetch-site']);
  if (site && site !== 'same-origin' && site !== 'none')
    return refuse(403, `Requests from another site are refused (Sec-Fetch-Site: ${site}).`);

  const api = url.pathname.startsWith('/api/');
  if (api && one(req.headers[DESK_HEADER]) !== '1')
    return refuse(403, `The desk's API answers only its own page: the request has no "${DESK_HEADER}: 1" header.`);

  if (method === 'POST') {
    if (!api) return refuse(405, `POST ${url.pathname}: only the desk's API (/api/…) changes anything.`);
    const origin = one(req.headers.origin);
    if (origin !== `http://${host}`)
      return refuse(
        403,
        `Changes must come from the desk's own page (Origin http://${host}); this one came from "${origin ?? 'no origin'}".`,
      );
    const type = one(req.headers['content-type'])?.split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json')
      return refuse(403, `Changes are sent as JSON (Content-Type: application/json), not "${type ?? 'none'}".`);
  }
  return { ok: true, exchange: byAddress };
}
