import * as vscode from 'vscode';
import type { ChatAgent } from '../agent/events';
import type { McpHub } from '../mcp/types';
import { apiKeyState } from './api-key';
import { chatSessionFor } from './session';
import { CHAT_VIEW_ID, ChatViewProvider } from './view';

let provider: ChatViewProvider | undefined;

/** The registered chat view, for commands that reveal it. */
export function chatView(): ChatViewProvider | undefined {
  return provider;
}

export function registerChatView(context: vscode.ExtensionContext, agent: ChatAgent, _hub: McpHub): ChatViewProvider {
  const apiKey = apiKeyState(context);
  const session = chatSessionFor(agent);
  provider = new ChatViewProvider(context.extensionUri, session, apiKey);
  context.subscriptions.push(
    // Drives the Stop button in the view's title bar and the palette.
    session.onUpdate((update) => {
      if (update.type === 'busy') void vscode.commands.executeCommand('setContext', 'devopsAssistant.chatBusy', update.busy);
    }),
    apiKey,
    provider,
    vscode.window.registerWebviewViewProvider(CHAT_VIEW_ID, provider),
    { dispose: () => (provider = undefined) },
  );
  return provider;
}
