// Crash-safe file writing for the pipeline's state and published files: a reader (or a run after a crash) sees the
// old content or the new, never half of either.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync, fstatSync, readSync, mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Temporary files are named `.<name>.<pid>.<random>.tmp` beside their target, so a sweep can tell whose they are. */
export const TEMP = /^\..+\.(\d+)\.[0-9a-f]+\.tmp$/;

/**
 * Writes `data` to `path` atomically: a temporary file in the same folder (so the rename stays on one file
 * system), flushed to disk, then renamed over the target, then the folder flushed so the rename itself lasts.
 */
export function writeAtomic(path: string, data: string | Uint8Array): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(temp, 'w', 0o644);
  try {
    const buffer = typeof data === 'string' ? Buffer.from(data) : data;
    let at = 0;
    while (at < buffer.length) at += writeSync(fd, buffer, at, buffer.length - at);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {}
    throw e;
  }
  closeSync(fd);
  renameSync(temp, path);
  syncDir(dir);
}

/** Flushes a folder's entries (a rename is only durable once its folder is); some file systems refuse, harmlessly. */
export function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {}
}

/** The file's text, or undefined when it does not exist. */
export function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/**
 * Writes only when the content differs, so a run that changes nothing rewrites nothing (no new modification
 * times, no git noise). Returns whether it wrote.
 */
export function writeIfChanged(path: string, data: string): boolean {
  if (readText(path) === data) return false;
  writeAtomic(path, data);
  return true;
}

/**
 * Appends whole lines to a log. A run killed mid-append can leave a partial last line: the next append starts
 * on a fresh line, so only that one entry is lost and every other line still parses.
 */
export function appendLines(path: string, lines: string[]): void {
  if (!lines.length) return;
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'a+');
  try {
    const size = fstatSync(fd).size;
    let prefix = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, size - 1);
      if (last[0] !== 0x0a) prefix = '\n';
    }
    const buffer = Buffer.from(prefix + lines.join('\n') + '\n');
    let at = 0;
    while (at < buffer.length) at += writeSync(fd, buffer, at, buffer.length - at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** JSON as the state folder keeps it: two-space indent and a final newline, so git diffs are line by line. */
export const jsonText = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';
