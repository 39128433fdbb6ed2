// Posts a comms team exported: a CSV with a header row (a spreadsheet's "Save as CSV") or a JSON file in
// CareCircle's Post shape. Every row is checked with the widget's own post schema; a bad row is skipped and
// reported by its row number and column, so it can be fixed in the spreadsheet.
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import { toConfigIssues } from '../../core/config/zod-issues.js';
import { postSchema } from '../../sources/post.schema.js';
import type { Post } from '../../sources/posts.js';
import type { Source, SourceContext, SourceResult } from '../types.js';
import type { CsvColumns, FileSourceConfig } from './schemas.js';
import { ensureDom, storedPost } from './html.js';

/**
 * The post schema lets a relative address resolve against the page a widget is on; an exported post has no
 * page, so every address in it must be absolute. The first one that is not, by its path.
 */
function relativeAddress(post: Post): string | undefined {
  const addresses: [string, string | undefined][] = [
    ['url', post.url],
    ['author.url', post.author.url],
    ['author.avatar', post.author.avatar],
    ...(post.media ?? []).map((m, i): [string, string] => [`media.${i}.url`, m.url]),
  ];
  return addresses.find(([, v]) => v !== undefined && !/^https?:\/\/[^/\s]/i.test(v))?.[0];
}
const ABSOLUTE = 'Must be a full web address starting with https:// (or http://).';

/** A message as one sentence (some schema messages end without a full stop). */
const sentence = (message: string) => (/[.!?]$/.test(message) ? message : `${message}.`);

/** A CSV that cannot be read at all: where (1-based line) and why. */
export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvError';
  }
}

/** One record of a CSV file and the line it starts on (a quoted field may hold line breaks). */
export interface CsvRecord {
  fields: string[];
  line: number;
}

/**
 * RFC 4180 CSV: fields separated by commas, records by CRLF or LF (a lone CR too); a field in double quotes
 * may hold commas, line breaks and doubled quotes (`""` is one `"`). A byte order mark is dropped. Empty
 * lines are skipped. An unclosed quote, or text after a closing quote, is an error naming its line.
 */
export function parseCsv(input: string): CsvRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let quoted = false; // inside a quoted field
  let wasQuoted = false; // the current field was quoted (and its closing quote seen)
  let openedAt = 0;
  const endField = () => {
    fields.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRecord = () => {
    const blank = fields.length === 0 && field === '' && !wasQuoted;
    endField();
    if (!blank) records.push({ fields, line: start });
    fields = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          wasQuoted = true;
        }
      } else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        field += c;
      }
      continue;
    }
    if (c === ',') endField();
    else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else if (wasQuoted) {
      throw new CsvError(`line ${line}: text after a closing quote; a quote inside a quoted field is written "" (two quotes).`, line);
    } else if (c === '"' && field === '') {
      quoted = true;
      openedAt = line;
    } else field += c;
  }
  if (quoted) throw new CsvError(`line ${openedAt}: a quoted field is never closed (a missing " ).`, openedAt);
  if (field !== '' || fields.length || wasQuoted) endRecord();
  return records;
}

const COLUMNS: (keyof CsvColumns)[] = [
  'id',
  'url',
  'createdAt',
  'authorName',
  'authorHandle',
  'authorUrl',
  'authorAvatar',
  'text',
  'language',
  'contentWarning',
  'imageUrl',
  'imageAlt',
];
const REQUIRED: (keyof CsvColumns)[] = ['url', 'createdAt', 'authorHandle', 'authorUrl'];

// Where each Post field comes from, to name the column of a problem.
const FIELD_COLUMN: Record<string, keyof CsvColumns> = {
  id: 'id',
  url: 'url',
  createdAt: 'createdAt',
  'author.name': 'authorName',
  'author.handle': 'authorHandle',
  'author.url': 'authorUrl',
  'author.avatar': 'authorAvatar',
  text: 'text',
  language: 'language',
  contentWarning: 'contentWarning',
  'media.0.url': 'imageUrl',
  'media.0.alt': 'imageAlt',
};

/** What a file gave: the valid posts, and one sentence per skipped row or entry. */
export interface FileRead {
  posts: Post[];
  warnings: string[];
}

/** Posts from CSV text; `name` is the file's name in messages. */
export function postsFromCsv(csv: string, name: string, columns: CsvColumns = {}): FileRead {
  ensureDom();
  let records: CsvRecord[];
  try {
    records = parseCsv(csv);
  } catch (error) {
    throw new Error(`${name}: ${(error as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header) throw new Error(`${name}: the file is empty (a header row naming the columns comes first).`);
  const names = header.fields.map((h) => h.trim());
  const at = (key: keyof CsvColumns): number => {
    const wanted = columns[key] ?? key;
    const exact = names.indexOf(wanted);
    return exact >= 0 ? exact : names.findIndex((n) => n.toLowerCase() === wanted.toLowerCase());
  };
  const index = Object.fromEntries(COLUMNS.map((k) => [k, at(k)])) as Record<keyof CsvColumns, number>;
  const missing = REQUIRED.filter((k) => index[k] < 0);
  if (missing.length)
    throw new Error(
      `${name}: no column ${missing.map((k) => `"${columns[k] ?? k}"`).join(', ')} in the header row (it has ${names.map((n) => `"${n}"`).join(', ')}). ` +
        `Name your columns in "columns", like { "url": "Link" }.`,
    );
  const posts: Post[] = [];
  const warnings: string[] = [];
  rows.forEach((record, i) => {
    // Row numbers as a spreadsheet shows them: the header is row 1.
    const row = i + 2;
    const where = `${name}: row ${row}${record.line !== row ? ` (line ${record.line})` : ''}`;
    if (record.fields.length > names.length) {
      warnings.push(`${where}: ${record.fields.length} values but ${names.length} columns (a comma in an unquoted value?); skipped.`);
      return;
    }
    const get = (key: keyof CsvColumns): string | undefined => {
      const v = index[key] >= 0 ? record.fields[index[key]]?.trim() : undefined;
      return v ? v : undefined;
    };
    const url = get('url');
    const image = get('imageUrl');
    const item = {
      id: get('id') ?? url,
      url,
      createdAt: get('createdAt'),
      author: {
        name: get('authorName') ?? '',
        handle: get('authorHandle'),
        url: get('authorUrl'),
        ...(get('authorAvatar') ? { avatar: get('authorAvatar') } : {}),
      },
      ...(get('text') ? { text: get('text') } : {}),
      ...(get('language') ? { language: get('language') } : {}),
      ...(get('contentWarning') ? { contentWarning: get('contentWarning') } : {}),
      ...(image ? { media: [{ url: image, ...(get('imageAlt') ? { alt: get('imageAlt') } : {}) }] } : {}),
    };
    const result = postSchema.safeParse(item);
    const relative = result.success ? relativeAddress(result.data) : undefined;
    if (result.success && !relative) return void posts.push(storedPost(result.data));
    const issues = result.success ? [{ path: relative!, message: ABSOLUTE }] : toConfigIssues(result.error.issues, postSchema, item);
    for (const issue of issues) {
      const key = FIELD_COLUMN[issue.path];
      const column = key ? `column "${names[index[key]] ?? columns[key] ?? key}"` : `"${issue.path}"`;
      warnings.push(`${where}, ${column}: ${sentence(issue.message)} Row skipped.`);
    }
  });
  return { posts, warnings };
}

/** Posts from JSON text: a list of posts, or `{ "posts": [...] }` (a snapshot file too). */
export function postsFromJson(json: string, name: string): FileRead {
  ensureDom();
  let data: unknown;
  try {
    data = JSON.parse(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json);
  } catch (error) {
    throw new Error(`${name}: not valid JSON: ${(error as Error).message}`);
  }
  const list = Array.isArray(data) ? data : (data as { posts?: unknown } | null)?.posts;
  if (!Array.isArray(list)) throw new Error(`${name}: expected a list of posts, or an object with "posts": a list of posts.`);
  const prefix = Array.isArray(data) ? '' : 'posts.';
  const posts: Post[] = [];
  const warnings: string[] = [];
  list.forEach((item, i) => {
    const result = postSchema.safeParse(item);
    const relative = result.success ? relativeAddress(result.data) : undefined;
    if (result.success && !relative) return void posts.push(storedPost(result.data));
    const issues = result.success
      ? [{ path: `${i}.${relative}`, message: ABSOLUTE }]
      : toConfigIssues(result.error.issues, postSchema, item, [i]);
    for (const issue of issues) warnings.push(`${name}: ${prefix}${issue.path}: ${sentence(issue.message)} Post skipped.`);
  });
  return { posts, warnings };
}

/** `csv` or `json` from the file name, else undefined. */
export const formatOf = (path: string): 'csv' | 'json' | undefined =>
  /\.csv$/i.test(path) ? 'csv' : /\.json$/i.test(path) ? 'json' : undefined;

/**
 * An exported file as a source. Its cursor is a hash of the file's bytes: an unchanged file is not read
 * again. `baseDir` is where a relative `path` starts (the pipeline config's folder).
 */
export function fileSource(config: FileSourceConfig, baseDir = process.cwd()): Source {
  const path = isAbsolute(config.path) ? config.path : resolve(baseDir, config.path);
  return {
    id: `file:${config.path}`,
    async collect(context: SourceContext): Promise<SourceResult> {
      const format = config.format ?? formatOf(config.path);
      if (!format) throw new Error(`${config.path}: cannot tell whether it is CSV or JSON from its name; add "format": "csv" or "json".`);
      let bytes: Buffer;
      try {
        bytes = await readFile(path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new Error(
          `${config.path}: cannot read it (${code === 'ENOENT' ? `no such file at ${path}` : (code ?? (error as Error).message)}).`,
        );
      }
      const cursor = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
      if (cursor === context.cursor) return { posts: [], cursor, warnings: [] };
      const text = bytes.toString('utf8');
      const read = format === 'csv' ? postsFromCsv(text, config.path, config.columns) : postsFromJson(text, config.path);
      context.progress(`${config.path}: ${read.posts.length} posts${read.warnings.length ? `, ${read.warnings.length} skipped` : ''}`);
      // The whole file was read: a post it no longer has was deleted (collect marks it gone at its source). Not
      // when a row was skipped: that row may be a published post with one bad cell, which must not be removed.
      return {
        posts: read.posts.slice(0, context.limit),
        cursor,
        warnings: read.warnings,
        complete: read.posts.length <= context.limit && !read.warnings.length,
      };
    },
  };
}
