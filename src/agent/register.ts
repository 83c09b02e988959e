// Wires the agent into VS Code: settings, the API key in SecretStorage (+ its command), and the
// conversation in workspaceState.
import * as vscode from 'vscode';
import { registeredMcpProvider, registerServersStartedAt } from '../mcp/register';
import type { McpHub } from '../mcp/types';
import { Agent, type AgentSettings } from './agent';
import { API_KEY_SECRET, readApiKey, validateApiKeyInput } from './api-key';
import type { ChatAgent } from './events';

const SECTION = 'devopsAssistant';

export function readAgentSettings(): AgentSettings {
  const c = vscode.workspace.getConfiguration(SECTION);
  return {
    model: c.get<string>('model', 'claude-sonnet-4-6') || 'claude-sonnet-4-6',
    maxTokens: clamp(c.get<number>('maxTokens', 4096), 256, 64_000),
    maxToolRounds: clamp(c.get<number>('maxToolRounds', 12), 1, 100),
    baseURL: c.get<string>('anthropicBaseUrl', '') ?? '',
    thresholds: {
      cpu: c.get<number>('thresholds.cpu', 80),
      memory: c.get<number>('thresholds.memory', 90),
      disk: c.get<number>('thresholds.disk', 90),
    },
  };
}

export function registerAgent(context: vscode.ExtensionContext, hub: McpHub): ChatAgent {
  const log = vscode.window.createOutputChannel('DevOps Assistant: Agent');
  const agent = new Agent({
    hub,
    settings: readAgentSettings,
    apiKey: () => readApiKey(context.secrets),
    store: context.workspaceState,
    workspaceFolders: () => (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath),
    log: (line) => log.appendLine(`${new Date().toISOString()} ${line}`),
  });
  context.subscriptions.push(
    log,
    vscode.commands.registerCommand(`${SECTION}.setApiKey`, async () => {
      const value = await vscode.window.showInputBox({
        title: vscode.l10n.t('Anthropic API Key'),
        prompt: vscode.l10n.t('Stored in VS Code\'s secret storage. Leave empty to remove the stored key.'),
        placeHolder: 'sk-ant-…',
        password: true,
        ignoreFocusOut: true,
        validateInput: validateApiKeyInput,
      });
      if (value === undefined) return false;
      if (value.trim() === '') {
        await context.secrets.delete(API_KEY_SECRET);
        void vscode.window.showInformationMessage(vscode.l10n.t('The stored Anthropic API key was removed.'));
      } else {
        await context.secrets.store(API_KEY_SECRET, value.trim());
        void vscode.window.showInformationMessage(vscode.l10n.t('Anthropic API key saved.'));
      }
      return true;
    }),
  );
  const coreRegisterMs = performance.now() - registerServersStartedAt;
  log.appendLine(`${new Date().toISOString()} core registered in ${coreRegisterMs.toFixed(1)} ms (servers start in the background)`);
  // Extension-host tests reach the live objects through this command (not contributed, not in production).
  if (context.extensionMode !== vscode.ExtensionMode.Production) {
    context.subscriptions.push(
      vscode.commands.registerCommand(`${SECTION}.internal.testApi`, () => ({
        hub,
        agent,
        coreRegisterMs,
        mcpProvider: registeredMcpProvider,
        storeApiKey: (value: string | undefined) => (value ? context.secrets.store(API_KEY_SECRET, value) : context.secrets.delete(API_KEY_SECRET)),
        createAgent: () =>
          new Agent({ hub, settings: readAgentSettings, apiKey: () => readApiKey(context.secrets), store: context.workspaceState }),
      })),
    );
  }
  return agent;
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : min;
}
