// Logs written as comma-separated values: PostgreSQL's csvlog (no header row, the level in its `error_severity`
// column) and the CSV exports of log consoles (a header row naming a level and a time column). The level in a column
// was not read: error_summary found "no ERROR or FATAL lines" in a csvlog full of them, and a level filter passed none
// (fmt29). The layouts are PostgreSQL's documented csvlog columns
// (https://www.postgresql.org/docs/current/runtime-config-logging.html#RUNTIME-CONFIG-LOGGING-CSVLOG).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvCells, csvColumns } from '../../../servers/logs/format/csv-columns';
import { createLineParser } from '../../../servers/logs/format/detect';
import { callStructured, startBuiltServer, type StartedServer } from '../../support/mcp-client';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A csvlog row (PostgreSQL 15's 26 columns) at `time` (`YYYY-MM-DD HH:MM:SS.mmm`, UTC) of `severity`. */
const pgRow = (time: string, severity: string, state: string, message: string, pid = 1234) =>
  `${time} UTC,"postgres","app",${pid},"[local]",6564a1.4d2,1,"SELECT",2026-11-28 09:59:00 UTC,3/4,0,${severity},${state},"${message.replace(/"/g, '""')}",,,,,,,,,"psql","client backend",,0`;

const CSVLOG = [
  pgRow('2026-11-28 10:00:01.123', 'LOG', '00000', 'connection authorized: user=postgres database=app'),
  pgRow('2026-11-28 10:00:02.456', 'ERROR', '42P01', 'relation "users" does not exist'),
  pgRow('2026-11-28 10:00:03.789', 'FATAL', '57P01', 'terminating connection due to administrator command', 999),
  pgRow('2026-11-28 10:00:04.000', 'WARNING', '01000', 'checkpoints are occurring too frequently (25 seconds apart)', 998),
  pgRow('2026-11-28 10:00:05.000', 'LOG', '00000', 'checkpoint complete: wrote 12 buffers', 998),
];

const EXPORT = ['host,severity,message,timestamp', 'web1,info,started,2026-11-28T10:00:01Z', 'web1,error,"disk full, cannot write",2026-11-28T10:00:02Z', 'web2,warning,slow response,2026-11-28T10:00:03Z'];

describe('logs: CSV logs with a level column', () => {
  it('splits rows as RFC 4180 does', () => {
    assert.deepEqual(csvCells('a,"b, c","say ""hi""",,d'), ['a', 'b, c', 'say "hi"', '', 'd']);
    assert.deepEqual(csvCells('a,b,'), ['a', 'b', '']);
    // A quoted value going on to the next line is no row by itself.
    assert.equal(csvCells('a,"b and'), undefined);
    assert.equal(csvCells('no commas here'), undefined);
  });

  it('finds the level column by the header row or, without one, by its values', () => {
    assert.deepEqual(csvColumns(CSVLOG), { cells: 26, delimiter: ',', level: 11, message: 13 });
    assert.deepEqual(csvColumns(EXPORT), { cells: 4, delimiter: ',', level: 1, time: 3, message: 2, header: EXPORT[0] });
    // Neighbours that are no CSV log: prose with commas, a table without a level column, a column of many words.
    assert.equal(csvColumns(['2026-11-28 10:00:01 INFO a, b, c and d', '2026-11-28 10:00:02 INFO e, f, g and h']), undefined);
    assert.equal(csvColumns(['id,name,city,zip', '1,ann,Oslo,0150', '2,bob,Bergen,5003']), undefined);
    assert.equal(csvColumns(['1,alpha,x,y', '2,error,x,y', '3,info,x,y']), undefined);
    // A header without a level column: not read as one.
    assert.equal(csvColumns(['time,host,message,code', '2026-11-28T10:00:01Z,web1,error here,1', '2026-11-28T10:00:02Z,web1,fine,2']), undefined);
  });

  it('reads the rows\' levels, times and messages, and the header row as no entry', () => {
    const pg = createLineParser(CSVLOG, { referenceTime: Date.UTC(2026, 10, 29) });
    assert.deepEqual(CSVLOG.map((line) => pg.parse(line).level), ['INFO', 'ERROR', 'FATAL', 'WARN', 'INFO']);
    assert.equal(pg.parse(CSVLOG[1]).timestamp, Date.UTC(2026, 10, 28, 10, 0, 2, 456));
    assert.equal(pg.parse(CSVLOG[1]).message, 'relation "users" does not exist');
    // A message written over two lines: its second line is no row, and continues the entry above.
    const multi = pg.parse('  WHERE id = 1",,,,,,,,,"psql","client backend",,0');
    assert.equal(multi.level, undefined);
    assert.equal(multi.timestamp, undefined);
    const ex = createLineParser(EXPORT, { referenceTime: Date.UTC(2026, 10, 29) });
    assert.equal(ex.parse(EXPORT[0]).directive, true);
    assert.deepEqual(EXPORT.slice(1).map((line) => ex.parse(line).level), ['INFO', 'ERROR', 'WARN']);
    assert.deepEqual(EXPORT.slice(1).map((line) => ex.parse(line).timestamp), [1, 2, 3].map((s) => Date.UTC(2026, 10, 28, 10, 0, s)));
    assert.equal(ex.parse(EXPORT[2]).message, 'disk full, cannot write');
    // An export that writes its last column, the message, unquoted: the commas in it are the message's.
    const events = ['Information,3/12/2026 1:00:00 PM,Disk,7036,None,volume mounted', 'Error,3/12/2026 1:00:01 PM,Disk,7,None,retrying in 5 s, then giving up', 'Warning,3/12/2026 1:00:02 PM,Kernel-Power,41,None,power lost'];
    assert.deepEqual(csvColumns(events), { cells: 6, delimiter: ',', level: 0, message: 5 });
    assert.deepEqual(csvCells(events[1], 6), ['Error', '3/12/2026 1:00:01 PM', 'Disk', '7', 'None', 'retrying in 5 s, then giving up']);
    const ev = createLineParser(events, { referenceTime: Date.UTC(2026, 2, 13) });
    assert.deepEqual(events.map((line) => ev.parse(line).level), ['INFO', 'ERROR', 'WARN']);
  });

  describe('through the built server', function () {
    this.timeout(60_000);
    let root: string;
    let server: StartedServer;
    before(async () => {
      root = mkdtempSync(join(tmpdir(), 'csv-levels-'));
      writeFileSync(join(root, 'postgresql-2026-11-28.csv'), CSVLOG.join('\n') + '\n');
      writeFileSync(join(root, 'export.csv'), EXPORT.join('\r\n') + '\r\n');
      // The csvlog's times carry their zone (UTC): read so on a server anywhere.
      server = await startBuiltServer('logs', { LOG_DIRS: root, LOG_JOURNAL: 'off', LOG_DOCKER: 'off', TZ: 'Asia/Seoul' });
    });
    after(async () => {
      await server?.close();
      if (root) rmSync(root, { recursive: true, force: true });
    });

    it('error_summary finds a csvlog\'s ERROR and FATAL rows, and search_logs its WARNING at a WARN filter', async () => {
      const summary = await callStructured(server.client, 'error_summary', { file: 'postgresql-2026-11-28.csv', wholeFile: true });
      assert.equal(summary.totalErrors, 2, JSON.stringify(summary));
      assert.deepEqual((summary.groups as Data[]).map((g) => g.levels[0]).sort(), ['ERROR', 'FATAL']);
      assert.deepEqual(summary.notes, []);
      const found = await callStructured(server.client, 'search_logs', { file: 'postgresql-2026-11-28.csv', level: 'WARN', since: '2026-11-28T10:00:03Z', until: '2026-11-28T11:00:00Z', order: 'oldest' });
      assert.deepEqual((found.matches as Data[]).map((m) => [m.line, m.level, m.timestamp]), [[3, 'FATAL', '2026-11-28T19:00:03.789+09:00'], [4, 'WARN', '2026-11-28T19:00:04.000+09:00']]);
      assert.deepEqual(found.notes, []);
    });

    it('an export\'s header row is counted neither as a line without a time nor as one without a level', async () => {
      const found = await callStructured(server.client, 'search_logs', { file: 'export.csv', level: 'WARN', since: '2026-11-28T00:00:00Z', order: 'oldest' });
      assert.deepEqual((found.matches as Data[]).map((m) => m.line), [3, 4]);
      assert.deepEqual(found.notes, []);
    });
  });
});
