// `npx carecircle check [--widget <tag>] <files…>`: checks config files the way the widgets do, so a web team
// can run it in its own CI. It uses the widgets' own schemas, the same validation (skipped items and dropped
// fields included) and the same path-by-path messages. Exit code: 0 all valid, 1 a problem, 2 a usage error.
// Built by scripts/build.mjs into dist/cli/carecircle.mjs (the package's `bin`).
import { readFile } from 'node:fs/promises';
import { validate } from '../core/config/validate.js';
import { itemName, type ConfigIssue } from '../core/config/issues.js';
import { CareHashtagFeed } from '../widgets/hashtag-feed/hashtag-feed.js';
import { CareSupportGroups } from '../widgets/support-groups/support-groups.js';
import { CareChatSchedule } from '../widgets/chat-schedule/chat-schedule.js';
import { pipelineCommands, pipelineUsage, runPipeline } from './pipeline.js';

// The elements are constructed (never connected) to read their rules; lit's Node build shims the DOM classes,
// and these stand in for the little a constructor or a schema reads: relative web addresses resolve against
// a stand-in page, and media queries match nothing. test/node/cli.test.mjs constructs every widget this way.
const host = globalThis as { document?: unknown; matchMedia?: unknown };
host.document ??= { baseURI: 'https://page.invalid/' };
host.matchMedia ??= () => ({ matches: false, addEventListener() {}, removeEventListener() {} });

/** What a widget validates with: read from an instance, so the rules cannot drift from the element's. */
interface Rules {
  /** The compiled validator, whose zod schema (full validation, every message) is what this command uses. */
  validator: { schema(): Promise<Parameters<typeof validate>[0]> };
  skippable: readonly string[];
  droppable: readonly string[];
}
const classes = { 'care-hashtag-feed': CareHashtagFeed, 'care-support-groups': CareSupportGroups, 'care-chat-schedule': CareChatSchedule };
type Tag = keyof typeof classes;
const tags = Object.keys(classes) as Tag[];
const rules = (tag: Tag): Rules => new classes[tag]() as unknown as Rules;

const usage = `Usage: carecircle check [--widget <${tags.join('|')}>] <config.json…>

Checks each CareCircle config file as the widget would, printing every problem by its path.
The widget is the one named by the file's "$schema" (…/<tag>.schema.json), else --widget.
Exit code: 0 when every file is valid (skipped items are warnings), 1 when any is not, 2 on a usage error.

${pipelineUsage}

Review desk: carecircle review [--port <n>] [--feed <feed config>] [--actor <name>] [--config <file>]
  serves the moderation queue on 127.0.0.1 (its address, with a token, is printed); carecircle review --help`;

const line = (i: ConfigIssue) => `  ${i.path}${itemName(i) ? ` (${itemName(i)})` : ''}: ${i.message}`;

/** Which widget a config is for: its `$schema` address names the tag; `--widget` is used when it has none. */
export function widgetOf(data: unknown, option: string | undefined): Tag | string {
  const schema = data && typeof data === 'object' ? (data as { $schema?: unknown }).$schema : undefined;
  const named = typeof schema === 'string' ? tags.find((t) => new RegExp(`(^|/)${t}\\.schema\\.json(\\?|#|$)`).test(schema)) : undefined;
  if (named) return named;
  if (option && (tags as string[]).includes(option)) return option as Tag;
  if (option) return `Unknown widget "${option}": use one of ${tags.join(', ')}.`;
  return `Cannot tell which widget this config is for: add "$schema": "…/<tag>.schema.json" to it, or pass --widget (${tags.join(', ')}).`;
}

/** Checks one file; returns its report and whether it is valid. */
export async function checkFile(file: string, widget?: string): Promise<{ ok: boolean; text: string }> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (e) {
    return { ok: false, text: `${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).` };
  }
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (e) {
    return { ok: false, text: `${file}: not valid JSON: ${(e as Error).message}` };
  }
  const tag = widgetOf(data, widget);
  if (!(tags as string[]).includes(tag)) return { ok: false, text: `${file}: ${tag}` };
  const { validator, skippable, droppable } = rules(tag as Tag);
  const result = validate(await validator.schema(), data, { lists: skippable, fields: droppable });
  if (!result.value)
    return {
      ok: false,
      text: `${file} (<${tag}>): ${result.errors.length} problem${result.errors.length === 1 ? '' : 's'}; the widget shows its error panel:\n${result.errors.map(line).join('\n')}`,
    };
  if (result.skipped.length) {
    return {
      ok: false,
      text: `${file} (<${tag}>): ${result.skipped.length} problem${result.skipped.length === 1 ? '' : 's'}; the widget skips these and shows the rest:\n${result.skipped.map(line).join('\n')}`,
    };
  }
  return { ok: true, text: `${file} (<${tag}>): valid.` };
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    console.log(usage);
    return 0;
  }
  // The review desk (src/pipeline/desk/): a local server until Ctrl+C.
  if (command === 'review') return (await import('../pipeline/desk/review.js')).review(rest);
  if ((pipelineCommands as readonly string[]).includes(command!)) return runPipeline(command!, rest);
  if (command !== 'check') {
    console.error(usage);
    return 2;
  }
  let widget: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--widget' || a === '-w') widget = rest[++i];
    else if (a.startsWith('--widget=')) widget = a.slice('--widget='.length);
    else if (a === '--help' || a === '-h') return (console.log(usage), 0);
    else files.push(a);
  }
  if (!files.length || (widget !== undefined && !(tags as string[]).includes(widget))) {
    console.error(
      widget !== undefined && !(tags as string[]).includes(widget) ? `Unknown widget "${widget}": use one of ${tags.join(', ')}.` : usage,
    );
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    const { ok, text } = await checkFile(file, widget);
    (ok ? console.log : console.error)(text);
    if (!ok) failed++;
  }
  if (files.length > 1) console.log(`${files.length - failed} of ${files.length} config files valid.`);
  return failed ? 1 : 0;
}
