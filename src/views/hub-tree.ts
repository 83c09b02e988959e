// What the three trees share: a NodeSpec provider and its TreeView, a refresh that never overlaps,
// a refresh when the states of the servers a tree reads change or when files change, and the
// message shown while a server is not running.
import * as vscode from 'vscode';
import { Disposable, disposeAll, type IDisposable } from '../lifecycle';
import type { McpHub, ServerState } from '../mcp/types';
import type { NodeSpec } from './node';
import { debounce } from './debounce';
import { serialRefresher, SpecTreeProvider } from './spec-tree';

/**
 * A tree's files that never stop changing (a log being written) refresh it at most once per this many quiet delays:
 * each refresh lists through a server, so not at every write, but not never either.
 */
const REFRESH_MAX_WAIT_FACTOR = 5;

export abstract class HubTree extends Disposable {
  readonly provider = this._register(new SpecTreeProvider());
  readonly view: vscode.TreeView<NodeSpec>;
  /** Reloads the tree; calls during a reload coalesce into one more reload. */
  readonly refresh = serialRefresher(() => this.load());
  private lastServerKey = '';

  constructor(
    protected readonly hub: McpHub,
    viewId: string,
    options: { showCollapseAll?: boolean } = {},
  ) {
    super();
    this.view = this._register(vscode.window.createTreeView(viewId, { treeDataProvider: this.provider, ...options }));
  }

  /** Reads the servers and fills `provider` (and `view.message`); failures are shown in the view. */
  protected abstract load(): Promise<void>;

  /** Runs `onChange` when `key(states)` changes, e.g. the status of the one server the tree reads. */
  protected onServersChanged(key: (states: ServerState[]) => string, onChange: () => void): void {
    this._register(
      this.hub.onDidChangeState((states) => {
        const next = key(states);
        if (next === this.lastServerKey) return;
        this.lastServerKey = next;
        onChange();
      }),
    );
  }

  /**
   * Refreshes `delayMs` after the last create/change/delete of a file matching `glob`, among those `wanted` (all when
   * not given) says concern the tree.
   */
  protected refreshOnFileChanges(glob: vscode.GlobPattern, delayMs: number, wanted?: FileEventFilter): void {
    this._register(this.watchForRefresh(glob, delayMs, wanted));
  }

  /**
   * Like refreshOnFileChanges, for watchers whose patterns change (a folder outside the workspace, which changes with
   * the workspace's folders): the caller owns the result and disposes it when the pattern is no longer wanted.
   */
  protected watchForRefresh(glob: vscode.GlobPattern, delayMs: number, wanted: FileEventFilter = () => true): IDisposable {
    const watcher = vscode.workspace.createFileSystemWatcher(glob);
    const later = debounce(() => void this.refresh(), delayMs, delayMs * REFRESH_MAX_WAIT_FACTOR);
    const on = (kind: FileEventKind) => (uri: vscode.Uri) => {
      if (wanted(kind, uri)) later();
    };
    const owned: IDisposable[] = [watcher, watcher.onDidChange(on('change')), watcher.onDidCreate(on('create')), watcher.onDidDelete(on('delete'))];
    return { dispose: () => disposeAll(owned) };
  }
}

export type FileEventKind = 'create' | 'change' | 'delete';
/** Whether a file event concerns a tree (its refresh is wanted). */
export type FileEventFilter = (kind: FileEventKind, uri: vscode.Uri) => boolean;

/** The status of the server named `name` ('missing' when there is none), as a change key. */
export const statusOf = (name: string) => (states: ServerState[]) => states.find((s) => s.name === name)?.status ?? 'missing';

export function serverStateMessage(server: ServerState): string {
  switch (server.status) {
    case 'starting':
    case 'restarting':
      return vscode.l10n.t('The {0} server is starting…', server.name);
    case 'disabled':
      return server.detail ?? vscode.l10n.t('The {0} server is disabled.', server.name);
    default:
      return vscode.l10n.t('The {0} server is not running ({1}). Use "DevOps: Restart Servers".', server.name, server.detail ?? vscode.l10n.t(server.status));
  }
}

export function setContext(key: string, value: unknown): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', key, value);
}
