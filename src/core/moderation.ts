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

/**
 * Whether `post`'s author is one of `list` (as `hasHandle`), or, for a Bluesky post, whether `list` names the DID its
 * `at://` id starts with (`did:plc:…`, written with or without `@`): a DID stays when the account changes its handle.
 */
export const byAuthor = (list: readonly string[], post: Post): boolean => {
  const who = handleKey(post.author.handle);
  // `@did:plc:x` → `at://did:plc:x/`, the start of every id of that account's posts.
  return list.some((h) => (h = handleKey(h)) === who || post.id.startsWith(h.replace('@', 'at://') + '/'));
};

// One RegExp per phrase for the life of the page (not one per post per phrase): a block list is checked
// against every post of every refresh.
const patterns = new Map<string, RegExp | null>();

/** The whole-word pattern for `phrase`, matched against normalised text; null for a phrase with no words. */
function phrasePattern(phrase: string): RegExp | null {
  let re = patterns.get(phrase);
  if (re === undefined) {
    const words = normalise(phrase).trim();
    const pattern = words
      .split(/\s+/)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\s+');
    patterns.set(phrase, (re = words ? new RegExp(`(?<![\\p{L}\\p{N}_])${pattern}(?![\\p{L}\\p{N}_])`, 'u') : null));
  }
  return re;
}

/** Whether `text` contains `phrase` as whole words (not inside a longer word), ignoring case and accents. */
export const hasPhrase = (text: string, phrase: string): boolean => !!firstPhrase(text, [phrase]);

/** The first of `phrases` that `text` contains as whole words, if any (the text is normalised once for all of them). */
export function firstPhrase(text: string, phrases: readonly string[]): string | undefined {
  if (!phrases.length) return undefined;
  const words = normalise(text);
  return phrases.find((p) => phrasePattern(p)?.test(words));
}

/**
 * Everything a reader sees of a post, where a blocked word must not appear: its text (`text`, the plain text
 * of its reduced HTML), content warning, author and media descriptions.
 */
export const visibleWords = (post: Post, text: string): string =>
  [text, post.contentWarning ?? '', post.author.name, post.author.handle, ...(post.media ?? []).map((x) => x.alt ?? '')].join('\n');
