// Whether an Anthropic API key is available: drives the chat's "Set API Key" banner and the
// `devopsAssistant.noApiKey` context key.
import * as vscode from 'vscode';
import { API_KEY_SECRET, readApiKey } from '../agent/api-key';
import type { ApiKeyState } from './view';

export async function hasApiKey(context: vscode.ExtensionContext): Promise<boolean> {
  return (await readApiKey(context.secrets)) !== undefined;
}

export function apiKeyState(context: vscode.ExtensionContext): ApiKeyState & vscode.Disposable {
  const emitter = new vscode.EventEmitter<void>();
  const check = () => hasApiKey(context);
  const update = async () => {
    await vscode.commands.executeCommand('setContext', 'devopsAssistant.noApiKey', !(await check()));
    emitter.fire();
  };
  const subscription = context.secrets.onDidChange((event) => {
    if (event.key === API_KEY_SECRET) void update();
  });
  void update();
  return {
    hasApiKey: check,
    onDidChange: (listener) => emitter.event(listener),
    dispose: () => {
      subscription.dispose();
      emitter.dispose();
    },
  };
}
