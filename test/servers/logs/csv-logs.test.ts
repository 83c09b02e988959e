// CSV logs a user writes or exports, as break30 found them misread: a 3-column `timestamp,level,message`, a semicolon
// or tab separated one, a header in Korean (`시간,호스트,수준,메시지`), a row with a 300 KB cell were "a data table, not a
// log"; a PostgreSQL csvlog row whose quoted message spans lines was no error, a file of mostly such rows "format not
// recognised", and short messages (`e42`) lost their column to `backend_type`; a csvlog's header row matched a search for
// `error`; error_summary said nothing of the tables it left out when it found errors elsewhere; a binary log named as
// `file` was read as text. A log is told by its columns' content (a column of level words, of entry times, of free
// text), whatever its header's language; the neighbours that are no logs stay data tables.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { holdsLog } from '../../../servers/logs/files/document-names';
import { csvColumns } from '../../../servers/logs/format/csv-columns';
import { createLineParser } from '../../../servers/logs/format/detect';
import { callStructured, startBuiltServer, type StartedServer } from '../../support/mcp-client';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A csvlog row (PostgreSQL's 26 columns): `message` is written quoted, its line breaks kept. */
const pgRow = (second: number, severity: string, state: string, message: string, backend = 'client backend') =>
  `2026-12-01 10:00:${String(second).padStart(2, '0')}.000 UTC,"shop","shop",4251,"10.0.0.7:51234",6568a1b5.109b,${second},"SELECT",2026-12-01 09:00:00 UTC,3/14,0,${severity},${state},"${message.replace(/"/g, '""')}",,,,,,,,,"psql","${backend}",,0`;

const LOGS: Record<string, string> = {
  'three.csv': 'timestamp,level,message\n2026-12-01T10:00:00Z,INFO,started\n2026-12-01T10:00:01Z,ERROR,disk full on /var\n2026-12-01T10:00:02Z,INFO,ok\n',
  'semicolons.csv': 'timestamp;level;host;message\n2026-12-01T10:00:00Z;INFO;web-1;started\n2026-12-01T10:00:01Z;ERROR;web-1;disk full on /var\n2026-12-01T10:00:02Z;INFO;web-1;ok\n',
  'tabs.csv': 'timestamp\tlevel\thost\tmessage\n2026-12-01T10:00:00Z\tINFO\tweb-1\tstarted\n2026-12-01T10:00:01Z\tERROR\tweb-1\tdisk full on /var\n2026-12-01T10:00:02Z\tINFO\tweb-1\tok\n',
  'korean.csv': '시간,호스트,수준,메시지\n2026-12-01 10:00:00,web-1,INFO,서비스 시작됨\n2026-12-01 10:00:01,web-1,ERROR,디스크가 가득 찼습니다\n2026-12-01 10:00:02,web-1,INFO,정상\n',
  // Its first row's message is longer than the start read to tell a log from a table.
  'long-cell.csv': `timestamp,level,host,message\n2026-12-01T10:00:00Z,ERROR,web-1,"${'stack frame '.repeat(25_000)}"\n2026-12-01T10:00:01Z,ERROR,web-1,disk full\n`,
  // Most rows span lines: a record is a row, however many lines it takes.
  'postgresql-2026-12-01_000000.csv': [
    pgRow(0, 'LOG', '00000', 'database system is ready'),
    pgRow(1, 'ERROR', '42601', 'syntax error at or near "FROM"\nLINE 2: FROM FROM orders\n        ^'),
    pgRow(2, 'ERROR', '40P01', 'deadlock detected\nProcess 4251 waits for ShareLock'),
    pgRow(3, 'FATAL', '57P01', 'terminating connection\ndue to administrator command'),
    pgRow(4, 'LOG', '00000', 'checkpoint starting:\ntime'),
  ].join('\n') + '\n',
};

/** Tables that are no logs: no column of level words nor of entry times, whatever their separator or header. */
const TABLES: Record<string, string> = {
  'people.csv': 'name,city,age\nAda,London,36\nAlan,Wilmslow,41\n',
  'sales.csv': 'date;product;quantity\n2026-12-01;widget;3\n2026-12-02;gadget;1\n',
  'korean-people.csv': '이름,도시,나이\n지민,서울,29\n서연,부산,34\n',
  'notes.csv': 'a sentence, with two commas, here\nanother one, again, here\n',
};

describe('logs: CSV logs told by their columns, binary logs named as file', function () {
  this.timeout(120_000);
  let root: string;
  const servers: StartedServer[] = [];
  const start = async (dir: string) => {
    const server = await startBuiltServer('logs', { LOG_DIRS: dir, LOG_JOURNAL: 'off', LOG_DOCKER: 'off' });
    servers.push(server);
    return server;
  };
  const write = (dir: string, files: Record<string, string | Buffer>) => {
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  };

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'csv-logs-'));
  });
  after(async () => {
    for (const server of servers) await server.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('a .csv is a log by a column of levels or of times in any layout and language; a table of neither is not', async () => {
    const dir = write(join(root, 'peek'), { ...LOGS, ...TABLES });
    for (const name of Object.keys(LOGS)) assert.equal(await holdsLog(join(dir, name)), true, name);
    for (const name of Object.keys(TABLES)) assert.equal(await holdsLog(join(dir, name)), false, name);
  });

  it('reads the level, time and message columns by their content', () => {
    const lines = (name: string) => LOGS[name].split('\n').filter(Boolean);
    assert.deepEqual(csvColumns(lines('three.csv')), { cells: 3, delimiter: ',', level: 1, time: 0, message: 2, header: 'timestamp,level,message' });
    assert.deepEqual(csvColumns(lines('semicolons.csv'))?.delimiter, ';');
    assert.deepEqual(csvColumns(lines('tabs.csv'))?.delimiter, '\t');
    assert.deepEqual(csvColumns(lines('korean.csv')), { cells: 4, delimiter: ',', level: 2, time: 0, message: 3, header: '시간,호스트,수준,메시지' });
    // A headerless first row of words is a row, not a header: its level counts.
    const rows = ['INFO,web-1,service started', 'ERROR,web-1,disk full on /var', 'INFO,web-2,request served'];
    assert.deepEqual(csvColumns(rows), { cells: 3, delimiter: ',', level: 0, message: 2 });
    assert.deepEqual(rows.map((line) => createLineParser(rows).parse(line).level), ['INFO', 'ERROR', 'INFO']);
    // A neighbour: a level word in a message column of prose is no level column.
    assert.equal(csvColumns(['1,alpha,error in the disk', '2,beta,all fine here', '3,gamma,warning given']), undefined);
  });

  it("a csvlog's message column is its varying text, not a repeated word nor a one-length code", () => {
    const short = [pgRow(0, 'ERROR', '42P01', 'x1'), pgRow(1, 'ERROR', '42601', 'e42'), pgRow(2, 'LOG', '00000', 'ok 3'), pgRow(3, 'FATAL', '57P01', 'no 4')];
    assert.equal(csvColumns(short)?.message, 13);
    assert.equal(createLineParser(short).parse(short[1]).message, 'e42');
    // Messages of prose beside the same backend: the prose still.
    const prose = [pgRow(0, 'LOG', '00000', 'database system is ready'), pgRow(1, 'ERROR', '42P01', 'relation "orders" does not exist')];
    assert.equal(csvColumns(prose)?.message, 13);
  });

  it("a row's first line is read as far as it goes when its quoted message goes on", () => {
    const sample = LOGS['postgresql-2026-12-01_000000.csv'].split('\n');
    const parser = createLineParser(sample, { referenceTime: Date.UTC(2026, 11, 2) });
    const first = parser.parse(sample[1]);
    assert.equal(first.level, 'ERROR');
    assert.equal(first.timestamp, Date.UTC(2026, 11, 1, 10, 0, 1));
    assert.equal(first.message, 'syntax error at or near "FROM"');
    // Its later lines are no rows: no level of their own.
    assert.equal(parser.parse(sample[2]).level, undefined);
    assert.equal(parser.parse('        ^",,,,,,,,,"psql","client backend",,0').level, undefined);
  });

  it('error_summary counts the errors of each such log, and a csvlog of rows over lines has no format note', async () => {
    const server = await start(write(join(root, 'logs'), LOGS));
    const expected: Record<string, number> = { 'three.csv': 1, 'semicolons.csv': 1, 'tabs.csv': 1, 'korean.csv': 1, 'long-cell.csv': 2, 'postgresql-2026-12-01_000000.csv': 3 };
    for (const [file, errors] of Object.entries(expected)) {
      const summary = await callStructured(server.client, 'error_summary', { file, wholeFile: true });
      assert.equal(summary.totalErrors, errors, `${file}: ${JSON.stringify(summary).slice(0, 600)}`);
      assert.deepEqual(summary.notes, [], file);
    }
    const all = await callStructured(server.client, 'error_summary', { wholeFile: true });
    assert.equal(all.totalErrors, 9, JSON.stringify(all.files));
  });

  it("a csvlog's header row is no match of a search", async () => {
    const header = 'log_time,user_name,database_name,process_id,connection_from,session_id,session_line_num,command_tag,session_start_time,virtual_transaction_id,transaction_id,error_severity,sql_state_code,message,detail,hint,internal_query,internal_query_pos,context,query,query_pos,location,application_name,backend_type,leader_pid,query_id';
    const server = await start(write(join(root, 'pg-header'), { 'postgresql.csv': [header, pgRow(0, 'LOG', '00000', 'ready'), pgRow(1, 'ERROR', '42P01', 'relation "orders" does not exist')].join('\n') + '\n' }));
    const found = await callStructured(server.client, 'search_logs', { pattern: 'error', file: 'postgresql.csv' });
    assert.deepEqual((found.matches as Data[]).map((m) => m.line), [3]);
    // Nor a template of its events (break33: log_patterns listed the header row as an event of its own).
    const patterns = await callStructured(server.client, 'log_patterns', { file: 'postgresql.csv' });
    assert.equal(patterns.templateCount, 2, JSON.stringify(patterns.templates));
    assert.ok(!(patterns.templates as { template: string }[]).some((t) => t.template.includes('log_time')), JSON.stringify(patterns.templates));
  });

  it('error_summary and search_logs name the tables they left out, errors found elsewhere or not', async () => {
    const server = await start(write(join(root, 'mixed'), { 'app.log': '2026-12-01 10:00:00 ERROR payment failed\n', 'people.csv': TABLES['people.csv'] }));
    const table = /^not (?:read|searched): 1 \.csv\/\.tsv file\(s\) whose first lines read as a data table, not a log .*\(people\.csv\).*name one as `file` to read it/;
    const summary = await callStructured(server.client, 'error_summary', { wholeFile: true });
    assert.equal(summary.totalErrors, 1);
    assert.ok(summary.notes.some((n) => table.test(n)), JSON.stringify(summary.notes));
    const found = await callStructured(server.client, 'search_logs', { pattern: 'payment' });
    assert.equal(found.totalMatches, 1);
    assert.ok(found.notes.some((n) => table.test(n)), JSON.stringify(found.notes));
  });

  it('a binary log named as file is named with how to read it, not read as text', async () => {
    const server = await start(
      write(join(root, 'binary'), {
        'app.log': '2026-12-01 10:00:00 INFO ok\n',
        'Application.evtx': Buffer.from('ElfFile\0\0\0\0\x01\x02binary'),
        wtmp: Buffer.alloc(384),
        'system.journal': Buffer.from('LPKSHHRH\0\0\0\0'),
        'btmp.1.gz': Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
      }),
    );
    const how: Record<string, RegExp> = { 'Application.evtx': /Windows event log.*wevtutil/, wtmp: /login records.*last -f/, 'system.journal': /systemd journal.*LOG_JOURNAL_DIRS/, 'btmp.1.gz': /login records.*lastb -f/ };
    for (const [file, read] of Object.entries(how)) {
      for (const [tool, args] of [['error_summary', { file, wholeFile: true }], ['search_logs', { pattern: 'error', file }], ['recent_logs', { file }]] as const) {
        const result = (await server.client.callTool({ name: tool, arguments: args })) as CallToolResult;
        const text = (result.content as { text: string }[]).map((c) => c.text).join('\n');
        assert.equal(result.isError, true, `${tool} ${file}: ${text}`);
        assert.match(text, new RegExp(`^${file.replace('.', '\\.')} is in a binary format this server does not read as text`), `${tool} ${file}`);
        assert.match(text, read, `${tool} ${file}`);
      }
    }
  });
});
