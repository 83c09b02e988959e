// Level spellings and dates the reader missed (levels21), each checked against its program's own source or documents:
// Nim's chronicles writes its levels in three letters (`TRC DBG INF NOT WRN ERR FAT`, `NTC` for NOT in its newer versions), and
// `NOT` and `FAT` were no levels (a chronicles FATAL was no error at all); they are read in upper case only, as `not`
// and `fat` are words. ModemManager marks its levels `<err> <wrn> <msg> <inf> <dbg>` (mm-log.c), `<msg>` being its
// MESSAGE level, which it logs to syslog as NOTICE: those lines had no level. java.util.logging's SimpleFormatter before
// Java 7 wrote the locale's medium date (`{0,date} {0,time}`): day first in French (`2 déc. 2026 13:02:03`), which was
// no time, so its two-line entries were not seen as such and their `GRAVE:` (SEVERE) lines were no errors.
import assert from 'node:assert/strict';
import { parserFor } from '../../../servers/logs/format/parser';
import { normalizeLevel } from '../../../servers/logs/format/levels';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startBuiltServer } from '../../support/mcp-client';

const parserOf = (lines: string[]) => parserFor(Buffer.from(lines.join('\n') + '\n'), true, Date.parse('2026-12-02T12:00:00Z'));
const levelsOf = (lines: string[]) => {
  const parser = parserOf(lines);
  return lines.map((line) => parser.parse(line).level);
};

describe('logs: level spellings read from their programs\' own forms', () => {
  it("chronicles' textlines: TRC, NOT/NTC and FAT beside INF, WRN, ERR", () => {
    const lines = [
      'INF 2026-12-02 10:00:01.285+00:00 Starting beacon node                        topics="beacnde" tid=1 version=v24.1.0',
      'TRC 2026-12-02 10:00:01.300+00:00 Peer connected                              topics="networking" peer=16U*abc',
      'NOT 2026-12-02 10:00:02.285+00:00 Reached new finalization checkpoint         topics="chaindag" tid=18446 file=blockchain_dag.nim:1071',
      'NTC 2026-12-02 10:00:03.285+00:00 Reached new finalization checkpoint         topics="chaindag" tid=18446',
      'WRN 2026-12-02 10:00:04.285+00:00 Peer count low                              topics="networking" wanted=160 have=12',
      'ERR 2026-12-02 10:00:05.285+00:00 Failed to send attestation                  topics="beacval" err="timeout"',
      'FAT 2026-12-02 10:00:06.285+00:00 Database corrupted, cannot continue         topics="beacnde" tid=1',
      'INF 2026-12-02 10:00:07.285+00:00 Stopping                                    topics="beacnde" tid=1',
    ];
    assert.deepEqual(levelsOf(lines), ['INFO', 'TRACE', 'INFO', 'INFO', 'WARN', 'ERROR', 'FATAL', 'INFO']);
    // Its JSON sink writes the same letters under `lvl`.
    const json = ['INF', 'NOT', 'FAT'].map((lvl, i) => JSON.stringify({ lvl, ts: `2026-12-02 10:00:0${i}.000+00:00`, msg: `event ${i}`, topics: 'beacnde' }));
    assert.deepEqual(levelsOf(json), ['INFO', 'INFO', 'FATAL']);
  });

  it("ModemManager's `<msg>` is a notice (INFO), beside `<err>`, `<wrn>`, `<inf>`, `<dbg>`; `msg` elsewhere is no level", () => {
    const lines = ['dbg', 'msg', 'inf', 'wrn', 'err', 'msg', 'dbg'].map((mark, i) => `ModemManager[41257]: <${mark}> [17310194${51 + i}.994355] [modem0] 3GPP registration state changed (idle -> unknown)`);
    assert.deepEqual(levelsOf(lines), ['DEBUG', 'INFO', 'INFO', 'WARN', 'ERROR', 'INFO', 'DEBUG']);
    const syslog = ['Dec  2 10:00:01 host ModemManager[2234]: <msg> [1719412473.190084] [modem0] state changed (enabling -> enabled)', 'Dec  2 10:00:02 host ModemManager[2234]: <wrn> [1719412473.190676] [modem0] couldn\'t load SIM'];
    assert.deepEqual(levelsOf(syslog), ['INFO', 'WARN']);
    assert.equal(normalizeLevel('msg'), undefined);
    const prose = ['2026-12-02 10:00:01 INFO started', '2026-12-02 10:00:02 INFO ready', '2026-12-02 10:00:03 msg: hello from the queue'];
    assert.deepEqual(levelsOf(prose), ['INFO', 'INFO', undefined]);
  });

  it("java.util.logging's day-first localized date (`2 déc. 2026 13:02:03`) is a time, and its entries' levels are read", () => {
    const lines = [
      '2 déc. 2026 13:02:03 org.apache.catalina.core.StandardService startInternal',
      'INFO: Démarrage du service Catalina',
      '2 déc. 2026 13:02:04 org.apache.catalina.core.StandardContext start',
      'GRAVE: Erreur de démarrage du contexte [/app]',
      '2 déc. 2026 13:02:05 org.apache.catalina.startup.HostConfig deployWAR',
      'AVERTISSEMENT: Le déploiement de [/app.war] a pris 12 000 ms',
      '12 déc. 2026 13:02:06 org.apache.catalina.startup.Catalina start',
      'INFO: Le serveur a démarré en 1234 ms',
    ];
    const parser = parserOf(lines);
    const parsed = lines.map((line) => parser.parse(line));
    const at = (day: number, second: number) => new Date(2026, 11, day, 13, 2, second).getTime();
    assert.deepEqual(parsed.map((p) => p.timestamp), [at(2, 3), undefined, at(2, 4), undefined, at(2, 5), undefined, at(12, 6), undefined]);
    assert.deepEqual(parsed.map((p) => p.level), [undefined, 'INFO', undefined, 'ERROR', undefined, 'WARN', undefined, 'INFO']);
    // The JDK's CLDR data puts a comma before the time; German's short month (`Dez.`) reads as well.
    const cldr = ['2 déc. 2026, 13:02:03 org.a.Server start', 'GRAVE: boom', '3 Dez. 2026 08:00:00 org.a.Server stop', 'SCHWERWIEGEND: boom'];
    const cldrParser = parserOf(cldr);
    assert.equal(cldrParser.parse(cldr[0]).timestamp, new Date(2026, 11, 2, 13, 2, 3).getTime());
    assert.equal(cldrParser.parse(cldr[2]).timestamp, new Date(2026, 11, 3, 8, 0, 0).getTime());
    // A time with a 12-hour mark after it is no 24-hour time: unread, never 12 hours off.
    const twelve = ['2 déc. 2026 1:02:03 PM org.a.Server start', 'GRAVE: boom', '2 déc. 2026 1:02:04 PM org.a.Server stop', 'GRAVE: boom'];
    assert.equal(parserOf(twelve).parse(twelve[0]).timestamp, undefined);
  });

  // levels22: java.util.logging's numeric dates in the JVM's locale (`{0,date}` in a day-first locale: `1/12/2026`,
  // `01.12.2026`) above its level line in that locale's language. A dotted date is day first in every locale; a
  // slashed one whose parts are both 12 or less was no time at all, the two-line layout went unrecognised, and
  // `GRAVE:` was no level either.
  it("java.util.logging's numeric dates: dotted ones day first, slashed ones day first where the level names' language writes them so, else no time and a reason", () => {
    const at = (day: number, minute: number) => new Date(2026, 11, day, 13, minute, 3).getTime();
    const spanish = [
      '1/12/2026 13:02:03 org.apache.catalina.startup.Catalina start',
      'INFORMACIÓN: Server startup in 1234 ms',
      '2/12/2026 13:05:03 org.apache.catalina.core.StandardWrapperValve invoke',
      'GRAVE: Servlet.service() para el servlet [jsp] lanzó una excepción',
      '2/12/2026 13:06:03 org.apache.catalina.core.StandardContext reload',
      'ADVERTENCIA: Recargando el contexto',
    ];
    const es = parserOf(spanish);
    assert.deepEqual(spanish.map((l) => es.parse(l).timestamp), [at(1, 2), undefined, at(2, 5), undefined, at(2, 6), undefined]);
    assert.deepEqual(spanish.map((l) => es.parse(l).level), [undefined, 'INFO', undefined, 'ERROR', undefined, 'WARN']);
    assert.equal(es.undecidedDate, undefined);
    const german = ['01.12.2026 13:02:03 org.a.Server start', 'INFORMATION: gestartet', '02.12.2026 13:05:03 org.a.Server invoke', 'SCHWERWIEGEND: Ausnahme', '02.12.2026 13:06:03 org.a.Server reload', 'WARNUNG: neu laden'];
    const de = parserOf(german);
    assert.deepEqual(german.map((l) => [de.parse(l).timestamp, de.parse(l).level]), [[at(1, 2), undefined], [undefined, 'INFO'], [at(2, 5), undefined], [undefined, 'ERROR'], [at(2, 6), undefined], [undefined, 'WARN']]);
    // English names tell no order (en-US writes month first, en-GB day first): no time, and the parser says which date.
    const english = spanish.map((l) => l.replace('INFORMACIÓN', 'INFO').replace('GRAVE', 'SEVERE').replace('ADVERTENCIA', 'WARNING'));
    const en = parserOf(english);
    assert.deepEqual(english.map((l) => en.parse(l).timestamp), english.map(() => undefined));
    assert.equal(en.undecidedDate, '1/12/2026');
    // A part above 12 still tells the order whatever the language.
    const told = parserOf([...english, '13/12/2026 13:07:03 org.a.Server stop', 'INFO: stopped']);
    assert.equal(told.parse(english[0]).timestamp, at(1, 2));
    assert.equal(told.undecidedDate, undefined);
  });

  it('error_summary with a window says why dates of an undecided order give no time', async function () {
    this.timeout(60_000);
    const dir = mkdtempSync(join(tmpdir(), 'logs-undecided-dates-'));
    const server = await startBuiltServer('logs', { LOG_DIRS: dir, LOG_JOURNAL: 'off', LOG_DOCKER: 'off' });
    try {
      writeFileSync(join(dir, 'catalina.log'), ['1/12/2026 13:02:03 org.a.Server start', 'INFO: started', '2/12/2026 13:05:03 org.a.Server invoke', 'SEVERE: boom'].join('\n') + '\n');
      const result = (await server.client.callTool({ name: 'error_summary', arguments: { file: 'catalina.log', hours: 24 } })) as CallToolResult;
      assert.ok(!result.isError, JSON.stringify(result.content));
      const notes = ((result.structuredContent as { notes: string[] }).notes ?? []).join('\n');
      assert.match(notes, /catalina\.log: dates such as 1\/12\/2026 read as day\/month and as month\/day alike/);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads them in upper case only: `not` and `fat` in lower or mixed case are words', () => {
    assert.equal(normalizeLevel('NOT'), 'INFO');
    assert.equal(normalizeLevel('FAT'), 'FATAL');
    for (const word of ['not', 'Not', 'fat', 'Fat', 'trc']) assert.equal(normalizeLevel(word), undefined, word);
    const prose = ['2026-12-02 10:00:01 INFO started', '2026-12-02 10:00:02 INFO ready', '2026-12-02 10:00:03 not ready yet', '2026-12-02 10:00:04 FAT32 volume mounted'];
    assert.deepEqual(levelsOf(prose), ['INFO', 'INFO', undefined, undefined]);
  });
});
