// How the pipeline names one account, in its rules' account lists and the review desk's "approve all / block" and
// account filter: a handle (Mastodon `@name@server`, Bluesky `@name.bsky.social`) or a Bluesky DID (`did:plc:…`,
// `did:web:…`). Posts are matched by core/moderation.ts's byAuthor, as the feed's block lists match them, so a DID
// keeps naming a Bluesky account after it changes its handle. No Node here: the desk's page uses it too.
import { byAuthor, handleKey } from '../core/moderation.js';
import type { Post } from '../sources/posts.js';

// A DID (`did:<method>:<id>`); a Mastodon handle `name@server`, or a Bluesky one (a domain name: `name.bsky.social`).
const DID = 'did:[a-z0-9]+:[\\w.%:-]*[\\w.%-]';
const HANDLE = '[^@\\s]+@[^@\\s]+|[^@\\s/:.]+(?:\\.[^@\\s/:.]+)+';

/**
 * An account, `@` optional: the one pattern of the config's account lists (their JSON Schema too: no flags) and the
 * desk's API. In lower case (`isAccount` folds case, as handles and DIDs are matched).
 */
export const ACCOUNT = new RegExp(`^@?(?:${HANDLE}|${DID})$`);
const IS_DID = new RegExp(`^@?${DID}$`);

/** Whether `account` is a DID (`did:plc:…`, `@did:plc:…`, any case). */
export const isDid = (account: string): boolean => IS_DID.test(account.trim().toLowerCase());

/** Whether `account` names an account the desk can act on: a handle or a DID, any case. */
export const isAccount = (account: string): boolean => ACCOUNT.test(account.trim().toLowerCase());

/**
 * The DID a Bluesky post's id (`at://did:plc:…/app.bsky.feed.post/…`) names, when byAuthor matches the post by it
 * (a DID it would not match, say one with capitals, is no use for an account action).
 */
export function didOf(post: Post): string | undefined {
  const did = /^at:\/\/([^/]+)\//.exec(post.id ?? '')?.[1];
  return did && isDid(did) && byAuthor([did], post) ? did : undefined;
}

/** What "all from this account" names for `post`: its DID where it has one (handles change, DIDs do not), else its handle. */
export const accountOf = (post: Post): string => didOf(post) ?? post.author.handle;

/**
 * How a reason names the account an action was given: a handle as `@name@server`; a DID after the handle `post`
 * was written under, `@name.bsky.social (did:plc:…)`, so a reader knows the account and its lasting name.
 */
export const accountName = (account: string, post: Post): string =>
  isDid(account) ? `${handleKey(post.author.handle)} (${account.trim().replace(/^@/, '').toLowerCase()})` : handleKey(account);

/**
 * Whether two copies of a post name the same author: for a Bluesky post the same DID (a handle may change, or pass
 * to another account), else the same handle, any case.
 */
export const sameAuthor = (a: Post, b: Post): boolean => handleKey(accountOf(a)) === handleKey(accountOf(b));
