import { normalise } from '../../core/text.js';
import { byAuthor, firstPhrase, handleKey, hasPhrase, visibleWords } from '../../core/moderation.js';
import type { Post } from '../../sources/posts.js';
import type { ResolvedHashtagFeedConfig } from './hashtag-feed.schema.js';

export type Moderation = ResolvedHashtagFeedConfig['moderation'];

export { handleKey, hasPhrase };

const languageOk = (language: string | undefined, wanted: string[]): boolean =>
  !wanted.length || !language || wanted.some((w) => normalise(language).split('-')[0] === normalise(w).split('-')[0]);

/**
 * Whether a post may be shown. `text` is the post's plain text (from its reduced HTML). Blocked accounts (by
 * handle, or a Bluesky author's DID) and blocked words always win; a non-empty allowlist or approved list admits
 * only what it names.
 */
export function allowed(post: Post, text: string, m: Moderation): boolean {
  const has = (list: string[]) => byAuthor(list, post);
  if (has(m.blockAccounts)) return false;
  if (m.allowAccounts.length && !has(m.allowAccounts)) return false;
  if (m.approvedIds.length && !m.approvedIds.includes(post.id) && !m.approvedIds.includes(post.url)) return false;
  if (m.hideReplies && post.replyTo) return false;
  if (m.hideBoosts && post.boostOf) return false;
  if (!languageOk(post.language, m.languages)) return false;
  return !m.blockWords.length || !firstPhrase(visibleWords(post, text), m.blockWords);
}

/** The badge for a handle from `roles` (keys with or without the leading `@`). */
export function roleOf(handle: string, roles: Record<string, string>): string | undefined {
  const key = handleKey(handle);
  for (const [h, role] of Object.entries(roles)) if (handleKey(h) === key) return role;
  return undefined;
}

/**
 * Merges lists from every source: one post per `url` (the first list wins, so curated copies beat
 * remote ones), newest first.
 */
export function mergePosts<P extends Post>(...lists: P[][]): P[] {
  const seen = new Set<string>();
  const out: P[] = [];
  for (const post of lists.flat()) if (!seen.has(post.url)) (seen.add(post.url), out.push(post));
  return out.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : -1));
}
