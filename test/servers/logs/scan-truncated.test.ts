// A file emptied and written again in place while it is searched (logrotate's copytruncate): the scan read a mix of
// old and new contents, and answered "0 matches, complete" or a line that never existed, without a word (break14).
// The scan now says the file was truncated. The scan process is the built one (dist/servers/logs-scan-worker.js).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ScanClient } from '../../../servers/logs/scan/client';
import type { ScanRequest, ScanTarget } from '../../../servers/logs/search/types';
import { hasRipgrep } from '../../support/log-engines';
import { UserFacingError } from '../../../servers/shared/tool-result';

describe('logs scan: a file truncated while it is searched', function () {
  this.timeout(60_000);
  let dir: string;
  let scans: ScanClient;
  const request: ScanRequest = { pattern: { source: 'boom', literal: true, caseSensitive: true }, before: 0, after: 0, limit: 5, order: 'newest', maxLineChars: 500 };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'logs-truncated-'));
    writeFileSync(join(dir, 'app.log'), '2026-12-01T10:00:02Z ERROR boom new 0\n2026-12-01T10:00:02Z INFO fine\n');
    scans = new ScanClient(resolve(__dirname, '../../../dist/servers/logs-scan-worker.js'));
  });
  after(() => {
    scans?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  /** The file as the tool listed it, `size` bytes then. */
  const target = (size: number): ScanTarget => {
    const stats = statSync(join(dir, 'app.log'));
    return { name: 'app.log', realPath: join(dir, 'app.log'), gzip: false, size, mtimeMs: stats.mtimeMs, dev: stats.dev, ino: stats.ino };
  };

  for (const ripgrep of [undefined, 'rg']) {
    it(`says so when the file is shorter than when it was listed (${ripgrep ? 'ripgrep' : 'Node engine'})`, async function () {
      if (ripgrep && !hasRipgrep()) this.skip();
      const now = statSync(join(dir, 'app.log')).size;
      await assert.rejects(scans.scanFile(target(now + 80_000_000), request, { ripgrep }), (error: unknown) => error instanceof UserFacingError && /app\.log was truncated while it was searched .*search again/.test(error.message));
      // The same file as listed, or grown since (appended to), is searched as usual.
      for (const size of [now, now - 10]) {
        const found = await scans.scanFile(target(size), request, { ripgrep });
        assert.deepEqual([found.totalMatches, found.matches.map((m) => m.line)], [1, [1]]);
      }
    });
  }
});
