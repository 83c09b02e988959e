// Names an operation git has stopped in the middle of (merge, rebase, cherry-pick, revert, am, bisect): `git status`
// prints it in words, but its porcelain form, which the status tool reads, does not carry it.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { sanitizeLine } from '../../shared/sanitize';
import type { Repo } from './repo';

export interface Operation {
  kind: 'merge' | 'rebase' | 'cherry-pick' | 'revert' | 'am' | 'bisect';
  /** What git is bringing in: the merged commit(s), the commit being picked or reverted, the rebase's onto commit. */
  commits?: string[];
  /** For a rebase: the branch being rebased (without refs/heads/), when git recorded one. */
  branch?: string;
  /** For a rebase or am: the step git stopped at and how many there are (1-based). */
  step?: number;
  total?: number;
  /** A bisect is running too (git allows one alongside a cherry-pick, a merge, …). */
  alsoBisecting?: boolean;
  /** How to go on or back out, in git's own commands. */
  next: string;
}

/**
 * The operation in progress in the repository's working tree, or undefined when there is none. Reads the markers git
 * keeps in the worktree's git folder in the order `git status` does (wt-status.c): MERGE_HEAD, then rebase-apply/ (am
 * or rebase) and rebase-merge/, then CHERRY_PICK_HEAD, REVERT_HEAD, a cherry-pick or revert of several commits waiting
 * between steps (sequencer/), and BISECT_LOG, which can run alongside any of them (`alsoBisecting`). A marker that
 * cannot be read counts as absent.
 */
export async function readOperation(repo: Repo): Promise<Operation | undefined> {
  const result = await repo.git(['rev-parse', '--absolute-git-dir'], { okExitCodes: [0, 128] });
  if (result.exitCode !== 0) return undefined;
  // Only the line break: a git folder's name may end in a space.
  const gitDir = result.stdout.toString('utf8').replace(/\r?\n$/, '');
  const text = (name: string) => readSmall(join(gitDir, name));
  const isDir = (name: string) => stat(join(gitDir, name)).then((s) => s.isDirectory(), () => false);
  const bisecting = (await text('BISECT_LOG')) !== undefined;
  const main = await mainOperation(text, isDir);
  if (!main) return bisecting ? { kind: 'bisect', next: BISECT_NEXT } : undefined;
  return bisecting ? { ...main, alsoBisecting: true, next: `${main.next}; a bisect is running too (${BISECT_NEXT})` } : main;
}

const BISECT_NEXT = 'mark the checked-out commit with `git bisect good` or `git bisect bad`; `git bisect reset` ends it';

async function mainOperation(text: (name: string) => Promise<string | undefined>, isDir: (name: string) => Promise<boolean>): Promise<Operation | undefined> {
  const merge = await text('MERGE_HEAD');
  if (merge !== undefined) {
    return { kind: 'merge', commits: hashes(merge), next: 'resolve and `git add` the conflicted files, then `git commit`; or `git merge --abort`' };
  }
  if (await isDir('rebase-apply')) {
    const [applying, head, onto, step, total] = await Promise.all([
      text('rebase-apply/applying'), text('rebase-apply/head-name'), text('rebase-apply/onto'), text('rebase-apply/next'), text('rebase-apply/last'),
    ]);
    if (applying !== undefined) return { kind: 'am', ...counted(step, total), next: 'resolve and `git add` the files, then `git am --continue`; `git am --skip` or `git am --abort`' };
    return rebase(head, onto, step, total);
  }
  if (await isDir('rebase-merge')) {
    const [head, onto, step, total] = await Promise.all([text('rebase-merge/head-name'), text('rebase-merge/onto'), text('rebase-merge/msgnum'), text('rebase-merge/end')]);
    return rebase(head, onto, step, total);
  }
  const pick = await text('CHERRY_PICK_HEAD');
  if (pick !== undefined) return { kind: 'cherry-pick', commits: hashes(pick), next: PICK_NEXT };
  const revert = await text('REVERT_HEAD');
  if (revert !== undefined) return { kind: 'revert', commits: hashes(revert), next: REVERT_NEXT };
  // A cherry-pick or revert of several commits whose conflict was resolved and committed: only its to-do list is left.
  const todo = await text('sequencer/todo');
  if (todo !== undefined) {
    const command = todo.split('\n').find((line) => line.trim() !== '' && !line.startsWith('#'))?.trim().split(/\s+/)[0];
    const kind = command === 'revert' ? 'revert' : 'cherry-pick';
    return { kind, next: kind === 'revert' ? REVERT_NEXT : PICK_NEXT };
  }
  return undefined;
}

const PICK_NEXT = 'resolve and `git add` the files, then `git cherry-pick --continue` (it applies the commits left); or `git cherry-pick --abort`';
const REVERT_NEXT = 'resolve and `git add` the files, then `git revert --continue` (it reverts the commits left); or `git revert --abort`';

function rebase(head: string | undefined, onto: string | undefined, step: string | undefined, total: string | undefined): Operation {
  const branch = head && head !== 'detached HEAD' ? sanitizeLine(head.replace(/^refs\/heads\//, ''), 300) : undefined;
  return {
    kind: 'rebase',
    ...(onto ? { commits: hashes(onto) } : {}),
    ...(branch ? { branch } : {}),
    ...counted(step, total),
    next: 'resolve and `git add` the files, then `git rebase --continue`; `git rebase --skip` or `git rebase --abort`',
  };
}

function counted(step: string | undefined, total: string | undefined): { step?: number; total?: number } {
  const s = Number(step);
  const t = Number(total);
  return Number.isInteger(s) && Number.isInteger(t) && s > 0 && t > 0 ? { step: s, total: t } : {};
}

function hashes(text: string): string[] {
  return text.split(/\s+/).filter((h) => /^[0-9a-f]{40,64}$/.test(h));
}

/** A marker file's text, trimmed; undefined when it is missing or unreadable. The markers are a few lines at most. */
async function readSmall(path: string): Promise<string | undefined> {
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size > 1024 * 1024) return info.isFile() ? '' : undefined;
    return (await readFile(path, 'utf8')).trim();
  } catch {
    return undefined;
  }
}
