// A false "no log files found" (fmt30): `.csv` was no log's name, so a folder of PostgreSQL csvlogs
// (`postgresql-%Y-%m-%d_%H%M%S.csv`, its default name) answered that no log was there; binary logs (`.evtx`, wtmp) and
// every other file were passed over in silence. Every file a folder holds is now read or named with why: a `.csv` is
// listed when its start reads as a log (a level or a time column), else named as a data table; a binary log is named
// with the tool that reads it; any other file is counted when nothing was found. Real files, the listing, the built server.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { binaryLogOf } from '../../../servers/logs/files/binary-logs';
import { holdsLog } from '../../../servers/logs/files/document-names';
import { isLogFileName, listLogFiles, prepareDirs } from '../../../servers/logs/files/log-files';
import { csvTimeColumn } from '../../../servers/logs/format/csv-columns';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// PostgreSQL's csvlog: no header row, 26 columns, error_severity the 12th (LOG, ERROR, FATAL …).
const CSVLOG = [
  '2026-12-01 10:00:00.123 UTC,,,4242,,6568a1b0.1092,1,,2026-12-01 10:00:00 UTC,,0,LOG,00000,"database system is ready to accept connections",,,,,,,,,"","postmaster",,0',
  '2026-12-01 10:00:05.456 UTC,"shop","shop",4251,"10.0.0.7:51234",6568a1b5.109b,1,"SELECT",2026-12-01 10:00:05 UTC,3/14,0,ERROR,42P01,"relation ""orders"" does not exist",,,,,,"SELECT * FROM orders;",15,,"psql","client backend",,0',
  '2026-12-01 10:00:09.001 UTC,"shop","shop",4252,"10.0.0.7:51240",6568a1b9.109c,1,"authentication",2026-12-01 10:00:09 UTC,4/2,0,FATAL,28P01,"password authentication failed for user ""shop""",,,,,,,,,"psql","client backend",,0',
  '2026-12-01 10:00:12.000 UTC,,,4243,,6568a1b0.1093,2,,2026-12-01 10:00:00 UTC,,0,LOG,00000,"checkpoint starting: time",,,,,,,,,"","checkpointer",,0',
  '',
].join('\n');
// A log console's export: a header row naming a time column and no level one.
const TIMED_EXPORT = 'time,host,service,message\n2026-12-01T10:00:00Z,web-1,api,request served in 12 ms\n2026-12-01T10:00:01Z,web-1,api,upstream timed out after 30 s\n';
// A spreadsheet's export: dates without a clock, no level: a data table.
const SALES = 'date,product,quantity,price\n2026-12-01,widget,3,4.50\n2026-12-02,gadget,1,19.99\n2026-12-03,widget,7,4.50\n';

describe('logs: every file a folder holds is read or named (csv logs, binary logs, other files)', function () {
  this.timeout(120_000);
  let root: string;
  const servers: StartedServer[] = [];
  const start = async (dir: string) => {
    const server = await startBuiltServer('logs', { LOG_DIRS: dir, LOG_JOURNAL: 'off', LOG_DOCKER: 'off' });
    servers.push(server);
    return server;
  };

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'unread-names-'));
  });
  after(async () => {
    for (const server of servers) await server.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('names a user has for logs are log names; documents and code are not', () => {
    const logs = ['catalina.out', 'nohup.out', 'worker.err', 'app.trace', 'app.log.1', 'app.log.2.gz', 'access.log-20261201', 'messages', 'syslog', 'kern', 'cron',
      'mail.warn', 'ssl_access_log', 'ssl_request_log-20261201', 'current', '@400000006554a3c21f2b8c5c.s', 'events.jsonl', 'events.ndjson', 'Xorg.0.log.old', 'postgresql-2026-12-01_000000.csv'];
    assert.deepEqual(logs.filter((name) => !isLogFileName(name)), []);
    const notLogs = ['README.md', 'app.yaml', 'main.ts', 'logo.png', 'kernel.py', 'current.ts', 'cron.d', 'access_log.md', 'System.evtx'];
    assert.deepEqual(notLogs.filter((name) => isLogFileName(name)), []);
  });

  it('binary logs are told by their names, compressed or rotated too', () => {
    assert.match(binaryLogOf('System.evtx')?.read ?? '', /wevtutil/);
    assert.match(binaryLogOf('trace.etl')?.read ?? '', /tracerpt/);
    assert.match(binaryLogOf('system@0005f1-0000.journal~')?.read ?? '', /LOG_JOURNAL_DIRS/);
    for (const name of ['wtmp', 'btmp.1', 'btmp-20261201.gz', 'wtmp.1.gz']) assert.match(binaryLogOf(name)?.read ?? '', /last/, name);
    for (const name of ['app.log', 'wtmp.txt', 'journal.log']) assert.equal(binaryLogOf(name), undefined, name);
  });

  it('a .csv is a log by a level or a time column, a data table is not', async () => {
    const dir = join(root, 'peek');
    mkdirSync(dir);
    const files: Record<string, [string, boolean]> = {
      'postgresql-2026-12-01_000000.csv': [CSVLOG, true],
      'export.csv': ['timestamp,severity,host,message\n2026-12-01T10:00:00Z,ERROR,web-1,disk full\n2026-12-01T10:00:01Z,INFO,web-1,retry\n', true],
      'console.csv': [TIMED_EXPORT, true],
      'sales.csv': [SALES, false],
      'people.csv': ['name,city,age,email\nAda,London,36,ada@example.com\nAlan,Wilmslow,41,alan@example.com\n', false],
      'notes.csv': ['just a line, with a comma\n', false],
    };
    for (const [name, [text, log]] of Object.entries(files)) {
      writeFileSync(join(dir, name), text);
      assert.equal(await holdsLog(join(dir, name)), log, name);
    }
    // A headerless table's time column holds a clock time on every row; a date alone is a value.
    assert.equal(csvTimeColumn(CSVLOG.split('\n')), 0);
    assert.equal(csvTimeColumn(SALES.split('\n').slice(1)), undefined);
  });

  it('a data table in a folder named for logs is no log: its columns decide, not its folder', async () => {
    const dir = join(root, 'app-logs');
    mkdirSync(join(dir, 'exports'), { recursive: true });
    writeFileSync(join(dir, 'sales.csv'), SALES);
    writeFileSync(join(dir, 'exports', 'people.tsv'), 'name\tcity\tage\nAda\tLondon\t36\nAlan\tWilmslow\t41\n');
    writeFileSync(join(dir, 'postgresql-2026-12-01_000000.csv'), CSVLOG);
    writeFileSync(join(dir, 'run.txt'), 'compiling\nlinking\n');
    assert.equal(await holdsLog(join(dir, 'sales.csv'), root), false);
    assert.equal(await holdsLog(join(dir, 'exports', 'people.tsv'), root), false);
    assert.equal(await holdsLog(join(dir, 'postgresql-2026-12-01_000000.csv'), root), true);
    // A text file there is still a log by its folder: a console saved as text has no columns to tell it by.
    assert.equal(await holdsLog(join(dir, 'run.txt'), root), true);
    const listing = await listLogFiles(await prepareDirs([dir]));
    assert.deepEqual(listing.files.map((f) => f.name).sort(), ['postgresql-2026-12-01_000000.csv', 'run.txt']);
  });

  it('error_summary over a folder of PostgreSQL csvlogs counts their errors (was "no log files found")', async () => {
    const dir = join(root, 'pg_log');
    mkdirSync(dir);
    writeFileSync(join(dir, 'postgresql-2026-12-01_000000.csv'), CSVLOG);
    const server = await start(dir);
    const result = (await server.client.callTool({ name: 'error_summary', arguments: { wholeFile: true } })) as CallToolResult;
    assert.ok(!result.isError, JSON.stringify(result.content));
    const body = result.structuredContent as Data;
    assert.equal(body.totalErrors, 2, JSON.stringify(body));
  });

  it('a folder of binary logs and other files says what it holds and how to read them', async () => {
    const dir = join(root, 'collected');
    mkdirSync(dir);
    writeFileSync(join(dir, 'System.evtx'), Buffer.from('ElfFile\0binary'));
    writeFileSync(join(dir, 'btmp'), Buffer.alloc(384));
    writeFileSync(join(dir, 'README.md'), '# collected from host-7\n');
    writeFileSync(join(dir, 'sales.csv'), SALES);
    const server = await start(dir);
    const result = (await server.client.callTool({ name: 'error_summary', arguments: { wholeFile: true } })) as CallToolResult;
    assert.equal(result.isError, true);
    const text = (result.content as { text: string }[]).map((c) => c.text).join('\n');
    assert.match(text, /no log files found/);
    assert.match(text, /2 log file\(s\) in a binary format this server does not read \(btmp, System\.evtx\).*last -f.*wevtutil/);
    assert.match(text, /1 \.csv\/\.tsv file\(s\) whose first lines read as a data table, not a log \(no column of levels or of entry times\) \(sales\.csv\)/);
    assert.match(text, /1 other file\(s\) whose names are not a log's \(README\.md\)/);
    const read = await server.client.readResource({ uri: 'logs://files' });
    const body = JSON.parse(String((read.contents[0] as { text: string }).text)) as Data;
    assert.deepEqual(body.binaryLogs.names, ['btmp', 'System.evtx']);
    assert.deepEqual(body.otherFiles.names, ['README.md']);
    assert.deepEqual(body.tables.names, ['sales.csv']);
    assert.match(body.tables.note, /data table/);
  });

  it('"no errors" beside a binary log names it; errors found do not', async () => {
    const dir = join(root, 'mixed');
    mkdirSync(dir);
    writeFileSync(join(dir, 'app.log'), '2026-12-01 10:00:00 INFO started\n');
    writeFileSync(join(dir, 'Application.evtx'), Buffer.from('ElfFile\0binary'));
    const server = await start(dir);
    const result = (await server.client.callTool({ name: 'error_summary', arguments: { wholeFile: true } })) as CallToolResult;
    const body = result.structuredContent as Data;
    assert.equal(body.totalErrors ?? 0, 0, JSON.stringify(body));
    assert.ok(body.notes.some((n: string) => /^not read: 1 log file\(s\) in a binary format .*Application\.evtx/.test(n)), JSON.stringify(body.notes));
    writeFileSync(join(dir, 'app.log'), '2026-12-01 10:00:00 ERROR payment failed\n');
    const again = (await server.client.callTool({ name: 'error_summary', arguments: { wholeFile: true } })) as CallToolResult;
    const found = again.structuredContent as Data;
    assert.equal(found.totalErrors, 1, JSON.stringify(found));
    assert.ok(!found.notes.some((n: string) => /binary format/.test(n)), JSON.stringify(found.notes));
  });

  it('the listing of a folder of log names and others: the logs listed, the rest counted', async () => {
    const dir = join(root, 'var-log');
    mkdirSync(dir);
    for (const name of ['syslog', 'kern', 'cron', 'catalina.out', 'app.trace', 'Xorg.0.log.old', 'ssl_access_log']) writeFileSync(join(dir, name), '2026-12-01 10:00:00 INFO ok\n');
    writeFileSync(join(dir, 'wtmp'), Buffer.alloc(384));
    writeFileSync(join(dir, 'logrotate.conf'), 'weekly\n');
    const listing = await listLogFiles(await prepareDirs([dir]));
    assert.deepEqual(listing.files.map((f) => f.name).sort(), ['Xorg.0.log.old', 'app.trace', 'catalina.out', 'cron', 'kern', 'ssl_access_log', 'syslog']);
    assert.deepEqual(listing.binaryLogs?.names, ['wtmp']);
    assert.deepEqual(listing.otherFiles?.names, ['logrotate.conf']);
  });
});
