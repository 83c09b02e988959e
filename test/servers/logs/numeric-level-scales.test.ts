// A JSON log's numeric level counts on the file's own scale: Nextcloud (and ownCloud) write `"level": 0..4` counting up
// (0 debug, 1 info, 2 warn, 3 error, 4 fatal), syslog severities count down (0 emergency … 7 debug). Read as syslog,
// Nextcloud's "Login successful" (1) was FATAL and error_summary counted 4 errors where there are 2 (break25). The scale
// is decided per file from what its sample shows (levels.ts smallLevelScale); where it cannot tell, only the values both
// readings agree on are read, and the others are said to have no readable level rather than guessed.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parserFor } from '../../../servers/logs/format/parser';
import { hundredsLevelScale, smallLevelScale } from '../../../servers/logs/format/levels';
import { coverageNote, levelCoverage, unreadLevelKey } from '../../../servers/logs/format/coverage';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const at = (i: number): string => new Date(Date.now() - 600_000 + i * 60_000).toISOString();

/** nextcloud.log's record shape (lib/private/Log/LogDetails.php), as break25 wrote it. */
const nextcloud = (i: number, level: number, message: string): string =>
  JSON.stringify({ reqId: 'abc', level, time: at(i), remoteAddr: '10.0.0.1', user: 'admin', app: 'core', method: 'GET', url: '/index.php', message, userAgent: 'Mozilla/5.0', version: '27.1.0.7' });

const NEXTCLOUD = [
  nextcloud(0, 1, 'Login successful'),
  nextcloud(1, 2, 'Could not detect any host in https:///data/htdocs/occ'),
  nextcloud(2, 3, 'Uncaught exception: Doctrine\\DBAL\\Exception: Failed to connect to the database'),
  nextcloud(3, 4, 'Fatal: out of memory'),
  nextcloud(4, 0, 'debug thing'),
];

const levelsOf = (lines: string[]) => {
  const parser = parserFor(Buffer.from(lines.join('\n') + '\n'), true, Date.now());
  return lines.map((line) => parser.parse(line).level);
};

describe('logs: numeric levels are read on the scale the file counts on', function () {
  this.timeout(60_000);

  it('reads Nextcloud 0..4 counting up, syslog 0..7 counting down', () => {
    assert.deepEqual(levelsOf(NEXTCLOUD), ['INFO', 'WARN', 'ERROR', 'FATAL', 'DEBUG']);
    // A production Nextcloud log (loglevel 2): warnings most, some errors.
    assert.deepEqual(levelsOf([2, 2, 3, 2, 2].map((l, i) => nextcloud(i, l, `m${i}`))), ['WARN', 'WARN', 'ERROR', 'WARN', 'WARN']);
    // A syslog-scale file: a value above 4 only syslog has, and all of the file's small numbers are read on it.
    const syslog = [6, 6, 3, 4, 6, 2].map((l, i) => JSON.stringify({ time: at(i), severity: l, message: `m${i}` }));
    assert.deepEqual(levelsOf(syslog), ['INFO', 'INFO', 'ERROR', 'WARN', 'INFO', 'FATAL']);
    // Warnings and worse only, most of them warnings (4): read up, most would be fatal; read down (syslog), they are warnings.
    assert.deepEqual(levelsOf([4, 4, 4, 3].map((l, i) => nextcloud(i, l, `m${i}`))), ['WARN', 'WARN', 'WARN', 'ERROR']);
  });

  it('reads no level where the file cannot tell, except the values both scales agree on', () => {
    // Mostly 3 (error on both scales), a 2 and a 4: syslog's reading and Nextcloud's are as plausible.
    assert.equal(smallLevelScale([3, 3, 3, 2, 4]), undefined);
    assert.deepEqual(levelsOf([3, 3, 3, 2, 4].map((l, i) => nextcloud(i, l, `m${i}`))), ['ERROR', 'ERROR', 'ERROR', undefined, undefined]);
    // A message that opens with a level word is not read as the level when the record's number cannot be read.
    assert.deepEqual(levelsOf([3, 3, 3, 2].map((l, i) => nextcloud(i, l, i === 3 ? 'Fatal: out of memory' : `m${i}`))), ['ERROR', 'ERROR', 'ERROR', undefined]);
    // One or two records say nothing of what most of a file is (break26): a lone `2` is syslog's critical as well as
    // Nextcloud's warning, and error_summary said "no ERROR or FATAL lines" for it. A value above 4 still decides.
    for (const values of [[2], [1], [1, 2], [4, 4]]) {
      assert.equal(smallLevelScale(values), undefined, JSON.stringify(values));
      assert.deepEqual(levelsOf(values.map((l, i) => nextcloud(i, l, `m${i}`))), values.map(() => undefined), JSON.stringify(values));
    }
    assert.equal(smallLevelScale([6]), 'syslog');
    assert.deepEqual(levelsOf([nextcloud(0, 3, 'm0')]), ['ERROR']);
  });

  it('reads a level word beside the number, Monolog 100..600 and pino 10..60', () => {
    // Monolog's JsonFormatter writes both.
    const monolog = [[200, 'INFO'], [400, 'ERROR'], [550, 'ALERT']].map(([n, w], i) => JSON.stringify({ message: `m${i}`, level: n, level_name: w, channel: 'app', datetime: at(i) }));
    assert.deepEqual(levelsOf(monolog), ['INFO', 'ERROR', 'FATAL']);
    const bare = [200, 250, 300, 400, 500].map((n, i) => JSON.stringify({ message: `m${i}`, level: n, datetime: at(i) }));
    assert.deepEqual(levelsOf(bare), ['INFO', 'INFO', 'WARN', 'ERROR', 'FATAL']);
    const pino = [30, 30, 50, 60].map((n, i) => JSON.stringify({ level: n, time: Date.now() - 60_000 + i, msg: `m${i}` }));
    assert.deepEqual(levelsOf(pino), ['INFO', 'INFO', 'ERROR', 'FATAL']);
  });

  it("reads levels in hundreds on Monolog's scale (up) or Log4j 2's intLevel (down), as the file shows, and none where it cannot tell", () => {
    const record = (level: number, i: number) => JSON.stringify({ time: at(i), level, logger: 'a.B', msg: `m${i}` });
    // Log4j 2's intLevel: mostly 400 (INFO) — read as Monolog's, four of five entries were errors.
    assert.equal(hundredsLevelScale([400, 400, 200, 400, 400]), 'log4j');
    assert.deepEqual(levelsOf([400, 400, 200, 400, 500, 100].map(record)), ['INFO', 'INFO', 'ERROR', 'INFO', 'DEBUG', 'FATAL']);
    // Monolog: mostly 200 (INFO); 250 or 550, which only Monolog has, decide whatever the rest.
    assert.equal(hundredsLevelScale([200, 200, 400]), 'monolog');
    assert.deepEqual(levelsOf([200, 200, 400, 200].map(record)), ['INFO', 'INFO', 'ERROR', 'INFO']);
    assert.equal(hundredsLevelScale([400, 400, 250]), 'monolog');
    // One or two records, or as many 200s as 400s: no scale, and only 300 (a warning on both) is read.
    for (const values of [[400], [200, 400], [200, 400, 200, 400]]) assert.equal(hundredsLevelScale(values), undefined, JSON.stringify(values));
    assert.deepEqual(levelsOf([400, 300].map(record)), [undefined, 'WARN']);
    const lines = [400, 200, 400, 200].map(record);
    const parser = parserFor(Buffer.from(lines.join('\n') + '\n'), true, Date.now());
    assert.match(coverageNote('app.json', levelCoverage(lines, parser), 'sampled', unreadLevelKey(lines, parser)) ?? '', /number in the key "level" \(values 200, 400\).*Monolog.*Log4j 2.*does not show which/);
  });

  it('reads logfmt\'s numeric levels (`level=3`) on the file\'s scale too, as JSON records\' are', () => {
    const record = (level: number, i: number) => `time=${at(i)} level=${level} msg="m${i}"`;
    // Counting up (2 warn, 4 fatal): read as syslog, four of five were critical.
    assert.deepEqual(levelsOf([2, 2, 4, 2, 2].map(record)), ['WARN', 'WARN', 'FATAL', 'WARN', 'WARN']);
    // A value above 4: syslog's, all of the file's numbers read on it.
    assert.deepEqual(levelsOf([6, 6, 3, 6, 2].map(record)), ['INFO', 'INFO', 'ERROR', 'INFO', 'FATAL']);
    // Cannot tell: only 3 (an error on both) is read; level words as before.
    assert.deepEqual(levelsOf([2, 3].map(record)), [undefined, 'ERROR']);
    assert.deepEqual(levelsOf([`time=${at(0)} level=info msg=a`, `time=${at(1)} level=error msg=b`]), ['INFO', 'ERROR']);
  });

  it(".NET's JSON records: Microsoft.Extensions.Logging's LogLevel (a name, or its enum's number on its own scale), Serilog's Level and CLEF's default", () => {
    // The JSON console formatter's record (no Timestamp unless configured); a serializer writing the enum as its number.
    const mel = (level: string | number, message: string) => JSON.stringify({ EventId: 0, LogLevel: level, Category: 'App.Worker', Message: message, State: { Message: message, '{OriginalFormat}': message } });
    const text = [mel('Information', 'Now listening on: http://localhost:5000'), mel('Warning', 'slow'), mel('Error', 'Failed to connect'), mel('Critical', 'down')];
    assert.deepEqual(levelsOf(text), ['INFO', 'WARN', 'ERROR', 'FATAL']);
    const parser = parserFor(Buffer.from(text.join('\n') + '\n'), true, Date.now());
    assert.deepEqual([parser.parse(text[2]).message, parser.parse(text[2]).component], ['Failed to connect', 'App.Worker']);
    // 0 Trace … 5 Critical: 2 is Information (Nextcloud's scale would make it a warning, syslog's critical), 6 None no level.
    assert.deepEqual(levelsOf([2, 2, 4, 2, 3, 5, 0, 1].map((l, i) => mel(l, `m${i}`))), ['INFO', 'INFO', 'ERROR', 'INFO', 'WARN', 'FATAL', 'TRACE', 'DEBUG']);
    assert.deepEqual(levelsOf([2, 6].map((l, i) => mel(l, `m${i}`))), ['INFO', undefined]);
    // Serilog's JsonFormatter; its compact form (CLEF) leaves `@l` out for Information.
    const serilog = [['Information', 'Started'], ['Error', 'Failed 3']].map(([l, m], i) => JSON.stringify({ Timestamp: at(i), Level: l, MessageTemplate: m, RenderedMessage: m }));
    assert.deepEqual(levelsOf(serilog), ['INFO', 'ERROR']);
    const clef = [JSON.stringify({ '@t': at(0), '@mt': 'Started {App}', App: 'x' }), JSON.stringify({ '@t': at(1), '@mt': 'Failed {Id}', '@l': 'Error', Id: 3 })];
    assert.deepEqual(levelsOf(clef), ['INFO', 'ERROR']);
    // A record of another shape without a level key still has none.
    assert.deepEqual(levelsOf([JSON.stringify({ time: at(0), msg: 'no level' }), JSON.stringify({ time: at(1), msg: 'none' })]), [undefined, undefined]);
  });

  // levels22: .NET's enum as a number under a plain `level` key (a serializer of ILogger's entries, Serilog's Level
  // written as its number) with .NET's fields beside it. On the numbers alone, one Critical (5, which only syslog has
  // among the other scales) made the file syslog's and every Information line (2) FATAL.
  /** A made-up record of the kind: Microsoft.Extensions.Logging's entry as System.Text.Json writes it (enums as numbers). */
  const dotnet = (i: number, level: number, message: string): string => JSON.stringify({ Timestamp: at(i), level, Category: 'Shop.Orders', EventId: 0, Message: message });
  const serilogNumber = (i: number, level: number, message: string): string => JSON.stringify({ Timestamp: at(i), Level: level, MessageTemplate: message, SourceContext: 'Shop' });
  /** Information mostly, a warning, an error, a critical one, a debug one. */
  const DOTNET_LEVELS = [2, 2, 3, 2, 4, 2, 5, 1];
  const DOTNET_READ = ['INFO', 'INFO', 'WARN', 'INFO', 'ERROR', 'INFO', 'FATAL', 'DEBUG'];

  it(".NET's level numbers under a plain key are read on .NET's scale where .NET's fields stand beside them", () => {
    assert.deepEqual(levelsOf(DOTNET_LEVELS.map((l, i) => dotnet(i, l, `m${i}`))), DOTNET_READ);
    assert.deepEqual(levelsOf(DOTNET_LEVELS.map((l, i) => serilogNumber(i, l, `m${i}`))), DOTNET_READ);
    // Without them the numbers alone decide, as before: a 5 makes the file syslog's.
    assert.deepEqual(levelsOf(DOTNET_LEVELS.map((l, i) => JSON.stringify({ time: at(i), level: l, msg: `m${i}` }))), ['FATAL', 'FATAL', 'ERROR', 'FATAL', 'WARN', 'FATAL', 'INFO', 'FATAL']);
    // pino's and Nextcloud's stay theirs.
    assert.deepEqual(levelsOf([30, 30, 50, 60].map((n, i) => JSON.stringify({ level: n, time: Date.now() - 60_000 + i, msg: `m${i}`, Category: 'x' }))), ['INFO', 'INFO', 'ERROR', 'FATAL']);
    assert.deepEqual(levelsOf(NEXTCLOUD), ['INFO', 'WARN', 'ERROR', 'FATAL', 'DEBUG']);
  });

  describe('through the tools', () => {
    let dir = '';
    let server: StartedServer;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'logs-numeric-'));
      writeFileSync(join(dir, 'nextcloud.log'), NEXTCLOUD.join('\n') + '\n');
      writeFileSync(join(dir, 'unsure.log'), [3, 3, 3, 2, 4].map((l, i) => nextcloud(i, l, `m${i}`)).join('\n') + '\n');
      writeFileSync(join(dir, 'shop.json'), DOTNET_LEVELS.map((l, i) => dotnet(i, l, `m${i}`)).join('\n') + '\n');
      server = await startBuiltServer('logs', { LOG_DIRS: dir, LOG_JOURNAL: 'off', LOG_DOCKER: 'off' });
    });
    after(async () => {
      await server?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('error_summary counts Nextcloud\'s one error and one fatal, not the login', async () => {
      const result = (await server.client.callTool({ name: 'error_summary', arguments: { file: 'nextcloud.log', hours: 1 } })) as CallToolResult;
      assert.ok(!result.isError, JSON.stringify(result.content));
      const data = result.structuredContent as Data;
      assert.equal(data.totalErrors, 2, JSON.stringify(data));
      const templates = (data.groups as Data[]).map((g) => `${g.levels.join('/')} ${g.template}`).join('\n');
      assert.doesNotMatch(templates, /Login|host|debug/);
    });

    it('error_summary counts the .NET log\'s error and critical entry, not its Information lines', async () => {
      const result = (await server.client.callTool({ name: 'error_summary', arguments: { file: 'shop.json', hours: 1 } })) as CallToolResult;
      assert.ok(!result.isError, JSON.stringify(result.content));
      const data = result.structuredContent as Data;
      assert.equal(data.totalErrors, 2, JSON.stringify(data.groups));
    });

    it('error_summary says which lines\' levels it could not read, and why', async () => {
      const result = (await server.client.callTool({ name: 'error_summary', arguments: { file: 'unsure.log', hours: 1 } })) as CallToolResult;
      assert.ok(!result.isError, JSON.stringify(result.content));
      const data = result.structuredContent as Data;
      assert.equal(data.totalErrors, 3);
      assert.match((data.notes as string[]).join('\n'), /2 of 5 lines .*number in the key "level" \(values 2, 4\).*does not show which/);
    });

    it('search_logs at WARN returns the warning, the error and the fatal line', async () => {
      const result = (await server.client.callTool({ name: 'search_logs', arguments: { file: 'nextcloud.log', level: 'WARN', order: 'oldest' } })) as CallToolResult;
      assert.ok(!result.isError, JSON.stringify(result.content));
      const data = result.structuredContent as Data;
      assert.deepEqual((data.matches as Data[]).map((m) => [m.level, JSON.parse(m.text).message]), [
        ['WARN', 'Could not detect any host in https:///data/htdocs/occ'],
        ['ERROR', 'Uncaught exception: Doctrine\\DBAL\\Exception: Failed to connect to the database'],
        ['FATAL', 'Fatal: out of memory'],
      ]);
    });
  });
});
