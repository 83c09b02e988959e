// A file emptied and written again in place while it is searched (logrotate's copytruncate): the scan read a mix of
// old and new contents, and answered "0 matches, complete" or a line that never existed, without a word (break14).
// The scan now says the file was truncated. The scan process is the built one (dist/servers/logs-scan-worker.js).
import assert from 'node:assert/strict';
import { appendFileSync, closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ScanClient } from '../../../servers/logs/scan/client';
import type { ScanRequest, ScanTarget } from '../../../servers/logs/search/types';
import { hasRipgrep } from '../../support/log-engines';
import { UserFacingError } from '../../../servers/shared/tool-result';
import { readHead } from '../../../servers/logs/io/head';
import { createLogsContext } from '../../../servers/logs/tools/context';
import { logPatternsContext } from '../../../servers/logs/tools/log-patterns-files';
import { SourceRegistry } from '../../../servers/logs/sources/registry/registry';
import { assertNotRewrittenInPlace } from '../../../servers/logs/io/in-place';

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
      await assert.rejects(scans.scanFile(target(now + 80_000_000), request, { ripgrep }), (error: unknown) => error instanceof UserFacingError && /app\.log: it was truncated while it was read .*try again/.test(error.message));
      // The same file as listed, or grown since (appended to), is searched as usual.
      for (const size of [now, now - 10]) {
        const found = await scans.scanFile(target(size), request, { ripgrep });
        assert.deepEqual([found.totalMatches, found.matches.map((m) => m.line)], [1, [1]]);
      }
    });
  }
});

describe('logs scan: a file emptied and written again past its old size', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'logs-rewritten-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Opens `text` as a scan does (head first), lets `change` act on the path, then runs the check after the scan. */
  const check = async (text: string, change: (path: string) => void): Promise<void> => {
    const path = join(dir, 'app.log');
    writeFileSync(path, text);
    const stats = statSync(path);
    const target: ScanTarget = { name: 'app.log', realPath: path, gzip: false, size: stats.size, mtimeMs: stats.mtimeMs, dev: stats.dev, ino: stats.ino };
    const fd = openSync(path, 'r');
    try {
      const head = await readHead(fd, target);
      change(path);
      assertNotRewrittenInPlace(fd, target, head.data);
    } finally {
      closeSync(fd);
    }
  };
  const old = '2026-12-01T10:00:02Z ERROR boom old 0\n2026-12-01T10:00:03Z INFO fine\n';

  it('says so when the first bytes changed though the file is as long or longer (copytruncate, then many writes)', async () => {
    const refill = (path: string) => writeFileSync(path, `2026-12-01T11:00:00Z INFO new start\n${'2026-12-01T11:00:01Z INFO more\n'.repeat(50)}`);
    await assert.rejects(check(old, refill), (error: unknown) => error instanceof UserFacingError && /^app\.log: it was emptied and written again while it was read \(its first bytes changed; \d+ bytes when listed, \d+ now/.test(error.message));
  });

  it('log_patterns\'s reading of a file says so too', async () => {
    const path = join(dir, 'app.log');
    writeFileSync(path, old);
    const scans = undefined as unknown as ScanClient; // reading a file for log_patterns starts no scan
    const ctx = await createLogsContext({ dirs: [dir], ripgrep: undefined, scans, sources: new SourceRegistry([]) });
    const files = logPatternsContext(ctx);
    const resolved = await files.resolveFile('app.log');
    const read = async (change: () => void) => {
      const lines: string[] = [];
      await files.readLines(resolved, (line) => {
        if (lines.push(line) === 1) change();
      });
      return lines;
    };
    assert.deepEqual((await read(() => appendFileSync(path, 'appended\n'))).slice(0, 2), old.split('\n').slice(0, 2), 'a file appended to while read is no error');
    await assert.rejects(
      read(() => writeFileSync(path, `2026-12-01T11:00:00Z INFO new start\n${'x\n'.repeat(200)}`)),
      (error: unknown) => error instanceof UserFacingError && /^app\.log: it was emptied and written again while it was read/.test(error.message),
    );
  });

  it('keeps quiet when the file was only appended to, or left alone', async () => {
    await check(old, (path) => appendFileSync(path, '2026-12-01T10:00:04Z WARN later\n'.repeat(200)));
    await check(old, () => undefined);
    await check('', (path) => appendFileSync(path, 'first line\n'));
  });
});
