// Wires the agent into VS Code: settings, the API key in SecretStorage (+ its command), and the
// conversation in workspaceState.
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { McpHub } from '../mcp/types';
import type { Settings } from '../settings';
import { Agent, type AgentSettings } from './agent';
import { API_KEY_SECRET, readApiKey, validateApiKeyInput } from './api-key';
import type { KeyValueStore } from './history';
import type { ModelSource } from './model';
import { WindowHistoryStore } from './window-history';

/** The agent's part of the settings, read at the start of every turn. */
export function agentSettings(settings: Settings): AgentSettings {
  return {
    model: settings.model,
    maxTokens: settings.maxTokens,
    maxToolRounds: settings.maxToolRounds,
    baseURL: settings.anthropicBaseUrl,
    thresholds: settings.thresholds,
  };
}

/**
 * An agent over `hub` with the conversation in workspaceState; `model` picks the model of each turn
 * (src/models, from devopsAssistant.modelProvider), else the Anthropic API with the key from SecretStorage.
 */
export function createAgent(context: vscode.ExtensionContext, hub: McpHub, settings: () => Settings, model?: ModelSource, log?: (line: string) => void, timeZone?: () => string): Agent {
  return new Agent({
    hub,
    settings: () => agentSettings(settings()),
    ...(model ? { model } : {}),
    apiKey: () => readApiKey(context.secrets),
    store: conversationStore(context, log),
    ...(timeZone ? { timeZone } : {}),
    workspaceFolders: () => (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath),
    log,
  });
}

/**
 * Where the conversation is kept: a file of this window's in the workspace's storage folder (window-history.ts), so that
 * two windows on one workspace do not overwrite each other's turns; workspaceState without a workspace, or when that
 * folder cannot be written.
 */
function conversationStore(context: vscode.ExtensionContext, log?: (line: string) => void): KeyValueStore {
  if (!context.storageUri) return context.workspaceState;
  try {
    const store = new WindowHistoryStore(join(context.storageUri.fsPath, 'conversations'), context.workspaceState);
    context.subscriptions.push(store);
    return store;
  } catch (error) {
    log?.(`[agent] conversations kept in workspaceState: ${(error as Error).message}`);
    return context.workspaceState;
  }
}

/** Creates the agent and its Output channel and registers "Set API Key"; `log` writes to that channel. */
export function registerAgent(context: vscode.ExtensionContext, hub: McpHub, settings: () => Settings, model?: ModelSource, timeZone?: () => string): { agent: Agent; log(line: string): void } {
  const channel = vscode.window.createOutputChannel('DevOps Assistant: Agent');
  const log = (line: string) => channel.appendLine(`${new Date().toISOString()} ${line}`);
  const agent = createAgent(context, hub, settings, model, log, timeZone);
  context.subscriptions.push(
    channel,
    vscode.commands.registerCommand('devopsAssistant.setApiKey', async () => {
      const value = await vscode.window.showInputBox({
        title: vscode.l10n.t('Anthropic API Key'),
        prompt: vscode.l10n.t('Stored in VS Code\'s secret storage. Leave empty to remove the stored key.'),
        placeHolder: 'sk-ant-…',
        password: true,
        ignoreFocusOut: true,
        validateInput: validateApiKeyInput,
      });
      if (value === undefined) return false;
      await storeApiKey(context, value);
      void vscode.window.showInformationMessage(
        value.trim() === '' ? vscode.l10n.t('The stored Anthropic API key was removed.') : vscode.l10n.t('Anthropic API key saved.'),
      );
      return true;
    }),
  );
  return { agent, log };
}

/** Stores the key (trimmed) in SecretStorage; an empty value removes the stored key. */
export function storeApiKey(context: vscode.ExtensionContext, value: string | undefined): Thenable<void> {
  const key = value?.trim();
  return key ? context.secrets.store(API_KEY_SECRET, key) : context.secrets.delete(API_KEY_SECRET);
}
