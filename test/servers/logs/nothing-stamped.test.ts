// rev26a: a Laravel log whose records carry PHP traces was learned as plain text (the unindented `#0 …` frames outvote
// the record lines), so no line had a time or a level, and error_summary said "no ERROR or FATAL lines in the whole
// file(s)" of a file of ERROR records. With no line read for a time or a level, 0 errors is not "no errors".
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** One Laravel 10 error record as its daily log writes it: the header, the exception, `[stacktrace]` and its frames. */
function laravelError(at: string, message: string): string[] {
  const frames = Array.from({ length: 12 }, (_, i) => `#${i} /var/www/vendor/laravel/framework/src/Illuminate/Database/Connection.php(${700 + i}): run()`);
  return [`[${at}] production.ERROR: ${message} {"exception":"[object] (PDOException(code: 2002): ${message} at /var/www/vendor/x.php:70)`, '[stacktrace]', ...frames, '#12 {main}', '"}'];
}

describe('logs: error_summary says levels could not be read where no sampled line has a time or a level', function () {
  this.timeout(60_000);
  let dir: string;
  let server: StartedServer | undefined;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'logs-nothing-stamped-'));
    const lines = [...laravelError('2026-12-03 10:00:00', 'SQLSTATE[HY000] [2002] Connection refused'), ...laravelError('2026-12-03 10:05:00', 'SQLSTATE[HY000] [2002] Connection refused'), '[2026-12-03 10:06:00] production.INFO: retry ok', ''];
    writeFileSync(join(dir, 'laravel-2026-12-03.log'), lines.join('\n'));
  });
  after(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('no "no ERROR or FATAL lines" alone for a Laravel log of ERROR records with traces', async () => {
    server = await startBuiltServer('logs', { LOG_DIRS: dir, LOG_JOURNAL: 'off', LOG_DOCKER: 'off' });
    const result = (await server.client.callTool({ name: 'error_summary', arguments: { wholeFile: true } })) as CallToolResult;
    const body = result.structuredContent as Data;
    // Either the records are read (2 errors) or the answer says their levels could not be: never a bare 0.
    if (body.totalErrors === 0) {
      assert.equal(body.files[0].levelsUnreadable, true, JSON.stringify(body));
      assert.ok(body.notes.some((n: string) => /levels could not be read in laravel-2026-12-03\.log/.test(n)), JSON.stringify(body.notes));
    } else {
      assert.equal(body.totalErrors, 2, JSON.stringify(body));
    }
  });
});
