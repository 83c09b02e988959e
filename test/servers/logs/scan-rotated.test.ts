// A log rotated by renaming (logrotate's default `create`: app.log -> app.log.1, a new app.log) between the scan
// process's open and ripgrep's: ripgrep opened the path again and searched the new, nearly empty file, and the answer
// was "0 matches, complete" for a file that held them when it was listed (break30). The scan now gives ripgrep the file
// it opened, not its name. The stand-in ripgrep rotates the file just before it runs the real one.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { ScanClient } from '../../../servers/logs/scan/client';
import type { ScanRequest, ScanTarget } from '../../../servers/logs/search/types';
import { hasRipgrep } from '../../support/log-engines';
import { UserFacingError } from '../../../servers/shared/tool-result';

describe('logs scan: a file rotated by renaming while it is searched', function () {
  this.timeout(60_000);
  let dir: string;
  let scans: ScanClient;
  const request: ScanRequest = { pattern: { source: 'boom', literal: true, caseSensitive: true }, before: 0, after: 0, limit: 5, order: 'newest', maxLineChars: 500 };
  before(function () {
    if (!hasRipgrep()) this.skip();
    dir = mkdtempSync(join(tmpdir(), 'logs-rotated-'));
    scans = new ScanClient(resolve(__dirname, '../../../dist/servers/logs-scan-worker.js'));
  });
  after(() => {
    scans?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('ripgrep searches the file the scan opened, not the one renamed into its place', async () => {
    const log = join(dir, 'app.log');
    writeFileSync(log, ['2026-12-01T10:00:00Z INFO start', '2026-12-01T10:00:01Z ERROR boom 1', '2026-12-01T10:00:02Z ERROR boom 2'].join('\n') + '\n');
    const stats = statSync(log);
    const target: ScanTarget = { name: 'app.log', realPath: log, gzip: false, size: stats.size, mtimeMs: stats.mtimeMs, dev: stats.dev, ino: stats.ino };
    const rg = execFileSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).trim();
    const rotating = join(dir, 'rotating-rg.sh');
    writeFileSync(rotating, `#!/bin/sh\nmv '${log}' '${log}.1'\nprintf '2026-12-01T10:00:03Z INFO fresh\\n' > '${log}'\nexec '${rg}' "$@"\n`);
    chmodSync(rotating, 0o755);
    const found = await scans.scanFile(target, request, { ripgrep: rotating });
    assert.equal(found.engine, 'ripgrep');
    assert.deepEqual([found.totalMatches, found.matches.map((m) => m.line), found.complete], [2, [3, 2], true]);
    assert.match(found.matches[0].text, /boom 2$/);
  });

  // Rotated before the scan process opened it: "app.log changed while being searched; try again" said neither that it
  // was rotated nor where the file asked about went.
  it('a file rotated before the scan opens it is named where it went', async () => {
    const log = join(dir, 'svc.log');
    writeFileSync(log, '2026-12-01T10:00:01Z ERROR boom 1\n');
    const stats = statSync(log);
    const target: ScanTarget = { name: 'svc.log', realPath: log, gzip: false, size: stats.size, mtimeMs: stats.mtimeMs, dev: stats.dev, ino: stats.ino };
    renameSync(log, `${log}.1`);
    writeFileSync(log, '2026-12-01T10:00:03Z INFO fresh\n');
    await assert.rejects(scans.scanFile(target, request, {}), (error: unknown) => error instanceof UserFacingError && /^svc\.log was rotated while it was searched: the file listed under that name is now svc\.log\.1 beside it, and a new svc\.log was started; search again/.test(error.message));
  });
});
