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
