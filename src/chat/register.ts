// The chat: one ChatSession (created in activate, shared with the commands) shown in the webview view.
import * as vscode from 'vscode';
import type { Models } from '../models/register';
import type { Settings } from '../settings';
import { modelState } from './model-state';
import { workspaceOffer } from './offer';
import type { ChatSession } from './session';
import { CHAT_VIEW_ID, ChatViewProvider } from './view';

/** Registers the chat view over `session` and keeps the `devopsAssistant.chatBusy` context key (Stop button) in step. */
export function registerChatView(context: vscode.ExtensionContext, session: ChatSession, models: Models, settings: () => Settings): ChatViewProvider {
  const model = modelState(models);
  const folders = () => (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => folder.uri.fsPath);
  const provider = new ChatViewProvider(context.extensionUri, session, model, () => workspaceOffer(folders(), settings()));
  context.subscriptions.push(
    session.onUpdate((update) => {
      if (update.type === 'busy') void vscode.commands.executeCommand('setContext', 'devopsAssistant.chatBusy', update.busy);
    }),
    model,
    provider,
    vscode.window.registerWebviewViewProvider(CHAT_VIEW_ID, provider),
  );
  return provider;
}
