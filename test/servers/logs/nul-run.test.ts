// A log truncated in place (logrotate's copytruncate) under a writer that does not append keeps writing at its old
// offset: the file then starts with a run of NUL bytes (a sparse hole) and the next entry is glued to its end, on the
// same "line". That entry's header was unread: an ERROR written right after the rotation was not counted, and
// error_summary said "no ERROR or FATAL lines" (break27). The NULs before an entry are not part of it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWithEachEngine } from '../../support/log-engines';
import { callStructured, type StartedServer } from '../../support/mcp-client';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** `YYYY-MM-DD HH:MM:SS` of `ms` in this process's zone (the server's: both run on this machine). */
function localTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

describe('logs: NUL bytes before an entry (a log truncated in place by copytruncate)', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'logs-nul-run-'));
    const at = localTime(Date.now() - 10 * 60_000);
    const entries = `${at} ERROR [db] Connection refused after rotation\n${at} INFO [main] request served\n`;
    // The whole file after the rotation: NULs where the old content was, then the entries.
    writeFileSync(join(dir, 'rotated.log'), Buffer.concat([Buffer.alloc(4096), Buffer.from(entries)]));
    // A second rotation in a file already written to: the hole is in the middle, before an entry.
    writeFileSync(join(dir, 'middle.log'), Buffer.concat([Buffer.from(`${at} INFO [main] started\n`), Buffer.alloc(600), Buffer.from(entries)]));
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  const call = (server: StartedServer, name: string, args: Data): Promise<Data> => callStructured(server.client, name, args);

  describeWithEachEngine('', () => dir, (_engine, server) => {
    for (const file of ['rotated.log', 'middle.log']) {
      it(`error_summary counts the entry after the NULs (${file}), over the last hour and over the whole file`, async () => {
        for (const window of [{ hours: 1 }, { wholeFile: true }]) {
          const summary = await call(server(), 'error_summary', { file, ...window });
          assert.equal(summary.totalErrors, 1, JSON.stringify(summary));
          assert.equal(summary.groups[0].template, 'Connection refused after rotation');
        }
      });

      it(`search_logs with a level finds it (${file})`, async () => {
        const found = await call(server(), 'search_logs', { file, level: 'ERROR', since: '1 hour ago' });
        assert.equal(found.totalMatches, 1, JSON.stringify(found));
      });
    }
  });
});
