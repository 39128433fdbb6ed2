import { validPosts, type Post } from '../../sources/posts.js';

/** The last good posts, kept only when the config says `"cache": true`. */
export interface Saved {
  savedAt: number;
  posts: Post[];
}

const prefix = 'carecircle:hashtag-feed:';

/** One entry per hashtag and set of source addresses, so two feeds on a site keep their own posts. */
export const cacheKey = (hashtag: string, urls: (string | undefined)[]): string => hashtag + JSON.stringify(urls);

export function save(key: string, posts: Post[], now = Date.now()): void {
  try {
    // Only the fields a post file may hold: a mapper's safe nodes are rebuilt from nothing, so they are not kept.
    localStorage.setItem(prefix + key, JSON.stringify({ savedAt: now, posts: posts.slice(0, 100).map(({ nodes, ...p }) => p) }));
  } catch {
    // Storage full or blocked (private mode): the feed works without it.
  }
}

/** The saved posts, validated again (storage is just another untrusted source). */
export function restore(key: string): Saved | undefined {
  try {
    const data = JSON.parse(localStorage.getItem(prefix + key) ?? 'null') as Saved | null;
    return data && typeof data.savedAt === 'number' ? { savedAt: data.savedAt, posts: validPosts(data.posts, 'cache') } : undefined;
  } catch {
    return undefined;
  }
}
