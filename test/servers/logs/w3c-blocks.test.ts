// An IIS (W3C extended) log gets a new block of directives when the site restarts or its logged fields change, and
// the new `#Fields:` may name other columns in another order. Read with the head's columns, a 200 whose time-taken
// was 500 ms counted as an error and the block's 503 and 500 answers were missed (break30). Each line is now read by
// the columns of the block it is in, on every path: the Node scan, ripgrep (which reads matched lines alone: such a
// file is not given to it), a time seek (which starts mid-file: not used on such a file), the tail read from the end,
// and log_patterns.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLineParser } from '../../../servers/logs/format/detect';
import { callStructured, startBuiltServer, type StartedServer } from '../../support/mcp-client';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** `YYYY-MM-DD HH:MM:SS` of `ms` in UTC. */
const utcWall = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
const directives = (ms: number, fields: string) => ['#Software: Microsoft Internet Information Services 10.0', '#Version: 1.0', `#Date: ${utcWall(ms)}`, `#Fields: ${fields}`];
const FIRST = 'date time s-ip cs-method cs-uri-stem cs-uri-query s-port c-ip sc-status sc-substatus sc-win32-status time-taken';
// After the restart: time-taken moved before sc-status, and sc-bytes added.
const SECOND = 'date time s-ip cs-method cs-uri-stem cs-uri-query s-port c-ip time-taken sc-status sc-substatus sc-win32-status sc-bytes';
const first = (ms: number, path: string, status: number, taken: number) => `${utcWall(ms)} 10.0.0.1 GET ${path} - 443 10.0.0.9 ${status} 0 0 ${taken}`;
const second = (ms: number, path: string, status: number, taken: number) => `${utcWall(ms)} 10.0.0.1 GET ${path} - 443 10.0.0.9 ${taken} ${status} 0 0 5120`;

const MINUTE = 60_000;

describe('logs: a W3C log whose #Fields: change mid-file is read block by block', function () {
  this.timeout(120_000);
  let dir: string;
  let now: number;
  const servers: StartedServer[] = [];
  // The errors of the file: the first block's 500, the second block's 503 and 500; not the second block's 200 that took 500 ms.
  const ERRORS = ['/api/first-500', '/api/second-503', '/api/second-500'];

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'logs-w3c-blocks-'));
    now = Date.now();
    const start = now - 3 * 3_600_000;
    // Enough old lines in the first block that a time seek would be tried on the file (LOG_SEEK_MIN_BYTES below).
    const filler = Array.from({ length: 12_000 }, (_, i) => first(start + i * 10, `/static/app-${i}.js`, 200, 3));
    const lines = [
      ...directives(start, FIRST),
      ...filler,
      first(now - 100 * MINUTE, '/api/first-500', 500, 31),
      first(now - 95 * MINUTE, '/api/first-200', 200, 12),
      ...directives(now - 40 * MINUTE, SECOND),
      second(now - 30 * MINUTE, '/api/second-slow', 200, 500),
      second(now - 20 * MINUTE, '/api/second-503', 503, 42),
      second(now - 10 * MINUTE, '/api/second-500', 500, 17),
      second(now - 5 * MINUTE, '/api/second-404', 404, 8),
    ];
    writeFileSync(join(dir, 'u_ex261204.log'), lines.join('\r\n') + '\r\n');
    // The neighbour: a restart that wrote the same fields again changes nothing (and keeps ripgrep).
    writeFileSync(join(dir, 'u_ex261203.log'), [...directives(start, FIRST), first(now - 100 * MINUTE, '/api/same-500', 500, 31), ...directives(now - 40 * MINUTE, FIRST), first(now - 30 * MINUTE, '/api/same-503', 503, 500), first(now - 20 * MINUTE, '/api/same-200', 200, 500)].join('\r\n') + '\r\n');
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  const start = async (env: Record<string, string> = {}) => {
    const server = await startBuiltServer('logs', { LOG_DIRS: dir, TZ: 'Asia/Seoul', LOG_JOURNAL: 'off', LOG_DOCKER: 'off', ...env });
    servers.push(server);
    return server;
  };
  const call = (server: StartedServer, name: string, args: Data): Promise<Data> => callStructured(server.client, name, args);
  const paths = (matches: Data[]) => matches.map((m) => / (\/api\/\S+) /.exec(String(m.text))?.[1]);

  for (const engine of ['ripgrep', 'node']) {
    it(`error_summary and search_logs count the errors of each block by its own columns (${engine})`, async () => {
      const server = await start(engine === 'node' ? { RIPGREP_PATH: 'none' } : {});
      const summary = await call(server, 'error_summary', { file: 'u_ex261204.log' });
      assert.equal(summary.totalErrors, 3, JSON.stringify(summary));
      assert.ok(
        summary.notes.some((n: string) => /u_ex261204\.log: its #Fields: directives name different columns .*2 blocks, at lines 4, 12010/.test(n)),
        JSON.stringify(summary.notes),
      );
      const found = await call(server, 'search_logs', { file: 'u_ex261204.log', level: 'ERROR' });
      assert.deepEqual(paths(found.matches).sort(), [...ERRORS].sort(), JSON.stringify(found.matches));
      // A pattern search (ripgrep's kind of search) reads each matched line by its block too.
      const api = await call(server, 'search_logs', { file: 'u_ex261204.log', pattern: '/api/second', level: 'WARN' });
      assert.deepEqual(paths(api.matches).sort(), ['/api/second-404', '/api/second-500', '/api/second-503']);
      const slow = await call(server, 'search_logs', { file: 'u_ex261204.log', pattern: 'second-slow' });
      assert.equal(slow.matches[0].level, 'INFO', JSON.stringify(slow.matches));
    });
  }

  it('a time window (a seek on a large file) and the tail read each line by its block', async () => {
    const server = await start({ LOG_SEEK_MIN_BYTES: String(64 * 1024) });
    const window = await call(server, 'search_logs', { file: 'u_ex261204.log', level: 'ERROR', since: '1 hour ago' });
    assert.deepEqual(paths(window.matches).sort(), ['/api/second-500', '/api/second-503'], JSON.stringify(window));
    const summary = await call(server, 'error_summary', { file: 'u_ex261204.log', hours: 1 });
    assert.equal(summary.totalErrors, 2, JSON.stringify(summary));
    const recent = await call(server, 'recent_logs', { file: 'u_ex261204.log', lines: 10, level: 'ERROR' });
    assert.deepEqual(paths(recent.lines).sort(), [...ERRORS].sort(), JSON.stringify(recent));
    const patterns = await call(server, 'log_patterns', { file: 'u_ex261204.log', level: 'ERROR' });
    assert.equal(patterns.linesMatched, 3, JSON.stringify(patterns));
  });

  it('a block that repeats the same fields is one layout: no note, the same counts', async () => {
    const server = await start();
    const summary = await call(server, 'error_summary', { file: 'u_ex261203.log' });
    assert.equal(summary.totalErrors, 2, JSON.stringify(summary));
    assert.deepEqual(summary.notes, []);
    const found = await call(server, 'search_logs', { file: 'u_ex261203.log', pattern: '/api/same', level: 'ERROR' });
    assert.deepEqual(paths(found.matches).sort(), ['/api/same-500', '/api/same-503']);
    assert.equal(found.files[0].engine, 'ripgrep');
  });

  it('a reader that does not know the line number reads only the columns the blocks agree on', () => {
    const head = [...directives(Date.UTC(2026, 11, 4), FIRST), first(Date.UTC(2026, 11, 4, 1), '/a', 500, 31)];
    const learned = createLineParser(head, { referenceTime: Date.UTC(2026, 11, 5) });
    assert.equal(learned.indexesFields, true);
    // Same columns in another order, as many of them: a line's block is known by its number alone.
    const swapped = 'date time s-ip cs-method cs-uri-stem cs-uri-query s-port c-ip time-taken sc-substatus sc-win32-status sc-status';
    const parser = learned.indexedBy!({ lines: 10, dayStarts: [], fieldBlocks: [{ line: 4, fields: FIRST }, { line: 8, fields: swapped }] });
    const line = `${utcWall(Date.UTC(2026, 11, 4, 2))} 10.0.0.1 GET /b - 443 10.0.0.9 500 0 0 200`;
    assert.equal(parser.parse(line, 6).level, 'ERROR');
    assert.equal(parser.parse(line, 9).level, 'INFO');
    assert.equal(parser.parse(line, 9).timestamp, Date.UTC(2026, 11, 4, 2));
    // Without its number: the date and time agree, the status does not: a time, and no level rather than a wrong one.
    assert.equal(parser.parse(line).level, undefined);
    assert.equal(parser.parse(line).timestamp, Date.UTC(2026, 11, 4, 2));
    // Blocks of different widths: the line's width tells its block.
    const wide = learned.indexedBy!({ lines: 10, dayStarts: [], fieldBlocks: [{ line: 4, fields: FIRST }, { line: 8, fields: SECOND }] });
    assert.equal(wide.parse(second(Date.UTC(2026, 11, 4, 3), '/c', 200, 500)).level, 'INFO');
    assert.equal(wide.parse(second(Date.UTC(2026, 11, 4, 3), '/c', 503, 5)).level, 'ERROR');
    assert.equal(wide.parse(first(Date.UTC(2026, 11, 4, 3), '/c', 500, 5)).level, 'ERROR');
  });
});
