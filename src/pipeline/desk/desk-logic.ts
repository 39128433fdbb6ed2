// The review desk page's pure logic: what a row says, what the preview feed is given, what undoes a decision,
// where the selection goes and what is announced. No DOM beyond what the feed's sanitiser needs for excerpts.
import type { Decision, PostRecord, ReviewState } from '../types.js';
import type { Post } from '../../sources/posts.js';
import { allowed } from '../../widgets/hashtag-feed/moderation.js';
import { nodesText, reduceHtml, textNodes } from '../../core/sanitize.js';
import { POST_KEYS } from '../../sources/post.schema.js';
import type { DeskFeed } from './api.js';

export type StateFilter = ReviewState | 'pinned' | 'all';

export const STATE_LABELS: Record<ReviewState | 'pinned', string> = {
  pending: 'Pending',
  held: 'Needs clinical review',
  approved: 'Approved',
  rejected: 'Rejected',
  removed: 'Removed from the site',
  pinned: 'Pinned',
};

/** Past tense for announcements ("Approved. 199 left."). */
export const DONE: Record<Decision['action'] | 'block' | 'approve-all', string> = {
  approve: 'Approved',
  reject: 'Rejected',
  pin: 'Pinned',
  unpin: 'Unpinned',
  hold: 'Held for clinical review',
  remove: 'Removed from the site',
  'edit-alt': 'Image description saved',
  restore: 'Undone',
  block: 'Blocked',
  'approve-all': 'Approved all',
};

/** The post as patients will get it: the reviewer's image descriptions replace missing or poor ones. */
export function published(record: PostRecord): Post {
  const { post, altOverrides } = record;
  if (!altOverrides || !post.media) return post;
  return {
    ...post,
    media: post.media.map((m, i) => (altOverrides[i] !== undefined && altOverrides[i] !== '' ? { ...m, alt: altOverrides[i] } : m)),
  };
}

// Only the keys a curated post may have: anything else (a store's extra field) would make the feed skip it.
const curated = (post: Post): Record<string, unknown> =>
  Object.fromEntries(Object.entries(post).filter(([k, v]) => POST_KEYS.includes(k) && v !== undefined && v !== null));

/**
 * The config of the `<care-hashtag-feed>` that shows one post exactly as the page will: the page's hashtag,
 * role badges, disclaimer and heading, and the post as a curated source. The page's moderation is left out here
 * (a reviewer must see what they decide on); `hiddenOnPage` says when the page would hide the post anyway.
 */
export function previewConfig(feed: DeskFeed, record: PostRecord): Record<string, unknown> {
  return {
    hashtag: feed.hashtag.replace(/^#/, ''),
    sources: [{ type: 'posts', posts: [curated(published(record))] }],
    limit: 1,
    refreshSeconds: 0,
    moderation: { hideReplies: false, hideBoosts: false },
    ...(feed.roles ? { roles: feed.roles } : {}),
    ...(feed.disclaimer !== undefined ? { disclaimer: feed.disclaimer } : {}),
    ...(feed.heading !== undefined ? { heading: feed.heading } : {}),
  };
}

/** Plain text of a post (its HTML reduced by the feed's own sanitiser). */
export const postText = (post: Post): string =>
  nodesText(post.nodes ?? (post.html != null ? reduceHtml(post.html) : textNodes(post.text ?? '')));

/** Whether the page's own feed moderation (replies, boosts, languages, blocked words…) would hide an approved post. */
export function hiddenOnPage(feed: DeskFeed, record: PostRecord): boolean {
  if (!feed.moderation) return false;
  const post = published(record);
  return !allowed(post, postText(post), feed.moderation);
}

/** Media the reviewer should describe: images without a description (after any the reviewer wrote). */
export const missingAlt = (record: PostRecord): number =>
  (published(record).media ?? []).filter((m) => m.type === 'image' && !(m.alt ?? '').trim()).length;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A row's short text: the content warning first (as on the page), then the start of the post. */
export function excerpt(record: PostRecord, max = 160): string {
  const text = squash(postText(record.post));
  return text.length > max ? text.slice(0, max - 1).trimEnd() + '…' : text;
}

/** Whether a record still belongs in a list filtered by state (after a decision changed it). */
export const inState = (record: PostRecord, state: StateFilter): boolean =>
  state === 'all' ? true : state === 'pinned' ? record.pinned : record.state === state;

/** The decision that puts a record back as it was before `after` (its newer version) was made. */
export function undoOf(before: PostRecord, after: PostRecord): Decision {
  const beforeAlt = before.altOverrides ?? {};
  const afterAlt = after.altOverrides ?? {};
  const changed = Object.keys({ ...beforeAlt, ...afterAlt })
    .map(Number)
    .find((i) => beforeAlt[i] !== afterAlt[i]);
  if (changed !== undefined && before.state === after.state && before.pinned === after.pinned)
    return {
      key: after.key,
      version: after.version,
      action: 'edit-alt',
      alt: { index: changed, text: beforeAlt[changed] ?? before.post.media?.[changed]?.alt ?? '' },
    };
  return { key: after.key, version: after.version, action: 'restore', restore: { state: before.state, pinned: before.pinned } };
}

/** Where the selection goes when the row at `index` leaves a list that now has `length` rows: the next one, else the one before. */
export const nextIndex = (index: number, length: number): number => (length === 0 ? -1 : Math.min(index, length - 1));

/** "Approved. 199 left." */
export const announcement = (done: string, left: number, state: StateFilter): string =>
  `${done}. ${left === 0 ? `No ${state === 'all' ? '' : STATE_LABELS[state].toLowerCase() + ' '}posts left.` : `${left} left.`}`;

/**
 * What an "approve all / block" says when done: "Approved all from @ann@m.example: 3 posts. 1 was not changed because
 * it changed meanwhile. 12 left." `skipped`: posts it counted that were edited, decided or removed before the click.
 */
export function bulkDone(label: string, done: number, skipped: number, left: number): string {
  const kept = skipped
    ? ` ${skipped} ${skipped === 1 ? 'was' : 'were'} not changed because ${skipped === 1 ? 'it' : 'they'} changed meanwhile.`
    : '';
  return `${label}: ${done} post${done === 1 ? '' : 's'}.${kept} ${left} left.`;
}
