// "searching app.log: reading its N bytes" tells a client where a read ends (what is written later is not silently
// taken as the file's). It never reached a real client (break30): MCP requires progress to increase, and the report
// came at the bytes done so far, which a journal listing's tick or the file before had already sent. Through the SDK's
// Client, as a product's client sees it; and a journal source that is not there ('auto' on a machine without one) is
// named in no progress message.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { hasJournalTools, writeJournal } from '../../support/journal-fixture';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

interface Progress {
  progress: number;
  total?: number;
  message?: string;
}

describe('logs: the "reading its N bytes" progress reaches an MCP client', function () {
  this.timeout(120_000);
  let dir: string;
  let journalDir: string;
  const sizes: Record<string, number> = {};
  const servers: StartedServer[] = [];

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'logs-progress-'));
    journalDir = mkdtempSync(join(tmpdir(), 'logs-progress-journal-'));
    const now = Date.now();
    for (const [name, count] of [['api.log', 400], ['worker.log', 300]] as const) {
      const text = Array.from({ length: count }, (_, i) => `${new Date(now - (count - i) * 1000).toISOString()} ${i % 50 === 0 ? 'ERROR' : 'INFO'} request ${i} handled`).join('\n') + '\n';
      writeFileSync(join(dir, name), text);
      sizes[name] = Buffer.byteLength(text);
    }
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
    rmSync(journalDir, { recursive: true, force: true });
  });

  const callWithProgress = async (env: Record<string, string>, tool: string, args: Record<string, unknown>): Promise<Progress[]> => {
    const server = await startBuiltServer('logs', { LOG_DIRS: dir, LOG_DOCKER: 'off', ...env });
    servers.push(server);
    const sent: Progress[] = [];
    const result = (await server.client.callTool({ name: tool, arguments: args }, undefined, { onprogress: (p) => void sent.push(p) })) as CallToolResult;
    assert.ok(!result.isError, JSON.stringify(result.content));
    assert.ok(
      sent.every((p, i) => i === 0 || p.progress > sent[i - 1].progress),
      `progress increases: ${JSON.stringify(sent)}`,
    );
    return sent;
  };
  const reading = (sent: Progress[], verb: string, name: string) => sent.find((p) => p.message === `${verb} ${name}: reading its ${sizes[name].toLocaleString('en-US')} bytes`);

  for (const [tool, verb] of [['search_logs', 'searching'], ['error_summary', 'summarising']] as const) {
    it(`${tool}: each file's read end is told, after the file before it, with no journal source`, async () => {
      const sent = await callWithProgress({ LOG_JOURNAL: 'off' }, tool, tool === 'search_logs' ? { pattern: 'request' } : {});
      assert.ok(reading(sent, verb, 'api.log'), JSON.stringify(sent));
      assert.ok(reading(sent, verb, 'worker.log'), JSON.stringify(sent));
      assert.ok(!sent.some((p) => /journal/.test(p.message ?? '')), JSON.stringify(sent));
    });
  }

  it('after a journal listing\'s ticks, the read end of a file named is told', async function () {
    if (!hasJournalTools()) this.skip();
    const file = writeJournal(journalDir, 'progress', [{ time: Date.now() - 60_000, host: 'srv', unit: 'api.service', identifier: 'api', priority: 3, message: 'request failed' }]);
    const sent = await callWithProgress({ LOG_JOURNAL: 'off', LOG_JOURNAL_FILES: file }, 'search_logs', { pattern: 'request' });
    assert.ok(sent.some((p) => /^listing journal sources: /.test(p.message ?? '')), JSON.stringify(sent));
    assert.ok(reading(sent, 'searching', 'api.log'), JSON.stringify(sent));
    assert.ok(reading(sent, 'searching', 'worker.log'), JSON.stringify(sent));
  });

  it("a local journal looked for ('auto') and not found is named in no progress message", async () => {
    const sent = await callWithProgress({ LOG_JOURNAL: 'auto', JOURNALCTL_PATH: join(dir, 'no-such-journalctl') }, 'search_logs', { pattern: 'request' });
    assert.ok(!sent.some((p) => /journal/.test(p.message ?? '')), JSON.stringify(sent));
    assert.ok(reading(sent, 'searching', 'api.log'), JSON.stringify(sent));
  });
});
