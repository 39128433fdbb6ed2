// Shared by the pipeline's node tests (not a test file itself): the built pipeline library and CLI, temporary
// folders, configs and posts. Tests run against the build (node scripts/build.mjs); CARE_DIST points at another.
import { mkdtempSync, writeFileSync, readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, relative } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export const dist = resolve(process.env.CARE_DIST ?? 'dist');
export const cliPath = join(dist, 'cli', 'carecircle.mjs');
export const lib = await import(pathToFileURL(join(dist, 'cli', 'pipeline.mjs')).href);

export const tempDir = (name = 'pipeline') => mkdtempSync(join(tmpdir(), `carecircle-${name}-`));

/** A post in CareCircle's shape; `n` makes its id, address and time. */
export const post = (n, over = {}) => ({
  id: `p${n}`,
  url: `https://mastodon.example/@user${n % 7}/${1000 + n}`,
  createdAt: new Date(Date.UTC(2026, 10, 1) + n * 60_000).toISOString(),
  author: { name: `User ${n % 7}`, handle: `@user${n % 7}@mastodon.example`, url: `https://mastodon.example/@user${n % 7}` },
  text: `Post number ${n} about living well during and after treatment, with its own words ${n}.`,
  ...over,
});

/** A source that answers with the given posts (or throws `fail`), recording the contexts it was given. */
export function fakeSource(id, posts, { fail, complete, cursor } = {}) {
  const source = {
    id,
    contexts: [],
    posts,
    async collect(context) {
      source.contexts.push(context);
      if (fail) throw new Error(fail);
      return { posts: source.posts, warnings: [], ...(cursor && { cursor }), ...(complete && { complete: true }) };
    },
  };
  return source;
}

/** A config object with every required key; `over` replaces top-level keys. */
export const configData = (over = {}) => ({
  site: { name: 'Test hospital', url: 'https://hospital.example/contact' },
  hashtag: 'bcsm',
  sources: [],
  ...over,
});

/** Writes a config into `dir` and returns its loaded form. */
export function loadedConfig(dir, over = {}) {
  const file = join(dir, 'carecircle.pipeline.json');
  writeFileSync(file, JSON.stringify(configData(over), null, 2));
  return lib.parseConfig(JSON.parse(readFileSync(file, 'utf8')), file);
}

/** Every file under `dir` (relative path → bytes), for byte-for-byte comparisons. */
export function snapshotTree(dir) {
  const out = {};
  if (!existsSync(dir)) return out;
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p).toString('base64');
    }
  };
  walk(dir);
  return out;
}

/** Modification times of every file under `dir`. */
export function mtimes(dir) {
  const out = {};
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else out[relative(dir, p)] = s.mtimeMs;
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** Runs the CLI to the end. */
export const cli = (args, { env = {}, cwd } = {}) => {
  const r = spawnSync(process.execPath, [cliPath, ...args], {
    encoding: 'utf8',
    cwd,
    env: { ...process.env, CI: '1', CARECIRCLE_ACTOR: '', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr, all: r.stdout + r.stderr };
};

/**
 * Runs the CLI without blocking this process (needed when the servers it talks to run in this process) and
 * resolves when it exits: `{ code, signal, out, err, all }`.
 */
export const cliAsync = (args, { env = {} } = {}) =>
  new Promise((done) => {
    const child = spawn(process.execPath, [cliPath, ...args], { env: { ...process.env, CI: '1', CARECIRCLE_ACTOR: '', ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code, signal) => done({ code, signal, out, err, all: out + err }));
  });

export const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'));
