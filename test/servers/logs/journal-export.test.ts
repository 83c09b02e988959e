// A journal handed over as `journalctl -o export > host-7.txt` (fmt30): every field was a line of its own, without a
// time or a level (`PRIORITY=3` a line, `MESSAGE=…` another), so error_summary answered "no errors" of a journal full
// of them. An entry spans lines up to a blank one, and a binary field (a multi-line MESSAGE, a COREDUMP) is its name, a
// 64-bit little-endian length and the bytes: each entry is now read as one record with its time, level and program.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { holdsLog } from '../../../servers/logs/files/document-names';
import { journalExportEntries, MAX_ENTRY_BYTES, startsAsJournalExport, type OpenEnd } from '../../../servers/logs/io/journal-export';
import { callStructured, startBuiltServer, type StartedServer } from '../../support/mcp-client';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const BASE_US = 1764756000000000n; // 2025-12-03T10:00:00Z

/** A binary field as the export writes it: its name, its length (64-bit little-endian), the bytes, a newline. */
function binaryField(name: string, value: Buffer): Buffer {
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(value.length));
  return Buffer.concat([Buffer.from(`${name}\n`), length, value, Buffer.from('\n')]);
}

function entry(second: number, priority: number, identifier: string, message: string | Buffer, extra: Buffer[] = []): Buffer {
  const head = [
    `__CURSOR=s=739ad463348b4ceca5a9e69c95a3c93f;i=${(0x4ece7 + second).toString(16)};b=6c7c6013a8674f1dbc08bdb4bd59c3ab;m=7bfbc5d1f;t=5a3fb0c7a2a8a;x=a5ff2d2a5ba6ee56`,
    `__REALTIME_TIMESTAMP=${BASE_US + BigInt(second) * 1_000_000n}`,
    '__MONOTONIC_TIMESTAMP=33280310559',
    '_BOOT_ID=6c7c6013a8674f1dbc08bdb4bd59c3ab',
    `PRIORITY=${priority}`,
    '_HOSTNAME=web-1',
    `SYSLOG_IDENTIFIER=${identifier}`,
    '_PID=812',
    '',
  ].join('\n');
  const body = typeof message === 'string' ? Buffer.from(`MESSAGE=${message}\n`) : binaryField('MESSAGE', message);
  return Buffer.concat([Buffer.from(head), body, ...extra]);
}

const EXPORT = Buffer.concat([
  entry(0, 6, 'systemd', 'Started nginx.service - A high performance web server.'),
  Buffer.from('\n'),
  entry(1, 3, 'nginx', 'bind() to 0.0.0.0:80 failed (98: Address already in use)', [Buffer.from('_SYSTEMD_UNIT=nginx.service\n')]),
  Buffer.from('\n'),
  entry(2, 4, 'kernel', Buffer.from('usb 1-1: device descriptor read\nerror -71')),
  Buffer.from('\n'),
  entry(3, 2, 'systemd-coredump', 'Process 812 (sshd) of user 0 dumped core.', [binaryField('COREDUMP', Buffer.from([0, 1, 2, 3, 255]))]),
  Buffer.from('\n'),
  entry(4, 6, 'sshd', 'Accepted publickey for deploy from 10.0.0.9'),
]);

async function entriesOf(bytes: Buffer, pieceSize: number): Promise<Data[]> {
  async function* pieces() {
    for (let at = 0; at < bytes.length; at += pieceSize) yield bytes.subarray(at, at + pieceSize);
  }
  const out: Data[] = [];
  for await (const line of journalExportEntries(pieces())) out.push(JSON.parse(line.toString()) as Data);
  return out;
}

describe('logs: a journal export (journalctl -o export) saved to a file is read entry by entry', function () {
  this.timeout(120_000);

  it('groups each entry\'s lines, binary fields and all, in pieces of any size', async () => {
    for (const size of [1, 7, 100, 1 << 16]) {
      const entries = await entriesOf(EXPORT, size);
      assert.equal(entries.length, 5, `pieces of ${size}`);
      assert.deepEqual(entries.map((e) => e.PRIORITY), ['6', '3', '4', '2', '6']);
      assert.equal(entries[1]._SYSTEMD_UNIT, 'nginx.service');
      assert.equal(entries[2].MESSAGE, 'usb 1-1: device descriptor read\nerror -71');
      assert.equal(entries[3].COREDUMP, undefined, 'a core dump is not kept');
      assert.equal(entries[4].__REALTIME_TIMESTAMP, String(BASE_US + 4_000_000n));
    }
  });

  it('reads a text export whose lines end in CRLF (it passed through Windows) entry by entry, without the CRs', async () => {
    const entries3 = [
      entry(0, 6, 'systemd', 'Started nginx.service - A high performance web server.'),
      entry(1, 3, 'nginx', 'bind() to 0.0.0.0:80 failed (98: Address already in use)'),
      entry(4, 6, 'sshd', 'Accepted publickey for deploy from 10.0.0.9'),
    ];
    const crlf = Buffer.from(entries3.map((e) => e.toString('latin1')).join('\n').replace(/\n/g, '\r\n'), 'latin1');
    assert.ok(startsAsJournalExport(crlf));
    for (const size of [1, 5, 1 << 16]) {
      const entries = await entriesOf(crlf, size);
      assert.equal(entries.length, 3, `pieces of ${size}: ${JSON.stringify(entries)}`);
      assert.deepEqual(entries.map((e) => e.PRIORITY), ['6', '3', '6']);
      assert.equal(entries[1].MESSAGE, 'bind() to 0.0.0.0:80 failed (98: Address already in use)');
      assert.equal(entries[2].MESSAGE, 'Accepted publickey for deploy from 10.0.0.9');
      assert.equal(entries[2].__REALTIME_TIMESTAMP, String(BASE_US + 4_000_000n));
      assert.ok(entries.every((e) => Object.values(e).every((v) => !String(v).includes('\r'))), 'no CR is kept');
    }
  });

  it('cuts a value past the entry\'s bound, and tells', async () => {
    let cuts = 0;
    const big = Buffer.concat([entry(0, 3, 'app', Buffer.alloc(MAX_ENTRY_BYTES + 10, 'x')), Buffer.from('\n'), entry(1, 6, 'app', 'after')]);
    async function* once() {
      yield big;
    }
    const lines: Data[] = [];
    for await (const line of journalExportEntries(once(), (count) => (cuts = count))) lines.push(JSON.parse(line.toString()) as Data);
    assert.equal(lines.length, 2);
    assert.equal(cuts, 1);
    assert.equal(lines[1].MESSAGE, 'after');
  });

  it('is told by its start; a .txt of it is a log', async () => {
    assert.equal(startsAsJournalExport(EXPORT), true);
    assert.equal(startsAsJournalExport(Buffer.from('__REALTIME_TIMESTAMP=1764756000000000\nMESSAGE=x\n')), true);
    assert.equal(startsAsJournalExport(Buffer.from('PATH=/usr/bin\nHOME=/root\n')), false);
    assert.equal(startsAsJournalExport(Buffer.from('__CURSOR is a word\n')), false);
    const dir = mkdtempSync(join(tmpdir(), 'journal-export-peek-'));
    try {
      writeFileSync(join(dir, 'host-7.txt'), EXPORT);
      assert.equal(await holdsLog(join(dir, 'host-7.txt')), true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // A copy cut short (`journalctl -o export | head -c`, a transfer that stopped) ended inside its last entry, which was
  // read with no word of it (break30): the reader says so when the end falls inside a field or before the MESSAGE.
  it('tells when the export ends inside its last entry, and not when the entry is whole', async () => {
    const ends = async (bytes: Buffer): Promise<OpenEnd[]> => {
      const heard: OpenEnd[] = [];
      async function* once() {
        yield bytes;
      }
      for await (const line of journalExportEntries(once(), undefined, (end) => void heard.push(end))) void line;
      return heard;
    };
    const midLine = EXPORT.subarray(0, EXPORT.length - 12);
    assert.deepEqual(await ends(midLine), [{ entry: 5, midField: true }]);
    // Inside a binary value: its length promised more bytes than came.
    const midBinary = Buffer.concat([entry(0, 6, 'a', 'x'), Buffer.from('\n'), entry(1, 4, 'kernel', Buffer.from('a long\nbinary message'))]).subarray(0, -6);
    assert.deepEqual(await ends(midBinary), [{ entry: 2, midField: true }]);
    // At a line's end before the entry's MESSAGE (`head -n`).
    const beforeMessage = Buffer.concat([entry(0, 6, 'a', 'x'), Buffer.from('\n'), Buffer.from(entry(1, 3, 'b', 'y').toString().split('\n').slice(0, 4).join('\n') + '\n')]);
    assert.deepEqual(await ends(beforeMessage), [{ entry: 2, midField: false }]);
    // Whole entries: closed by a blank line, or a last one written by hand without it.
    assert.deepEqual(await ends(EXPORT), []);
    assert.deepEqual(await ends(Buffer.concat([EXPORT, Buffer.from('\n')])), []);
  });

  describe('named anyhow, or cut short, through the built server', () => {
    let dir: string;
    let server: StartedServer | undefined;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'journal-export-names-'));
      writeFileSync(join(dir, 'journal.export'), EXPORT.subarray(0, EXPORT.length - 12));
      writeFileSync(join(dir, 'export.gz'), gzipSync(EXPORT));
      // Neighbours: names that say nothing of their kind, holding no export, stay out of the listing.
      writeFileSync(join(dir, 'Makefile'), 'all:\n\tcc -o app main.c\n');
      writeFileSync(join(dir, 'notes.export'), 'name,price\nA,1\n');
      server = await startBuiltServer('logs', { LOG_DIRS: dir, LOG_JOURNAL: 'off', LOG_DOCKER: 'off', TZ: 'UTC' });
    });
    after(async () => {
      await server?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('lists an export by its content whatever its name, and says when its last entry is cut', async () => {
      const body = (await callStructured(server!.client, 'error_summary', { wholeFile: true })) as Data;
      assert.deepEqual(body.files.map((f: Data) => f.file).sort(), ['export.gz', 'journal.export'], JSON.stringify(body));
      assert.equal(body.totalErrors, 4, JSON.stringify(body));
      assert.ok(body.notes.some((n: string) => /^journal\.export: .*its last journal entry \(entry 5\) is cut short \(the file ends inside one of its fields/.test(n)), JSON.stringify(body.notes));
      assert.ok(!body.notes.some((n: string) => /export\.gz: .*cut short/.test(n)), JSON.stringify(body.notes));
    });
  });

  describe('through the built server', () => {
    let dir: string;
    let server: StartedServer | undefined;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'journal-export-'));
      writeFileSync(join(dir, 'host-7.txt'), EXPORT);
      writeFileSync(join(dir, 'host-8.log.gz'), gzipSync(EXPORT));
      server = await startBuiltServer('logs', { LOG_DIRS: dir, LOG_JOURNAL: 'off', LOG_DOCKER: 'off', TZ: 'UTC' });
    });
    after(async () => {
      await server?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    for (const file of ['host-7.txt', 'host-8.log.gz']) {
      it(`error_summary counts the entries' errors with their times (${file})`, async () => {
        const body = (await callStructured(server!.client, 'error_summary', { file, wholeFile: true })) as Data;
        assert.equal(body.totalErrors, 2, JSON.stringify(body));
        const text = JSON.stringify(body.groups);
        assert.match(text, /Address already in use/);
        assert.match(text, /dumped core/);
        assert.ok(!/COREDUMP|__CURSOR|PRIORITY=/.test(text), text);
      });
    }

    it('search_logs finds a multi-line message as one entry, at its level and time', async () => {
      const body = (await callStructured(server!.client, 'search_logs', { file: 'host-7.txt', pattern: 'descriptor read', level: 'WARN' })) as Data;
      assert.equal(body.totalMatches, 1, JSON.stringify(body));
      assert.equal(body.matches[0].level, 'WARN');
      assert.equal(new Date(body.matches[0].timestamp as string).getTime(), Number((BASE_US + 2_000_000n) / 1000n));
    });
  });
});
