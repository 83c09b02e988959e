// The chat: one ChatSession (created in activate, shared with the commands) shown in the webview view.
import * as vscode from 'vscode';
import type { Models } from '../models/register';
import type { Settings } from '../settings';
import { modelState, type ModelState } from './model-state';
import { workspaceOffer } from './offer';
import type { ChatSession } from './session';
import { unansweredForLackOfModel } from './unanswered';
import type { UserTimeZone } from './user-time-zone';
import { CHAT_VIEW_ID, ChatViewProvider } from './view';

/** Registers the chat view over `session` and keeps the `devopsAssistant.chatBusy` context key (Stop button) in step. */
export function registerChatView(context: vscode.ExtensionContext, session: ChatSession, models: Models, settings: () => Settings, timeZone: UserTimeZone): ChatViewProvider {
  const model = modelState(models);
  const folders = () => (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => folder.uri.fsPath);
  const provider = new ChatViewProvider(context.extensionUri, session, model, () => workspaceOffer(folders(), settings()), (zone) => timeZone.report(zone));
  context.subscriptions.push(
    session.onUpdate((update) => {
      if (update.type === 'busy') void vscode.commands.executeCommand('setContext', 'devopsAssistant.chatBusy', update.busy);
    }),
    model,
    askAgainWhenAModelIsSet(session, model),
    provider,
    vscode.window.registerWebviewViewProvider(CHAT_VIEW_ID, provider),
  );
  return provider;
}

/**
 * First run: a question asked with no key and no model got "No Anthropic API key is set…", and after Set API Key the
 * person had to type it again. Once a model is there, the question that went unanswered for want of one is asked.
 */
function askAgainWhenAModelIsSet(session: ChatSession, model: ModelState): vscode.Disposable {
  let problem: string | undefined;
  const check = async () => {
    const status = await model.status();
    if (status.label === undefined) {
      problem = status.problem;
      return;
    }
    const question = unansweredForLackOfModel(session.snapshot().items, problem);
    problem = undefined;
    if (question && !session.busy) void session.ask(question);
  };
  void check();
  return model.onDidChange(() => void check());
}
