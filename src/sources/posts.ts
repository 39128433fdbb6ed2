import type { SafeNode } from '../core/sanitize.js';
import type * as z from 'zod/mini';
import type { postSchema } from './post.schema.js';
import { postValidator } from '../generated/hashtag-feed.validate.js';

export type Post = z.output<typeof postSchema> & {
  /** Content a mapper built as safe nodes itself (Bluesky). Never read from a config, a file or storage. */
  nodes?: SafeNode[];
};

export type PostInput = z.input<typeof postSchema>;

/** Where a skipped post is reported: the widget's console by default; the pipeline collects them. */
export type SkipWarning = (message: string) => void;
const consoleWarning: SkipWarning = (message) => console.warn(`<care-hashtag-feed> ${message}`);

/** Says what is wrong with a post zod rejects (./post-explain.ts, with zod): loaded when a post is first rejected. */
export type PostExplainer = (item: unknown) => { path: string; message: string } | undefined;
let explainer: PostExplainer | undefined;
let loading: Promise<void> | undefined;
const loadExplainer = () =>
  (loading ??= import('./post-explain.js').then(
    (m) => {
      explainer = m.explainPost;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  ));
// Outside a browser (the pipeline, `carecircle check`) there is no page weight to save, and callers read the
// warnings at once: load the explanation now, so it is there before any post arrives.
if (typeof window == 'undefined') void loadExplainer().catch(() => {});

/**
 * Validates remote posts one by one: a bad post is skipped with a warning naming it and the problem, and
 * the rest are kept. The compiled validator decides; zod explains a rejected post, loaded on the first one
 * (so in a page, that post's warning comes a moment later).
 */
export function validPosts(items: unknown, source: string, warn: SkipWarning = consoleWarning): Post[] {
  if (!Array.isArray(items)) throw new Error('The answer has no list of posts.');
  const out: Post[] = [];
  const rejected: [unknown, number][] = [];
  items.forEach((item, i) => {
    const post = postValidator.accept(item);
    if (post) out.push(post);
    else rejected.push([item, i]);
  });
  const say = (failed?: unknown) => {
    for (const [item, i] of rejected) {
      const issue = explainer?.(item);
      const name = (item as { id?: unknown; url?: unknown } | null)?.url ?? (item as { id?: unknown } | null)?.id ?? `#${i}`;
      const why = issue ? `${issue.path}: ${issue.message}` : `not a valid post (the details could not load: ${String(failed)})`;
      warn(`${source}: skipped post ${String(name)}: ${why}`);
    }
  };
  if (rejected.length) {
    if (explainer) say();
    else loadExplainer().then(() => say(), say);
  }
  return out;
}

/**
 * Pictures and avatars a snapshot file names by a relative address (the pipeline's mirrored copies,
 * `media/…`) read against the file's own address; rendering takes absolute addresses only. A post from a
 * remote server, or one written in a config, keeps the rule that a relative address is dropped (it would be
 * read against the hospital's page).
 */
export function withBase(posts: Post[], base: string): Post[] {
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
