// Windows event logs exported as CSV, as the server's own advice for an .evtx says (`Get-WinEvent … | Export-Csv`): a
// numeric `Level` (Windows' scale: 1 Critical, 2 Error, 3 Warning, 4 Information) beside `LevelDisplayName`. The
// numeric column was read on syslog's scale, so a Warning (3) counted as an error and an Error (2) as fatal; and Windows
// PowerShell 5.1's `#TYPE …` line before the header made the file no table at all (its errors uncounted). (break33)
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvColumns } from '../../../servers/logs/format/csv-columns';
import { createLineParser } from '../../../servers/logs/format/detect';
import { callStructured, startBuiltServer, type StartedServer } from '../../support/mcp-client';

const HEADER = '"Message","Id","Version","Qualifiers","Level","Task","Opcode","Keywords","RecordId","ProviderName","ProviderId","LogName","ProcessId","ThreadId","MachineName","UserId","TimeCreated","ContainerLog","ActivityId","RelatedActivityId","KeywordsDisplayNames","LevelDisplayName","OpcodeDisplayName","TaskDisplayName","Properties"';
const row = (message: string, id: number, level: number, provider: string, time: string, name: string) =>
  `"${message}","${id}","0","","${level}","0","0","-9223372036854775808","${id * 7}","${provider}","","System","4","${id}","web-01","","${time}","System","","","System.String[]","${name}","Info","","System.Collections.Generic.List\`1[System.Diagnostics.Eventing.Reader.EventProperty]"`;
const ROWS = [
  row('The Windows Update service entered the running state.', 7036, 4, 'Service Control Manager', '2026-12-04 15:00:00', 'Information'),
  row('Name resolution for the name wpad timed out after none of the configured DNS servers responded.', 1014, 3, 'Microsoft-Windows-DNS-Client', '2026-12-04 15:01:00', 'Warning'),
  row('The Print Spooler service terminated unexpectedly.', 7034, 2, 'Service Control Manager', '2026-12-04 15:02:00', 'Error'),
  row('The system has rebooted without cleanly shutting down first.', 41, 1, 'Microsoft-Windows-Kernel-Power', '2026-12-04 15:03:00', 'Critical'),
  row('The disk has a bad block.', 7, 2, 'disk', '2026-12-04 15:04:00', 'Error'),
];
const EXPORT = [HEADER, ...ROWS];
const TYPED = ['#TYPE System.Diagnostics.Eventing.Reader.EventLogRecord', ...EXPORT];

describe('logs: Windows event logs exported as CSV (Get-WinEvent | Export-Csv)', function () {
  this.timeout(120_000);
  let dir: string;
  let server: StartedServer;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'winevent-csv-'));
    writeFileSync(join(dir, 'system.csv'), `${EXPORT.join('\r\n')}\r\n`);
    writeFileSync(join(dir, 'system-ps51.csv'), `${TYPED.join('\r\n')}\r\n`);
    server = await startBuiltServer('logs', { LOG_DIRS: dir, LOG_JOURNAL: 'off', LOG_DOCKER: 'off' });
  });
  after(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads each row at the level its LevelDisplayName names, not the number on syslog\'s scale', () => {
    assert.equal(csvColumns(EXPORT)?.level, 21);
    const parser = createLineParser(EXPORT);
    assert.deepEqual(ROWS.map((line) => parser.parse(line).level), ['INFO', 'WARN', 'ERROR', 'FATAL', 'ERROR']);
  });

  it("reads Windows PowerShell 5.1's export, whose #TYPE line comes before the header, as the same table", () => {
    const columns = csvColumns(TYPED);
    assert.equal(columns?.level, 21);
    assert.equal(columns?.preamble, TYPED[0]);
    const parser = createLineParser(TYPED);
    assert.equal(parser.parse(TYPED[0]).directive, true);
    assert.deepEqual(ROWS.map((line) => parser.parse(line).level), ['INFO', 'WARN', 'ERROR', 'FATAL', 'ERROR']);
  });

  it('error_summary counts the Error and Critical events of both exports, and no Warning', async () => {
    for (const file of ['system.csv', 'system-ps51.csv']) {
      const summary = await callStructured(server.client, 'error_summary', { file, wholeFile: true });
      assert.equal(summary.totalErrors, 3, `${file}: ${JSON.stringify(summary).slice(0, 800)}`);
      assert.equal((summary.files as { linesWithoutLevel?: number }[])[0].linesWithoutLevel, undefined, file);
      const warnings = await callStructured(server.client, 'search_logs', { file, pattern: 'timed out', level: 'WARN' });
      assert.equal(warnings.totalMatches, 1, file);
    }
  });
});
