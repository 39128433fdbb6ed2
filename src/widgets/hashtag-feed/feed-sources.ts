import { FetchError } from '../../core/fetch.js';
import { lazy } from '../../core/lazy.js';
import { fetchMastodon } from '../../sources/mastodon.js';
import type { Post } from '../../sources/posts.js';
import type { FeedSource } from './hashtag-feed.schema.js';

/**
 * The readers of the less common sources, loaded the first time a config names one (a feed of Mastodon or
 * curated posts never downloads the Bluesky or snapshot code), the saved posts' code, loaded only by a config
 * with `"cache": true`, what the feed needs only after its first page or for its consent gate (later.ts), and the words for a source that
 * failed (failed.ts).
 * Replaceable in tests. @internal
 */
export const readers = {
  snapshot: lazy(() => import('../../sources/snapshot.js')),
  bluesky: lazy(() => import('../../sources/bluesky-feed.js')),
  cache: lazy(() => import('./cache.js')),
  later: lazy(() => import('./later.js')),
  failed: lazy(() => import('./failed.js')),
};

/** A reader that could not be loaded fails its source like an unreachable server: the other sources go on. */
const reader = <T>(load: () => Promise<T>, name: string): Promise<T> =>
  load().catch((error: unknown) => {
    throw new FetchError('network', `The ${name} reader could not be loaded (${error instanceof Error ? error.message : String(error)}).`);
  });

/** One configured source and what it has given so far. */
export interface Runner {
  src: FeedSource;
  /** Where requests go (absent for curated `posts`). */
  url?: string;
  posts: Post[];
  /** Next page: a Mastodon `Link` address or a Bluesky cursor. */
  next?: string;
  /**
   * Where a refresh's page ended without reaching the posts held (more came in between than a page holds, say
   * while the tab was hidden): the next "more" fills that gap before going on past the oldest post.
   */
  gap?: string;
  error?: FetchError;
  /** No request before this time (Retry-After, back-off). */
  notBefore: number;
  /** When the last request started. */
  last: number;
  failures: number;
}

export const runner = (src: FeedSource): Runner => ({
  src,
  url: src.type === 'mastodon' ? src.instance : src.type === 'snapshot' ? src.url : src.type === 'bluesky-feed' ? src.service : undefined,
  posts: src.type === 'posts' ? src.posts : [],
  notBefore: 0,
  last: -Infinity,
  failures: 0,
});

/**
 * Asks a source for its first page (`more` false) or its next one. Returns whether a request was made:
 * none while a Retry-After or back-off runs, and at most one first-page request per `interval` ms. The first
 * answer is taken as it is; how a later one joins the posts held is in later.ts (`nextPage`).
 */
export async function pull(
  r: Runner,
  hashtag: string,
  interval: number,
  more: boolean,
  signal: AbortSignal,
  now = Date.now(),
): Promise<boolean> {
  const { src } = r;
  if (src.type === 'posts' || now < r.notBefore || (more ? !r.gap && !r.next : now - r.last < interval)) return false;
  r.last = now;
  try {
    const read = async (page?: string): Promise<{ posts: Post[]; next?: string }> =>
      src.type === 'mastodon'
        ? fetchMastodon(src.instance, hashtag, { page, signal })
        : src.type === 'snapshot'
          ? (await reader(readers.snapshot, 'snapshot')).fetchSnapshot(src.url, { signal })
          : (await reader(readers.bluesky, 'Bluesky')).fetchBlueskyFeed(src.service, src.feed, { cursor: page, signal });
    if (more || r.posts.length) {
      // A later page: read on to the posts held, fill a gap first (later.ts, a chunk). Again when "more" only closed a gap.
      if (await (await reader(readers.later, 'feed')).nextPage(r, read, more)) return pull(r, hashtag, interval, more, signal, now);
    } else {
      const result = await read();
      r.posts = result.posts;
      r.gap = undefined;
      if (!r.posts.length || r.next === undefined) r.next = result.next;
    }
    r.error = undefined;
    r.failures = 0;
  } catch (error) {
    if (signal.aborted) return false; // the widget moved on (new config, removed from the page)
    // A FetchError says what failed; anything else came from reading the answer (no list of posts, say).
    r.error = error instanceof FetchError ? error : new FetchError('data', error instanceof Error ? error.message : String(error));
    r.failures++;
    // Retry-After when the server says; otherwise double the wait after each failure, up to an hour.
    r.notBefore =
      now + (r.error.retryAfter !== undefined ? r.error.retryAfter * 1000 : Math.min(interval * 2 ** (r.failures - 1), 3600000));
  }
  return true;
}
