// Rotated logs that logrotate's `compresscmd` compressed with bzip2, xz, zstd or lz4 were left out of the listing in
// silence (break28), then named but not read: "errors last week?" was answered from the gzip and plain files only.
// charset22: they are read through the system's tool for each (bzip2 -dc, xz -dc, zstd -dc, lz4 -dc); where the tool is
// missing they are still counted and named, with the package to install; a damaged one is read up to its damage, and a
// decompression bomb is cut with a note.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { isOtherCompressedLog, listLogFiles, prepareDirs } from '../../../servers/logs/files/log-files';
import { decompressFile, findTool } from '../../../servers/logs/io/decompress';
import { MAX_RATIO } from '../../../servers/logs/io/expansion';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

const TEXT = '2026-12-02T09:00:00Z INFO rotated day starts\n2026-12-02T09:00:01Z ERROR payment failed: card declined\n2026-12-02T09:00:02Z INFO done\n';
/** `text` compressed by the system's `tool` (as logrotate's compresscmd does). */
const compressed = (tool: string, text: string | Buffer) => execFileSync(tool, ['-c'], { input: text, maxBuffer: 64 * 1024 * 1024 });

describe('logs: rotated logs compressed with bzip2, xz, zstd or lz4 are read through the system tools (charset22)', function () {
  this.timeout(120_000);
  let root: string;
  let emptyPath: string;
  let server: StartedServer;
  let toolless: StartedServer;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'other-compression-'));
    emptyPath = join(root, '..', `${root.split('/').pop()}-nopath`);
    mkdirSync(emptyPath, { recursive: true });
    writeFileSync(join(root, 'app.log'), '2026-12-02T10:00:00Z ERROR payment failed\n');
    writeFileSync(join(root, 'app.log.2.bz2'), compressed('bzip2', TEXT));
    writeFileSync(join(root, 'syslog.3.xz'), compressed('xz', TEXT));
    writeFileSync(join(root, 'messages-20261201.zst'), compressed('zstd', TEXT));
    writeFileSync(join(root, 'worker.log.1.lz4'), compressed('lz4', TEXT));
    // Cut in the middle: what was decompressed before the cut is read, and the damage is said.
    const long = Array.from({ length: 20_000 }, (_, i) => `2026-12-02T09:${String(Math.floor(i / 600) % 60).padStart(2, '0')}:00Z INFO line ${i} ${(i * 7919) % 100_003}\n`).join('');
    const xz = compressed('xz', long);
    writeFileSync(join(root, 'cut.log.1.xz'), xz.subarray(0, Math.floor(xz.length / 2)));
    writeFileSync(join(root, 'backup.tar.xz'), compressed('xz', 'not a log'));
    server = await startBuiltServer('logs', { LOG_DIRS: root, HOME: root });
    toolless = await startBuiltServer('logs', { LOG_DIRS: root, HOME: root, PATH: emptyPath });
  });

  after(async () => {
    await server?.close();
    await toolless?.close();
    if (root) rmSync(root, { recursive: true, force: true });
    if (emptyPath) rmSync(emptyPath, { recursive: true, force: true });
  });

  const search = async (on: StartedServer, args: Record<string, unknown>) => {
    const result = (await on.client.callTool({ name: 'search_logs', arguments: args })) as CallToolResult;
    assert.ok(!result.isError, JSON.stringify(result.content));
    return result.structuredContent as { matches: { file: string; line: number; text: string }[]; notes: string[] };
  };

  it('tells a rotated log in another compression from any other compressed file', () => {
    for (const name of ['app.log.2.bz2', 'syslog.3.xz', 'messages-20261201.zst', 'app.log.lz4']) assert.ok(isOtherCompressedLog(name), name);
    for (const name of ['backup.tar.xz', 'app.log.2.gz', 'app.log', 'data.bz2', 'dump.1.xz']) assert.ok(!isOtherCompressedLog(name), name);
  });

  it('search_logs reads each of them, at the decompressed text\'s line numbers', async () => {
    const out = await search(server, { pattern: 'card declined' });
    assert.deepEqual(out.matches.map((m) => [m.file, m.line]).sort(), [['app.log.2.bz2', 2], ['messages-20261201.zst', 2], ['syslog.3.xz', 2], ['worker.log.1.lz4', 2]]);
    assert.ok(!out.notes.some((n) => n.includes('not read')), JSON.stringify(out.notes));
    const recent = (await server.client.callTool({ name: 'recent_logs', arguments: { file: 'syslog.3.xz', lines: 1 } })) as CallToolResult;
    assert.match(JSON.stringify(recent.structuredContent), /INFO done/);
  });

  it('a damaged file is read up to its damage, with a note naming it', async () => {
    const out = await search(server, { pattern: 'line 5 ', file: 'cut.log.1.xz' });
    assert.deepEqual(out.matches.map((m) => m.line), [6]);
    assert.ok(out.notes.some((n) => /^cut\.log\.1\.xz: damaged xz: .*only the text before it was read/.test(n)), JSON.stringify(out.notes));
  });

  it('without the tools they are counted and named, with the package to install', async () => {
    const listing = await listLogFiles(await prepareDirs([root]), { path: emptyPath });
    assert.deepEqual(listing.files.map((f) => f.name), ['app.log']);
    assert.equal(listing.otherCompressed?.count, 5);
    // leftovers23: every tool over all files names the files and each missing tool with what installs it.
    const unread =
      /^not read: 5 rotated log file\(s\) are not read, as the tool that decompresses them is not installed on this machine: app\.log\.2\.bz2, cut\.log\.1\.xz, messages-20261201\.zst, syslog\.3\.xz, worker\.log\.1\.lz4 \(in .*\); install bzip2 \(Debian\/Ubuntu: apt-get install bzip2\), xz \(Debian\/Ubuntu: apt-get install xz-utils\), zstd \(Debian\/Ubuntu: apt-get install zstd\), lz4 \(Debian\/Ubuntu: apt-get install lz4\), or decompress them \(bunzip2 -k, unxz -k, unzstd, lz4 -d\)/;
    const out = await search(toolless, { pattern: 'failed' });
    assert.ok(out.notes.some((n) => unread.test(n)), JSON.stringify(out.notes));
    // (recent_logs reads the newest file only, which a rotation never is, and log_patterns one named log: they skip none.)
    for (const [name, args] of [['error_summary', { wholeFile: true }]] as const) {
      const result = (await toolless.client.callTool({ name, arguments: args })) as CallToolResult;
      assert.ok(!result.isError, `${name}: ${JSON.stringify(result.content)}`);
      const notes = (result.structuredContent as { notes?: string[] }).notes ?? [];
      assert.ok(notes.some((n) => unread.test(n)), `${name}: ${JSON.stringify(notes)}`);
    }
    const files = await toolless.client.readResource({ uri: 'logs://files' });
    const listed = JSON.parse((files.contents[0] as { text: string }).text) as { otherCompressed: { files: string[]; missing: { tool: string }[] } };
    assert.deepEqual(listed.otherCompressed.files, ['app.log.2.bz2', 'cut.log.1.xz', 'messages-20261201.zst', 'syslog.3.xz', 'worker.log.1.lz4']);
    assert.deepEqual(listed.otherCompressed.missing.map((m) => m.tool), ['bzip2', 'xz', 'zstd', 'lz4']);
    const named = (await toolless.client.callTool({ name: 'search_logs', arguments: { pattern: 'failed', file: 'syslog.3.xz' } })) as CallToolResult;
    assert.ok(named.isError);
    assert.match(JSON.stringify(named.content), /the xz tool is not installed on this machine \(Debian\/Ubuntu: apt-get install xz-utils\)/);
  });

  it('finds each tool on PATH, as <name>.exe on Windows', () => {
    const bin = join(emptyPath, 'bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'xz.exe'), '');
    assert.equal(findTool('xz', bin, 'win32'), join(bin, 'xz.exe'));
    assert.equal(findTool('xz', bin, 'linux'), undefined);
    assert.equal(findTool('bzip2', bin, 'win32'), undefined);
  });

  it('a decompression bomb is cut at MAX_RATIO times its size, with a note', async () => {
    const bomb = join(root, 'bomb.xz');
    writeFileSync(bomb, compressed('xz', Buffer.alloc(24 * 1024 * 1024, '2026-12-02T09:00:00Z INFO same line again\n')));
    const size = statSync(bomb).size;
    const fd = openSync(bomb, 'r');
    try {
      const stream = decompressFile(fd, size, 'xz', { minOutputLimit: 1024 * 1024 });
      let bytes = 0;
      for await (const piece of stream.output) bytes += piece.length;
      assert.equal(bytes, Math.max(1024 * 1024, MAX_RATIO * size));
      assert.match(stream.note() ?? '', /^xz: decompression stopped after \d+(\.\d+)? MiB \(\d+ bytes\), more than 1000 times the file's \d+ bytes \(a decompression bomb/);
    } finally {
      closeSync(fd);
    }
  });
});
