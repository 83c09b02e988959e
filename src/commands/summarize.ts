// "DevOps: Summarize Errors": the deterministic error summary of one log file, straight into the
// chat; then, with an API key, the agent explains likely causes.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { McpHub } from '../mcp/types';
import type { CommandTargets } from './targets';
import { callErrorSummary, LOGS_SERVER_NAME } from '../views/error-summary';
import { errorSummaryMarkdown } from '../views/error-summary-items';
import { logNameForPath, parseLogFilesResource } from '../views/log-items';
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

const samePath = (a: string, b: string) =>
  process.platform === 'win32' || process.platform === 'darwin' ? path.resolve(a).toLowerCase() === path.resolve(b).toLowerCase() : path.resolve(a) === path.resolve(b);

export async function logNameFor(hub: McpHub, fsPath: string): Promise<string | undefined> {
  const resource = parseLogFilesResource((await hub.readResource(LOGS_SERVER_NAME, 'logs://files')).text);
  return logNameForPath(resource.files, fsPath, samePath);
}

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
      let name: string | undefined;
      try {
        name = await logNameFor(hub, uri.fsPath);
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
      let summary;
      try {
        // The whole file, whatever its age: a log picked by the user is summarised entirely (an archive from 2015 too).
        summary = await callErrorSummary(hub, name, { wholeFile: true });
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
      } else if ('model' in (await models.current()) && !session.busy) {
        void session.ask(vscode.l10n.t('Explain the likely causes of the errors in the log file {0} and suggest fixes.', name));
      }
      return { totalErrors: summary.totalErrors };
    },
  );
}
