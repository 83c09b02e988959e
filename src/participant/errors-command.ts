// "@devops /errors <file>": the same deterministic error summary as "DevOps: Summarize Errors"
// (src/commands/summarize.ts), shown in VS Code's Chat view. No model is asked: the follow-up
// "Explain the causes" hands the summary to the agent when the user wants that.
import * as vscode from 'vscode';
import type { McpHub } from '../mcp/types';
import { textErrorLines } from '../views/error-summary-items';
import { activeEditorUri, explainErrorsQuestion, listLogFiles, noErrorsNote, samePath, summarizeLogFile } from '../commands/summarize';
import { logFilePath, type LogFile } from '../views/log-items';
import type { TurnMetadata } from './history';
import { promptText } from './history';
import { cleanFileArgument, matchLogFiles } from './log-target';
import { referencedFiles } from './references';
import type { ResponseSink } from './render';

/** Log files named in a "which file?" answer. */
const LISTED_FILES = 15;

export interface ErrorsRequest {
  prompt: string;
  command?: string;
  references: readonly vscode.ChatPromptReference[];
}

export interface ErrorsAnswer {
  metadata: TurnMetadata;
  /** For ChatResult.errorDetails: the summary could not be made. */
  errorMessage?: string;
}

/** Runs /errors for `request`, writing the summary (or why there is none) to `sink`. Never rejects. */
export async function answerErrors(hub: McpHub, request: ErrorsRequest, sink: ResponseSink, signal: AbortSignal): Promise<ErrorsAnswer> {
  const question = promptText(request);
  const say = (markdown: string, stopReason: string): ErrorsAnswer => {
    sink.markdown(markdown);
    return { metadata: { messages: [{ role: 'user', content: question }, { role: 'assistant', content: markdown }], stopReason, canContinue: false } };
  };
  sink.progress(vscode.l10n.t('Finding the log file…'));
  const target = await resolveTarget(hub, request, signal);
  if ('message' in target) return say(target.message, 'usage');
  sink.progress(vscode.l10n.t('Summarizing errors in {0}…', vscode.workspace.asRelativePath(target.uri)));
  const result = await summarizeLogFile(hub, target.uri, signal);
  if (result.kind !== 'summary') {
    const answer = say(result.message, result.kind);
    return result.kind === 'notLogFile' || result.kind === 'outsideLogDirectories' || result.kind === 'empty' ? answer : { ...answer, errorMessage: result.message };
  }
  const note = noErrorsNote(result);
  const summary = result.rotated ? `${result.rotated}\n\n${result.markdown}` : result.markdown;
  const markdown = note?.severity === 'warning' ? `${summary}\n\n> ⚠️ ${note.message}` : summary;
  const answer = say(markdown, 'errors');
  // Lines that read as errors by their text, without a level, are worth explaining too (break32).
  return result.summary.totalErrors > 0 || textErrorLines(result.summary) !== undefined ? { metadata: { ...answer.metadata, explainLog: result.name } } : answer;
}

/** The follow-up after a summary with errors: the agent explains them (the same question as Summarize Errors asks). */
export function explainFollowup(logName: string): vscode.ChatFollowup {
  // A follow-up keeps the request's command unless it names one; '' sends it without /errors (to the agent).
  return { prompt: explainErrorsQuestion(logName), label: vscode.l10n.t('Explain the likely causes and fixes'), command: '' };
}

type Target = { uri: vscode.Uri } | { message: string };

/** The file: a #file reference, else the text after /errors, else the log open in the editor. */
async function resolveTarget(hub: McpHub, request: ErrorsRequest, signal: AbortSignal): Promise<Target> {
  const [referenced] = referencedFiles(request.references);
  if (referenced) return { uri: referenced };
  const query = cleanFileArgument(request.prompt);
  if (!query) {
    const active = activeEditorUri();
    if (active?.scheme === 'file') return { uri: active };
    return { message: await usage(hub, signal) };
  }
  let files: LogFile[];
  try {
    files = await listLogFiles(hub, signal);
  } catch (error) {
    return { message: vscode.l10n.t('The logs server is not available: {0}', error instanceof Error ? error.message : String(error)) };
  }
  const matches = matchLogFiles(files, query, samePath);
  const paths = matches.map(logFilePath).filter((p): p is string => p !== undefined);
  if (paths.length === 1) return { uri: vscode.Uri.file(paths[0]) };
  if (paths.length > 1) return { message: `${vscode.l10n.t('Several log files match "{0}"; which one?', query)}\n\n${fileList(matches)}` };
  const onDisk = await existingFile(query);
  if (onDisk) return { uri: onDisk };
  return { message: `${vscode.l10n.t('No log file matches "{0}".', query)}${files.length ? `\n\n${vscode.l10n.t('The log files I can read:')}\n\n${fileList(files)}` : ''}` };
}

/** A path typed by the user that exists (absolute, or relative to a workspace folder) though the logs server does not list it. */
async function existingFile(query: string): Promise<vscode.Uri | undefined> {
  const candidates = /^([a-zA-Z]:)?[\\/]/.test(query)
    ? [vscode.Uri.file(query)]
    : (vscode.workspace.workspaceFolders ?? []).map((folder) => vscode.Uri.joinPath(folder.uri, query));
  for (const uri of candidates) {
    const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
    if (stat && stat.type & vscode.FileType.File) return uri;
  }
  return undefined;
}

async function usage(hub: McpHub, signal: AbortSignal): Promise<string> {
  const head = vscode.l10n.t('Name a log file: `@devops /errors app.log` (a name, a path, or a #file reference).');
  const files = await listLogFiles(hub, signal).catch(() => []);
  return files.length ? `${head}\n\n${vscode.l10n.t('The log files I can read:')}\n\n${fileList(files)}` : head;
}

function fileList(files: readonly LogFile[]): string {
  const shown = files.slice(0, LISTED_FILES).map((f) => `- \`${(f.relativePath ?? f.name).replace(/`/g, "'")}\``);
  if (files.length > LISTED_FILES) shown.push(`- ${vscode.l10n.t('… and {0} more', files.length - LISTED_FILES)}`);
  return shown.join('\n');
}
