import { fetchJson } from '../core/fetch.js';
import { validPosts, withBase, type Post } from './posts.js';

/**
 * A snapshot file, `{ "generatedAt", "posts": [Post] }`: posts exported or curated ahead of time. Relative
 * picture addresses (the pipeline's `--mirror-media` copies) are read against the file's own address.
 */
export function mapSnapshot(body: unknown, url = 'snapshot'): Post[] {
  const posts = validPosts((body as { posts?: unknown } | null)?.posts, `snapshot ${url}`);
  return typeof document == 'object' ? withBase(posts, new URL(url, document.baseURI).href) : posts;
}

export async function fetchSnapshot(url: string, { signal }: { signal?: AbortSignal } = {}): Promise<{ posts: Post[]; next?: string }> {
  const { data } = await fetchJson(url, { signal });
  return { posts: mapSnapshot(data, url) };
}
