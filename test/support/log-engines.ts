// The logs server's two search engines as test runs see them: ripgrep (when rg is on PATH) and the pure-Node scan,
// with the server environment that selects each.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startBuiltServer, type StartedServer } from './mcp-client';

/** Whether an `rg` binary runs from PATH (the server's default engine when it does). */
export function hasRipgrep(): boolean {
  try {
    execFileSync('rg', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface SearchEngine {
  /** As the tools report it in `files[].engine`. */
  name: 'ripgrep' | 'node';
  /** Extra server environment that selects the engine. */
  env: Record<string, string>;
  available: () => boolean;
}

export const SEARCH_ENGINES: readonly SearchEngine[] = [
  { name: 'ripgrep', env: {}, available: hasRipgrep },
  { name: 'node', env: { RIPGREP_PATH: 'none' }, available: () => true },
];

/**
 * One mocha `describe` per search engine (skipped when the engine cannot run here), each with a built logs server on
 * `dir()` (read when the server starts) and that engine's environment; `body` gets the engine and the running server.
 */
export function describeWithEachEngine(title: string, dir: () => string, body: (engine: SearchEngine, server: () => StartedServer) => void): void {
  for (const engine of SEARCH_ENGINES) {
    describe(`${title} with the ${engine.name} engine`.trim(), function () {
      let server: StartedServer | undefined;
      before(async function () {
        if (!engine.available()) this.skip();
        server = await startBuiltServer('logs', { LOG_DIRS: dir(), ...engine.env });
      });
      after(async () => server?.close());
      body(engine, () => {
        if (!server) throw new Error(`the ${engine.name} engine's server did not start`);
        return server;
      });
    });
  }
}

/** error_summary of the whole of `file` (wholeFile: no time window) from `server`: its structured result, asserted not to be an error. */
export async function wholeFileSummary(server: StartedServer, file: string): Promise<Record<string, any>> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const result = (await server.client.callTool({ name: 'error_summary', arguments: { file, wholeFile: true } })) as CallToolResult;
  assert.ok(!result.isError, JSON.stringify(result.content));
  return result.structuredContent as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}
