// `--mirror-media`: copies of the pictures a snapshot shows, served from the site itself, so a reader's browser
// contacts no one else. A file is copied only when its declared type is an allowed image type, its first bytes
// say the same, and it fits the size limit; otherwise its address is dropped from the snapshot (a post without
// its picture is better than a picture from a server that can see who reads the page).
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { existsSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { writeAtomic } from './state/files.js';
import type { PipelineFetch } from './types.js';
import type { Post } from '../sources/posts.js';
import { followRedirects, readAtMost, type FinalError } from './http.js';

const EXT: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
};
/** Mirrored file names: a content hash and the type's extension (the same picture is stored once). */
export const MIRRORED = /^[0-9a-f]{32}\.(jpg|png|gif|webp|avif)$/;

const v4 = (ip: string): number[] => ip.split('.').map(Number);

/**
 * Whether an IP address is on the public internet: not this machine, a private or shared network, link-local (where
 * cloud metadata answers, 169.254.169.254), multicast, documentation or reserved. A copy is a GET the pipeline makes
 * from wherever it runs (a CI runner inside a hospital's network), to an address a post chose.
 */
export function publicAddress(ip: string): boolean {
  if (isIP(ip) === 4) {
    const [a, b, c] = v4(ip) as [number, number, number, number];
    return !(
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 0 && (c === 0 || c === 2)) ||
      (a === 192 && b === 168) ||
      (a === 198 && (b === 18 || b === 19)) ||
      (a === 198 && b === 51 && c === 100) ||
      (a === 203 && b === 0 && c === 113) ||
      a >= 224
    );
  }
  if (isIP(ip) !== 6) return false;
  const x = ip.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(x);
  if (mapped) return publicAddress(mapped[1]!);
  if (x === '::' || x === '::1' || /^::ffff:/.test(x)) return false;
  // An IPv6 address that carries an IPv4 one reaches it (a NAT64 gateway, a 6to4 relay, an IPv4-compatible address):
  // as public as what it carries. NAT64's local-use prefix (64:ff9b:1::/48) is inside by definition.
  const g = groups6(x);
  const carried = (hi: number, lo: number) => publicAddress(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
  if (g[0] === 0x64 && g[1] === 0xff9b) return g.slice(2, 6).every((n) => n === 0) && carried(g[6]!, g[7]!);
  if (g.slice(0, 6).every((n) => n === 0)) return carried(g[6]!, g[7]!);
  if (g[0] === 0x2002) return carried(g[1]!, g[2]!);
  // IETF protocol assignments (2001::/23), which IANA's special-purpose registry lists as not globally reachable,
  // but for the ranges it marks reachable: three anycast services (2001:1::1–3), AMT (2001:3::/32), AS112
  // (2001:4:112::/48), ORCHIDv2 and drone identifiers (2001:20::/27). So refused: benchmarking (2001:2::/48), the old
  // ORCHID (2001:10::/28), and Teredo (2001:0::/32), which carries two IPv4 addresses, but a packet to it leaves
  // through whichever relay is nearest (maybe one inside this network) for a client behind a NAT, not a server.
  if (g[0] === 0x2001 && g[1]! < 0x200)
    return (
      (g[1] === 1 && g.slice(2, 7).every((n) => n === 0) && g[7]! >= 1 && g[7]! <= 3) ||
      g[1] === 3 ||
      (g[1] === 4 && g[2] === 0x112) ||
      (g[1]! >= 0x20 && g[1]! <= 0x3f)
    );
  // Discard-only and dummy prefixes (100::/64, 100:0:0:1::/64), documentation (2001:db8::/32, 3fff::/20), segment
  // routing identifiers (5f00::/16): none is an address on the internet.
  if (
    (g[0] === 0x100 && !g[1] && !g[2] && g[3]! <= 1) ||
    (g[0] === 0x2001 && g[1] === 0xdb8) ||
    (g[0] === 0x3fff && g[1]! < 0x1000) ||
    g[0] === 0x5f00
  )
    return false;
  // Unique local, link-local and the old site-local (fe80::/10, fec0::/10), multicast.
  return !/^(f[cd]|fe[89a-f]|ff)/.test(x);
}

/** An address `publicAddress` refuses: the pipeline's fetch does not try it again. */
export class InsideAddressError extends Error implements FinalError {
  readonly final = true as const;
  constructor(host: string, ip: string) {
    super(`${host} is ${ip === host ? 'an address' : `at ${ip}, an address`} on this machine or a private network`);
    this.name = 'InsideAddressError';
  }
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a final dotted IPv4 part as two groups). */
function groups6(ip: string): number[] {
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
  const text = dotted
    ? ip.slice(0, dotted.index) + ((+dotted[1]! << 8) | +dotted[2]!).toString(16) + ':' + ((+dotted[3]! << 8) | +dotted[4]!).toString(16)
    : ip;
  const [head, tail] = text.split('::');
  const part = (s?: string) => (s ? s.split(':').map((h) => parseInt(h, 16)) : []);
  const [h, t] = [part(head), part(tail)];
  return tail === undefined ? h : [...h, ...new Array<number>(8 - h.length - t.length).fill(0), ...t];
}

/** The image type a file's first bytes show, if any of those the pipeline copies. */
export function sniff(bytes: Uint8Array): string | undefined {
  const at = (i: number, ...b: number[]) => b.every((x, j) => bytes[i + j] === x);
  const ascii = (i: number, s: string) => at(i, ...[...s].map((c) => c.charCodeAt(0)));
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'image/gif';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  if (ascii(4, 'ftyp') && (ascii(8, 'avif') || ascii(8, 'avis'))) return 'image/avif';
  return undefined;
}

export interface MirrorOptions {
  /**
   * What copies are fetched with, redirects one by one. Unless publish.mirrorMedia.privateNetwork allows inside
   * addresses, one that connects only to public ones, checked on the addresses it connects to (`publicOnlyFetch`):
   * the mirror does not look names up itself, so each name is resolved once, by the connection.
   */
  fetch: PipelineFetch;
  /** `<publish dir>/media`. */
  dir: string;
  /** The public address of the media folder, ending in `/` (`/carecircle/media/`, `https://…/media/`). */
  base: string;
  maxBytes: number;
  types: readonly string[];
  warn: (message: string) => void;
  signal?: AbortSignal;
  /** Addresses copied by earlier runs and their file names: one whose file is still there is not fetched again. */
  known?: Record<string, string>;
}

export class MediaMirror {
  readonly #o: MirrorOptions;
  readonly #get: PipelineFetch;
  /** One attempt per address per run: the same avatar on 50 posts is fetched once. */
  readonly #done = new Map<string, Promise<string | undefined>>();
  /** File names the snapshot uses; everything else in the folder is removed at the end. */
  readonly used = new Set<string>();
  /** The addresses copied (or reused) this run and their file names, for the next run's `known`. */
  readonly names: Record<string, string> = {};

  constructor(options: MirrorOptions) {
    this.#o = options;
    this.#get = followRedirects(() => options.fetch);
  }

  /** The mirrored address for `url`, or undefined when it cannot be copied safely (the reason is warned). */
  mirror(url: string): Promise<string | undefined> {
    let p = this.#done.get(url);
    if (!p) this.#done.set(url, (p = this.#copy(url)));
    return p.then((name) => {
      if (name) (this.used.add(name), (this.names[url] = name));
      return name && this.#o.base + name;
    });
  }

  async #copy(url: string): Promise<string | undefined> {
    const { maxBytes, types, warn } = this.#o;
    const fail = (why: string) => (warn(`media ${url}: ${why}; left out of the snapshot`), undefined);
    if (!/^https?:\/\//i.test(url)) return fail('not an http(s) address');
    // Each publish would otherwise fetch every picture of every published post again from its server.
    const known = this.#o.known?.[url];
    if (known && MIRRORED.test(known) && existsSync(join(this.#o.dir, known))) return known;
    let response: Response;
    try {
      response = await this.#get(url, { signal: this.#o.signal, maxBytes });
    } catch (e) {
      const { message, cause } = e as Error;
      return fail(
        e instanceof InsideAddressError || cause instanceof InsideAddressError
          ? `${message} (set publish.mirrorMedia.privateNetwork to copy from your own network)`
          : `cannot fetch it (${message})`,
      );
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      return fail(`HTTP ${response.status}`);
    }
    const declared = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!types.includes(declared)) {
      await response.body?.cancel().catch(() => {});
      return fail(`type ${declared || '(none)'} is not one of ${types.join(', ')}`);
    }
    // Its content-length or, from a server that does not say or lies, its bytes: no more than maxBytes are read.
    let bytes: Uint8Array | undefined;
    try {
      bytes = await readAtMost(response, maxBytes);
    } catch (e) {
      return fail(`the download failed (${(e as Error).message})`);
    }
    if (!bytes) return fail(`over the ${maxBytes}-byte limit`);
    const actual = sniff(bytes);
    if (actual !== declared) return fail(`declared ${declared} but its bytes are ${actual ?? 'not an image type allowed here'}`);
    const name = `${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}.${EXT[actual]!}`;
    const file = join(this.#o.dir, name);
    if (!existsSync(file)) writeAtomic(file, bytes);
    return name;
  }

  /**
   * Removes mirrored files the snapshot no longer uses (a deleted post's pictures go with it): those the snapshot's
   * `posts` do not link to when given (a post copied this run may be left out of it), else those not copied this run.
   */
  prune(posts?: readonly Post[]): string[] {
    if (!existsSync(this.#o.dir)) return [];
    const base = this.#o.base;
    const used = posts
      ? new Set(
          posts
            .flatMap((p) => [p.author.avatar, ...(p.media ?? []).map((m) => m.url)])
            .filter((u): u is string => !!u?.startsWith(base))
            .map((u) => u.slice(base.length)),
        )
      : this.used;
    const gone: string[] = [];
    for (const name of readdirSync(this.#o.dir))
      if (MIRRORED.test(name) && !used.has(name)) (unlinkSync(join(this.#o.dir, name)), gone.push(name));
    return gone;
  }
}
