// A partial clone (`git clone --filter=blob:none`, `--filter=blob:limit=1m`) holds every commit and tree but only some
// file contents (blobs): the rest are downloaded from its promisor remote when a read needs them. This server never
// downloads (run.ts: GIT_NO_LAZY_FETCH, an empty GIT_ALLOW_PROTOCOL), so a read that needs a missing blob fails whole.
// What needs only names and object ids (which files a commit changed, how often) is still answerable, and so are line
// counts of files whose contents are here: this module finds which blobs are missing and reads the rest without them.
import { sanitizeLine } from '../../shared/sanitize';
import { listedPath, parseNumstat, type FileStat } from './parse';
import { emptyTree, type Repo } from './repo';
import { GitCommandError } from './run';

/** Most object ids named in a note; the count says how many more. */
const MAX_NAMED = 8;
/** Paths per numstat call over the files whose contents are here (the argument list stays far below the OS limit). */
const PATHS_PER_CALL = 1000;

/** A changed file whose counts are unknown because one side's contents are not in the clone. */
export type PartialFileStat = FileStat & { notInClone?: true };

/**
 * True when git failed because an object it needed is not in the repository and it may not download it: git says
 * "could not fetch <id> from promisor remote" (after "lazy fetching disabled" on git 2.39.4 and later, or "transport
 * 'file' not allowed" on older ones, where only the empty allow-list stops the download).
 */
export function isMissingObjectFailure(error: unknown): error is GitCommandError {
  return error instanceof GitCommandError && /promisor remote|lazy fetching disabled/i.test(error.stderr);
}

/** One file of `git diff --raw -z --no-abbrev`: its path(s) and the blob on each side (undefined where it is absent). */
export interface RawChange {
  path: string;
  oldPath?: string;
  before?: string;
  after?: string;
}

/** Reads `git diff --raw -z --no-abbrev` (or `log --raw` without its commit lines): `:<modes> <ids> <status>` NUL path NUL [path NUL]. */
export function parseRawChanges(output: string): RawChange[] {
  const fields = output.split('\0');
  const changes: RawChange[] = [];
  for (let i = 0; i + 1 < fields.length; ) {
    const head = fields[i].replace(/^\n+/, '');
    if (!head.startsWith(':')) {
      i++;
      continue;
    }
    const [oldMode = '', newMode = '', oldHash, newHash, status = ''] = head.slice(1).split(' ');
    const twoPaths = /^[RC]/.test(status);
    const first = fields[i + 1];
    const second = twoPaths ? fields[i + 2] : undefined;
    i += twoPaths ? 3 : 2;
    if (first === undefined || (twoPaths && second === undefined)) break;
    // Only blobs have contents to miss: a submodule (mode 160000) names a commit of another repository.
    const blob = (hash: string | undefined, mode: string) => (hash && !/^0+$/.test(hash) && mode !== '160000' ? hash : undefined);
    changes.push({
      path: second ?? first,
      ...(twoPaths ? { oldPath: first } : {}),
      before: blob(oldHash, oldMode),
      after: blob(newHash, newMode),
    });
  }
  return changes;
}

/**
 * The blobs of `paths` in the trees of `sides` (commits, or the empty tree) that are not in the repository, from
 * `rev-list --objects --missing=print`, which lists without reading or downloading contents. Empty when every content
 * is here, or when git cannot tell (the caller then reads as usual and any failure is explained as before).
 */
export async function missingBlobs(repo: Repo, sides: readonly string[], paths: readonly string[]): Promise<Set<string>> {
  if (paths.length === 0) return new Set();
  const empty = emptyTree(repo);
  const trees = [...new Set(sides)].map((side) => (side === empty ? side : `${side}^{tree}`));
  const input = Buffer.from(`${[...trees, '--', ...new Set(paths)].join('\n')}\n`, 'utf8');
  const listed = await repo
    .git(['rev-list', '--objects', '--missing=print', '--no-walk', '--stdin'], { input, maxBytes: 64 * 1024 * 1024, okExitCodes: [0, 128] })
    .catch(() => undefined);
  if (listed === undefined || listed.exitCode !== 0) return new Set();
  const missing = new Set<string>();
  for (const line of listed.stdout.toString('utf8').split('\n')) if (line.startsWith('?')) missing.add(line.slice(1).trim());
  return missing;
}

/**
 * `git diff --numstat` of `from` and `to` (under `pathArgs`: `--` and an optional path) in a partial clone that lacks
 * some of their contents: files whose two sides are here are counted as usual; the others are listed with
 * `notInClone: true` and 0 lines. Renames are found exactly (same contents) among all files and by similarity among
 * those that are here: a file renamed and edited whose contents are missing shows as deleted and added. `missing` has
 * the ids of the blobs left out, `truncated` is set when git's output was cut.
 */
export async function numstatWithoutMissing(
  repo: Repo,
  from: string,
  to: string,
  pathArgs: readonly string[],
  diffArgs: readonly string[],
): Promise<{ files: PartialFileStat[]; missing: Map<string, string>; presentPaths: string[]; truncated: boolean; stderr: string }> {
  // -M100%: exact renames only, which git finds from object ids; finding similar ones would read (and miss) contents.
  const raw = await repo.git(['diff', '--raw', '-z', '--no-abbrev', '-M100%', '--ignore-submodules=none', from, to, ...pathArgs], { maxBytes: 32 * 1024 * 1024 });
  const changes = parseRawChanges(raw.stdout.toString('utf8'));
  const absent = await missingBlobs(repo, [from, to], changes.flatMap((c) => [c.path, ...(c.oldPath ? [c.oldPath] : [])]));
  const isAbsent = (c: RawChange) => (c.before !== undefined && absent.has(c.before)) || (c.after !== undefined && absent.has(c.after));
  const lacking = changes.filter(isAbsent);
  const present = changes.filter((c) => !isAbsent(c));
  const presentPaths = [...new Set(present.flatMap((c) => [c.path, ...(c.oldPath ? [c.oldPath] : [])]))];
  const files: PartialFileStat[] = [];
  let truncated = raw.truncated;
  let stderr = raw.stderr;
  for (let at = 0; at < presentPaths.length; at += PATHS_PER_CALL) {
    const counted = await repo.git(['diff', '--numstat', '-z', ...diffArgs, from, to, '--', ...presentPaths.slice(at, at + PATHS_PER_CALL)], { maxBytes: 8 * 1024 * 1024 });
    files.push(...parseNumstat(counted.stdout.toString('utf8'), false)[0].files);
    truncated ||= counted.truncated;
    stderr += counted.stderr;
  }
  const missing = new Map<string, string>();
  for (const change of lacking) {
    const old = change.oldPath === undefined ? undefined : listedPath(change.oldPath);
    const renamed = old === undefined ? {} : { oldPath: old.path, ...(old.displayPath === undefined ? {} : { displayOldPath: old.displayPath }) };
    files.push({ ...listedPath(change.path), ...renamed, added: 0, deleted: 0, binary: false, notInClone: true });
    for (const [blob, path] of [[change.before, change.oldPath ?? change.path], [change.after, change.path]] as const) {
      if (blob !== undefined && absent.has(blob)) missing.set(blob, path);
    }
  }
  // git lists files by path, byte order: the two lists merged keep that order.
  files.sort((a, b) => Buffer.compare(Buffer.from(a.path, 'utf8'), Buffer.from(b.path, 'utf8')));
  return { files, missing, presentPaths, truncated, stderr };
}

/** The remote a partial clone downloads from (extensions.partialClone names it), or undefined when none is set. */
export async function promisorRemote(repo: Repo): Promise<string | undefined> {
  const set = await repo.git(['config', '--get', 'extensions.partialClone'], { okExitCodes: [0, 1] }).catch(() => undefined);
  const name = set?.exitCode === 0 ? set.stdout.toString('utf8').trim() : '';
  return /^[A-Za-z0-9._/-]{1,100}$/.test(name) ? name : undefined;
}

/**
 * The sentence naming what a partial clone lacks and how to get it: the first MAX_NAMED object ids (with the file each
 * is a version of) and a `git fetch <remote> <ids>` that downloads them, or, for more, `terminal`, a git command that
 * downloads what it reads when run in a terminal (which may fetch; this server never does).
 */
export async function missingObjectsAdvice(repo: Repo, missing: ReadonlyMap<string, string>, terminal: string): Promise<string> {
  const remote = (await promisorRemote(repo)) ?? 'origin';
  const entries = [...missing.entries()];
  const named = entries
    .slice(0, MAX_NAMED)
    .map(([id, path]) => `${id} (${sanitizeLine(path, 200)})`)
    .join(', ');
  const more = entries.length > MAX_NAMED ? ` and ${entries.length - MAX_NAMED} more` : '';
  const count = entries.length === 1 ? 'one file version is' : `${entries.length} file versions are`;
  const fetch =
    entries.length <= MAX_NAMED
      ? `\`git fetch ${remote} ${entries.map(([id]) => id).join(' ')}\` in ${repo.root} downloads ${entries.length === 1 ? 'it' : 'them'}`
      : `\`${terminal}\` run in a terminal in ${repo.root} downloads them (git fetches what a read needs from ${remote})`;
  return `This is a partial clone (made with --filter) and ${count} not in it: ${named}${more}. This server never downloads; ${fetch}, then ask again (a clone without --filter has them all).`;
}

/** Per-file line counts of one comparison, and what a partial clone left out of them. */
export interface ComparedFiles {
  files: PartialFileStat[];
  /** Blob id to the path it is a version of, for each content the clone lacks; empty when nothing was left out. */
  missing: Map<string, string>;
  /** Set when contents were missing: the paths whose counts (and patch) could be read. */
  presentPaths?: string[];
  truncated: boolean;
  stderr: string;
}

/**
 * The numstat `read` gives (a `git diff`/`git show --numstat -z` of `from` and `to` under `pathArgs`) or, when it
 * fails because the partial clone lacks contents it needs, numstatWithoutMissing's. Other failures are thrown as is.
 */
export async function numstatOrPartial(
  repo: Repo,
  read: () => Promise<{ stdout: Buffer; stderr: string; truncated: boolean }>,
  sides: { from: string; to: string; pathArgs: readonly string[]; diffArgs: readonly string[] },
): Promise<ComparedFiles> {
  try {
    const result = await read();
    return { files: parseNumstat(result.stdout.toString('utf8'), false)[0].files, missing: new Map(), truncated: result.truncated, stderr: result.stderr };
  } catch (error) {
    if (!isMissingObjectFailure(error)) throw error;
    return numstatWithoutMissing(repo, sides.from, sides.to, sides.pathArgs, sides.diffArgs);
  }
}

/** The note for a comparison with files left uncounted (notInClone): how many, then `advice` (missingObjectsAdvice). */
export function notCountedNote(files: readonly PartialFileStat[], advice: string, also = ''): string {
  const count = files.filter((f) => f.notInClone).length;
  const which = count === 1 ? '1 changed file (notInClone: true) is' : `${count} changed files (notInClone: true) are`;
  return `${which} listed without line counts (0, and left out of the totals' lines)${also}. ${advice}`;
}

/**
 * The versions of `path` in `commit`'s history that the clone lacks (id to path), from `rev-list --objects
 * --missing=print <commit> -- <path>`, which walks the history without reading contents. Empty when git cannot tell.
 * A history that renamed the file also reaches versions under its older names, which are not counted here.
 */
export async function missingVersions(repo: Repo, commit: string, path: string): Promise<Map<string, string>> {
  const listed = await repo
    .git(['rev-list', '--objects', '--missing=print', commit, '--', path], { maxBytes: 64 * 1024 * 1024, timeoutMs: 60_000, okExitCodes: [0, 128] })
    .catch(() => undefined);
  const missing = new Map<string, string>();
  if (listed === undefined || listed.exitCode !== 0) return missing;
  for (const line of listed.stdout.toString('utf8').split('\n')) if (line.startsWith('?')) missing.set(line.slice(1).trim(), path);
  return missing;
}

/** One commit of `git log --raw -z --no-abbrev --format=RAW_COMMIT_FORMAT`. */
export interface RawCommit {
  hash: string;
  /** Committer time in epoch ms; NaN when git printed none (a date before 1970). */
  committedAtMs: number;
  parents: string[];
  changes: RawChange[];
}

/** The commit line RawCommit is read from: a mark, the hash, the committer time and the parents. */
export const RAW_COMMIT_FORMAT = '%x1e%H %ct %P';

/** Commits of `git log --raw -z --no-abbrev --format=RAW_COMMIT_FORMAT`; a commit cut off by the byte cap keeps what was read of it. */
export function parseRawLog(output: string): RawCommit[] {
  const commits: Array<RawCommit & { fields: string[] }> = [];
  // Split on NUL, as parseNumstat does: a path may hold any other byte, \x1e too.
  for (const field of output.split('\0')) {
    const head = /^\n*\x1e([0-9a-f]{40}(?:[0-9a-f]{24})?) (\d*)((?: [0-9a-f]+)*) ?$/.exec(field);
    if (head) {
      commits.push({ hash: head[1], committedAtMs: head[2] === '' ? Number.NaN : Number(head[2]) * 1000, parents: head[3].split(' ').filter(Boolean), changes: [], fields: [] });
    } else {
      commits.at(-1)?.fields.push(field);
    }
  }
  return commits.map(({ fields, ...commit }) => ({ ...commit, changes: parseRawChanges(fields.join('\0')) }));
}
