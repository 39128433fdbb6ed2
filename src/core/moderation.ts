import { normalise } from './text.js';
import type { Post } from '../sources/posts.js';

// Moderation's pure building blocks, shared by the feed widget (src/widgets/hashtag-feed/moderation.ts, in the
// browser) and the pipeline's rules (src/pipeline/rules.ts, in Node), so a word or account blocked in one is
// matched exactly the same way in the other.

/** `Dr_Smith@Mastodon.Social`, `@dr_smith@mastodon.social` → `@dr_smith@mastodon.social`. */
export const handleKey = (handle: string): string => '@' + handle.trim().replace(/^@/, '').toLowerCase();

/** Whether `handle` is one of `list` (with or without `@`, any case). */
export const hasHandle = (list: readonly string[], handle: string): boolean => {
  const who = handleKey(handle);
  return list.some((h) => handleKey(h) === who);
};

/** Whether `text` contains `phrase` as whole words (not inside a longer word), ignoring case and accents. */
export function hasPhrase(text: string, phrase: string): boolean {
  const words = normalise(phrase).trim();
  if (!words) return false;
  const pattern = words
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}_])${pattern}(?![\\p{L}\\p{N}_])`, 'u').test(normalise(text));
}

/** The first of `phrases` that `text` contains as whole words, if any. */
export const firstPhrase = (text: string, phrases: readonly string[]): string | undefined => phrases.find((p) => hasPhrase(text, p));

/**
 * Everything a reader sees of a post, where a blocked word must not appear: its text (`text`, the plain text
 * of its reduced HTML), content warning, author and media descriptions.
 */
export const visibleWords = (post: Post, text: string): string =>
  [text, post.contentWarning ?? '', post.author.name, post.author.handle, ...(post.media ?? []).map((x) => x.alt ?? '')].join('\n');
