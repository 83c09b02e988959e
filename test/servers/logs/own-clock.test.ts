// break30: a line that writes its own time of day without a date (an editor's output channel `[Error - 오후 3:49:35]`,
// a `[12:00:02 WARN]` bracket) under a dated line took that line's time in search_logs: a made-up moment, which time
// windows then counted. Its time is another moment: it is left without one, and its level is its own.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWithEachEngine } from '../../support/log-engines';
import { callStructured, type StartedServer } from '../../support/mcp-client';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('logs: a line with its own time of day under a dated line', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'logs-own-clock-'));
    writeFileSync(
      join(dir, 'mixed.log'),
      [
        '2026-12-01 10:00:00 INFO server started',
        '[Error - 오후 3:49:35] Build failed in 351 milliseconds',
        '2026-12-01 10:00:01 INFO request served',
        '[12:00:02 WARN] disk almost full',
        '2026-12-01 10:00:02 ERROR request failed',
        '',
      ].join('\n'),
    );
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  const call = (server: StartedServer, name: string, args: Data): Promise<Data> => callStructured(server.client, name, args);

  describeWithEachEngine('', () => dir, (_engine, server) => {
    it('search_logs gives the bracketed line its own level and no time taken from the line above', async () => {
      const found = await call(server(), 'search_logs', { pattern: 'Build failed|disk almost', regex: true, file: 'mixed.log' });
      assert.equal(found.totalMatches, 2, JSON.stringify(found));
      const read = (text: RegExp) => found.matches.find((m: Data) => text.test(m.text ?? m.line ?? m.message));
      assert.deepEqual([read(/Build failed/)?.level, read(/Build failed/)?.timestamp], ['ERROR', undefined], JSON.stringify(found.matches));
      assert.deepEqual([read(/disk almost/)?.level, read(/disk almost/)?.timestamp], ['WARN', undefined], JSON.stringify(found.matches));
    });
  });
});
