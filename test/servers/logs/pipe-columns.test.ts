// Header columns written with `|` between them past the fields the header reader knows (format/pipe-columns.ts): cut
// where every line of the file's header form leaves them, kept where a line's own text is what holds a `|`.
import assert from 'node:assert/strict';
import { createLineParser } from '../../../servers/logs/format/detect';
import { withPipeColumns } from '../../../servers/logs/format/pipe-columns';
import type { ParsedLine } from '../../../servers/logs/format/types';

const REFERENCE = { referenceTime: Date.UTC(2026, 10, 30) };

describe('pipe-separated header columns', () => {
  it('Karaf: thread, logger and bundle columns after `time | LEVEL |` are cut, the message\'s own `|` kept', () => {
    // Made-up lines of Karaf's `%d | %-5.5p | %-16.16t | %-32.32c{1} | %X{bundle.id} - %X{bundle.name} - %X{bundle.version} | %m`.
    const lines = [
      '2024-05-03 13:48:07,202 | INFO  | pool-1-thread-3  | Indexer                          | 42 - org.example.search - 1.2.0 | Indexed 12 documents',
      '2024-05-03 13:48:08,117 | WARN  | pool-1-thread-1  | Scheduler                        | 40 - org.example.core - 1.2.0 | Job nightly | run skipped',
      '2024-05-03 13:48:09,001 | INFO  | pool-1-thread-3  | Indexer                          | 42 - org.example.search - 1.2.0 | Indexed 7 documents',
    ];
    const parser = createLineParser(lines, REFERENCE);
    assert.deepEqual(lines.map((line) => parser.parse(line).message), ['Indexed 12 documents', 'Job nightly | run skipped', 'Indexed 7 documents']);
    assert.equal(parser.parse(lines[1]).level, 'WARN');
  });

  it('TeamSpeak: an empty column counts, and Python\'s record closed by `|` loses its closing bar', () => {
    // TeamSpeak (batch 2): `time|LEVEL   |channel |id |message`, the id column often empty.
    const teamspeak = [
      '2018-02-25 19:53:36.370493|INFO    |ServerLibPriv |   |TeamSpeak 3 Server 3.1.0 (2018-02-13 11:45:47)',
      '2018-02-25 19:53:36.375409|INFO    |ServerLibPriv |   |Using hardware aes',
      '2018-02-25 19:53:36.482145|INFO    |VirtualServer |1  |listening on 0.0.0.0:9987',
    ];
    const parser = createLineParser(teamspeak, REFERENCE);
    assert.deepEqual(teamspeak.map((line) => parser.parse(line).message), ['TeamSpeak 3 Server 3.1.0 (2018-02-13 11:45:47)', 'Using hardware aes', 'listening on 0.0.0.0:9987']);
    // Bazarr (batch 12): `%(asctime)s|%(levelname)-8s|%(name)-32s|%(message)s|`.
    const bazarr = [
      '26/11/2018 21:49:14|DEBUG   |apscheduler.scheduler           |Looking for jobs to run|',
      '26/11/2018 21:49:14|DEBUG   |urllib3.connectionpool          |Starting new HTTP connection (1): 127.0.0.1:8989|',
      '26/11/2018 21:49:17|INFO    |apscheduler.scheduler           |Adding job tentatively|',
    ];
    const python = createLineParser(bazarr, REFERENCE);
    assert.deepEqual(bazarr.map((line) => python.parse(line).message), ['Looking for jobs to run', 'Starting new HTTP connection (1): 127.0.0.1:8989', 'Adding job tentatively']);
  });

  it('a level a cut column spells is the line\'s level', () => {
    // Tautulli (batch 4) writes `time | LEVEL | message` beside its tab-separated lines; where the header reader stops
    // at the time (a reader that reads only the time here), the level column is cut and read.
    const lines = ['2019-06-14 14:43:55 | DEBUG | Tautulli ActivityHandler :: Session 57 stopped.', '2019-06-14 14:43:56 | WARNING | Tautulli Users :: Unable to retrieve library'];
    const timeOnly = (line: string): ParsedLine => ({ timestamp: 0, message: line.slice(line.indexOf('|') + 2) });
    const parse = withPipeColumns(timeOnly, lines);
    assert.deepEqual(lines.map((line) => parse(line).message), ['Tautulli ActivityHandler :: Session 57 stopped.', 'Tautulli Users :: Unable to retrieve library']);
    assert.deepEqual(lines.map((line) => parse(line).level), ['DEBUG', 'WARN']);
    // One line of the form is no evidence.
    assert.equal(withPipeColumns(timeOnly, lines.slice(0, 1))(lines[0]).message, 'DEBUG | Tautulli ActivityHandler :: Session 57 stopped.');
  });

  it('a form whose lines do not all leave a column keeps its messages whole', () => {
    // Only some messages hold a `|` (a table row): no column of the header.
    const lines = ['2024-05-03 13:48:07 | INFO | name | size | owner', '2024-05-03 13:48:08 | INFO | Listed 3 files', '2024-05-03 13:48:09 | INFO | a.txt | 12 | root'];
    const parser = createLineParser(lines, REFERENCE);
    assert.deepEqual(lines.map((line) => parser.parse(line).message), ['name | size | owner', 'Listed 3 files', 'a.txt | 12 | root']);
    // A header without `|` leaves the `|` of its messages alone (SonarQube's `done | time=688ms`).
    const plain = ['2018.08.23 08:01:48 INFO  web[][o.s.s.e.IndexerStartupTask] Indexing of type [rules/activeRule] done | time=688ms', '2018.08.23 08:01:49 INFO  web[][o.s.s.e.IndexerStartupTask] Indexing of type [users/user] done | time=213ms'];
    const sonar = createLineParser(plain, REFERENCE);
    assert.ok(plain.every((line) => sonar.parse(line).message.endsWith('| time=688ms') || sonar.parse(line).message.endsWith('| time=213ms')));
  });

  // break31: a Markdown table logged row by row (`| web1 | down | 120ms |`) is a message that opens with `|`: when every
  // line of the form was one, each `|` was taken for a column and cut (error_summary grouped the rows as `<num>`); beside
  // Karaf's lines, its rows lost as many cells as Karaf has columns.
  it('a table row (a message opening with `|`) keeps its cells, alone or beside lines with columns', () => {
    const rows = [
      '2026-12-03 04:40:00.101 | INFO | | host | status | latency |',
      '2026-12-03 04:40:00.102 | INFO | |------|--------|---------|',
      '2026-12-03 04:40:00.103 | ERROR | | web1 | down | 120ms |',
      '2026-12-03 04:40:00.104 | ERROR | | web2 | down | 98ms |',
    ];
    const table = createLineParser(rows, REFERENCE);
    // The header reader takes the row's opening `|` for a separator: the cells are all there.
    assert.deepEqual(rows.map((line) => table.parse(line).message), ['host | status | latency |', '------|--------|---------|', 'web1 | down | 120ms |', 'web2 | down | 98ms |']);
    const karaf = [
      '2024-05-03 13:48:07,202 | INFO  | pool-1-thread-3  | Indexer                          | 42 - org.example.search - 1.2.0 | Indexed 12 documents',
      '2024-05-03 13:48:08,117 | INFO  | pool-1-thread-1  | Health                           | 40 - org.example.core - 1.2.0 | | node | state |',
      '2024-05-03 13:48:08,118 | INFO  | pool-1-thread-1  | Health                           | 40 - org.example.core - 1.2.0 | | db1 | up |',
      '2024-05-03 13:48:09,001 | INFO  | pool-1-thread-3  | Indexer                          | 42 - org.example.search - 1.2.0 | Indexed 7 documents',
    ];
    const mixed = createLineParser(karaf, REFERENCE);
    assert.deepEqual(karaf.map((line) => mixed.parse(line).message), ['Indexed 12 documents', '| node | state |', '| db1 | up |', 'Indexed 7 documents']);
  });
  // break32: the same table logged behind a header written with blanks (`<time> INFO | web1 | down | 120ms |`): the
  // header reader stops at the level, and every row's cells but the last were cut as columns (`120ms`, and an ERROR row
  // grouped as `-`).
  it('a table row behind a header written with blanks keeps its cells', () => {
    const rows = [
      '2024-01-01 10:00:00 INFO | host | status | latency |',
      '2024-01-01 10:00:00 INFO |------|--------|---------|',
      '2024-01-01 10:00:00 INFO | web1 | down | 120ms |',
      '2024-01-01 10:00:01 INFO | web2 | up | 12ms |',
      '2024-01-01 10:00:02 ERROR | db1 | down | - |',
    ];
    const table = createLineParser(rows, REFERENCE);
    assert.deepEqual(rows.map((line) => table.parse(line).message), ['host | status | latency |', '------|--------|---------|', 'web1 | down | 120ms |', 'web2 | up | 12ms |', 'db1 | down | - |']);
    // A header that writes its own `|` with no blank before (`<time>|thread|logger|message|`) is still cut.
    const python = ['2024-01-01 10:00:00|main|app.db|connected|', '2024-01-01 10:00:01|main|app.web|listening on 80|', '2024-01-01 10:00:02|worker-1|app.db|query took 3 ms|'];
    const closed = createLineParser(python, REFERENCE);
    assert.deepEqual(python.map((line) => closed.parse(line).message), ['connected', 'listening on 80', 'query took 3 ms']);
  });
});
