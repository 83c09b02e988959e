// recent_logs without a file chooses among the listed files: the directories are walked once per call (a walk costs a
// stat per entry, up to a thousand files), and the choice is the same as before: the newest file with lines, the
// newer empty ones named.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ScanClient } from '../../../servers/logs/scan/client';
import { SourceRegistry } from '../../../servers/logs/sources/registry/registry';
import { createLogsContext } from '../../../servers/logs/tools/context';
import { registerRecentLogs } from '../../../servers/logs/tools/recent-logs';

describe('recent_logs: one walk of the directories per call', () => {
  let dir: string;
  let client: Client;
  let walks = 0;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'recent-listing-'));
    const now = Date.now() / 1000;
    // A rotation just happened: app.log was created empty, the lines are in app.log.1.
    writeFileSync(join(dir, 'app.log.1'), '2026-12-01T10:00:00Z INFO started\n2026-12-01T10:00:01Z ERROR failed\n');
    utimesSync(join(dir, 'app.log.1'), now - 60, now - 60);
    writeFileSync(join(dir, 'app.log'), '');
    utimesSync(join(dir, 'app.log'), now, now);
    const scans = undefined as unknown as ScanClient; // recent_logs reads the file itself and starts no scan
    const ctx = await createLogsContext({ dirs: [dir], ripgrep: undefined, scans, sources: new SourceRegistry([]) });
    const list = ctx.listFiles;
    ctx.listFiles = () => {
      walks++;
      return list();
    };
    const server = new McpServer({ name: 'test', version: '0.0.0' });
    registerRecentLogs(server, ctx);
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    client = new Client({ name: 'test-client', version: '0.0.0' });
    await server.connect(serverSide);
    await client.connect(clientSide);
  });

  after(async () => {
    await client?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the newest file with lines, names the empty newer one, and lists the directories once', async () => {
    walks = 0;
    const result = (await client.callTool({ name: 'recent_logs', arguments: {} })).structuredContent as { file: string; returned: number; notes: string[] };
    assert.equal(result.file, 'app.log.1');
    assert.equal(result.returned, 2);
    assert.ok(result.notes.some((n) => /^app\.log is empty \(0 bytes: just rotated or truncated\); showing app\.log\.1/.test(n)), result.notes.join('\n'));
    assert.equal(walks, 1);
  });

  it('a named empty file is said to be empty, with its rotated copy', async () => {
    const result = (await client.callTool({ name: 'recent_logs', arguments: { file: 'app.log' } })).structuredContent as { file: string; notes: string[] };
    assert.equal(result.file, 'app.log');
    assert.ok(result.notes.some((n) => /^app\.log is empty .*most likely in app\.log\.1/.test(n)), result.notes.join('\n'));
  });
});
