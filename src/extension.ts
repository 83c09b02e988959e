import * as vscode from 'vscode';
import { registerAgent } from './agent/register';
import { registerServers } from './mcp/register';
import { registerChatView } from './chat/register';
import { registerTreeViews } from './views/register';
import { registerCommands } from './commands/register';

export function activate(context: vscode.ExtensionContext): void {
  // Features register themselves here, one register…(context) call each.
  const hub = registerServers(context);
  const agent = registerAgent(context, hub);
  registerChatView(context, agent, hub);
  registerTreeViews(context, hub);
  registerCommands(context, agent, hub);
}

export function deactivate(): void {}
