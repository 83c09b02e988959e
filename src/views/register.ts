// The three trees (Branches, Log Files, System), their refresh commands, and the log source documents the Log Files tree opens.
import * as vscode from 'vscode';
import type { McpHub } from '../mcp/types';
import type { Settings } from '../settings';
import { LOAD_MORE_BRANCHES_COMMAND } from './branch-items';
import { BranchesTree } from './branches';
import { LogFilesTree } from './log-files';
import { MORE_LOG_FILES_COMMAND } from './log-items';
import { registerLogSourceDocuments } from './log-source-document';
import { SystemTree } from './system';

export interface TreeViews {
  branches: BranchesTree;
  logFiles: LogFilesTree;
  system: SystemTree;
}

export function registerTreeViews(context: vscode.ExtensionContext, hub: McpHub, settings: () => Settings): TreeViews {
  const branches = new BranchesTree(hub);
  const logFiles = new LogFilesTree(hub);
  const system = new SystemTree(hub, settings);
  context.subscriptions.push(
    branches,
    logFiles,
    system,
    // Each refresh resolves to what the tree then shows (plain data), for scripts and tests.
    vscode.commands.registerCommand('devopsAssistant.refreshBranches', async () => (await branches.refresh(), branches.provider.items)),
    // The Branches tree's "N more branches: load more" node (a repository of thousands of branches); resolves to the tree.
    vscode.commands.registerCommand(LOAD_MORE_BRANCHES_COMMAND, async (repository?: unknown) => (await branches.loadMore(typeof repository === 'string' ? repository : ''), branches.provider.items)),
    vscode.commands.registerCommand('devopsAssistant.refreshLogFiles', async () => (await logFiles.refresh(), logFiles.provider.items)),
    // Log Files' "N more log files…" item: a pick of the files the tree does not show, largest first; resolves to the path opened.
    vscode.commands.registerCommand(MORE_LOG_FILES_COMMAND, () => logFiles.pickMoreLogFiles()),
    vscode.commands.registerCommand('devopsAssistant.refreshSystem', async () => (await system.refresh(), system.provider.items)),
  );
  registerLogSourceDocuments(context, hub, () => logFiles.refresh());
  return { branches, logFiles, system };
}
