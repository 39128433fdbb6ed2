import { postHref, type SafeNode } from '../core/sanitize.js';
import * as z from 'zod/mini';
import { text, webUrl } from '../core/config/schema.js';
import { toConfigIssues } from '../core/config/issues.js';

const optionalText = () => z.optional(z.string());

/**
 * CareCircle's own Post: what every source maps to, what curated `posts` and snapshot files contain.
 * `text` is plain text; `html` is reduced to a small allowlist before it renders.
 */
export const postSchema = z.strictObject({
  id: text(),
  url: webUrl(),
  createdAt: z.string().check(z.refine((v) => /^\d{4}-\d\d-\d\dT/.test(v) && !Number.isNaN(Date.parse(v)), { message: 'Must be an ISO 8601 date and time, like 2026-11-28T09:30:00Z.' })),
  author: z.strictObject({ name: z.string(), handle: text(), url: webUrl(), avatar: z.optional(webUrl()) }),
  text: optionalText(),
  html: optionalText(),
  media: z.optional(z.array(z.strictObject({ url: webUrl(), alt: optionalText(), type: z._default(z.literal(['image', 'video', 'gifv', 'audio']), 'image') }))),
  sensitive: z.optional(z.boolean()),
  contentWarning: optionalText(),
  language: optionalText(),
  replyTo: optionalText(),
  boostOf: optionalText(),
});

export type Post = z.output<typeof postSchema> & {
  /** Content a mapper built as safe nodes itself (Bluesky). Never read from a config, a file or storage. */
  nodes?: SafeNode[];
};

/**
 * For mappers: an avatar or media address kept only when it is absolute http(s), so one bad picture drops
 * the picture, not the whole post.
 */
export const webOnly = (url: unknown): string | undefined => postHref(url);
export type PostInput = z.input<typeof postSchema>;

/**
 * Validates remote posts one by one: a bad post is skipped with a console warning naming it and the
 * problem, and the rest are kept.
 */
export function validPosts(items: unknown, source: string): Post[] {
  if (!Array.isArray(items)) throw new Error('The answer has no list of posts.');
  const out: Post[] = [];
  items.forEach((item, i) => {
    const result = postSchema.safeParse(item);
    if (result.success) out.push(result.data);
    else {
      const issue = toConfigIssues(result.error.issues, postSchema, item)[0];
      const name = (item as { id?: unknown; url?: unknown } | null)?.url ?? (item as { id?: unknown } | null)?.id ?? `#${i}`;
      console.warn(`<care-hashtag-feed> ${source}: skipped post ${String(name)}: ${issue?.path}: ${issue?.message}`);
    }
  });
  return out;
}
