// break30: logrotate's copytruncate under a writer that does not append leaves a hole of NULs as long as the old file
// before the writer's next line, on that line (no newline in a hole). break27 dropped a line's leading NULs, but only
// within what the readers keep of a line (8 MiB forward, 64 KiB backwards): after a hole of 20 MB, error_summary said
// "no ERROR or FATAL lines" of an ERROR written after the rotation, search_logs found 0 matches (complete), and
// recent_logs showed "… [19934505 bytes cut]" where the ERROR line was. A line's leading NULs are now dropped as the
// readers meet them, whatever their length.
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { SEARCH_ENGINES } from '../../support/log-engines';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('logs: an entry written after a copytruncate hole longer than a line the readers keep', function () {
  this.timeout(120_000);
  let dir: string;
  const now = new Date(Date.now() - 60_000).toISOString();
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'logs-nul-hole-'));
    const fd = openSync(join(dir, 'app.log'), 'w');
    writeSync(fd, `${now} INFO  worker started\n`);
    // A 12 MiB hole (the writer's old offset), then its next lines.
    const zeros = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < 12; i++) writeSync(fd, zeros);
    writeSync(fd, `${now} ERROR payment gateway timed out after the rotation\n${now} INFO  worker idle\n`);
    closeSync(fd);
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  for (const engine of SEARCH_ENGINES) {
    describe(`(${engine.name})`, () => {
      let server: StartedServer;
      before(async function () {
        if (!engine.available()) this.skip();
        server = await startBuiltServer('logs', { LOG_DIRS: dir, LOG_JOURNAL: 'off', LOG_DOCKER: 'off', TZ: 'UTC', ...engine.env });
      });
      after(async () => server?.close());
      const call = async (name: string, args: Record<string, unknown>): Promise<Data> => {
        const result = (await server.client.callTool({ name, arguments: args })) as CallToolResult;
        assert.ok(!result.isError, JSON.stringify(result.content));
        return result.structuredContent as Data;
      };

      it('error_summary counts the ERROR, search_logs finds it, recent_logs shows it', async () => {
        const summary = await call('error_summary', {});
        assert.equal(summary.totalErrors, 1, JSON.stringify(summary).slice(0, 600));
        const found = await call('search_logs', { pattern: 'after the rotation' });
        assert.equal(found.totalMatches, 1, JSON.stringify(found).slice(0, 600));
        assert.match(found.matches[0].text, /ERROR payment gateway timed out after the rotation$/);
        assert.equal(found.matches[0].line, 2);
        const levelled = await call('search_logs', { level: 'ERROR' });
        assert.equal(levelled.totalMatches, 1, JSON.stringify(levelled).slice(0, 600));
        const recent = await call('recent_logs', { file: 'app.log', lines: 3 });
        assert.deepEqual(recent.lines.map((l: Data) => [l.text.replace(/^\S+ /, ''), l.level]), [
          ['INFO  worker started', 'INFO'],
          ['ERROR payment gateway timed out after the rotation', 'ERROR'],
          ['INFO  worker idle', 'INFO'],
        ]);
      });
    });
  }
});
