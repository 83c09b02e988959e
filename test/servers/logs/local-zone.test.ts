// Times the logs server prints are in the zone it runs in, as git's are: a Seoul log line stamped 09:30 (no zone in
// the file, so local time) used to come back as 00:30Z, and a model had to convert it back to answer "when?".
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callStructured, startBuiltServer, type StartedServer } from '../../support/mcp-client';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('logs server times in the local zone', function () {
  this.timeout(60_000);
  let dir: string;
  let seoul: StartedServer;
  let utc: StartedServer;
  const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10); // yesterday (UTC): inside a 48-hour window

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'logs-zone-'));
    writeFileSync(
      join(dir, 'app.log'),
      [`${day} 09:30:00 ERROR payment timeout after 30s`, `${day} 09:31:00 INFO retry scheduled`, `${day} 09:32:00 ERROR payment timeout after 31s`, ''].join('\n'),
    );
    seoul = await startBuiltServer('logs', { LOG_DIRS: dir, TZ: 'Asia/Seoul' });
    utc = await startBuiltServer('logs', { LOG_DIRS: dir, TZ: 'UTC' });
  });
  after(async () => {
    await Promise.all([seoul?.close(), utc?.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  const call = (server: StartedServer, name: string, args: Data): Promise<Data> => callStructured(server.client, name, args);

  it('search_logs gives each line its time as the file writes it, with the offset', async () => {
    const found = await call(seoul, 'search_logs', { pattern: 'timeout', limit: 5 });
    assert.deepEqual(found.matches.map((m: Data) => m.timestamp), [`${day}T09:32:00.000+09:00`, `${day}T09:30:00.000+09:00`]);
    const inUtc = await call(utc, 'search_logs', { pattern: 'timeout', limit: 5 });
    assert.deepEqual(inUtc.matches.map((m: Data) => m.timestamp), [`${day}T09:32:00.000Z`, `${day}T09:30:00.000Z`]);
  });

  it('error_summary and log_patterns print the window, first and last seen in the same zone', async () => {
    const summary = await call(seoul, 'error_summary', { hours: 72 });
    assert.match(summary.window.since, /\+09:00$/);
    assert.ok(Math.abs(Date.parse(summary.window.until) - Date.now()) < 60_000, 'the window ends now: the same instant, written in Seoul time');
    const patterns = await call(seoul, 'log_patterns', { file: 'app.log' });
    const timeout = patterns.templates.find((p: Data) => /timeout/.test(p.template));
    assert.deepEqual([timeout.firstSeen, timeout.lastSeen], [`${day}T09:30:00.000+09:00`, `${day}T09:32:00.000+09:00`]);
  });
});
