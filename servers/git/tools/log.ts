import { z } from 'zod';
import { sanitizeLine } from '../../shared/sanitize';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { futureWindowNote, inWindow, isoInLocalZone, resolveWindow, timeFields, windowToIso, type TimeWindow } from '../../shared/time-window';
import type { GitServerContext } from '../context';
import { parseTimedCommitList, TIMED_COMMIT_FORMAT, TIMED_MESSAGE_FORMAT, type CommitSummary, type TimedCommit } from '../repo/parse';
import { explainNoHead, gitOrExplain, sentence, type Repo } from '../repo/repo';
import { GitTimeoutError } from '../repo/run';
import { explainUntouchedPath, plainText, resolveRange, resolveRepoPath } from '../repo/validate';
import { misreadDateArgs, repoWindowArgs } from '../repo/window';
import { isUnformattedDate, rawCommitDates, withRawCommitTimes, withRawDates } from '../repo/raw-dates';
import { shallowEdges } from '../repo/shallow';
import { readOperation, type Operation } from '../repo/operation';
import { currentBranch } from '../repo/head';
import { UserFacingError } from '../../shared/tool-result';
import { registerGitTool } from './register';
import { UnsafeFileError } from '../repo/unsafe-files';
import { queryDigest, type CursorState, type PageCursors } from '../repo/cursor';
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
  ...timeFields('commits (by the date dateBy names: committer date unless told)'),
  dateBy: z
    .enum(['committer', 'author'])
    .default('committer')
    .describe(
      "Which date since/until select on. committer (default): when the commit was made in this history, git log's own filter: what landed here in the window, including work written earlier and rebased, amended, cherry-picked or applied in it. author: when the change was first written (the commit's `date`), kept through rebases: \"what did I write today\". Either way commits are listed newest first by git's (committer) order",
    ),
  path: pathInput.optional().describe('Only commits touching this file or folder (relative to the repository root)'),
  includeMerges: z.boolean().default(true).describe('Set false to leave out merge commits'),
  cursor: z
    .string()
    .min(1)
    .max(2048)
    .optional()
    .describe('nextCursor of an earlier git_log result, with the same other arguments: lists the commits after that page (count may differ)'),
});

const outputSchema = z.object({
  ref: z.string(),
  commits: z.array(commitSchema),
  returned: z.number().int(),
  truncated: z.boolean().describe('True when more commits matched than were returned'),
  nextCursor: z
    .string()
    .optional()
    .describe('When truncated: pass it back as cursor (same other arguments) for the next commits. It names commits, so commits made meanwhile do not shift the pages'),
  remaining: z
    .number()
    .int()
    .optional()
    .describe('When truncated and cheap to count (up to 10000 commits, about 2 s of walking): exactly how many matching commits come after this page'),
  remainingAtLeast: z
    .number()
    .int()
    .optional()
    .describe('Instead of remaining, when the count was stopped (more than 10000 follow, or a path/author/grep filter matches few commits of a long history): at least this many come after this page'),
  since: z.string().optional().describe('The resolved start of the window (ISO, inclusive)'),
  until: z.string().optional().describe('The resolved end of the window (ISO, exclusive)'),
  shallow: z.boolean().describe('True when the clone is shallow and older history is missing'),
  note: z.string().optional(),
});

type LogInput = z.output<typeof inputSchema>;
type LogOutput = z.output<typeof outputSchema>;

/** `countBudgetMs`: how long counting the commits after a page may walk (COUNT_BUDGET_MS; tests give less). */
export function registerLogTool(server: McpServer, context: GitServerContext, cursors: PageCursors, countBudgetMs = COUNT_BUDGET_MS): void {
  registerGitTool(server, context, {
    name: 'git_log',
    title: 'Git commit history',
    description:
      'List commits (hash, author, email, date, subject), newest first. Use it to answer "what changed recently", "who committed to X", "commits since last week", or "what is on branch B but not on main" (ref "main..B"). Filter by author, message text, date window (since inclusive, until exclusive; on the committer date, or with dateBy "author" on when each change was written), or a file/folder path. A long history comes in pages: when truncated, pass nextCursor back as cursor for the next commits (remaining says how many, or remainingAtLeast when counting them all would be slow).',
    input: inputSchema,
    output: outputSchema,
    list: 'commits',
    run: (input, repo) => readLog(input, repo, cursors),
    finish: (kept, whole, repo) => pageOnwards(kept, whole, repo, cursors, countBudgetMs),
  });
}

/** What a page needs to tell where the next one starts: kept per call, keyed by the uncut result. */
interface Paging {
  state: Omit<CursorState, 'after'>;
  /** git log arguments of the whole listing (window and selection, tips fixed), without --skip or --max-count. */
  listing: string[];
  /** Commits already handed out on earlier pages (git's listing position of the first commit of this page). */
  skip: number;
  /** git's listing position of each commit of the page (its index in the whole listing), when it came from the listing. */
  positions: Map<string, number>;
  /** True when commits are filtered here beyond git (non-ASCII author/grep), so git's listing cannot be counted. */
  localFilters: boolean;
  /** True when commits of before 1970 were added after git's listing: no cursor can continue them. */
  misread: boolean;
  /** True when the window selects on author dates (dateBy 'author'), checked here: git's arguments only prefilter. */
  byAuthor: boolean;
}

const paging = new WeakMap<object, Paging>();

async function readLog(input: LogInput, repo: Repo, cursors: PageCursors): Promise<LogOutput> {
  const byAuthor = input.dateBy === 'author';
  const query = queryDigest({
    // The repository too: a server of several gives one key to all, and a clone shares the commits a cursor names.
    repository: repo.root,
    ref: input.ref,
    author: input.author,
    grep: input.grep,
    since: input.since,
    until: input.until,
    path: input.path,
    includeMerges: input.includeMerges,
    ...(byAuthor ? { dateBy: 'author' } : {}),
  });
  const resumed = input.cursor === undefined ? undefined : cursors.decode(input.cursor, query, 'git_log');
  // A later page keeps the first page's window: "today" asked just before midnight still means that day.
  const window = resumed ? { ...(resumed.since === undefined ? {} : { since: resumed.since }), ...(resumed.until === undefined ? {} : { until: resumed.until }) } : resolveWindow(input);
  const path = input.path === undefined ? undefined : resolveRepoPath(repo, input.path, 'path');
  const head = await repo.head();
  if (!head && input.ref === undefined && !resumed) {
    return { ref: 'HEAD', commits: [], returned: 0, truncated: false, shallow: repo.shallow, note: sentence(await explainNoHead(repo)), ...windowToIso(window) };
  }
  if (resumed) await requireCursorCommits(repo, [...resumed.tips, ...resumed.excluded, resumed.after]);
  // The tips a later page reads from are the first page's, so commits made since do not shift the listing.
  const range = resumed
    ? { args: [...resumed.excluded.map((h) => `^${h}`), ...resumed.tips], label: input.ref ?? 'HEAD' }
    : await resolveRange(repo, input.ref ?? 'HEAD', 'ref');
  const filters = ['--no-color'];
  const texts = textFilters(input);
  filters.push(...texts.gitArgs);
  if (!input.includeMerges) filters.push('--no-merges');
  const selection = [...filters, ...range.args, '--', ...(path ? [path] : [])];
  const windowArgs = await repoWindowArgs(repo, byAuthor ? authorPrefilter(window) : window);
  const filtersOf = { window, byAuthor, ...texts };
  const read = resumed ? await readOnwards(repo, windowArgs, selection, filtersOf, resumed, input.count + 1) : { skip: 0, ...(await commitsMatching(repo, windowArgs, selection, filtersOf, input.count + 1)) };
  const { skip, all, truncated } = read;
  const positions = new Map(all.map((c, i) => [c.hash, skip + read.offsets[i]]));
  let misreadUsed = false;
  // (By author date git gets no --until, so it leaves out no commit of before 1970.)
  if (all.length <= input.count && !byAuthor) {
    // Commits dated before 1970 that git's --until left out (misreadDateArgs): older than every other, so listed last.
    const misread = await misreadDateArgs(repo, window);
    if (misread) {
      const seen = new Set(all.map((c) => c.hash));
      const older = await commitsMatching(repo, misread, selection, { window, ...texts, unreadableOnly: true }, input.count + 1 - all.length);
      all.push(...older.all.filter((c) => !seen.has(c.hash)));
      misreadUsed = older.all.length > 0;
    }
  }
  const commits = (await withRawDates(repo, all.slice(0, input.count))).map(withLocalDates);
  const empty = commits.length === 0 && path !== undefined ? await explainUntouchedPath(repo, path, range.args, range.label) : undefined;
  const renamed = path !== undefined && all.length <= input.count ? await renameNote(repo, path, commits.at(-1)) : undefined;
  const unmapped = commits.length === 0 && input.author !== undefined ? await mailmapNote(repo, input.author, [...windowArgs, ...selection]) : undefined;
  const rewritten = resumed ? await rewrittenNote(repo, resumed.tips, input.ref ?? 'HEAD') : undefined;
  const edge = path !== undefined ? await edgeListedNote(repo, commits) : undefined;
  const rebasing = input.ref === undefined && !resumed && !repo.bare ? rebaseNote(await readOperation(repo)) : undefined;
  const contained = commits.length === 0 && !resumed && input.ref !== undefined ? await containedRangeNote(repo, input.ref, range.args) : undefined;
  const windowed = window.since !== undefined || window.until !== undefined;
  const plainFilters = texts.local.author === undefined && texts.local.grep === undefined;
  const elsewhere =
    commits.length === 0 && windowed && input.ref === undefined && !resumed && plainFilters
      ? await elsewhereNote(repo, window, byAuthor, [...filters, '--', ...(path ? [path] : [])])
      : undefined;
  const notes = [resumed ? undefined : futureWindowNote(window), repo.shallow ? 'This is a shallow clone: commits older than its depth are not available.' : undefined, rebasing, edge, rewritten, contained, empty, renamed, unmapped, futureNote(commits), elsewhere, ...windowNotes(commits, window, byAuthor)].filter(Boolean);
  const result: LogOutput = {
    ref: range.label,
    commits,
    returned: commits.length,
    truncated: all.length > input.count || truncated,
    shallow: repo.shallow,
    ...windowToIso(window),
    ...(notes.length > 0 ? { note: notes.join(' ') } : {}),
  };
  const tips = range.args.filter((a) => !a.startsWith('^'));
  const excluded = range.args.filter((a) => a.startsWith('^')).map((a) => a.slice(1));
  paging.set(result, {
    state: { query, tips, excluded, ...(window.since === undefined ? {} : { since: window.since }), ...(window.until === undefined ? {} : { until: window.until }) },
    listing: [...windowArgs, ...selection],
    skip,
    positions,
    byAuthor,
    localFilters: texts.local.author !== undefined || texts.local.grep !== undefined,
    misread: misreadUsed,
  });
  return result;
}

/**
 * A note when a range A..B lists nothing because every commit of B is already in A: B merged into A, the same commit,
 * or the sides swapped ("HEAD..HEAD~1" for the last commit). An empty answer alone reads as "no such commits"; the note
 * says why and gives the range the other way round, for what A has that B lacks.
 */
async function containedRangeNote(repo: Repo, ref: string, args: readonly string[]): Promise<string | undefined> {
  const excluded = args.find((a) => a.startsWith('^'))?.slice(1);
  const tip = args.find((a) => !a.startsWith('^'));
  if (excluded === undefined || tip === undefined) return undefined;
  const contained = await repo.git(['merge-base', '--is-ancestor', tip, excluded], { okExitCodes: [0, 1] });
  if (contained.exitCode !== 0) return undefined;
  const [left, right] = ref.trim().split('..').map((side) => sanitizeLine(side || 'HEAD', 200));
  const how = tip === excluded ? `${left} and ${right} are the same commit` : `${right} is an ancestor of ${left} (merged into it, or older)`;
  return `${ref.trim()} lists the commits of ${right} that are not in ${left}, and there are none: ${how}. For the commits ${left} has that ${right} lacks, give ref "${right}..${left}".`;
}

/** Commits of other branches read to name them when HEAD has none in a window (a bound on the walk, not a count shown). */
const ELSEWHERE_READ = 2000;

/**
 * A note when HEAD has no commit in the window but other branches do: local branches and remote-tracking ones, each
 * with how many of its commits not in HEAD are in the window (on the same date dateBy names, with the same git filters
 * `selection`: --author, --grep, --no-merges, `--`, the path). Without it "what was committed today" asked with `main`
 * checked out answered "no commits" while the user's own work of the day was on `feature` and a colleague's fetched to
 * `origin/main` (break39). A commit on several branches counts for the first git reaches it from. Undefined when no
 * other branch has one; one git log, at most ELSEWHERE_READ commits.
 */
async function elsewhereNote(repo: Repo, window: TimeWindow, byAuthor: boolean, selection: string[]): Promise<string | undefined> {
  const windowArgs = await repoWindowArgs(repo, byAuthor ? authorPrefilter(window) : window);
  // --exclude names remote HEADs as --remotes reads them (without refs/remotes/): origin/HEAD is origin/main again.
  const refs = ['--branches', '--exclude=*/HEAD', '--remotes', '--not', 'HEAD'];
  const read = await repo.git(['log', '--source', `--format=%S%x00%ct%x00%at`, `--max-count=${ELSEWHERE_READ}`, ...windowArgs, ...refs, ...selection], {
    okExitCodes: [0, 128],
    maxBytes: 1024 * 1024,
  });
  if (read.exitCode !== 0) return undefined;
  const counts = new Map<string, number>();
  const lines = read.stdout.toString('utf8').split('\n');
  for (const line of lines) {
    const [source, committed, authored] = line.split('\0');
    if (!source || authored === undefined) continue;
    if (!inWindow(Number(byAuthor ? authored : committed) * 1000, window)) continue;
    const name = sanitizeLine(source.replace(/^refs\/(heads|remotes)\//, ''), 200);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  if (counts.size === 0) return undefined;
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const named = ranked.slice(0, 5).map(([name, count]) => `${JSON.stringify(name)} (${count})`);
  const more = ranked.length > 5 ? ` and ${ranked.length - 5} more branches` : '';
  const counted = lines.filter(Boolean).length >= ELSEWHERE_READ || read.truncated ? `, counted over the first ${ELSEWHERE_READ} commits read` : '';
  const head = await currentBranch(repo);
  const label = head.branch === null ? 'HEAD (detached)' : `HEAD (${head.branch})`;
  return `No commit of ${label} is in this window, but other branches have some: ${named.join(', ')}${more} (commits not in HEAD${counted}); pass one as ref to list them.`;
}

/**
 * `commit` with its author and committer dates also in this machine's zone (dateLocal, committerDateLocal), each only
 * when git recorded it in another offset. git keeps a date in the offset of the machine that wrote it: in Seoul, a
 * commit made at 00:10 on a laptop set to Los Angeles time reads 07:10 the day before, and a summary of "today's
 * commits" said it was made yesterday (break39). The window is read in this machine's zone, the user's.
 */
function withLocalDates(commit: CommitSummary): CommitSummary {
  const local = (iso: string): string | undefined => {
    const ms = Date.parse(iso);
    if (Number.isNaN(ms)) return undefined;
    // Whole seconds as git writes them (a commit's date has no milliseconds).
    const here = isoInLocalZone(ms).replace(/\.000(?=Z|[+-]\d\d:\d\d$)/, '');
    return offsetOf(here) === offsetOf(iso) ? undefined : here;
  };
  const dateLocal = local(commit.date);
  const committerDateLocal = local(commit.committerDate);
  return { ...commit, ...(dateLocal === undefined ? {} : { dateLocal }), ...(committerDateLocal === undefined ? {} : { committerDateLocal }) };
}

/** The offset an ISO 8601 time ends with, "Z" read as "+00:00". */
function offsetOf(iso: string): string {
  return iso.endsWith('Z') ? '+00:00' : iso.slice(-6);
}

/**
 * A note when HEAD, the history listed without a ref, is a rebase stopped midway (a conflict, an `edit`): git has
 * detached it at the commit the branch is rebased onto plus the commits replayed so far, so the branch's own commits
 * still to be replayed, often the work just done, are not in it (break39: "what was committed today" during a
 * rebase listed the other branch's commits only, without a word). Undefined for any other state.
 */
function rebaseNote(operation: Operation | undefined): string | undefined {
  if (operation?.kind !== 'rebase') return undefined;
  const onto = operation.commits?.[0] === undefined ? '' : ` onto ${operation.commits[0].slice(0, 7)}`;
  const step = operation.step === undefined ? '' : ` (stopped at step ${operation.step} of ${operation.total})`;
  const what = operation.branch === undefined ? 'a detached HEAD' : JSON.stringify(operation.branch);
  const rest =
    operation.branch === undefined
      ? 'the commits still to be replayed are not in it (`git rebase --abort` returns to where the rebase began).'
      : `the commits of ${what} still to be replayed are not in it; git_log with ref ${what} lists that branch as it was before the rebase.`;
  return `HEAD is in the middle of a rebase of ${what}${onto}${step}: it holds the commit rebased onto and the commits replayed so far, and ${rest}`;
}

/**
 * With a path, in a shallow clone: a listed commit at the clone's edge is compared with an empty tree, so git lists it
 * for every path it holds, whether or not it changed it (break30). Undefined when none is listed.
 */
async function edgeListedNote(repo: Repo, commits: readonly { hash: string }[]): Promise<string | undefined> {
  const edges = await shallowEdges(repo);
  const listed = commits.find((c) => edges.has(c.hash));
  if (!listed) return undefined;
  return `${listed.hash.slice(0, 7)} is at the shallow clone's edge: its parent is not here, so git compares it with an empty tree and lists it for every file it holds, changed there or not; \`git fetch --unshallow\` tells.`;
}

/**
 * A note when a later page's `ref` (a branch, or the B of A..B) no longer leads to a tip the first page was read from
 * (`tips`, full hashes): the branch was rebased, reset or force-pushed since. The cursor still lists the history as it
 * was (its tips are fixed, so commits made meanwhile do not shift the pages), but commits of it may be gone from the
 * branch, and a page of them answered "what is on main" with commits main no longer holds, without a word (break29).
 * Undefined when every tip is still reachable from what `ref` names now; one `git merge-base --is-ancestor` per tip.
 */
async function rewrittenNote(repo: Repo, tips: readonly string[], ref: string): Promise<string | undefined> {
  const asThen = 'these commits continue its history as it was at the first page, and some of them may no longer be on it; ask again without cursor for its history now.';
  let current: string[];
  try {
    current = (await resolveRange(repo, ref, 'ref')).args.filter((a) => !a.startsWith('^'));
  } catch (error) {
    if (error instanceof UserFacingError) return `${JSON.stringify(ref)} no longer names a commit (deleted or renamed since the first page): ${asThen}`;
    throw error;
  }
  for (const tip of tips) {
    if (current.includes(tip)) continue;
    let reachable = false;
    for (const now of current) {
      const check = await repo.git(['merge-base', '--is-ancestor', tip, now], { okExitCodes: [0, 1, 128] });
      if (check.exitCode === 0) {
        reachable = true;
        break;
      }
    }
    if (!reachable) {
      return `${JSON.stringify(ref)} was rewritten since the first page (a rebase, reset or force-push): it no longer holds ${tip.slice(0, 12)}, the commit the listing started from, so ${asThen}`;
    }
  }
  return undefined;
}

/**
 * Refuses a cursor whose commits (tips, excluded commits, last commit handed out: full hashes) the repository no longer
 * holds: a branch deleted or rewritten and then collected by git gc. git itself would answer only "bad object <hash>",
 * which does not tell the caller that the cursor, not the repository, is what to drop.
 */
async function requireCursorCommits(repo: Repo, hashes: string[]): Promise<void> {
  const missing: string[] = [];
  for (const hash of new Set(hashes)) {
    const found = await repo.git(['cat-file', '-e', `${hash}^{commit}`], { okExitCodes: [0, 1, 128] });
    if (found.exitCode !== 0) missing.push(hash);
  }
  if (missing.length > 0) {
    throw new UserFacingError(
      `cursor: commit ${missing[0]} it continues from is no longer in this repository (a branch deleted or rewritten, and its commits collected by git gc since the first page); ask again without cursor.`,
    );
  }
}

/**
 * The page after a cursor's commit: `wanted` commits (as commitsMatching) from git's listing just after `resumed.after`,
 * and `skip`, how many commits of the listing come before them. With the cursor's position git skips to the cursor's
 * commit itself (a walk without printing), which must come first: the tips are fixed, so the listing is the same one
 * unless the history was rewritten (replace refs), and then, as for a cursor without a position, the listing is read
 * from its start to find the commit.
 */
async function readOnwards(
  repo: Repo,
  windowArgs: string[],
  selection: string[],
  filters: Parameters<typeof commitsMatching>[3],
  resumed: CursorState,
  wanted: number,
): Promise<{ skip: number; all: CommitSummary[]; offsets: number[]; truncated: boolean }> {
  if (resumed.position !== undefined && resumed.position > 0) {
    const skip = resumed.position - 1;
    const read = await commitsMatching(repo, [`--skip=${skip}`, ...windowArgs], selection, filters, wanted + 1);
    if (read.all[0]?.hash === resumed.after && read.offsets[0] === 0) return { skip: skip + 1, all: read.all.slice(1), offsets: read.offsets.slice(1).map((o) => o - 1), truncated: read.truncated };
  }
  const skip = await positionAfter(repo, [...windowArgs, ...selection], resumed.after);
  return { skip, ...(await commitsMatching(repo, skip > 0 ? [`--skip=${skip}`, ...windowArgs] : windowArgs, selection, filters, wanted)) };
}

/** Bytes of a hash-and-time listing read to place a cursor or count what is left (about 400,000 commits). */
const LISTING_BYTES = 20 * 1024 * 1024;

/**
 * git's listing position just after commit `after` (so many commits to skip), for the same arguments the first page
 * was read with. The tips are fixed, so the listing is the same one; the commit is missing only when the cursor was
 * not made for it, which decodeCursor already refused.
 */
async function positionAfter(repo: Repo, listing: string[], after: string): Promise<number> {
  const hashes = (await listingOf(repo, listing, '%ct', after)).map((e) => e.hash);
  const index = hashes.indexOf(after);
  if (index < 0) throw new UserFacingError('cursor: its last commit is no longer in this listing (the history was rewritten and collected since); ask again without cursor.');
  return index + 1;
}

/**
 * Hash and time (ms; NaN when git printed none) of every commit git lists for `listing`, in its order: the committer
 * time (`%ct`) or the author time (`%at`).
 */
async function listingOf(repo: Repo, listing: string[], time: '%ct' | '%at' = '%ct', stopAt?: string): Promise<Array<{ hash: string; timeMs: number }>> {
  // With stopAt, git is stopped once that commit is listed: a later page reads the history up to its cursor, not all of it.
  let seen = '';
  const onStdout = stopAt === undefined ? undefined : (chunk: Buffer) => {
    seen = seen.slice(-stopAt.length) + chunk.toString('latin1');
    return seen.includes(`${stopAt} `) ? ('stop' as const) : undefined;
  };
  const result = await gitOrExplain(repo, ['log', '-z', `--format=%H ${time}`, ...listing], { maxBytes: LISTING_BYTES, onStdout });
  const found = stopAt !== undefined && result.stdout.includes(`${stopAt} `);
  if (result.truncated && !found) throw new UserFacingError('cursor: the history is too long to continue this listing; narrow it with since/until or path.');
  return result.stdout
    .toString('utf8')
    .split('\0')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [hash, seconds] = line.trim().split(' ');
      return { hash, timeMs: seconds ? Number(seconds) * 1000 : Number.NaN };
    });
}

/**
 * After the budget cut: when commits were left out, a cursor after the last one kept, and how many are left when
 * git's own listing says it exactly (no filter applied here beyond git's, every listed commit's time readable).
 */
async function pageOnwards(kept: LogOutput, whole: LogOutput, repo: Repo, cursors: PageCursors, countBudgetMs: number): Promise<LogOutput> {
  const page = paging.get(whole);
  const last = kept.commits.at(-1);
  if (!kept.truncated || !page || !last) return kept;
  if (page.misread) {
    const note = 'More commits dated before 1970 match than were listed, and no cursor can continue them: narrow since/until.';
    return { ...kept, note: kept.note ? `${kept.note} ${note}` : note };
  }
  const at = page.positions.get(last.hash);
  const position = at === undefined ? undefined : at + 1;
  const nextCursor = cursors.encode({ ...page.state, after: last.hash, ...(position === undefined ? {} : { position }) });
  const counted = page.localFilters ? undefined : await countAfter(repo, page, last.hash, kept.commits.length, position, countBudgetMs);
  return { ...kept, nextCursor, ...counted };
}

/**
 * How many commits after a page are counted at most. Counting walks the history after the page (git has no count of
 * "what follows this commit"), so a page of 20 in a history of a million commits would walk all of it on every call;
 * past this many, remaining is left out rather than made slow.
 */
const COUNT_AT_MOST = 10_000;

/**
 * How long the count after a page may walk (ms). COUNT_AT_MOST bounds the commits listed, not the commits git walks to
 * find them: with a path, author or text filter few commits match, and git walked the whole history (200,000 commits,
 * 20 s and more) to count the 40 that follow a first page that took it 6 s. Past this, the count is stopped and what it
 * found so far is given as a lower bound.
 */
export const COUNT_BUDGET_MS = 2000;

/** What the count after a page found: exact, at least so many (stopped by COUNT_AT_MOST or COUNT_BUDGET_MS), or nothing known. */
type Remaining = { remaining: number } | { remainingAtLeast: number } | undefined;

/** Commits git lists after `after` that are inside the window; a lower bound when the count was stopped, undefined when a time is unreadable or nothing was counted. */
async function countAfter(repo: Repo, page: Paging, after: string, listed: number, position: number | undefined, budgetMs: number): Promise<Remaining> {
  // From the position just after the page git skips the commits before it without printing them (a deep page listed
  // all of them again); without one, the listing is read from its start up to the page.
  const most = position === undefined ? page.skip + listed + COUNT_AT_MOST : COUNT_AT_MOST;
  const from = position === undefined ? [] : [`--skip=${position}`];
  // Collected here as git prints them, so a count stopped by its time still tells what it had found.
  let text = '';
  let complete: boolean;
  try {
    const run = await repo.git(['log', '-z', `--format=%H ${page.byAuthor ? '%at' : '%ct'}`, ...from, `--max-count=${most + 1}`, ...page.listing], {
      maxBytes: LISTING_BYTES,
      timeoutMs: budgetMs,
      onStdout: (chunk) => {
        text += chunk.toString('latin1');
      },
    });
    complete = !run.truncated;
  } catch (error) {
    if (!(error instanceof GitTimeoutError)) return undefined;
    complete = false;
  }
  const pieces = text.split('\0');
  // A stopped listing may end inside an entry; a finished one ends with its last entry whole.
  if (!complete) pieces.pop();
  let entries = pieces.filter((line) => line.trim() !== '').map((line) => {
    const [hash, seconds] = line.trim().split(' ');
    return { hash, timeMs: seconds ? Number(seconds) * 1000 : Number.NaN };
  });
  const cut = !complete || entries.length > most;
  if (entries.length > most) entries = entries.slice(0, most);
  const index = position === undefined ? entries.findIndex((e) => e.hash === after) : -1;
  if (position === undefined && index < 0) return undefined;
  const rest = entries.slice(index + 1);
  if (rest.some((e) => Number.isNaN(e.timeMs))) return undefined;
  const window = { since: page.state.since, until: page.state.until };
  const counted = rest.filter((e) => inWindow(e.timeMs, window)).length;
  if (!cut) return { remaining: counted };
  return counted > 0 ? { remainingAtLeast: counted } : undefined;
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
  // Refused (UnsafeFileError) when rename detection would read an unsafe attributes file: the listing stands without the note.
  const diff = await repo.git(['diff-tree', '-r', '-M', '-z', '--no-commit-id', '--name-status', oldest.hash], { okExitCodes: [0, 128] }).catch((error: unknown) => {
    if (error instanceof UnsafeFileError) return undefined;
    throw error;
  });
  if (diff?.exitCode !== 0) return undefined;
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

/**
 * Notes on what a date window means for the commits listed, only when it matters to them. since/until select the
 * committer date (when the commit was made in this history: git log's own order and filter); a rebase, amend or
 * cherry-pick makes a commit anew with its first-written author date kept, so "today's commits" lists a commit written
 * days ago, and leaves out one written today that was only committed later. And a merge made in the window brings in
 * commits made before it, which the window leaves out: "what landed today" is more than the commits made today.
 */
function windowNotes(commits: readonly CommitSummary[], window: TimeWindow, byAuthor: boolean): string[] {
  if (window.since === undefined && window.until === undefined) return [];
  const notes: string[] = [];
  const other = (c: CommitSummary) => Date.parse(byAuthor ? c.committerDate : c.date);
  const outside = commits.filter((c) => !Number.isNaN(other(c)) && !inWindow(other(c), window)).length;
  const were = outside === 1 ? 'was' : 'were';
  if (outside > 0 && !byAuthor) {
    notes.push(
      `since/until select by committer date (when a commit was made in this history); ${outside} of these ${were} written (author date, \`date\`) outside the window and rebased, amended or cherry-picked into it (dateBy "author" selects by when commits were written).`,
    );
  } else if (outside > 0) {
    notes.push(`since/until select by author date (dateBy "author"); ${outside} of these ${were} committed (\`committerDate\`) outside the window: rebased, amended or cherry-picked later.`);
  }
  const merges = commits.filter((c) => c.parents.length > 1);
  if (merges.length > 0) {
    const [first] = merges;
    notes.push(
      `${merges.length} of these ${merges.length === 1 ? 'is a merge' : 'are merges'}: the commits a merge brings in were made before it and are listed only when inside the window; git_log with ref ${JSON.stringify(`${first.parents[0].slice(0, 12)}..${first.hash.slice(0, 12)}`)} lists what the newest one brought in.`,
    );
  }
  return notes;
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

/**
 * git's window arguments for a window on author dates. git filters only on committer dates, and a commit is made no
 * earlier than it is written, so commits written since `since` were committed since then too: git is given that since,
 * a day early (clocks of the machines that wrote and committed a change may differ), and no until (a commit written
 * before `until` may be committed after it). The exact test is made here on each commit's author date.
 */
function authorPrefilter(window: TimeWindow): TimeWindow {
  return window.since === undefined ? {} : { since: window.since - 24 * 3600_000 };
}

/** Each commit's author time in epoch ms: from its ISO `date`, or from its object when git could not format it (before 1970). */
async function authorTimes(repo: Repo, commits: readonly TimedCommit[]): Promise<number[]> {
  return Promise.all(
    commits.map(async (c) => {
      const parsed = isUnformattedDate(c.commit.date) ? Number.NaN : Date.parse(c.commit.date);
      if (!Number.isNaN(parsed)) return parsed;
      const raw = (await rawCommitDates(repo, c.commit.hash)).author;
      return raw === undefined ? Number.NaN : Date.parse(raw);
    }),
  );
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
  { window, byAuthor = false, local, unreadableOnly }: { window: TimeWindow; byAuthor?: boolean; local: LocalTextFilters; unreadableOnly?: boolean },
  wanted: number,
): Promise<{ all: CommitSummary[]; offsets: number[]; truncated: boolean }> {
  const windowed = window.since !== undefined || window.until !== undefined;
  const withMessage = local.grep !== undefined;
  let ask = wanted;
  for (let attempt = 0; ; attempt++) {
    const format = withMessage ? TIMED_MESSAGE_FORMAT : TIMED_COMMIT_FORMAT;
    const result = await gitOrExplain(repo, ['log', '-z', `--format=${format}`, `--max-count=${ask}`, ...windowArgs, ...selection], { maxBytes: 4 * 1024 * 1024 });
    const parsed = parseTimedCommitList(result.stdout.toString('utf8'), withMessage);
    // A commit git printed no time for (before 1970) is placed in the window by the time its object holds.
    const timed = await withRawCommitTimes(repo, unreadableOnly ? parsed.filter((c) => Number.isNaN(c.committedAtMs)) : parsed, (c) => c.commit.hash);
    const authored = byAuthor && windowed ? await authorTimes(repo, timed) : undefined;
    // Each kept commit's index in git's output (with unreadableOnly, among the unreadable ones): its place in the listing.
    const offsets = timed.flatMap((c, i) => ((!windowed || inWindow(authored ? authored[i] : c.committedAtMs, window)) && passesLocal(c, local) ? [i] : []));
    const kept = offsets.map((i) => timed[i]);
    const exhausted = parsed.length < ask || result.truncated;
    if (kept.length >= wanted || exhausted || attempt === 4) {
      return { all: kept.map((c) => c.commit), offsets, truncated: result.truncated || (!exhausted && kept.length < wanted) };
    }
    ask = Math.min(ask + (parsed.length - kept.length) * 2 + wanted, 100_000);
  }
}

