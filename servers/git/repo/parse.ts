// Parsers for git output produced with NUL separators (NUL cannot occur in names, emails or
// subjects), so a `|` or a newline in the data never shifts a field.
import { sanitizeLine, sanitizeText } from '../../shared/sanitize';

/** Fields of one commit, in the order COMMIT_FORMAT prints them. */
const COMMIT_FIELDS = ['%H', '%h', '%an', '%ae', '%aI', '%s', '%P'] as const;
export const COMMIT_FORMAT = COMMIT_FIELDS.join('%x00');
export const COMMIT_FIELD_COUNT = COMMIT_FIELDS.length;

export interface CommitSummary {
  hash: string;
  shortHash: string;
  author: string;
  email: string;
  date: string;
  subject: string;
  parents: string[];
}

const HASH = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

export function commitFromFields(fields: readonly string[]): CommitSummary {
  const [hash, shortHash, author, email, date, subject, parents] = fields;
  if (!HASH.test(hash)) throw new Error('unexpected git log output');
  return {
    hash,
    shortHash,
    author: sanitizeLine(author, 200),
    email: sanitizeLine(email, 200),
    date,
    subject: sanitizeLine(subject, 1000),
    parents: parents ? parents.split(' ').filter(Boolean) : [],
  };
}

/**
 * Commits from `git log -z --format=COMMIT_FORMAT`: fields and records are both NUL-separated,
 * so the stream is read in groups of COMMIT_FIELD_COUNT. An incomplete last group (output cut at
 * the byte cap) is dropped.
 */
export function parseCommitList(output: string): CommitSummary[] {
  const tokens = output.split('\0');
  const commits: CommitSummary[] = [];
  for (let i = 0; i + COMMIT_FIELD_COUNT <= tokens.length; i += COMMIT_FIELD_COUNT) {
    const fields = tokens.slice(i, i + COMMIT_FIELD_COUNT);
    // The last field of a complete record is followed by a separator; without it, the record was cut.
    if (i + COMMIT_FIELD_COUNT === tokens.length && !output.endsWith('\0')) break;
    commits.push(commitFromFields(fields));
  }
  return commits;
}

export interface FileStat {
  path: string;
  /** Set for renames and copies. */
  oldPath?: string;
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
  files: FileStat[];
}

/** Marks the start of each commit in `git log --numstat -z --format=%x1e%H`. */
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
    if (hashMarks && token.startsWith(NUMSTAT_COMMIT_MARK) && HASH.test(token.slice(1))) {
      current = { hash: token.slice(1), files: [] };
      commits.push(current);
      continue;
    }
    const match = /^(\d+|-)\t(\d+|-)\t([\s\S]*)$/.exec(token);
    if (!match) continue;
    const binary = match[1] === '-' || match[2] === '-';
    const stat: FileStat = { path: '', added: binary ? 0 : Number(match[1]), deleted: binary ? 0 : Number(match[2]), binary };
    if (match[3] !== '') {
      stat.path = cleanPath(match[3]);
    } else {
      // A rename whose paths were cut off by the byte cap is dropped.
      if (i + 2 >= tokens.length) break;
      stat.oldPath = cleanPath(tokens[i + 1]);
      stat.path = cleanPath(tokens[i + 2]);
      i += 2;
    }
    current.files.push(stat);
  }
  return commits;
}

/** Paths keep their spelling; control characters are shown as \xNN so two paths never look alike. */
export function cleanPath(path: string): string {
  const escaped = path.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return sanitizeText(escaped);
}
