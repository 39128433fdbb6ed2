// Bluesky for the pipeline: search (which needs a login since 2025) and feeds (public), over plain XRPC.
//
// Why not the official client: @atproto/api 0.21 brings eight dependencies (four @atproto packages with every
// lexicon of the network, multiformats, tlds, await-lock, and zod 3 beside this project's zod 4); the 0.12 copy
// installed here by a dev dependency takes 28 MB in node_modules/@atproto. The pipeline makes six calls
// (createSession, refreshSession, searchPosts, getFeed; getPostThread and getPosts for `add` and deletion
// checks), all plain JSON over HTTPS: with fetch they go through the pipeline's polite fetch (User-Agent, one
// request at a time per host, Retry-After) and the CLI stays small. The mapping from a post view to a Post is
// the widget's own (src/sources/bluesky-feed.ts), and so is a post's sort time (`sortAt`), which `since` filters on.
import { mapGetFeed, sortAt } from '../../sources/bluesky-feed.js';
import type { Post } from '../../sources/posts.js';
import type { Source, SourceContext, SourceResult } from '../types.js';
import type { BlueskyFeedSourceConfig, BlueskySearchSourceConfig } from './schemas.js';
import { ensureDom, storedPost } from './html.js';
import { pageFailed, readJson, SourceHttpError, stoppedAtLimit } from './xrpc.js';

export const PUBLIC_APPVIEW = 'https://public.api.bsky.app';

const xrpc = (service: string, method: string, params: Record<string, string | string[] | number | undefined> = {}): string => {
  const url = new URL(`/xrpc/${method}`, service);
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) url.searchParams.append(k, String(one));
  }
  return url.href;
};

/** Post views (search results, a thread's post) as Posts, through the widget's feed mapper; skipped ones go to `warn`. */
export function mapPostViews(views: unknown[], warn: (message: string) => void): Post[] {
  return mapGetFeed({ feed: views.map((post) => ({ post })) }, warn).posts.map(storedPost);
}

/** Feed items (`{ post, reason? }`) as Posts. */
function mapFeedItems(feed: unknown[], warn: (message: string) => void): Post[] {
  return mapGetFeed({ feed }, warn).posts.map(storedPost);
}

const latest = (a: string | undefined, b: string | undefined): string | undefined =>
  !a ? b : !b ? a : Date.parse(b) > Date.parse(a) ? b : a;

interface Tokens {
  accessJwt: string;
  refreshJwt: string;
}

/**
 * A login with a handle and an app password read from the environment at the moment of logging in. Nothing
 * here writes the password anywhere: error messages name the variables, never their values, and any server
 * message that echoed the password would have it replaced before it is shown.
 */
export class BlueskySession {
  private tokens?: Tokens;

  constructor(
    readonly service: string,
    readonly handleEnv: string,
    readonly passwordEnv: string,
  ) {}

  private get where(): string {
    return new URL(this.service).host;
  }

  /** GETs an XRPC method with the access token; an expired token is refreshed (or the login redone) once. */
  async get(context: SourceContext, method: string, params: Parameters<typeof xrpc>[2], what: string): Promise<unknown> {
    if (!this.tokens) await this.login(context);
    const call = () =>
      readJson(context, xrpc(this.service, method, params), {
        what,
        init: { headers: { authorization: `Bearer ${this.tokens!.accessJwt}` } },
      });
    try {
      return (await call()).data;
    } catch (error) {
      if (!expired(error)) throw this.redact(error, context);
      await this.refresh(context);
      try {
        return (await call()).data;
      } catch (again) {
        throw this.redact(again, context);
      }
    }
  }

  private async login(context: SourceContext): Promise<void> {
    const identifier = context.env[this.handleEnv];
    const password = context.env[this.passwordEnv];
    const missing = [!identifier && this.handleEnv, !password && this.passwordEnv].filter(Boolean);
    if (missing.length)
      throw new Error(
        `Bluesky search needs a login: set ${missing.join(' and ')} (a handle and an app password from Bluesky → Settings → Privacy and security → App passwords).`,
      );
    try {
      const { data } = await readJson(context, xrpc(this.service, 'com.atproto.server.createSession'), {
        what: `logging in to ${this.where}`,
        init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ identifier, password }) },
      });
      this.tokens = tokensOf(data, this.where);
    } catch (error) {
      if (
        error instanceof SourceHttpError &&
        (error.status === 401 || error.code === 'AuthenticationRequired' || error.code === 'AuthFactorTokenRequired')
      )
        throw this.redact(
          new Error(
            `${this.where} refused the login: check the handle in ${this.handleEnv} and the app password in ${this.passwordEnv} (${error.code ?? `HTTP ${error.status}`}).`,
          ),
          context,
        );
      throw this.redact(error, context);
    }
  }

  private async refresh(context: SourceContext): Promise<void> {
    const refreshJwt = this.tokens?.refreshJwt;
    this.tokens = undefined;
    if (refreshJwt) {
      try {
        const { data } = await readJson(context, xrpc(this.service, 'com.atproto.server.refreshSession'), {
          what: `renewing the login at ${this.where}`,
          init: { method: 'POST', headers: { authorization: `Bearer ${refreshJwt}` } },
        });
        this.tokens = tokensOf(data, this.where);
        return;
      } catch (error) {
        // A refresh token that expired or was used already: log in again from the environment.
        if (!(error instanceof SourceHttpError && (expired(error) || error.status === 401))) throw this.redact(error, context);
      }
    }
    await this.login(context);
  }

  private redact(error: unknown, context: SourceContext): Error {
    const secret = context.env[this.passwordEnv];
    const e = error instanceof Error ? error : new Error(String(error));
    if (secret && e.message.includes(secret)) e.message = e.message.split(secret).join('[app password]');
    return e;
  }
}

const expired = (error: unknown): boolean =>
  error instanceof SourceHttpError && (error.code === 'ExpiredToken' || (error.status === 401 && error.code === 'InvalidToken'));

function tokensOf(data: unknown, where: string): Tokens {
  const d = data as Partial<Tokens> | null;
  if (typeof d?.accessJwt !== 'string' || typeof d.refreshJwt !== 'string') throw new Error(`${where}: the login answer has no tokens.`);
  return { accessJwt: d.accessJwt, refreshJwt: d.refreshJwt };
}

interface Paging {
  /** The source's name in messages: `Bluesky search "#bcsm"`. */
  label: string;
  limit: number;
  /** One page's body, asking for `count` items after `cursor`. */
  fetchPage(cursor: string | undefined, count: number): Promise<unknown>;
  /** Where the body keeps its list (`posts` for search, `feed` for feeds), and the post view in one item. */
  list: 'posts' | 'feed';
  view(item: unknown): unknown;
  map(items: unknown[], warn: (message: string) => void): Post[];
  /**
   * Search is in time order: only posts since the cursor are kept, and paging stops at the first older one.
   * A feed need not be: every post read is kept, and paging stops at a page with nothing newer.
   */
  timeOrdered: boolean;
}

/**
 * Pages through an XRPC list by its cursor up to the limit. The stored cursor is the newest post's sort time
 * (`since` is inclusive: the store drops the repeats). A failing first page fails the source; a later one
 * keeps what was read, with a warning. Reaching the limit before the last run's cursor (or the list's end) leaves
 * a gap, as the next run starts from the newest post read: that is said in the warnings, as for Mastodon.
 */
async function collectPages(context: SourceContext, o: Paging): Promise<SourceResult> {
  ensureDom();
  const since = cursorTime(context.cursor);
  const isNew = (t: string | undefined) => !since || !t || Date.parse(t) >= Date.parse(since);
  const warnings: string[] = [];
  const posts: Post[] = [];
  let newest = since;
  let cursor: string | undefined;
  let page = 0;
  // Whether every new post was read: the last run's cursor, or the list's end, was reached.
  let reached = false;
  do {
    page++;
    let body: Record<string, unknown> | null;
    try {
      body = (await o.fetchPage(cursor, Math.min(100, o.limit - posts.length))) as typeof body;
    } catch (error) {
      if (page === 1) throw error;
      // The pages not read are older than the newest post read: a cursor past them would never ask for them again.
      // So the cursor stays where it was, and the next run reads them: no gap.
      newest = since;
      reached = true;
      warnings.push(pageFailed(error, page, posts.length));
      break;
    }
    const items = body?.[o.list];
    if (!Array.isArray(items)) throw new Error(`${o.label}: the answer has no list of posts.`);
    const times = items.map((item) => sortAt(o.view(item)));
    const kept = o.timeOrdered ? items.filter((_, i) => isNew(times[i])) : items;
    for (const t of times) if (isNew(t)) newest = latest(newest, capNow(t));
    const room = o.limit - posts.length;
    posts.push(...o.map(kept.slice(0, room), (m) => warnings.push(m)));
    context.progress(`${o.label}: page ${page}, ${posts.length} posts`);
    cursor = typeof body?.cursor === 'string' && body.cursor && items.length ? body.cursor : undefined;
    // The limit cut this page short: its older new posts are not read.
    if (kept.length > room) break;
    reached =
      !cursor || (o.timeOrdered ? kept.length < items.length : !!since && times.every((t) => !t || Date.parse(t) <= Date.parse(since)));
  } while (!reached && posts.length < o.limit);
  if (since && !reached) warnings.push(stoppedAtLimit(o.label, o.limit));
  return { posts, ...(newest ? { cursor: newest } : {}), warnings };
}

/** The stored cursor as a time, when it is one (a cursor from an older version of a source may not be). */
const cursorTime = (cursor: string | undefined): string | undefined => (cursor && !Number.isNaN(Date.parse(cursor)) ? cursor : undefined);

/** A future time (a post dated ahead) would hide every post until then: the cursor never passes now. */
const capNow = (time: string | undefined): string | undefined => (time && Date.parse(time) > Date.now() ? new Date().toISOString() : time);

/** `app.bsky.feed.searchPosts` with a login, newest first; the next run asks only for posts since the last one. */
export function blueskySearchSource(config: BlueskySearchSourceConfig): Source {
  const session = new BlueskySession(config.service, config.handleEnv, config.passwordEnv);
  const label = `Bluesky search "${config.query}"`;
  return {
    id: `bluesky-search:${config.query}${config.lang ? `@${config.lang}` : ''}`,
    collect: (context) =>
      collectPages(context, {
        label,
        limit: config.limit ?? context.limit,
        fetchPage: (cursor, count) =>
          session.get(
            context,
            'app.bsky.feed.searchPosts',
            { q: config.query, sort: 'latest', limit: count, lang: config.lang, since: cursorTime(context.cursor), cursor },
            label,
          ),
        list: 'posts',
        view: (item) => item,
        map: mapPostViews,
        timeOrdered: true,
      }),
  };
}

/** `app.bsky.feed.getFeed` from the public AppView (no login). */
export function blueskyFeedSource(config: BlueskyFeedSourceConfig): Source {
  const label = `Bluesky feed ${config.feed}`;
  return {
    id: `bluesky-feed:${config.feed}`,
    collect: (context) =>
      collectPages(context, {
        label,
        limit: config.limit ?? context.limit,
        fetchPage: async (cursor, count) =>
          (
            await readJson(context, xrpc(config.service, 'app.bsky.feed.getFeed', { feed: config.feed, limit: count, cursor }), {
              what: label,
              notPublic: `${label} is not public`,
            })
          ).data,
        list: 'feed',
        view: (item) => (item as { post?: unknown } | null)?.post,
        map: mapFeedItems,
        timeOrdered: false,
      }),
  };
}

export { xrpc as xrpcUrl };
