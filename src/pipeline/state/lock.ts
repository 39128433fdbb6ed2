// Lock files: one process at a time may hold a lock. Created atomically with its holder's details already in it
// (written to a temporary file, then hard-linked into place: `link` fails when the name exists, like O_EXCL, and
// the lock is never seen empty). A lock whose process has died on this host is stale and is taken over.
import { linkSync, readFileSync, statSync, unlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface LockHolder {
  pid: number;
  host: string;
  user: string;
  command: string;
  since: string;
}

export class LockError extends Error {
  constructor(
    message: string,
    readonly holder?: LockHolder,
  ) {
    super(message);
    this.name = 'LockError';
  }
}

export const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

function readHolder(path: string): LockHolder | undefined | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  try {
    const h = JSON.parse(text) as LockHolder;
    return typeof h.pid === 'number' && typeof h.host === 'string' ? h : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/** Whether the lock's holder is gone: a dead process on this host (another host's processes cannot be checked). */
function stale(holder: LockHolder | 'unreadable', path: string): boolean {
  if (holder === 'unreadable') {
    // Never written by this code (it links complete files); an hour-old unreadable lock is debris.
    try {
      return Date.now() - statSync(path).mtimeMs > 3600e3;
    } catch {
      return true;
    }
  }
  return holder.host === hostname() && holder.pid !== process.pid && !alive(holder.pid);
}

export const describeHolder = (h: LockHolder): string => `${h.command} (pid ${h.pid} on ${h.host}, by ${h.user}, since ${h.since})`;

function tryCreate(path: string, holder: LockHolder): boolean {
  // Named like every temporary file of the state folder (files.ts TEMP), so one left by a killed process is swept.
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  writeFileSync(temp, JSON.stringify(holder) + '\n');
  try {
    linkSync(temp, path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    unlinkSync(temp);
  }
}

/**
 * Removes a stale lock. Two processes may find the same stale lock; the removal itself is done under a second,
 * short lock, after checking the lock is still the stale one, so neither can delete the lock the other just took.
 */
function breakStale(path: string, seen: LockHolder | 'unreadable'): void {
  const guard = path + '.break';
  const me: LockHolder = { pid: process.pid, host: hostname(), user: '', command: 'break a stale lock', since: new Date().toISOString() };
  if (!tryCreate(guard, me)) {
    const g = readHolder(guard);
    if (g && stale(g, guard)) unlinkSync(guard);
    return;
  }
  try {
    const now = readHolder(path);
    if (now && JSON.stringify(now) === JSON.stringify(seen)) unlinkSync(path);
  } finally {
    unlinkSync(guard);
  }
}

export interface LockOptions {
  /** What the holder is doing, named in the message others get (`collect`, `approve`…). */
  command: string;
  /** How long to wait for another holder, in ms (0: fail at once). */
  wait?: number;
  /** What the lock protects, for messages ("the state folder ./state"). */
  what?: string;
}

/** Takes the lock at `path`, waiting up to `wait` ms; returns the function that releases it. */
export async function acquireLock(path: string, { command, wait = 0, what = path }: LockOptions): Promise<() => void> {
  mkdirSync(dirname(path), { recursive: true });
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    user: safeUser(),
    command,
    since: new Date().toISOString(),
  };
  const deadline = Date.now() + wait;
  let pause = 10;
  for (;;) {
    if (tryCreate(path, holder)) break;
    const other = readHolder(path);
    if (other === undefined) continue;
    if (stale(other, path)) {
      breakStale(path, other);
      continue;
    }
    if (Date.now() >= deadline) {
      const who = other === 'unreadable' ? 'another process (its lock file cannot be read)' : describeHolder(other);
      throw new LockError(
        `${what} is in use by ${who}${wait ? `; waited ${Math.round(wait / 1000)} s` : ''}. Try again when it has finished` +
          (other !== 'unreadable' && other.host !== hostname() ? `, or delete ${path} if that process on ${other.host} is gone.` : '.'),
        other === 'unreadable' ? undefined : other,
      );
    }
    // Polls the holder's file: there is no portable way to be told when another process unlinks it.
    await new Promise((r) => setTimeout(r, Math.min(pause, Math.max(1, deadline - Date.now()))));
    pause = Math.min(pause * 2, 250);
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const now = readHolder(path);
    if (now && now !== 'unreadable' && now.pid === holder.pid && now.since === holder.since) unlinkSync(path);
  };
}

export function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}
