// formats27: a file whose records run over many lines, the header on the first line of each, was learned as plain
// text when the records' bodies outnumbered their headers in the sample. Laravel (Monolog's LineFormatter) writes an
// exception as a JSON context whose string holds the PHP trace line by line (`[stacktrace]`, `#0 …`, `"}`): the
// unindented frames outvoted the record lines, so no line had a time or a level and error_summary could only say
// `levelsUnreadable` (rev26a's A2). A record whose header line opens a structure that later lines close is one entry.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLineParser } from '../../../servers/logs/format/detect';
import { NEVER_CLOSED, recordBodyEnd } from '../../../servers/logs/format/open-records';
import { describeWithEachEngine } from '../../support/log-engines';
import { callStructured, type StartedServer } from '../../support/mcp-client';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** `YYYY-MM-DD HH:MM:SS` of `ms` in this process's zone (the server's too). */
function localTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** One Laravel 10 error record as its daily log writes it (rev26a's laravel-2.log): the header, `[stacktrace]`, 13 frames, `"}`. */
function laravelError(at: string, message: string): string[] {
  const frames = Array.from({ length: 12 }, (_, i) => `#${i} /var/www/vendor/laravel/framework/src/Illuminate/Database/Connection.php(${700 + i}): run()`);
  return [`[${at}] production.ERROR: ${message} {"exception":"[object] (PDOException(code: 2002): ${message} at /var/www/vendor/x.php:70)`, '[stacktrace]', ...frames, '#12 {main}', '"}'];
}

/** A made-up record of the same kind in another layout: a leveled line whose JSON context holds a multi-line string. */
function multiLineContext(at: string): string[] {
  return [`${at} ERROR payment-gateway declined order 42 {"response":"HTTP/1.1 402 Payment Required`, 'Content-Type: text/plain', 'Content-Length: 12', 'Date: Thu, 03 Dec 2026 10:00:00 GMT', 'Server: gw', 'Connection: close', '', 'card expired', 'retry refused"}'];
}

describe('format: a record whose header line opens a structure later lines close is one entry', () => {
  it('recordBodyEnd finds the line that closes the structure, none for balanced or never-closed lines', () => {
    const record = laravelError('2026-12-03 10:00:00', 'boom');
    assert.equal(recordBodyEnd(record, 0), record.length - 1);
    assert.equal(recordBodyEnd(['[2026-12-03 10:00:00] app.INFO: ok {"a":1} []', 'next'], 0), -1);
    assert.equal(recordBodyEnd(['2026-12-03 10:00:00 INFO list [1, 2', 'never closed', 'at all'], 0), NEVER_CLOSED);
    assert.equal(recordBodyEnd(['she said "5" screens] then', 'x'], 0), -1);
    assert.equal(recordBodyEnd(['2026-12-03 10:00:00 INFO list [1, 2', 'a ] ]', 'x'], 0), -1);
  });

  it('a sample whose traces outnumber the headers is still learned by the header (rev26a laravel-2.log)', () => {
    const lines = [...laravelError('2026-12-03 10:00:00', 'SQLSTATE[HY000] [2002] Connection refused'), ...laravelError('2026-12-03 10:05:00', 'SQLSTATE[HY000] [2002] Connection refused'), '[2026-12-03 10:06:00] production.INFO: retry ok'];
    const parser = createLineParser(lines);
    const first = parser.parse(lines[0]);
    assert.equal(first.level, 'ERROR', JSON.stringify(first));
    assert.ok(first.timestamp !== undefined, JSON.stringify(first));
    const frame = parser.parse(lines[5]);
    assert.equal(frame.timestamp, undefined);
    assert.equal(frame.level, undefined);
    assert.equal(parser.parse(lines.at(-1) ?? '').level, 'INFO');
  });

  it('a made-up leveled layout with a multi-line JSON string is learned too', () => {
    const lines = [...multiLineContext('2026-12-03 10:00:00'), ...multiLineContext('2026-12-03 10:01:00'), '2026-12-03 10:02:00 INFO ok'];
    const parser = createLineParser(lines);
    // Learned as a header (each line its message was 'unknown': the bodies' lines entries of their own).
    assert.equal(parser.format.id, 'leveled', JSON.stringify(parser.format));
    assert.equal(parser.parse(lines[0]).level, 'ERROR');
    assert.equal(parser.parse(lines[1]).level, undefined);
  });

  // rev27c: a structure never closed stopped the look for bodies for the rest of the sample, so one record cut off
  // (its process killed mid-write), a truncated JSON context or a `[0, 5)` early in a Laravel log read it as text again.
  for (const [name, first] of [
    ['a record cut off mid-trace', laravelError('2026-12-03 09:59:00', 'boom').slice(0, 6)],
    ['a truncated JSON context', ['[2026-12-03 09:58:00] production.INFO: payload {"user":{"id":1,"name":"al']],
    ['a half-open range in a message', ['[2026-12-03 09:58:00] production.INFO: index out of range [0, 5)']],
  ] as const) {
    it(`a Laravel log that opens with ${name} is still learned by the header`, () => {
      const records = Array.from({ length: 10 }, (_, i) => laravelError(`2026-12-03 10:0${i}:00`, 'Connection refused')).flat();
      const lines = [...first, ...records];
      const parser = createLineParser(lines);
      const header = lines.length - records.length + 16;
      assert.equal(parser.parse(lines[header]).level, 'ERROR', `${JSON.stringify(parser.format)} ${lines[header]}`);
      assert.equal(parser.parse(lines[header + 3]).level, undefined);
    });
  }

  it('prose with a dated line that opens a bracket no later line closes stays as it was', () => {
    const lines = ['2026-12-03 10:00:00 INFO [draft', 'Some notes about the release.', 'More notes here.', 'And a closing line.', 'Yet another line.'];
    const plain = lines.map((line) => line.replace('[', ''));
    assert.deepEqual(createLineParser(lines).format, createLineParser(plain).format);
    assert.deepEqual(createLineParser(lines).parse(lines[2]), createLineParser(plain).parse(plain[2]));
  });
});

describe('logs: a Laravel log with PHP traces through the built server', function () {
  this.timeout(120_000);
  let dir: string;
  let recent: number;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'logs-open-records-'));
    const now = Date.now();
    recent = Math.floor((now - 10 * 60_000) / 1000) * 1000;
    // rev26a's input, as Laravel 10 writes it: two ERROR records with traces and an INFO line.
    const laravel = [...laravelError('2026-12-03 10:00:00', 'SQLSTATE[HY000] [2002] Connection refused'), ...laravelError('2026-12-03 10:05:00', 'SQLSTATE[HY000] [2002] Connection refused'), '[2026-12-03 10:06:00] production.INFO: retry ok', ''];
    writeFileSync(join(dir, 'laravel-2.log'), laravel.join('\n'));
    // A made-up one within the last hour: a Monolog channel's CRITICAL record with a trace, then INFO lines.
    const made = [
      `[${localTime(now - 30 * 60_000)}] app.INFO: queue worker started {"queue":"default"} []`,
      ...laravelError(localTime(recent), 'Class "App\\\\Jobs\\\\Missing" not found').map((l) => l.replace('production.ERROR', 'app.CRITICAL')),
      `[${localTime(now - 5 * 60_000)}] app.INFO: job done {"id":7} []`,
      '',
    ];
    writeFileSync(join(dir, 'worker.log'), made.join('\n'));
    // rev27c: the same records after one cut off mid-trace (its process killed mid-write).
    const cut = [...laravelError(localTime(now - 55 * 60_000), 'boom').slice(0, 6), ...Array.from({ length: 10 }, (_, i) => laravelError(localTime(now - (50 - i) * 60_000), 'Connection refused')).flat(), ''];
    writeFileSync(join(dir, 'cut.log'), cut.join('\n'));
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  const call = (server: StartedServer, name: string, args: Data): Promise<Data> => callStructured(server.client, name, args);

  describeWithEachEngine('', () => dir, (_engine, server) => {
    it('error_summary over the whole file counts the two ERROR records, levels read', async () => {
      const summary = await call(server(), 'error_summary', { file: 'laravel-2.log', wholeFile: true });
      assert.equal(summary.totalErrors, 2, JSON.stringify(summary));
      assert.notEqual(summary.files[0].levelsUnreadable, true, JSON.stringify(summary.files));
    });

    it('error_summary over the last hour counts the made-up CRITICAL record at its own time, its frames not apart', async () => {
      const summary = await call(server(), 'error_summary', { file: 'worker.log', hours: 1 });
      assert.equal(summary.totalErrors, 1, JSON.stringify(summary));
      assert.equal(Date.parse(summary.groups[0].firstSeen), recent);
    });

    it('error_summary over the last hour counts the cut-off record and the ten after it (rev27c)', async () => {
      const summary = await call(server(), 'error_summary', { file: 'cut.log', hours: 1 });
      assert.equal(summary.totalErrors, 11, JSON.stringify(summary));
      assert.notEqual(summary.files[0].levelsUnreadable, true, JSON.stringify(summary.files));
    });

    it('search_logs with level ERROR finds the records by their frames too, at the record\'s time', async () => {
      const found = await call(server(), 'search_logs', { pattern: 'Connection.php(705)', level: 'ERROR', file: 'laravel-2.log' });
      assert.equal(found.totalMatches, 2, JSON.stringify(found));
      assert.equal(found.matches[0].level, 'ERROR');
    });
  });
});
