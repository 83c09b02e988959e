// The chat: one ChatSession (created in activate, shared with the commands) shown in the webview view.
import * as vscode from 'vscode';
import { apiKeyState } from './api-key';
import type { ChatSession } from './session';
import { CHAT_VIEW_ID, ChatViewProvider } from './view';

/** Registers the chat view over `session` and keeps the `devopsAssistant.chatBusy` context key (Stop button) in step. */
export function registerChatView(context: vscode.ExtensionContext, session: ChatSession): ChatViewProvider {
  const apiKey = apiKeyState(context);
  const provider = new ChatViewProvider(context.extensionUri, session, apiKey);
  context.subscriptions.push(
    session.onUpdate((update) => {
      if (update.type === 'busy') void vscode.commands.executeCommand('setContext', 'devopsAssistant.chatBusy', update.busy);
    }),
    apiKey,
    provider,
    vscode.window.registerWebviewViewProvider(CHAT_VIEW_ID, provider),
  );
  return provider;
}
