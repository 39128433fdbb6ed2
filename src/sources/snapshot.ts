import { fetchJson } from '../core/fetch.js';
import { validPosts, type Post } from './posts.js';

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

/**
 * Pictures and avatars a snapshot file names by a relative address (the pipeline's mirrored copies,
 * `media/…`) read against the file's own address; rendering takes absolute addresses only. A post from a
 * remote server, or one written in a config, keeps the rule that a relative address is dropped (it would be
 * read against the hospital's page).
 */
function withBase(posts: Post[], base: string): Post[] {
  const at = (u: string) => {
    try {
      return new URL(u, base).href;
    } catch {
      return u;
    }
  };
  return posts.map((p) =>
    p.media || p.author.avatar
      ? {
          ...p,
          author: p.author.avatar ? { ...p.author, avatar: at(p.author.avatar) } : p.author,
          media: p.media?.map((m) => ({ ...m, url: at(m.url) })),
        }
      : p,
  );
}
