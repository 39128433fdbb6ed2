// The fetch `--mirror-media` copies pictures with (unless publish.mirrorMedia.privateNetwork allows inside
// addresses), and publish's recheck asks servers the config does not name with. A check on a lookup of its own could
// be told one thing and the connection another (DNS rebinding: a public answer for the check, 127.0.0.1 for the
// request). Here the only lookup is the connection's own, and the check runs on the very addresses it connects to.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { Readable } from 'node:stream';
import { InsideAddressError, publicAddress } from './media.js';
import type { FetchInit } from './types.js';

/** All the addresses of a host name (tests pass their own, and their own idea of public). */
export type Resolve = (host: string) => Promise<LookupAddress[]>;

const systemResolve: Resolve = (host) =>
  new Promise((resolve, reject) => dnsLookup(host, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

/** What `publicOnlyFetch` asks for a name's addresses, and takes for public (tests pass their own). */
export interface PublicOnlyOptions {
  resolve?: Resolve;
  isPublic?: (ip: string) => boolean;
}

/**
 * A `fetch` (GET and HEAD, redirects returned as they are, like `redirect: 'manual'`) that connects only to public
 * addresses. A name is resolved once, by the connection itself, and refused when any of its addresses is inside.
 * Bodies are not decompressed, so it asks for none compressed. Its connections are pooled apart (its own agents,
 * not Node's global ones): a connection it reuses is one its own check let through, never one another client in
 * the process left open to the same name (which would skip the lookup, and so the check).
 */
export function publicOnlyFetch(options: PublicOnlyOptions = {}): (url: string, init?: FetchInit) => Promise<Response> {
  const { resolve = systemResolve, isPublic = publicAddress } = options;
  // Kept-alive connections waiting in these pools do not hold the process open (Node unrefs idle sockets).
  const agents = { 'http:': new HttpAgent({ keepAlive: true }), 'https:': new HttpsAgent({ keepAlive: true }) };
  return (url, init = {}) =>
    new Promise<Response>((done, fail) => {
      const target = new URL(url);
      if (target.protocol !== 'http:' && target.protocol !== 'https:') return fail(new TypeError(`not an http(s) address: ${url}`));
      const method = (init.method ?? 'GET').toUpperCase();
      if (method !== 'GET' && method !== 'HEAD') return fail(new TypeError(`${method} is not used here`));
      const host = target.hostname.replace(/^\[|\]$/g, '');
      if (isIP(host) && !isPublic(host)) return fail(new InsideAddressError(host, host));
      const headers = Object.fromEntries(new Headers(init.headers));
      delete headers['accept-encoding'];
      const request = (target.protocol === 'https:' ? httpsRequest : httpRequest)(
        target,
        {
          method,
          headers,
          agent: agents[target.protocol],
          signal: init.signal ?? undefined,
          // Node calls this for a name (not for an IP literal, checked above) and connects to what it returns.
          lookup: (name, options, callback) => {
            resolve(name).then(
              (found) => {
                const wanted = options.family ? found.filter((a) => a.family === options.family) : found;
                const inside = wanted.find((a) => !isPublic(a.address));
                if (inside) return callback(new InsideAddressError(name, inside.address), '', 4);
                if (!wanted.length) return callback(Object.assign(new Error(`no address for ${name}`), { code: 'ENOTFOUND' }), '', 4);
                if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, wanted);
                callback(null, wanted[0]!.address, wanted[0]!.family);
              },
              (error: NodeJS.ErrnoException) => callback(error, '', 4),
            );
          },
        },
        (answer: IncomingMessage) => {
          const status = answer.statusCode ?? 0;
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(answer.headers))
            for (const v of value === undefined ? [] : [value].flat()) responseHeaders.append(name, v);
          const empty = method === 'HEAD' || [204, 205, 304].includes(status);
          if (empty) answer.resume();
          done(
            new Response(empty ? null : (Readable.toWeb(answer) as ReadableStream<Uint8Array>), {
              status,
              statusText: answer.statusMessage,
              headers: responseHeaders,
            }),
          );
        },
      );
      request.on('error', fail);
      request.end();
    });
}
