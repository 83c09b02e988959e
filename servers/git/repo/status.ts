// Reads `git status --porcelain=v2 -z --branch`.
import { cleanPath } from './parse';
import { sanitizeLine } from '../../shared/sanitize';
import type { Repo } from './repo';
import type { GitRunResult } from './run';

export interface StatusEntry {
  path: string;
  origPath?: string;
  kind: 'changed' | 'renamed' | 'copied' | 'unmerged' | 'untracked';
  /** Index (staged) state letter: M A D R C T U, or '.' for none. */
  staged: string;
  /** Working-tree (unstaged) state letter, or '.' for none. */
  unstaged: string;
}

export interface StatusReport {
  branch: string | null;
  detached: boolean;
  oid: string | null;
  upstream?: string;
  ahead?: number;
  behind?: number;
  entries: StatusEntry[];
  truncated: boolean;
}

export interface ChangeCounts {
  staged: number;
  unstaged: number;
  untracked: number;
  conflicted: number;
}

/** Files per kind of change; a file both staged and modified again counts in both. */
export function countChanges(entries: readonly StatusEntry[]): ChangeCounts {
  const counts = { staged: 0, unstaged: 0, untracked: 0, conflicted: 0 };
  for (const entry of entries) {
    if (entry.kind === 'untracked') counts.untracked++;
    else if (entry.kind === 'unmerged') counts.conflicted++;
    else {
      if (entry.staged !== '.') counts.staged++;
      if (entry.unstaged !== '.') counts.unstaged++;
    }
  }
  return counts;
}

export async function readStatus(repo: Repo, maxBytes = 8 * 1024 * 1024): Promise<StatusReport> {
  const result: GitRunResult = await repo.git(['status', '--porcelain=v2', '-z', '--branch', '--untracked-files=normal', '--ignore-submodules=dirty'], { maxBytes });
  return parseStatus(result.stdout.toString('utf8'), result.truncated);
}

export function parseStatus(output: string, truncated: boolean): StatusReport {
  const report: StatusReport = { branch: null, detached: false, oid: null, entries: [], truncated };
  const tokens = output.split('\0');
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === '') continue;
    if (token.startsWith('# ')) {
      const [, key, ...rest] = token.split(' ');
      const value = rest.join(' ');
      if (key === 'branch.oid') report.oid = value === '(initial)' ? null : value;
      else if (key === 'branch.head') {
        report.detached = value === '(detached)';
        report.branch = report.detached ? null : sanitizeLine(value, 300);
      } else if (key === 'branch.upstream') report.upstream = sanitizeLine(value, 300);
      else if (key === 'branch.ab') {
        const match = /^\+(\d+) -(\d+)$/.exec(value);
        if (match) {
          report.ahead = Number(match[1]);
          report.behind = Number(match[2]);
        }
      }
      continue;
    }
    const type = token[0];
    if (type === '?') {
      report.entries.push({ path: cleanPath(token.slice(2)), kind: 'untracked', staged: '.', unstaged: '?' });
    } else if (type === '1') {
      const parts = splitFields(token, 8);
      report.entries.push({ path: cleanPath(parts[8]), kind: 'changed', staged: parts[1][0], unstaged: parts[1][1] });
    } else if (type === '2') {
      const parts = splitFields(token, 9);
      const origPath = tokens[i + 1];
      i += 1;
      if (origPath === undefined) break;
      const kind = parts[8].startsWith('C') ? 'copied' : 'renamed';
      report.entries.push({ path: cleanPath(parts[9]), origPath: cleanPath(origPath), kind, staged: parts[1][0], unstaged: parts[1][1] });
    } else if (type === 'u') {
      const parts = splitFields(token, 10);
      report.entries.push({ path: cleanPath(parts[10]), kind: 'unmerged', staged: parts[1][0], unstaged: parts[1][1] });
    }
  }
  return report;
}

/** Splits off `count` space-separated fields; the rest (a path that may contain spaces) is the last element. */
function splitFields(token: string, count: number): string[] {
  const parts: string[] = [];
  let rest = token;
  for (let n = 0; n < count; n++) {
    const space = rest.indexOf(' ');
    if (space < 0) break;
    parts.push(rest.slice(0, space));
    rest = rest.slice(space + 1);
  }
  parts.push(rest);
  return parts;
}
