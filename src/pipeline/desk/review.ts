// `carecircle review [--port N] [--config file] [--actor name] [--feed file]`: opens the pipeline's state folder
// and serves the review desk on 127.0.0.1 until Ctrl+C. Bundled into dist/cli/carecircle.mjs; the desk's page
// (dist/cli/desk/desk.js) is read from beside it.
import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { validate } from '../../core/config/validate.js';
import { hashtagFeedSchema } from '../../widgets/hashtag-feed/hashtag-feed.schema.js';
import { ConfigError, configLine, loadConfig } from '../config.js';
import { FileStore, actorFrom } from '../state/store.js';
import { nodeGlobals } from '../node-globals.js';
import { publish as publishSnapshot } from '../publish.js';
import { pipelineWiring } from '../wiring.js';
import type { PublishReport } from '../types.js';
import type { DeskFeed } from './api.js';
import { startDesk, type Desk } from './server.js';

export const reviewUsage = `Usage: carecircle review [--port <n>] [--config <carecircle.pipeline.json>] [--actor <name>] [--feed <feed config>] [--mirror-media]

Serves the review desk on this machine only (127.0.0.1) and prints its address, with a one-time token.
  --port    the port (default: a free one)
  --config  the pipeline config (default: carecircle.pipeline.json)
  --actor   who the audit log names for every decision (default: CARECIRCLE_ACTOR, else your user name)
  --feed    your page's <care-hashtag-feed> config, so posts show its role badges, disclaimer and heading
  --mirror-media  "Publish now" mirrors pictures as carecircle publish --mirror-media does (use it if your publish does)
Stop it with Ctrl+C.`;

/** The page's feed settings the desk shows posts with, from a `<care-hashtag-feed>` config file. */
export async function readFeed(file: string, hashtag: string): Promise<DeskFeed> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new ConfigError(`--feed ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}.`);
  }
  nodeGlobals();
  const result = validate(hashtagFeedSchema, data, { lists: ['sources.*.posts'] });
  if (!result.value)
    throw new ConfigError(
      `--feed ${file} (<care-hashtag-feed>): ${result.errors.length} problem(s):\n${result.errors.map(configLine).join('\n')}`,
    );
  const { roles, disclaimer, heading, moderation } = result.value;
  return { hashtag, roles, disclaimer, heading, moderation };
}

type Loaded = Awaited<ReturnType<typeof loadConfig>>;

/**
 * "Publish now": `carecircle publish` as the command runs it (recheck at the source, the polite fetch), warnings
 * logged. With `--mirror-media` as the scheduled publish has it: without, the snapshot would go back to the
 * pictures' remote addresses, which every reader's browser would then contact.
 */
const publishNow = (
  loaded: Loaded,
  store: FileStore,
  actor: string,
  log: (line: string) => void,
  mirrorMedia: boolean,
): Promise<PublishReport> => {
  const wiring = pipelineWiring(loaded, process.env, log);
  return publishSnapshot({
    loaded,
    store,
    actor,
    ...wiring.publishing,
    mirrorMedia,
    warn: log,
  });
};

export interface ReviewOptions {
  /** Runs `carecircle publish` for the "Publish now" button (default: the pipeline's own publish). */
  publish?: (config: Loaded, store: FileStore, actor: string, mirrorMedia: boolean) => Promise<PublishReport>;
  /** Where the printed lines go. */
  log?: (line: string) => void;
  /** Resolves when the desk should stop (default: Ctrl+C or SIGTERM). */
  until?: (desk: Desk) => Promise<void>;
}

const stopSignal = (): Promise<void> =>
  new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });

export async function review(
  argv: string[],
  {
    publish = (l, s, a, mirror) => publishNow(l, s, a, (m) => console.error(m), mirror),
    log = console.log,
    until = stopSignal,
  }: ReviewOptions = {},
): Promise<number> {
  let values: { port?: string; config?: string; actor?: string; feed?: string; 'mirror-media'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        config: { type: 'string' },
        actor: { type: 'string' },
        feed: { type: 'string' },
        'mirror-media': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${reviewUsage}`);
    return 2;
  }
  if (values.help) return (log(reviewUsage), 0);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port: must be a port number from 0 to 65535, got "${values.port}".`);
    return 2;
  }
  try {
    const loaded = await loadConfig(values.config ?? 'carecircle.pipeline.json');
    const store = new FileStore(loaded.stateDir);
    const actor = actorFrom(values.actor);
    const feed: DeskFeed = values.feed ? await readFeed(values.feed, loaded.tag) : { hashtag: loaded.tag };
    const desk = await startDesk({
      store,
      actor,
      feed,
      port,
      assets: fileURLToPath(new URL('./desk/', import.meta.url)),
      publish: () => publish(loaded, store, actor, !!values['mirror-media']),
    });
    log(`Review desk for #${loaded.tag} (state folder ${loaded.stateDir}), reviewing as ${actor}.`);
    if (!values.feed) log('Posts show the default disclaimer and no role badges: pass --feed <your page’s feed config> to see yours.');
    log(`Open ${desk.url}`);
    log('It answers only on this machine. Press Ctrl+C to stop.');
    await until(desk);
    await desk.close();
    return 0;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE') console.error(`Port ${port} is in use: choose another with --port, or leave it out for a free one.`);
    else console.error(err instanceof ConfigError ? err.message : `carecircle review: ${err.message}`);
    return 1;
  }
}
