// recent_logs right after a rotation: logrotate's create or copytruncate leaves the live file empty and newest while the
// lines written until then are in its rotated copy. An empty answer without a word would read as "nothing logged
// recently" (break20).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

interface Recent {
  file: string;
  lines: { text: string }[];
  notes: string[];
}

async function recent(server: StartedServer, args: Record<string, unknown>): Promise<Recent> {
  const result = (await server.client.callTool({ name: 'recent_logs', arguments: args })) as CallToolResult;
  assert.ok(!result.isError, JSON.stringify(result.content));
  return result.structuredContent as unknown as Recent;
}

describe('logs: recent_logs after a rotation emptied the live file', function () {
  this.timeout(60_000);
  let dir: string;
  let server: StartedServer;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rotated-empty-'));
    const at = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    // Oldest first: an unrelated log, the rotated copy (written until the rotation), the empty live file just created.
    writeFileSync(join(dir, 'worker.log'), '2026-12-01T23:00:00Z INFO worker idle\n');
    utimesSync(join(dir, 'worker.log'), at(30), at(30));
    writeFileSync(join(dir, 'app.log.1'), '2026-12-01T23:59:58Z INFO served /a\n2026-12-01T23:59:59Z ERROR db down\n');
    utimesSync(join(dir, 'app.log.1'), at(2), at(2));
    writeFileSync(join(dir, 'app.log'), '');
    utimesSync(join(dir, 'app.log'), at(1), at(1));
    // logrotate's compress of a log that was empty (notifempty unset): a 20-byte gzip member of no text.
    writeFileSync(join(dir, 'worker.log.2.gz'), gzipSync(''));
    utimesSync(join(dir, 'worker.log.2.gz'), at(60), at(60));
    server = await startBuiltServer('logs', { LOG_JOURNAL: 'off', LOG_DOCKER: 'off' }, ['--log-dir', dir]);
  });

  after(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('without file: reads the most recently written file with lines, naming the empty newer one', async () => {
    const out = await recent(server, {});
    assert.equal(out.file, 'app.log.1');
    assert.deepEqual(out.lines.map((l) => l.text.slice(21)), ['INFO served /a', 'ERROR db down']);
    assert.ok(out.notes.some((n) => n.startsWith('app.log is empty') && n.includes('showing app.log.1')), out.notes.join('\n'));
  });

  it('naming the empty file: says it is empty and which rotated copy holds the lines before', async () => {
    const out = await recent(server, { file: 'app.log' });
    assert.deepEqual(out.lines, []);
    assert.ok(out.notes.some((n) => n.startsWith('app.log is empty (0 bytes') && n.includes('most likely in app.log.1')), out.notes.join('\n'));
    // A file with lines gets no such note.
    assert.deepEqual((await recent(server, { file: 'worker.log' })).notes, []);
  });

  // break29: a gzip file that decompresses to nothing answered no lines without a word (its size is not 0).
  it('naming a compressed rotation that holds no text: says it is empty once decompressed', async () => {
    const out = await recent(server, { file: 'worker.log.2.gz' });
    assert.deepEqual(out.lines, []);
    assert.ok(out.notes.some((n) => n.startsWith('worker.log.2.gz is empty once decompressed')), out.notes.join('\n'));
  });
});
