// error_summary on an empty log file (just created, or emptied by logrotate's copytruncate) in a window: it said "no
// timestamps found at the end of this file: lines without a time are not counted", telling of uncounted lines the file
// has not (found by break40). Neighbour: a file with lines but no time keeps that note.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callStructured, startBuiltServer, type StartedServer } from '../../support/mcp-client';

describe('logs: error_summary on an empty file', function () {
  this.timeout(60_000);
  let root: string;
  let server: StartedServer;
  before(async function () {
    root = mkdtempSync(join(tmpdir(), 'empty-summary-'));
    writeFileSync(join(root, 'app.log'), '');
    writeFileSync(join(root, 'untimed.log'), 'ERROR one\nINFO two\n');
    server = await startBuiltServer('logs', { LOG_DIRS: root, LOG_JOURNAL: 'off', LOG_DOCKER: 'off' });
  });
  after(async function () {
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('says the file is empty, not that lines without a time went uncounted', async function () {
    const out = await callStructured(server.client, 'error_summary', {});
    const files = out.files as { file: string; errors: number; note?: string }[];
    assert.deepEqual(files.find((f) => f.file === 'app.log'), { file: 'app.log', errors: 0, note: 'empty: no lines' });
    assert.match(files.find((f) => f.file === 'untimed.log')?.note ?? '', /no timestamps found at the end of this file: lines without a time are not counted/);
  });

  it('says so of the whole file too (Summarize Errors on a log just emptied by copytruncate)', async function () {
    const out = await callStructured(server.client, 'error_summary', { file: 'app.log', wholeFile: true });
    assert.deepEqual(out.files, [{ file: 'app.log', errors: 0, note: 'empty: no lines' }]);
  });
});
