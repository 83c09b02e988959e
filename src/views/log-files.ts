// Log Files tree: logs://files from the logs server, with recent error counts.
import * as vscode from 'vscode';
import type { McpHub } from '../mcp/types';
import { logFileNodes, parseLogFilesResource, totalErrors, type LogFilesResource } from './log-items';
import { HubTree, serverStateMessage, setContext, statusOf } from './hub-tree';
import { errorCountFor } from './error-summary';

export const LOG_FILES_VIEW_ID = 'devopsAssistant.logFiles';
export const LOGS_SERVER = 'logs';
/** Error counts are looked up for the most recently modified files only. */
const MAX_COUNTED_FILES = 25;

export class LogFilesTree extends HubTree {
  private readonly errorCounts = new Map<string, number>();
  /** name -> mtime the count was taken at. */
  private readonly countedAt = new Map<string, number>();
  private resource: LogFilesResource | undefined;

  constructor(hub: McpHub) {
    super(hub, LOG_FILES_VIEW_ID);
    this.refreshOnFileChanges('**/*.{log,out,err,gz,1,2,3}', 1000);
    this.onServersChanged(statusOf(LOGS_SERVER), () => void this.refresh());
    void this.refresh();
  }

  /** Absolute paths of the listed files, with the names the logs tools take. */
  get files(): LogFilesResource['files'] {
    return this.resource?.files ?? [];
  }

  protected async load(): Promise<void> {
    const server = this.hub.states().find((s) => s.name === LOGS_SERVER);
    if (!vscode.workspace.workspaceFolders?.length && !server) {
      await setContext('devopsAssistant.noLogFiles', false);
      this.provider.setRoots([]);
      return;
    }
    if (!server || server.status !== 'running') {
      this.view.message = server ? serverStateMessage(server) : vscode.l10n.t('The logs server is not configured.');
      return;
    }
    let resource: LogFilesResource;
    try {
      resource = parseLogFilesResource((await this.hub.readResource(LOGS_SERVER, 'logs://files')).text);
    } catch (error) {
      this.view.message = error instanceof Error ? error.message : String(error);
      return;
    }
    this.resource = resource;
    this.view.message = resource.truncated ? vscode.l10n.t('Only the first {0} log files are listed.', resource.files.length) : undefined;
    await setContext('devopsAssistant.noLogFiles', resource.files.length === 0);
    this.render();

    // Counts come after the list so that the tree appears at once.
    let changed = false;
    for (const file of resource.files.slice(0, MAX_COUNTED_FILES)) {
      if (file.errorCount !== undefined) continue;
      const stamp = file.mtimeMs ?? (file.modified ? Date.parse(file.modified) : 0);
      if (this.countedAt.get(file.name) === stamp && this.errorCounts.has(file.name)) continue;
      const count = await errorCountFor(this.hub, file.name).catch(() => undefined);
      if (count === undefined) continue;
      this.errorCounts.set(file.name, count);
      this.countedAt.set(file.name, stamp);
      changed = true;
    }
    if (changed) this.render();
  }

  private render(): void {
    if (!this.resource) return;
    const options = { now: Date.now(), locale: vscode.env.language, t: vscode.l10n.t, errorCounts: this.errorCounts };
    this.provider.setRoots(logFileNodes(this.resource, options));
    const errors = totalErrors(this.resource, this.errorCounts);
    this.view.badge = errors > 0 ? { value: errors, tooltip: vscode.l10n.t('{0} recent errors in the log files', errors) } : undefined;
  }
}
