import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { UserFacingError } from '../../shared/tool-result';
import { sanitizeLine } from '../../shared/sanitize';
import { unsafeFileReason } from '../repo/unsafe-files';
import type { GitServerContext } from '../context';
import { explainGitFailure, type Repo } from '../repo/repo';
import { isMissingObjectFailure, missingObjectsAdvice, missingVersions } from '../repo/partial-clone';
import { enclosingSubmodule, treeEntry } from '../repo/tree-entry';
import { rawCommitDates } from '../repo/raw-dates';
import { GitCommandError } from '../repo/run';
import { resolveCommit, resolveRepoPath, subfolderHint } from '../repo/validate';
import { unquoteGitPath } from '../repo/parse';
import { describePointer, parseLfsPointer } from '../repo/lfs-pointers';
import { decodeFileText, fileTextNote } from '../repo/legacy-text';
import { registerGitTool } from './register';
import { refInput } from './schemas';

const MAX_SPAN = 500;
/** How much of a file git looks at to call it binary (xdiff's FIRST_FEW_BYTES). */
const FIRST_FEW_BYTES = 8000;

const inputSchema = z.object({
  path: z.string().min(1).max(4096).describe('File to blame, relative to the repository root'),
  startLine: z.number().int().min(1).max(10_000_000).default(1).describe('First line (1-based)'),
  endLine: z.number().int().min(1).max(10_000_000).optional().describe(`Last line, inclusive (default startLine + 99; at most ${MAX_SPAN} lines per call)`),
  ref: refInput('Version of the file to blame').default('HEAD'),
  ignoreWhitespace: z.boolean().default(false).describe('Ignore whitespace-only changes when finding who last changed a line'),
});

const lineSchema = z.object({
  line: z.number().int(),
  hash: z.string(),
  shortHash: z.string(),
  author: z.string(),
  email: z.string(),
  date: z.string().describe('Author date, ISO 8601'),
  summary: z.string().describe('Subject of the commit that last changed the line'),
  originalPath: z.string().optional().describe('Exact path of the file in that commit when it differs (renamed since)'),
  boundary: z.boolean().optional().describe("True in a shallow clone when the commit is the clone's oldest: the line was last changed there or in an earlier commit the clone lacks"),
  content: z.string(),
});

const outputSchema = z.object({
  path: z.string(),
  ref: z.string(),
  commit: z.string().describe('Full hash of the blamed version'),
  startLine: z.number().int(),
  endLine: z.number().int(),
  lines: z.array(lineSchema),
  truncated: z.boolean().describe('True when fewer lines than asked are listed (the output budget cut them): nextStartLine gives the rest'),
  nextStartLine: z.number().int().optional().describe('When truncated: pass it as startLine (same endLine) for the lines not listed'),
  note: z.string().optional(),
});

interface CommitInfo {
  author: string;
  email: string;
  date: string;
  summary: string;
  filename?: string;
}

type BlameInput = z.output<typeof inputSchema>;
type BlameOutput = z.output<typeof outputSchema>;

export function registerBlameTool(server: McpServer, context: GitServerContext): void {
  registerGitTool(server, context, {
    name: 'git_blame',
    title: 'Git blame for a line range',
    description:
      'For each line in a range of a file: the commit, author, date and commit subject that last changed it. Use it for "who wrote this code", "when did this line change", or to find the commit behind a bug before calling git_show. Works on committed content (default HEAD).',
    input: inputSchema,
    output: outputSchema,
    list: 'lines',
    check: checkOrder,
    run: blameRange,
    finish: async (kept) => restOfRange(kept),
  });
}

/**
 * After the budget cut: endLine is the last line listed (it was the last line git gave, which the cut may have left
 * out: "lines 1-500" over a list that stops at 212 would say the rest was seen), and where the rest starts.
 */
export function restOfRange(kept: BlameOutput): BlameOutput {
  if (!kept.truncated) return kept;
  const last = kept.lines.at(-1)?.line ?? kept.startLine - 1;
  return { ...kept, endLine: Math.max(kept.startLine, last), nextStartLine: last + 1 };
}

/** Throws when endLine is before startLine (before any git runs). */
function checkOrder(input: BlameInput): void {
  if (input.endLine !== undefined && input.endLine < input.startLine) throw new UserFacingError(`endLine (${input.endLine}) is before startLine (${input.startLine}).`);
}

/**
 * The last line to blame: the one asked for (default startLine + 99), or the file's last when it asks past the end and
 * only that makes the range longer than MAX_SPAN (`endLine: 100000` for "to the end"). Throws when the range is inverted
 * or longer than MAX_SPAN within the file. Reads the file's blob only in that last case.
 */
async function lastLine(input: BlameInput, repo: Repo, commit: string, path: string): Promise<number> {
  checkOrder(input);
  const endLine = input.endLine ?? input.startLine + 99;
  if (endLine - input.startLine + 1 <= MAX_SPAN) return endLine;
  const lines = await lineCount(repo, commit, path);
  if (lines?.whole && lines.count < endLine && lines.count - input.startLine + 1 <= MAX_SPAN) return Math.max(lines.count, input.startLine);
  throw new UserFacingError(`at most ${MAX_SPAN} lines per call; narrow startLine..endLine (asked for ${endLine - input.startLine + 1}).`);
}

async function blameRange(input: BlameInput, repo: Repo): Promise<BlameOutput> {
  const commit = await resolveCommit(repo, input.ref, 'ref');
  const path = resolveRepoPath(repo, input.path, 'path');
  await requireFile(repo, commit, path, input.ref);
  const endLine = await lastLine(input, repo, commit, path);
  // git clamps the end to the file; a start past the end is an error that names the length.
  const ignored = repo.bare ? await bareIgnoreRevs(repo, commit) : await ignoreRevsFiles(repo);
  // --no-ignore-revs-file drops the configured list (a missing file in it fails the whole blame); the files that
  // exist come back one by one, and in a bare repository the commits read from the blamed commit's files.
  const ignoring =
    ignored === undefined
      ? []
      : ['--no-ignore-revs-file', ...ignored.files.flatMap((f) => ['--ignore-revs-file', f]), ...(ignored.revs ?? []).flatMap((rev) => ['--ignore-rev', rev])];
  const args = ['blame', '--line-porcelain', '--no-textconv', '-L', `${input.startLine},${endLine}`, ...ignoring];
  if (input.ignoreWhitespace) args.push('-w');
  args.push(commit, '--', path);
  const result = await repo.git(args, { maxBytes: 4 * 1024 * 1024, okExitCodes: [0, 128] });
  if (result.exitCode !== 0 && !result.truncated) {
    const length = /has only (\d+) lines?/.exec(result.stderr);
    if (length) throw new UserFacingError(`startLine ${input.startLine} is past the end of ${path}, which has ${length[1]} lines in ${input.ref}.`);
    const failure = new GitCommandError(result.exitCode, result.stderr);
    if (isMissingObjectFailure(failure)) throw await partialCloneBlame(repo, commit, path, input.ref);
    throw explainGitFailure(failure, repo.root);
  }
  const text = decodeFileText(result.stdout);
  const lines = await withShortHashes(repo, await withObjectDates(repo, parseLinePorcelain(text.text, path, repo.shallow)));
  const atBoundary = lines.filter((l) => l.boundary).length;
  // In a full clone the boundary is the first commit, and its lines are its own; in a shallow one it stands for the history cut off.
  const notes = [
    fileTextNote('these lines', text),
    atBoundary
      ? `This is a shallow clone: ${atBoundary} of these lines are attributed to its oldest commit (boundary: true) because the history before it is not here; they were last changed there or earlier. \`git fetch --unshallow\` gives the real authors.`
      : undefined,
    ignored !== undefined && ignored.files.length > 0
      ? `Commits listed in ${ignored.files.map((f) => JSON.stringify(sanitizeLine(f, 200))).join(', ')} (blame.ignoreRevsFile) are skipped: lines they changed are attributed to the commits before them.`
      : undefined,
    ignored?.fromCommit !== undefined && ignored.fromCommit.length > 0
      ? `Commits listed in ${ignored.fromCommit.map((f) => JSON.stringify(sanitizeLine(f, 200))).join(', ')} (blame.ignoreRevsFile, read from ${sanitizeLine(input.ref, 200)}, as this bare repository has no working tree) are skipped: lines they changed are attributed to the commits before them.`
      : undefined,
    ignored?.notInCommit !== undefined && ignored.notInCommit.length > 0
      ? `blame.ignoreRevsFile names ${ignored.notInCommit.map((f) => JSON.stringify(sanitizeLine(f, 200))).join(', ')}, which ${sanitizeLine(input.ref, 200)} does not hold as a file (this bare repository has no working tree to read it from): the commits it would list are not skipped here.`
      : undefined,
    ...(ignored?.unsafe ?? []).map(
      ({ file, why }) =>
        `blame.ignoreRevsFile names ${JSON.stringify(sanitizeLine(file, 200))}, which is ${why}, so it was not read: the commits it would list are not skipped here.`,
    ),
    ignored !== undefined && ignored.outside.length > 0
      ? `blame.ignoreRevsFile also names ${ignored.outside.map((f) => JSON.stringify(sanitizeLine(f, 200))).join(', ')}, outside the working tree, which is not read: the commits listed there are not skipped here, as git blame would skip them.`
      : undefined,
    input.endLine === undefined && !result.truncated && lines.at(-1)?.line === endLine ? await restNote(repo, commit, path, endLine) : undefined,
    // git stops at the file's last line: say so, or a blame to line 50 of a 6-line file reads as if lines 7-50 were asked away.
    input.endLine !== undefined && !result.truncated && lines.length > 0 && lines.at(-1)!.line < input.endLine
      ? `endLine ${input.endLine} is past the end of ${sanitizeLine(path, 200)}, which has ${lines.at(-1)!.line} lines in ${sanitizeLine(input.ref, 200)}: the blame stops at its last line, ${lines.at(-1)!.line}.`
      : undefined,
  ].filter(Boolean);
  const note = notes.length > 0 ? notes.join(' ') : undefined;
  return { path, ref: input.ref, commit, startLine: input.startLine, endLine: lines.at(-1)?.line ?? input.startLine, lines, truncated: result.truncated, ...(note ? { note } : {}) };
}

/**
 * When the default window (no endLine) ended at `endLine` and the file goes on: how many lines it has and where the
 * rest starts. Without it a blame of the first 100 lines of a longer file looked like the whole file's (truncated:
 * false, no word of the rest). Reads the blob (up to 16 MiB; past that it says only that more lines follow).
 */
async function restNote(repo: Repo, commit: string, path: string, endLine: number): Promise<string | undefined> {
  const lines = await lineCount(repo, commit, path);
  if (lines === undefined || (lines.whole && lines.count <= endLine)) return undefined;
  const total = lines.whole ? `${lines.count} lines` : 'more lines';
  return `Lines ${endLine + 1} on are not listed (the file has ${total}; without endLine a blame covers 100 lines): ask with startLine ${endLine + 1} and an endLine for the rest.`;
}

/**
 * The number of lines of `path` in `commit` (a last line without a newline counts), from its blob's first 16 MiB:
 * `whole` false when the blob is longer (then `count` is of those bytes only); undefined when git cannot read it.
 */
async function lineCount(repo: Repo, commit: string, path: string): Promise<{ count: number; whole: boolean } | undefined> {
  const blob = await repo.git(['cat-file', 'blob', `${commit}:${path}`], { maxBytes: 16 * 1024 * 1024, okExitCodes: [0, 128] });
  if (blob.exitCode !== 0 && !blob.truncated) return undefined;
  const text = blob.stdout;
  let count = 0;
  for (let i = text.indexOf(10); i >= 0; i = text.indexOf(10, i + 1)) count++;
  if (text.length > 0 && text[text.length - 1] !== 10) count++; // a last line without a newline
  return { count, whole: !blob.truncated };
}

/**
 * The blame.ignoreRevsFile files to give git again, or undefined when none is set (git then needs no help). Many set
 * it globally (`.git-blame-ignore-revs`, GitHub's convention), and git blame fails outright in every repository without
 * that file ("could not open object name list"): the caller drops git's list and gives back the files that exist.
 * Relative names are read from the repository's root, where git runs; an empty value resets what came before it. A
 * file outside the working tree is left out: git's error on a line it cannot read would quote that file's text.
 */
async function ignoreRevsFiles(repo: Repo): Promise<IgnoredRevs | undefined> {
  const set = await repo.git(['config', '--path', '--get-all', 'blame.ignoreRevsFile'], { okExitCodes: [0, 1] });
  const values = set.exitCode === 0 ? set.stdout.toString('utf8').split('\n').slice(0, -1) : [];
  if (values.length === 0) return undefined;
  const effective = values.slice(values.lastIndexOf('') + 1);
  const inside = effective.filter((file) => insideRepository(repo, file));
  const outside = effective.filter((file) => !inside.includes(file) && existsSync(resolve(repo.root, file)));
  // git reads the list whatever it is: a FIFO would keep blame waiting until its time limit (unsafe-files.ts).
  const unsafe = inside.flatMap((file) => {
    const why = unsafeFileReason(resolve(repo.root, file), IGNORE_REVS_MAX_BYTES);
    return why === undefined ? [] : [{ file, why }];
  });
  return { files: inside.filter((file) => !unsafe.some((u) => u.file === file)), outside, unsafe };
}

/** What blame.ignoreRevsFile gives a blame: files for git to read, commits read here, and what was left out and why. */
interface IgnoredRevs {
  files: string[];
  outside: string[];
  unsafe: Array<{ file: string; why: string }>;
  /** Bare repository: commits read from the files below, given as --ignore-rev. */
  revs?: string[];
  /** Bare repository: the relative names read from the blamed commit. */
  fromCommit?: string[];
  /** Bare repository: relative names the blamed commit does not hold as a file. */
  notInCommit?: string[];
}

/** Most commits read from a bare repository's ignore files; more than any real list of reformatting commits. */
const MAX_IGNORED_REVS = 10_000;

/**
 * blame.ignoreRevsFile in a bare repository: git reads a relative name from its folder, the git folder, where the
 * project's `.git-blame-ignore-revs` never is, and drops the list or fails. The file is the project's, so it is read
 * from the commit being blamed (one `cat-file`, under IGNORE_REVS_MAX_BYTES) and its commits given as `--ignore-rev`
 * (at most MAX_IGNORED_REVS; lines as git reads them: a full hash each, `#` comments and blank lines skipped). An
 * absolute name is outside the repository, as in ignoreRevsFiles. Undefined when none is set.
 */
async function bareIgnoreRevs(repo: Repo, commit: string): Promise<IgnoredRevs | undefined> {
  const set = await repo.git(['config', '--path', '--get-all', 'blame.ignoreRevsFile'], { okExitCodes: [0, 1] });
  const values = set.exitCode === 0 ? set.stdout.toString('utf8').split('\n').slice(0, -1) : [];
  if (values.length === 0) return undefined;
  const effective = values.slice(values.lastIndexOf('') + 1);
  const result: IgnoredRevs = { files: [], outside: [], unsafe: [], revs: [], fromCommit: [], notInCommit: [] };
  for (const file of effective) {
    if (isAbsolute(file)) {
      if (existsSync(file)) result.outside.push(file);
      continue;
    }
    let path: string;
    try {
      path = resolveRepoPath(repo, file, 'blame.ignoreRevsFile');
    } catch {
      result.notInCommit!.push(file);
      continue;
    }
    const entry = await treeEntry(repo, commit, path);
    const blob = entry?.type === 'blob' ? await repo.git(['cat-file', 'blob', entry.object], { maxBytes: IGNORE_REVS_MAX_BYTES, okExitCodes: [0, 128] }) : undefined;
    if (blob === undefined || blob.exitCode !== 0) {
      result.notInCommit!.push(file);
      continue;
    }
    if (blob.truncated) {
      result.unsafe.push({ file, why: `larger than ${IGNORE_REVS_MAX_BYTES} bytes in the blamed commit` });
      continue;
    }
    result.fromCommit!.push(file);
    for (const line of blob.stdout.toString('utf8').split('\n')) {
      const rev = line.replace(/#.*/, '').trim();
      if (/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(rev) && result.revs!.length < MAX_IGNORED_REVS && !result.revs!.includes(rev)) result.revs!.push(rev);
    }
  }
  return result;
}

/** Largest blame.ignoreRevsFile read: a list of commit hashes (41 bytes a line), far above any real one. */
const IGNORE_REVS_MAX_BYTES = 16 * 1024 * 1024;

/** Whether `file` (as git reads it, from the root) exists inside the working tree: validate.ts's path rule, which follows links. */
function insideRepository(repo: Repo, file: string): boolean {
  try {
    resolveRepoPath(repo, resolve(repo.root, file), 'blame.ignoreRevsFile');
  } catch {
    return false;
  }
  return existsSync(resolve(repo.root, file));
}

/**
 * The error for a blame a partial clone cannot give: git blame reads every earlier version of the file, and the clone
 * lacks some (named, with how to download them). What needs no contents still answers: git_log with the path.
 */
async function partialCloneBlame(repo: Repo, commit: string, path: string, refLabel: string): Promise<UserFacingError> {
  const missing = await missingVersions(repo, commit, path);
  const advice =
    missing.size > 0
      ? await missingObjectsAdvice(repo, missing, `git blame ${commit} -- ${path}`)
      : 'This is a partial clone (made with --filter) that lacks contents git blame needs, and this server never downloads; `git blame` run in a terminal downloads them (git fetches what a read needs), then ask again.';
  return new UserFacingError(
    `cannot blame '${sanitizeLine(path, 300)}' in ${sanitizeLine(refLabel, 200)}: git blame reads every earlier version of the file, and not all of them are here. ${advice} git_log with this path lists the commits that changed it meanwhile (it needs no file contents).`,
  );
}

/** Throws a UserFacingError unless `path` is a file (blob) in `commit`. */
async function requireFile(repo: Repo, commit: string, path: string, refLabel: string): Promise<void> {
  const entry = await treeEntry(repo, commit, path);
  if (entry === undefined) {
    const submodule = await enclosingSubmodule(repo, commit, path);
    if (submodule) {
      throw new UserFacingError(
        `path: '${path}' is inside the submodule '${submodule.path}' (a repository of its own, at commit ${submodule.commit.slice(0, 12)} in ${refLabel}), whose files this repository does not hold; to blame it, open the submodule as a repository (REPO_PATH, or an entry of REPO_PATHS, set to ${join(repo.root, submodule.path)}) and pass '${path.slice(submodule.path.length + 1)}'.`,
      );
    }
    const hint = subfolderHint(repo, path);
    throw new UserFacingError(`path: '${path}' does not exist in ${refLabel}; check the name with git_log or git_show${hint === '' ? '' : ` (paths are relative to the repository root${hint})`}.`);
  }
  if (entry.type === 'commit') {
    throw new UserFacingError(
      `path: '${path}' is a submodule (a repository of its own, at commit ${entry.object.slice(0, 12)} in ${refLabel}), not a file; blame a file inside it by opening the submodule as a repository (REPO_PATH, or an entry of REPO_PATHS, set to ${join(repo.root, path)}).`,
    );
  }
  if (entry.type === 'tree') throw new UserFacingError(`path: '${path}' is a folder, not a file.`);
  // git blames a binary file line by line all the same, cutting it at stray newline bytes: the lines would be garbage.
  // Judged from the content at the ref as git's own heuristic does (a NUL in the first 8,000 bytes: images, UTF-16
  // text), not from diff attributes: lockfiles marked `-diff` or `binary` are text and `git blame` blames them.
  const head = await repo.git(['cat-file', 'blob', entry.object], { maxBytes: FIRST_FEW_BYTES }).catch(async (error: unknown) => {
    throw isMissingObjectFailure(error) ? await partialCloneBlame(repo, commit, path, refLabel) : explainGitFailure(error, repo.root);
  });
  if (head.stdout.includes(0)) {
    throw new UserFacingError(
      `path: '${path}' is binary in ${refLabel} (a NUL byte in its first ${FIRST_FEW_BYTES} bytes, as in images or UTF-16 text), so it has no lines to blame; git_log with this path lists the commits that changed it.`,
    );
  }
  // Its lines would be the pointer's three (version, oid, size), listed as if they were the file's content.
  const pointer = !head.truncated ? parseLfsPointer(head.stdout) : undefined;
  if (pointer) {
    throw new UserFacingError(
      `path: '${path}' is a Git LFS file in ${refLabel}: git holds only a pointer to the stored object (${describePointer(pointer)}), whose content is on the LFS server, not in git, so there are no lines of it to blame; git_log with this path lists the commits that changed it (each a new version of the object).`,
    );
  }
}

/** `git blame --line-porcelain` output as lines; `shallow`: mark lines of boundary commits (the history cut off). */
function parseLinePorcelain(output: string, path: string, shallow: boolean): z.infer<typeof lineSchema>[] {
  const lines: z.infer<typeof lineSchema>[] = [];
  const known = new Map<string, CommitInfo>();
  let hash = '';
  let finalLine = 0;
  let info: Partial<CommitInfo> & { time?: number; tz?: string } = {};
  const boundaries = new Set<string>();
  for (const raw of output.split('\n')) {
    if (raw.startsWith('\t')) {
      const commit: CommitInfo = {
        author: info.author ?? '',
        email: info.email ?? '',
        // git prints a date before 1970 (negative seconds) as time 0 in zone "(unknown)": left empty, read from the object.
        date: info.time === undefined || !/^[+-]\d{4}$/.test(info.tz ?? '') ? '' : isoWithOffset(info.time, info.tz ?? '+0000'),
        summary: info.summary ?? '',
        ...(info.filename !== undefined ? { filename: info.filename } : {}),
      };
      known.set(hash, commit);
      lines.push({
        line: finalLine,
        hash,
        shortHash: hash.slice(0, 7),
        author: sanitizeLine(commit.author, 200),
        email: sanitizeLine(commit.email, 200),
        date: commit.date,
        summary: sanitizeLine(commit.summary, 500),
        ...(commit.filename !== undefined && commit.filename !== path ? { originalPath: commit.filename } : {}),
        ...(shallow && boundaries.has(hash) ? { boundary: true } : {}),
        content: sanitizeLine(raw.slice(1), 1000),
      });
      continue;
    }
    const header = /^([0-9a-f]{40,64}) \d+ (\d+)(?: \d+)?$/.exec(raw);
    if (header) {
      hash = header[1];
      finalLine = Number(header[2]);
      info = { ...(known.get(hash) ?? {}) };
      continue;
    }
    const space = raw.indexOf(' ');
    const key = space < 0 ? raw : raw.slice(0, space);
    const value = space < 0 ? '' : raw.slice(space + 1);
    if (key === 'author') info.author = value;
    else if (key === 'author-mail') info.email = value.replace(/^<|>$/g, '');
    else if (key === 'author-time') info.time = Number(value);
    else if (key === 'author-tz') info.tz = value;
    else if (key === 'summary') info.summary = value;
    else if (key === 'filename') info.filename = unquoteGitPath(value);
    else if (key === 'boundary') boundaries.add(hash);
  }
  return lines;
}

/**
 * `lines` with git's own short hashes (`git rev-parse --short`, one call for all): as long as needed to be unique in
 * this repository and at least core.abbrev, as git_log and git_show print them. The porcelain gives full hashes only, and
 * a fixed 7 characters can name several objects in a large repository, so passed back it would be refused as ambiguous.
 */
async function withShortHashes(repo: Repo, lines: z.infer<typeof lineSchema>[]): Promise<z.infer<typeof lineSchema>[]> {
  const hashes = [...new Set(lines.map((l) => l.hash))];
  if (hashes.length === 0) return lines;
  const result = await repo.git(['rev-parse', '--short', ...hashes], { okExitCodes: [0, 128] });
  const shorts = result.stdout.toString('utf8').split('\n');
  if (result.exitCode !== 0 || shorts.length < hashes.length) return lines;
  const byHash = new Map(hashes.map((hash, i) => [hash, shorts[i]]));
  return lines.map((l) => {
    const short = byHash.get(l.hash);
    return short && l.hash.startsWith(short) ? { ...l, shortHash: short } : l;
  });
}

/** `lines` with each date git could not print (empty) read from the commit object: one `git cat-file` per such commit. */
async function withObjectDates(repo: Repo, lines: z.infer<typeof lineSchema>[]): Promise<z.infer<typeof lineSchema>[]> {
  const undated = [...new Set(lines.filter((l) => l.date === '').map((l) => l.hash))];
  if (undated.length === 0) return lines;
  const dates = new Map(await Promise.all(undated.map(async (hash) => [hash, (await rawCommitDates(repo, hash)).author ?? ''] as const)));
  return lines.map((l) => (l.date === '' ? { ...l, date: dates.get(l.hash) ?? '' } : l));
}

/** Unix seconds plus a "+0900"-style zone as ISO 8601 in that zone, like git's %aI. */
function isoWithOffset(seconds: number, tz: string): string {
  const match = /^([+-])(\d{2})(\d{2})$/.exec(tz);
  const offsetMinutes = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  const local = new Date((seconds + offsetMinutes * 60) * 1000).toISOString().slice(0, 19);
  const zone = match ? `${match[1]}${match[2]}:${match[3]}` : '+00:00';
  return `${local}${zone}`;
}
