// The Branches tree on a LINKED worktree (`git worktree add`) in the real extension host: the folder's .git is a file
// naming <main>/.git/worktrees/<name>, which holds its HEAD, and the branches live in <main>/.git: both outside the
// workspace, where the tree's `**/.git/...` watcher never looked, so a checkout or a commit there left the tree stale.
// Runs in the "worktree" pass of scripts/vscode/test-electron.mjs (fixture.mjs createLinkedWorktree); skips elsewhere.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { NodeSpec } from '../../src/views/node';
import { allServersRunning, api, until } from './host';

const flatten = (nodes: readonly NodeSpec[]): NodeSpec[] => nodes.flatMap((n) => [n, ...flatten(n.children ?? [])]);

describe('linked worktree in the extension host', function () {
  this.timeout(120_000);
  let linked: string;
  let main: string;

  before(function () {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    if (!folder || vscode.workspace.workspaceFolders!.length !== 1 || !statSync(join(folder, '.git')).isFile()) this.skip();
    linked = folder;
    main = join(dirname(folder), 'main');
  });

  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } }).trim();

  it('linked worktree: the Branches tree marks its branch current and names the branch checked out in the main tree', async () => {
    const { hub } = await api();
    await until('servers running', allServersRunning(hub), 90_000);
    const nodes = flatten(await vscode.commands.executeCommand<NodeSpec[]>('devopsAssistant.refreshBranches'));
    const topic = nodes.find((n) => n.label === 'topic');
    assert.ok(topic, nodes.map((n) => n.label).join(', '));
    assert.equal(topic.contextValue, 'devopsBranch.local.current');
    const mainBranch = nodes.find((n) => n.label === 'main')!;
    assert.equal(mainBranch.contextValue, 'devopsBranch.local.worktree');
    assert.match(mainBranch.description!, /^in worktree main/);
  });

  it('linked worktree: a checkout in it, and one in the main tree, show in the tree without a refresh', async () => {
    const { trees } = await api();
    await vscode.commands.executeCommand('devopsAssistant.refreshBranches');
    const node = (label: string) => flatten(trees.branches.provider.items).find((n) => n.label === label);
    try {
      // Only the linked tree's HEAD changes (<main>/.git/worktrees/linked/HEAD): the branch exists already.
      git(linked, 'checkout', '-q', 'feature/payment-retries');
      await until('the checked-out branch marked current', () => node('feature/payment-retries')?.contextValue === 'devopsBranch.local.current', 20_000);
      assert.equal(node('topic')?.contextValue, 'devopsBranch.local');
      // The main tree switches: its HEAD (<main>/.git/HEAD) names another branch, now "in worktree main".
      git(main, 'checkout', '-q', 'topic');
      await until('the branch the main tree switched to named with it', () => node('topic')?.contextValue === 'devopsBranch.local.worktree', 20_000);
      assert.equal(node('main')?.contextValue, 'devopsBranch.local');
    } finally {
      git(main, 'checkout', '-q', 'main');
      git(linked, 'checkout', '-q', 'topic');
      await vscode.commands.executeCommand('devopsAssistant.refreshBranches');
    }
  });
});
