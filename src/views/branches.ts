// Branches tree: git_branches of each repository the git server reads (one per workspace folder).
import { join, relative } from 'node:path';
import * as vscode from 'vscode';
import { findGitDirs } from '../../servers/git/repo/git-dirs';
import { disposeAll, type IDisposable } from '../lifecycle';
import { GIT_SERVER, gitRepositoryNames } from '../mcp/git-repositories';
import type { McpHub, ServerState } from '../mcp/types';
import { appendBranchPage, branchesViewDescription, branchNodes, gitBranchesOutput, missesCurrentBranch, withCurrentBranch, type GitBranchesOutput } from './branch-items';
import type { NodeSpec } from './node';
import { HubTree, serverStateMessage, setContext } from './hub-tree';

export const BRANCHES_VIEW_ID = 'devopsAssistant.branches';
/**
 * The files of a git folder whose change changes the tree: HEAD, the branches (loose or packed) and the HEAD of every
 * linked worktree (a branch checked out there is shown as such, and changes when that worktree switches).
 */
const REF_FILES = '{HEAD,packed-refs,refs/heads/**,refs/remotes/**,worktrees/*/HEAD}';
const NOT_A_REPO = /not a git repository|no git repository|not inside a git/i;

export function gitServers(hub: McpHub): ServerState[] {
  return hub.states().filter((s) => s.name === GIT_SERVER);
}

/** Branches per page of the tree (git_branches' limit); "load more" adds a page. */
const BRANCH_PAGE = 300;

export class BranchesTree extends HubTree {
  constructor(hub: McpHub) {
    super(hub, BRANCHES_VIEW_ID, { showCollapseAll: true });
    // The refs the tree lists: local and remote-tracking branches, loose (a commit, a checkout, `git fetch`) or in
    // packed-refs (`git pack-refs`, `git gc`, a clone, a fetch of many refs). Watching only refs/heads missed a fetch.
    this.refreshOnFileChanges(`**/.git/${REF_FILES}`, 500);
    this._register({ dispose: () => disposeAll(this.outsideWatchers) });
    this.watchOutsideGitDirs();
    this.onServersChanged(
      () => gitServers(hub).map((s) => `${s.name}:${s.status}`).join(','),
      () => void this.refresh(),
    );
    this._register(
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.watchOutsideGitDirs();
        void this.refresh();
      }),
    );
    void this.refresh();
  }

  /** Watchers of the git folders that lie outside the workspace's folders (see watchOutsideGitDirs). */
  private outsideWatchers: IDisposable[] = [];

  /**
   * Watches HEAD and the refs of each workspace folder whose git folder is not its own `.git` folder, which the
   * workspace glob does not reach: a linked worktree (`git worktree add`: its .git file names
   * <common>/worktrees/<name>, which holds its HEAD, while the branches are in <common>) or a folder below the top of
   * a repository. Without them a checkout or a commit there left the tree as it was until a manual refresh.
   */
  private watchOutsideGitDirs(): void {
    disposeAll(this.outsideWatchers);
    const watched = new Set<string>();
    const watch = (folder: string, pattern: string) => {
      const key = `${folder}\0${pattern}`;
      if (watched.has(key)) return;
      watched.add(key);
      this.outsideWatchers.push(this.watchForRefresh(new vscode.RelativePattern(vscode.Uri.file(folder), pattern), 500));
    };
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme !== 'file') continue;
      const dirs = findGitDirs(folder.uri.fsPath);
      if (!dirs || samePath(dirs.gitDir, join(folder.uri.fsPath, '.git'))) continue;
      if (samePath(dirs.gitDir, dirs.commonDir)) {
        watch(dirs.commonDir, REF_FILES);
      } else {
        watch(dirs.gitDir, 'HEAD');
        watch(dirs.commonDir, REF_FILES);
      }
    }
  }

  protected async load(): Promise<void> {
    if (!vscode.workspace.workspaceFolders?.length) {
      await setContext('devopsAssistant.notGitRepo', false);
      this.view.message = undefined;
      this.view.description = undefined;
      this.provider.setRoots([]);
      return;
    }
    const servers = gitServers(this.hub);
    if (servers.length === 0) {
      this.view.message = vscode.l10n.t('The git server is not configured.');
      this.view.description = undefined;
      this.provider.setRoots([]);
      return;
    }
    const messages: string[] = [];
    const groups: { repository?: string; nodes: NodeSpec[]; notRepo?: boolean }[] = [];
    const listings: { repository?: string; output: GitBranchesOutput }[] = [];
    let notRepo = 0;
    let asked = 0;
    for (const server of servers) {
      if (server.status !== 'running') {
        messages.push(serverStateMessage(server));
        continue;
      }
      const names = gitRepositoryNames(this.hub.tools());
      // One folder: the server reads it without being told; several: each is asked by name.
      for (const repository of names.length > 1 ? names : [undefined]) {
        asked++;
        const result = await this.branchesOf(server.name, repository);
        if (result.notRepo) {
          notRepo++;
          // In a multi-root workspace a folder that is not a repository keeps its place and says why it has no branches
          // (it used to vanish from the tree without a word).
          if (repository !== undefined) {
            groups.push({ repository, notRepo: true, nodes: [{ id: `${server.name}/${repository}/not-a-repo`, label: vscode.l10n.t('Not a git repository'), icon: 'info' }] });
          }
        } else if (result.message !== undefined) messages.push(repository === undefined ? result.message : `${repository}: ${result.message}`);
        else {
          groups.push({ repository, nodes: result.nodes });
          if (result.listing) listings.push({ repository, output: result.listing });
        }
      }
    }
    const noRepository = notRepo > 0 && notRepo === asked;
    await setContext('devopsAssistant.notGitRepo', noRepository);
    // When no folder is a repository the view's welcome text says so (it shows only while the tree is empty).
    const shown = noRepository ? groups.filter((g) => !g.notRepo) : groups;
    this.view.message = messages.length ? messages.join(' ') : undefined;
    this.view.description = branchesViewDescription(listings, vscode.l10n.t);
    if (shown.length === 1 && shown[0].repository === undefined) {
      this.provider.setRoots(shown[0].nodes);
    } else {
      this.provider.setRoots(
        shown.map(({ repository, nodes }) => ({
          id: `${GIT_SERVER}/${repository}/folder`,
          label: repository ?? GIT_SERVER,
          icon: 'root-folder',
          expanded: true,
          children: nodes,
        })),
      );
    }
  }

  /** One repository's branch nodes, or why there are none. */
  private async branchesOf(server: string, repository: string | undefined): Promise<{ nodes: NodeSpec[]; listing?: GitBranchesOutput; message?: string; notRepo?: boolean }> {
    try {
      const outcome = await this.hub.callTool(server, 'git_branches', { scope: 'all', limit: BRANCH_PAGE, ...(repository === undefined ? {} : { repository }) });
      if (outcome.isError) return NOT_A_REPO.test(outcome.text) ? { nodes: [], notRepo: true } : { nodes: [], message: outcome.text };
      const parsed = gitBranchesOutput.safeParse(outcome.structuredContent);
      if (!parsed.success) return { nodes: [], message: vscode.l10n.t('Unexpected answer from git_branches.') };
      const paged = await this.laterPages(server, repository, parsed.data);
      const listing = missesCurrentBranch(paged) ? withCurrentBranch(paged, await this.currentBranchListing(server, repository, paged.current!)) : paged;
      return { nodes: branchNodes(listing, { server, repository, now: Date.now(), locale: vscode.env.language, t: vscode.l10n.t }), listing };
    } catch (error) {
      return { nodes: [], message: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Pages of branches shown per repository ('' for the server's one) beyond the first, as "load more" asked. */
  private readonly morePages = new Map<string, number>();

  /** Shows one more page of `repository`'s branches (the "load more" node's command). */
  async loadMore(repository: string): Promise<void> {
    this.morePages.set(repository, (this.morePages.get(repository) ?? 0) + 1);
    await this.refresh();
  }

  /** `first` with the later pages "load more" asked for, read on with git_branches' cursor; as far as they go. */
  private async laterPages(server: string, repository: string | undefined, first: GitBranchesOutput): Promise<GitBranchesOutput> {
    let listing = first;
    for (let page = 0; page < (this.morePages.get(repository ?? '') ?? 0) && listing.nextCursor !== undefined; page++) {
      const outcome = await this.hub.callTool(server, 'git_branches', { scope: 'all', limit: BRANCH_PAGE, cursor: listing.nextCursor, ...(repository === undefined ? {} : { repository }) });
      const parsed = outcome.isError ? undefined : gitBranchesOutput.safeParse(outcome.structuredContent);
      // A cursor a changed repository no longer takes: the pages read so far stay, with the node to load more.
      if (!parsed?.success) break;
      listing = appendBranchPage(listing, parsed.data);
    }
    return listing;
  }

  /** The local branches whose name contains the checked-out one's (it among them), or undefined when that fails. */
  private async currentBranchListing(server: string, repository: string | undefined, current: string): Promise<GitBranchesOutput | undefined> {
    const outcome = await this.hub
      .callTool(server, 'git_branches', { scope: 'local', contains: current, limit: 1000, ...(repository === undefined ? {} : { repository }) })
      .catch(() => undefined);
    if (!outcome || outcome.isError) return undefined;
    const parsed = gitBranchesOutput.safeParse(outcome.structuredContent);
    return parsed.success ? parsed.data : undefined;
  }
}

/** Whether two absolute paths name the same place as written (no symlinks resolved; case as the file system gives it). */
function samePath(a: string, b: string): boolean {
  return relative(a, b) === '';
}
