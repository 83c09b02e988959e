// Starts a built server (dist/servers/<name>.js) as a child process and connects the SDK's Client over stdio.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export interface StartedServer {
  client: Client;
  transport: StdioClientTransport;
  stderr: () => string;
  close: () => Promise<void>;
}

/**
 * `wrapper`: a command and its arguments that run node in their stead (e.g. `setpriv --reuid=…` to run the server as
 * another user); empty: node itself.
 */
export async function startBuiltServer(name: 'git' | 'logs' | 'system', env: Record<string, string> = {}, args: string[] = [], wrapper: string[] = []): Promise<StartedServer> {
  const script = resolve(__dirname, '../../dist/servers', `${name}.js`);
  if (!existsSync(script)) throw new Error(`${script} is missing: run "npm run build" first`);
  const [command, ...before] = [...wrapper, process.execPath];
  const transport = new StdioClientTransport({
    command,
    args: [...before, script, ...args],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stderr: 'pipe',
  });
  let stderrText = '';
  transport.stderr?.on('data', (chunk: Buffer) => {
    stderrText += chunk.toString();
  });
  const client = new Client({ name: 'devops-assistant-tests', version: '0.0.0' });
  await client.connect(transport);
  return {
    client,
    transport,
    stderr: () => stderrText,
    close: async () => {
      await client.close();
    },
  };
}

/**
 * Calls the tool `name` and returns its structured content (every tool of ours answers with one, `notes` included);
 * fails the test when the result is an error, quoting the tool's name and its text.
 */
export async function callStructured(client: Client, name: string, args: Record<string, unknown>): Promise<Record<string, unknown> & { notes: string[] }> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  assert.ok(!result.isError, `${name}: ${JSON.stringify(result.content)}`);
  return result.structuredContent as Record<string, unknown> & { notes: string[] };
}
