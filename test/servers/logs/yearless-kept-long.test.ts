// A syslog file (dates without a year) kept, copied or touched long after its lines were written: each date is given
// the latest year that does not put it after the file's last write, so a file written in 2025 and copied in 2027 read
// as 2026 with nothing said (fmt29). The year stays a reading, and the tools now say it is in doubt when the newest
// entry lies long before the last write. Neighbours: the same file written up to its last write, and a file whose
// dates carry their year, say nothing.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callStructured, startBuiltServer, type StartedServer } from '../../support/mcp-client';

const SYSLOG = ['Nov 28 10:00:01 web1 sshd[1]: Accepted publickey for deploy', 'Nov 28 10:00:02 web1 nginx[2]: error: upstream timed out', 'Dec  1 10:00:03 web1 nginx[2]: error: upstream timed out'];
const DOUBT = /its dates carry no year.*their year is not known/;

describe('logs: dates without a year in a file kept long after its lines were written', function () {
  this.timeout(60_000);
  let root: string;
  let server: StartedServer;
  const touch = (name: string, iso: string) => utimesSync(join(root, name), new Date(iso), new Date(iso));

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'yearless-'));
    writeFileSync(join(root, 'kept.log'), SYSLOG.join('\n') + '\n');
    writeFileSync(join(root, 'fresh.log'), SYSLOG.join('\n') + '\n');
    writeFileSync(join(root, 'dated.log'), ['2025-11-28 10:00:02 ERROR upstream timed out', '2025-12-01 10:00:03 ERROR upstream timed out'].join('\n') + '\n');
    touch('kept.log', '2028-02-01T00:00:00Z');
    touch('fresh.log', '2027-12-01T10:05:00Z');
    touch('dated.log', '2028-02-01T00:00:00Z');
    server = await startBuiltServer('logs', { LOG_DIRS: root, LOG_JOURNAL: 'off', LOG_DOCKER: 'off', TZ: 'UTC' });
  });
  after(async () => {
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('error_summary and search_logs say the year is in doubt', async () => {
    const summary = await callStructured(server.client, 'error_summary', { file: 'kept.log', wholeFile: true });
    assert.equal(summary.totalErrors, 2);
    assert.ok(summary.notes.some((n) => DOUBT.test(n)), JSON.stringify(summary.notes));
    const windowed = await callStructured(server.client, 'search_logs', { file: 'kept.log', pattern: 'upstream', since: '2020-01-01T00:00:00Z' });
    assert.ok(windowed.notes.some((n) => DOUBT.test(n)), JSON.stringify(windowed.notes));
    const plain = await callStructured(server.client, 'search_logs', { file: 'kept.log', pattern: 'upstream' });
    assert.ok(plain.notes.some((n) => DOUBT.test(n)), JSON.stringify(plain.notes));
    const patterns = await callStructured(server.client, 'log_patterns', { file: 'kept.log', since: '2020-01-01T00:00:00Z' });
    assert.ok(patterns.notes.some((n) => DOUBT.test(n)), JSON.stringify(patterns.notes));
  });

  it('says nothing of a file written up to its last write, nor of one whose dates carry their year', async () => {
    for (const file of ['fresh.log', 'dated.log']) {
      const summary = await callStructured(server.client, 'error_summary', { file, wholeFile: true });
      assert.equal(summary.totalErrors, 2, file);
      assert.ok(!summary.notes.some((n) => DOUBT.test(n)), `${file}: ${JSON.stringify(summary.notes)}`);
      const found = await callStructured(server.client, 'search_logs', { file, pattern: 'upstream', since: '2020-01-01T00:00:00Z' });
      assert.ok(!found.notes.some((n) => DOUBT.test(n)), `${file}: ${JSON.stringify(found.notes)}`);
    }
  });
});
