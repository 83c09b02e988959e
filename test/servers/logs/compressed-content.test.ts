// A log compressed under a name that does not say so (a rotation that compressed `app.log.1` in place, an `app.log`
// that is really bzip2, xz, zstd or lz4): gzip was told by its first bytes, the others were read as text, so a search
// found nothing in their bytes ("0 matches", complete), recent_logs showed garbage, and lz4, which keeps words as
// literals, gave error_summary an error line cut with binary bytes. They are told by their magic numbers and read
// through their tool as a file named so is; with the tool missing, the call says what the file is and how to read it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { compressionOfStart } from '../../../servers/logs/io/decompress';
import { callStructured, startBuiltServer, type StartedServer } from '../../support/mcp-client';

const TEXT = '2026-12-02T09:00:00Z INFO rotated day starts\n2026-12-02T09:00:01Z ERROR payment failed: card declined\n2026-12-02T09:00:02Z INFO done\n';
const compressed = (tool: string) => execFileSync(tool, ['-c'], { input: TEXT });
/** Each compression, the tool writing it, and the log name it is saved under (none says it). */
const FILES = [['bzip2', 'bzip2', 'bz.log'], ['xz', 'xz', 'xz.log.1'], ['zstd', 'zstd', 'zst.log'], ['lz4', 'lz4', 'lz.log'], ['gzip', 'gzip', 'gz.log.2']] as const;

describe('logs: compressed content under a log name is read by its magic number', function () {
  this.timeout(120_000);
  let root: string;
  let empty: string;
  let server: StartedServer;
  let toolless: StartedServer;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'compressed-content-'));
    empty = mkdtempSync(join(tmpdir(), 'compressed-content-path-'));
    for (const [, tool, name] of FILES) writeFileSync(join(root, name), compressed(tool));
    server = await startBuiltServer('logs', { LOG_DIRS: root, HOME: root, LOG_JOURNAL: 'off', LOG_DOCKER: 'off' });
    toolless = await startBuiltServer('logs', { LOG_DIRS: root, HOME: root, LOG_JOURNAL: 'off', LOG_DOCKER: 'off', PATH: empty });
  });
  after(async () => {
    await server?.close();
    await toolless?.close();
    for (const dir of [root, empty]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('tells bzip2, xz, zstd and lz4 by their first bytes, and text or gzip as none of them', () => {
    for (const [compression, tool] of FILES) assert.equal(compressionOfStart(compressed(tool)), compression === 'gzip' ? undefined : compression, compression);
    // Text that starts like a magic number: the same letters in UTF-8 are other bytes.
    for (const text of ['BZh is a word', 'BZh0 not a block size', '(\u00b5/\u00fd as text', '2026-12-02 INFO x', '']) assert.equal(compressionOfStart(Buffer.from(text)), undefined, text);
  });

  it('error_summary counts each file\'s error, and search_logs and recent_logs read the text', async () => {
    const summary = await callStructured(server.client, 'error_summary', { wholeFile: true });
    assert.deepEqual((summary.files as { file: string; errors: number }[]).map((f) => [f.file, f.errors]).sort(), FILES.map(([, , name]) => [name, 1]).sort());
    assert.deepEqual((summary.groups as { messages: { message: string }[] }[]).flatMap((g) => g.messages.map((m) => m.message)), ['payment failed: card declined']);
    for (const [, , name] of FILES) {
      const found = await callStructured(server.client, 'search_logs', { pattern: 'payment', file: name });
      assert.deepEqual((found.matches as { text: string }[]).map((m) => m.text), ['2026-12-02T09:00:01Z ERROR payment failed: card declined'], name);
      const recent = await callStructured(server.client, 'recent_logs', { file: name, lines: 3 });
      assert.deepEqual((recent.lines as { text: string }[]).map((l) => l.text), TEXT.trim().split('\n'), name);
    }
  });

  it('with the tool missing, says what the file is and what to install, never "0 matches" nor garbage', async () => {
    const result = (await toolless.client.callTool({ name: 'search_logs', arguments: { pattern: 'payment', file: 'bz.log' } })) as CallToolResult;
    assert.equal(result.isError, true);
    assert.match(JSON.stringify(result.content), /bz\.log is bzip2-compressed \(its first bytes say so.*apt-get install bzip2/);
    const summary = await callStructured(toolless.client, 'error_summary', { wholeFile: true });
    assert.deepEqual((summary.files as { file: string }[]).map((f) => f.file), ['gz.log.2']);
    const notes = (summary.notes as string[]).join('\n');
    for (const [compression, , name] of FILES.slice(0, 4)) assert.match(notes, new RegExp(`${name.replace('.', '\\.')} is ${compression}-compressed`), name);
  });
});
