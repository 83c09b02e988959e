// recent_logs without a file reads "the most recently written log": a binary log beside it (an .evtx copied from a
// Windows machine, wtmp) may be newer and was left out in silence, and a document left out was not named when no line
// came back (break30). It now says what it left out, as search_logs and error_summary do.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callStructured, startBuiltServer, type StartedServer } from '../../support/mcp-client';

describe('logs: recent_logs names the files it left out', function () {
  this.timeout(60_000);
  let dir: string;
  let server: StartedServer;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shop-recent-unread-'));
    const now = Date.now();
    writeFileSync(join(dir, 'app.log'), `${new Date(now - 60_000).toISOString()} INFO started\n${new Date(now - 30_000).toISOString()} INFO ready\n`);
    writeFileSync(join(dir, 'Application.evtx'), Buffer.concat([Buffer.from('ElfFile\0'), Buffer.alloc(4088)]));
    writeFileSync(join(dir, 'package.json'), '{\n  "name": "shop",\n  "version": "1.0.0"\n}\n');
    // The binary log is the newest file. (The folder's name holds no log word: its .json files would be listed as logs.)
    utimesSync(join(dir, 'app.log'), new Date(now - 60_000), new Date(now - 60_000));
    server = await startBuiltServer('logs', { LOG_DIRS: dir, LOG_JOURNAL: 'off', LOG_DOCKER: 'off' });
  });
  after(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('names a binary log left out, with how to read it, beside the lines it read', async () => {
    const out = await callStructured(server.client, 'recent_logs', {});
    assert.equal((out.lines as unknown[]).length, 2);
    assert.ok(out.notes.some((n) => /^not read: 1 log file\(s\) in a binary format .*Application\.evtx/.test(n)), JSON.stringify(out.notes));
    // Lines came back: the document is not named.
    assert.ok(!out.notes.some((n) => /package\.json/.test(n)), JSON.stringify(out.notes));
  });

  it('names the documents left out too when no line came back', async () => {
    const out = await callStructured(server.client, 'recent_logs', { level: 'ERROR' });
    assert.equal((out.lines as unknown[]).length, 0);
    assert.ok(out.notes.some((n) => /^not read: 1 \.json\/\.txt file\(s\) .*package\.json/.test(n)), JSON.stringify(out.notes));
    assert.ok(out.notes.some((n) => /Application\.evtx/.test(n)), JSON.stringify(out.notes));
  });

  it('says nothing of other files when a file is named', async () => {
    const out = await callStructured(server.client, 'recent_logs', { file: 'app.log', level: 'ERROR' });
    assert.ok(!out.notes.some((n) => /Application\.evtx|package\.json/.test(n)), JSON.stringify(out.notes));
  });
});
