// `carecircle add <url…>`: posts imported by their address, and the check that a collected post still exists
// at its source. Mastodon statuses come from their server's API, Bluesky posts from the public AppView, X
// posts from X's public oEmbed endpoint (the only public way left to read one): its text, author, date and
// link are kept; its script never is.
import { mapMastodon } from '../../sources/mastodon.js';
import { handleKey } from '../../core/moderation.js';
import { nodesText, reduceHtml, type SafeNode } from '../../core/sanitize.js';
import { postSchema } from '../../sources/post.schema.js';
import { toConfigIssues } from '../../core/config/zod-issues.js';
import type { Post } from '../../sources/posts.js';
import type { SourceContext } from '../types.js';
import { mapPostViews, PUBLIC_APPVIEW, xrpcUrl } from './bluesky.js';
import { ensureDom, serializeNodes, storedPost } from './html.js';
import { readJson, SourceHttpError } from './xrpc.js';

export const X_OEMBED = 'https://publish.twitter.com/oembed';

/** What importing needs: the polite fetch and the environment (for the endpoints below). */
export type FetchContext = Pick<SourceContext, 'fetch' | 'env'> & { signal?: AbortSignal };

/** The post is not at its address any more (deleted, made private, or its author hid it from logged-out readers). */
export class GoneError extends Error {
  override name = 'GoneError';
}

/**
 * Where Bluesky posts and X posts are looked up. Defaults: the public AppView and publish.twitter.com, or the
 * addresses in the environment variables CARECIRCLE_BSKY_APPVIEW and CARECIRCLE_X_OEMBED (tests and the bundled
 * example point these at servers on this machine).
 */
export interface Endpoints {
  appView?: string;
  oembed?: string;
}

const endpointsOf = (context: Pick<FetchContext, 'env'>, given: Endpoints = {}) => ({
  appView: given.appView ?? context.env.CARECIRCLE_BSKY_APPVIEW ?? PUBLIC_APPVIEW,
  oembed: given.oembed ?? context.env.CARECIRCLE_X_OEMBED ?? X_OEMBED,
});

/** What a post address is. */
export type PostAddress =
  | { kind: 'mastodon'; origin: string; id: string }
  | { kind: 'bluesky'; actor: string; rkey: string }
  | { kind: 'x'; user: string; id: string };

// Plain http only for this machine (tests, the bundled example); any other server is https.
const loopback = /^(127\.0\.0\.1|localhost|\[::1\])$/;

/** Reads a post address, or says why it is not one. */
export function parsePostUrl(address: string): PostAddress | { error: string } {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return { error: `"${address}" is not a web address.` };
  }
  const notPost = { error: `${address}: not a Mastodon, Bluesky or X post address.` };
  if (!(url.protocol === 'https:' || (url.protocol === 'http:' && loopback.test(url.hostname)))) return notPost;
  const path = url.pathname.replace(/\/+$/, '');
  const host = url.hostname.toLowerCase();
  if (/^(www\.|mobile\.)?(x|twitter)\.com$/.test(host)) {
    const m = path.match(/^\/([A-Za-z0-9_]{1,15})\/status(?:es)?\/(\d{1,20})$/);
    return m ? { kind: 'x', user: m[1]!, id: m[2]! } : notPost;
  }
  if (host === 'bsky.app' || host === 'staging.bsky.app') {
    const m = path.match(/^\/profile\/([^/]+)\/post\/([A-Za-z0-9._:~-]{1,512})$/);
    return m ? { kind: 'bluesky', actor: decodeURIComponent(m[1]!), rkey: m[2]! } : notPost;
  }
  const m = path.match(/^\/@[^/]+\/(\d{1,20})$/) ?? path.match(/^\/users\/[^/]+\/statuses\/(\d{1,20})$/);
  return m ? { kind: 'mastodon', origin: url.origin, id: m[1]! } : notPost;
}

/**
 * Whether the answer for `address` can be believed about who wrote `post`, so that a rule by author (auto-approval)
 * may apply to it. Yes for a Bluesky post (the AppView names its author by the DID in its at:// id) and an X post
 * (X's oEmbed endpoint answers). A Mastodon status is asked of the server in its address, and any server can answer
 * with any account: it is believed only about its own accounts, so only when the author is `@name@<that host>`.
 */
export function confirmsAuthor(address: string, post: Post): boolean {
  const at = parsePostUrl(address);
  if ('error' in at) return false;
  if (at.kind !== 'mastodon') return true;
  return handleKey(post.author.handle).split('@').pop() === new URL(at.origin).host;
}

/**
 * The address a post read from `address` is recorded under (its key is made from it). A Mastodon status's own
 * address when it is on the server that answered; else `address` itself, without query or fragment: a server may
 * answer with an address at another site, and taking it would file its post under the key of a real post there
 * (shown with that site's link, and taking that post's place when it is collected). Bluesky and X addresses are
 * the ones their endpoints answer with.
 */
export function recordedUrl(address: string, post: Post): string {
  const at = parsePostUrl(address);
  if ('error' in at || at.kind !== 'mastodon') return post.url;
  let answered: string | undefined;
  try {
    answered = new URL(post.url).origin;
  } catch {
    /* not an address: the one given is kept */
  }
  if (answered === at.origin) return post.url;
  const given = new URL(address.trim());
  return given.origin + given.pathname.replace(/\/+$/, '');
}

/** One address's outcome: the post, or a sentence saying why not. */
export interface ImportResult {
  url: string;
  post?: Post;
  error?: string;
}

/**
 * One post by its address for `carecircle add` and publish's recheck: the post as its source has it now, or
 * `gone` when the source clearly says it has no such public post (404/410, Bluesky NotFound, an author
 * hidden from logged-out readers). Any other failure throws, with a message naming the address.
 */
export async function importPost(url: string, context: FetchContext, endpoints?: Endpoints): Promise<Post | 'gone'> {
  try {
    return await importUrl(url, context, endpoints);
  } catch (error) {
    if (error instanceof GoneError) return 'gone';
    throw error;
  }
}

/** Imports each address on its own: one that fails does not stop the others. */
export async function importUrls(urls: string[], context: FetchContext, endpoints?: Endpoints): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const url of urls) {
    try {
      results.push({ url, post: await importUrl(url, context, endpoints) });
    } catch (error) {
      results.push({ url, error: (error as Error).message });
    }
  }
  return results;
}

/** One post by its address; throws an Error whose message says what went wrong with this address. */
export async function importUrl(url: string, context: FetchContext, endpoints?: Endpoints): Promise<Post> {
  ensureDom();
  const address = parsePostUrl(url);
  if ('error' in address) throw new Error(address.error);
  const ends = endpointsOf(context, endpoints);
  try {
    if (address.kind === 'mastodon') return await mastodonStatus(url, address, context);
    if (address.kind === 'bluesky') return await blueskyPost(url, address, ends.appView, context);
    return await xPost(url, address, ends.oembed, context);
  } catch (error) {
    if (error instanceof SourceHttpError && (error.status === 404 || error.status === 410 || error.code === 'NotFound'))
      throw new GoneError(`${url}: deleted or private (the server has no public post at this address).`);
    throw error;
  }
}

function onePost(posts: Post[], warnings: string[], url: string): Post {
  if (posts[0]) return storedPost(posts[0]);
  throw new Error(`${url}: ${warnings[0] ?? 'the post could not be read'}.`);
}

async function mastodonStatus(url: string, { origin, id }: { origin: string; id: string }, context: FetchContext): Promise<Post> {
  const host = new URL(origin).host;
  let status: unknown;
  try {
    status = (await readJson(context, `${origin}/api/v1/statuses/${id}`, { what: `${host} status ${id}` })).data;
  } catch (error) {
    if (!(error instanceof SourceHttpError && error.status === 404)) throw error;
    // A status this server shows from another server: its address is not this server's own id. Ask its search,
    // which finds a post it already knows by address (resolve=false: it fetches nothing new for us).
    const found = (
      await readJson(context, `${origin}/api/v2/search?type=statuses&resolve=false&q=${encodeURIComponent(url)}`, {
        what: `${host} search`,
      })
    ).data as { statuses?: unknown[] } | null;
    // Only the post at this very address: without resolve, a server may search the words of posts, and answer
    // with another one (a reply linking to it), which must not stand in for a deleted post.
    const bare = (u: unknown) => (typeof u === 'string' ? u.trim().replace(/\/+$/, '') : undefined);
    status = found?.statuses?.find((s) => {
      const { url: at, uri } = (s ?? {}) as { url?: unknown; uri?: unknown };
      return bare(at) === bare(url) || bare(uri) === bare(url);
    });
    if (!status) throw new GoneError(`${url}: deleted or private (the server has no public post at this address).`);
  }
  if (!status || typeof status !== 'object' || typeof (status as { id?: unknown }).id !== 'string')
    throw new Error(`${url}: ${host} did not answer with a Mastodon status (is it a Mastodon server?).`);
  const warnings: string[] = [];
  return onePost(
    mapMastodon([status], origin, (m) => warnings.push(m)),
    warnings,
    url,
  );
}

async function blueskyPost(
  url: string,
  { actor, rkey }: { actor: string; rkey: string },
  appView: string,
  context: FetchContext,
): Promise<Post> {
  const uri = `at://${actor}/app.bsky.feed.post/${rkey}`;
  const { data } = await readJson(context, xrpcUrl(appView, 'app.bsky.feed.getPostThread', { uri, depth: 0, parentHeight: 0 }), {
    what: `Bluesky post ${uri}`,
    notPublic: `${url}: Bluesky does not show this post without a login`,
  });
  const thread = (data as { thread?: { $type?: string; post?: unknown } } | null)?.thread;
  if (!thread?.post) {
    const why = thread?.$type?.endsWith('#blockedPost') ? 'blocked' : 'deleted or private';
    throw new GoneError(`${url}: ${why} (Bluesky returned no post).`);
  }
  const warnings: string[] = [];
  const posts = mapPostViews([thread.post], (m) => warnings.push(m));
  if (!posts.length && !warnings.length)
    throw new GoneError(`${url}: its author asked not to be shown to people who are not logged in to Bluesky.`);
  return onePost(posts, warnings, url);
}

/** When a tweet was posted, from its id (X ids are snowflakes: milliseconds since 2010-11-04 in the top bits). */
export function snowflakeTime(id: string): string | undefined {
  const n = BigInt(id);
  if (n < 1n << 32n) return undefined; // ids from before snowflakes carry no time
  return new Date(Number((n >> 22n) + 1288834974657n)).toISOString();
}

async function xPost(url: string, { user, id }: { user: string; id: string }, oembed: string, context: FetchContext): Promise<Post> {
  const canonical = `https://x.com/${user}/status/${id}`;
  const request = new URL(oembed);
  request.searchParams.set('url', `https://twitter.com/${user}/status/${id}`);
  request.searchParams.set('omit_script', 'true');
  request.searchParams.set('dnt', 'true');
  const { data } = await readJson(context, request.href, { what: `X post ${canonical}` });
  const body = (data ?? {}) as { html?: unknown; author_name?: unknown; author_url?: unknown };
  if (typeof body.html !== 'string') throw new Error(`${url}: X's answer has no post text.`);
  const { html, text, byline } = readTweet(body.html);
  if (!text) throw new Error(`${url}: X's answer has no post text.`);
  // The blockquote's last line: "— Name (@user) May 5, 2014". The id is the better clock when it has one.
  const line = byline.match(/^\s*[—–-]\s*(.*?)\s*\(@([A-Za-z0-9_]{1,15})\)\s*(.*?)\s*$/);
  const handleUser = line?.[2] ?? user;
  const dated = line?.[3] ? Date.parse(`${line[3]} 00:00 UTC`) : NaN;
  const createdAt = snowflakeTime(id) ?? (Number.isNaN(dated) ? undefined : new Date(dated).toISOString());
  if (!createdAt) throw new Error(`${url}: X's answer gives no date for the post.`);
  const name = typeof body.author_name === 'string' ? body.author_name : (line?.[1] ?? handleUser);
  const lang = body.html.match(/<p\s[^>]*\blang="([a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*)"/)?.[1];
  const post = {
    id,
    url: canonical,
    createdAt,
    author: { name, handle: `@${handleUser.toLowerCase()}@x.com`, url: `https://x.com/${handleUser}` },
    text,
    ...(html ? { html } : {}),
    ...(lang ? { language: lang } : {}),
  };
  const checked = postSchema.safeParse(post, { reportInput: true });
  if (!checked.success) {
    // In words (a check's own issue carries only its problem's key).
    const issue = toConfigIssues(checked.error.issues, postSchema, post)[0];
    throw new Error(`${url}: X's answer does not make a valid post (${issue?.path}: ${issue?.message}).`);
  }
  return checked.data;
}

/**
 * The tweet's words from oEmbed markup, reduced by the widget's allowlist (scripts, styles, handlers and
 * unsafe links gone). The blockquote ends with the "— Name (@user) date" line: what comes before it is the post.
 */
export function readTweet(markup: string): { html: string; text: string; byline: string } {
  ensureDom();
  const nodes = reduceHtml(markup);
  let at = nodes.length;
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i]!;
    if (typeof n === 'string' && /^\s*[—–]\s*[^\n]*\(@[A-Za-z0-9_]{1,15}\)/.test(n)) {
      at = i;
      break;
    }
  }
  const empty = (n: SafeNode) => (typeof n === 'string' ? !n.trim() : n.tag === 'br' || !nodesText(n.kids).trim());
  const body = nodes.slice(0, at).filter((n) => !empty(n));
  return { html: serializeNodes(body), text: nodesText(body).trim(), byline: nodesText(nodes.slice(at)).replace(/\s+/g, ' ').trim() };
}

/** Whether a post is still at its source: `gone` only on a clear answer (404/410, missing from getPosts). */
export type Existence = 'exists' | 'gone' | 'unknown';

/**
 * Asks a post's source whether it still has the post: a Mastodon status by its address on its own server
 * (404 or 410: gone; a post made private is gone too, as it is no longer public), a Bluesky post with the
 * public `getPosts` (left out: gone), an X post through oEmbed (404: gone). Anything unclear (a network
 * error, a server that is down, an address it cannot read) is `unknown`: never remove a post on a doubt.
 */
export async function exists(post: Pick<Post, 'id' | 'url'>, context: FetchContext, endpoints?: Endpoints): Promise<Existence> {
  ensureDom();
  const ends = endpointsOf(context, endpoints);
  try {
    if (post.id.startsWith('at://')) {
      const { data } = await readJson(context, xrpcUrl(ends.appView, 'app.bsky.feed.getPosts', { uris: [post.id] }), {
        what: `Bluesky post ${post.id}`,
      });
      const posts = (data as { posts?: { uri?: string }[] } | null)?.posts;
      if (!Array.isArray(posts)) return 'unknown';
      return posts.some((p) => p?.uri === post.id) ? 'exists' : 'gone';
    }
    const address = parsePostUrl(post.url);
    if ('error' in address || address.kind === 'bluesky') return 'unknown';
    if (address.kind === 'x') await xPost(post.url, address, ends.oembed, context);
    else
      await readJson(context, `${address.origin}/api/v1/statuses/${address.id}`, {
        what: `${new URL(address.origin).host} status ${address.id}`,
      });
    return 'exists';
  } catch (error) {
    return error instanceof SourceHttpError && (error.status === 404 || error.status === 410) ? 'gone' : 'unknown';
  }
}
