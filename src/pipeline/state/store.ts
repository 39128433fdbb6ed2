// The review state on disk. Layout of the state folder (plain JSON that diffs well in git):
//   posts/<kk>.json        the posts (PostRecords) whose key starts with those two hex digits: 256 files at most,
//                          each a JSON list sorted by key, one field per line. A change rewrites one small file and
//                          shows in git as the lines of the posts it changed; 100,000 posts are 256 files of ~400
//                          posts, read in well under a second, where one file per post would cost 100,000 opens and
//                          (for crash safety) 100,000 fsyncs per full collect
//   sources.json           per source: its cursor and its last run (when, how many posts, errors)
//   audit.jsonl            append-only: one AuditEntry per line, every change with who, when, what and why
//   revision               a counter raised by every write, so long-running readers (the review desk) know when
//                          to reload
//   write.lock             held while changing any of the above (short: one decision, or one collect's merge)
//   run.lock               held for a whole collect or publish, so two runs never interleave
import { mkdirSync, readdirSync, unlinkSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { byAuthor } from '../../core/moderation.js';
import { accountName } from '../accounts.js';
import { normalise } from '../../core/text.js';
import type { Post } from '../../sources/posts.js';
import type {
  AuditEntry,
  BulkResult,
  Decision,
  DecisionResult,
  PostFilter,
  PostRecord,
  PostVersion,
  ReviewState,
  Store,
} from '../types.js';
import { acquireLock, alive, safeUser } from './lock.js';
import { appendLines, jsonText, readText, TEMP, writeAtomic, writeIfChanged } from './files.js';
import { plainText } from '../text.js';

export const REVIEW_STATES: readonly ReviewState[] = ['pending', 'approved', 'rejected', 'held', 'removed'];

/** The store's key for a post: a stable hash of its `url` (16 hex digits: 64 bits, no collision in any real feed). */
export const keyOf = (url: string): string => createHash('sha256').update(url.trim()).digest('hex').slice(0, 16);

/** Hash of what patients see of a post: text, HTML, media (address, description, kind), content warning, sensitivity. */
export function contentHash(post: Post): string {
  const seen = [
    post.text ?? '',
    post.html ?? '',
    post.contentWarning ?? '',
    !!post.sensitive,
    // Media by what it is and says, not by address: a post collected through another Mastodon server carries
    // that server's cached copies, and a recheck at the author's home server must not send it back to review.
    (post.media ?? []).map((m) => [m.alt ?? '', m.type]),
  ];
  return createHash('sha256').update(JSON.stringify(seen)).digest('hex').slice(0, 16);
}

/** One source's bookkeeping in `sources.json`. */
export interface SourceState {
  cursor?: string;
  lastRun?: { at: string; posts: number; new: number; ok: boolean; error?: string; warnings?: string[] };
  /** When it last answered without failing. */
  lastSuccess?: string;
}

export interface StoreOptions {
  /** The clock (tests and reproducible demos fix it). */
  now?: () => Date;
  /** How long a write waits for another writer, in ms. */
  wait?: number;
}

/** A write under the lock: records are read fresh from disk, changes are kept until the end, then written. */
export interface Transaction {
  /** Every record, loaded once per transaction. */
  all(): Map<string, PostRecord>;
  get(key: string): PostRecord | undefined;
  /** Stores `record` (written at the end of the transaction, only when its content changed). */
  put(record: PostRecord): void;
  audit(entry: Omit<AuditEntry, 'at'> & { at?: string }): void;
  sources(): Record<string, SourceState>;
  setSource(id: string, state: SourceState): void;
  now(): string;
}

const validState = (s: unknown): s is ReviewState => typeof s === 'string' && (REVIEW_STATES as readonly string[]).includes(s);

/** A record read from disk, checked enough that the rest of the code can trust its shape; else the problem. */
function checkRecord(r: PostRecord, file: string): PostRecord | string {
  if (!r || typeof r !== 'object') return `${file}: not a post record`;
  if (typeof r.key !== 'string' || !r.post || typeof r.post.url !== 'string') return `${file}: has no key or post url`;
  if (keyOf(r.post.url) !== r.key) return `${file}: its key does not match its post's url`;
  if (!validState(r.state)) return `${file}: unknown state ${JSON.stringify(r.state)}`;
  if (typeof r.version !== 'number') return `${file}: has no version`;
  return r;
}

/** The words a reviewer's search looks in. */
const searchText = (r: PostRecord): string =>
  normalise(
    [
      plainText(r.post),
      r.post.contentWarning ?? '',
      r.post.author.name,
      r.post.author.handle,
      ...(r.post.media ?? []).map((m, i) => r.altOverrides?.[i] ?? m.alt ?? ''),
    ].join('\n'),
  );

export const matches = (r: PostRecord, f: PostFilter = {}): boolean =>
  (!f.state || (f.state === 'pinned' ? r.pinned : r.state === f.state)) &&
  (!f.source || r.sources.includes(f.source)) &&
  // By handle, or by DID for a Bluesky post (its `at://did:…/` id), as the rules match accounts.
  (!f.account || byAuthor([f.account], r.post)) &&
  (!f.word || searchText(r).includes(normalise(f.word.trim())));

/** Newest first, then by key so the order is total. */
const newestFirst = (a: PostRecord, b: PostRecord): number =>
  Date.parse(b.post.createdAt) - Date.parse(a.post.createdAt) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

const AUDIT_ACTION: Record<Decision['action'], AuditEntry['action']> = {
  approve: 'approve',
  reject: 'reject',
  pin: 'pin',
  unpin: 'unpin',
  hold: 'hold',
  remove: 'remove',
  'edit-alt': 'edit-alt',
  restore: 'undo',
};

export class FileStore implements Store {
  readonly dir: string;
  readonly #now: () => Date;
  readonly #wait: number;
  #cache?: { revision: string; records: Map<string, PostRecord> };
  /** Problems found while loading (unreadable record files): reported by `status`, never fatal. */
  problems: string[] = [];

  constructor(dir: string, { now = () => new Date(), wait = 30_000 }: StoreOptions = {}) {
    this.dir = dir;
    this.#now = now;
    this.#wait = wait;
  }

  get postsDir(): string {
    return join(this.dir, 'posts');
  }
  get auditFile(): string {
    return join(this.dir, 'audit.jsonl');
  }
  get sourcesFile(): string {
    return join(this.dir, 'sources.json');
  }
  /** The file that holds the post with this key. */
  shardFile(key: string): string {
    return join(this.postsDir, key.slice(0, 2) + '.json');
  }
  now(): string {
    return this.#now().toISOString();
  }

  /** Takes the run lock for a whole collect or publish (fails at once unless `wait` ms are given). */
  runLock(command: string, wait = 0): Promise<() => void> {
    return acquireLock(join(this.dir, 'run.lock'), { command, wait, what: `The state folder ${this.dir}` });
  }

  #revision(): string {
    return (readText(join(this.dir, 'revision')) ?? '0').trim();
  }

  /**
   * Reads one shard file: its records by key, or (when it cannot be read as a list of records) the problem.
   * A record that fails its checks is reported and left out; when `strict` (the file is about to be rewritten),
   * it is the problem instead, as rewriting the file without it would delete it.
   */
  #readShard(file: string, strict = false): Map<string, PostRecord> | string {
    const text = readText(file);
    const out = new Map<string, PostRecord>();
    if (text === undefined) return out;
    let list: unknown;
    try {
      list = JSON.parse(text);
    } catch (e) {
      return `${file}: not valid JSON (${(e as Error).message})`;
    }
    if (!Array.isArray(list)) return `${file}: not a list of post records`;
    const bad: string[] = [];
    for (const item of list as PostRecord[]) {
      const r = checkRecord(item, file);
      if (typeof r === 'string') bad.push(r);
      else if (r.key.slice(0, 2) !== file.slice(-7, -5)) bad.push(`${file}: post ${r.key} belongs in another file`);
      else out.set(r.key, r);
    }
    if (strict && bad.length) return bad.join('; ');
    this.problems.push(...bad);
    return out;
  }

  /** Reads one record from disk (fresh), or undefined. */
  #read(key: string): PostRecord | undefined {
    if (!/^[0-9a-f]{16}$/.test(key)) return undefined;
    const shard = this.#readShard(this.shardFile(key));
    if (typeof shard === 'string') {
      this.problems.push(shard);
      return undefined;
    }
    return shard.get(key);
  }

  /**
   * Reads every record. Temporary files left by a killed writer are skipped, and deleted when `sweep` (only
   * under the write lock, when no live writer can own one).
   */
  #readAll(sweep: boolean): Map<string, PostRecord> {
    const out = new Map<string, PostRecord>();
    this.problems = [];
    // Beside the posts: temporary files of processes that died mid-write (a live one may be taking a lock).
    if (sweep)
      for (const name of readdirSync(this.dir)) {
        const pid = Number(TEMP.exec(name)?.[1]);
        if (pid && pid !== process.pid && !alive(pid)) unlinkSync(join(this.dir, name));
      }
    if (!existsSync(this.postsDir)) return out;
    for (const name of readdirSync(this.postsDir).sort()) {
      if (TEMP.test(name)) {
        if (sweep) unlinkSync(join(this.postsDir, name));
        continue;
      }
      if (!/^[0-9a-f]{2}\.json$/.test(name)) continue;
      const shard = this.#readShard(join(this.postsDir, name));
      if (typeof shard === 'string') this.problems.push(shard);
      else for (const [k, r] of shard) out.set(k, r);
    }
    return out;
  }

  /** Every record, from a cache that is reloaded when another process has written since. */
  #records(): Map<string, PostRecord> {
    const revision = this.#revision();
    if (this.#cache?.revision !== revision) this.#cache = { revision, records: this.#readAll(false) };
    return this.#cache.records;
  }

  async list(filter: PostFilter = {}): Promise<PostRecord[]> {
    return [...this.#records().values()].filter((r) => matches(r, filter)).sort(newestFirst);
  }

  async get(key: string): Promise<PostRecord | undefined> {
    return this.#read(key);
  }

  /** A record by its key or its post's address. */
  async find(keyOrUrl: string): Promise<PostRecord | undefined> {
    return this.#read(/^[0-9a-f]{16}$/.test(keyOrUrl) ? keyOrUrl : keyOf(keyOrUrl));
  }

  async counts(): Promise<Record<ReviewState | 'pinned', number>> {
    const c = Object.fromEntries([...REVIEW_STATES, 'pinned'].map((s) => [s, 0])) as Record<ReviewState | 'pinned', number>;
    for (const r of this.#records().values()) {
      c[r.state]++;
      if (r.pinned) c.pinned++;
    }
    return c;
  }

  /**
   * A number that grows with every change to the store: the audit log's length in bytes (every change, a
   * collect's included, appends its lines). The review desk compares it to notice changes that leave every
   * count as it was.
   */
  revision(): number {
    try {
      return statSync(this.auditFile).size;
    } catch {
      return 0;
    }
  }

  sourcesState(): Record<string, SourceState> {
    const text = readText(this.sourcesFile);
    if (!text) return {};
    try {
      return JSON.parse(text) as Record<string, SourceState>;
    } catch (e) {
      this.problems.push(`${this.sourcesFile}: not valid JSON (${(e as Error).message}); cursors start again`);
      return {};
    }
  }

  /** The audit log's entries (a partial last line, left by a killed run, is skipped). */
  audit(): AuditEntry[] {
    const text = readText(this.auditFile) ?? '';
    const out: AuditEntry[] = [];
    for (const line of text.split('\n'))
      if (line.trim())
        try {
          out.push(JSON.parse(line) as AuditEntry);
        } catch {
          /* a line cut short by a crash */
        }
    return out;
  }

  /**
   * Runs `fn` under the write lock. Its changes are written at the end: the audit lines first (so no change is
   * ever on disk without its entry), then each changed record atomically, then sources.json, then the revision.
   * A crash in between leaves every file whole; the next run sees a consistent mix of old and new records.
   */
  async transaction<T>(command: string, fn: (tx: Transaction) => T | Promise<T>, onWrite?: (moved: number) => void): Promise<T> {
    mkdirSync(this.dir, { recursive: true });
    const release = await acquireLock(join(this.dir, 'write.lock'), { command, wait: this.#wait, what: `The state folder ${this.dir}` });
    try {
      let all: Map<string, PostRecord> | undefined;
      const fresh = new Map<string, PostRecord | undefined>();
      const changed = new Map<string, PostRecord>();
      const lines: string[] = [];
      let sources: Record<string, SourceState> | undefined;
      let sourcesChanged = false;
      const at = this.now();
      const tx: Transaction = {
        all: () => {
          if (!all) {
            all = this.#readAll(true);
            for (const [k, r] of changed) all.set(k, r);
          }
          return all;
        },
        get: (key) => {
          if (changed.has(key)) return changed.get(key);
          if (all) return all.get(key);
          if (!fresh.has(key)) fresh.set(key, this.#read(key));
          return fresh.get(key);
        },
        put: (record) => {
          changed.set(record.key, record);
          all?.set(record.key, record);
        },
        audit: (entry) => lines.push(JSON.stringify({ at, ...entry })),
        sources: () => (sources ??= this.sourcesState()),
        setSource: (id, state) => {
          tx.sources()[id] = state;
          sourcesChanged = true;
        },
        now: () => at,
      };
      const result = await fn(tx);
      const revision = this.#revision();
      // Every shard to write is read and merged first: one that cannot be read stops the transaction before
      // anything (the audit log included) is written.
      const byShard = new Map<string, PostRecord[]>();
      for (const r of changed.values()) {
        const file = this.shardFile(r.key);
        if (!byShard.has(file)) byShard.set(file, []);
        byShard.get(file)!.push(r);
      }
      const shards: [string, string][] = [];
      for (const [file, records] of byShard) {
        const shard = this.#readShard(file, true);
        // Never write over a file that cannot be read (a hand edit, a merge conflict): its other posts would be lost.
        if (typeof shard === 'string') throw new Error(`${shard}. Fix or restore that file (git checkout) and run again.`);
        for (const r of records) shard.set(r.key, r);
        shards.push([file, jsonText([...shard.values()].sort((a, b) => (a.key < b.key ? -1 : 1)))]);
      }
      const from = onWrite ? this.revision() : 0;
      appendLines(this.auditFile, lines);
      // How far this write alone moved the revision (read under the lock, so no one else's write is in it).
      onWrite?.(this.revision() - from);
      let wrote = lines.length > 0;
      for (const [file, text] of shards) wrote = writeIfChanged(file, text) || wrote;
      if (sourcesChanged) {
        const sorted = Object.fromEntries(Object.entries(sources!).sort(([a], [b]) => (a < b ? -1 : 1)));
        wrote = writeIfChanged(this.sourcesFile, jsonText(sorted)) || wrote;
      }
      if (wrote) {
        const next = String(Number(revision) + 1);
        writeAtomic(join(this.dir, 'revision'), next + '\n');
        // Keep the cache when it was current: it then only needs this transaction's records.
        if (this.#cache?.revision === revision) {
          for (const r of changed.values()) this.#cache.records.set(r.key, r);
          this.#cache.revision = next;
        } else this.#cache = undefined;
      }
      return result;
    } finally {
      release();
    }
  }

  async decide(decision: Decision, actor: string): Promise<DecisionResult> {
    let moved = 0;
    const result = await this.transaction(
      decision.action,
      (tx) => applyDecision(tx, decision, actor),
      (n) => (moved = n),
    );
    return result.ok ? { ...result, moved } : result;
  }

  /**
   * "Approve all / block" for one account, on the posts the reviewer was shown (`posts`, counted when they asked):
   * each is decided only at the version listed, while it is still pending and that account's. A post collected
   * since is not listed, so it is not touched; one edited, decided or gone since is left as it is and its key
   * returned in `skipped`. `account`: a handle, or a Bluesky DID (its posts under whatever handle they came).
   */
  async bulk(
    account: string,
    posts: readonly PostVersion[],
    action: 'approve' | 'reject',
    actor: string,
    reason?: string,
  ): Promise<BulkResult> {
    return this.transaction(`bulk ${action}`, (tx) => {
      const records: PostRecord[] = [];
      const skipped: string[] = [];
      const all = tx.all();
      for (const [key, version] of new Map(posts.map((p) => [p.key, p.version]))) {
        const r = all.get(key);
        if (!r || r.version !== version || r.state !== 'pending' || !byAuthor([account], r.post)) {
          skipped.push(key);
          continue;
        }
        const result = applyDecision(
          tx,
          { key, version, action, reason: reason ?? `bulk ${action} ${accountName(account, r.post)}` },
          actor,
        );
        if (result.ok) records.push(result.record);
        else skipped.push(key);
      }
      return { records: records.sort(newestFirst), skipped };
    });
  }
}

/** A changed copy of `r`: version raised, who and when recorded. */
export const revise = (r: PostRecord, change: Partial<PostRecord>, actor: string, at: string): PostRecord => ({
  ...r,
  ...change,
  version: r.version + 1,
  changedBy: actor,
  changedAt: at,
});

/** One decision inside a transaction: refused when the decider saw an older version. */
export function applyDecision(tx: Transaction, d: Decision, actor: string): DecisionResult {
  const r = tx.get(d.key);
  if (!r) return { ok: false, reason: 'not-found', message: `No post with key ${d.key}.` };
  if (d.version !== r.version)
    return {
      ok: false,
      reason: 'conflict',
      record: r,
      message: `This post was changed by ${r.changedBy} at ${r.changedAt} (version ${r.version}, you saw ${d.version}), reload.`,
    };
  let change: Partial<PostRecord>;
  switch (d.action) {
    case 'approve':
      change = { state: 'approved' };
      break;
    case 'reject':
      change = { state: 'rejected', pinned: false };
      break;
    case 'hold':
      change = { state: 'held', pinned: false };
      break;
    case 'remove':
      change = { state: 'removed', pinned: false };
      break;
    case 'pin':
      // A pinned post is shown, so pinning approves it.
      change = { state: 'approved', pinned: true };
      break;
    case 'unpin':
      change = { pinned: false };
      break;
    case 'restore':
      if (!d.restore || !validState(d.restore.state))
        return { ok: false, reason: 'invalid', message: 'An undo needs the state to go back to.' };
      change = { state: d.restore.state, pinned: d.restore.state === 'approved' && !!d.restore.pinned };
      break;
    case 'edit-alt': {
      const n = r.post.media?.length ?? 0;
      if (!d.alt || !Number.isInteger(d.alt.index) || d.alt.index < 0 || d.alt.index >= n)
        return {
          ok: false,
          reason: 'invalid',
          message: `This post has ${n} media item${n === 1 ? '' : 's'}; no item ${d.alt?.index} to describe.`,
        };
      const overrides = { ...r.altOverrides };
      if (d.alt.text.trim()) overrides[d.alt.index] = d.alt.text.trim();
      else delete overrides[d.alt.index];
      change = { altOverrides: Object.keys(overrides).length ? overrides : undefined };
      break;
    }
    default:
      return { ok: false, reason: 'invalid', message: `Unknown action ${JSON.stringify((d as Decision).action)}.` };
  }
  const same = (Object.keys(change) as (keyof PostRecord)[]).every((k) => JSON.stringify(change[k]) === JSON.stringify(r[k]));
  // Nothing to change (approving an approved post): no new version, no audit line.
  if (same) return { ok: true, record: r };
  const reason = d.reason?.trim() || undefined;
  const next = revise(r, { ...change, ...(d.action !== 'edit-alt' && d.action !== 'unpin' && { reason }) }, actor, tx.now());
  if (next.altOverrides === undefined) delete next.altOverrides;
  if (next.reason === undefined) delete next.reason;
  tx.put(next);
  tx.audit({
    actor,
    action: AUDIT_ACTION[d.action],
    key: r.key,
    url: r.post.url,
    ...(r.state !== next.state && { from: r.state, to: next.state }),
    ...(reason && { reason }),
    ...(d.action === 'edit-alt' && { detail: { index: d.alt!.index, alt: d.alt!.text.trim() } }),
  });
  return { ok: true, record: next };
}

/** Who is acting: `--actor`, else CARECIRCLE_ACTOR, else the operating-system user. */
export const actorFrom = (option: string | undefined, env: Record<string, string | undefined> = process.env): string =>
  option?.trim() || env.CARECIRCLE_ACTOR?.trim() || safeUser();
