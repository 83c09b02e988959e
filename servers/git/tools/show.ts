import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { sanitizeLine, sanitizeText } from '../../shared/sanitize';
import type { GitServerContext } from '../context';
import { sumStats } from '../repo/parse';
import { emptyTree, explainGitFailure, gitOrExplain, renameLimitNote, type Repo } from '../repo/repo';
import { missingObjectsAdvice, notCountedNote, numstatOrPartial } from '../repo/partial-clone';
import { submoduleMoves, submoduleNote } from '../repo/submodule-stats';
import { lfsChanges, lfsNote } from '../repo/lfs-pointers';
import { withRawDates } from '../repo/raw-dates';
import { explainUntouchedPath, resolveCommit, resolveRepoPath } from '../repo/validate';
import { UserFacingError } from '../../shared/tool-result';
import { registerGitTool } from './register';
import type { PatchCache } from '../repo/patch-cache';
import { fileStatSchema, pathInput, refInput } from './schemas';
import { decodeFileText, fileTextNote } from '../repo/legacy-text';

const MAX_BODY_CHARS = 4000;
/** Furthest a patch can be paged into: git writes the patch up to the page asked for, and it is held to be cut. */
const MAX_PATCH_OFFSET = 64 * 1024 * 1024;
/** Most paths named to git for the patch of a partial clone's commit (the files whose contents are here). */
const MAX_PARTIAL_PATCH_PATHS = 5000;
const DIFF_OPTIONS = ['-M', '--no-ext-diff', '--no-textconv', '--no-color', '--diff-merges=first-parent'];

const inputSchema = z.object({
  ref: refInput('The commit to show').default('HEAD'),
  includePatch: z.boolean().default(true).describe('Include the unified diff (capped by maxPatchBytes)'),
  maxPatchBytes: z.number().int().min(1000).max(100_000).default(20_000).describe('Largest patch to return; longer patches are cut and marked truncated'),
  patchOffset: z
    .number()
    .int()
    .min(0)
    .max(MAX_PATCH_OFFSET)
    .default(0)
    .describe('Byte of the patch to start at: the nextPatchOffset of an answer whose patch was cut, to read the rest'),
  path: pathInput.optional().describe('Only show the patch and stats for this file or folder'),
  maxFiles: z.number().int().min(1).max(2000).default(300).describe('Most files to list in the per-file stats'),
});

const outputSchema = z.object({
  hash: z.string(),
  shortHash: z.string(),
  author: z.string(),
  email: z.string(),
  date: z.string().describe('Author date, ISO 8601'),
  committer: z.string(),
  committerEmail: z.string(),
  committerDate: z.string(),
  subject: z.string(),
  body: z.string().describe('Message after the subject line'),
  parents: z.array(z.string()),
  isMerge: z.boolean(),
  files: z.array(fileStatSchema),
  totals: z.object({ files: z.number().int(), added: z.number().int(), deleted: z.number().int() }),
  filesTruncated: z.boolean(),
  patch: z.string().optional(),
  patchTruncated: z.boolean(),
  nextPatchOffset: z.number().int().optional().describe('When the patch was cut: pass it as patchOffset (same ref and path) for the next part'),
  truncated: z.boolean().describe('True when the file list, body or patch was cut'),
  note: z.string().optional(),
});

/** Names and emails through the .mailmap, as everywhere (see COMMIT_FIELDS). */
const META_FIELDS = ['%H', '%h', '%aN', '%aE', '%aI', '%cN', '%cE', '%cI', '%P', '%s', '%b'];

type ShowInput = z.output<typeof inputSchema>;
type ShowOutput = z.output<typeof outputSchema>;

export function registerShowTool(server: McpServer, context: GitServerContext, patches: PatchCache): void {
  registerGitTool(server, context, {
    name: 'git_show',
    title: 'Show one git commit',
    description:
      'One commit in detail: author, committer, dates, full message, parents, lines added/deleted per file, and the patch (capped). Use it after git_log or git_blame to explain what a specific commit did. A merge is shown against its first parent.',
    input: inputSchema,
    output: outputSchema,
    list: 'files',
    cutFlags: ['filesTruncated', 'truncated'],
    run: (input, repo) => readCommit(input, repo, patches),
  });
}

async function readCommit(input: ShowInput, repo: Repo, patches: PatchCache): Promise<ShowOutput> {
  const hash = await resolveCommit(repo, input.ref, 'ref');
  const path = input.path === undefined ? undefined : resolveRepoPath(repo, input.path, 'path');
  const pathArgs = path ? ['--', path] : ['--'];
  const { bodyCut, ...meta } = await readMeta(repo, hash);
  // Compared as git show compares: with the first parent, or the empty tree for a commit without one.
  const base = meta.parents[0] ?? emptyTree(repo);
  const stats = await numstatOrPartial(repo, () => repo.git(['show', '--format=', '--numstat', '-z', ...DIFF_OPTIONS, hash, ...pathArgs], { maxBytes: 8 * 1024 * 1024 }), {
    from: base,
    to: hash,
    pathArgs,
    diffArgs: DIFF_OPTIONS.filter((option) => !option.startsWith('--diff-merges')),
  }).catch((error: unknown) => Promise.reject(explainGitFailure(error, repo.root)));
  const [moves, lfs] = await Promise.all([submoduleMoves(repo, base, hash, pathArgs), lfsChanges(repo, base, hash, pathArgs)]);
  const allFiles = stats.files.map((f) => (moves.has(f.path) ? { ...f, submodule: true as const } : lfs.has(f.path) ? { ...f, lfs: true as const } : f));
  // In a partial clone lacking some contents, the patch is of the files that are here (git would fail on the others).
  const present = stats.presentPaths;
  const patchPaths = present === undefined ? pathArgs : present.length > 0 && present.length <= MAX_PARTIAL_PATCH_PATHS ? ['--', ...present] : undefined;
  const { patch, patchTruncated, nextPatchOffset, charsetNote } =
    input.includePatch && patchPaths !== undefined
      ? await readPatch(repo, patches, hash, patchPaths, { offset: input.patchOffset, maxBytes: input.maxPatchBytes, onePath: path !== undefined })
      : { patch: undefined, patchTruncated: false, nextPatchOffset: undefined, charsetNote: undefined };
  const partial =
    stats.missing.size > 0
      ? notCountedNote(
          allFiles,
          await missingObjectsAdvice(repo, stats.missing, `git show --stat ${hash}`),
          input.includePatch ? (patchPaths === undefined ? ', and there is no patch' : ', and the patch leaves them out') : '',
        )
      : undefined;
  const filesTruncated = allFiles.length > input.maxFiles || stats.truncated;
  const untouched = path !== undefined && allFiles.length === 0 ? await explainUnchangedPath(repo, hash, path, input.ref) : undefined;
  const { parents } = meta;
  const notes = [
    parents.length > 1 ? 'A merge commit: files and patch are against the first parent.' : undefined,
    parents.length === 0 && repo.shallow ? 'This commit is at the edge of a shallow clone; its parents are not available, so it is shown against the empty tree.' : undefined,
    untouched,
    partial,
    renameLimitNote(stats.stderr),
    submoduleNote(moves),
    lfsNote(lfs),
    charsetNote,
  ].filter(Boolean);
  return {
    ...meta,
    files: allFiles.slice(0, input.maxFiles),
    totals: sumStats(allFiles),
    filesTruncated,
    ...(patch === undefined ? {} : { patch }),
    patchTruncated,
    ...(nextPatchOffset === undefined ? {} : { nextPatchOffset }),
    truncated: filesTruncated || patchTruncated || bodyCut,
    ...(notes.length > 0 ? { note: notes.join(' ') } : {}),
  };
}

/** The note when the shown commit does not change `path`: whether the path exists there at all. */
async function explainUnchangedPath(repo: Repo, hash: string, path: string, refLabel: string): Promise<string> {
  // The name is looked up in the tree, not read: a submodule's commit or a partial clone's undownloaded file exists too.
  const exists = await repo.git(['rev-parse', '--verify', '--quiet', `${hash}:${path === '.' ? '' : path}`], { okExitCodes: [0, 1, 128] });
  if (exists.exitCode === 0) return `${refLabel} does not change ${JSON.stringify(path)}, which exists at that commit; git_log with this path lists the commits that do.`;
  return explainUntouchedPath(repo, path, [hash], refLabel);
}

/** The commit's people, dates, message (body capped at MAX_BODY_CHARS) and parents, sanitized. */
async function readMeta(repo: Repo, hash: string) {
  const meta = await gitOrExplain(repo, ['show', '-s', `--format=${META_FIELDS.join('%x00')}`, hash, '--'], { maxBytes: 1024 * 1024 });
  const [full, shortHash, author, email, date, committer, committerEmail, committerDate, parentList, subject, rawBody] = meta.stdout.toString('utf8').split('\0');
  const parents = parentList ? parentList.split(' ').filter(Boolean) : [];
  const bodyText = sanitizeText(rawBody ?? '').trim();
  const bodyCut = bodyText.length > MAX_BODY_CHARS;
  const [dates] = await withRawDates(repo, [{ hash: full, date, committerDate }]);
  return {
    hash: full,
    shortHash,
    author: sanitizeLine(author, 200),
    email: sanitizeLine(email, 200),
    date: dates.date,
    committer: sanitizeLine(committer, 200),
    committerEmail: sanitizeLine(committerEmail, 200),
    committerDate: dates.committerDate,
    subject: sanitizeLine(subject, 1000),
    body: bodyCut ? `${bodyText.slice(0, MAX_BODY_CHARS)}… [message cut]` : bodyText,
    parents,
    isMerge: parents.length > 1,
    bodyCut,
  };
}

/**
 * The unified diff from byte `offset` (0: its start), at most `maxBytes` of it. A cut part ends at the last line end in
 * it (a line, and a UTF-8 character, is never split across parts) and gives `nextPatchOffset`, the byte the next part
 * starts at: before, a patch longer than 100 KB could not be read past its start, and the note sent a call that
 * already named one file to name one. The patch is read through `patches`, so the parts of one are read from what git
 * wrote once (or a few times, for a very long one). Throws a UserFacingError when `offset` is past the patch's end.
 */
async function readPatch(
  repo: Repo,
  patches: PatchCache,
  hash: string,
  pathArgs: string[],
  page: { offset: number; maxBytes: number; onePath: boolean },
): Promise<{ patch: string; patchTruncated: boolean; nextPatchOffset?: number; charsetNote?: string }> {
  const end = page.offset + page.maxBytes;
  // One byte past the part tells whether the patch goes on.
  const held = await patches.read(JSON.stringify([repo.root, hash, pathArgs]), end + 1, MAX_PATCH_OFFSET + 100_001, (maxBytes) =>
    gitOrExplain(repo, ['show', '--format=', '--patch', ...DIFF_OPTIONS, hash, ...pathArgs], { maxBytes }),
  );
  const written = held.bytes;
  if (page.offset > 0 && page.offset >= written.length) {
    throw new UserFacingError(`patchOffset ${page.offset} is at or past the end of this patch, which has ${written.length} bytes; give a nextPatchOffset from an earlier answer for the same ref and path.`);
  }
  // An offset counted by hand can fall inside a UTF-8 character: the part starts at that character, not at U+FFFD.
  const offset = characterStart(written, page.offset);
  const cut = written.length > end;
  const part = written.subarray(offset, cut ? end : written.length);
  if (!cut) return withCharsetNote(decodeFileText(part), { patchTruncated: false });
  const kept = part.subarray(0, partEnd(part));
  const next = offset + kept.length;
  const other = page.onePath ? '' : ', or give path to see one file';
  const text = decodeFileText(kept);
  return withCharsetNote({ ...text, text: `${text.text}… [patch cut after byte ${next}; patchOffset ${next} continues it${other}]` }, { patchTruncated: true, nextPatchOffset: next });
}

/** A part of a patch as returned: its text sanitized, and the note when lines of it were not UTF-8. */
function withCharsetNote(
  text: ReturnType<typeof decodeFileText>,
  paging: { patchTruncated: boolean; nextPatchOffset?: number },
): { patch: string; patchTruncated: boolean; nextPatchOffset?: number; charsetNote?: string } {
  const charsetNote = fileTextNote('the patch\'s lines', text);
  return { patch: sanitizeText(text.text), ...paging, ...(charsetNote ? { charsetNote } : {}) };
}

/** `offset`, or the start of the UTF-8 character whose continuation byte it points at (at most 3 bytes before). */
function characterStart(bytes: Buffer, offset: number): number {
  let start = offset;
  while (start > 0 && offset - start < 3 && (bytes[start] & 0xc0) === 0x80) start--;
  return (bytes[start] & 0xc0) === 0xc0 ? start : offset;
}

/** Where a cut part of a patch ends: after its last line end, or in a single line longer than the part, before a UTF-8 character's continuation bytes. */
function partEnd(part: Buffer): number {
  const lineEnd = part.lastIndexOf(0x0a);
  if (lineEnd >= 0) return lineEnd + 1;
  let end = part.length;
  while (end > 1 && (part[end - 1] & 0xc0) === 0x80) end--;
  // The byte before the continuations starts the character that was cut: it goes to the next part as well.
  return end > 1 && part[end - 1] >= 0xc0 ? end - 1 : part.length;
}
