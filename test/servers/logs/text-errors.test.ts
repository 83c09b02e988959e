// Kernel lines in kern.log/syslog carry no level column: error_summary could only say it cannot read their levels, and a
// user asking "any errors?" was not pointed at `Out of memory: Killed process …` or `I/O error, dev sda`. The lines whose
// text reads as an error are named as a count of their own (files[].textErrors and a note), never counted as ERROR; a
// line of routine text with an error word in another role (`errors=remount-ro`, `0 errors`) is not among them.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { isTextError } from '../../../servers/logs/format/text-errors';
import type { SourceRecord } from '../../../servers/logs/sources/types';
import { readStats, sourceLines } from '../../../servers/logs/tools/source-lines';
import { SourceTextErrors } from '../../../servers/logs/tools/text-error-lines';
import { hasJournalTools, writeJournal } from '../../support/journal-fixture';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A syslog time (`Dec  2 14:00:01`) `minutesAgo` before now, local time as rsyslog writes it. */
const syslogTime = (minutesAgo: number): string => {
  const d = new Date(Date.now() - minutesAgo * 60_000);
  const month = d.toLocaleString('en-US', { month: 'short' });
  const p = (n: number) => String(n).padStart(2, '0');
  return `${month} ${String(d.getDate()).padStart(2, ' ')} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
};

const KERNEL = [
  'e1000e: enp0s31f6 NIC Link is Up 1000 Mbps Full Duplex, Flow Control: None',
  'Out of memory: Killed process 1234 (java) total-vm:8123456kB, anon-rss:4000000kB, file-rss:0kB, UID:1000 oom_score_adj:0',
  'blk_update_request: I/O error, dev sda, sector 123456 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0',
  'EXT4-fs error (device sda1): ext4_find_entry:1455: inode #2: comm ls: reading directory lblock 0',
  'myapp[4321]: segfault at 0 ip 00007f1234567890 sp 00007ffd12345678 error 4 in libc-2.31.so[7f1234500000+178000]',
  'usb 1-1: new high-speed USB device number 3 using xhci_hcd',
  'EXT4-fs (sda1): mounted filesystem with ordered data mode. Opts: errors=remount-ro',
  'md0: resync done, 0 errors',
];

/** An ISO local time (`2026-12-02 14:00:01`) `minutesAgo` before now. */
const isoTime = (minutesAgo: number): string => {
  const d = new Date(Date.now() - minutesAgo * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
};

/** A program that writes a level on most lines, not on all (a library's own lines, a `print`): line 4 is an error. */
const WORKER = [
  'INFO starting worker 3',
  'INFO connected to redis at 10.0.0.5:6379',
  'INFO job 1 done in 120 ms',
  'failed to open /data/cache.db: permission denied',
  'INFO job 2 done in 98 ms',
  'ERROR job 3 failed: upstream timed out',
  'cache warm-up finished, 0 errors',
  'INFO job 4 done in 101 ms',
];

/**
 * The OpenTelemetry collector's file exporter: one OTLP/JSON export request a line, many records in it (a made-up
 * sample of the kind, after the OTLP/JSON encoding: `resourceLogs → scopeLogs → logRecords`).
 */
const OTLP_BATCHES = [0, 1, 2].map((batch) => {
  const record = (i: number, severityText: string, severityNumber: number, body: string) => ({
    timeUnixNano: String(BigInt(Date.now() - (60 - batch * 4 - i) * 60_000) * 1_000_000n),
    severityNumber,
    severityText,
    body: { stringValue: body },
  });
  const logRecords = [record(0, 'INFO', 9, 'request served'), record(1, 'ERROR', 17, 'failed to connect to db'), record(2, 'INFO', 9, 'ok')];
  return JSON.stringify({ resourceLogs: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: 'shop' } }] }, scopeLogs: [{ scope: {}, logRecords }] }] });
});

describe('logs: lines without a level whose text reads as an error', function () {
  this.timeout(60_000);

  it('reads the kernel\'s error lines by their words, and not a word in another role', () => {
    assert.deepEqual(KERNEL.map(isTextError), [false, true, true, true, true, false, false, false]);
    const yes = ['Memory cgroup out of memory: Killed process 999 (node)', 'ACPI Error: No handler for Region [ECOR]', 'usb 1-1: device descriptor read/64, error -71', 'Failed to start nginx.service', 'Kernel panic - not syncing: Fatal exception', 'Call Trace:'];
    for (const text of yes) assert.equal(isTextError(text), true, text);
    const no = ['no errors found', 'Job finished without error', 'Errors: 0', 'error_count=3', 'switching to failover', 'fail-safe mode enabled', 'non-fatal exception ignored', 'zero failures in 12 runs', 'terror', 'Opts: errors=continue'];
    for (const text of no) assert.equal(isTextError(text), false, text);
  });

  describe('through error_summary', () => {
    let dir = '';
    let server: StartedServer;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'logs-text-errors-'));
      writeFileSync(join(dir, 'kern.log'), KERNEL.map((text, i) => `${syslogTime(30 - i)} host kernel: [${12345 + i}.000001] ${text}`).join('\n') + '\n');
      writeFileSync(join(dir, 'quiet.log'), [0, 5, 6, 7].map((i) => `${syslogTime(30 - i)} host kernel: [${12345 + i}.000001] ${KERNEL[i]}`).join('\n') + '\n');
      writeFileSync(join(dir, 'worker.log'), WORKER.map((text, i) => `${isoTime(30 - i)} ${text}`).join('\n') + '\n');
      writeFileSync(join(dir, 'otel.json'), OTLP_BATCHES.join('\n') + '\n');
      server = await startBuiltServer('logs', { LOG_DIRS: dir, LOG_JOURNAL: 'off', LOG_DOCKER: 'off' });
    });
    after(async () => {
      await server?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const summary = async (args: Record<string, unknown>): Promise<Data> => {
      const result = (await server.client.callTool({ name: 'error_summary', arguments: args })) as CallToolResult;
      assert.ok(!result.isError, JSON.stringify(result.content));
      return result.structuredContent as Data;
    };

    it('names the lines whose text reads as an error, apart from the errors counted', async () => {
      for (const args of [{ file: 'kern.log', hours: 2 }, { file: 'kern.log', wholeFile: true }]) {
        const data = await summary(args);
        assert.equal(data.totalErrors, 0, JSON.stringify(data));
        const file = (data.files as Data[]).find((f) => f.file === 'kern.log') as Data;
        assert.equal(file.levelsUnreadable, true);
        assert.deepEqual(file.textErrors, { lines: 4, first: [2, 3, 4, 5] }, JSON.stringify(file));
        const notes = (data.notes as string[]).join('\n');
        assert.match(notes, /kern\.log: 4 line\(s\) without a level read as errors by their text \(lines 2, 3, 4, 5/);
        assert.match(notes, /not counted in totalErrors, as their level is unknown \(see files\[\]\.textErrors\)/);
        // The same notes for a person: without the pointer at a field of the answer a person never sees.
        const forPeople = (data.notesForPeople as string[]).join('\n');
        assert.match(forPeople, /kern\.log: 4 line\(s\) without a level read as errors by their text \(lines 2, 3, 4, 5.*not counted in totalErrors, as their level is unknown$/m);
        assert.doesNotMatch(forPeople, /\(see files/);
      }
    });

    it('says nothing of text errors where no line reads as one, and still that the levels cannot be read', async () => {
      const data = await summary({ file: 'quiet.log', hours: 2 });
      const file = (data.files as Data[]).find((f) => f.file === 'quiet.log') as Data;
      assert.equal(file.textErrors, undefined, JSON.stringify(file));
      assert.match((data.notes as string[]).join('\n'), /levels could not be read in quiet\.log/);
    });

    it('names them in a file with a level on some lines only, beside the errors counted', async () => {
      const data = await summary({ file: 'worker.log', hours: 2 });
      assert.equal(data.totalErrors, 1, JSON.stringify(data.groups));
      const file = (data.files as Data[]).find((f) => f.file === 'worker.log') as Data;
      assert.deepEqual(file.textErrors, { lines: 1, first: [4] }, JSON.stringify(file));
      assert.match((data.notes as string[]).join('\n'), /worker\.log: 1 line\(s\) without a level read as errors by their text \(lines 4/);
    });

    // levels22: a line of records had neither time nor level and was taken for a continuation, so error_summary
    // answered "no ERROR or FATAL lines" about three batches holding an error each; since leftovers23 each record is
    // read as an entry (io/record-batches.ts), so the three ERROR records are counted, by their own severity.
    it('an OTLP export batch a line: each record read, its ERROR records counted, never "no errors"', async () => {
      const data = await summary({ file: 'otel.json', wholeFile: true });
      assert.equal(data.totalErrors, 3, JSON.stringify(data));
      const file = (data.files as Data[]).find((f) => f.file === 'otel.json') as Data;
      assert.notEqual(file.levelsUnreadable, true, JSON.stringify(file));
      assert.deepEqual((data.groups as Data[]).map((g) => [g.template, g.count]), [['failed to connect to db', 3]]);
    });

    const search = async (args: Record<string, unknown>): Promise<Data> => {
      const result = (await server.client.callTool({ name: 'search_logs', arguments: args })) as CallToolResult;
      assert.ok(!result.isError, JSON.stringify(result.content));
      return result.structuredContent as Data;
    };

    it('search_logs at level ERROR on kern.log says the levels cannot be read and points at the text errors', async () => {
      for (const [pattern, first] of [['', [2, 3, 4, 5]], ['sda', [3, 4]]] as const) {
        const data = await search({ file: 'kern.log', pattern, level: 'ERROR' });
        assert.equal(data.returned, 0);
        const file = (data.files as Data[]).find((f) => f.file === 'kern.log') as Data;
        assert.deepEqual(file.textErrors, { lines: first.length, first }, JSON.stringify(data));
        const notes = (data.notes as string[]).join('\n');
        assert.match(notes, /kern\.log: its lines carry no level this server can read/);
        assert.match(notes, new RegExp(`kern\\.log: ${first.length} line\\(s\\)${pattern ? ' matching the pattern' : ''} have no level yet read as errors by their text \\(lines ${first.join(', ')}\\)`));
      }
      // Without a level filter, nothing is said of them: every line is returned.
      const plain = await search({ file: 'kern.log', pattern: 'sda' });
      assert.equal(((plain.files as Data[])[0] as Data).textErrors, undefined);
    });

    it('search_logs at level ERROR on a partly leveled file returns the ERROR and points at the unleveled error', async () => {
      const data = await search({ file: 'worker.log', level: 'ERROR' });
      assert.deepEqual((data.matches as Data[]).map((m) => m.line), [6]);
      assert.deepEqual(((data.files as Data[])[0] as Data).textErrors, { lines: 1, first: [4] });
    });

    // follow37: recent_logs at a level said only that the levels cannot be read, where search_logs pointed at the lines.
    const recent = async (args: Record<string, unknown>): Promise<Data> => {
      const result = (await server.client.callTool({ name: 'recent_logs', arguments: args })) as CallToolResult;
      assert.ok(!result.isError, JSON.stringify(result.content));
      return result.structuredContent as Data;
    };

    it('recent_logs at level ERROR points at the text errors as search_logs does, on kern.log and a partly leveled file', async () => {
      const kern = await recent({ file: 'kern.log', level: 'ERROR' });
      assert.equal(kern.returned, 0);
      assert.deepEqual(kern.textErrors, { lines: 4, first: [2, 3, 4, 5] }, JSON.stringify(kern));
      const notes = (kern.notes as string[]).join('\n');
      assert.match(notes, /kern\.log: its lines carry no level this server can read/);
      assert.match(notes, /kern\.log: 4 line\(s\) have no level yet read as errors by their text \(lines 2, 3, 4, 5\).*recent_logs without level/);
      const worker = await recent({ file: 'worker.log', level: 'ERROR' });
      assert.deepEqual((worker.lines as Data[]).map((l) => l.text.replace(/^\S+ \S+ /, '')), ['ERROR job 3 failed: upstream timed out']);
      assert.deepEqual(worker.textErrors, { lines: 1, first: [4] }, JSON.stringify(worker));
      // FATAL is no level a text is read at; without a level every line is returned: nothing is said of them.
      assert.equal((await recent({ file: 'kern.log', level: 'FATAL' })).textErrors, undefined);
      assert.equal((await recent({ file: 'kern.log' })).textErrors, undefined);
    });
  });
  // levels22: a source's records with no level of their own (a container that writes none; a unit's stdout lines,
  // which journald stores at the unit's SyslogLevel, info, whatever they say) were never pointed at: search_logs at
  // level ERROR answered no match, error_summary 0 errors, over `failed to connect` lines.
  /** A service's output: plain lines, one with an error word, one with a level of its own. */
  const SERVICE = ['listening on :8080', 'failed to connect to db: connection refused', 'ERROR payment 7 declined', 'request 3 served', 'cache warmed, 0 errors'];

  it('a container\'s records without a level: the ones whose text reads as an error, apart from those a level filter passes', async () => {
    const time = Date.now() - 60_000;
    async function* records(): AsyncGenerator<SourceRecord> {
      for (const text of SERVICE) yield { text, time, stream: 'stdout' };
    }
    const found = new SourceTextErrors('ERROR', { since: time - 1000 });
    for await (const line of sourceLines(records(), 'docker', 500, readStats())) found.consider(line);
    assert.deepEqual(found.result(), { lines: 1, first: [2] });
    assert.equal(new SourceTextErrors('FATAL').result(), undefined);
  });

  describe('through the tools, over a journal unit', () => {
    let dir = '';
    let server: StartedServer | undefined;
    before(async function () {
      if (!hasJournalTools()) this.skip();
      dir = mkdtempSync(join(tmpdir(), 'logs-text-errors-journal-'));
      // journald's stdout lines: PRIORITY 6 (the unit's SyslogLevel), whatever their text says; the ERROR line's text
      // has its own. A line sent through syslog() at info is the program's word: no pointer at it.
      const entries = SERVICE.map((message, i) => ({ time: Date.now() - (30 - i) * 60_000, host: 'web-1', unit: 'shop.service', identifier: 'shop', priority: 6, message, transport: 'stdout' }));
      entries.push({ time: Date.now() - 20 * 60_000, host: 'web-1', unit: 'shop.service', identifier: 'shop', priority: 6, message: 'login failed for user bob', transport: 'syslog' });
      const file = writeJournal(dir, 'svc', entries);
      server = await startBuiltServer('logs', { LOG_JOURNAL: 'off', LOG_DOCKER: 'off', LOG_JOURNAL_FILES: file });
    });
    after(async () => {
      await server?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const call = async (name: string, args: Record<string, unknown>): Promise<Data> => {
      const result = (await server!.client.callTool({ name, arguments: args })) as CallToolResult;
      assert.ok(!result.isError, JSON.stringify(result.content));
      return result.structuredContent as Data;
    };

    it('search_logs at level ERROR returns the ERROR line and points at the unit\'s line that reads as an error', async () => {
      const data = await call('search_logs', { unit: 'shop.service', level: 'ERROR', since: '2h' });
      assert.deepEqual((data.matches as Data[]).map((m) => m.text), ['ERROR payment 7 declined']);
      const source = (data.files as Data[]).find((f) => f.source === 'journal') as Data;
      assert.deepEqual(source.textErrors, { lines: 1, first: [2] }, JSON.stringify(data));
      assert.match((data.notes as string[]).join('\n'), /shop\.service: 1 record\(s\) have no level of their own \(none, or only the journal's default for a service's output\) yet read as errors by their text \(records 2 of those read\)/);
      const matching = await call('search_logs', { unit: 'shop.service', level: 'ERROR', pattern: 'payment', since: '2h' });
      assert.equal(((matching.files as Data[]).find((f) => f.source === 'journal') as Data).textErrors, undefined, 'the pattern leaves it out');
    });

    it('error_summary counts the ERROR line and names the other apart', async () => {
      const data = await call('error_summary', { unit: 'shop.service', hours: 2 });
      assert.equal(data.totalErrors, 1, JSON.stringify(data.groups));
      const source = (data.files as Data[]).find((f) => f.source === 'journal') as Data;
      assert.deepEqual(source.textErrors, { lines: 1, first: [2] }, JSON.stringify(data));
      assert.match((data.notes as string[]).join('\n'), /not counted in totalErrors/);
    });
  });
});
