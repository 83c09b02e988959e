// Issue 11 through the built logs server, with both search engines: archived logs (input 1), Docker json-file
// (input 2), a first line longer than the detection sample (input 3), short Java and Python logs (input 4) and CRI
// prefixes (input 7) each get the right answer from error_summary and search_logs; a file whose levels cannot be read
// is never reported free of errors.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { SEARCH_ENGINES } from '../../support/log-engines';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

interface Summary {
  window?: { since: string; until: string; hours: number };
  totalErrors: number;
  groups: { template: string; count: number; firstSeen?: string; lastSeen?: string; examples: { line: number; text: string }[] }[];
  files: { file: string; errors: number; note?: string; levelsUnreadable?: boolean; outsideWindow?: { errors: number; firstSeen?: string; lastSeen?: string } }[];
  notes: string[];
}
interface Search {
  matches: { line: number; level?: string; text: string }[];
  totalMatches: number;
  files: { format?: string }[];
}

async function call<T>(s: StartedServer, name: string, args: Record<string, unknown>): Promise<T> {
  const result = (await s.client.callTool({ name, arguments: args })) as CallToolResult;
  assert.ok(!result.isError, JSON.stringify(result.content));
  return result.structuredContent as T;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** Local `yyyy-MM-dd HH:mm:ss,SSS` (log4j, Python logging). */
const local = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())},${pad(d.getMilliseconds(), 3)}`;
};

const ARCHIVE_START = Date.UTC(2015, 6, 29, 8);
const ARCHIVE_END = Date.UTC(2015, 7, 10, 18);
const ARCHIVE_ERRORS = 40;

function archive(): string {
  const lines: string[] = [];
  for (let i = 0; i < ARCHIVE_ERRORS; i++) {
    const t = ARCHIVE_START + Math.round(((ARCHIVE_END - ARCHIVE_START) * i) / (ARCHIVE_ERRORS - 1));
    lines.push(`${new Date(t).toISOString()} INFO worker ${i} started`, `${new Date(t).toISOString()} ERROR worker ${i} failed: disk full`);
  }
  return `${lines.join('\n')}\n`;
}

describe('logs you can trust (issue 11)', function () {
  let dir: string;
  const now = Date.now();
  const nowIso = new Date(now - 60_000).toISOString();
  before(function () {
    dir = mkdtempSync(join(tmpdir(), 'logs-trust-'));
    writeFileSync(join(dir, 'archive-2015.log'), archive());
    const old = new Date(ARCHIVE_END + 3_600_000);
    utimesSync(join(dir, 'archive-2015.log'), old, old);
    writeFileSync(join(dir, 'docker.log'), `${JSON.stringify({ log: 'ERROR boom\n', stream: 'stderr', time: nowIso })}\n`);
    writeFileSync(join(dir, 'long-first-line.log'), `${'0'.repeat(70_000)}\n${new Date(now - 60_000).toISOString().slice(0, 19)} [ERROR] boom\n`);
    writeFileSync(join(dir, 'short-java.log'), `${local(now - 60_000)} [main] ERROR com.x.Y - request failed\n\tat com.x.Y.handle(Y.java:42)\n\tat com.x.Server.run(Server.java:7)\n\tat java.lang.Thread.run(Thread.java:833)\n`);
    writeFileSync(
      join(dir, 'short-python.log'),
      [
        `${local(now - 120_000)} - app - INFO - starting`,
        `${local(now - 60_000)} - app - ERROR - job failed`,
        'Traceback (most recent call last):',
        '  File "app.py", line 3, in <module>',
        '    main()',
        '  File "app.py", line 2, in main',
        'ValueError: boom',
        '',
      ].join('\n'),
    );
    const cri = (stream: string, tag: string, text: string) => `${nowIso.replace('Z', '123456Z')} ${stream} ${tag} ${text}`;
    writeFileSync(
      join(dir, 'pod.log'),
      [
        cri('stdout', 'F', `${local(now - 60_000)} INFO ready`),
        cri('stdout', 'F', `${local(now - 60_000)} INFO serving`),
        cri('stderr', 'F', `${local(now - 60_000)} ERROR upstream refused`),
        cri('stdout', 'P', `${local(now - 60_000)} WARN a long line split by the runt`),
        cri('stdout', 'F', 'ime into two records'),
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'prose.txt.log'), 'the service went down at noon\nwe restarted it twice\nit is fine now\n');
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  for (const engine of SEARCH_ENGINES) {
    describe(`with the ${engine.name} engine`, function () {
      let s: StartedServer;
      before(async function () {
        if (!engine.available()) this.skip();
        s = await startBuiltServer('logs', { LOG_DIRS: dir, ...engine.env });
      });
      after(async () => s?.close());

      it('input 1: an archived log: the 24 h window says where its errors are; wholeFile and any hours count them', async () => {
        const day = await call<Summary>(s, 'error_summary', { file: 'archive-2015.log' });
        assert.equal(day.totalErrors, 0);
        const entry = day.files[0];
        assert.deepEqual(entry.outsideWindow, { errors: ARCHIVE_ERRORS, firstSeen: new Date(ARCHIVE_START).toISOString(), lastSeen: new Date(ARCHIVE_END).toISOString() });
        assert.match(entry.note!, /40 error entr\(ies\) between 2015-07-29T08:00:00.000Z and 2015-08-10T18:00:00.000Z/);
        assert.doesNotMatch(day.notes.join(' '), /^no ERROR or FATAL lines in the last 24 h$/);
        const whole = await call<Summary>(s, 'error_summary', { file: 'archive-2015.log', wholeFile: true });
        assert.equal(whole.totalErrors, ARCHIVE_ERRORS);
        assert.equal(whole.window, undefined);
        assert.equal(whole.groups[0].firstSeen, new Date(ARCHIVE_START).toISOString());
        const decade = await call<Summary>(s, 'error_summary', { file: 'archive-2015.log', hours: 24 * 366 * 12 });
        assert.equal(decade.totalErrors, ARCHIVE_ERRORS);
      });

      it('input 2: a Docker json-file line: error_summary and search_logs level ERROR find the wrapped ERROR', async () => {
        const summary = await call<Summary>(s, 'error_summary', { file: 'docker.log' });
        assert.equal(summary.totalErrors, 1);
        const search = await call<Search>(s, 'search_logs', { file: 'docker.log', level: 'ERROR' });
        assert.equal(search.totalMatches, 1);
        assert.equal(search.files[0].format, 'docker-json');
      });

      it('input 3: a first line longer than the sample: format known, the ERROR found, no false note', async () => {
        const summary = await call<Summary>(s, 'error_summary', { file: 'long-first-line.log' });
        assert.equal(summary.totalErrors, 1);
        assert.equal(summary.files[0].note, undefined);
        const search = await call<Search>(s, 'search_logs', { file: 'long-first-line.log', level: 'ERROR' });
        assert.deepEqual(search.matches.map((m) => m.line), [2]);
        assert.notEqual(search.files[0].format, 'unknown');
      });

      it('input 4: a four-line Java log and a seven-line Python log with a traceback: their ERROR lines are found', async () => {
        const java = await call<Summary>(s, 'error_summary', { file: 'short-java.log' });
        assert.equal(java.totalErrors, 1);
        assert.equal(java.groups[0].examples[0].line, 1);
        const python = await call<Search>(s, 'search_logs', { file: 'short-python.log', level: 'ERROR', order: 'oldest' });
        assert.equal(python.matches[0].line, 2);
        assert.notEqual(python.files[0].format, 'unknown');
        const pySummary = await call<Summary>(s, 'error_summary', { file: 'short-python.log' });
        assert.ok(pySummary.totalErrors >= 1);
        assert.ok(pySummary.groups.some((g) => g.examples.some((e) => e.line === 2)));
      });

      it('input 7: CRI prefixes: F is not FATAL, INFO stays INFO, the ERROR line is the one error', async () => {
        const fatal = await call<Search>(s, 'search_logs', { file: 'pod.log', level: 'FATAL' });
        assert.equal(fatal.totalMatches, 0);
        const errors = await call<Search>(s, 'search_logs', { file: 'pod.log', level: 'ERROR' });
        assert.deepEqual(errors.matches.map((m) => m.line), [3]);
        assert.equal(errors.files[0].format, 'cri');
        const summary = await call<Summary>(s, 'error_summary', { file: 'pod.log' });
        assert.equal(summary.totalErrors, 1);
        const warn = await call<Search>(s, 'search_logs', { file: 'pod.log', level: 'WARN', order: 'oldest' });
        assert.deepEqual(warn.matches.map((m) => m.line).slice(0, 2), [3, 4]);
      });

      it('a file whose levels cannot be read is never reported free of errors', async () => {
        const summary = await call<Summary>(s, 'error_summary', { file: 'prose.txt.log', wholeFile: true });
        assert.equal(summary.totalErrors, 0);
        assert.equal(summary.files[0].levelsUnreadable, true);
        assert.match(summary.notes.join('\n'), /format was not recognised.*does not mean there are none/);
        assert.match(summary.notes.join('\n'), /levels could not be read in prose\.txt\.log/);
      });

      it('search_logs and recent_logs with a level filter say when a file has no readable levels (0 matches is not "no errors")', async () => {
        const search = await call<Search & { notes: string[] }>(s, 'search_logs', { file: 'prose.txt.log', level: 'ERROR' });
        assert.equal(search.totalMatches, 0);
        assert.match(search.notes.join('\n'), /prose\.txt\.log: its format was not recognised \(3 of 3 lines.*does not mean there are none/);
        const recent = await call<{ notes: string[] }>(s, 'recent_logs', { file: 'prose.txt.log', level: 'ERROR' });
        assert.match(recent.notes.join('\n'), /prose\.txt\.log: its format was not recognised/);
        const leveled = await call<Search & { notes: string[] }>(s, 'search_logs', { file: 'docker.log', level: 'ERROR' });
        assert.equal(leveled.totalMatches, 1);
        assert.doesNotMatch(leveled.notes.join('\n'), /recognisable level/, 'no note when every sampled line has a level');
      });
    });
  }
});
