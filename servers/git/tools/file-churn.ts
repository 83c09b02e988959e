import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { progressReporter, throttleProgress, type HandlerExtra } from '../../shared/progress';
import { futureWindowNote, inWindow, resolveWindow, TIME_FORMS, timeFields, windowToIso } from '../../shared/time-window';
import type { GitServerContext } from '../context';
import { listedPath, NUMSTAT_COMMIT_MARK, parseNumstat, type FileStat, type NumstatCommit } from '../repo/parse';
import { explainGitFailure, explainNoHead, gitOrExplain, renameLimitNote, sentence, type Repo } from '../repo/repo';
import { isMissingObjectFailure, missingBlobs, missingObjectsAdvice, parseRawLog, RAW_COMMIT_FORMAT, type PartialFileStat } from '../repo/partial-clone';
import { explainUntouchedPath, resolveCommit, resolveRepoPath } from '../repo/validate';
import { misreadDateArgs, repoWindowArgs } from '../repo/window';
import { withRawCommitTimes } from '../repo/raw-dates';
import { shallowEdges } from '../repo/shallow';
import { submodulePaths } from '../repo/submodule-stats';
import { lfsPointersAt } from '../repo/lfs-pointers';
import { registerGitTool } from './register';
import { DISPLAY_PATH, EXACT_PATH, pathInput } from './schemas';

const inputSchema = z.object({
  ...timeFields('commits (by committer date)'),
  since: z.string().max(64).default('4 weeks ago').describe(`Start of the period, inclusive (default: 4 weeks ago). Accepts ${TIME_FORMS}.`),
  ref: z.string().min(1).max(256).default('HEAD').describe('Branch, tag or commit whose history is examined'),
  path: pathInput.optional().describe('Only files under this folder or file'),
  sortBy: z.enum(['commits', 'lines']).default('commits').describe('Rank by number of commits touching the file, or by lines added + deleted'),
  top: z.number().int().min(1).max(200).default(20).describe('How many files to return'),
  maxCommits: z.number().int().min(1).max(20_000).default(5000).describe('Most commits to examine, newest first'),
});

const fileSchema = z.object({
  path: z.string().describe(`Current name (renamed files are counted under their newest name). ${EXACT_PATH}`),
  displayPath: z.string().optional().describe(DISPLAY_PATH),
  commits: z.number().int(),
  added: z.number().int(),
  deleted: z.number().int(),
  lines: z.number().int().describe('added + deleted'),
  binary: z.boolean().describe('True when git reported the file as binary (no line counts)'),
  previousPaths: z.array(z.string()).optional().describe('Older names folded into this entry'),
  submodule: z
    .literal(true)
    .optional()
    .describe("A submodule: its commits are the times its commit pointer moved and its lines the pointer's (one a move), not changes to its files (the note says so)"),
  lfs: z
    .literal(true)
    .optional()
    .describe("A Git LFS file in ref: git holds a pointer (the stored object's sha256 oid and size) in its place, so its lines are the pointer's (2 added and 2 deleted a new version), not the file's (the note says so)"),
  notInClone: z
    .literal(true)
    .optional()
    .describe('Versions of it are not in this partial clone: its commits are counted, its added and deleted lines are unknown (0 here; the note names the missing objects and how to download them)'),
});

const outputSchema = z.object({
  ref: z.string(),
  since: z.string().describe('Resolved start of the period (ISO, inclusive)'),
  until: z.string().optional().describe('Resolved end of the period (ISO, exclusive)'),
  sortBy: z.enum(['commits', 'lines']),
  commitsScanned: z.number().int().describe('Commits counted: merge commits are not among them (mergesLeftOut)'),
  mergesLeftOut: z.number().int().optional().describe('Merge commits in the period that were not counted (absent when none)'),
  filesChanged: z.number().int().describe('Distinct files changed in the period'),
  files: z.array(fileSchema),
  truncated: z.boolean().describe('True when maxCommits was reached or output was cut, so counts cover only the newest commits'),
  note: z.string().optional(),
});

/** Merges counted for the note; beyond, "more than". */
const MAX_MERGES_COUNTED = 100_000;

interface Churn {
  commits: number;
  added: number;
  deleted: number;
  binary: boolean;
  /** Some version's contents are not in the (partial) clone: its lines are unknown. */
  notInClone: boolean;
  previousPaths: Set<string>;
}

type ChurnInput = z.output<typeof inputSchema>;
type ChurnOutput = z.output<typeof outputSchema>;

export function registerFileChurnTool(server: McpServer, context: GitServerContext): void {
  registerGitTool(server, context, {
    name: 'git_file_churn',
    title: 'Most-changed files (churn)',
    description:
      'Ranks files by how often they changed over a period (commits, lines added and deleted), following renames and leaving out merge commits. Use it for "which files changed most last week", hot spots, risky areas, or where to focus a review. since is inclusive, until exclusive. Reports progress on long histories.',
    input: inputSchema,
    output: outputSchema,
    list: 'files',
    run: readChurn,
  });
}

async function readChurn(input: ChurnInput, repo: Repo, extra: HandlerExtra): Promise<ChurnOutput> {
  const window = resolveWindow(input);
  const path = input.path === undefined ? undefined : resolveRepoPath(repo, input.path, 'path');
  const iso = windowToIso(window);
  const base = { ref: input.ref, since: iso.since ?? '', ...(iso.until ? { until: iso.until } : {}), sortBy: input.sortBy };
  if (input.ref === 'HEAD' && !(await repo.head())) {
    return { ...base, commitsScanned: 0, filesChanged: 0, files: [], truncated: false, note: sentence(await explainNoHead(repo)) };
  }
  const hash = await resolveCommit(repo, input.ref, 'ref');
  const rest = [hash, '--', ...(path ? [path] : [])];
  const fullDiff = path !== undefined && path !== '.';
  const windowArgs = await repoWindowArgs(repo, window);
  const read = await readNumstats(repo, ['--no-merges', ...windowArgs, ...rest], input.maxCommits, extra, fullDiff);
  const merges = await countMerges(repo, [...windowArgs, ...rest]);
  const misread = read.limitHit ? undefined : await misreadDateArgs(repo, window);
  if (misread) {
    // Commits dated before 1970, which git's --until leaves out (misreadDateArgs): read apart, those without a time kept.
    const seen = new Set(read.commits.map((c) => c.hash));
    const older = await readNumstats(repo, ['--no-merges', ...misread, ...rest], input.maxCommits - read.commits.length, extra, fullDiff);
    read.commits.push(...older.commits.filter((c) => c.committedAtMs !== undefined && Number.isNaN(c.committedAtMs) && !seen.has(c.hash)));
    read.truncated ||= older.truncated;
    for (const [blob, file] of older.missing) read.missing.set(blob, file);
  }
  const { limitHit, truncated } = read;
  // git's --since/--until only read 1970-2099: every commit is checked against the exact window here, a commit git
  // printed no time for (before 1970) by the time its object holds.
  const timed = await withRawCommitTimes(repo, read.commits, (c) => c.hash);
  const windowed = timed.filter((c) => c.committedAtMs === undefined || inWindow(c.committedAtMs, window));
  // A shallow clone's edge commit is diffed against the empty tree: every file it holds reads as added by it (a
  // --depth 1 clone, as CI makes, had each file of the repository changed once, the largest ranked first by lines).
  const edges = await shallowEdges(repo);
  const inside = windowed.filter((c) => !edges.has(c.hash));
  const commits = path === undefined || path === '.' ? inside : inside.map((c) => ({ ...c, files: c.files.filter((f) => touchesPath(f, path)) }));
  const ranked = await markLfs(repo, await markSubmodules(repo, rank(tally(commits), input.sortBy), input.top, ['--no-merges', ...windowArgs, hash]), input.top, hash);
  const untouched = ranked.length === 0 && path !== undefined ? await explainUntouchedPath(repo, path, [hash], input.ref) : undefined;
  const notes = [
    futureWindowNote(window),
    limitHit ? `Only the newest ${input.maxCommits} commits were examined; raise maxCommits or shorten the period for complete counts.` : undefined,
    repo.shallow && !limitHit ? 'This is a shallow clone: commits older than its depth are not counted.' : undefined,
    edgeNote(windowed.length - inside.length, windowed.find((c) => edges.has(c.hash))?.hash),
    untouched,
    path !== undefined ? movedInNote(ranked, path) : undefined,
    read.renameNote,
    submodulesNote(ranked.slice(0, input.top)),
    lfsFilesNote(ranked.slice(0, input.top)),
    read.missing.size > 0 ? await notInCloneNote(repo, ranked, read.missing, input.sortBy, `git log --numstat --no-merges --since=${iso.since ?? ''}${iso.until ? ` --until=${iso.until}` : ''} ${hash}`) : undefined,
    mergesNote(merges),
  ].filter(Boolean);
  return {
    ...base,
    commitsScanned: commits.length,
    ...(merges > 0 ? { mergesLeftOut: merges } : {}),
    filesChanged: ranked.length,
    files: ranked.slice(0, input.top),
    truncated: limitHit || truncated,
    ...(notes.length > 0 ? { note: notes.join(' ') } : {}),
  };
}

/**
 * `ranked` with the submodules among its first `top` entries marked (`submodule: true`). Only an entry whose counts a
 * gitlink can give is asked about (each commit adds or deletes at most the one "Subproject commit" line), in one
 * `git log --raw` over `selection` limited to those paths.
 */
async function markSubmodules(repo: Repo, ranked: ChurnOutput['files'], top: number, selection: string[]): Promise<ChurnOutput['files']> {
  const candidates = ranked.slice(0, top).filter((f) => !f.binary && f.added <= f.commits && f.deleted <= f.commits);
  const paths = candidates.flatMap((f) => [f.path, ...(f.previousPaths ?? [])]);
  const submodules = await submodulePaths(repo, selection, paths);
  if (submodules.size === 0) return ranked;
  return ranked.map((f) => (submodules.has(f.path) || f.previousPaths?.some((old) => submodules.has(old)) ? { ...f, submodule: true as const } : f));
}

/**
 * `ranked` with the Git LFS files among its first `top` entries marked (`lfs: true`): those `commit` (the ref) holds as
 * a pointer. Only a text entry whose counts a pointer can give is asked about (each version changes its oid and size
 * lines), in one `ls-tree` and one `cat-file` for the small blobs.
 */
async function markLfs(repo: Repo, ranked: ChurnOutput['files'], top: number, commit: string): Promise<ChurnOutput['files']> {
  const candidates = ranked.slice(0, top).filter((f) => !f.binary && !f.submodule && f.added <= 3 * f.commits && f.deleted <= 3 * f.commits);
  const pointers = await lfsPointersAt(repo, commit, candidates.map((f) => f.path));
  if (pointers.size === 0) return ranked;
  return ranked.map((f) => (pointers.has(f.path) ? { ...f, lfs: true as const } : f));
}

/**
 * The note when a partial clone lacked contents: which ranked files have no line counts (notInClone), what that does to
 * a ranking by lines, and which objects are missing and how to download them.
 */
async function notInCloneNote(repo: Repo, ranked: ChurnOutput['files'], missing: ReadonlyMap<string, string>, sortBy: ChurnInput['sortBy'], terminal: string): Promise<string> {
  const unknown = ranked.filter((f) => f.notInClone).length;
  const which = unknown === 1 ? '1 changed file (notInClone: true) has' : `${unknown} changed files (notInClone: true) have`;
  const order = sortBy === 'lines' ? ', so the ranking by lines places them as if unchanged' : '';
  return `${which} its commits counted but not its lines (0)${order}: versions of it are not in this clone. ${await missingObjectsAdvice(repo, missing, terminal)}`;
}

/** The note for the LFS files among the listed ones: what their line counts are. */
function lfsFilesNote(files: ChurnOutput['files']): string | undefined {
  const marked = files.filter((f) => f.lfs);
  if (marked.length === 0) return undefined;
  const named = marked.slice(0, 3).map((f) => JSON.stringify(f.path)).join(', ');
  const more = marked.length > 3 ? ` and ${marked.length - 3} more` : '';
  const which = marked.length === 1 ? 'is a Git LFS file' : 'are Git LFS files';
  return `${named}${more} ${which} (lfs: true): git holds only a pointer naming the stored object, so the lines counted are the pointer's (its oid and size lines), not the file's content, which is on the LFS server; its commits are the times a new version was stored.`;
}

/** The note for the submodules among the listed files: what their counts are. */
function submodulesNote(files: ChurnOutput['files']): string | undefined {
  const marked = files.filter((f) => f.submodule);
  if (marked.length === 0) return undefined;
  const named = marked.slice(0, 3).map((f) => JSON.stringify(f.path)).join(', ');
  const more = marked.length > 3 ? ` and ${marked.length - 3} more` : '';
  const which = marked.length === 1 ? 'is a submodule' : 'are submodules';
  return `${named}${more} ${which} (submodule: true): its commits here are the times its commit pointer was moved, and its lines that pointer's (one deleted and one added a move), not changes to its files; git_file_churn on the submodule's folder, a repository of its own, ranks those.`;
}

/** How git compares each commit with its parent: no program the repository's config names, no colour. */
const DIFF_OPTIONS = ['--no-ext-diff', '--no-textconv', '--no-color'];

/** Merge commits git selects with `selection` (window, tip, path), at most MAX_MERGES_COUNTED + 1. */
async function countMerges(repo: Repo, selection: string[]): Promise<number> {
  const counted = await gitOrExplain(repo, ['rev-list', '--count', '--merges', `--max-count=${MAX_MERGES_COUNTED + 1}`, ...selection]);
  return Number(counted.stdout.toString('utf8').trim()) || 0;
}

/**
 * Says how many merges the counts leave out: the description said so, the answer did not, and "N commits changed
 * this file" read as every commit of the period when a history of merged pull requests had as many merges again.
 */
function mergesNote(merges: number): string | undefined {
  if (merges === 0) return undefined;
  const count = merges > MAX_MERGES_COUNTED ? `More than ${MAX_MERGES_COUNTED} merge commits` : merges === 1 ? '1 merge commit' : `${merges} merge commits`;
  return `${count} in the period ${merges === 1 ? 'is' : 'are'} not counted (mergesLeftOut): each change is counted once, on the commit that made it, and a merge's own edits (conflict resolutions) are left out.`;
}

/** For `count` shallow-edge commits of the period left out of the counts (the first of them `example`). */
function edgeNote(count: number, example: string | undefined): string | undefined {
  if (count === 0 || example === undefined) return undefined;
  const which = count === 1 ? `Its oldest commit here (${example.slice(0, 7)}) is` : `${count} commits at its edge (such as ${example.slice(0, 7)}) are`;
  return `${which} left out: the clone lacks ${count === 1 ? 'its parent' : 'their parents'}, so git can only compare ${count === 1 ? 'it' : 'them'} with an empty tree, which names every file ${count === 1 ? 'it holds' : 'they hold'} as changed. \`git fetch --unshallow\` (or a deeper fetch) gives complete counts.`;
}

/** With a path: git selected only commits touching it, so a file moved in from outside has its earlier commits uncounted. */
function movedInNote(files: ChurnOutput['files'], path: string): string | undefined {
  const moved = files.filter((f) => f.previousPaths?.some((old) => !touchesPath({ path: old, added: 0, deleted: 0, binary: false }, path)));
  if (moved.length === 0) return undefined;
  const example = moved[0];
  return `${moved.length} of these files came into ${JSON.stringify(path)} by a rename (${JSON.stringify(example.previousPaths?.[0])} to ${JSON.stringify(example.path)}): commits made under the old name are not counted here; ask with that path for them.`;
}

/**
 * Whether a file stat read with --full-diff belongs to `path` (a file, or a folder and everything below it): its new
 * name or, for a file moved in or out, its old name is there.
 */
function touchesPath(file: FileStat, path: string): boolean {
  const under = (name: string) => name === path || name.startsWith(`${path}/`);
  return under(file.path) || (file.oldPath !== undefined && under(file.oldPath));
}

/**
 * Counts the selected commits first (for progress and the limit), then reads their numstats newest first.
 * With `fullDiff` (a path was given) git diffs each selected commit whole instead of only under the path: limited to
 * the path, git never sees the other side of a rename, so a file renamed into it counted as every line added again
 * (a pure rename of a 200-line file: "200 lines added") and one moved out as every line deleted. The caller keeps the
 * files under the path.
 */
async function readNumstats(
  repo: Repo,
  selection: string[],
  maxCommits: number,
  extra: HandlerExtra,
  fullDiff: boolean,
): Promise<{ commits: Array<NumstatCommit & { files: PartialFileStat[] }>; limitHit: boolean; truncated: boolean; missing: Map<string, string>; renameNote?: string }> {
  const countResult = await gitOrExplain(repo, ['rev-list', '--count', `--max-count=${maxCommits + 1}`, ...selection]);
  const matching = Number(countResult.stdout.toString('utf8').trim()) || 0;
  const limitHit = matching > maxCommits;
  const total = Math.min(matching, maxCommits);
  const report = progressReporter(extra, total);
  await report(0, `examining ${total} commits`);
  const tick = throttleProgress(report);
  let seen = 0;
  const onStdout = (chunk: Buffer) => {
    for (let at = chunk.indexOf(0x1e); at >= 0; at = chunk.indexOf(0x1e, at + 1)) seen++;
    tick(Math.min(seen, total), `${Math.min(seen, total)} of ${total} commits`);
  };
  const options = { maxBytes: 32 * 1024 * 1024, timeoutMs: 60_000, onStdout };
  const read = await repo
    .git(['log', '--numstat', '-z', '-M', ...(fullDiff ? ['--full-diff'] : []), ...DIFF_OPTIONS, `--format=${NUMSTAT_COMMIT_MARK}%H %ct`, `--max-count=${maxCommits}`, ...selection], options)
    .then((result) => ({ commits: parseNumstat(result.stdout.toString('utf8'), true), truncated: result.truncated, stderr: result.stderr, missing: new Map<string, string>() }))
    .catch(async (error: unknown) => {
      if (!isMissingObjectFailure(error)) throw explainGitFailure(error, repo.root);
      seen = 0;
      return readWithoutMissing(repo, selection, maxCommits, fullDiff, options).catch((failure: unknown) => Promise.reject(explainGitFailure(failure, repo.root)));
    });
  await report(total, `${read.commits.length} of ${total} commits examined`);
  const renameNote = renameLimitNote(read.stderr);
  return { commits: read.commits, limitHit, truncated: read.truncated, missing: read.missing, ...(renameNote ? { renameNote } : {}) };
}

/**
 * readNumstats' reading in a partial clone that lacks contents it needs (git's numstat fails whole on the first one):
 * which files each commit changed comes from `git log --raw` (object ids only; renames found when the contents are the
 * same), and lines are counted, in one more `git log --numstat` over those commits, for the files whose every version
 * there is in the clone. The others are listed with `notInClone: true` and 0 lines; `missing` names their absent blobs.
 */
async function readWithoutMissing(
  repo: Repo,
  selection: string[],
  maxCommits: number,
  fullDiff: boolean,
  options: { maxBytes: number; timeoutMs: number; onStdout: (chunk: Buffer) => void },
): Promise<{ commits: Array<NumstatCommit & { files: PartialFileStat[] }>; truncated: boolean; stderr: string; missing: Map<string, string> }> {
  const rawArgs = ['log', '--raw', '-z', '--no-abbrev', '-M100%', ...(fullDiff ? ['--full-diff'] : []), `--format=${RAW_COMMIT_FORMAT}`, `--max-count=${maxCommits}`, ...selection];
  const raw = await repo.git(rawArgs, options);
  const rawCommits = parseRawLog(raw.stdout.toString('utf8'));
  const paths = [...new Set(rawCommits.flatMap((c) => c.changes.flatMap((change) => [change.path, ...(change.oldPath ? [change.oldPath] : [])])))];
  const absent = await missingBlobs(repo, rawCommits.flatMap((c) => [c.hash, ...c.parents.slice(0, 1)]), paths);
  const missing = new Map<string, string>();
  const lacking = new Set<string>();
  for (const change of rawCommits.flatMap((c) => c.changes)) {
    for (const [blob, path] of [[change.before, change.oldPath ?? change.path], [change.after, change.path]] as const) {
      if (blob === undefined || !absent.has(blob)) continue;
      missing.set(blob, path);
      lacking.add(change.path).add(change.oldPath ?? change.path);
    }
  }
  const countable = paths.filter((path) => !lacking.has(path));
  const counted = new Map<string, FileStat[]>();
  let stderr = raw.stderr;
  let truncated = raw.truncated;
  if (countable.length > 0 && rawCommits.length > 0) {
    // The same commits (--no-walk: no others), each against its first parent as above, only the countable paths diffed.
    const input = Buffer.from(`${[...rawCommits.map((c) => c.hash), '--', ...countable].join('\n')}\n`, 'utf8');
    const numstat = await repo.git(['log', '--numstat', '-z', '-M', '--no-walk', '--stdin', ...DIFF_OPTIONS, `--format=${NUMSTAT_COMMIT_MARK}%H %ct`], { ...options, onStdout: undefined, input });
    for (const commit of parseNumstat(numstat.stdout.toString('utf8'), true)) counted.set(commit.hash, commit.files);
    stderr += numstat.stderr;
    truncated ||= numstat.truncated;
  }
  const commits = rawCommits.map((c) => {
    const uncounted = c.changes.filter((change) => lacking.has(change.path) || (change.oldPath !== undefined && lacking.has(change.oldPath)));
    const unknown = uncounted.map((change): PartialFileStat => ({ path: change.path, ...(change.oldPath ? { oldPath: change.oldPath } : {}), added: 0, deleted: 0, binary: false, notInClone: true }));
    return { hash: c.hash, committedAtMs: c.committedAtMs, files: [...(counted.get(c.hash) ?? []), ...unknown] };
  });
  return { commits, truncated, stderr, missing };
}

function rank(churn: Map<string, Churn>, sortBy: ChurnInput['sortBy']): ChurnOutput['files'] {
  return [...churn.entries()]
    .map(([name, c]) => ({
      ...listedPath(name),
      commits: c.commits,
      added: c.added,
      deleted: c.deleted,
      lines: c.added + c.deleted,
      binary: c.binary,
      ...(c.notInClone ? { notInClone: true as const } : {}),
      ...(c.previousPaths.size > 0 ? { previousPaths: [...c.previousPaths] } : {}),
    }))
    .sort((a, b) => (sortBy === 'lines' ? b.lines - a.lines || b.commits - a.commits : b.commits - a.commits || b.lines - a.lines) || a.path.localeCompare(b.path));
}

/** Sums stats per file; commits come newest first, so a rename folds the older name into the newer one. */
function tally(commits: Array<NumstatCommit & { files: PartialFileStat[] }>): Map<string, Churn> {
  const churn = new Map<string, Churn>();
  const renamedTo = new Map<string, string>();
  const currentName = (path: string) => renamedTo.get(path) ?? path;
  for (const commit of commits) {
    const touched = new Set<string>();
    for (const file of commit.files) {
      const name = currentName(file.path);
      let entry = churn.get(name);
      if (!entry) {
        entry = { commits: 0, added: 0, deleted: 0, binary: false, notInClone: false, previousPaths: new Set() };
        churn.set(name, entry);
      }
      if (!touched.has(name)) {
        entry.commits++;
        touched.add(name);
      }
      entry.added += file.added;
      entry.deleted += file.deleted;
      entry.binary ||= file.binary;
      entry.notInClone ||= file.notInClone === true;
      if (file.oldPath !== undefined && file.oldPath !== file.path) {
        entry.previousPaths.add(file.oldPath);
        renamedTo.set(file.oldPath, name);
      }
    }
  }
  return churn;
}
