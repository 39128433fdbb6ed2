// `carecircle publish`: the files a web server or CDN serves. The snapshot holds approved posts only (pinned
// first), with reviewers' image descriptions applied; posts deleted at their source since approval are removed
// and posts edited there go back to review. Every file is written atomically and only when its content changed.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Post } from '../sources/posts.js';
import { postSchema } from '../sources/post.schema.js';
import { validate } from '../core/config/validate.js';
import { toConfigIssues } from '../core/config/zod-issues.js';
import { resolveLocalText } from '../core/config/schema.js';
import { hostOf } from '../core/urls.js';
import { toIcs } from '../core/time/ics.js';
import { chatEvent } from '../widgets/chat-schedule/schedule.js';
import { hsdsPages, hsdsToGroups } from '../sources/hsds.js';
import { chatScheduleSchema, type ResolvedChatScheduleConfig } from '../widgets/chat-schedule/chat-schedule.schema.js';
import { supportGroupsSchema } from '../widgets/support-groups/support-groups.schema.js';
import { CareChatSchedule } from '../widgets/chat-schedule/chat-schedule.js';
import { CareSupportGroups } from '../widgets/support-groups/support-groups.js';
import { configLine, configPath, type LoadedConfig } from './config.js';
import { keyOf, revise, type FileStore } from './state/store.js';
import { jsonText, readText, writeIfChanged } from './state/files.js';
import { applyEdit } from './collect.js';
import { storedPost } from './sources/html.js';
import { misinformationPhrases, type Rules } from './rules.js';
import { MediaMirror } from './media.js';
import { mirrorFetch } from './wiring.js';
import { nodeGlobals } from './node-globals.js';
import type { PipelineFetch, PostRecord, PublishReport } from './types.js';

/** What a recheck learns about a published post: its current content, `gone` (deleted at its source), or unknown (an error). */
export type Recheck = (url: string) => Promise<Post | 'gone'>;

export interface PublishOptions {
  loaded: LoadedConfig;
  store: FileStore;
  actor: string;
  fetch: PipelineFetch;
  /**
   * What `--mirror-media` copies pictures with (the wiring's `mediaFetch`). When not given, wiring.ts `mirrorFetch`
   * chooses, as the wiring does: `fetch` if publish.mirrorMedia.privateNetwork allows inside addresses, else a polite
   * public-only fetch.
   */
  mediaFetch?: PipelineFetch;
  /** Looks a post up at its source (the `add` importer); without it, nothing is rechecked. */
  recheck?: Recheck;
  mirrorMedia?: boolean;
  warn?: (message: string) => void;
  wait?: number;
  signal?: AbortSignal;
}

export interface PublishResult extends PublishReport {
  warnings: string[];
}

/** The widget's recoverable-item rules, read from an instance so they cannot drift from the element's. */
const recoverable = (element: object) => {
  const e = element as { skippable: readonly string[]; droppable: readonly string[] };
  return { lists: e.skippable, fields: e.droppable };
};

/** Pinned first, then newest first (the order the widget keeps for a snapshot it is given). */
const published = (records: PostRecord[], limit: number): PostRecord[] =>
  records
    .filter((r) => r.state === 'approved' && r.goneAtSource === undefined)
    .sort((a, b) => +b.pinned - +a.pinned || Date.parse(b.post.createdAt) - Date.parse(a.post.createdAt) || (a.key < b.key ? -1 : 1))
    .slice(0, limit);

/** The post as patients get it: reviewers' alt texts applied, nothing but the snapshot format's fields. */
export function snapshotPost(r: PostRecord): Post {
  const post = storedPost(structuredClone(r.post));
  if (post.media && r.altOverrides)
    post.media = post.media.map((m, i) => (r.altOverrides![i] !== undefined ? { ...m, alt: r.altOverrides![i] } : m));
  return post;
}

export async function publish(o: PublishOptions): Promise<PublishResult> {
  const { loaded, store, actor } = o;
  const { config, publishDir, tag } = loaded;
  const warnings: string[] = [];
  const warn = (m: string) => (warnings.push(m), o.warn?.(m));
  const release = await store.runLock('publish', o.wait);
  try {
    const report: PublishResult = { added: [], removed: [], requeued: [], files: [], warnings };
    // 1. Recheck what would be published, outside the write lock (network): deleted → removed, edited → review.
    const rechecked = new Map<string, Post | 'gone'>();
    if (o.recheck && config.publish.recheck)
      await recheckAll(published(await store.list({ state: 'approved' }), config.publish.limit), o.recheck, rechecked, warn);
    const rules = config.rules as Rules;
    const phrases = misinformationPhrases(rules);
    const records = await store.transaction('publish', (tx) => {
      for (const [key, now] of rechecked) {
        const r = tx.get(key);
        if (!r) continue;
        if (now === 'gone') {
          if (r.goneAtSource === undefined) tx.put({ ...r, goneAtSource: tx.now(), version: r.version + 1 });
        } else {
          // Kept at the address it is stored by: the source may answer with another (an author renamed), and a
          // record whose url no longer gives its key is unreadable, then dropped by the next write of its file.
          const edit = applyEdit(tx, r, { ...storedPost(now), url: r.post.url }, undefined, rules, phrases, actor);
          if (edit?.requeued) report.requeued.push(key);
        }
      }
      // Approved posts deleted at their source since approval: removed from the site, with the reason on record.
      for (const r of tx.all().values()) {
        if (r.state !== 'approved' || r.goneAtSource === undefined) continue;
        tx.put(revise(r, { state: 'removed', pinned: false, reason: 'deleted at its source' }, actor, tx.now()));
        tx.audit({
          actor,
          action: 'remove',
          key: r.key,
          url: r.post.url,
          from: 'approved',
          to: 'removed',
          reason: 'deleted at its source',
        });
      }
      return [...tx.all().values()];
    });

    // 2. The snapshot.
    const file = join(publishDir, `${tag}.json`);
    const before = previousUrls(file);
    const mirror = o.mirrorMedia ? mediaMirror(o, warn) : undefined;
    const chosen: { key: string; post: Post }[] = [];
    for (const r of published(records, config.publish.limit)) {
      let post = snapshotPost(r);
      if (mirror) post = await mirrorPost(post, mirror);
      // The widget validates what it reads; a post it would refuse is left out here, with the reason.
      const check = postSchema.safeParse(post);
      if (!check.success) {
        const issue = toConfigIssues(check.error.issues, postSchema, post)[0];
        warn(`post ${r.key} (${r.post.url}) is not valid in a snapshot (${issue?.path}: ${issue?.message}); left out`);
        continue;
      }
      chosen.push({ key: r.key, post });
    }
    // Reviewers decide under the write lock alone, so one may have removed (rejected, held) a post while the pictures
    // were copied: the records are read again under that lock, held until the snapshot is written, and a post no
    // longer approved is left out. One approved meanwhile waits for the next publish.
    const posts = await store.transaction('publish', (tx) => {
      const all = tx.all();
      const kept = chosen.filter(({ key }) => all.get(key)?.state === 'approved').map(({ post }) => post);
      const urls = new Set(kept.map((p) => p.url));
      report.added = kept.filter((p) => !before.has(p.url)).map((p) => keyOf(p.url));
      report.removed = [...before].filter((u) => !urls.has(u)).map(keyOf);
      if (writeSnapshot(file, kept, store.now())) report.files.push(file);
      return kept;
    });
    if (mirror) {
      mirror.prune(posts);
      const names = Object.fromEntries(Object.entries(mirror.names).sort(([a], [b]) => (a < b ? -1 : 1)));
      writeIfChanged(mediaIndex(loaded), jsonText(names));
    }

    // 3. Calendar and groups, when configured.
    if (config.publish.chats) {
      const ics = await chatsIcs(configPath(loaded, config.publish.chats), new Date(store.now()), warn, hostOf(config.site.url));
      const out = join(publishDir, 'chats.ics');
      // DTSTAMP is the time of writing: a file that differs only there is not rewritten.
      const same = (readText(out) ?? '').replace(/^DTSTAMP:.*$/gm, '') === ics.replace(/^DTSTAMP:.*$/gm, '');
      if (!same && writeIfChanged(out, ics)) report.files.push(out);
    }
    if (config.publish.groups) {
      const out = join(publishDir, 'groups.json');
      if (writeIfChanged(out, jsonText(await groupsConfig(loaded, o.fetch, warn)))) report.files.push(out);
    }
    if (report.added.length || report.removed.length || report.requeued.length || report.files.length)
      await store.transaction('publish', (tx) =>
        tx.audit({
          actor,
          action: 'publish',
          detail: {
            posts: posts.length,
            added: report.added.length,
            removed: report.removed.length,
            requeued: report.requeued.length,
            files: report.files,
          },
        }),
      );
    return report;
  } finally {
    release();
  }
}

/**
 * Looks each post up at its source: one host at a time per host (the polite fetch queues them anyway), up to
 * eight hosts at once. A host that fails (down, unreachable, refusing) is not asked again this run: its posts
 * stay as they were, with one warning, instead of each waiting out its own timeouts.
 */
async function recheckAll(
  records: PostRecord[],
  recheck: Recheck,
  out: Map<string, Post | 'gone'>,
  warn: (m: string) => void,
): Promise<void> {
  const byHost = new Map<string, PostRecord[]>();
  for (const r of records) {
    let host: string;
    try {
      host = new URL(r.post.url).host;
    } catch {
      continue;
    }
    if (!byHost.has(host)) byHost.set(host, []);
    byHost.get(host)!.push(r);
  }
  const hosts = [...byHost];
  const worker = async () => {
    for (let next = hosts.shift(); next; next = hosts.shift()) {
      const [host, list] = next;
      for (const [i, r] of list.entries()) {
        try {
          out.set(r.key, await recheck(r.post.url));
        } catch (e) {
          const left = list.length - i;
          warn(`recheck ${host}: ${(e as Error).message}; ${left} post${left === 1 ? '' : 's'} from there kept as they were`);
          break;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, hosts.length) }, worker));
}

/** The state folder's record of mirrored pictures: address → file name in `<publish dir>/media/`. */
const mediaIndex = (loaded: LoadedConfig): string => join(loaded.stateDir, 'media.json');

function readMediaIndex(loaded: LoadedConfig): Record<string, string> {
  try {
    const data = JSON.parse(readText(mediaIndex(loaded)) ?? '{}') as unknown;
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, string>) : {};
  } catch {
    return {}; // unreadable: every picture is fetched again, and the file rewritten
  }
}

function mediaMirror(o: PublishOptions, warn: (m: string) => void): MediaMirror {
  const { url, mirrorMedia } = o.loaded.config.publish;
  if (!url)
    throw new Error(
      `${o.loaded.file}: publish.url is needed for --mirror-media: the address the folder ${o.loaded.publishDir} is served at (like "/carecircle/").`,
    );
  return new MediaMirror({
    fetch: o.mediaFetch ?? mirrorFetch(o.loaded, o.fetch),
    dir: join(o.loaded.publishDir, 'media'),
    base: url.replace(/\/?$/, '/') + 'media/',
    maxBytes: mirrorMedia.maxBytes,
    types: mirrorMedia.types,
    warn,
    signal: o.signal,
    known: readMediaIndex(o.loaded),
  });
}

/** A post with its pictures and avatar served from the site; what cannot be copied safely is dropped. */
async function mirrorPost(post: Post, mirror: MediaMirror): Promise<Post> {
  const out: Post = { ...post, author: { ...post.author } };
  if (out.author.avatar) {
    const local = await mirror.mirror(out.author.avatar);
    if (local) out.author.avatar = local;
    else delete out.author.avatar;
  }
  if (post.media) {
    const media: NonNullable<Post['media']> = [];
    for (const m of post.media) {
      const local = await mirror.mirror(m.url);
      if (local) media.push({ ...m, url: local });
    }
    if (media.length) out.media = media;
    else delete out.media;
  }
  return out;
}

function previousUrls(file: string): Set<string> {
  try {
    const data = JSON.parse(readText(file) ?? '{}') as { posts?: { url?: unknown }[] };
    return new Set((data.posts ?? []).map((p) => p.url).filter((u): u is string => typeof u === 'string'));
  } catch {
    return new Set();
  }
}

/** Writes `{ generatedAt, posts }` unless the posts are the same as the file's (then its `generatedAt` is kept too). */
function writeSnapshot(file: string, posts: Post[], now: string): boolean {
  const old = readText(file);
  if (old !== undefined) {
    try {
      if (JSON.stringify((JSON.parse(old) as { posts?: unknown }).posts) === JSON.stringify(posts)) return false;
    } catch {
      /* not ours, or cut short: rewritten */
    }
  }
  return writeIfChanged(file, jsonText({ generatedAt: now, posts }));
}

async function readJson(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new Error(`${what} ${path}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${what} ${path}: not valid JSON: ${(e as Error).message}`);
  }
}

/** `chats.ics` from a `<care-chat-schedule>` config, validated as the widget validates it. */
export async function chatsIcs(path: string, stamp: Date, warn: (m: string) => void, site = ''): Promise<string> {
  nodeGlobals();
  const data = await readJson(path, 'publish.chats');
  const result = validate(chatScheduleSchema, data, recoverable(new CareChatSchedule()));
  if (!result.value)
    throw new Error(`publish.chats ${path}: ${result.errors.length} problem(s):\n${result.errors.map(configLine).join('\n')}`);
  for (const s of result.skipped) warn(`publish.chats ${path}: skipped:${configLine(s).slice(1)}`);
  // One language in a calendar file: each text in English, else the first language it is given in.
  const config = resolveLocalText(result.value, ['en']) as ResolvedChatScheduleConfig;
  // Each chat's UID is its id at the site's host (the widget uses the page's), so two sites' chats never merge.
  return toIcs(
    config.chats.map((c) => chatEvent(c, site)),
    stamp,
  );
}

/**
 * `groups.json`: a `<care-support-groups>` config whose groups are the HSDS feed's, mapped and checked here once
 * (a group the widget would skip is left out, with the reason), after the base config's own groups and settings.
 */
export async function groupsConfig(
  loaded: LoadedConfig,
  fetch: PublishOptions['fetch'],
  warn: (m: string) => void,
): Promise<Record<string, unknown>> {
  nodeGlobals();
  const g = loaded.config.publish.groups!;
  // Every page of a paged HSDS API answer, as the widget reads it (sources/hsds.ts hsdsPages).
  let feed: Awaited<ReturnType<typeof hsdsPages>>;
  if (/^https?:\/\//i.test(g.hsds)) {
    const get = async (url: string): Promise<unknown> => {
      const response = await fetch(url, { headers: { accept: 'application/json' } });
      if (!response.ok) throw new Error(`publish.groups.hsds ${url}: HTTP ${response.status}`);
      try {
        return await response.json();
      } catch (e) {
        throw new Error(`publish.groups.hsds ${url}: not valid JSON: ${(e as Error).message}`);
      }
    };
    feed = await hsdsPages(g.hsds, await get(g.hsds), get);
  } else feed = await hsdsPages(g.hsds, await readJson(configPath(loaded, g.hsds), 'publish.groups.hsds'));
  if (feed.cut) warn(`publish.groups.hsds ${g.hsds}: ${feed.cut}`);
  const base = (g.base ? await readJson(configPath(loaded, g.base), 'publish.groups.base') : {}) as Record<string, unknown>;
  const rules = recoverable(new CareSupportGroups());
  const own = Array.isArray(base.groups) ? base.groups : [];
  const mapped = hsdsToGroups(feed.services, { timeZone: g.timeZone });
  const groups: unknown[] = [...own];
  for (const group of mapped) {
    const one = validate(supportGroupsSchema, { groups: [group] }, rules);
    if (!one.value) {
      warn(`HSDS service ${String(group.id ?? group.name)}: ${one.errors.map((i) => configLine(i).trim()).join('; ')}; left out`);
      continue;
    }
    let kept: Record<string, unknown> | undefined = { ...group };
    for (const s of one.skipped) {
      if (s.dropped === 'field') delete kept![s.path.split('.')[2]!];
      else kept = undefined;
      warn(`HSDS service ${String(group.id ?? group.name)}: ${configLine(s).trim()}; ${s.dropped ? 'that field is left out' : 'left out'}`);
    }
    if (kept) groups.push(kept);
  }
  const out: Record<string, unknown> = { ...base, groups };
  delete out.hsds;
  const all = validate(supportGroupsSchema, out, rules);
  if (!all.value) throw new Error(`groups.json would not be valid:\n${all.errors.map(configLine).join('\n')}`);
  if (all.skipped.length) {
    // Items only invalid together (two groups with one id): the later one is left out, as the widget would.
    const skippedItems = new Set(all.skipped.filter((s) => !s.dropped).map((s) => s.item));
    for (const s of all.skipped) warn(`groups.json: ${configLine(s).trim()}; left out`);
    out.groups = groups.filter((x) => !skippedItems.has(x));
  }
  return out;
}
