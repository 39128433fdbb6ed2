// `carecircle collect`: every source fetched (each fails alone), every post through the rules, the state
// folder updated in one locked transaction. Fetching happens before the write lock is taken, so reviewers'
// decisions are not held up by slow servers; the run lock keeps two collects (or a publish) from interleaving.
import type { Post } from '../sources/posts.js';
import type { PostRecord, Source, SourceContext, SourceResult } from './types.js';
import type { LoadedConfig } from './config.js';
import { contentHash, keyOf, revise, type FileStore, type Transaction } from './state/store.js';
import { DuplicateIndex, judge, misinformationPhrases, type Rules, type Verdict } from './rules.js';
import type { Progress } from './progress.js';
import { accountName, accountOf, sameAuthor } from './accounts.js';
import { storedPost } from './sources/html.js';

export interface SourceSummary {
  id: string;
  ok: boolean;
  /** Posts the source returned this run. */
  posts: number;
  /** Posts the store had not seen before. */
  new: number;
  warnings: string[];
  error?: string;
}

export interface CollectSummary {
  sources: SourceSummary[];
  /** New posts by the state the rules gave them. */
  added: Record<'pending' | 'approved' | 'rejected' | 'held', number>;
  /** Approved posts edited at their source and sent back to review. */
  requeued: string[];
  /** Posts a complete listing (a file export) no longer has. */
  gone: string[];
  /** Whether anything could be collected: false only when every source failed. */
  ok: boolean;
}

export interface CollectOptions {
  loaded: LoadedConfig;
  store: FileStore;
  sources: Source[];
  fetch: SourceContext['fetch'];
  actor: string;
  env?: Record<string, string | undefined>;
  progress?: Progress;
  signal?: AbortSignal;
  /** How long to wait for another run to finish, in ms (default: fail at once, naming it). */
  wait?: number;
}

/**
 * A post that is already stored, seen again with (maybe) new content. Returns the new record, or undefined when
 * nothing changed. An approved post whose content changed goes back to review (`requeue`) unless the rules
 * approve it again (an auto-approved account); any post whose new content a rule blocks is rejected or held.
 *
 * A post's author never changes at its source (a Mastodon status, a Bluesky post), so an answer that names
 * another author is not believed about who wrote it: any server can answer a status lookup with any account, and
 * a Bluesky handle can pass to another account. The record keeps the author (and id) it has; the new content is
 * taken, and the post is never approved by that answer: an approved one goes back to review saying its source now
 * names another author. Blocked accounts and words still reject it.
 */
export function applyEdit(
  tx: Transaction,
  r: PostRecord,
  post: Post,
  sourceId: string | undefined,
  rules: Rules,
  phrases: readonly string[],
  actor: string,
): { record: PostRecord; requeued: boolean } | undefined {
  const hash = contentHash(post);
  const newSource = sourceId !== undefined && !r.sources.includes(sourceId);
  const edited = hash !== r.contentHash;
  const back = r.goneAtSource !== undefined;
  if (!edited && !newSource && !back) return undefined;
  const at = tx.now();
  let change: Partial<PostRecord> = { lastSeen: at };
  if (newSource) change.sources = [...r.sources, sourceId!];
  let requeued = false;
  let verdict: Verdict | undefined;
  if (edited) {
    const other = !sameAuthor(r.post, post);
    const kept: Post = other ? { ...post, id: r.post.id, author: r.post.author } : post;
    change = { ...change, post: kept, contentHash: hash };
    if (r.state === 'approved' || r.state === 'pending' || r.state === 'held') {
      verdict = judge(kept, rules, phrases);
      if (other && r.state !== 'held' && (verdict.state === 'approved' || verdict.state === 'pending')) {
        verdict = { state: 'pending', reason: `its source now names another author, ${accountName(accountOf(post), post)}` };
        requeued = r.state === 'approved';
      } else if (verdict.state === 'pending' && r.state === 'approved') {
        verdict = { state: 'pending', reason: 'edited at its source' };
        requeued = true;
      } else if (verdict.state === 'pending' || (verdict.state === 'approved' && r.state !== 'approved')) verdict = undefined;
    }
  }
  const next: PostRecord =
    verdict && (verdict.state !== r.state || verdict.reason !== r.reason)
      ? revise(r, { ...change, state: verdict.state, pinned: verdict.state === 'approved' && r.pinned, reason: verdict.reason }, actor, at)
      : { ...r, ...change, version: r.version + 1 };
  delete next.goneAtSource;
  if (next.reason === undefined) delete next.reason;
  tx.put(next);
  if (verdict && next.state !== r.state)
    tx.audit({
      actor,
      action: requeued ? 'requeue' : next.state === 'approved' ? 'approve' : next.state === 'held' ? 'hold' : 'reject',
      key: r.key,
      url: post.url,
      from: r.state,
      to: next.state,
      reason: verdict.reason,
    });
  return { record: next, requeued };
}

/** A new record for a post seen for the first time, decided by the rules. */
export function newRecord(post: Post, sourceId: string, verdict: Verdict, actor: string, at: string): PostRecord {
  const r: PostRecord = {
    key: keyOf(post.url),
    post,
    state: verdict.state,
    pinned: false,
    version: 1,
    sources: [sourceId],
    contentHash: contentHash(post),
    firstSeen: at,
    lastSeen: at,
    changedBy: actor,
    changedAt: at,
  };
  if (verdict.reason) r.reason = verdict.reason;
  return r;
}

/** The duplicate index of what is stored: the earliest seen post with a text keeps it. */
export function indexStored(records: Iterable<PostRecord>): DuplicateIndex {
  const index = new DuplicateIndex();
  const sorted = [...records].sort(
    (a, b) =>
      (a.firstSeen < b.firstSeen ? -1 : a.firstSeen > b.firstSeen ? 1 : 0) || Date.parse(a.post.createdAt) - Date.parse(b.post.createdAt),
  );
  for (const r of sorted) index.claim(r.post, r.key);
  return index;
}

/** Whether a source lists everything it has each run (a file export), so a post missing from it is gone. */
const complete = (result: SourceResult): boolean => result.complete === true;

export async function collect(o: CollectOptions): Promise<CollectSummary> {
  const { loaded, store, actor } = o;
  const release = await store.runLock('collect', o.wait);
  try {
    const cursors = store.sourcesState();
    const results = await Promise.all(
      o.sources.map(async (source): Promise<{ source: Source; result?: SourceResult; error?: string }> => {
        const context: SourceContext = {
          fetch: o.fetch,
          cursor: cursors[source.id]?.cursor,
          env: o.env ?? process.env,
          progress: (m) => o.progress?.update(source.id, m),
          signal: o.signal,
          limit: loaded.config.limit,
        };
        try {
          const result = await source.collect(context);
          o.progress?.done(
            source.id,
            `${result.posts.length} post${result.posts.length === 1 ? '' : 's'}${result.warnings.length ? `, ${result.warnings.length} warning(s)` : ''}`,
          );
          return { source, result };
        } catch (e) {
          const error = (e as Error).message || String(e);
          o.progress?.done(source.id, `failed: ${error}`);
          return { source, error };
        }
      }),
    );
    o.progress?.close();
    return await store.transaction('collect', (tx) => merge(tx, loaded, results, actor));
  } finally {
    release();
  }
}

function merge(
  tx: Transaction,
  loaded: LoadedConfig,
  results: { source: Source; result?: SourceResult; error?: string }[],
  actor: string,
): CollectSummary {
  const rules = loaded.config.rules as Rules;
  const phrases = misinformationPhrases(rules);
  const all = tx.all();
  const duplicates = indexStored(all.values());
  const at = tx.now();
  const summary: CollectSummary = {
    sources: [],
    added: { pending: 0, approved: 0, rejected: 0, held: 0 },
    requeued: [],
    gone: [],
    ok: false,
  };
  // Oldest first, so when two new posts share a text the earlier one is the original.
  const incoming = results
    .flatMap(({ source, result }) => (result?.posts ?? []).map((post) => ({ post: storedPost(post), id: source.id })))
    .sort((a, b) => Date.parse(a.post.createdAt) - Date.parse(b.post.createdAt) || (a.post.url < b.post.url ? -1 : 1));
  const fresh = new Map<string, number>();
  let changed = 0;
  for (const { post, id } of incoming) {
    const key = keyOf(post.url);
    const existing = tx.get(key);
    if (!existing) {
      const verdict = judge(post, rules, phrases, duplicates.claim(post, key));
      const record = newRecord(post, id, verdict, actor, at);
      tx.put(record);
      summary.added[verdict.state as keyof CollectSummary['added']]++;
      fresh.set(id, (fresh.get(id) ?? 0) + 1);
      if (verdict.state !== 'pending')
        tx.audit({
          actor,
          action: verdict.state === 'approved' ? 'approve' : verdict.state === 'held' ? 'hold' : 'reject',
          key,
          url: post.url,
          to: verdict.state,
          reason: verdict.reason,
          detail: { source: id },
        });
      continue;
    }
    const edit = applyEdit(tx, existing, post, id, rules, phrases, actor);
    if (edit) {
      changed++;
      if (edit.requeued) summary.requeued.push(key);
    }
  }
  for (const { source, result, error } of results) {
    const before = tx.sources()[source.id] ?? {};
    if (result && complete(result)) {
      const listed = new Set(result.posts.map((p) => keyOf(p.url)));
      for (const r of all.values())
        if (r.sources.includes(source.id) && !listed.has(r.key) && r.goneAtSource === undefined && r.sources.length === 1) {
          tx.put({ ...r, goneAtSource: at, version: r.version + 1 });
          summary.gone.push(r.key);
        }
    }
    const s: SourceSummary = {
      id: source.id,
      ok: !!result,
      posts: result?.posts.length ?? 0,
      new: fresh.get(source.id) ?? 0,
      warnings: result?.warnings ?? [],
      ...(error && { error }),
    };
    summary.sources.push(s);
    tx.setSource(source.id, {
      ...((result?.cursor ?? before.cursor) !== undefined && { cursor: result?.cursor ?? before.cursor }),
      lastRun: {
        at,
        posts: s.posts,
        new: s.new,
        ok: s.ok,
        ...(error && { error }),
        ...(s.warnings.length && { warnings: s.warnings.slice(0, 20) }),
      },
      ...((result ? at : before.lastSuccess) !== undefined && { lastSuccess: result ? at : before.lastSuccess }),
    });
  }
  summary.ok = !results.length || results.some((r) => r.result);
  const added = Object.values(summary.added).reduce((a, b) => a + b, 0);
  // One summary line when anything changed; a run that changes nothing adds nothing (idempotent).
  if (added || changed || summary.gone.length || results.some((r) => r.error))
    tx.audit({
      actor,
      action: 'collect',
      detail: {
        sources: summary.sources.map((s) => ({ id: s.id, posts: s.posts, new: s.new, ...(s.error && { error: s.error }) })),
        added: summary.added,
        requeued: summary.requeued.length,
        gone: summary.gone.length,
      },
    });
  return summary;
}
