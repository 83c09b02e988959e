// activate() creates each feature's objects and hands them to whoever needs them: one line per feature.
import * as vscode from 'vscode';
import type { DevopsAssistantApi } from './api';
import { createAgent, registerAgent, storeApiKey } from './agent/register';
import { registerChatView } from './chat/register';
import { ChatSession } from './chat/session';
import { UserTimeZone } from './chat/user-time-zone';
import { registerCommands } from './commands/register';
import { registerServers } from './mcp/register';
import { registerModels, wrapVsCodeModel } from './models/register';
import { registerParticipant } from './participant/register';
import { readSettings, SETTINGS_SECTION } from './settings';
import { registerStatusBar } from './status/status-bar';
import { registerTreeViews } from './views/register';

// VS Code calls deactivate() without arguments; this is how it reaches the servers activate() started.
let stopServers: (() => Promise<void>) | undefined;

export function activate(context: vscode.ExtensionContext): DevopsAssistantApi | undefined {
  const started = performance.now();
  const settings = () => readSettings(vscode.workspace.getConfiguration(SETTINGS_SECTION));
  const { hub, mcpProvider } = registerServers(context, settings);
  stopServers = () => hub.dispose();
  const models = registerModels(context, settings);
  const timeZone = new UserTimeZone(context.globalState);
  const zone = () => timeZone.get();
  const { agent, log } = registerAgent(context, hub, settings, models.source, zone);
  const coreRegisterMs = performance.now() - started;
  log(`core registered in ${coreRegisterMs.toFixed(1)} ms (servers start in the background)`);
  const session = new ChatSession(agent);
  const chatView = registerChatView(context, session, models, settings, timeZone);
  const trees = registerTreeViews(context, hub, settings);
  registerStatusBar(context, hub);
  registerCommands(context, { hub, session, chatView, models }, settings);
  const participant = registerParticipant(context, { hub, settings, wrapModel: wrapVsCodeModel, log, timeZone: zone });

  if (context.extensionMode === vscode.ExtensionMode.Production) return undefined;
  return {
    hub,
    agent,
    session,
    trees,
    coreRegisterMs,
    mcpProvider,
    storeApiKey: (value) => storeApiKey(context, value),
    models,
    participant,
    createAgent: () => createAgent(context, hub, settings, models.source, undefined, zone),
  };
}

/** Resolves when every server process has exited; VS Code waits for it before the host goes away. */
export function deactivate(): Promise<void> | undefined {
  const stop = stopServers;
  stopServers = undefined;
  return stop?.();
}
