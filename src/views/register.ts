import * as vscode from 'vscode';
import type { McpHub } from '../mcp/types';
import { BranchesTree } from './branches';
import { LogFilesTree } from './log-files';
import { SystemTree } from './system';

export interface TreeViews {
  branches: BranchesTree;
  logFiles: LogFilesTree;
  system: SystemTree;
}

let trees: TreeViews | undefined;

/** The registered trees, for commands that refresh them or read their data. */
export function treeViews(): TreeViews | undefined {
  return trees;
}

export function registerTreeViews(context: vscode.ExtensionContext, hub: McpHub): TreeViews {
  const branches = new BranchesTree(hub);
  const logFiles = new LogFilesTree(hub);
  const system = new SystemTree(hub);
  trees = { branches, logFiles, system };
  context.subscriptions.push(
    branches,
    logFiles,
    system,
    // Each refresh resolves to what the tree then shows (plain data), for scripts and tests.
    vscode.commands.registerCommand('devopsAssistant.refreshBranches', async () => (await branches.refresh(), branches.provider.items)),
    vscode.commands.registerCommand('devopsAssistant.refreshLogFiles', async () => (await logFiles.refresh(), logFiles.provider.items)),
    vscode.commands.registerCommand('devopsAssistant.refreshSystem', async () => (await system.refresh(), system.provider.items)),
    { dispose: () => (trees = undefined) },
  );
  return trees;
}
