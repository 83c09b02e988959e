import * as vscode from 'vscode';
import { registerAgent } from './agent/register';
import { registerServers } from './mcp/register';

export function activate(context: vscode.ExtensionContext): void {
  // Features register themselves here, one register…(context) call each.
  const hub = registerServers(context);
  const agent = registerAgent(context, hub);
  void agent; // consumed by the UI registrations below
}

export function deactivate(): void {}
