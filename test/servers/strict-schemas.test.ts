// leftovers27: a client that checks tool schemas with Ajv in strict mode (the default of Ajv 8, used by MCP clients to
// validate arguments and structured results) refused query_metrics: its value was `type: ["number", "string"]`, a
// union of types that strict mode rejects unless `allowUnionTypes` is set. Every tool's input and output schema of the
// three built servers, as tools/list gives them, must compile under strict mode.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { startBuiltServer, type StartedServer } from '../support/mcp-client';
import { createRepoKit, type RepoKit } from '../support/git-fixture';

describe('tool schemas compile under Ajv strict mode', function () {
  this.timeout(120_000);
  let kit: RepoKit;
  let logs: string;
  before(() => {
    kit = createRepoKit('strict-schemas-');
    logs = mkdtempSync(join(tmpdir(), 'strict-schemas-logs-'));
  });
  after(() => {
    kit?.cleanup();
    if (logs) rmSync(logs, { recursive: true, force: true });
  });

  const servers: Array<['system' | 'git' | 'logs', () => Record<string, string>]> = [
    ['system', () => ({ PROMETHEUS_URL: 'http://127.0.0.1:9' })],
    ['git', () => ({ REPO_PATH: kit.repo('repo', [{ subject: 'first', date: '2026-11-01T10:00:00Z' }]) })],
    ['logs', () => ({ LOG_DIRS: logs, LOG_JOURNAL: 'off', LOG_DOCKER: 'off' })],
  ];
  for (const [name, env] of servers) {
    it(`${name}: every tool's input and output schema`, async () => {
      let server: StartedServer | undefined;
      try {
        server = await startBuiltServer(name, env());
        const { tools } = await server.client.listTools();
        assert.ok(tools.length > 0);
        const refused: string[] = [];
        for (const tool of tools) {
          for (const [side, schema] of [['input', tool.inputSchema], ['output', tool.outputSchema]] as const) {
            if (schema === undefined) continue;
            try {
              new Ajv({ strict: true }).compile(schema);
            } catch (error) {
              refused.push(`${tool.name} ${side}: ${(error as Error).message}`);
            }
          }
        }
        assert.deepEqual(refused, []);
      } finally {
        await server?.close();
      }
    });
  }
});
