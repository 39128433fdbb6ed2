import { fetchJson } from '../core/fetch.js';
import { validPosts, type Post } from './posts.js';

/** A snapshot file, `{ "generatedAt", "posts": [Post] }`: posts exported or curated ahead of time. */
export function mapSnapshot(body: unknown, url = 'snapshot'): Post[] {
  return validPosts((body as { posts?: unknown } | null)?.posts, `snapshot ${url}`);
}

export async function fetchSnapshot(url: string, { signal }: { signal?: AbortSignal } = {}): Promise<{ posts: Post[]; next?: string }> {
  const { data } = await fetchJson(url, { signal });
  return { posts: mapSnapshot(data, url) };
}
