// Parsers for git output produced with NUL separators (NUL cannot occur in names, emails or
// subjects), so a `|` or a newline in the data never shifts a field.
import { sanitizeLine, sanitizeText } from '../../shared/sanitize';

/**
 * Fields of one commit, in the order COMMIT_FORMAT prints them. Names and emails are read through the repository's
 * .mailmap (%aN, %aE), as `git log`, `git shortlog` and `git blame` show them: with the raw %an one person who
 * committed under an old name or address counted as two, and git_blame (mailmap always) named someone git_log did not.
 */
const COMMIT_FIELDS = ['%H', '%h', '%aN', '%aE', '%aI', '%s', '%P', '%cI'] as const;
export const COMMIT_FORMAT = COMMIT_FIELDS.join('%x00');
export const COMMIT_FIELD_COUNT = COMMIT_FIELDS.length;

export interface CommitSummary {
  hash: string;
  shortHash: string;
  author: string;
  email: string;
  /** Author date, ISO 8601 in the author's zone. */
  date: string;
  /** Committer date, ISO 8601 in the committer's zone: what time windows select on (differs after a rebase, amend or cherry-pick). */
  committerDate: string;
  /** The author date in this machine's zone, only when git recorded it in another offset (git_log adds it). */
  dateLocal?: string;
  /** The committer date in this machine's zone, only when git recorded it in another offset (git_log adds it). */
  committerDateLocal?: string;
  subject: string;
  parents: string[];
}

const HASH = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

export function commitFromFields(fields: readonly string[]): CommitSummary {
  const [hash, shortHash, author, email, date, subject, parents, committerDate] = fields;
  if (!HASH.test(hash)) throw new Error('unexpected git log output');
  return {
    hash,
    shortHash,
    author: sanitizeLine(author, 200),
    email: sanitizeLine(email, 200),
    date,
    committerDate,
    subject: sanitizeLine(subject, 1000),
    parents: parents ? parents.split(' ').filter(Boolean) : [],
  };
}

/** COMMIT_FORMAT plus the committer time (unix seconds), for windows git cannot be trusted with. */
export const TIMED_COMMIT_FORMAT = `${COMMIT_FORMAT}%x00%ct`;
/** TIMED_COMMIT_FORMAT plus the raw message (subject and body), for filters matched here instead of by git. */
export const TIMED_MESSAGE_FORMAT = `${TIMED_COMMIT_FORMAT}%x00%B`;

/** A commit and its committer time in epoch ms (what a time window selects on). */
export interface TimedCommit {
  commit: CommitSummary;
  /** NaN when git could not read the committer date (one before 1970, stored negative; raw-dates.ts reads those). */
  committedAtMs: number;
  /** The raw message, when read with TIMED_MESSAGE_FORMAT. */
  message?: string;
}

/** Commits from `git log -z --format=TIMED_COMMIT_FORMAT` (or TIMED_MESSAGE_FORMAT with `withMessage`), each with its committer time. */
export function parseTimedCommitList(output: string, withMessage = false): TimedCommit[] {
  return parseRecords(output, COMMIT_FIELD_COUNT + (withMessage ? 2 : 1)).map((fields) => ({
    commit: commitFromFields(fields),
    // git prints nothing for a committer time it cannot read (a date before 1970, stored negative): NaN, not 0.
    committedAtMs: /^\d+$/.test(fields[COMMIT_FIELD_COUNT]) ? Number(fields[COMMIT_FIELD_COUNT]) * 1000 : Number.NaN,
    ...(withMessage ? { message: fields[COMMIT_FIELD_COUNT + 1] } : {}),
  }));
}

/**
 * Commits from `git log -z --format=COMMIT_FORMAT`: fields and records are both NUL-separated,
 * so the stream is read in groups of COMMIT_FIELD_COUNT. An incomplete last group (output cut at
 * the byte cap) is dropped.
 */
export function parseCommitList(output: string): CommitSummary[] {
  return parseRecords(output, COMMIT_FIELD_COUNT).map(commitFromFields);
}

/** NUL-separated records of `count` fields each; an incomplete last record (cut output) is dropped. */
function parseRecords(output: string, count: number): string[][] {
  const tokens = output.split('\0');
  const records: string[][] = [];
  for (let i = 0; i + count <= tokens.length; i += count) {
    // The last field of a complete record is followed by a separator; without it, the record was cut.
    if (i + count === tokens.length && !output.endsWith('\0')) break;
    records.push(tokens.slice(i, i + count));
  }
  return records;
}

export interface FileStat {
  /** Exact path (see listedPath). */
  path: string;
  /** Set when `path` has control or invisible characters. */
  displayPath?: string;
  /** Set for renames and copies. */
  oldPath?: string;
  displayOldPath?: string;
  added: number;
  deleted: number;
  binary: boolean;
}

/** Files and lines over a list of per-file stats (binary files count as files with 0 lines). */
export function sumStats(files: readonly FileStat[]): { files: number; added: number; deleted: number } {
  return files.reduce((t, f) => ({ files: t.files + 1, added: t.added + f.added, deleted: t.deleted + f.deleted }), { files: 0, added: 0, deleted: 0 });
}

export interface NumstatCommit {
  hash: string;
  /** Committer time in epoch ms, when the format gave it (`%x1e%H %ct`); NaN when git could not read it (before 1970). */
  committedAtMs?: number;
  files: FileStat[];
}

/** Marks the start of each commit in `git log --numstat -z --format=%x1e%H` (or `%x1e%H %ct`). */
export const NUMSTAT_COMMIT_MARK = '\x1e';

/**
 * Reads numstat tokens (split on NUL). A stat is `added\tdeleted\tpath`, or for a rename
 * `added\tdeleted\t` followed by two tokens, old and new path. `-` counts mean binary.
 * With `hashMarks`, tokens `\x1e<hash>` open a new commit.
 */
export function parseNumstat(output: string, hashMarks: boolean): NumstatCommit[] {
  const tokens = output.split('\0');
  const commits: NumstatCommit[] = [];
  let current: NumstatCommit = { hash: '', files: [] };
  if (!hashMarks) commits.push(current);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i].replace(/^\n+/, '');
    if (token === '') continue;
    // `%ct` prints nothing for a date git cannot read (before 1970): the commit is still one, its time NaN.
    const mark = hashMarks && token.startsWith(NUMSTAT_COMMIT_MARK) ? /^\x1e([0-9a-f]{40}(?:[0-9a-f]{24})?)(?: (\d*))?$/.exec(token) : null;
    if (mark) {
      current = { hash: mark[1], ...(mark[2] === undefined ? {} : { committedAtMs: mark[2] === '' ? Number.NaN : Number(mark[2]) * 1000 }), files: [] };
      commits.push(current);
      continue;
    }
    const match = /^(\d+|-)\t(\d+|-)\t([\s\S]*)$/.exec(token);
    if (!match) continue;
    const binary = match[1] === '-' || match[2] === '-';
    const stat: FileStat = { path: '', added: binary ? 0 : Number(match[1]), deleted: binary ? 0 : Number(match[2]), binary };
    if (match[3] !== '') {
      Object.assign(stat, listedPath(match[3]));
    } else {
      // A rename whose paths were cut off by the byte cap is dropped.
      if (i + 2 >= tokens.length) break;
      const old = listedPath(tokens[i + 1]);
      Object.assign(stat, listedPath(tokens[i + 2]), { oldPath: old.path }, old.displayPath === undefined ? {} : { displayOldPath: old.displayPath });
      i += 2;
    }
    current.files.push(stat);
  }
  return commits;
}

/**
 * A path as tools list it: `path` exact (what git stores, any character but NUL; JSON carries it
 * unchanged, so passing it back to a tool finds the same file) and, only when the exact text has
 * control or invisible characters, `displayPath` for people: control characters shown as \xNN, invisible ones as \u202E.
 */
export function listedPath(path: string): { path: string; displayPath?: string } {
  const display = displayPath(path);
  return display === path ? { path } : { path, displayPath: display };
}

/** The display form of a path: control characters as \xNN, invisible and bidi ones as \u202E (so two paths never look alike and none reorders the text). */
export function displayPath(path: string): string {
  const escaped = path.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return sanitizeText(escaped);
}

/** Reads a path git wrote C-quoted ("a\tb", octal bytes) back to its exact text; unquoted text is returned as is. */
export function unquoteGitPath(text: string): string {
  if (!(text.startsWith('"') && text.endsWith('"') && text.length >= 2)) return text;
  const bytes: number[] = [];
  const named: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
  const body = Buffer.from(text.slice(1, -1), 'utf8');
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== 92) {
      bytes.push(body[i]);
      continue;
    }
    const next = String.fromCharCode(body[i + 1]);
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.subarray(i + 1, i + 4).toString('latin1'), 8));
      i += 3;
    } else {
      bytes.push(named[next] ?? body[i + 1]);
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
