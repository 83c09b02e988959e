// Log files by their writers' own names (follow37). The JVM rotates its GC log itself (JDK 8
// `-XX:+UseGCLogFileRotation`): gc.log.0, gc.log.1, … and the one being written carries `.current`, so the newest GC
// lines sat in a file the listing passed over. Serilog's compact JSON (`Serilog.Formatting.Compact`) is written to
// `*.clef`. Both read fine when named, but "errors?" over every file left them out without a word.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { isLogFileName, listLogFiles, prepareDirs } from '../../../servers/logs/files/log-files';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('logs: rotation marks and log formats\' own extensions are listed', function () {
  this.timeout(120_000);
  let root: string;
  let server: StartedServer | undefined;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'rotation-names-'));
    writeFileSync(join(root, 'gc.log.0'), '2026-12-03T13:00:00.123+0000: 1.234: [GC (Allocation Failure) 1024K->512K(2048K), 0.0012345 secs]\n');
    writeFileSync(join(root, 'gc.log.1.current'), '2026-12-03T14:00:00.123+0000: 3600.1: [Full GC (Ergonomics) 2048K->1900K(2048K), 1.2 secs]\n');
    writeFileSync(join(root, 'log-20261203.clef'), `${JSON.stringify({ '@t': '2026-12-03T14:00:01.000Z', '@l': 'Error', '@mt': 'Payment {Id} failed', Id: 42 })}\n`);
    writeFileSync(join(root, 'notes.current'), 'not a log\n');
  });
  after(async () => {
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('takes the JVM\'s `.current` mark after a rotation number, and `.clef`, as log names; not `.current` alone', () => {
    for (const name of ['gc.log.0.current', 'gc.log.12.current', 'gc.log.3.current.gz', 'app.clef', 'log-20261203.clef', 'app.clef.1']) assert.ok(isLogFileName(name), name);
    for (const name of ['notes.current', 'gc.current', 'app.log.current', 'clef', 'app.clef.bak']) assert.ok(!isLogFileName(name), name);
  });

  it('lists them, and a call over every file reads them', async () => {
    const listing = await listLogFiles(await prepareDirs([root]));
    assert.deepEqual(listing.files.map((f) => f.name).sort(), ['gc.log.0', 'gc.log.1.current', 'log-20261203.clef']);
    server = await startBuiltServer('logs', { LOG_DIRS: root, TZ: 'UTC' });
    const result = (await server.client.callTool({ name: 'error_summary', arguments: { wholeFile: true } })) as CallToolResult;
    const data = result.structuredContent as Data;
    assert.equal(data.totalErrors, 1, JSON.stringify(data));
    const found = (await server.client.callTool({ name: 'search_logs', arguments: { pattern: 'Full GC' } })) as CallToolResult;
    assert.equal((found.structuredContent as Data).totalMatches, 1, JSON.stringify(found.structuredContent));
  });
});
