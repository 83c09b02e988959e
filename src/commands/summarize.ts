// "DevOps: Summarize Errors": the deterministic error summary of one log file or log source (journal
// unit, container), straight into the chat; then, when a model is available, the agent explains likely causes.
import type { Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { McpHub } from '../mcp/types';
import type { CommandTargets } from './targets';
import { callErrorSummary, LOGS_SERVER_NAME } from '../views/error-summary';
import { errorSummaryMarkdown, noErrorsMessage, textErrorLines, type ErrorSummary } from '../views/error-summary-items';
import { logFilePath, logNameForPath, parseLogFilesResource, unlistedLogName, type LogFile } from '../views/log-items';
import { logFileOfUri, sourceNameOfUri } from '../views/log-source-document';
import type { NodeSpec } from '../views/node';

/**
 * What "Summarize Errors" reads: a file (by its path) or a journal/Docker source (by the name the logs tools take);
 * `wholeFile`: every error entry of the source whatever its age, instead of its last 24 hours.
 */
export type LogTarget = { kind: 'file'; uri: vscode.Uri } | { kind: 'source'; name: string; wholeFile?: boolean };

/** The argument of "Summarize Errors" that reads every error entry of a source (the link and button offering it). */
export interface WholeSourceArg {
  source: string;
  wholeFile: true;
}

const isWholeSourceArg = (arg: object): arg is WholeSourceArg => typeof (arg as Partial<WholeSourceArg>).source === 'string' && (arg as Partial<WholeSourceArg>).wholeFile === true;

/**
 * The file of the active editor, or of the active tab when it has no text editor: a log the editor will not show (too
 * large, or "binary" for the NUL bytes a log truncated in place by copytruncate rotation starts with) is open in a tab
 * without one, and "Summarize Errors" from the palette then asked the user to open the file they had open.
 */
export function activeEditorUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return vscode.window.activeTextEditor?.document.uri ?? (input instanceof vscode.TabInputText ? input.uri : undefined);
}

/** The log a command was invoked on: a Uri (explorer, editor title), a Log Files item (file or source), or the active editor (its tab). */
export function targetLog(arg: unknown): LogTarget | undefined {
  const fromUri = (uri: vscode.Uri): LogTarget => {
    // A compressed log's document (log-source-document.ts) stands for its file.
    const file = logFileOfUri(uri);
    if (file) return { kind: 'file', uri: vscode.Uri.file(file.path) };
    const source = sourceNameOfUri(uri);
    return source ? { kind: 'source', name: source } : { kind: 'file', uri };
  };
  if (arg instanceof vscode.Uri) return fromUri(arg);
  if (arg && typeof arg === 'object') {
    if (isWholeSourceArg(arg)) return { kind: 'source', name: arg.source, wholeFile: true };
    const spec = arg as Partial<NodeSpec> & { resourceUri?: vscode.Uri };
    if (typeof spec.data?.source === 'string') return { kind: 'source', name: spec.data.source };
    if (typeof spec.filePath === 'string') return { kind: 'file', uri: vscode.Uri.file(spec.filePath) };
    if (spec.resourceUri instanceof vscode.Uri) return fromUri(spec.resourceUri);
  }
  const active = activeEditorUri();
  return active ? fromUri(active) : undefined;
}

/** Whether two absolute paths name the same file, as the platform compares them (case on Windows and macOS). */
export const samePath = (a: string, b: string) =>
  process.platform === 'win32' || process.platform === 'darwin' ? path.resolve(a).toLowerCase() === path.resolve(b).toLowerCase() : path.resolve(a) === path.resolve(b);

/** The log files the logs server lists (logs://files); rejects when the server is not available. */
export async function listLogFiles(hub: McpHub, signal?: AbortSignal): Promise<LogFile[]> {
  return parseLogFilesResource((await hub.readResource(LOGS_SERVER_NAME, 'logs://files', { signal })).text).files;
}

/** Whether `file` is below the folder `dir`, as the platform compares paths. */
const isBelow = (dir: string, file: string) => {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) && samePath(path.join(dir, rel), file);
};

/**
 * The name the logs tools take for a file: as listed, or (a full listing leaves older files out) by its folder;
 * `outside`: the file is below none of the logs server's directories (adding its folder would let the server read it).
 */
export async function logNameFor(hub: McpHub, fsPath: string): Promise<{ name?: string; outside: boolean }> {
  const resource = parseLogFilesResource((await hub.readResource(LOGS_SERVER_NAME, 'logs://files')).text);
  const name = logNameForPath(resource.files, fsPath, samePath) ?? unlistedLogName(resource, fsPath, isBelow);
  const outside = name === undefined && resource.directories !== undefined && !resource.directories.some((dir) => typeof dir === 'string' && isBelow(dir, fsPath));
  return { name, outside };
}

/** The deterministic error summary of one log, or why there is none (for the user, localized). */
export type LogErrorSummary =
  /** `rotated`: the log was rotated while it was read, and this is the summary of the file its lines were renamed to. */
  | { kind: 'summary'; name: string; display: string; summary: ErrorSummary; markdown: string; question: string; rotated?: string }
  | { kind: 'notLogFile' | 'outsideLogDirectories' | 'empty' | 'gone' | 'serverUnavailable' | 'failed' | 'rotated'; display: string; message: string };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The question the agent gets after a summary with errors (also the chat participant's follow-up). */
export function explainErrorsQuestion(logName: string): string {
  return vscode.l10n.t('Explain the likely causes of the errors in the log file {0} and suggest fixes.', logName);
}

/**
 * Runs error_summary on one log through the logs server. A file is read whole, whatever its age (a log the user
 * picked is summarised entirely, an archive from 2015 too); a journal unit or container (a whole life of entries)
 * covers the last 24 hours, as the Log Files tree counts. `display` is the workspace-relative path or the source
 * name. Never rejects: failures come back as a kind with a message. Shared by "Summarize Errors" and @devops /errors.
 */
export async function summarizeLog(hub: McpHub, target: LogTarget, signal?: AbortSignal, followRotation = true): Promise<LogErrorSummary> {
  if (target.kind === 'source') {
    if (target.wholeFile) {
      const question = vscode.l10n.t('Explain the likely causes of the errors in the log source {0} and suggest fixes.', target.name);
      return runSummary(hub, target.name, target.name, { wholeFile: true, signal }, question);
    }
    const question = vscode.l10n.t('Explain the likely causes of the recent errors in the log source {0} and suggest fixes.', target.name);
    return runSummary(hub, target.name, target.name, { hours: 24, signal }, question);
  }
  const display = vscode.workspace.asRelativePath(target.uri);
  // An empty file has no errors, but "No errors found" reads as "checked, all well": a log not written yet (a service
  // that never started, a rotation just done) is a different answer.
  const stats = await stat(target.uri.fsPath).catch((error: NodeJS.ErrnoException) => error);
  // A file deleted or rotated away since Log Files listed it: the server's "no such log" read as a fault of the tool.
  if (stats instanceof Error && (stats.code === 'ENOENT' || stats.code === 'ENOTDIR')) {
    return { kind: 'gone', display, message: vscode.l10n.t('{0} is gone: it was deleted or moved (a log rotation renames it) since it was listed.', display) };
  }
  if (!(stats instanceof Error) && stats.size === 0) {
    return { kind: 'empty', display, message: vscode.l10n.t('{0} is empty: nothing has been written to it yet, so there are no errors to summarize.', display) };
  }
  let name: string | undefined;
  try {
    const place = await logNameFor(hub, target.uri.fsPath);
    // A log opened from elsewhere (/var/log/app, a download): the server reads only its folders, which one setting extends.
    if (place.outside) {
      const message = vscode.l10n.t('{0} is outside the folders the logs server reads (the workspace folders and the "devopsAssistant.logDirectories" setting).', display);
      return { kind: 'outsideLogDirectories', display, message };
    }
    name = place.name;
  } catch (error) {
    return { kind: 'serverUnavailable', display, message: vscode.l10n.t('The logs server is not available: {0}', messageOf(error)) };
  }
  if (!name) {
    const message = vscode.l10n.t('{0} is not in a log directory (the workspace folders and the "devopsAssistant.logDirectories" setting), or is not a log file.', display);
    return { kind: 'notLogFile', display, message };
  }
  const result = await runSummary(hub, name, display, { wholeFile: true, signal }, explainErrorsQuestion(name));
  return stats instanceof Error ? result : checkNotRotated(hub, target.uri.fsPath, stats, result, signal, followRotation);
}

/**
 * A log rotated between the click and the end of its reading speaks of the new file: "No errors found" while the errors
 * the person asked about sat in the renamed one. Renamed away (logrotate's default): the summary is taken again from the
 * file the lines went to, once. Truncated in place (copytruncate) or not found: why there is no summary, never "none".
 * `before`: the file's stat when the command started.
 */
async function checkNotRotated(hub: McpHub, fsPath: string, before: Stats, result: LogErrorSummary, signal: AbortSignal | undefined, followRotation: boolean): Promise<LogErrorSummary> {
  const after = await stat(fsPath).catch(() => undefined);
  const renamed = !after || after.ino !== before.ino || after.dev !== before.dev;
  if (!renamed && after.size >= before.size) return result;
  const display = vscode.workspace.asRelativePath(fsPath);
  if (!renamed) {
    const message = vscode.l10n.t('{0} was truncated while it was read (rotated in place, as logrotate\'s copytruncate does): the lines it held are in the copy made beside it, and what it holds now was written since. Summarize the copy, or this log again.', display);
    return { kind: 'rotated', display, message };
  }
  const movedTo = followRotation ? await sameFileIn(path.dirname(fsPath), before) : undefined;
  if (movedTo) {
    const again = await summarizeLog(hub, { kind: 'file', uri: vscode.Uri.file(movedTo) }, signal, false);
    if (again.kind === 'summary') {
      return { ...again, rotated: vscode.l10n.t('{0} was rotated while it was read: its lines are now in {1}, summarized here.', display, again.display) };
    }
  }
  const message = vscode.l10n.t('{0} was rotated while it was read (renamed, and a new file started under its name), so a summary would be of the new file, not of the lines you chose. Summarize the renamed file beside it, or this log again.', display);
  return { kind: 'rotated', display, message };
}

/** The path of the file in `dir` that is `file` (same device and inode: renamed, not copied), if any. */
async function sameFileIn(dir: string, file: Stats): Promise<string | undefined> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const candidate = path.join(dir, name);
    const info = await stat(candidate).catch(() => undefined);
    if (info?.ino === file.ino && info.dev === file.dev) return candidate;
  }
  return undefined;
}

/** summarizeLog for a file by its Uri (what @devops /errors resolves). */
export function summarizeLogFile(hub: McpHub, uri: vscode.Uri, signal?: AbortSignal): Promise<LogErrorSummary> {
  return summarizeLog(hub, { kind: 'file', uri }, signal);
}

async function runSummary(hub: McpHub, name: string, display: string, window: Parameters<typeof callErrorSummary>[2], question: string): Promise<LogErrorSummary> {
  try {
    const summary = await callErrorSummary(hub, name, window);
    return { kind: 'summary', name, display, summary, question, markdown: errorSummaryMarkdown(summary, { file: display, t: vscode.l10n.t, locale: vscode.env.language }) };
  } catch (error) {
    return { kind: 'failed', display, message: vscode.l10n.t('Could not summarize {0}: {1}', display, messageOf(error)) };
  }
}

/**
 * The "Summarize Errors" argument that reads the whole source, when the summary of its last hours says it holds older
 * error entries (files[].outsideWindow): the tool's notes tell a model to pass wholeFile, and a person gets this.
 */
export function wholeSourceOffer(result: { name: string; summary: ErrorSummary }, target: LogTarget): WholeSourceArg | undefined {
  if (target.kind !== 'source' || target.wholeFile || !result.summary.window) return undefined;
  return result.summary.files.some((f) => (f.outsideWindow?.errors ?? 0) > 0) ? { source: result.name, wholeFile: true } : undefined;
}

/** The chat's link running "Summarize Errors" on the whole source (a command link: chat/link-policy.ts lets ours run). */
export function wholeSourceLink(offer: WholeSourceArg): string {
  return `[${vscode.l10n.t('Summarize all its errors, whatever their age')}](command:devopsAssistant.summarizeErrors?${encodeURIComponent(JSON.stringify([offer]))})`;
}

/** What a summary with no errors should tell the user: a log whose levels could not be read is never "free of errors". */
export function noErrorsNote(result: { summary: ErrorSummary; display: string }): { severity: 'warning' | 'info'; message: string } | undefined {
  return result.summary.totalErrors > 0 ? undefined : noErrorsMessage(result.summary, result.display, vscode.l10n.t);
}

export async function summarizeErrors({ hub, session, chatView, models }: CommandTargets, arg: unknown): Promise<{ totalErrors: number } | undefined> {
  const target = targetLog(arg);
  if (!target || (target.kind === 'file' && target.uri.scheme !== 'file')) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Choose a log file in the Explorer or open one in the editor to summarize its errors.'));
    return undefined;
  }
  const title = target.kind === 'source' ? target.name : vscode.workspace.asRelativePath(target.uri);
  // A notification, not the status bar: right after start-up the logs server takes seconds to answer, and a progress
  // in the status bar alone left the person who clicked with nothing happening where they were looking.
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Summarizing errors in {0}…', title) },
    async () => {
      const result = await summarizeLog(hub, target);
      if (result.kind === 'serverUnavailable') void vscode.window.showErrorMessage(result.message);
      if (result.kind === 'notLogFile') void vscode.window.showWarningMessage(result.message);
      if (result.kind === 'outsideLogDirectories' && target.kind === 'file') {
        // A dead end otherwise: the person asked about this file, and the way to it is one setting away.
        const add = vscode.l10n.t('Add Its Folder to Log Folders');
        void Promise.resolve(vscode.window.showWarningMessage(result.message, add)).then(async (chosen) => {
          if (chosen !== add) return;
          await addLogFolderAndWait(hub, path.dirname(target.uri.fsPath));
          await vscode.commands.executeCommand('devopsAssistant.summarizeErrors', target.uri);
        });
      }
      if (result.kind === 'gone') {
        // The tree still shows it: its listing is older than the file's deletion.
        void vscode.commands.executeCommand('devopsAssistant.refreshLogFiles');
        const choose = vscode.l10n.t('Choose a Log File…');
        void Promise.resolve(vscode.window.showWarningMessage(result.message, choose)).then((chosen) => {
          if (chosen === choose) void chooseLogFileToSummarize(hub);
        });
      }
      if (result.kind === 'empty') {
        session.append({ kind: 'notice', text: result.message });
        await chatView.reveal(false);
        void vscode.window.showInformationMessage(result.message);
        return { totalErrors: 0 };
      }
      if (result.kind === 'failed' || result.kind === 'rotated') {
        session.append({ kind: 'error', text: result.message });
        await chatView.reveal(false);
      }
      if (result.kind === 'rotated') void vscode.window.showWarningMessage(result.message);
      if (result.kind !== 'summary') return undefined;
      if (result.rotated) session.append({ kind: 'notice', text: result.rotated });
      // A source's last 24 hours that leave older errors out: the way to read them all, in the chat and the notification.
      const offer = wholeSourceOffer(result, target);
      session.append({ kind: 'assistant', text: offer ? `${result.markdown}\n\n${wholeSourceLink(offer)}` : result.markdown });
      await chatView.reveal(false);
      const note = noErrorsNote(result);
      // Lines that read as errors by their text, without a level, are worth the model's explanation as counted errors are.
      const worthExplaining = !note || textErrorLines(result.summary) !== undefined;
      if (note) {
        const summarizeAll = vscode.l10n.t('Summarize All Errors');
        const show = note.severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
        void Promise.resolve(offer ? show(note.message, summarizeAll) : show(note.message)).then((chosen) => {
          if (offer && chosen === summarizeAll) void vscode.commands.executeCommand('devopsAssistant.summarizeErrors', offer);
        });
      }
      if (worthExplaining && 'model' in (await models.current()) && !session.busy) void session.ask(result.question);
      return { totalErrors: result.summary.totalErrors };
    },
  );
}

/** How long a restart of the logs server for a new log folder may take before the summary is tried anyway (ms). */
const LOGS_RESTART_DEADLINE_MS = 60_000;

/**
 * Adds `folder` to `devopsAssistant.logDirectories` (the workspace's setting when a trusted folder is open, where
 * Restricted Mode would not read it otherwise the user's) and resolves once the logs server restarted on it, or after
 * LOGS_RESTART_DEADLINE_MS.
 */
async function addLogFolderAndWait(hub: McpHub, folder: string): Promise<void> {
  const config = vscode.workspace.getConfiguration('devopsAssistant');
  const inWorkspace = vscode.workspace.isTrusted && (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
  const target = inWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const inspected = config.inspect<string[]>('logDirectories');
  // A workspace value replaces the user's list rather than adding to it: started empty, it would drop the user's folders.
  const current = (inWorkspace ? inspected?.workspaceValue ?? inspected?.globalValue : inspected?.globalValue) ?? [];
  if (current.some((dir) => samePath(dir, folder))) return;
  const before = hub.states().find((s) => s.name === LOGS_SERVER_NAME)?.pid;
  const restarted = new Promise<void>((resolve) => {
    const timer = setTimeout(() => done(), LOGS_RESTART_DEADLINE_MS);
    const listener = hub.onDidChangeState((states) => {
      const logs = states.find((s) => s.name === LOGS_SERVER_NAME);
      if (logs?.status === 'running' && logs.pid !== before) done();
    });
    function done() {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    }
  });
  await config.update('logDirectories', [...current, folder], target);
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Restarting the logs server with {0}…', folder) }, () => restarted);
}

/** A quick pick of the log files the logs server lists now, newest first; "Summarize Errors" runs on the one picked. */
export async function chooseLogFileToSummarize(hub: McpHub): Promise<void> {
  let files: LogFile[];
  try {
    files = await listLogFiles(hub);
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The logs server is not available: {0}', messageOf(error)));
    return;
  }
  const items = files.flatMap((file) => {
    const filePath = logFilePath(file);
    return filePath ? [{ label: file.name, description: file.modified ? new Date(file.modified).toLocaleString(vscode.env.language) : undefined, filePath }] : [];
  });
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Summarize Errors'), placeHolder: vscode.l10n.t('Choose a log file'), matchOnDescription: true });
  if (picked) await vscode.commands.executeCommand('devopsAssistant.summarizeErrors', vscode.Uri.file(picked.filePath));
}
