// Whether an Anthropic API key is available: drives the chat's "Set API Key" banner and the
// `devopsAssistant.noApiKey` context key (welcome content).
import * as vscode from 'vscode';
import type { ApiKeyState } from './view';

/** SecretStorage key under which "DevOps: Set Anthropic API Key" stores the key (core helper's name). */
export const API_KEY_SECRET = 'devopsAssistant.anthropicApiKey';

export async function hasApiKey(context: vscode.ExtensionContext): Promise<boolean> {
  if (process.env.ANTHROPIC_API_KEY) return true;
  try {
    return Boolean(await context.secrets.get(API_KEY_SECRET));
  } catch {
    return false;
  }
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
