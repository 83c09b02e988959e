// leftovers23: a log rotated while it was read (logrotate's `create`: app.log renamed app.log.1, a new app.log started)
// was read to its end through the open descriptor, but its matches still named app.log, whose line 2 is now another
// line. They now name the file their lines are in (app.log.1), with a note; a file moved away is noted too. The scan
// process is the built one; the rotation is a real rename, made while the tool is reading.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { ScanClient } from '../../../servers/logs/scan/client';
import { createServer } from '../../../servers/logs/server';
import { SourceRegistry } from '../../../servers/logs/sources/registry/registry';
import { createLogsContext } from '../../../servers/logs/tools/context';
import { noteRotation } from '../../../servers/logs/tools/common';
import { logPatternsContext } from '../../../servers/logs/tools/log-patterns-files';
import { callStructured } from '../../support/mcp-client';

const OLD = '2026-12-03T05:00:00Z INFO started\n2026-12-03T05:00:01Z ERROR payment failed: card declined\n2026-12-03T05:00:02Z INFO done\n';
const NEW = '2026-12-03T06:00:00Z INFO reopened after rotation\n';

describe('logs: a file rotated while it is read names the file its lines are in (leftovers23)', function () {
  this.timeout(120_000);
  let root: string;
  let dir: string;
  let scans: ScanClient;
  /** Set by a test: what happens to the log once its scan has read it and before the tool answers. */
  let duringRead: (() => void) | undefined;
  let client: Client;

  /** app.log rotated the way logrotate's `create` does it: renamed app.log.1 beside it, a new app.log started. */
  const rotate = () => {
    renameSync(join(dir, 'app.log'), join(dir, 'app.log.1'));
    writeFileSync(join(dir, 'app.log'), NEW);
  };
  const fresh = () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'app.log'), OLD);
  };

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'rotated-while-read-'));
    dir = join(root, 'logs');
    scans = new ScanClient(resolve(__dirname, '../../../dist/servers/logs-scan-worker.js'));
    // The real scan, and then the rotation: as if logrotate ran while the scan process was reading.
    const scanFile = scans.scanFile.bind(scans);
    scans.scanFile = async (...args) => {
      const result = await scanFile(...args);
      duringRead?.();
      duringRead = undefined;
      return result;
    };
    const server = await createServer({ dirs: [root], ripgrep: undefined, legacyCharset: undefined, settingNotes: [], sources: { journal: 'off', journalDirs: [], journalFiles: [], journalctl: 'journalctl', docker: 'off', dockerHost: undefined } }, scans);
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    client = new Client({ name: 'test-client', version: '0.0.0' });
    await client.connect(clientSide);
  });

  after(async () => {
    await client?.close();
    scans?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  const call = (name: string, args: Record<string, unknown>) => callStructured(client, name, args);

  it('search_logs names the rotated file as its matches\' file, with a note', async () => {
    fresh();
    duringRead = rotate;
    const out = await call('search_logs', { pattern: 'card declined', file: 'logs/app.log' });
    const matches = out.matches as { file: string; line: number; text: string }[];
    assert.deepEqual(matches.map((m) => [m.file, m.line]), [['logs/app.log.1', 2]]);
    assert.deepEqual((out.files as { file: string }[]).map((f) => f.file), ['logs/app.log.1']);
    assert.ok(out.notes.some((n) => /^logs\/app\.log was rotated while it was read: the file read is now logs\/app\.log\.1 \(a new logs\/app\.log was started\), so what was found in it is named logs\/app\.log\.1/.test(n)), JSON.stringify(out.notes));
  });

  it('error_summary says so, and so does a file moved away', async () => {
    fresh();
    duringRead = rotate;
    const summary = await call('error_summary', { file: 'logs/app.log', wholeFile: true });
    assert.ok(summary.notes.some((n) => n.startsWith('logs/app.log was rotated while it was read: the file read is now logs/app.log.1')), JSON.stringify(summary.notes));
    fresh();
    duringRead = () => renameSync(join(dir, 'app.log'), join(root, 'elsewhere.txt'));
    const moved = await call('search_logs', { pattern: 'card declined', file: 'logs/app.log' });
    assert.ok(moved.notes.some((n) => n.startsWith('logs/app.log was moved away or deleted while it was read')), JSON.stringify(moved.notes));
    rmSync(join(root, 'elsewhere.txt'), { force: true });
  });

  it('log_patterns\'s reading says so', async () => {
    fresh();
    const ctx = await createLogsContext({ dirs: [root], ripgrep: undefined, scans, sources: new SourceRegistry([]) });
    const files = logPatternsContext(ctx);
    const resolved = await files.resolveFile('logs/app.log');
    let lines = 0;
    const read = await files.readLines(resolved, () => {
      if (++lines === 1) rotate();
    });
    assert.equal(lines, 3, 'the file opened is read to its end');
    const notes = (read as { notes?: string[] } | undefined)?.notes ?? [];
    assert.ok(notes.some((n) => n.startsWith('logs/app.log was rotated while it was read: the file read is now logs/app.log.1')), JSON.stringify(notes));
  });

  // break32: a log named through a link to the day's file (`current.log -> app-1.log`), rotated by pointing the link at
  // the next day's: the name was checked by the file it resolved to, which had not moved, so matches named current.log
  // at line numbers that are now another file's, without a word.
  it('a link repointed while it is read is said so, naming the file read', async () => {
    fresh();
    writeFileSync(join(dir, 'app-1.log'), OLD);
    symlinkSync('app-1.log', join(dir, 'current.log'));
    duringRead = () => {
      writeFileSync(join(dir, 'app-2.log'), NEW);
      unlinkSync(join(dir, 'current.log'));
      symlinkSync('app-2.log', join(dir, 'current.log'));
    };
    const out = await call('search_logs', { pattern: 'card declined', file: 'logs/current.log' });
    assert.ok(out.notes.some((n) => n.startsWith('logs/current.log was rotated while it was read: the file read is now app-1.log')), JSON.stringify(out.notes));
  });

  it('keeps quiet when the name still names the file read', async () => {
    fresh();
    const stats = statSync(join(dir, 'app.log'));
    const notes: string[] = [];
    assert.equal(await noteRotation(notes, 'logs/app.log', { realPath: join(dir, 'app.log'), dev: stats.dev, ino: stats.ino }), undefined);
    assert.deepEqual(notes, []);
    const out = await call('search_logs', { pattern: 'card declined', file: 'logs/app.log' });
    assert.deepEqual((out.matches as { file: string }[]).map((m) => m.file), ['logs/app.log']);
    assert.ok(!out.notes.some((n) => n.includes('rotated')), JSON.stringify(out.notes));
  });
});
