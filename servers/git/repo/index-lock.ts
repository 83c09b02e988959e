// A stale index.lock: git creates it while it writes the index (add, commit, checkout, merge, pull) and removes it at
// the end; a git that crashed or was killed leaves it, and from then on every such command fails with "Unable to create
// '.git/index.lock': File exists" until it is deleted. Reads (status, log) still work, so a status said "clean" or
// listed the changes without a word of why nothing could be committed.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Repo } from './repo';

/** A lock younger than this is most likely a git at work right now (an editor's git refreshing the index). */
const FRESH_LOCK_MS = 5_000;

export interface IndexLock {
  /** Absolute path of the lock file (in this working tree's git folder). */
  path: string;
  /** Seconds since the file was last written. */
  ageSeconds: number;
}

/**
 * The working tree's index.lock when there is one older than FRESH_LOCK_MS, else undefined (also when git cannot name
 * its path). `now` is epoch ms.
 */
export async function readIndexLock(repo: Repo, now = Date.now()): Promise<IndexLock | undefined> {
  const named = await repo.git(['rev-parse', '--git-path', 'index.lock'], { okExitCodes: [0, 128] });
  if (named.exitCode !== 0) return undefined;
  // Relative to the folder git ran in (the top of the working tree) unless absolute; only the line break is git's.
  const path = resolve(repo.root, named.stdout.toString('utf8').replace(/\r?\n$/, ''));
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  const age = now - info.mtimeMs;
  return age < FRESH_LOCK_MS ? undefined : { path, ageSeconds: Math.round(age / 1000) };
}

/** The note for a lock: what it blocks and what to do, with its age. */
export function indexLockNote(lock: IndexLock): string {
  return `${lock.path} exists (last written ${describeAge(lock.ageSeconds)} ago): git stages, commits, checks out, merges and pulls only after it is gone. Either a git command is still running in this working tree (a commit waiting for its message in an editor, say) or one was stopped without removing it; when no git is running, delete the file.`;
}

function describeAge(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 2 * 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 2 * 86400) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86400)} days`;
}
