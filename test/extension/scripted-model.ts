// The typed client of the scripted language model (test/fixtures/scripted-model-extension), which the
// extension-test runner loads beside ours: queue replies, read what the model received. Shared by the
// model tests and the chat participant tests.
import * as vscode from 'vscode';

export const SCRIPTED_EXTENSION_ID = 'devops-test.scripted-model';
export const SCRIPTED_VENDOR = 'devops-scripted';
/** maxInputTokens 100 000. */
export const SCRIPTED_LARGE = { vendor: SCRIPTED_VENDOR, id: 'scripted-large' };
/** maxInputTokens 2 000: small enough that token budgets show. */
export const SCRIPTED_SMALL = { vendor: SCRIPTED_VENDOR, id: 'scripted-small' };

export interface ScriptedTurn {
  /** Streamed in parts of `chunkSize` characters (default 8). */
  text?: string;
  chunkSize?: number;
  chunkDelayMs?: number;
  /** Reported after the text, in order. */
  /** `input` is passed on as it is: an object, or anything else a provider might report (raw JSON text). */
  toolCalls?: Array<{ callId: string; name: string; input?: unknown }>;
  /** Fail the request, after streaming `text` if there is one: `code` gives a LanguageModelError of that kind. */
  error?: { code?: 'NoPermissions' | 'Blocked' | 'NotFound'; message: string };
  /** Stream the text, then wait until the request is cancelled. */
  waitForCancel?: boolean;
}

export type ScriptedPart =
  | { type: 'text'; value: string }
  | { type: 'toolCall'; callId: string; name: string; input: unknown }
  | { type: 'toolResult'; callId: string; content: string }
  | { type: 'other' };

export interface ScriptedRequest {
  model: string;
  messages: Array<{ role: 'user' | 'assistant'; parts: ScriptedPart[] }>;
  tools: Array<{ name: string; description: string; inputSchema?: Record<string, unknown> }>;
  toolMode?: number;
  cancelled: boolean;
}

/** Activates the scripted model's extension (its commands exist from then on) and forgets earlier turns. */
export async function resetScriptedModel(): Promise<void> {
  const extension = vscode.extensions.getExtension(SCRIPTED_EXTENSION_ID);
  if (!extension) throw new Error(`${SCRIPTED_EXTENSION_ID} is not loaded: run the tests through scripts/vscode/test-electron.mjs`);
  await extension.activate();
  await vscode.commands.executeCommand('devopsScriptedModel.reset');
}

export async function enqueue(...turns: ScriptedTurn[]): Promise<void> {
  await vscode.commands.executeCommand('devopsScriptedModel.enqueue', ...turns);
}

export function scriptedRequests(): Thenable<ScriptedRequest[]> {
  return vscode.commands.executeCommand<ScriptedRequest[]>('devopsScriptedModel.requests');
}

export function pendingTurns(): Thenable<number> {
  return vscode.commands.executeCommand<number>('devopsScriptedModel.pending');
}

/** The text of every part of one kind in a request, in order. */
export function partsOf<T extends ScriptedPart['type']>(request: ScriptedRequest, type: T): Array<Extract<ScriptedPart, { type: T }>> {
  return request.messages.flatMap((m) => m.parts.filter((p): p is Extract<ScriptedPart, { type: T }> => p.type === type));
}
