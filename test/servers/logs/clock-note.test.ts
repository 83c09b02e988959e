// A log written in UTC without a zone in its times, read by a server in another zone: every time window on it was off by
// the zone's offset ("no errors in the last hour" in Seoul; entries 5 h in the future in New York) and nothing said so
// (break17). The file's last write and its newest entry, read as local time, differ by exactly the server's offset.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBuiltServer } from '../../support/mcp-client';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** `YYYY-MM-DD HH:MM:SS` of `ms` as the wall clock of a zone `offsetHours` east of UTC (0: UTC). */
const wall = (ms: number, offsetHours: number) => new Date(ms + offsetHours * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

describe('logs: a zoneless log written in another zone than the server\'s', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'logs-clock-'));
    const now = Date.now();
    const lines = (offsetHours: number, suffix = '') => [0, 1, 2, 3, 4].map((i) => `${wall(now - 240_000 + i * 60_000, offsetHours)}${suffix} ERROR payment ${i} failed: gateway timeout`).join('\n') + '\n';
    writeFileSync(join(dir, 'utc-zoneless.log'), lines(0));
    writeFileSync(join(dir, 'seoul-local.log'), lines(9));
    writeFileSync(join(dir, 'zoned.log'), lines(0, 'Z').replace(/^(\d{4}-\d\d-\d\d) /gm, '$1T'));
    // Times that say Z, the file last written 9 h after its newest entry (an untimed line appended then, or a copy).
    writeFileSync(join(dir, 'zoned-late.log'), lines(0, 'Z').replace(/^(\d{4}-\d\d-\d\d) /gm, '$1T') + '--- end of run ---\n');
    const late = (now + 9 * 3_600_000 - 60_000) / 1000;
    utimesSync(join(dir, 'zoned-late.log'), late, late);
    // break30: times that say Z, written by a clock 3 days ahead (a device without a clock source): the newest entry is
    // dated after the file's last write, which no zone explains; "the last hour" left every entry out without a word.
    writeFileSync(join(dir, 'zoned-ahead.log'), [0, 1, 2].map((i) => `${new Date(now + 3 * 86_400_000 + i * 60_000).toISOString()} ERROR sensor ${i} read failed: i2c timeout`).join('\n') + '\n');
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  const notesIn = async (tz: string, tool: string, args: Record<string, unknown>): Promise<string[]> => {
    const server = await startBuiltServer('logs', { LOG_DIRS: dir, LOG_JOURNAL: 'off', LOG_DOCKER: 'off', TZ: tz });
    try {
      const result = (await server.client.callTool({ name: tool, arguments: args })) as CallToolResult;
      assert.ok(!result.isError, JSON.stringify(result.content));
      return (result.structuredContent as Data).notes as string[];
    } finally {
      await server.close();
    }
  };

  it('error_summary in Seoul says the UTC file is read 9 h early, and not the file written in Seoul\'s time or with Z', async () => {
    const notes = (await notesIn('Asia/Seoul', 'error_summary', { hours: 1 })).join('\n');
    assert.match(notes, /utc-zoneless\.log: its newest entry reads .*, 9 h before the file was last written .* most likely UTC.* widen since\/until by 9 h/);
    assert.doesNotMatch(notes, /seoul-local\.log: its newest entry/);
    assert.doesNotMatch(notes, /zoned\.log: its newest entry/);
    assert.doesNotMatch(notes, /zoned-late\.log: its newest entry/, 'a time that says Z is read right in Seoul');
    assert.match(notes, /zoned-ahead\.log: its newest entry \(.*\) is later than the file's last write .* its times name their zone: the clock of whatever wrote it runs ahead, so time windows on this file are off by 3 days or more/);
  });

  it('search_logs in New York with a window says the UTC file\'s entries read 5 h in the future', async () => {
    const notes = (await notesIn('America/New_York', 'search_logs', { pattern: 'failed', since: '30 minutes ago' })).join('\n');
    assert.match(notes, /utc-zoneless\.log: its newest entry reads .*, 5 h after the file was last written/);
    assert.match(notes, /seoul-local\.log: its newest entry .* is later than the file's last write/, 'a Seoul wall clock read in New York is 14 h ahead');
    assert.doesNotMatch(notes, /zoned\.log/);
  });

  it('says nothing in UTC, where the zoneless file is read right', async () => {
    const notes = (await notesIn('UTC', 'error_summary', { hours: 1 })).join('\n');
    assert.doesNotMatch(notes, /utc-zoneless\.log: its newest entry/);
  });

  it('search_logs in Berlin with a window edge in the hour DST ends lives twice says the second pass is read an hour early (errors17)', async () => {
    // 2026-10-25: Berlin's clocks go from 03:00 CEST back to 02:00 CET. The zoneless 02:10 and 02:50 of the second pass
    // (01:10Z, 01:50Z) are read as the first pass (00:10Z, 00:50Z): a window on 01:00Z..02:00Z found nothing, and said
    // nothing. Nothing in a zoneless line tells the passes apart, so the answer says so.
    const dst = mkdtempSync(join(tmpdir(), 'logs-dst-'));
    writeFileSync(join(dst, 'app.log'), ['01:50:00 INFO  worker: tick', '02:10:00 INFO  worker: tick a', '02:50:00 INFO  worker: tick b', '02:10:00 ERROR worker: disk full a', '02:50:00 ERROR worker: disk full b', '03:10:00 INFO  worker: tick'].map((t) => `2026-10-25 ${t}`).join('\n') + '\n');
    const server = await startBuiltServer('logs', { LOG_DIRS: dst, LOG_JOURNAL: 'off', LOG_DOCKER: 'off', TZ: 'Europe/Berlin' });
    try {
      const search = async (since: string, until: string): Promise<Data> => ((await server.client.callTool({ name: 'search_logs', arguments: { pattern: 'worker', since, until } })) as CallToolResult).structuredContent as Data;
      const second = await search('2026-10-25T01:00:00Z', '2026-10-25T02:00:00Z');
      assert.deepEqual(second.matches, []);
      assert.ok(second.notes.some((n: string) => /^app\.log: its times carry no zone, and this server's zone lives 02:00 to 02:59 of 2026-10-25 twice .* read 60 min early/.test(n)), second.notes.join('\n'));
      // log_patterns' window on a file says it as search_logs does.
      const patterns = ((await server.client.callTool({ name: 'log_patterns', arguments: { file: 'app.log', since: '2026-10-25T01:00:00Z', until: '2026-10-25T02:00:00Z' } })) as CallToolResult).structuredContent as Data;
      assert.equal(patterns.linesMatched, 0);
      assert.ok((patterns.notes ?? []).some((n: string) => /^app\.log: its times carry no zone, .* twice/.test(n)), JSON.stringify(patterns.notes));
      // A window far from the change says nothing of it.
      const far = await search('2026-10-25T04:00:00Z', '2026-10-25T05:00:00Z');
      assert.ok(!far.notes.some((n: string) => /lives .* twice/.test(n)), far.notes.join('\n'));
    } finally {
      await server.close();
      rmSync(dst, { recursive: true, force: true });
    }
  });
});
