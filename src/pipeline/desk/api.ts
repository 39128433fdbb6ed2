// The review desk's JSON API, as plain functions of (store, request body) → (status, JSON). Every change goes
// through the pipeline's Store (its lock, audit log and version check); this file only checks what a browser
// sent and words the answers. The HTTP wiring is in server.ts.
import type { Decision, PostFilter, PostRecord, PostVersion, PublishReport, ReviewState, Store } from '../types.js';
import { plainText } from '../text.js';
import { isAccount } from '../accounts.js';
import type { Moderation } from '../../widgets/hashtag-feed/moderation.js';

/** What the desk shows each post inside: the feed's own settings for the page patients read. */
export interface DeskFeed {
  hashtag: string;
  roles?: Record<string, string | Record<string, string>>;
  disclaimer?: string | Record<string, string> | false;
  heading?: string | Record<string, string>;
  /** The feed's moderation on the page (replies, boosts, languages, blocked words), as the widget resolved it (defaults applied), to warn when it would hide a post. */
  moderation?: Moderation;
  /** The page's language (default `en`). */
  lang?: string;
}

export interface DeskContext {
  store: Store;
  actor: string;
  feed: DeskFeed;
  /** Runs `carecircle publish`; absent when the desk was started without a publish target. */
  publish?: () => Promise<PublishReport>;
}

export interface Reply {
  status: number;
  body: unknown;
}

export const STATES: readonly ReviewState[] = ['pending', 'held', 'approved', 'rejected', 'removed'];
const ACTIONS: readonly Decision['action'][] = ['approve', 'reject', 'pin', 'unpin', 'hold', 'remove', 'edit-alt', 'restore'];
/** The most posts one list answer carries; the page says how many more there are and asks to filter. */
export const PAGE = 500;
const TEXT_MAX = 2000;

const bad = (message: string): Reply => ({ status: 400, body: { error: 'invalid', message } });
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const shown = (v: unknown): string => (typeof v === 'string' ? `"${v.slice(0, 60)}"` : (JSON.stringify(v)?.slice(0, 60) ?? 'nothing'));

function text(v: unknown, where: string, max = TEXT_MAX): string | Reply {
  if (typeof v !== 'string') return bad(`${where}: must be text, got ${shown(v)}.`);
  if (v.length > max) return bad(`${where}: at most ${max} characters (got ${v.length}).`);
  return v;
}

/** Checks a decision as a browser sent it; a message names the field and what was wrong. */
export function parseDecision(body: unknown): Decision | Reply {
  if (!isObject(body)) return bad('The body must be a JSON object: { "key", "version", "action", … }.');
  const unknown = Object.keys(body).filter((k) => !['key', 'version', 'action', 'reason', 'alt', 'restore'].includes(k));
  if (unknown.length) return bad(`Unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}.`);
  const { key, version, action, reason, alt, restore } = body;
  if (typeof key !== 'string' || !key) return bad(`key: must be the post's key, got ${shown(key)}.`);
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0)
    return bad(`version: must be the whole number of the version you saw, got ${shown(version)}.`);
  if (!ACTIONS.includes(action as Decision['action'])) return bad(`action: must be one of ${ACTIONS.join(', ')}; got ${shown(action)}.`);
  const decision: Decision = { key, version, action: action as Decision['action'] };
  if (reason !== undefined) {
    const r = text(reason, 'reason', 500);
    if (typeof r !== 'string') return r;
    if (r.trim()) decision.reason = r.trim();
  }
  if (decision.action === 'edit-alt') {
    if (!isObject(alt)) return bad('alt: an image description edit needs { "index", "text" }.');
    if (typeof alt.index !== 'number' || !Number.isInteger(alt.index) || alt.index < 0)
      return bad(`alt.index: must be the picture's position (0, 1, …), got ${shown(alt.index)}.`);
    const t = text(alt.text, 'alt.text');
    if (typeof t !== 'string') return t;
    decision.alt = { index: alt.index, text: t.trim() };
  } else if (alt !== undefined) return bad(`alt: only an "edit-alt" decision has one (this is "${decision.action}").`);
  if (decision.action === 'restore') {
    if (!isObject(restore)) return bad('restore: an undo needs { "state", "pinned" } to go back to.');
    if (!STATES.includes(restore.state as ReviewState))
      return bad(`restore.state: must be one of ${STATES.join(', ')}; got ${shown(restore.state)}.`);
    if (typeof restore.pinned !== 'boolean') return bad(`restore.pinned: must be true or false, got ${shown(restore.pinned)}.`);
    decision.restore = { state: restore.state as ReviewState, pinned: restore.pinned };
  } else if (restore !== undefined) return bad(`restore: only a "restore" (undo) decision has one (this is "${decision.action}").`);
  return decision;
}

/** The filter from the list address (`?state=pending&source=…&account=…&word=…`). */
export function parseFilter(query: URLSearchParams): PostFilter | Reply {
  const filter: PostFilter = {};
  const state = query.get('state');
  if (state && state !== 'all') {
    if (!STATES.includes(state as ReviewState) && state !== 'pinned')
      return bad(`state: must be all, pinned or one of ${STATES.join(', ')}; got ${shown(state)}.`);
    filter.state = state as PostFilter['state'];
  }
  for (const name of ['source', 'account', 'word'] as const) {
    const v = query.get(name)?.trim();
    if (v) filter[name] = v.slice(0, 200);
  }
  return filter;
}

/** "Changed by nurse.kim at 2026-12-06T21:40:12Z, reload." — what a second reviewer reads. */
export const conflictMessage = (r: PostRecord): string => `Changed by ${r.changedBy} at ${r.changedAt}, reload.`;

/** The oldest waiting first: a queue is cleared in the order posts arrived. */
const byArrival = (a: PostRecord, b: PostRecord): number =>
  a.firstSeen < b.firstSeen ? -1 : a.firstSeen > b.firstSeen ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;

/** The counts each answer carries, with the store's revision: the page compares both to notice others' changes. */
export const tally = async (ctx: DeskContext): Promise<Record<string, number>> => ({
  ...(await ctx.store.counts()),
  revision: ctx.store.revision(),
});

export async function listPosts(ctx: DeskContext, query: URLSearchParams): Promise<Reply> {
  const filter = parseFilter(query);
  if ('status' in filter) return filter as Reply;
  const [all, counts] = await Promise.all([ctx.store.list(filter), tally(ctx)]);
  all.sort(byArrival);
  return { status: 200, body: { posts: all.slice(0, PAGE), total: all.length, counts } };
}

/** The desk's settings and what the filters offer (sources and accounts seen). */
export async function deskInfo(ctx: DeskContext): Promise<Reply> {
  const all = await ctx.store.list();
  const sources = [...new Set(all.flatMap((r) => r.sources))].sort();
  const accounts = [...new Set(all.map((r) => r.post.author.handle))].sort();
  return { status: 200, body: { actor: ctx.actor, feed: ctx.feed, sources, accounts, publish: !!ctx.publish } };
}

export async function decide(ctx: DeskContext, body: unknown): Promise<Reply> {
  const decision = parseDecision(body);
  if ('status' in decision) return decision;
  const result = await ctx.store.decide(decision, ctx.actor);
  const counts = await tally(ctx);
  // `own`: how far this decision moved the revision, so the page can tell another reviewer's change taken in with it.
  if (result.ok) return { status: 200, body: { record: result.record, counts, own: result.moved } };
  if (result.reason === 'conflict')
    return { status: 409, body: { error: 'conflict', message: conflictMessage(result.record), record: result.record, counts } };
  return { status: result.reason === 'not-found' ? 404 : 400, body: { error: result.reason, message: result.message, counts } };
}

/** The most posts one "approve all / block" takes (the oldest first); the confirmation says when there are more. */
export const BULK_MAX = 5000;
const KEY = /^[0-9a-f]{16}$/;
const ACCOUNT_HELP = 'must be a handle like @name@server or @name.bsky.social, or a Bluesky DID like did:plc:…';

const badAccount = (account: unknown): Reply | undefined =>
  typeof account !== 'string' || account.length > 300 || !isAccount(account)
    ? bad(`account: ${ACCOUNT_HELP}; got ${shown(account)}.`)
    : undefined;

/**
 * What an "approve all / block" confirmation counts (`?account=`): the account's pending posts, the oldest first, as
 * `{ key, version }` (at most BULK_MAX, with the `total`). The click sends these back, and only these are decided.
 */
export async function pendingOf(ctx: DeskContext, query: URLSearchParams): Promise<Reply> {
  const account = query.get('account') ?? undefined;
  const refused = badAccount(account);
  if (refused) return refused;
  const all = (await ctx.store.list({ state: 'pending', account: account!.trim() })).sort(byArrival);
  const posts = all.slice(0, BULK_MAX).map((r) => ({ key: r.key, version: r.version }));
  return { status: 200, body: { account: account!.trim(), posts, total: all.length, counts: await tally(ctx) } };
}

/** Checks the posts a bulk decision lists: `[{ "key", "version" }, …]`, each once. */
function parsePostVersions(posts: unknown): PostVersion[] | Reply {
  const shape = 'must list the posts the confirmation counted, as [{ "key", "version" }, …]';
  if (!Array.isArray(posts) || !posts.length) return bad(`posts: ${shape}; got ${shown(posts)}.`);
  if (posts.length > BULK_MAX) return bad(`posts: at most ${BULK_MAX} at once, got ${posts.length}.`);
  const out: PostVersion[] = [];
  const seen = new Set<string>();
  for (const [i, p] of posts.entries()) {
    if (!isObject(p)) return bad(`posts[${i}]: must be { "key", "version" }, got ${shown(p)}.`);
    const unknown = Object.keys(p).filter((k) => k !== 'key' && k !== 'version');
    if (unknown.length)
      return bad(`posts[${i}]: unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}.`);
    if (typeof p.key !== 'string' || !KEY.test(p.key))
      return bad(`posts[${i}].key: must be a post's key (16 hex digits), got ${shown(p.key)}.`);
    if (typeof p.version !== 'number' || !Number.isInteger(p.version) || p.version < 0)
      return bad(`posts[${i}].version: must be the whole number of the version counted, got ${shown(p.version)}.`);
    if (seen.has(p.key)) return bad(`posts[${i}].key: ${p.key} is listed twice.`);
    seen.add(p.key);
    out.push({ key: p.key, version: p.version });
  }
  return out;
}

/**
 * "Approve all / block" on the posts its confirmation counted (`posts`, from `pendingOf`): each only at the version
 * counted and while it is still that account's and pending. The answer's `skipped` lists the others by key.
 */
export async function bulk(ctx: DeskContext, body: unknown): Promise<Reply> {
  if (!isObject(body)) return bad('The body must be a JSON object: { "account", "action", "posts", "reason"? }.');
  const unknown = Object.keys(body).filter((k) => !['account', 'action', 'posts', 'reason'].includes(k));
  if (unknown.length) return bad(`Unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}.`);
  const { account, action, posts, reason } = body;
  const refused = badAccount(account);
  if (refused) return refused;
  if (action !== 'approve' && action !== 'reject') return bad(`action: must be "approve" or "reject", got ${shown(action)}.`);
  const listed = parsePostVersions(posts);
  if ('status' in listed) return listed;
  let why: string | undefined;
  if (reason !== undefined) {
    const r = text(reason, 'reason', 500);
    if (typeof r !== 'string') return r;
    why = r.trim() || undefined;
  }
  const { records, skipped } = await ctx.store.bulk((account as string).trim(), listed, action, ctx.actor, why);
  return { status: 200, body: { records, skipped, counts: await tally(ctx) } };
}

export async function publishNow(ctx: DeskContext): Promise<Reply> {
  if (!ctx.publish) return { status: 501, body: { error: 'unavailable', message: 'This desk was started without a publish target.' } };
  const report = await ctx.publish();
  // The report names posts by key; a reviewer needs to recognise them: who wrote each and how it starts.
  const posts: Record<string, { name: string; handle: string; url: string; text: string }> = {};
  for (const key of [...report.added, ...report.removed, ...report.requeued].slice(0, 300)) {
    const r = await ctx.store.get(key);
    if (r) posts[key] = { name: r.post.author.name, handle: r.post.author.handle, url: r.post.url, text: plainText(r.post).slice(0, 120) };
  }
  return { status: 200, body: { report, posts, counts: await tally(ctx) } };
}
