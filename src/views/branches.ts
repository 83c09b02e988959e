// Branches tree: git_branches from each git server (one per workspace folder).
import * as vscode from 'vscode';
import type { McpHub, ServerState } from '../mcp/types';
import { branchNodes, gitBranchesOutput } from './branch-items';
import type { NodeSpec } from './node';
import { HubTree, serverStateMessage, setContext } from './hub-tree';

export const BRANCHES_VIEW_ID = 'devopsAssistant.branches';
const NOT_A_REPO = /not a git repository|no git repository|not inside a git/i;

export function gitServers(hub: McpHub): ServerState[] {
  return hub.states().filter((s) => s.name === 'git' || s.name.startsWith('git:'));
}

export class BranchesTree extends HubTree {
  constructor(hub: McpHub) {
    super(hub, BRANCHES_VIEW_ID, { showCollapseAll: true });
    this.refreshOnFileChanges('**/.git/{HEAD,refs/heads/**}', 500);
    this.onServersChanged(
      () => gitServers(hub).map((s) => `${s.name}:${s.status}`).join(','),
      () => void this.refresh(),
    );
    this._register(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.refresh()));
    void this.refresh();
  }

  protected async load(): Promise<void> {
    if (!vscode.workspace.workspaceFolders?.length) {
      await setContext('devopsAssistant.notGitRepo', false);
      this.view.message = undefined;
      this.provider.setRoots([]);
      return;
    }
    const servers = gitServers(this.hub);
    if (servers.length === 0) {
      this.view.message = vscode.l10n.t('The git server is not configured.');
      this.provider.setRoots([]);
      return;
    }
    const messages: string[] = [];
    const groups: { server: ServerState; nodes: NodeSpec[] }[] = [];
    let notRepo = 0;
    for (const server of servers) {
      if (server.status !== 'running') {
        messages.push(serverStateMessage(server));
        continue;
      }
      try {
        const outcome = await this.hub.callTool(server.name, 'git_branches', { scope: 'all', limit: 300 });
        if (outcome.isError) {
          if (NOT_A_REPO.test(outcome.text)) notRepo++;
          else messages.push(outcome.text);
          continue;
        }
        const parsed = gitBranchesOutput.safeParse(outcome.structuredContent);
        if (!parsed.success) {
          messages.push(vscode.l10n.t('Unexpected answer from git_branches.'));
          continue;
        }
        groups.push({
          server,
          nodes: branchNodes(parsed.data, { server: server.name, now: Date.now(), locale: vscode.env.language, t: vscode.l10n.t }),
        });
      } catch (error) {
        messages.push(error instanceof Error ? error.message : String(error));
      }
    }
    await setContext('devopsAssistant.notGitRepo', notRepo > 0 && notRepo === servers.length);
    this.view.message = messages.length ? messages.join(' ') : undefined;
    if (groups.length === 1 && servers.length === 1) {
      this.provider.setRoots(groups[0].nodes);
    } else {
      this.provider.setRoots(
        groups.map(({ server, nodes }) => ({
          id: `${server.name}/folder`,
          label: server.name.replace(/^git:/, ''),
          icon: 'root-folder',
          expanded: true,
          children: nodes,
        })),
      );
    }
  }
}
