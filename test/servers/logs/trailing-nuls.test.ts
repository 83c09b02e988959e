// A log that ends in NUL bytes (break37): log4j2's memory-mapped appender grows its file 32 MiB at a time and writes
// into it, so until it is closed the file ends in zeros; so does a file whose last blocks never reached the disk
// before a power loss. Reading backwards, the 32 MiB of NULs used up the 256 KiB newestEntry reads: error_summary said
// "no timestamps found at the end of this file" of a log whose newest entry was a minute old (and so could not say
// where a window missed its entries), and recent_logs ended in an empty line that is not in the file.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { lastLines, TRAILING_NUL_BYTES } from '../../../servers/logs/io/tail';
import { openLogFile, prepareDirs } from '../../../servers/logs/files/log-files';
import { tailOf } from '../../../servers/logs/tools/context';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('logs: a file that ends in NUL bytes (preallocated, never written)', function () {
  this.timeout(60_000);
  let dir: string;
  let newest: number;
  let server: StartedServer | undefined;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'logs-trailing-nuls-'));
    const now = Date.now();
    newest = Math.floor((now - 60_000) / 1000) * 1000;
    const lines = [];
    for (let i = 0; i < 50; i++) {
      const at = newest - (49 - i) * 30_000;
      lines.push(`${new Date(at).toISOString().replace('T', ' ').replace('Z', '')} ${i % 10 === 9 ? 'ERROR' : 'INFO '} [main] c.e.App - step ${i}`);
    }
    const text = Buffer.from(lines.join('\n') + '\n');
    writeFileSync(join(dir, 'mapped.log'), Buffer.concat([text, Buffer.alloc(32 * 1024 * 1024)]));
    // rev26a's tail.log: a region longer than 64 MiB (log4j2's regionLength set larger), passed over as well.
    writeFileSync(join(dir, 'region.log'), text);
    truncateSync(join(dir, 'region.log'), text.length + 70 * 1024 * 1024);
    // Longer than the run passed over (a sparse file: no disk used): no line of nothing, and the tools say so.
    writeFileSync(join(dir, 'hole.log'), text);
    truncateSync(join(dir, 'hole.log'), text.length + TRAILING_NUL_BYTES + 4 * 1024 * 1024);
  });

  after(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the last lines are the last ones written, not a line of NULs', async () => {
    const dirs = await prepareDirs([dir]);
    const opened = await openLogFile(dirs, 'mapped.log', async () => []);
    try {
      const last = await lastLines(tailOf(opened), 2);
      assert.deepEqual(last.map((l) => l.replace(/^.* - /, '')), ['step 48', 'step 49']);
    } finally {
      await opened.handle.close();
    }
    const region = await openLogFile(dirs, 'region.log', async () => []);
    try {
      assert.deepEqual((await lastLines(tailOf(region), 1)).map((l) => l.replace(/^.* - /, '')), ['step 49']);
    } finally {
      await region.handle.close();
    }
    const hole = await openLogFile(dirs, 'hole.log', async () => []);
    try {
      assert.deepEqual((await lastLines(tailOf(hole), 1)).map((l) => l.replace(/^.* - /, '')), ['step 49']);
    } finally {
      await hole.handle.close();
    }
  });

  it('error_summary names its newest entry, and recent_logs ends with it', async () => {
    server = await startBuiltServer('logs', { LOG_DIRS: dir, TZ: 'UTC' });
    const summary = (await server.client.callTool({ name: 'error_summary', arguments: { file: 'mapped.log', hours: 1 } })) as CallToolResult;
    const data = summary.structuredContent as Data;
    assert.equal(data.totalErrors, 5, JSON.stringify(data));
    assert.equal(Date.parse(data.files[0].newestEntry), newest, JSON.stringify(data.files));
    assert.equal(data.files[0].note, undefined);
    const recent = (await server.client.callTool({ name: 'recent_logs', arguments: { file: 'mapped.log', lines: 2 } })) as CallToolResult;
    const lines = (recent.structuredContent as Data).lines.map((l: Data) => l.text);
    assert.match(lines[1], /step 49$/);
    assert.match(lines[0], /step 48$/);
  });

  it('a NUL region over 64 MiB is passed over too (rev26a: the newest entry was lost without a word)', async () => {
    server ??= await startBuiltServer('logs', { LOG_DIRS: dir, TZ: 'UTC' });
    const summary = (await server.client.callTool({ name: 'error_summary', arguments: { file: 'region.log', hours: 1 } })) as CallToolResult;
    const data = summary.structuredContent as Data;
    assert.equal(data.totalErrors, 5, JSON.stringify(data));
    assert.equal(Date.parse(data.files[0].newestEntry), newest, JSON.stringify(data.files));
    assert.equal(data.files[0].note, undefined);
    const recent = (await server.client.callTool({ name: 'recent_logs', arguments: { file: 'region.log', lines: 1 } })) as CallToolResult;
    assert.match((recent.structuredContent as Data).lines[0].text, /step 49$/);
  });

  it('a NUL run longer than the bound is said, not read as a line of nothing or as a file without times', async () => {
    server ??= await startBuiltServer('logs', { LOG_DIRS: dir, TZ: 'UTC' });
    const summary = (await server.client.callTool({ name: 'error_summary', arguments: { file: 'hole.log', hours: 1 } })) as CallToolResult;
    const data = summary.structuredContent as Data;
    assert.match(data.files[0].note ?? '', /ends in 256 MiB or more of NUL bytes/, JSON.stringify(data.files));
    const recent = (await server.client.callTool({ name: 'recent_logs', arguments: { file: 'hole.log', lines: 1 } })) as CallToolResult;
    const body = recent.structuredContent as Data;
    assert.match(body.lines[0].text, /step 49$/, JSON.stringify(body));
    assert.ok(body.notes.some((n: string) => /ends in 256 MiB or more of NUL bytes/.test(n)), JSON.stringify(body.notes));
  });
});
