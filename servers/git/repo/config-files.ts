// The config files a repository controls, checked before the first git call reads them. git reads the repository's
// config (and every file it includes) on every call, before it looks at the request: an include (include.path, or
// includeIf.<condition>.path) naming a FIFO kept each call waiting in open() until the time limit, which then said
// "narrow the request", and nothing narrower could help. The global config is the person's own, not the repository's,
// and is not looked at here (the system config is never read: run.ts sets GIT_CONFIG_NOSYSTEM).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { GitDirs } from './git-dirs';
import { includeConditionHolds } from './include-conditions';
import { runGit } from './run';
import { unsafeFileReason, type UnsafeFile } from './unsafe-files';

/** git follows includes this deep (config.c's MAX_INCLUDE_DEPTH); deeper is an error of git's own. */
const MAX_INCLUDE_DEPTH = 10;
/** Config files larger than this are not parsed for includes (a real one is a few KB); git's own read stands. */
const MAX_CONFIG_BYTES = 16 * 1024 * 1024;

/**
 * The first config file git would read for this repository that it must not (a FIFO, a device, a socket, one far too
 * large): the repository's config, its worktree config, and what they include, followed as git follows them (a
 * relative path from the including file's folder, `~/` from HOME, at most 10 deep). `namedBy` says which file and key
 * name it. An includeIf target whose condition is `gitdir:`/`gitdir/i:` counts only when the condition holds for this
 * repository (include-conditions.ts): a FIFO behind `gitdir:/elsewhere/` made every call fail though git would never
 * open it. Other conditions (the branch, a remote's URL) count whatever they say, since git reads them itself and
 * the call would hang whenever they held; `namedBy` says so. Parsing is git's own (`git config --file
 * --no-includes`, which reads one file and no repository), run only for a file that mentions "include".
 */
export async function findUnsafeConfig(dirs: GitDirs, signal?: AbortSignal): Promise<UnsafeFile | undefined> {
  const main = join(dirs.commonDir, 'config');
  const queue: Array<{ path: string; namedBy?: string; depth: number }> = [{ path: main, depth: 0 }];
  const worktreeConfig = join(dirs.gitDir, 'config.worktree');
  if (existsSync(worktreeConfig) && mentions(main, /worktreeconfig/i)) queue.push({ path: worktreeConfig, depth: 0 });
  const seen = new Set<string>();
  while (queue.length > 0) {
    const { path, namedBy, depth } = queue.shift()!;
    if (seen.has(path) || depth > MAX_INCLUDE_DEPTH) continue;
    seen.add(path);
    const why = unsafeFileReason(path, MAX_CONFIG_BYTES);
    if (why) return { role: 'config', path, why, ...(namedBy ? { namedBy } : {}) };
    if (!mentions(path, /include/i)) continue;
    for (const include of await includesOf(path, dirs.gitDir, signal)) queue.push({ ...include, depth: depth + 1 });
  }
  return undefined;
}

/** Whether the file at `path` (a regular one of sensible size, or missing) has text matching `pattern`. */
function mentions(path: string, pattern: RegExp): boolean {
  try {
    if (unsafeFileReason(path, MAX_CONFIG_BYTES) !== undefined || !statSync(path).isFile()) return false;
    return pattern.test(readFileSync(path, 'latin1'));
  } catch {
    return false;
  }
}

/**
 * The files the config file at `path` includes, resolved as git resolves them, each with the key that names it; an
 * includeIf whose condition does not hold for the repository at `gitDir` is left out.
 */
async function includesOf(path: string, gitDir: string, signal?: AbortSignal): Promise<Array<{ path: string; namedBy: string }>> {
  // --git-dir at a folder that does not exist: git reads no repository (and so none of its includes) for this call.
  const result = await runGit(['--git-dir', join(dirname(path), 'no-repository-here'), 'config', '--file', path, '--no-includes', '--path', '-z', '--get-regexp', '^include(if\\..*)?\\.path$'], {
    cwd: dirname(path),
    signal,
    okExitCodes: [0, 1],
    timeoutMs: 10_000,
  });
  const includes: Array<{ path: string; namedBy: string }> = [];
  for (const entry of result.stdout.toString('utf8').split('\0')) {
    const newline = entry.indexOf('\n');
    if (newline < 0) continue;
    const key = entry.slice(0, newline);
    const value = entry.slice(newline + 1);
    if (value === '') continue;
    // git prints the section and key in lower case, the condition (the subsection) as written.
    const condition = /^includeif\.(.*)\.path$/is.exec(key)?.[1];
    const answer = condition === undefined ? undefined : includeConditionHolds(condition, gitDir, path, process.env.HOME);
    if (answer && 'holds' in answer && !answer.holds) continue;
    const why = answer === undefined ? '' : 'holds' in answer ? ', whose condition holds for this repository' : `, taken to hold: ${answer.unknown}`;
    includes.push({ path: resolve(dirname(path), value), namedBy: `${key} in ${path}${why}` });
  }
  return includes;
}
