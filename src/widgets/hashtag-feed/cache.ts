import { validPosts, type Post } from '../../sources/posts.js';
import { html, type TemplateResult } from 'lit/html.js';
import { addEnglish } from '../../core/i18n/messages.js';
import { relativeTime } from '../../core/i18n/format.js';
import { messages } from './messages.js';
import type { Runner } from './feed-sources.js';

/** The words of what this chunk shows, in English (the feed's language files have them too). */
export const cacheText = {
  saved: 'These posts were saved {age}.',
};
addEnglish(cacheText, messages);

/** The note above saved posts: how old they are ("These posts were saved 2 hours ago."). */
export const savedNote = (t: (key: string, params: Record<string, string>) => unknown, locale: string, savedAt: number): TemplateResult =>
  html`<p class="notice" part="notice">${t('saved', { age: relativeTime(locale, new Date(savedAt)) })}</p>`;

/** The last good posts, kept only when the config says `"cache": true`. */
export interface Saved {
  savedAt: number;
  posts: Post[];
}

const prefix = 'carecircle:hashtag-feed:';

/** One entry per hashtag and set of source addresses, so two feeds on a site keep their own posts. */
export const cacheKey = (hashtag: string, urls: (string | undefined)[]): string => hashtag + JSON.stringify(urls);

/**
 * The posts to show after a request round: `posts`, saved, when a server answered; when every source is a server
 * and none answered, the posts saved last time, with when they were saved.
 */
export function savedOr(hashtag: string, runners: Runner[], posts: Post[]): [Post[], number?] {
  const key = cacheKey(
    hashtag,
    runners.map((r) => r.url),
  );
  const remote = runners.filter((r) => r.url);
  if (remote.some((r) => !r.error)) save(key, posts);
  else if (remote.length == runners.length) {
    const saved = restore(key);
    if (saved) return [saved.posts, saved.savedAt];
  }
  return [posts];
}

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
