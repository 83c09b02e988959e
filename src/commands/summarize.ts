// "DevOps: Summarize Errors": the deterministic error summary of one log file, straight into the
// chat; then, with an API key, the agent explains likely causes.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { McpHub } from '../mcp/types';
import type { CommandTargets } from './targets';
import { callErrorSummary, LOGS_SERVER_NAME } from '../views/error-summary';
import { errorSummaryMarkdown, type ErrorSummary } from '../views/error-summary-items';
import { logNameForPath, parseLogFilesResource, type LogFile } from '../views/log-items';
import type { NodeSpec } from '../views/node';

/** The file a command was invoked on: a Uri (explorer, editor title), a Log Files item, or the active editor. */
export function targetFile(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (arg && typeof arg === 'object') {
    const spec = arg as Partial<NodeSpec> & { resourceUri?: vscode.Uri };
    if (typeof spec.filePath === 'string') return vscode.Uri.file(spec.filePath);
    if (spec.resourceUri instanceof vscode.Uri) return spec.resourceUri;
  }
  return vscode.window.activeTextEditor?.document.uri;
}

/** Whether two absolute paths name the same file, as the platform compares them (case on Windows and macOS). */
export const samePath = (a: string, b: string) =>
  process.platform === 'win32' || process.platform === 'darwin' ? path.resolve(a).toLowerCase() === path.resolve(b).toLowerCase() : path.resolve(a) === path.resolve(b);

/** The log files the logs server lists (logs://files); rejects when the server is not available. */
export async function listLogFiles(hub: McpHub, signal?: AbortSignal): Promise<LogFile[]> {
  return parseLogFilesResource((await hub.readResource(LOGS_SERVER_NAME, 'logs://files', { signal })).text).files;
}

export async function logNameFor(hub: McpHub, fsPath: string): Promise<string | undefined> {
  return logNameForPath(await listLogFiles(hub), fsPath, samePath);
}

/** The deterministic error summary of one log file, or why there is none (for the user, localized). */
export type LogErrorSummary =
  | { kind: 'summary'; name: string; display: string; summary: ErrorSummary; markdown: string }
  | { kind: 'notLogFile' | 'serverUnavailable' | 'failed'; display: string; message: string };

/**
 * Runs error_summary on the whole file `uri` (whatever its age: a log the user picked is summarised
 * entirely, an archive from 2015 too) through the logs server; `display` is the workspace-relative
 * path. Never rejects: failures come back as a kind with a message. Shared by "Summarize Errors" and
 * the chat participant's /errors.
 */
export async function summarizeLogFile(hub: McpHub, uri: vscode.Uri, signal?: AbortSignal): Promise<LogErrorSummary> {
  const display = vscode.workspace.asRelativePath(uri);
  let name: string | undefined;
  try {
    name = await logNameFor(hub, uri.fsPath);
  } catch (error) {
    return { kind: 'serverUnavailable', display, message: vscode.l10n.t('The logs server is not available: {0}', messageOf(error)) };
  }
  if (!name) {
    const message = vscode.l10n.t('{0} is not in a log directory (the workspace folders and the "devopsAssistant.logDirectories" setting), or is not a log file.', display);
    return { kind: 'notLogFile', display, message };
  }
  try {
    const summary = await callErrorSummary(hub, name, { wholeFile: true, signal });
    return { kind: 'summary', name, display, summary, markdown: errorSummaryMarkdown(summary, { file: display, t: vscode.l10n.t, locale: vscode.env.language }) };
  } catch (error) {
    return { kind: 'failed', display, message: vscode.l10n.t('Could not summarize {0}: {1}', display, messageOf(error)) };
  }
}

/** What a summary with no errors should tell the user: a file whose levels could not be read is never "free of errors". */
export function noErrorsNote(result: { summary: ErrorSummary; display: string }): { severity: 'warning' | 'info'; message: string } | undefined {
  if (result.summary.totalErrors > 0) return undefined;
  if (result.summary.files.some((f) => f.levelsUnreadable)) {
    return { severity: 'warning', message: vscode.l10n.t('No error lines recognised in {0}: its log levels could not be read, so errors may have been missed.', result.display) };
  }
  return { severity: 'info', message: vscode.l10n.t('No errors found in {0}.', result.display) };
}

/** The question the agent gets after a summary with errors (also the chat participant's follow-up). */
export function explainErrorsQuestion(logName: string): string {
  return vscode.l10n.t('Explain the likely causes of the errors in the log file {0} and suggest fixes.', logName);
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function summarizeErrors({ hub, session, chatView, models }: CommandTargets, arg: unknown): Promise<{ totalErrors: number } | undefined> {
  const uri = targetFile(arg);
  if (!uri || uri.scheme !== 'file') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Choose a log file in the Explorer or open one in the editor to summarize its errors.'));
    return undefined;
  }
  const display = vscode.workspace.asRelativePath(uri);
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Summarizing errors in {0}…', display) },
    async () => {
      const result = await summarizeLogFile(hub, uri);
      if (result.kind === 'serverUnavailable') void vscode.window.showErrorMessage(result.message);
      if (result.kind === 'notLogFile') void vscode.window.showWarningMessage(result.message);
      if (result.kind === 'failed') {
        session.append({ kind: 'error', text: result.message });
        await chatView.reveal(false);
      }
      if (result.kind !== 'summary') return undefined;
      session.append({ kind: 'assistant', text: result.markdown });
      await chatView.reveal(false);
      const note = noErrorsNote(result);
      if (note) {
        void (note.severity === 'warning' ? vscode.window.showWarningMessage(note.message) : vscode.window.showInformationMessage(note.message));
      } else if ('model' in (await models.current()) && !session.busy) {
        void session.ask(explainErrorsQuestion(result.name));
      }
      return { totalErrors: result.summary.totalErrors };
    },
  );
}
