// What the extension-host tests share: the extension's exported objects and waiting for a condition.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DevopsAssistantApi } from '../../src/api';
import type { McpHub } from '../../src/mcp/types';
import { waitUntil } from '../support/wait';

export const EXTENSION_ID = 'devops-assistant.devops-assistant';

/** The extension's objects (exported outside production mode), activating it if needed. */
export async function api(): Promise<DevopsAssistantApi> {
  const extension = vscode.extensions.getExtension<DevopsAssistantApi | undefined>(EXTENSION_ID);
  if (!extension) {
    const loaded = vscode.extensions.all.filter((e) => !e.id.startsWith('vscode.')).map((e) => e.id);
    throw new Error(`${EXTENSION_ID} is not loaded; loaded: ${loaded.join(', ') || 'none but built-ins'}`);
  }
  const value = await extension.activate();
  assert.ok(value?.hub, 'the extension exports its objects outside production mode');
  return value;
}

/** Polls `probe` every 100 ms until it returns a truthy value (resolved with it) or `timeoutMs` passes (test/support/wait). */
export const until = <T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs: number): Promise<T> => waitUntil(what, probe, { timeoutMs, intervalMs: 100 });

/** A probe for `until`: the states once git, logs and system (at least three servers) all run. */
export const allServersRunning = (hub: McpHub) => () => {
  const states = hub.states();
  return states.length >= 3 && states.every((s) => s.status === 'running') ? states : undefined;
};
