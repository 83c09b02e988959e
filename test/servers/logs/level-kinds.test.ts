// Level kinds the format corpus measured (issue 11), one test per kind rather than per file: level vocabularies
// (three-letter Serilog, four-letter .NET console, syslog names, numeric severities, slog offsets, zap's dpanic),
// access-log status codes (5xx ERROR, 4xx WARN), and a structured severity field that beats words of the message.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createLineParser } from '../../../servers/logs/format/detect';
import { ACCESS_STATUS, LEADING_LEVEL, LEADING_UPPER_LEVEL, leadingLevel, statusLevel } from '../../../servers/logs/format/header';
import { normalizeLevel } from '../../../servers/logs/format/levels';
import { levelsAreWords } from '../../../servers/logs/format/prefilter';

const levelsOf = (lines: string[]) => {
  const parser = createLineParser(lines, { referenceTime: Date.parse('2026-11-30T00:00:00Z') });
  return lines.map((l) => parser.parse(l).level);
};

describe('logs: level kinds', () => {
  it('maps every vocabulary onto the one scale', () => {
    const table: [string | number, string | undefined][] = [
      ['VRB', 'TRACE'], ['DBG', 'DEBUG'], ['INF', 'INFO'], ['WRN', 'WARN'], ['ERR', 'ERROR'], ['FTL', 'FATAL'],
      ['trce', 'TRACE'], ['dbug', 'DEBUG'], ['info', 'INFO'], ['warn', 'WARN'], ['fail', 'ERROR'], ['crit', 'FATAL'],
      ['emerg', 'FATAL'], ['alert', 'FATAL'], ['err', 'ERROR'], ['notice', 'INFO'], ['Note', 'INFO'], ['System', 'INFO'],
      [0, 'FATAL'], [3, 'ERROR'], [4, 'WARN'], [5, 'INFO'], [7, 'DEBUG'], ['<11>', 'ERROR'], [30, 'INFO'], [50, 'ERROR'],
      ['WARN+1', 'WARN'], ['ERROR+2', 'ERROR'], ['INFO-4', 'INFO'], ['DEBUG-2', 'DEBUG'],
      ['dpanic', 'ERROR'], ['panic', 'FATAL'], ['fatal', 'FATAL'], ['DEBUG3', 'DEBUG'],
      ['banana', undefined], ['WARN+x', undefined],
    ];
    for (const [word, level] of table) assert.equal(normalizeLevel(word), level, String(word));
  });

  it('reads Serilog [ERR]/[WRN]/[FTL] and .NET console fail:/crit:/warn: lines', () => {
    assert.deepEqual(
      levelsOf([
        '\ufeff2026-11-29 10:15:00.001 +01:00 [INF] Service starting\r',
        '2026-11-29 10:15:01.002 +01:00 [WRN] Disk space low\r',
        '2026-11-29 10:15:02.003 +01:00 [ERR] Payment failed\r',
        '2026-11-29 10:15:03.004 +01:00 [FTL] Host terminated\r',
        '2026-11-29 10:15:04.005 +01:00 [VRB] tick\r',
      ]),
      ['INFO', 'WARN', 'ERROR', 'FATAL', 'TRACE'],
    );
    assert.deepEqual(
      levelsOf(['info: Microsoft.Hosting.Lifetime[0]', '      Application started.', 'warn: Shop.Cache[1]', 'fail: Shop.Orders[2]', 'crit: Shop.Host[3]', 'dbug: Shop.Cache[0]', 'trce: Shop.Cache[0]']),
      ['INFO', undefined, 'WARN', 'ERROR', 'FATAL', 'DEBUG', 'TRACE'],
    );
  });

  it('gives access lines the level of their HTTP status (5xx ERROR, 4xx WARN)', () => {
    assert.equal(statusLevel('10.0.0.1 - - [29/Nov/2026:10:15:00 +0000] "GET / HTTP/1.1" 502 157 "-" "curl/8"'), 'ERROR');
    assert.equal(statusLevel('10.0.0.1 - - [29/Nov/2026:10:15:00 +0000] "GET /x HTTP/1.1" 404 153 "-" "curl/8"'), 'WARN');
    assert.equal(statusLevel('10.0.0.1 - - [29/Nov/2026:10:15:00 +0000] "GET / HTTP/2" 200 612 "-" "curl/8"'), 'INFO');
    assert.equal(statusLevel('haproxy[1]: 10.0.0.1:5 [29/Nov/2026:10:15:00.000] fe be/srv 0/0/1/2/3 503 212 - - ----'), 'ERROR');
    assert.equal(statusLevel('haproxy[1]: 10.0.0.1:5 [29/Nov/2026:10:15:00.000] fe be/<NOSRV> -1/-1/-1/-1/+0 408 212 - - cR--'), 'WARN');
    assert.equal(statusLevel('2026-11-29 10:15:00 10.0.0.1 GET /x - 443 - 10.0.0.2 curl - 500 0 0 12'), 'ERROR');
    assert.equal(statusLevel('a line with 500 in its prose'), undefined);
  });

  it('finds the status its regex finds, whatever the line (the regex is only run on lines where one of its forms can match)', () => {
    const piece = fc.constantFrom('200', '404', '503', '099', '1', '22', '4444', '1234567890', '"GET /a HTTP/1.1"', 'HTTP/', '0/0/1/2/3', '-1/-1/-1/-1/+0', 'a/b', '/', ' ', '  ', '-', 'x', '"', '\t');
    const byRegex = (line: string) => {
      const m = ACCESS_STATUS.exec(line);
      const status = m ? Number(m[1] ?? m[2] ?? m[3]) : undefined;
      return status === undefined || status < 100 || status > 599 ? undefined : status >= 500 ? 'ERROR' : status >= 400 ? 'WARN' : 'INFO';
    };
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const line = pieces.join(' ');
        assert.equal(statusLevel(line), byRegex(line), line);
      }),
      { numRuns: 5000 },
    );
  });

  it('reads a level at the start of a message whatever its first character', () => {
    for (const [message, level] of [['error: x', 'ERROR'], ['[WARN] x', 'WARN'], ['<info> x', 'INFO'], ['  ERROR x', 'ERROR'], ['\tFatal: x', 'FATAL'], ['Panic: x', 'FATAL'], ['Verbose: x', 'TRACE'], ['ALERT x', 'FATAL']] as const) {
      assert.equal(leadingLevel(message), level, message);
    }
    for (const message of ['Error x', 'xerror: x', '-error: x', '1 ERROR x', 'Hello: x', '']) assert.equal(leadingLevel(message), undefined, message);
  });

  it('finds the leading level its regexes find, whatever the message (they are only run where one can match)', () => {
    const piece = fc.constantFrom('error', 'ERROR', 'Error', 'warn', 'WARNING', 'info', 'INFO1', 'trace3', 'TRACE3', 'note', 'severe', 'x', 'E', ':', ': ', ' ', '\t', '\u00a0', '[', ']', '<', '>', 'err', 'ERRx', '1', '-', 'é');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
        const message = pieces.join('');
        const m = LEADING_LEVEL.exec(message) ?? LEADING_UPPER_LEVEL.exec(message);
        assert.equal(leadingLevel(message), m ? normalizeLevel(m[1] ?? m[2] ?? m[3]) : undefined, JSON.stringify(message));
      }),
      { numRuns: 5000 },
    );
  });

  it('looks for a status in linear time, whatever the line (a 64 KiB run of digits)', () => {
    for (const line of ['0'.repeat(64 * 1024), '1/2/3/4/'.repeat(8192), ' 1'.repeat(32 * 1024)]) {
      const start = process.hrtime.bigint();
      statusLevel(line);
      assert.ok(process.hrtime.bigint() - start < 500_000_000n, 'under 0.5 s');
    }
  });

  it('a structured severity field beats words of the message; a level written as one in the text beats a transport guess', () => {
    const record = (priority: string, message: string) => JSON.stringify({ __REALTIME_TIMESTAMP: '1764411300000000', PRIORITY: priority, MESSAGE: message, _SYSTEMD_UNIT: 'shop.service' });
    assert.deepEqual(
      levelsOf([record('5', 'error budget report: 3 errors in the last hour'), record('3', 'request failed'), record('6', 'WARN cache directory missing'), record('4', 'listening')]),
      ['INFO', 'ERROR', 'WARN', 'WARN'],
    );
    assert.deepEqual(
      levelsOf(['{"level":"dpanic","ts":1764411300.1,"msg":"impossible state"}', '{"level":"info","ts":1764411301.1,"msg":"an error count of 0"}', '{"time":"2026-11-29T10:15:00Z","level":"WARN+1","msg":"slow"}']),
      ['ERROR', 'INFO', 'WARN'],
    );
  });

  it("a level word in any case after a syslog tag is the level where nearly every message opens with one; a prose word is not", () => {
    // A program's own level column behind the journal's tag (break9's inputs, in the form syslog wrappers print).
    const lower = [
      'Dec  1 05:00:00 host app[12]: info Started job 0',
      'Dec  1 05:00:01 host app[12]: info Connection closed by 10.0.0.1',
      'Dec  1 05:00:02 host app[12]: error Failed to open /var/x',
      'Dec  1 05:00:04 host app[12]: warn Retrying in 5s',
    ];
    assert.deepEqual(levelsOf(lower), ['INFO', 'INFO', 'ERROR', 'WARN']);
    const mixed = ['Dec  1 05:00:00 host app[12]: Error Started job 0', 'Dec  1 05:00:01 host app[12]: ERROR Started job 0', 'Dec  1 05:00:02 host app[12]: ERROR [worker] Failed to open 0', 'Dec  1 05:00:03 host app[12]: ERROR Started job 0'];
    // A case the file writes its levels in on one line only is not the column's: `Error Started job 0` beside `ERROR …`
    // lines is read as `Critical path computed in 3 ms` is (break10: prose read as FATAL where levels are upper case).
    assert.deepEqual(levelsOf(mixed), [undefined, 'ERROR', 'ERROR', 'ERROR']);
    const upper = [
      'Dec  1 05:00:00 host app[12]: ERROR Failed to open /var/db/0',
      'Dec  1 05:00:01 host app[12]: INFO Connected to peer 1',
      'Dec  1 05:00:02 host app[12]: INFO Connected to peer 2',
      'Dec  1 05:00:03 host app[12]: WARN Disk 80 percent full',
      'Dec  1 05:00:04 host app[12]: INFO Connected to peer 3',
      'Dec  1 05:00:05 host app[12]: INFO Connected to peer 4',
      'Dec  1 05:00:06 host app[12]: INFO Connected to peer 5',
      'Dec  1 05:00:07 host app[12]: INFO Connected to peer 6',
      'Dec  1 05:00:08 host app[12]: INFO Connected to peer 7',
      'Dec  1 05:00:09 host app[12]: INFO Connected to peer 8',
      'Dec  1 05:00:10 host app[12]: Critical path computed in 3 ms',
    ];
    assert.deepEqual(levelsOf(upper).slice(-2), ['INFO', undefined]);
    // The neighbour: most messages open with other words; the one that opens with `error` is prose, read as before
    // (no level: a lower-case word without its colon).
    const prose = [
      'Dec  1 05:00:00 host app[12]: Started job 0',
      'Dec  1 05:00:01 host app[12]: Connection closed by 10.0.0.1',
      'Dec  1 05:00:02 host app[12]: error budget recalculated',
      'Dec  1 05:00:03 host app[12]: info Started job 1',
      'Dec  1 05:00:04 host app[12]: Started job 2',
    ];
    assert.deepEqual(levelsOf(prose), [undefined, undefined, undefined, undefined, undefined]);
  });

  it("reads PHP's error types, phrases that end in a level word, where the level column stands", () => {
    // php.ini error_log: `[date] PHP <type>:  <message>`. `Parse error` lines had no level (an error filter missed
    // them) and `Fatal error` left `error:` in the message.
    const lines = [
      '[01-Dec-2026 10:00:00 UTC] PHP Notice:  Undefined index: user in /var/www/app/index.php on line 12',
      '[01-Dec-2026 10:00:05 UTC] PHP Fatal error:  Uncaught Exception: boom in /var/www/app/db.php:40',
      '[01-Dec-2026 10:00:06 UTC] PHP Warning:  file_get_contents(/tmp/x): failed to open stream in /var/www/app/io.php on line 7',
      '[01-Dec-2026 10:00:07 UTC] PHP Parse error:  syntax error, unexpected end of file in /var/www/app/x.php on line 3',
      '[01-Dec-2026 10:00:08 UTC] PHP Catchable fatal error:  Object of class Foo could not be converted in /var/www/a.php on line 5',
      '[01-Dec-2026 10:00:09 UTC] PHP Core warning:  Module "gd" is already loaded in Unknown on line 0',
      '[01-Dec-2026 10:00:10 UTC] PHP Strict Standards:  Non-static method Foo::bar() should not be called statically',
    ];
    const parser = createLineParser(lines, { referenceTime: Date.parse('2026-11-30T00:00:00Z') });
    const parsed = lines.map((l) => parser.parse(l));
    assert.deepEqual(parsed.map((p) => p.level), ['INFO', 'FATAL', 'WARN', 'ERROR', 'FATAL', 'WARN', undefined]);
    assert.equal(parsed[1].message, 'Uncaught Exception: boom in /var/www/app/db.php:40');
    assert.equal(parsed[3].message, 'syntax error, unexpected end of file in /var/www/app/x.php on line 3');
    // Only where the level column stands: the same words inside a message are the message's.
    const inside = ['2026-12-01 10:00:00 INFO worker: Parse error: bad input', '2026-12-01 10:00:01 INFO worker: done'];
    assert.deepEqual(levelsOf(inside), ['INFO', 'INFO']);
  });

  it('the error-word prefilter is used only where no sampled error line lacks an error word', () => {
    const pino = (level: number, msg: string) => JSON.stringify({ level, time: 1764411300000, pid: 1, hostname: 'info-host', msg });
    const worded = Array.from({ length: 30 }, (_, i) => pino(30, `request ${i} ok`));
    worded.push(pino(50, 'request failed'));
    const sample = [...worded, pino(50, 'payment declined by the bank')];
    const parserOf = (lines: string[]) => createLineParser(lines, { referenceTime: Date.parse('2026-11-30T00:00:00Z') });
    assert.equal(levelsAreWords(worded, parserOf(worded)), true, 'every error line says so in words');
    assert.equal(levelsAreWords(sample, parserOf(sample)), false, 'one level-50 line without an error word');
  });
});
