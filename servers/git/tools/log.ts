import { z } from 'zod';
import { sanitizeLine } from '../../shared/sanitize';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { inWindow, resolveWindow, timeFields, windowToIso, type TimeWindow } from '../../shared/time-window';
import type { GitServerContext } from '../context';
import { parseTimedCommitList, TIMED_COMMIT_FORMAT, TIMED_MESSAGE_FORMAT, type CommitSummary, type TimedCommit } from '../repo/parse';
import { explainNoHead, gitOrExplain, sentence, type Repo } from '../repo/repo';
import { explainUntouchedPath, plainText, resolveRange, resolveRepoPath } from '../repo/validate';
import { misreadDateArgs, repoWindowArgs } from '../repo/window';
import { withRawCommitTimes, withRawDates } from '../repo/raw-dates';
import { registerGitTool } from './register';
import { commitSchema, pathInput } from './schemas';

const inputSchema = z.object({
  count: z.number().int().min(1).max(500).default(20).describe('How many commits to return, newest first (1-500)'),
  ref: z
    .string()
    .min(1)
    .max(520)
    .optional()
    .describe('Where to start: a branch, tag or commit (default HEAD), or a range A..B for commits in B that are not in A'),
  author: z.string().min(1).max(200).optional().describe('Only commits whose author name or email contains this text (case-insensitive)'),
  grep: z.string().min(1).max(200).optional().describe('Only commits whose message contains this text (case-insensitive)'),
  ...timeFields('commits (by committer date)'),
  path: pathInput.optional().describe('Only commits touching this file or folder (relative to the repository root)'),
  includeMerges: z.boolean().default(true).describe('Set false to leave out merge commits'),
});

const outputSchema = z.object({
  ref: z.string(),
  commits: z.array(commitSchema),
  returned: z.number().int(),
  truncated: z.boolean().describe('True when more commits matched than were returned'),
  since: z.string().optional().describe('The resolved start of the window (ISO, inclusive)'),
  until: z.string().optional().describe('The resolved end of the window (ISO, exclusive)'),
  shallow: z.boolean().describe('True when the clone is shallow and older history is missing'),
  note: z.string().optional(),
});

type LogInput = z.output<typeof inputSchema>;
type LogOutput = z.output<typeof outputSchema>;

export function registerLogTool(server: McpServer, context: GitServerContext): void {
  registerGitTool(server, context, {
    name: 'git_log',
    title: 'Git commit history',
    description:
      'List commits (hash, author, email, date, subject), newest first. Use it to answer "what changed recently", "who committed to X", "commits since last week", or "what is on branch B but not on main" (ref "main..B"). Filter by author, message text, date window (since inclusive, until exclusive), or a file/folder path.',
    input: inputSchema,
    output: outputSchema,
    list: 'commits',
    run: readLog,
  });
}

async function readLog(input: LogInput, repo: Repo): Promise<LogOutput> {
  const window = resolveWindow(input);
  const path = input.path === undefined ? undefined : resolveRepoPath(repo, input.path, 'path');
  const head = await repo.head();
  if (!head && input.ref === undefined) {
    return { ref: 'HEAD', commits: [], returned: 0, truncated: false, shallow: repo.shallow, note: sentence(await explainNoHead(repo)), ...windowToIso(window) };
  }
  const range = await resolveRange(repo, input.ref ?? 'HEAD', 'ref');
  const filters = ['--no-color'];
  const texts = textFilters(input);
  filters.push(...texts.gitArgs);
  if (!input.includeMerges) filters.push('--no-merges');
  const selection = [...filters, ...range.args, '--', ...(path ? [path] : [])];
  const windowArgs = await repoWindowArgs(repo, window);
  const { all, truncated } = await commitsMatching(repo, windowArgs, selection, { window, ...texts }, input.count + 1);
  if (all.length <= input.count) {
    // Commits dated before 1970 that git's --until left out (misreadDateArgs): older than every other, so listed last.
    const misread = await misreadDateArgs(repo, window);
    if (misread) {
      const seen = new Set(all.map((c) => c.hash));
      const older = await commitsMatching(repo, misread, selection, { window, ...texts, unreadableOnly: true }, input.count + 1 - all.length);
      all.push(...older.all.filter((c) => !seen.has(c.hash)));
    }
  }
  const commits = await withRawDates(repo, all.slice(0, input.count));
  const empty = commits.length === 0 && path !== undefined ? await explainUntouchedPath(repo, path, range.args, range.label) : undefined;
  const renamed = path !== undefined && all.length <= input.count ? await renameNote(repo, path, commits.at(-1)) : undefined;
  const unmapped = commits.length === 0 && input.author !== undefined ? await mailmapNote(repo, input.author, [...windowArgs, ...selection]) : undefined;
  const notes = [repo.shallow ? 'This is a shallow clone: commits older than its depth are not available.' : undefined, empty, renamed, unmapped, futureNote(commits)].filter(Boolean);
  return {
    ref: range.label,
    commits,
    returned: commits.length,
    truncated: all.length > input.count || truncated,
    shallow: repo.shallow,
    ...windowToIso(window),
    ...(notes.length > 0 ? { note: notes.join(' ') } : {}),
  };
}

/**
 * A note when the oldest commit listed for `path` made it by renaming another file. git log with a path stops there
 * (following renames is --follow's, which takes one file and is slow on long histories), so "the whole history of
 * this file" would silently begin at the rename. The note names the old path, which git_log takes as `path`. One
 * diff-tree of that commit, with git's rename detection (-M, its default 50% similarity); nothing for a merge or a
 * root commit, which rename nothing.
 */
async function renameNote(repo: Repo, path: string, oldest: CommitSummary | undefined): Promise<string | undefined> {
  if (!oldest) return undefined;
  const diff = await repo.git(['diff-tree', '-r', '-M', '-z', '--no-commit-id', '--name-status', oldest.hash], { okExitCodes: [0, 128] });
  if (diff.exitCode !== 0) return undefined;
  // -z: status NUL old NUL new NUL for a rename or copy, status NUL path NUL otherwise; paths exact, unquoted.
  const fields = diff.stdout.toString('utf8').split('\0');
  for (let i = 0; i < fields.length - 1; ) {
    const status = fields[i];
    if (status.startsWith('R') || status.startsWith('C')) {
      if (status.startsWith('R') && fields[i + 2] === path) {
        return `${JSON.stringify(path)} was renamed from ${JSON.stringify(fields[i + 1])} in ${oldest.hash.slice(0, 12)} (${oldest.date}): its earlier commits are listed under the old name (git_log with path ${JSON.stringify(fields[i + 1])}).`;
      }
      i += 3;
    } else i += 2;
  }
  return undefined;
}

/** Slack for clocks a little ahead of this machine's before a commit counts as dated in the future. */
const FUTURE_SLACK_MS = 5 * 60_000;

/**
 * A note when listed commits are committed after now. A machine with a wrong clock writes such
 * commits, and `since` (say "today", with no `until`) keeps them, since they are after it: the
 * answer to "what was committed today" would report them without a word about their dates.
 */
function futureNote(commits: readonly CommitSummary[], now = Date.now()): string | undefined {
  const future = commits.filter((c) => Date.parse(c.committerDate) > now + FUTURE_SLACK_MS).length;
  if (future === 0) return undefined;
  return `${future} of these commits ${future === 1 ? 'is' : 'are'} dated in the future (committerDate after now): the clock of the machine that made ${future === 1 ? 'it was' : 'them was'} wrong, so ${future === 1 ? 'its date does' : 'their dates do'} not say when ${future === 1 ? 'it was' : 'they were'} made.`;
}

/**
 * A note when `author` matches no commit as the repository's .mailmap names people (git_log lists and matches mapped
 * names, as `git log` does) but matches the identity recorded in a commit: a name someone used before the .mailmap
 * mapped it. Names the first such recorded identity and the name it is listed under. One git log without the mailmap.
 */
async function mailmapNote(repo: Repo, author: string, selection: string[]): Promise<string | undefined> {
  const raw = await repo.git(['log', '--no-use-mailmap', '-1', '--format=%an <%ae>%x00%aN <%aE>', ...selection], { okExitCodes: [0, 128] });
  const [recorded, mapped] = raw.stdout.toString('utf8').trim().split('\0');
  if (raw.exitCode !== 0 || !recorded || !mapped || recorded === mapped) return undefined;
  return `No commit's author matches ${JSON.stringify(author)} as the repository's .mailmap names people, but commits recorded as ${JSON.stringify(sanitizeLine(recorded, 200))} do: .mailmap lists them as ${JSON.stringify(sanitizeLine(mapped, 200))}; search for that name.`;
}

/** Text filters checked here after git's match: lower-cased needles. */
interface LocalTextFilters {
  author?: string;
  grep?: string;
}

/**
 * git arguments for the author/grep filters, and the ones to check again here. git's
 * --regexp-ignore-case folds only ASCII letters, so "ZOË" never finds "Zoë" and "ÄRGER" never finds
 * "Ärger": git would answer "no such commits" for text that is there. When a needle has a cased
 * letter beyond ASCII, git gets every needle as an extended regex in which each such letter matches
 * any one to four bytes (a superset: one character of any case, whatever git's locale), and the
 * exact case-insensitive test (Unicode case mapping, both sides lower-cased) is made here.
 */
function textFilters(input: LogInput): { gitArgs: string[]; local: LocalTextFilters } {
  const needles = (['author', 'grep'] as const).flatMap((key) => (input[key] === undefined ? [] : [{ key, text: plainText(input[key], key) }]));
  if (needles.length === 0) return { gitArgs: [], local: {} };
  if (!needles.some(({ text }) => foldsBeyondAscii(text))) {
    return { gitArgs: [...needles.map(({ key, text }) => `--${key}=${text}`), '--fixed-strings', '--regexp-ignore-case'], local: {} };
  }
  const local: LocalTextFilters = {};
  for (const { key, text } of needles) local[key] = caseFold(text);
  return { gitArgs: [...needles.map(({ key, text }) => `--${key}=${looseRegex(text)}`), '--extended-regexp', '--regexp-ignore-case'], local };
}

/** True when `text` has a letter outside ASCII that has another case (ë, Ä, Σ, Ж), which git would not fold. */
function foldsBeyondAscii(text: string): boolean {
  return [...text].some(isFoldedBeyondAscii);
}

function isFoldedBeyondAscii(ch: string): boolean {
  return ch > '\x7f' && ch.toLowerCase() !== ch.toUpperCase();
}

/** An extended regex matching `text` literally, except that each cased non-ASCII letter matches any 1-4 bytes. */
function looseRegex(text: string): string {
  return [...text].map((ch) => (isFoldedBeyondAscii(ch) ? '.{1,4}' : ch.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&'))).join('');
}

/**
 * Text compared without case. toLowerCase() is context-sensitive for one letter: Σ ending a word becomes ς, inside a
 * word σ, so a needle `ΟΔΟΣ` (lowered `οδος`) would miss `ΟΔΟΣΗΜΑΝΣΗ` (lowered `οδοσημανση`); both sigmas are one letter.
 */
function caseFold(text: string): string {
  return text.toLowerCase().replaceAll('ς', 'σ');
}

/** Whether a commit read with its message passes the filters matched here (git's --author reads "Name <email>"). */
function passesLocal(commit: TimedCommit, local: LocalTextFilters): boolean {
  if (local.author !== undefined && !caseFold(`${commit.commit.author} <${commit.commit.email}>`).includes(local.author)) return false;
  if (local.grep !== undefined && !caseFold(commit.message ?? '').includes(local.grep)) return false;
  return true;
}

/**
 * Up to `wanted` commits of `selection`, newest first, whose committer time is inside `window`
 * exactly and which pass the `local` text filters. git's own --since/--until only read 1970-2099
 * and whole seconds, so every commit is checked against the window here too; when some fall
 * outside (or fail a local filter), git is asked again for more. `windowArgs` are git's window arguments;
 * `unreadableOnly` keeps only the commits git printed no committer time for (misreadDateArgs).
 */
async function commitsMatching(
  repo: Repo,
  windowArgs: string[],
  selection: string[],
  { window, local, unreadableOnly }: { window: TimeWindow; local: LocalTextFilters; unreadableOnly?: boolean },
  wanted: number,
): Promise<{ all: CommitSummary[]; truncated: boolean }> {
  const windowed = window.since !== undefined || window.until !== undefined;
  const withMessage = local.grep !== undefined;
  let ask = wanted;
  for (let attempt = 0; ; attempt++) {
    const format = withMessage ? TIMED_MESSAGE_FORMAT : TIMED_COMMIT_FORMAT;
    const result = await gitOrExplain(repo, ['log', '-z', `--format=${format}`, `--max-count=${ask}`, ...windowArgs, ...selection], { maxBytes: 4 * 1024 * 1024 });
    const parsed = parseTimedCommitList(result.stdout.toString('utf8'), withMessage);
    // A commit git printed no time for (before 1970) is placed in the window by the time its object holds.
    const timed = await withRawCommitTimes(repo, unreadableOnly ? parsed.filter((c) => Number.isNaN(c.committedAtMs)) : parsed, (c) => c.commit.hash);
    const kept = timed.filter((c) => (!windowed || inWindow(c.committedAtMs, window)) && passesLocal(c, local));
    const exhausted = parsed.length < ask || result.truncated;
    if (kept.length >= wanted || exhausted || attempt === 4) {
      return { all: kept.map((c) => c.commit), truncated: result.truncated || (!exhausted && kept.length < wanted) };
    }
    ask = Math.min(ask + (parsed.length - kept.length) * 2 + wanted, 100_000);
  }
}

