// `carecircle.pipeline.json`: the pipeline's one config file. One zod schema is the source of its types,
// defaults, path-by-path error messages (the widgets' own validate + issues) and dist/schema/carecircle.pipeline.schema.json.
import { nodeGlobals } from './node-globals.js';
import * as z from 'zod/mini';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { text, webUrl } from '../core/config/schema.js';
import { between, matching } from '../core/config/checks.js';
import { validate } from '../core/config/validate.js';
import { itemName, type ConfigIssue } from '../core/config/issues.js';
import { timeZoneName } from '../core/time/schedule.schema.js';
import { sourceConfigSchema } from './sources/schemas.js';
import { ACCOUNT } from './accounts.js';

const strings = () => z._default(z.array(z.string()), []);
// A fediverse account (`@user@host`), a Bluesky handle (`@name.bsky.social`) or a Bluesky DID, which outlives a
// handle change: the pattern the review desk's API takes too.
const accounts = () =>
  z._default(
    z.array(matching(ACCOUNT, 'Must be an account: @user@host (Mastodon and the fediverse), @name.bsky.social or did:plc:… (Bluesky).')),
    [],
  );

/** The image kinds a browser shows that cannot carry script (no SVG: it can). */
export const MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif'] as const;

export const pipelineSchema = z.strictObject({
  /** Editors may point their IDE at the published JSON Schema (…/dist/schema/carecircle.pipeline.schema.json). */
  $schema: z.optional(z.string()),
  /** Who runs this pipeline: named in the `User-Agent` of every request, so a server's admin can reach you. */
  site: z.strictObject({
    /** The site's or organisation's name, like "Northside Hospital breast care". */
    name: text(),
    /** A page where a server's admin can find who to contact (https). */
    url: webUrl(),
  }),
  /** The hashtag collected and published, without or with `#` (`bcsm`): the snapshot is `<publish.dir>/<hashtag>.json`. */
  hashtag: matching(/^#?[^\s#/\\.][^\s#/\\]*$/, 'Must be one hashtag, like "bcsm" (no spaces, slashes or second #).'),
  /** Where posts come from. Each fails alone: one server down never stops the others. */
  sources: z.array(sourceConfigSchema),
  /** What happens to a post when it arrives (and when it is edited at its source). Everything no rule decides waits for review. */
  rules: z.prefault(
    z.strictObject({
      /** Accounts (`@user@host`; on Bluesky `@name.bsky.social` or its `did:plc:…`) whose posts are approved on arrival: the hospital's own clinicians. Block rules still win. */
      autoApprove: accounts(),
      /** Accounts whose posts are rejected on arrival, written the same way (a Bluesky DID still matches after a handle change). */
      blockAccounts: accounts(),
      /** Words or phrases (whole words, any case or accents) that reject a post: in its text, content warning, author or media descriptions. */
      blockWords: strings(),
      /** Common cancer misinformation phrases (README, "Pipeline"): posts with one wait for clinical review. */
      misinformation: z.prefault(
        z.strictObject({
          /** Use the built-in list (`apricot kernels`, `black salve`, `chemo is poison`…). */
          defaults: z._default(z.boolean(), true),
          /** More phrases to treat the same way. */
          phrases: strings(),
          /** `hold`: the post waits for clinical review (a patient may quote a myth to ask about it); `reject`: it is rejected. */
          action: z._default(z.enum(['hold', 'reject']), 'hold'),
        }),
        {},
      ),
      /** `reject`: a post with the same text as an earlier one (from any account) is rejected as "duplicate of <key>"; `off`: it waits for review. */
      duplicates: z._default(z.enum(['reject', 'off']), 'reject'),
    }),
    {},
  ),
  /** The state folder (posts, cursors, audit log), relative to this file. Keep it in git or on a persistent disk. */
  state: z._default(text(), 'state'),
  /** Stop paging a source after this many posts per run. */
  limit: z._default(between(1, 100000, true), 2000),
  /** What `carecircle publish` writes. */
  publish: z.prefault(
    z.strictObject({
      /** The folder published files go to, relative to this file; serve it from your web server or CDN. */
      dir: z._default(text(), 'public'),
      /**
       * The address the publish folder is served at (`https://hospital.example/carecircle/`, or a path on the same
       * site like `/carecircle/`): `--mirror-media` links the copies under it, as `<url>media/<file>`.
       */
      url: z.optional(webUrl()),
      /** How many posts the snapshot holds at most (pinned first, then newest). */
      limit: z._default(between(1, 10000, true), 200),
      /**
       * Before publishing, look up each approved post at its source: one deleted there is removed from the site,
       * one edited there goes back to review. Costs one request per published post.
       */
      recheck: z._default(z.boolean(), true),
      /** `--mirror-media`: copies of pictures and avatars served from `<dir>/media/`, so readers' browsers contact no one else. */
      mirrorMedia: z.prefault(
        z.strictObject({
          /** Largest file copied, in bytes (a bigger one is left out of the snapshot). */
          maxBytes: z._default(between(1, 100_000_000, true), 5_000_000),
          /** Content types copied (each also checked by its first bytes). Never `image/svg+xml`: SVG can carry script. */
          types: z._default(z.array(z.enum(MEDIA_TYPES)), [...MEDIA_TYPES]),
          /** Also copy from addresses on this machine or a private network (10.x, 192.168.x, 169.254.x, localhost…): only when your own media servers are there. Off, a post cannot make the pipeline ask inside your network. */
          privateNetwork: z._default(z.boolean(), false),
        }),
        {},
      ),
      /** A `<care-chat-schedule>` config file (relative to this file): written out as `<dir>/chats.ics` for calendar subscriptions. */
      chats: z.optional(text()),
      /** An Open Referral HSDS feed, mapped and validated once: written out as `<dir>/groups.json`, a `<care-support-groups>` config. */
      groups: z.optional(
        z.strictObject({
          /** The HSDS JSON: an https address (a paged API answer is read page by page, up to 20) or a file relative to this file. */
          hsds: text(),
          /** IANA zone the feed's schedules are in, like `Australia/Sydney`. */
          timeZone: z.optional(timeZoneName()),
          /** A `<care-support-groups>` config file whose other settings (places, helpLine, synonyms) and groups are kept in groups.json. */
          base: z.optional(text()),
        }),
      ),
    }),
    {},
  ),
});

export type PipelineConfigInput = z.input<typeof pipelineSchema>;
export type PipelineConfig = z.output<typeof pipelineSchema>;

/** A validated config and where its relative paths resolve. */
export interface LoadedConfig {
  config: PipelineConfig;
  file: string;
  /** The config file's folder. */
  base: string;
  /** Absolute paths. */
  stateDir: string;
  publishDir: string;
  /** The hashtag without `#`. */
  tag: string;
}

export const configLine = (i: ConfigIssue): string => `  ${i.path}${itemName(i) ? ` (${itemName(i)})` : ''}: ${i.message}`;

export class ConfigError extends Error {
  constructor(
    message: string,
    readonly issues: ConfigIssue[] = [],
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Validates parsed config data; throws a ConfigError listing every problem by its path. */
export function parseConfig(data: unknown, file = 'carecircle.pipeline.json'): LoadedConfig {
  nodeGlobals();
  const result = validate(pipelineSchema, data);
  if (!result.value) {
    const n = result.errors.length;
    throw new ConfigError(`${file}: ${n} problem${n === 1 ? '' : 's'}:\n${result.errors.map(configLine).join('\n')}`, result.errors);
  }
  const base = dirname(resolve(file));
  const config = result.value;
  const at = (p: string) => (isAbsolute(p) ? p : resolve(base, p));
  return { config, file, base, stateDir: at(config.state), publishDir: at(config.publish.dir), tag: config.hashtag.replace(/^#/, '') };
}

/** Reads and validates a config file. */
export async function loadConfig(file: string): Promise<LoadedConfig> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ConfigError(
      code === 'ENOENT'
        ? `${file}: no such file. Pass --config <file>, or create carecircle.pipeline.json (README, "Pipeline").`
        : `${file}: cannot read it (${code ?? (e as Error).message}).`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (e) {
    throw new ConfigError(`${file}: not valid JSON: ${(e as Error).message}`);
  }
  return parseConfig(data, file);
}

/** Resolves a path the config names, relative to the config file. */
export const configPath = (loaded: LoadedConfig, p: string): string => (isAbsolute(p) ? p : resolve(loaded.base, p));
