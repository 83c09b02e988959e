// Reads `git status --porcelain=v2 -z --branch`.
import { listedPath } from './parse';
import { sanitizeLine } from '../../shared/sanitize';
import { openRepo, type Repo } from './repo';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { GitRunResult } from './run';

export interface StatusEntry {
  /** Exact path (see listedPath); `displayPath` when it has control or invisible characters. */
  path: string;
  displayPath?: string;
  origPath?: string;
  displayOrigPath?: string;
  kind: 'changed' | 'renamed' | 'copied' | 'unmerged' | 'untracked';
  /** Index (staged) state letter: M A D R C T U, or '.' for none. */
  staged: string;
  /** Working-tree (unstaged) state letter, or '.' for none. */
  unstaged: string;
  /** For a submodule: what changed, as git status words it ("new commits", "modified content", "untracked content"). */
  submodule?: string;
}

export interface StatusReport {
  branch: string | null;
  detached: boolean;
  oid: string | null;
  upstream?: string;
  /** Commits ahead of / behind the upstream; absent when the upstream is gone (git prints no counts then). */
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

/**
 * The working tree's status, as `git status` reports it, submodules included: a submodule with
 * uncommitted or untracked work inside counts as modified. git is not asked to look inside
 * submodules itself (it would run their own configured filters); each one is opened like a
 * repository, with the same guards, and read here (nested ones up to `depth` levels).
 * `under`, a path relative to the top ('/' between names, as resolveRepoPath gives it; '.' the whole tree), keeps the
 * entries to that file or folder; paths stay relative to the top. The branch fields always describe the whole repository.
 */
export async function readStatus(repo: Repo, maxBytes = 8 * 1024 * 1024, depth = 3, under?: string): Promise<StatusReport> {
  const pathArgs = under === undefined || under === '.' ? [] : ['--', under];
  const result: GitRunResult = await repo.git(['status', '--porcelain=v2', '-z', '--branch', '--untracked-files=normal', '--ignore-submodules=dirty', ...pathArgs], { maxBytes });
  const report = parseStatus(result.stdout.toString('utf8'), result.truncated);
  if (depth > 0) await addDirtySubmodules(repo, report, maxBytes, depth, pathArgs);
  return report;
}

/** Marks submodules (under `pathArgs`, git's pathspec) with work inside as modified ('M' unstaged, `submodule` saying what kind). */
async function addDirtySubmodules(repo: Repo, report: StatusReport, maxBytes: number, depth: number, pathArgs: readonly string[]): Promise<void> {
  if (!existsSync(join(repo.root, '.gitmodules'))) return; // no submodules: no index listing to pay for
  const listed = await repo.git(['ls-files', '-z', '--stage', ...pathArgs], { maxBytes: 32 * 1024 * 1024 });
  const submodules = listed.stdout
    .toString('utf8')
    .split('\0')
    .filter((line) => line.startsWith('160000 '))
    .map((line) => line.slice(line.indexOf('\t') + 1));
  for (const path of submodules) {
    const folder = join(repo.root, path);
    if (!existsSync(join(folder, '.git'))) continue; // not checked out
    let inner: StatusReport;
    try {
      inner = await readStatus(await openRepo(folder, repo.signal), maxBytes, depth - 1);
    } catch {
      continue; // a submodule we cannot read is left as git reported it
    }
    const counts = countChanges(inner.entries);
    const modified = counts.staged + counts.unstaged + counts.conflicted > 0;
    if (!modified && counts.untracked === 0) continue;
    const state = modified ? 'modified content' : 'untracked content';
    const existing = report.entries.find((e) => e.path === path);
    if (existing) {
      existing.unstaged = existing.unstaged === '.' ? 'M' : existing.unstaged;
      existing.submodule = existing.submodule ? `${existing.submodule}, ${state}` : state;
    } else {
      report.entries.push({ ...listedPath(path), kind: 'changed', staged: '.', unstaged: 'M', submodule: state });
    }
  }
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
      report.entries.push({ ...listedPath(token.slice(2)), kind: 'untracked', staged: '.', unstaged: '?' });
    } else if (type === '1') {
      const parts = splitFields(token, 8);
      const sub = parts[2]?.startsWith('S') && parts[2][1] === 'C' ? { submodule: 'new commits' } : {};
      report.entries.push({ ...listedPath(parts[8]), kind: 'changed', staged: parts[1][0], unstaged: parts[1][1], ...sub });
    } else if (type === '2') {
      const parts = splitFields(token, 9);
      const origPath = tokens[i + 1];
      i += 1;
      if (origPath === undefined) break;
      const kind = parts[8].startsWith('C') ? 'copied' : 'renamed';
      const orig = listedPath(origPath);
      report.entries.push({ ...listedPath(parts[9]), origPath: orig.path, ...(orig.displayPath === undefined ? {} : { displayOrigPath: orig.displayPath }), kind, staged: parts[1][0], unstaged: parts[1][1] });
    } else if (type === 'u') {
      const parts = splitFields(token, 10);
      report.entries.push({ ...listedPath(parts[10]), kind: 'unmerged', staged: parts[1][0], unstaged: parts[1][1] });
    }
  }
  return report;
}

/** The branch's upstream as the status tool and git://info report it: with its counts, or gone (deleted on the remote). */
export function upstreamState(report: StatusReport): { name: string; ahead: number; behind: number } | { name: string; gone: true } | undefined {
  if (!report.upstream) return undefined;
  // porcelain v2 prints branch.upstream without branch.ab when the upstream branch no longer exists ("[gone]").
  if (report.ahead === undefined || report.behind === undefined) return { name: report.upstream, gone: true };
  return { name: report.upstream, ahead: report.ahead, behind: report.behind };
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
