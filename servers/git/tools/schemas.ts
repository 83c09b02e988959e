// Output shapes shared by several git tools.
import { z } from 'zod';
import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';

/** Every git tool only reads the repository; repeating a call changes nothing. */
export const READ_ONLY: ToolAnnotations = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: false,
};

/** The description of a date field given again in this machine's zone. */
const LOCAL_DATE = (what: string) =>
  `The ${what} in this machine's time zone (the one the user's day is read in: today, yesterday), only when the commit recorded it in another offset: the same instant, as the user's clock shows it`;

export const commitSchema = z.object({
  hash: z.string().describe('Full commit hash'),
  shortHash: z.string(),
  author: z.string().describe("Author name as git log shows it (through the repository's .mailmap)"),
  email: z.string().describe('Author email, through the .mailmap too'),
  date: z.string().describe('Author date, ISO 8601 with offset'),
  committerDate: z.string().describe('Committer date, ISO 8601 with offset: what since/until select on; later than date after a rebase, amend or cherry-pick'),
  dateLocal: z.string().optional().describe(LOCAL_DATE('author date')),
  committerDateLocal: z.string().optional().describe(LOCAL_DATE('committer date')),
  subject: z.string(),
  parents: z.array(z.string()).describe('Parent hashes; two or more for a merge'),
});

/** What every listed path says about itself: exact for passing back, a display form only when needed. */
export const EXACT_PATH =
  'Exact path relative to the repository root; pass it back unchanged as a path argument (except a name whose bytes are not UTF-8: those bytes show as U+FFFD and such a path cannot be passed back)';
export const DISPLAY_PATH = 'The path for people, only when the exact one has control or invisible characters (shown as \\xNN and \\u202E); do not pass it back';

export const fileStatSchema = z.object({
  path: z.string().describe(EXACT_PATH),
  displayPath: z.string().optional().describe(DISPLAY_PATH),
  oldPath: z.string().optional().describe('Previous exact path when the file was renamed or copied'),
  displayOldPath: z.string().optional().describe(DISPLAY_PATH),
  added: z.number().int(),
  deleted: z.number().int(),
  binary: z.boolean(),
  submodule: z.literal(true).optional().describe('A submodule: its counted lines are the commit it points at, not its files (the note names the commits)'),
  lfs: z
    .literal(true)
    .optional()
    .describe("A Git LFS file: git holds a pointer (the stored object's sha256 oid and size) in its place, so its counted lines are the pointer's, not the file's (the note names both sides)"),
  notInClone: z
    .literal(true)
    .optional()
    .describe('Its contents (one side or both) are not in this partial clone, so its added and deleted lines are unknown: 0 here and in the totals (the note names the missing objects and how to download them)'),
});

export const refInput = (what: string) =>
  z.string().min(1).max(256).describe(`${what}: a branch, tag, commit hash or expression such as HEAD~3`);

export const pathInput = z
  .string()
  .min(1)
  .max(4096)
  .describe('A file or folder path relative to the repository root (absolute paths inside the repository also work)');
