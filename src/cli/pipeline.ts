// The pipeline's commands (issue 15): `collect`, `add`, `approve|reject|pin|unpin|hold|remove`, `status`,
// `publish`. Thin: each parses its arguments (node:util parseArgs), loads the config and calls the pipeline's
// functions in src/pipeline/, which hold the logic and are tested on their own.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type LoadedConfig } from '../pipeline/config.js';
import { FileStore, actorFrom, keyOf } from '../pipeline/state/store.js';
import { LockError } from '../pipeline/state/lock.js';
import { collect } from '../pipeline/collect.js';
import { publish } from '../pipeline/publish.js';
import { addPosts } from '../pipeline/add.js';
import { printable, progress } from '../pipeline/progress.js';
import { pipelineWiring } from '../pipeline/wiring.js';
import type { Decision } from '../pipeline/types.js';

export const decisionCommands = ['approve', 'reject', 'pin', 'unpin', 'hold', 'remove'] as const;
export const pipelineCommands = ['collect', 'add', ...decisionCommands, 'status', 'publish'] as const;
type DecisionCommand = (typeof decisionCommands)[number];

export const pipelineUsage = `Pipeline commands (config: --config <file>, default ./carecircle.pipeline.json):
  carecircle collect [--wait <s>]              fetch every source, apply the rules, update the state folder
  carecircle add <url…>                        import posts by address (Mastodon, Bluesky, X); they wait for review
  carecircle approve|reject|pin|unpin|hold|remove <key-or-url…> [--reason <text>]
                                               decide on posts (pin also approves; hold = needs clinical review)
  carecircle status                            counts per state, the last run of each source, errors
  carecircle publish [--mirror-media] [--wait <s>]
                                               write <publish.dir>/<hashtag>.json (approved posts), chats.ics, groups.json
Every change is recorded in <state>/audit.jsonl with its actor: --actor <name>, else CARECIRCLE_ACTOR, else your login.
Exit code: 0 done, 1 a problem (every source failed, a refused decision, an invalid config), 2 a usage error.`;

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  env: Record<string, string | undefined>;
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

// Lines may hold what a remote server said: printable() keeps its control characters off the terminal (each
// line's own line breaks are kept).
const lines = (l: string) => l.split('\n').map(printable).join('\n');
const defaultIo = (): Io => ({
  out: (l) => console.log(lines(l)),
  err: (l) => console.error(lines(l)),
  env: process.env,
  stderr: process.stderr,
});

/** The clock: CARECIRCLE_NOW fixes it (reproducible example runs and tests), else the real time. */
const clock = (env: Io['env']): (() => Date) | undefined => {
  const fixed = env.CARECIRCLE_NOW && new Date(env.CARECIRCLE_NOW);
  return fixed && !Number.isNaN(+fixed) ? () => fixed : undefined;
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export async function runPipeline(command: string, argv: string[], io: Io = defaultIo()): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (e) {
    io.err(`carecircle ${command}: ${(e as Error).message}\n\n${pipelineUsage}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) return (io.out(pipelineUsage), 0);
  const wantsTargets = command === 'add' || (decisionCommands as readonly string[]).includes(command);
  if (wantsTargets && !positionals.length) {
    io.err(`carecircle ${command}: name at least one ${command === 'add' ? 'post address' : 'post key or address'}.\n\n${pipelineUsage}`);
    return 2;
  }
  if (!wantsTargets && positionals.length) {
    io.err(`carecircle ${command}: unexpected ${positionals.map((p) => JSON.stringify(p)).join(' ')}.\n\n${pipelineUsage}`);
    return 2;
  }
  const wait = values.wait === undefined ? 0 : Number(values.wait) * 1000;
  if (!(wait >= 0)) {
    io.err(`carecircle ${command}: --wait must be a number of seconds, not ${JSON.stringify(values.wait)}.`);
    return 2;
  }
  try {
    const loaded = await loadConfig(values.config);
    const store = new FileStore(loaded.stateDir, { now: clock(io.env) });
    const actor = actorFrom(values.actor, io.env);
    switch (command) {
      case 'collect':
        return await runCollect(loaded, store, actor, wait, io);
      case 'publish':
        return await runPublish(loaded, store, actor, wait, !!values['mirror-media'], io);
      case 'status':
        return await runStatus(loaded, store, io);
      case 'add':
        return await runAdd(loaded, store, actor, positionals, io);
      default:
        return await runDecisions(command as DecisionCommand, store, actor, positionals, values.reason, io);
    }
  } catch (e) {
    if (e instanceof ConfigError || e instanceof LockError) io.err(e.message);
    else io.err(`carecircle ${command}: ${(e as Error).message}`);
    return 1;
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      config: { type: 'string', short: 'c', default: './carecircle.pipeline.json' },
      actor: { type: 'string' },
      reason: { type: 'string' },
      wait: { type: 'string' },
      'mirror-media': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

async function runCollect(loaded: LoadedConfig, store: FileStore, actor: string, wait: number, io: Io): Promise<number> {
  const wiring = pipelineWiring(loaded, io.env, (m) => io.err(m));
  const sources = wiring.sources();
  if (!sources.length) io.err(`${loaded.file}: no sources configured; nothing to collect.`);
  const bar = progress(
    io.stderr,
    sources.map((s) => s.id),
    io.env,
  );
  const summary = await collect({ loaded, store, sources, fetch: wiring.fetch, actor, env: io.env, progress: bar, wait });
  for (const s of summary.sources)
    io.out(
      s.ok
        ? `${s.id}: ${plural(s.posts, 'post')}, ${s.new} new${s.warnings.length ? `, ${plural(s.warnings.length, 'warning')}` : ''}`
        : `${s.id}: FAILED: ${s.error}`,
    );
  for (const s of summary.sources) for (const w of s.warnings.slice(0, 5)) io.err(`  ${s.id}: ${w}`);
  const a = summary.added;
  io.out(
    `Collected: ${a.pending} waiting for review, ${a.approved} auto-approved, ${a.rejected} rejected, ${a.held} held for clinical review` +
      `${summary.requeued.length ? `; ${summary.requeued.length} approved post(s) edited at their source, back in review` : ''}` +
      `${summary.gone.length ? `; ${summary.gone.length} no longer at their source` : ''}.`,
  );
  const failed = summary.sources.filter((s) => !s.ok).length;
  if (failed)
    io.err(
      `${failed} of ${summary.sources.length} sources failed${summary.ok ? '; the others were collected' : ': nothing could be collected'}.`,
    );
  return summary.ok ? 0 : 1;
}

async function runPublish(
  loaded: LoadedConfig,
  store: FileStore,
  actor: string,
  wait: number,
  mirrorMedia: boolean,
  io: Io,
): Promise<number> {
  const wiring = pipelineWiring(loaded, io.env, (m) => io.err(m));
  const report = await publish({
    loaded,
    store,
    actor,
    ...wiring.publishing,
    mirrorMedia,
    wait,
    warn: (m) => io.err(m),
  });
  io.out(
    `Published: ${plural(report.added.length, 'post')} added, ${report.removed.length} removed, ${report.requeued.length} sent back to review.`,
  );
  io.out(report.files.length ? `Wrote ${report.files.join(', ')}.` : 'Every published file was already up to date.');
  return 0;
}

async function runStatus(loaded: LoadedConfig, store: FileStore, io: Io): Promise<number> {
  const counts = await store.counts();
  const total = counts.pending + counts.approved + counts.rejected + counts.held + counts.removed;
  io.out(`State folder ${loaded.stateDir}: ${plural(total, 'post')}`);
  io.out(
    `  ${counts.pending} pending, ${counts.approved} approved (${counts.pinned} pinned), ${counts.held} held for clinical review, ` +
      `${counts.rejected} rejected, ${counts.removed} removed`,
  );
  const sources = store.sourcesState();
  const ids = Object.keys(sources);
  io.out(ids.length ? 'Sources (last run):' : 'Sources: none has run yet (carecircle collect).');
  let failing = 0;
  for (const id of ids) {
    const s = sources[id]!;
    const run = s.lastRun;
    if (!run) continue;
    if (!run.ok) failing++;
    io.out(
      `  ${id}: ${run.at}, ${run.ok ? `ok, ${plural(run.posts, 'post')}, ${run.new} new` : `FAILED: ${run.error}`}` +
        `${!run.ok && s.lastSuccess ? ` (last success ${s.lastSuccess})` : ''}`,
    );
    for (const w of run.warnings ?? []) io.out(`    warning: ${w}`);
  }
  for (const p of store.problems) io.err(`  problem: ${p}`);
  return store.problems.length || failing ? 1 : 0;
}

async function runAdd(loaded: LoadedConfig, store: FileStore, actor: string, urls: string[], io: Io): Promise<number> {
  const wiring = pipelineWiring(loaded, io.env, (m) => io.err(m));
  const results = await addPosts({ loaded, store, actor, urls, importer: wiring.importer });
  let failed = 0;
  for (const r of results) {
    if (r.error) failed++;
    io.out(r.error ? `${r.url}: FAILED: ${r.error}` : `${r.url}: ${r.message} (key ${r.key})`);
  }
  return failed ? 1 : 0;
}

async function runDecisions(
  command: DecisionCommand,
  store: FileStore,
  actor: string,
  targets: string[],
  reason: string | undefined,
  io: Io,
): Promise<number> {
  let failed = 0;
  for (const target of targets) {
    const record = await store.find(target);
    if (!record) {
      failed++;
      io.err(`${target}: no such post in ${store.dir} (give its key, or its address as collected: ${keyOf(target)} was looked for).`);
      continue;
    }
    const decision: Decision = { key: record.key, version: record.version, action: command, ...(reason && { reason }) };
    const result = await store.decide(decision, actor);
    if (!result.ok) {
      failed++;
      io.err(`${target}: ${result.message}`);
      continue;
    }
    const r = result.record;
    io.out(`${r.key} ${r.post.url}: ${r.state}${r.pinned ? ', pinned' : ''}${r.version === record.version ? ' (unchanged)' : ''}`);
  }
  return failed ? 1 : 0;
}
