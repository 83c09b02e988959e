import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { sanitizeLine } from '../../shared/sanitize';
import type { GitServerContext } from '../context';
import { currentBranch, parseTrack } from '../repo/head';
import { queryDigest, type PageCursors } from '../repo/cursor';
import { explainGitFailure, gitOrExplain, type Repo } from '../repo/repo';
import { isoFromRawDate } from '../repo/raw-dates';
import { GitCommandError } from '../repo/run';
import { prunableWorktrees } from '../repo/worktrees';
import { plainText } from '../repo/validate';
import { registerGitTool } from './register';

/**
 * Bytes of for-each-ref output read (about 100 per branch, so some 80,000 branches). Every branch is read and filtered
 * here: a count cap on git's listing (the 5,000 most recently committed) dropped older branches before `contains` was
 * applied, so a repository with more said it had no branch matching a name it had, the checked-out one too.
 */
const MAX_REF_BYTES = 8 * 1024 * 1024;

const inputSchema = z.object({
  scope: z.enum(['local', 'remote', 'all']).default('all').describe('Local branches, remote-tracking branches, or both'),
  contains: z.string().min(1).max(200).optional().describe('Only branches whose name contains this text (case-insensitive)'),
  limit: z.number().int().min(1).max(1000).default(100).describe('Most branches to list, most recently committed first'),
  cursor: z
    .string()
    .min(1)
    .max(4096)
    .optional()
    .describe('nextCursor of an earlier git_branches result, with the same scope and contains: lists the branches after that page (limit may differ)'),
});

const branchSchema = z.object({
  name: z.string().describe('Short name, e.g. main or origin/main; invisible and bidi characters written as \\u202E (pass it back as listed)'),
  kind: z.enum(['local', 'remote']),
  current: z.boolean(),
  hash: z.string(),
  shortHash: z.string(),
  lastCommitDate: z.string().describe('Committer date of the tip, ISO 8601'),
  subject: z.string().describe('Subject of the tip commit'),
  upstream: z.string().optional().describe('Upstream branch of a local branch'),
  ahead: z.number().int().optional().describe('Commits on this branch not on its upstream'),
  behind: z.number().int().optional().describe('Commits on the upstream not on this branch'),
  upstreamGone: z.boolean().optional().describe('True when the configured upstream no longer exists'),
  worktree: z
    .string()
    .optional()
    .describe('Folder of the other working tree (git worktree) where this branch is checked out; git refuses to check it out here too'),
  worktreePrunable: z
    .string()
    .optional()
    .describe("Set when that working tree's folder is gone (git worktree list calls it prunable; git's reason): git still counts the branch as checked out there, and refuses to check it out here, until `git worktree prune`"),
});

const outputSchema = z.object({
  current: z.string().nullable().describe('Checked-out branch, or null when HEAD is detached'),
  detached: z.boolean(),
  headHash: z.string().nullable().describe('Commit HEAD points at; null in a repository without commits'),
  branches: z.array(branchSchema),
  returned: z.number().int(),
  total: z.number().int().describe('How many branches match in all (scope and contains), over every page'),
  truncated: z.boolean().describe('True when more branches match than are listed (the note says how to get them)'),
  nextCursor: z
    .string()
    .optional()
    .describe('When branches after this page match: pass it back as cursor (same scope and contains) for the next page. It names the last branch listed, so branches created or deleted meanwhile do not shift the pages'),
  remaining: z.number().int().optional().describe('With nextCursor: how many matching branches come after this page'),
  note: z.string().optional(),
});

// Field order for for-each-ref; each field ends with NUL, which cannot occur in ref names or subjects.
// The date is read raw (seconds and zone): git cannot format a date before 1970, which it keeps as negative seconds.
// %(worktreepath) (git 2.23) names the working tree where a branch is checked out, this one or another linked to the
// same repository: HEAD is kept per working tree, so %(HEAD) alone left a branch checked out elsewhere unmarked.
const FIELDS = ['%(refname)', '%(objectname)', '%(objectname:short)', '%(committerdate:raw)', '%(contents:subject)', '%(upstream:short)', '%(upstream:track,nobracket)', '%(HEAD)', '%(symref)', '%(worktreepath)'];

type BranchesInput = z.output<typeof inputSchema>;
type BranchesOutput = z.output<typeof outputSchema>;
type Branch = z.infer<typeof branchSchema>;

/**
 * A branch's place in the listing's order: its tip's committer time (epoch seconds, NaN when git's date is unreadable)
 * and its full ref name. The order is newest tip first, then ref names by their bytes, so it is total and the same on
 * every call: a cursor holding one place lists what follows it, whatever was created or deleted meanwhile.
 */
interface Place {
  seconds: number;
  ref: string;
}

/** What a git_branches cursor holds: the digest of its call's arguments and the place of the last branch handed out. */
interface BranchCursor {
  query: string;
  seconds: number | null;
  ref: string;
  /** How many branches the pages up to this cursor handed out, the first page's included. */
  handed: number;
}

/** Each listed branch's place, for the cursor made after the budget cut (which keeps the same objects). */
const places = new WeakMap<Branch, Place>();

export function registerBranchesTool(server: McpServer, context: GitServerContext, cursors: PageCursors): void {
  registerGitTool(server, context, {
    name: 'git_branches',
    title: 'Git branches',
    description:
      'List branches with the current one marked, each with its last commit date and subject, and for local branches the upstream and how many commits they are ahead/behind it; a branch checked out in another working tree of the repository (git worktree) names that folder, and says when that folder is gone (worktreePrunable: git still holds the branch there until `git worktree prune`). Use it for "which branches exist", "what is stale", "is my branch pushed / up to date", or to find a branch name for other tools. A long list comes in pages (newest tip first, then by name): total says how many match, and when truncated, pass nextCursor back as cursor for the next page.',
    input: inputSchema,
    output: outputSchema,
    list: 'branches',
    narrow: 'pass nextCursor back as cursor for the next page, or narrow the list with contains or scope',
    run: (input, repo) => listBranches(input, repo, cursors),
    finish: (kept, whole) => Promise.resolve(pageOnwards(kept, whole, cursors)),
  });
}

async function listBranches(input: BranchesInput, repo: Repo, cursors: PageCursors): Promise<BranchesOutput> {
  const query = queryDigest({ tool: 'git_branches', repository: repo.root, scope: input.scope, contains: input.contains });
  const resumed = input.cursor === undefined ? undefined : cursors.decode<BranchCursor>(input.cursor, query, 'git_branches', 'repository, scope or contains');
  const after: Place | undefined = resumed && { seconds: resumed.seconds ?? Number.NaN, ref: resumed.ref };
  const head = await currentBranch(repo);
  const patterns = input.scope === 'local' ? ['refs/heads'] : input.scope === 'remote' ? ['refs/remotes'] : ['refs/heads', 'refs/remotes'];
  const { refs, truncated } = await readRefs(repo, patterns);
  const needle = input.contains === undefined ? undefined : plainText(input.contains, 'contains').toLowerCase();
  const branches: Branch[] = [];
  let matched = 0;
  let following = 0;
  for (const { branch, place } of refs) {
    if (needle !== undefined && !branch.name.toLowerCase().includes(needle)) continue;
    matched++;
    if (after && comparePlaces(place, after) <= 0) continue;
    following++;
    if (branches.length < input.limit) {
      places.set(branch, place);
      branches.push(branch);
    }
  }
  const handed = resumed?.handed ?? 0;
  paging.set(branches, { query, following, handed });
  // The order is by tip date, so a branch committed to (or created) after the first page sorts before this cursor and
  // is in no later page: more branches at or before the cursor than were handed out shows it (at least that many; a
  // branch deleted meanwhile hides one).
  const moved = resumed ? matched - following - resumed.handed : 0;
  const movedNote = moved > 0 ? movedAheadNote(moved) : undefined;
  await withLogSubjects(repo, branches);
  const elsewhere = branches.filter((b) => b.worktree !== undefined);
  if (elsewhere.length > 0) {
    const found = await prunableWorktrees(repo, elsewhere.map((b) => b.worktree!));
    // Keyed as `worktree` is written (sanitized), so that a folder named with a control character still matches.
    const prunable = new Map([...found].map(([folder, reason]) => [sanitizeLine(folder, 500), reason]));
    for (const branch of elsewhere) {
      const reason = prunable.get(branch.worktree!);
      if (reason !== undefined) branch.worktreePrunable = sanitizeLine(reason, 300);
    }
  }
  const unread = truncated
    ? `git listed more branches than the ${MAX_REF_BYTES / 1024 / 1024} MiB read of them (most recently committed first): older branches were not looked at, so one matching may be missing here; narrow the list with scope, or use a longer contains.`
    : undefined;
  return {
    current: head.branch,
    detached: head.detached,
    headHash: head.hash,
    branches,
    returned: branches.length,
    total: matched,
    truncated: following > branches.length || truncated,
    ...(unread || movedNote ? { note: [movedNote, unread].filter(Boolean).join(' ') } : {}),
  };
}

/**
 * `branches` (changed in place) with each subject that has a character beyond ASCII read again by git log. for-each-ref
 * prints a message's raw bytes: one stored in a legacy encoding (a commit with an `encoding EUC-KR` header, written
 * where i18n.commitEncoding is set) read as UTF-8 became "ù Ŀ��" for "첫 커밋", while git log re-encodes it to UTF-8 as
 * every other tool shows it (run.ts). Plain ASCII subjects are the same either way and cost no second git.
 */
async function withLogSubjects(repo: Repo, branches: Branch[]): Promise<void> {
  const unsure = branches.filter((b) => /[^\x00-\x7f]/.test(b.subject));
  if (unsure.length === 0) return;
  const hashes = [...new Set(unsure.map((b) => b.hash))];
  const read = await repo.git(['log', '--no-walk=unsorted', '-z', '--format=%H%x00%s', ...hashes, '--'], { okExitCodes: [0, 128] });
  if (read.exitCode !== 0) return;
  const tokens = read.stdout.toString('utf8').split('\0');
  const subjects = new Map<string, string>();
  for (let i = 0; i + 1 < tokens.length; i += 2) subjects.set(tokens[i].replace(/^\n/, ''), tokens[i + 1]);
  for (const branch of unsure) {
    const subject = subjects.get(branch.hash);
    if (subject !== undefined) branch.subject = sanitizeLine(subject, 500);
  }
}

/**
 * What a listing's cursor is made from, keyed by the whole result's branches array: the digest of its arguments and how
 * many matching branches the page started with (this page's and all after it).
 */
const paging = new WeakMap<Branch[], { query: string; following: number; handed: number }>();

/**
 * Said on a later page when `count` more matching branches now sort at or before its cursor than the earlier pages
 * handed out: branches committed to or created since (newest tip first), which no page after the cursor lists.
 */
function movedAheadNote(count: number): string {
  const which = count === 1 ? 'branch now sorts' : 'branches now sort';
  return `At least ${count} matching ${which} before this page that the earlier pages did not list (committed to or created since they were read; the list is newest tip first), so no page from this cursor on lists ${count === 1 ? 'it' : 'them'}: ask again without cursor to see ${count === 1 ? 'it' : 'them'}.`;
}

/** Said when `limit` cut the page (the output budget's cut is said by register.ts with `narrow`). */
const MORE = 'More branches match than are listed (most recently committed first): pass nextCursor back as cursor for the next page, or narrow the list with contains or scope.';

/**
 * After the budget cut (which keeps the branch objects): when matching branches follow the last one kept, a cursor at
 * its place, how many follow and, when the limit cut the page, how to read on. Said here, not as the spec's `rest`:
 * a last page cut only by the 8 MiB read of git's listing has no next page, and its note says why.
 */
function pageOnwards(kept: BranchesOutput, whole: BranchesOutput, cursors: PageCursors): BranchesOutput {
  const page = paging.get(whole.branches);
  const last = kept.branches.at(-1);
  const place = last && places.get(last);
  if (!page || !place || page.following <= kept.branches.length) return kept;
  const state: BranchCursor = { query: page.query, seconds: Number.isNaN(place.seconds) ? null : place.seconds, ref: place.ref, handed: page.handed + kept.branches.length };
  const byLimit = kept.branches.length === whole.branches.length;
  const note = byLimit ? (kept.note ? `${kept.note} ${MORE}` : MORE) : kept.note;
  return { ...kept, nextCursor: cursors.encode(state), remaining: page.following - kept.branches.length, ...(note === undefined ? {} : { note }) };
}

/** Negative when `a` comes before `b` in the listing's order (Place), zero for the same place. */
function comparePlaces(a: Place, b: Place): number {
  const when = (seconds: number) => (Number.isNaN(seconds) ? -Infinity : seconds);
  const byTime = when(b.seconds) - when(a.seconds);
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
  return Buffer.compare(Buffer.from(a.ref), Buffer.from(b.ref));
}

/**
 * The branches under `patterns` in the listing's order (Place), as many as MAX_REF_BYTES hold (`truncated` when more
 * were left unread: the oldest). git sorts them first, except when a
 * tip is dated before 1970: git 2.3x then fails the whole listing ("Timestamp too large for this system", "Timestamp+tz
 * too large"), so they are read unsorted and sorted here by the raw seconds.
 */
async function readRefs(repo: Repo, patterns: string[]): Promise<{ refs: Array<{ branch: Branch; place: Place }>; truncated: boolean }> {
  const format = `--format=${FIELDS.join('%00')}%00`;
  const options = { maxBytes: MAX_REF_BYTES };
  // git's order decides which branches fit in MAX_REF_BYTES (the newest); the order of those is then made total here.
  const sorted = await repo.git(['for-each-ref', format, '--sort=-committerdate', ...patterns], { ...options, okExitCodes: [0, 128] });
  const ordered = (output: Buffer) => parseRefs(output.toString('utf8')).sort((a, b) => comparePlaces(a.place, b.place));
  if (sorted.exitCode === 0 || sorted.truncated) return { refs: ordered(sorted.stdout), truncated: sorted.truncated };
  if (!/timestamp\S* too large/i.test(sorted.stderr)) throw explainGitFailure(new GitCommandError(sorted.exitCode, sorted.stderr), repo.root);
  const all = await gitOrExplain(repo, ['for-each-ref', format, ...patterns], options);
  return { refs: ordered(all.stdout), truncated: all.truncated };
}

/**
 * Branches from for-each-ref output (NUL after each field), symbolic aliases such as origin/HEAD left out, each with its
 * place in the listing's order.
 */
function parseRefs(output: string): Array<{ branch: Branch; place: Place }> {
  const tokens = output.split('\0');
  const branches: Array<{ branch: Branch; place: Place }> = [];
  for (let i = 0; i + FIELDS.length <= tokens.length; i += FIELDS.length) {
    const [refname, hash, shortHash, date, subject, upstream, track, headMark, symref, worktree] = tokens.slice(i, i + FIELDS.length);
    if (symref) continue;
    const ref = refname.replace(/^\n/, '');
    const { iso, seconds } = rawDate(date);
    const branch: Branch = {
      name: sanitizeLine(ref.replace(/^refs\/(heads|remotes)\//, ''), 300),
      kind: ref.startsWith('refs/heads/') ? 'local' : 'remote',
      current: headMark === '*',
      hash,
      shortHash,
      lastCommitDate: iso,
      subject: sanitizeLine(subject, 500),
      ...(upstream ? { upstream: sanitizeLine(upstream, 300), ...parseTrack(track) } : {}),
      // The branch checked out here is `current`; only another working tree is named.
      ...(worktree && headMark !== '*' ? { worktree: sanitizeLine(worktree, 500) } : {}),
    };
    branches.push({ branch, place: { seconds, ref } });
  }
  return branches;
}

/**
 * A `%(committerdate:raw)` value ("<seconds> <±hhmm>") as ISO 8601 in its zone and as seconds. git prints a date before
 * 1970 as its negative seconds taken unsigned (2^64 − n), which is read back as −n.
 */
export function rawDate(raw: string): { iso: string; seconds: number } {
  const [digits = '', zone = '+0000'] = raw.trim().split(' ');
  if (!/^\d{1,20}$/.test(digits)) return { iso: raw, seconds: Number.NaN };
  let value = BigInt(digits);
  if (value >= 2n ** 63n) value -= 2n ** 64n;
  const seconds = Number(value);
  return { iso: isoFromRawDate(`${seconds} ${zone}`) ?? raw, seconds };
}
