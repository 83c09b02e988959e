// "DevOps: Summarize Errors": the deterministic error summary of one log file or log source (journal
// unit, container), straight into the chat; then, with an API key, the agent explains likely causes.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { McpHub } from '../mcp/types';
import { hasApiKey } from '../chat/api-key';
import type { CommandTargets } from './targets';
import { callErrorSummary, LOGS_SERVER_NAME } from '../views/error-summary';
import { errorSummaryMarkdown } from '../views/error-summary-items';
import { logNameForPath, parseLogFilesResource } from '../views/log-items';
import { sourceNameOfUri } from '../views/log-source-document';
import type { NodeSpec } from '../views/node';

/** What "Summarize Errors" reads: a file (by its path) or a journal/Docker source (by the name the logs tools take). */
export type LogTarget = { kind: 'file'; uri: vscode.Uri } | { kind: 'source'; name: string };

/** The log a command was invoked on: a Uri (explorer, editor title), a Log Files item (file or source), or the active editor. */
export function targetLog(arg: unknown): LogTarget | undefined {
  const fromUri = (uri: vscode.Uri): LogTarget => {
    const source = sourceNameOfUri(uri);
    return source ? { kind: 'source', name: source } : { kind: 'file', uri };
  };
  if (arg instanceof vscode.Uri) return fromUri(arg);
  if (arg && typeof arg === 'object') {
    const spec = arg as Partial<NodeSpec> & { resourceUri?: vscode.Uri };
    if (typeof spec.data?.source === 'string') return { kind: 'source', name: spec.data.source };
    if (typeof spec.filePath === 'string') return { kind: 'file', uri: vscode.Uri.file(spec.filePath) };
    if (spec.resourceUri instanceof vscode.Uri) return fromUri(spec.resourceUri);
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  return active ? fromUri(active) : undefined;
}

const samePath = (a: string, b: string) =>
  process.platform === 'win32' || process.platform === 'darwin' ? path.resolve(a).toLowerCase() === path.resolve(b).toLowerCase() : path.resolve(a) === path.resolve(b);

export async function logNameFor(hub: McpHub, fsPath: string): Promise<string | undefined> {
  const resource = parseLogFilesResource((await hub.readResource(LOGS_SERVER_NAME, 'logs://files')).text);
  return logNameForPath(resource.files, fsPath, samePath);
}

/** A resolved target: the name error_summary takes, what the user sees, and how much of it to read. */
interface Resolved {
  name: string;
  display: string;
  /** Files: every line whatever its age. Sources (a journal, a container's whole life): the last 24 hours, as the tree counts. */
  window: { wholeFile: true } | { hours: number };
  question: string;
}

/** The target as error_summary's input, or undefined after telling the user why not. */
async function resolveTarget(hub: McpHub, target: LogTarget | undefined): Promise<Resolved | undefined> {
  if (target?.kind === 'source') {
    return { name: target.name, display: target.name, window: { hours: 24 }, question: vscode.l10n.t('Explain the likely causes of the recent errors in the log source {0} and suggest fixes.', target.name) };
  }
  if (!target || target.uri.scheme !== 'file') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Choose a log file in the Explorer or open one in the editor to summarize its errors.'));
    return undefined;
  }
  const display = vscode.workspace.asRelativePath(target.uri);
  let name: string | undefined;
  try {
    name = await logNameFor(hub, target.uri.fsPath);
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The logs server is not available: {0}', error instanceof Error ? error.message : String(error)));
    return undefined;
  }
  if (!name) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('{0} is not in a log directory (the workspace folders and the "devopsAssistant.logDirectories" setting), or is not a log file.', display),
    );
    return undefined;
  }
  // The whole file, whatever its age: a log picked by the user is summarised entirely (an archive from 2015 too).
  return { name, display, window: { wholeFile: true }, question: vscode.l10n.t('Explain the likely causes of the errors in the log file {0} and suggest fixes.', name) };
}

export async function summarizeErrors(context: vscode.ExtensionContext, { hub, session, chatView }: CommandTargets, arg: unknown): Promise<{ totalErrors: number } | undefined> {
  const target = targetLog(arg);
  const title = target?.kind === 'source' ? target.name : target ? vscode.workspace.asRelativePath(target.uri) : '';
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Summarizing errors in {0}…', title) },
    async () => {
      const resolved = await resolveTarget(hub, target);
      if (!resolved) return undefined;
      const { name, display } = resolved;
      let summary;
      try {
        summary = await callErrorSummary(hub, name, resolved.window);
      } catch (error) {
        session.append({ kind: 'error', text: vscode.l10n.t('Could not summarize {0}: {1}', display, error instanceof Error ? error.message : String(error)) });
        await chatView.reveal(false);
        return undefined;
      }
      session.append({ kind: 'assistant', text: errorSummaryMarkdown(summary, { file: display, t: vscode.l10n.t, locale: vscode.env.language }) });
      await chatView.reveal(false);
      if (summary.totalErrors === 0 && summary.files.some((f) => f.levelsUnreadable)) {
        void vscode.window.showWarningMessage(vscode.l10n.t('No error lines recognised in {0}: its log levels could not be read, so errors may have been missed.', display));
      } else if (summary.totalErrors === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No errors found in {0}.', display));
      } else if ((await hasApiKey(context)) && !session.busy) {
        void session.ask(resolved.question);
      }
      return { totalErrors: summary.totalErrors };
    },
  );
}
