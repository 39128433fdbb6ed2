// The contract between the parts of the `carecircle` pipeline (issue 15) and its review desk (issue 16):
// sources (src/pipeline/sources/) fetch and map posts; the store (src/pipeline/state/) keeps every post's
// review state in plain JSON files; rules (src/pipeline/rules.ts) decide what waits for review; publish
// (src/pipeline/publish.ts) writes the widget's snapshot format. Node only: never imported by the widgets.
import type { Post } from '../sources/posts.js';

/** Where a post is in review. `held` = flagged "needs clinical review": it waits for a second decision. */
export type ReviewState = 'pending' | 'approved' | 'rejected' | 'held' | 'removed';

/** A source's answer for one run. */
export interface SourceResult {
  /** Posts in CareCircle's own shape (src/sources/posts.ts), already validated; bad ones are reported in `warnings`. */
  posts: Post[];
  /** Where to resume next run (Mastodon `since_id`/min id, Bluesky cursor…); stored per source by the store. */
  cursor?: string;
  /** Problems that did not stop the source (a skipped post, a page that failed after others succeeded). */
  warnings: string[];
  /**
   * True when `posts` is everything the source has (a file export read in full): a post it listed before and no
   * longer lists was deleted, and `collect` marks it `goneAtSource`. Leave it unset for incremental sources
   * (Mastodon since a cursor) and for a run that skipped an unchanged file: absence proves nothing there.
   */
  complete?: boolean;
}

/** A request's options; `maxBytes` caps the answer's body (the polite fetch's own cap is the most). */
export type FetchInit = RequestInit & { maxBytes?: number };
/** The pipeline's fetch: see `politeFetch` (src/pipeline/http.ts). */
export type PipelineFetch = (url: string, init?: FetchInit) => Promise<Response>;

/** What a source may use: everything that touches the outside world comes through here (tests replace it). */
export interface SourceContext {
  /** `fetch` with the pipeline's `User-Agent`, one request at a time per host, and `Retry-After` honoured. */
  fetch: PipelineFetch;
  /** The cursor this source returned last run, if any. */
  cursor?: string;
  /** Environment variables (Bluesky handle and app password), passed in so tests need not set process.env. */
  env: Record<string, string | undefined>;
  /** A progress line ("mastodon.social: page 3, 120 posts"). */
  progress: (message: string) => void;
  signal?: AbortSignal;
  /** Stop paging after this many posts per source per run. */
  limit: number;
}

/** One configured source (one Mastodon instance, one Bluesky search or feed, one exported file). */
export interface Source {
  /** Stable id used for cursors, status and the audit log: `mastodon:mastodon.social#bcsm`, `bluesky-search:#bcsm`… */
  id: string;
  collect(context: SourceContext): Promise<SourceResult>;
}

/** One post as the store keeps it (in `<state>/posts/<first two characters of its key>.json`, a sorted list). */
export interface PostRecord {
  /** The store's key: a stable hash of the post's `url`. */
  key: string;
  post: Post;
  state: ReviewState;
  pinned: boolean;
  /** Raised by every change; a decision naming an older version is refused (two reviewers at once). */
  version: number;
  /** The sources it was seen in (first first). */
  sources: string[];
  /** Hash of the content patients see (text, html, media, content warning): an edit at the source changes it. */
  contentHash: string;
  firstSeen: string;
  lastSeen: string;
  /** Why it is in its state: the rule that decided (`auto-approve @dr@x`, `block word "cure"`, `duplicate of <key>`) or the reviewer's reason. */
  reason?: string;
  /** Who made the last change and when (for "changed by … at …, reload"). */
  changedBy: string;
  changedAt: string;
  /** Set when the source no longer has the post (deleted since it was collected). */
  goneAtSource?: string;
  /** Alt text a reviewer wrote for media without one, by media index. */
  altOverrides?: Record<number, string>;
}

/** One line of `audit.jsonl`. */
export interface AuditEntry {
  at: string;
  actor: string;
  action: 'collect' | 'approve' | 'reject' | 'pin' | 'unpin' | 'hold' | 'remove' | 'requeue' | 'edit-alt' | 'undo' | 'publish' | 'add';
  key?: string;
  url?: string;
  from?: ReviewState;
  to?: ReviewState;
  reason?: string;
  /** Free detail: counts for collect/publish, source id. */
  detail?: Record<string, unknown>;
}

/** A reviewer's (or a command's) decision on one post. `version` is the version the decider saw. */
export interface Decision {
  key: string;
  version: number;
  action: 'approve' | 'reject' | 'pin' | 'unpin' | 'hold' | 'remove' | 'edit-alt' | 'restore';
  reason?: string;
  /** For `edit-alt`: the media index and its new description. */
  alt?: { index: number; text: string };
  /** For `restore` (undo): the state and pin to go back to. */
  restore?: { state: ReviewState; pinned: boolean };
}

export type DecisionResult =
  /** `moved`: how far this decision's own write moved the store's `revision()` (a reader that knows the revision before
   * it can tell whether anyone else changed the store meanwhile). */
  | { ok: true; record: PostRecord; moved?: number }
  | { ok: false; reason: 'conflict'; record: PostRecord; message: string }
  | { ok: false; reason: 'not-found' | 'invalid'; message: string };

/** One post as a reviewer was shown it: its key and the version they saw. */
export interface PostVersion {
  key: string;
  version: number;
}

/** What an "approve all / block" did: the posts it changed, and the listed ones it left as they were. */
export interface BulkResult {
  records: PostRecord[];
  /** Keys of listed posts changed since they were counted, no longer pending, no longer there, or not that account's. */
  skipped: string[];
}

export interface PostFilter {
  state?: ReviewState | 'pinned';
  source?: string;
  /** An account: its handle (`@user@host`, `@name.bsky.social`) or, for Bluesky, its DID (`did:plc:…`). */
  account?: string;
  /** Words in the text, content warning, author or alt text. */
  word?: string;
}

/** What `publish` changed in the published snapshot. */
export interface PublishReport {
  added: string[];
  removed: string[];
  requeued: string[];
  files: string[];
}

/**
 * The review state on disk (src/pipeline/state/). Every write takes the lock, writes atomically and appends
 * to the audit log; `decide` refuses a decision whose `version` is not the record's current one.
 */
export interface Store {
  list(filter?: PostFilter): Promise<PostRecord[]>;
  get(key: string): Promise<PostRecord | undefined>;
  counts(): Promise<Record<ReviewState | 'pinned', number>>;
  /** Grows with every change (the audit log's length): a change that leaves every count as it was shows here. */
  revision(): number;
  decide(decision: Decision, actor: string): Promise<DecisionResult>;
  /**
   * Approves (or rejects: blocks) the listed posts of one account, named by handle or (Bluesky) DID: each only at the
   * version listed, while it is pending and that account's. The others are left as they are, in `skipped`.
   */
  bulk(account: string, posts: readonly PostVersion[], action: 'approve' | 'reject', actor: string, reason?: string): Promise<BulkResult>;
}
