// Rotated logs that logrotate's `compresscmd` compressed with bzip2, xz, zstd or lz4 cannot be read (Node's zlib has
// gzip only). They were left out of the listing in silence (break28): "errors last week?" was answered from the files
// the server could read as if they were all. The listing counts them and every call over all files names them.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { isOtherCompressedLog, listLogFiles, prepareDirs } from '../../../servers/logs/files/log-files';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

describe('logs: rotated logs in compressions the server cannot read are named, not passed over', function () {
  this.timeout(60_000);
  let root: string;
  let server: StartedServer;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'other-compression-'));
    writeFileSync(join(root, 'app.log'), '2026-12-02T10:00:00Z ERROR payment failed\n');
    // Not decompressed here: the names are what the walk sees (the bytes would be bzip2's and xz's).
    writeFileSync(join(root, 'app.log.2.bz2'), 'BZh9');
    writeFileSync(join(root, 'syslog.3.xz'), '\xfd7zXZ');
    writeFileSync(join(root, 'backup.tar.xz'), 'x');
    server = await startBuiltServer('logs', { LOG_DIRS: root, HOME: root });
  });

  after(async () => {
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('tells a rotated log in another compression from any other compressed file', () => {
    for (const name of ['app.log.2.bz2', 'syslog.3.xz', 'messages-20261201.zst', 'app.log.lz4']) assert.ok(isOtherCompressedLog(name), name);
    for (const name of ['backup.tar.xz', 'app.log.2.gz', 'app.log', 'data.bz2', 'dump.1.xz']) assert.ok(!isOtherCompressedLog(name), name);
  });

  it('the listing counts them, and a search over every file says they were not read', async () => {
    const listing = await listLogFiles(await prepareDirs([root]));
    assert.deepEqual(listing.files.map((f) => f.name), ['app.log']);
    assert.deepEqual(listing.otherCompressed, { count: 2, folders: [listing.otherCompressed?.folders[0]] });
    const result = (await server.client.callTool({ name: 'search_logs', arguments: { pattern: 'failed' } })) as CallToolResult;
    const notes = (result.structuredContent as { notes: string[] }).notes;
    assert.ok(
      notes.some((n) => /^not read: 2 rotated log file\(s\) compressed with bzip2, xz, zstd or lz4 are not read \(in .*\): only gzip is/.test(n)),
      JSON.stringify(notes),
    );
  });
});
