// What activate() returns outside production (vscode.extensions.getExtension(id).exports): the live
// objects, for the extension-host tests. In production the extension exports nothing.
import type * as vscode from 'vscode';
import type { Agent } from './agent/agent';
import type { ChatSession } from './chat/session';
import type { McpHub } from './mcp/types';
import type { Participant } from './participant/register';
import type { Models } from './models/register';
import type { TreeViews } from './views/register';

export interface DevopsAssistantApi {
  hub: McpHub;
  agent: Agent;
  /** The one conversation the chat view and the commands share. */
  session: ChatSession;
  trees: TreeViews;
  /** Time (ms) activate() spent creating the hub and the agent; the servers start after it returns. */
  coreRegisterMs: number;
  /** The provider given to VS Code's MCP support; undefined where the editor has none. */
  mcpProvider?: vscode.McpServerDefinitionProvider<vscode.McpStdioServerDefinition>;
  /** The models the chat can answer with (devopsAssistant.modelProvider). */
  models: Models;
  /** @devops in VS Code's Chat view; undefined where this VS Code has no Chat API. */
  participant?: Participant;
  /** Stores the Anthropic API key in SecretStorage; undefined or empty removes it. */
  storeApiKey(value: string | undefined): Thenable<void>;
  /** A second agent over the same hub, key and workspaceState (to test persistence). */
  createAgent(): Agent;
}
