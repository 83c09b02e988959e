// Read-only editors for log sources (journal units, containers) and compressed log files: `devops-log:` documents
// filled from the logs server's `logs://source/{name}` or `logs://file/{name}` (the last lines), plus the commands that
// open and refresh them and the one that explains a source problem.
import * as vscode from 'vscode';
import { Disposable } from '../lifecycle';
import type { McpHub } from '../mcp/types';
import { LOGS_SERVER_NAME } from './error-summary';
import { OPEN_COMPRESSED_LOG_COMMAND, logFileResourceUri } from './log-items';
import { OPEN_LOG_SOURCE_COMMAND, SHOW_SOURCE_PROBLEM_COMMAND, sourceResourceUri } from './log-source-items';

export const LOG_SOURCE_SCHEME = 'devops-log';
export const REFRESH_LOG_SOURCE_COMMAND = 'devopsAssistant.refreshLogSource';

/**
 * The document of a source. The query holds the exact name; the path is only the tab title (the
 * name, with "/" of `journal:<host>/<unit>` shown as "∕" so the title is not cut at the host).
 */
export function logSourceDocumentUri(name: string): vscode.Uri {
  return vscode.Uri.from({ scheme: LOG_SOURCE_SCHEME, path: `/${name.replace(/\//g, '∕')}`, query: new URLSearchParams({ name }).toString() });
}

/** The source name of a `devops-log:` document, or undefined for any other URI. */
export function sourceNameOfUri(uri: vscode.Uri): string | undefined {
  if (uri.scheme !== LOG_SOURCE_SCHEME) return undefined;
  return new URLSearchParams(uri.query).get('name') ?? undefined;
}

/**
 * The document of a compressed log file (a rotation: `app.log.1.gz`, `syslog.2.xz`), `name` as the logs tools take it
 * and `path` its absolute path: its text as the logs server reads it (`logs://file/{name}`: its last lines,
 * decompressed and decoded). Opened as a file, VS Code showed "binary or unsupported text encoding" (break31).
 */
export function logFileDocumentUri(name: string, path: string): vscode.Uri {
  return vscode.Uri.from({ scheme: LOG_SOURCE_SCHEME, path: `/${name.replace(/\//g, '∕')}`, query: new URLSearchParams({ file: name, path }).toString() });
}

/** The log file (its name for the logs tools, its absolute path) of a logFileDocumentUri document, else undefined. */
export function logFileOfUri(uri: vscode.Uri): { name: string; path: string } | undefined {
  if (uri.scheme !== LOG_SOURCE_SCHEME) return undefined;
  const query = new URLSearchParams(uri.query);
  const name = query.get('file');
  const path = query.get('path');
  return name && path ? { name, path } : undefined;
}

/** Fills `devops-log:` documents; a failed read shows its reason in the document rather than an empty editor. */
export class LogSourceDocuments extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly changed = this._register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changed.event;
  /** Text read by reload() that VS Code is about to ask for (so a refresh reads the source once). */
  private readonly reloaded = new Map<string, string>();

  constructor(private readonly hub: McpHub) {
    super();
  }

  provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const ready = this.reloaded.get(uri.toString());
    this.reloaded.delete(uri.toString());
    return ready !== undefined ? Promise.resolve(ready) : this.read(uri, token);
  }

  /** Reads the source again and hands the text to its open document; resolves with that text. */
  async reload(uri: vscode.Uri): Promise<string> {
    const text = await this.read(uri);
    this.reloaded.set(uri.toString(), text);
    this.changed.fire(uri);
    return text;
  }

  /** The source's recent lines (logs://source/{name}) or a log file's (logs://file/{name}), or a sentence saying why there are none. */
  private async read(uri: vscode.Uri, token?: vscode.CancellationToken): Promise<string> {
    const file = logFileOfUri(uri)?.name;
    const name = file ?? sourceNameOfUri(uri);
    if (!name) return vscode.l10n.t('{0} does not name a log source.', uri.toString());
    const abort = new AbortController();
    const cancel = token?.onCancellationRequested(() => abort.abort());
    try {
      const resource = file !== undefined ? logFileResourceUri(file) : sourceResourceUri(name);
      const { text } = await this.hub.readResource(LOGS_SERVER_NAME, resource, { signal: abort.signal });
      return text.trim() === '' ? vscode.l10n.t('{0} has no recent lines.', name) : text;
    } catch (error) {
      return vscode.l10n.t('Could not read {0}: {1}', name, error instanceof Error ? error.message : String(error));
    } finally {
      cancel?.dispose();
    }
  }
}

/** Registers the `devops-log:` provider and the open/refresh/problem commands. */
export function registerLogSourceDocuments(context: vscode.ExtensionContext, hub: McpHub, refreshTree: () => Promise<unknown>): void {
  const documents = new LogSourceDocuments(hub);
  context.subscriptions.push(
    documents,
    vscode.workspace.registerTextDocumentContentProvider(LOG_SOURCE_SCHEME, documents),
    // Resolves to the opened document's text, for scripts and tests.
    vscode.commands.registerCommand(OPEN_LOG_SOURCE_COMMAND, (name?: unknown) => (typeof name === 'string' && name !== '' ? openDocument(documents, logSourceDocumentUri(name)) : undefined)),
    vscode.commands.registerCommand(OPEN_COMPRESSED_LOG_COMMAND, (name?: unknown, path?: unknown) =>
      typeof name === 'string' && name !== '' && typeof path === 'string' && path !== '' ? openDocument(documents, logFileDocumentUri(name, path)) : undefined,
    ),
    // Resolves to the text the document is given (undefined when the URI is not a log source).
    vscode.commands.registerCommand(REFRESH_LOG_SOURCE_COMMAND, (arg?: unknown) => {
      const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
      return uri && sourceNameOfUri(uri) ? documents.reload(uri) : undefined;
    }),
    vscode.commands.registerCommand(SHOW_SOURCE_PROBLEM_COMMAND, (problem?: unknown) => showSourceProblem(context, problem, refreshTree)),
  );
}

/** Opens the `devops-log:` document `uri` (read again when it is open already); resolves to its text, for scripts and tests. */
async function openDocument(documents: LogSourceDocuments, uri: vscode.Uri): Promise<string> {
  // A document still open from an earlier click shows what it read then: read again.
  if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) await documents.reload(uri);
  let document = await vscode.workspace.openTextDocument(uri);
  // Log colouring when the editor has the built-in "log" language; plain text otherwise.
  document = await vscode.languages.setTextDocumentLanguage(document, 'log').then((d) => d, () => document);
  await vscode.window.showTextDocument(document, { preview: true });
  return document.getText();
}

/** The problem in full with its fixes: the source settings, the set-up guide (README), or a new look. */
async function showSourceProblem(context: vscode.ExtensionContext, problem: unknown, refreshTree: () => Promise<unknown>): Promise<void> {
  if (typeof problem !== 'string') return;
  const settings = vscode.l10n.t('Open Settings');
  const guide = vscode.l10n.t('Setup Guide');
  const retry = vscode.l10n.t('Try Again');
  const choice = await vscode.window.showWarningMessage(problem, settings, guide, retry);
  if (choice === settings) await vscode.commands.executeCommand('workbench.action.openSettings', 'devopsAssistant.logs');
  else if (choice === guide) await vscode.commands.executeCommand('markdown.showPreview', await readmeUri(context.extensionUri));
  else if (choice === retry) await refreshTree();
}

/**
 * The extension's README. vsce packs README.md as `readme.md`, so an installed .vsix has only that name while a
 * development checkout has README.md; Linux and remote hosts open names case-sensitively, so the name is looked up.
 */
async function readmeUri(extensionUri: vscode.Uri): Promise<vscode.Uri> {
  const names = await vscode.workspace.fs.readDirectory(extensionUri).then((entries) => entries.map(([name]) => name), () => []);
  return vscode.Uri.joinPath(extensionUri, names.find((name) => name.toLowerCase() === 'readme.md') ?? 'readme.md');
}
