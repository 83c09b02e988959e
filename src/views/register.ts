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
    vscode.commands.registerCommand('devopsAssistant.refreshBranches', () => branches.refresh()),
    vscode.commands.registerCommand('devopsAssistant.refreshLogFiles', () => logFiles.refresh()),
    vscode.commands.registerCommand('devopsAssistant.refreshSystem', () => system.refresh()),
    { dispose: () => (trees = undefined) },
  );
  return trees;
}
