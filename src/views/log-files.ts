// Log Files tree: logs://files from the logs server (files, journal units, containers), with recent error counts.
import { stat } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { McpHub } from '../mcp/types';
import { cutListingMessage, LISTED_LOG_FILES_CONTEXT, MORE_LOG_FILES_CONTEXT, moreLogFilesNode, LOG_FILE_GLOB, logFilePath, MAYBE_LOG_FILE_GLOB, maybeLogFileEvent, moreLogFilePicks, OPEN_COMPRESSED_LOG_COMMAND, type UnlistedLogFile, parseLogFilesResource, totalErrors, unreadPlacesMessage, writtenBeforeWindow, type LogFilesResource } from './log-items';
import { logTreeNodes, sourcesToCount } from './log-source-items';
import { HubTree, serverStateMessage, setContext, statusOf } from './hub-tree';
import { errorCountFor } from './error-summary';

export const LOG_FILES_VIEW_ID = 'devopsAssistant.logFiles';
export const LOGS_SERVER = 'logs';
/** Error counts are looked up for the most recently modified files only. */
const MAX_COUNTED_FILES = 25;
/** …and for this many sources (each count is one error_summary call reading the journal or the Docker API). */
const MAX_COUNTED_SOURCES = 25;
/** A source has no mtime to tell that it changed: its count is taken again on a refresh after this long (ms). */
const SOURCE_COUNT_TTL_MS = 2 * 60_000;

export class LogFilesTree extends HubTree {
  private readonly errorCounts = new Map<string, number>();
  /** Names whose counted window had lines without readable levels: their 0 is "unknown", not "none". */
  private readonly levelsUnreadable = new Set<string>();
  /** Names whose newest entry was dated after now when they were counted: their count misses those entries. */
  private readonly datedAhead = new Set<string>();
  private readonly datedBehind = new Set<string>();
  /** name -> mtime the count was taken at (files), or the time it was taken (sources). */
  private readonly countedAt = new Map<string, number>();
  private resource: LogFilesResource | undefined;
  /** Absolute paths of the listed files. */
  private listedPaths: ReadonlySet<string> = new Set();

  constructor(hub: McpHub) {
    super(hub, LOG_FILES_VIEW_ID);
    // A write to syslog or worker.out must refresh the tree as one to app.log does; a `.csv`/`.txt` log the server listed
    // by its content too (a new one appeared only on a manual refresh), but not each save of a project's documents.
    this.refreshOnFileChanges(LOG_FILE_GLOB, 1000);
    this.refreshOnFileChanges(MAYBE_LOG_FILE_GLOB, 1000, (kind, uri) => maybeLogFileEvent(kind, uri.fsPath, this.listedPaths));
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
      await setContext(LISTED_LOG_FILES_CONTEXT, []);
      await setContext(MORE_LOG_FILES_CONTEXT, false);
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
    const cut = cutListingMessage(resource, vscode.l10n.t);
    const unread = unreadPlacesMessage(resource, vscode.l10n.t);
    this.view.message = [cut, unread].filter(Boolean).join(' ') || undefined;
    await setContext('devopsAssistant.noLogFiles', resource.files.length === 0 && resource.sources.length === 0 && resource.sourceProblems.length === 0);
    const listed = resource.files.map(logFilePath).filter((p): p is string => p !== undefined);
    this.listedPaths = new Set(listed);
    await setContext(LISTED_LOG_FILES_CONTEXT, listed);
    await setContext(MORE_LOG_FILES_CONTEXT, moreLogFilesNode(resource, vscode.l10n.t) !== undefined);
    this.render();

    // Counts come after the list so that the tree appears at once.
    if (await this.countErrors(resource)) this.render();
  }

  /** Looks up the recent error counts the listing does not carry (bounded); true when one changed. */
  private async countErrors(resource: LogFilesResource): Promise<boolean> {
    const now = Date.now();
    const fileStamp = (file: LogFilesResource['files'][number]) => file.mtimeMs ?? (file.modified ? Date.parse(file.modified) : 0);
    // A file's count holds while its mtime stays; a source's for SOURCE_COUNT_TTL_MS.
    const due = [
      // A file not written in the window has no recent entry to count (writtenBeforeWindow): no call for it.
      ...resource.files.slice(0, MAX_COUNTED_FILES).filter((file) => !writtenBeforeWindow(file, now)).map((file) => ({ ...file, stamp: fileStamp(file), fresh: (at: number) => at === fileStamp(file) })),
      ...sourcesToCount(resource.sources, MAX_COUNTED_SOURCES).map((source) => ({ ...source, stamp: now, fresh: (at: number) => now - at < SOURCE_COUNT_TTL_MS })),
    ];
    let changed = false;
    for (const entry of due) {
      if (entry.errorCount !== undefined) continue;
      const at = this.countedAt.get(entry.name);
      if (at !== undefined && entry.fresh(at) && this.errorCounts.has(entry.name)) continue;
      const count = await errorCountFor(this.hub, entry.name).catch(() => undefined);
      if (count === undefined) continue;
      this.errorCounts.set(entry.name, count.errors);
      if (count.levelsUnreadable) this.levelsUnreadable.add(entry.name);
      else this.levelsUnreadable.delete(entry.name);
      if (count.datedAhead) this.datedAhead.add(entry.name);
      else this.datedAhead.delete(entry.name);
      if (count.datedBehind) this.datedBehind.add(entry.name);
      else this.datedBehind.delete(entry.name);
      this.countedAt.set(entry.name, entry.stamp);
      changed = true;
    }
    return changed;
  }

  /**
   * The quick pick behind "N more log files…": the listed files the tree does not show and, when the listing was cut, the
   * log files on disk it left out (found by name in the log directories, at most MAX_UNLISTED_LOOKED_AT), largest
   * first; the one picked opens. Resolves to the path opened.
   */
  async pickMoreLogFiles(): Promise<string | undefined> {
    const resource = this.resource;
    if (!resource) return undefined;
    const unlisted = resource.truncated ? await unlistedLogFiles(resource, this.listedPaths) : [];
    const picks = moreLogFilePicks(resource, unlisted, (path) => vscode.workspace.asRelativePath(path), { now: Date.now(), locale: vscode.env.language, t: vscode.l10n.t });
    const picked = await vscode.window.showQuickPick(picks, { title: vscode.l10n.t('More log files, largest first'), matchOnDescription: true });
    if (!picked) return undefined;
    const file = picked.listed;
    if (file && (file.compressed || file.gzip)) await vscode.commands.executeCommand(OPEN_COMPRESSED_LOG_COMMAND, file.name, picked.path);
    // The server reads an unlisted file in its directories by its absolute path (log-items.ts unlistedLogName).
    else if (picked.compressed) await vscode.commands.executeCommand(OPEN_COMPRESSED_LOG_COMMAND, picked.path, picked.path);
    else await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(picked.path));
    return picked.path;
  }

  private render(): void {
    if (!this.resource) return;
    const options = { now: Date.now(), locale: vscode.env.language, t: vscode.l10n.t, errorCounts: this.errorCounts, levelsUnreadable: this.levelsUnreadable, datedAhead: this.datedAhead, datedBehind: this.datedBehind };
    this.provider.setRoots(logTreeNodes(this.resource, options));
    const errors = totalErrors(this.resource, this.errorCounts, options.now);
    this.view.badge = errors > 0 ? { value: errors, tooltip: vscode.l10n.t('{0} recent errors in the log files', errors) } : undefined;
  }
}

/** Names looked at on disk for the pick of unlisted log files (each costs a stat). */
const MAX_UNLISTED_LOOKED_AT = 5000;

/** Log files (by their names: LOG_FILE_GLOB) in the listing's directories that it does not hold, with size and mtime. */
async function unlistedLogFiles(resource: { directories?: unknown[] }, listed: ReadonlySet<string>): Promise<UnlistedLogFile[]> {
  const dirs = (resource.directories ?? []).filter((dir): dir is string => typeof dir === 'string');
  const found: UnlistedLogFile[] = [];
  const seen = new Set<string>();
  for (const dir of dirs) {
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(vscode.Uri.file(dir), LOG_FILE_GLOB), '**/{node_modules,.git}/**', MAX_UNLISTED_LOOKED_AT);
    for (const uri of uris) {
      if (listed.has(uri.fsPath) || seen.has(uri.fsPath)) continue;
      seen.add(uri.fsPath);
      const stats = await stat(uri.fsPath).catch(() => undefined);
      if (stats?.isFile()) found.push({ path: uri.fsPath, size: stats.size, mtimeMs: stats.mtimeMs });
    }
  }
  return found;
}
