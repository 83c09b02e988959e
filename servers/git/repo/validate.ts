// Checks every value that reaches a git command line: refs become verified commit hashes,
// paths become repository-relative paths that stay inside the working tree.
import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep, basename } from 'node:path';
import { UserFacingError } from '../../shared/tool-result';
import { readInvisibleEscapes } from '../../shared/invisible';
import { sanitizeLine } from '../../shared/sanitize';
import { explainNoHead, type Repo } from './repo';

const MAX_REF_LENGTH = 256;

/** Refuses text that git could read as an option or that cannot be one argument. */
export function assertPlainArgument(value: string, label: string): void {
  if (value.startsWith('-')) throw new UserFacingError(`${label}: '${sanitizeLine(value, 80)}' starts with '-', which is not allowed (options cannot be passed through parameters).`);
  if (/[\0\r\n]/.test(value)) throw new UserFacingError(`${label}: line breaks and NUL characters are not allowed.`);
}

/** Resolves a branch, tag, hash or expression like HEAD~2 to a full commit hash, or explains why not. */
export async function resolveCommit(repo: Repo, ref: string, label: string): Promise<string> {
  // git_branches writes a bidi control in a name as `\u202E` (a ref cannot hold a backslash): the name as listed is
  // read back to the ref it stands for.
  const value = readInvisibleEscapes(ref.trim());
  if (value === '') throw new UserFacingError(`${label}: empty ref; give a branch, tag or commit hash.`);
  if (value.length > MAX_REF_LENGTH) throw new UserFacingError(`${label}: ref is longer than ${MAX_REF_LENGTH} characters.`);
  assertPlainArgument(value, label);
  // --quiet also silences the warning that a reflog lookup (`name@{date}`) went past the reflog's start.
  const quiet = value.includes('@{') ? [] : ['--quiet'];
  // `:/text` (the youngest commit whose message matches) takes the rest of the argument as its pattern: a `^{commit}`
  // after it was searched for as text, and a commit git finds was "not a commit" (break30). It only ever names a commit.
  const expression = value.startsWith(':/') ? value : `${value}^{commit}`;
  const result = await repo.git(['rev-parse', '--verify', ...quiet, '--end-of-options', expression], { okExitCodes: [0, 1, 128] });
  const hash = result.stdout.toString('utf8').trim();
  // Before reading the answer: git's pick among several refs of that name can also be the reason it failed.
  await assertOneCommitNamed(repo, value, label);
  if (result.exitCode !== 0 || !/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(hash)) {
    // A range in a one-commit field (git_diff_stat's to, git_show's ref) is a common slip; say what takes one.
    if (value.includes('..')) {
      throw new UserFacingError(`${label}: '${sanitizeLine(value, 80)}' is a range, and this takes one commit; git_log takes ranges (ref A..B), git_diff_stat compares two commits (from, to).`);
    }
    if (!(await repo.head())) throw new UserFacingError(`${label}: '${sanitizeLine(value, 80)}' is not a commit here; ${await explainNoHead(repo)}`);
    // A reflog lookup's own reason (`log for 'HEAD' only has 1 entries`) says more than "not a commit".
    const reflog = /^fatal: (log for .*)$/m.exec(result.stderr);
    if (reflog) throw new UserFacingError(`${label}: '${sanitizeLine(value, 80)}': git says the ${sanitizeLine(reflog[1], 120)} (a reflog lookup reads this repository's record of its ref moves).`);
    throw new UserFacingError(`${label}: '${sanitizeLine(value, 80)}' is not a commit, branch or tag in this repository (git_branches lists branches).`);
  }
  assertReflogCovers(value, result.stderr, label);
  return hash;
}

/**
 * Refuses `name@{<date>}` where the reflog does not reach back that far. The form asks where the ref pointed at that
 * time by this clone's own record of its moves, which starts when the clone was made; before that git answers with the
 * oldest entry (today's tip in a fresh clone) and only warns: "what changed on main this week" (`main@{1 week ago}..main`)
 * would be "nothing". The commits of a period are what git_log's since/until give.
 */
function assertReflogCovers(value: string, stderr: string, label: string): void {
  const short = /^warning: log for '([^']*)' only goes back to (.+)$/m.exec(stderr);
  if (!short) return;
  throw new UserFacingError(
    `${label}: '${sanitizeLine(value, 80)}' asks where ${sanitizeLine(short[1], 80)} pointed at that time by this repository's reflog, which only goes back to ${sanitizeLine(short[2], 60)}; git would answer with its oldest entry instead. For the commits of a period use git_log's since and until (commit dates).`,
  );
}

/** A short name as git reads it (no revision syntax `~^:@{`, no glob, not a hash prefix, not HEAD or FETCH_HEAD…). */
const SHORT_REF_NAME = /^(?![0-9a-f]{4,64}$)(?![A-Z_]*HEAD$)[^~^:@{}\\*?[\s]+$/;

/**
 * Refuses a short name that several refs carry when they point at different commits. git takes the first of
 * refs/<name>, refs/tags/<name>, refs/heads/<name>, refs/remotes/<name>, refs/remotes/<name>/HEAD and only warns (on
 * stderr, which --quiet drops): with a tag `release` left at an old commit and a branch `release` moved on, "what is on
 * release" would be answered from the tag, a confident wrong answer. The full names (tags/release, heads/release) pick
 * one. One for-each-ref over the candidate names; annotated tags are read at the commit they point to. A name
 * followed by revision syntax (`release~1`) is checked by its name.
 */
async function assertOneCommitNamed(repo: Repo, expression: string, label: string): Promise<void> {
  // `release~1` and `release^{tree}` start from the name as plain `release` does.
  const value = /^[^~^:@{]*/.exec(expression)?.[0] ?? '';
  if (!SHORT_REF_NAME.test(value)) return;
  const candidates = [`refs/${value}`, `refs/tags/${value}`, `refs/heads/${value}`, `refs/remotes/${value}`, `refs/remotes/${value}/HEAD`];
  const listed = await repo.git(['for-each-ref', '--format=%(refname)%00%(objectname)%00%(*objectname)', ...candidates], { okExitCodes: [0, 128] });
  if (listed.exitCode !== 0) return;
  const commitOf = new Map<string, string>();
  for (const line of listed.stdout.toString('utf8').split('\n')) {
    const [name, object, peeled] = line.split('\0');
    if (name && candidates.includes(name)) commitOf.set(name, peeled || object);
  }
  const named = candidates.filter((name) => commitOf.has(name));
  if (new Set(named.map((name) => commitOf.get(name))).size < 2) return;
  const shown = named.map((name) => `${name} (${(commitOf.get(name) ?? '').slice(0, 12)})`).join(', ');
  const short = named.map((name) => `'${name.replace(/^refs\//, '')}'`).join(' or ');
  throw new UserFacingError(
    `${label}: '${sanitizeLine(value, 80)}' names refs that point at different commits: ${sanitizeLine(shown, 400)}; git would take ${named[0]}. Give the full name (${sanitizeLine(short, 300)}) to choose one.`,
  );
}

export interface RevisionRange {
  /** Arguments for rev-list/log: verified hashes, excluded ones prefixed with ^. */
  args: string[];
  label: string;
}

/** A single ref, or `A..B` (commits in B not in A); each side verified. */
export async function resolveRange(repo: Repo, ref: string, label: string): Promise<RevisionRange> {
  const value = ref.trim();
  const parts = value.split('..');
  if (parts.length === 2 && !value.includes('...')) {
    const from = await resolveCommit(repo, parts[0] || 'HEAD', `${label} (left of ..)`);
    const to = await resolveCommit(repo, parts[1] || 'HEAD', `${label} (right of ..)`);
    return { args: [`^${from}`, to], label: value };
  }
  if (value.includes('...')) throw new UserFacingError(`${label}: symmetric ranges (A...B) are not supported; use A..B or a single ref.`);
  return { args: [await resolveCommit(repo, value, label)], label: value };
}

/**
 * Turns a path (relative to the repository root, or absolute inside it) into a repository-relative
 * path. Refuses `..` escapes, absolute paths elsewhere and symlinks that lead out of the repository.
 * When the server was pointed at a folder below the root (`repo.subfolder`), a relative path that names nothing from
 * the root but names a file or folder in that folder is read there, and `repo.pathNotes` says so.
 */
export function resolveRepoPath(repo: Repo, input: string, label: string): string {
  if (repo.bare) return treePath(input, label);
  // Exact first: a listed path may have surrounding spaces, tabs or line breaks; a sloppy one is trimmed.
  const given = formOnDisk(repo.root, input !== input.trim() && !existsSync(resolve(repo.root, input)) ? input.trim() : input);
  const value = inSubfolder(repo, given, label) ?? given;
  if (value === '') throw new UserFacingError(`${label}: empty path.`);
  if (value.length > 4096) throw new UserFacingError(`${label}: path is too long.`);
  if (value.includes('\0')) throw new UserFacingError(`${label}: NUL characters are not allowed in paths.`);
  if (value.includes('\uFFFD') && !existsSync(resolve(repo.root, value))) throw notUtf8Name(label, value);
  if (value.startsWith('-')) throw new UserFacingError(`${label}: '${sanitizeLine(value, 80)}' starts with '-'; write it as ./${sanitizeLine(value, 80)} if it is a file name.`);

  const outside = () => new UserFacingError(`${label}: '${sanitizeLine(value, 200)}' is outside the repository (${repo.root}); give a path inside it, relative to its root.`);
  let absolute = resolve(repo.root, value);
  let rel = relative(repo.root, absolute);
  if (escapes(rel)) {
    // An absolute path may name the repository through its resolved (symlink-free) location, or
    // through a symlinked folder above it (REPO_PATH=/home/me/link/repo, which git reports resolved).
    rel = relative(repo.realRoot, absolute);
    if (escapes(rel) && isAbsolute(value)) rel = relative(repo.realRoot, realExisting(absolute));
    if (escapes(rel)) throw outside();
    absolute = join(repo.root, rel);
  }
  // The path itself may not exist (deleted files still have history); check the deepest part that does.
  const real = realExisting(absolute);
  if (escapes(relative(repo.realRoot, real))) {
    throw new UserFacingError(`${label}: '${sanitizeLine(value, 200)}' leads outside the repository through a symbolic link; refused.`);
  }
  const gitPath = rel.split(sep).join('/');
  if (gitPath === '.git' || gitPath.startsWith('.git/')) throw new UserFacingError(`${label}: paths inside .git are not part of the history.`);
  return gitPath === '' ? '.' : gitPath;
}

/**
 * `value` as a path from the root when it names nothing from the root but names something in `repo.subfolder` (the
 * folder the server was pointed at: a monorepo package opened in VS Code, whose paths its user sees relative to it);
 * otherwise undefined. Before, `git_status` of such a path answered "clean" and git_log "no commit touches it" while
 * the file had changes and history. The root keeps precedence: listed paths are from the root and are passed back.
 */
function inSubfolder(repo: Repo, value: string, label: string): string | undefined {
  const folder = repo.subfolder;
  if (folder === undefined || value === '' || isAbsolute(value) || existsSync(resolve(repo.root, value))) return undefined;
  const inFolder = formOnDisk(repo.root, `${folder}/${value}`);
  if (!existsSync(resolve(repo.root, inFolder))) return undefined;
  repo.pathNotes.push(
    `${label} ${JSON.stringify(sanitizeLine(value, 200))} names nothing from the repository root (${repo.root}), so it was read in the folder this server was pointed at: ${JSON.stringify(sanitizeLine(inFolder, 200))}. Paths in results are from the root.`,
  );
  return inFolder;
}

/**
 * A path of a bare repository, which has no working tree: a name in its commits' trees, relative to their top, checked
 * by its text alone (its git folder holds `config` and `HEAD`, which are no files of the project, so nothing is looked
 * up on disk). `..` that leaves the top and absolute paths are refused.
 */
function treePath(input: string, label: string): string {
  const value = input.trim() === '' ? '' : input;
  if (value === '') throw new UserFacingError(`${label}: empty path.`);
  if (value.length > 4096) throw new UserFacingError(`${label}: path is too long.`);
  if (value.includes('\0')) throw new UserFacingError(`${label}: NUL characters are not allowed in paths.`);
  if (value.startsWith('-')) throw new UserFacingError(`${label}: '${sanitizeLine(value, 80)}' starts with '-'; write it as ./${sanitizeLine(value, 80)} if it is a file name.`);
  if (isAbsolute(value) || /^[A-Za-z]:[\\/]/.test(value)) {
    throw new UserFacingError(`${label}: '${sanitizeLine(value, 200)}' is a path on disk, but this is a bare repository (no working tree): give the path as it is in the commits, relative to the top of the project.`);
  }
  const parts: string[] = [];
  for (const part of value.split('/')) {
    if (part === '' || part === '.') continue;
    if (part !== '..') parts.push(part);
    else if (parts.pop() === undefined) throw new UserFacingError(`${label}: '${sanitizeLine(value, 200)}' is outside the repository; give a path inside it, relative to its top.`);
  }
  if (parts[0] === '.git') throw new UserFacingError(`${label}: paths inside .git are not part of the history.`);
  return parts.length === 0 ? '.' : parts.join('/');
}

/**
 * `value`, or its other Unicode normal form when only that names a file in the working tree: a repository committed
 * from macOS may hold decomposed names (NFD: `배포 노트.md` as jamo) that a client types composed (NFC), and git
 * matches bytes, so blame said "does not exist" and git_log "no commit touches it" of a file it lists (break30).
 */
function formOnDisk(root: string, value: string): string {
  if (existsSync(resolve(root, value))) return value;
  for (const form of ['NFD', 'NFC'] as const) {
    const other = value.normalize(form);
    if (other !== value && existsSync(resolve(root, other))) return other;
  }
  return value;
}

/**
 * The refusal of a path holding U+FFFD that names no file. git stores names as bytes, and a name that is not UTF-8
 * (Latin-1 from an old system, say) is listed with U+FFFD for each byte it cannot read; JSON cannot carry those bytes,
 * so the text passed back names another file, and git would answer "nothing touches it", which is false.
 */
function notUtf8Name(label: string, value: string): UserFacingError {
  return new UserFacingError(
    `${label}: '${sanitizeLine(value, 200)}' has U+FFFD (\uFFFD), which stands for bytes of a file name that are not UTF-8: that name cannot be passed back exactly, so no tool can select this file by name. Ask for its folder instead (or the whole repository); its history is listed there.`,
  );
}

/** `path` with symlinks resolved in its deepest existing folder (the rest, which may not exist, kept as written). */
function realExisting(path: string): string {
  let existing = path;
  const rest: string[] = [];
  while (!existsSync(existing) && existing !== dirname(existing)) {
    rest.unshift(basename(existing));
    existing = dirname(existing);
  }
  try {
    return join(realpathSync(existing), ...rest);
  } catch {
    return path;
  }
}

function escapes(rel: string): boolean {
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}

/** Free text for --author/--grep (passed as one `--opt=value` argument and matched as a fixed string). */
export function plainText(value: string, label: string): string {
  if (/[\0\r\n]/.test(value)) throw new UserFacingError(`${label}: line breaks and NUL characters are not allowed.`);
  return value;
}

/**
 * Why a path-limited query found nothing, for the result's note: the path has history outside the
 * other filters, appears only after the ref, exists only in the working tree (never committed), or does not exist.
 * `revisionArgs` are verified hashes (a range as ^A B); `refLabel` is how the caller named them.
 */
export async function explainUntouchedPath(repo: Repo, path: string, revisionArgs: readonly string[], refLabel: string): Promise<string> {
  const shown = JSON.stringify(path);
  const any = await repo.git(['log', '-1', '--format=%H', ...revisionArgs, '--', path], { okExitCodes: [0, 128] });
  if (any.stdout.toString('utf8').trim() !== '') {
    return `No commit matches these filters for ${shown}, but commits at ${refLabel} do touch it: widen the filters (time window, author, text).`;
  }
  if (!repo.bare && existsSync(join(repo.root, path))) {
    const head = await repo.git(['log', '-1', '--format=%H', 'HEAD', '--', path], { okExitCodes: [0, 128] });
    if (head.stdout.toString('utf8').trim() !== '') return `No commit at ${refLabel} touches ${shown}: it only appears in later commits (HEAD has them).`;
    return `No commit at ${refLabel} touches ${shown}: it exists in the working tree but has never been committed there (git_status shows it when it is new).`;
  }
  const where = repo.bare ? 'in this bare repository' : 'in the working tree';
  return `${shown} does not exist ${where} and no commit at ${refLabel} touches it: check the name (paths are relative to the repository root${subfolderHint(repo, path)}; git_show and git_status list exact paths).`;
}

/**
 * For a "no such path" answer when the server was pointed at a folder below the root: a path meant in that folder
 * (one since deleted, so not found there on disk) is written from the root with the folder in front.
 */
export function subfolderHint(repo: Repo, path: string): string {
  const folder = repo.subfolder;
  if (folder === undefined || path === folder || path.startsWith(`${folder}/`)) return '';
  return `, ${repo.root}, not the folder this server was pointed at: a path in that folder starts with ${JSON.stringify(`${folder}/`)}, as ${JSON.stringify(`${folder}/${path}`)}`;
}
