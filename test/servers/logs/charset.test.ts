// UTF-16 log files (Windows PowerShell's `>` and Out-File, .NET and Windows services write them) are read as text by
// every tool, as their UTF-8 twin is: before io/charset.ts, the Node readers saw NULs between letters, found no
// format, no level and no template, and answered "nothing" with confidence.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { closeSync, openSync } from 'node:fs';
import { charsetOfFile, sniffCharset, toUtf8, type Charset } from '../../../servers/logs/io/charset';
import { describeWithEachEngine } from '../../support/log-engines';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

/** `text` in UTF-16 of the given byte order, with a byte order mark when `bom`. */
function utf16(text: string, order: 'le' | 'be', bom: boolean): Buffer {
  const le = Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le');
  return order === 'le' ? le : Buffer.from(le).swap16();
}

async function decodeInPieces(bytes: Buffer, cuts: number[], charset: Charset | 'sniff', notes: string[] = []): Promise<string> {
  const bounds = [...new Set([0, ...cuts.map((c) => c % (bytes.length + 1)), bytes.length])].sort((a, b) => a - b);
  async function* pieces(): AsyncGenerator<Buffer> {
    for (let i = 1; i < bounds.length; i++) if (bounds[i] > bounds[i - 1]) yield bytes.subarray(bounds[i - 1], bounds[i]);
  }
  const out: Buffer[] = [];
  for await (const piece of toUtf8(pieces(), charset, (note) => notes.push(note))) out.push(piece);
  return Buffer.concat(out).toString('utf8');
}

describe('logs: the charset of a log file (io/charset.ts)', () => {
  const line = '2026-12-01 10:00:01 ERROR 데이터베이스 연결 거부 (connection refused)\r\n';

  it('reads UTF-16 from its byte order mark, or from the NUL of every other byte of ASCII-heavy text', () => {
    assert.equal(sniffCharset(utf16(line, 'le', true)), 'utf-16le');
    assert.equal(sniffCharset(utf16(line, 'be', true)), 'utf-16be');
    assert.equal(sniffCharset(utf16(line, 'le', false)), 'utf-16le');
    assert.equal(sniffCharset(utf16(line, 'be', false)), 'utf-16be');
    // An ideographic space (U+3000) or U+4E00 has a NUL low byte of its own (found by break10).
    const japanese = '2026-12-01 10:00:01 ERROR 一\u3000接続に失敗しました host db1 port 5432\r\n'.repeat(4);
    assert.equal(sniffCharset(utf16(japanese, 'le', false)), 'utf-16le');
    assert.equal(sniffCharset(utf16(japanese, 'be', false)), 'utf-16be');
    // Denser: three such characters in a line of 28 (a tenth of its code units).
    const dense = '2026-12-01 10:00:00 ERROR\u3000ジョブ一\u3000失敗\r\n'.repeat(8);
    assert.equal(sniffCharset(utf16(dense, 'le', false)), 'utf-16le');
  });

  it('keeps UTF-8 as UTF-8: a UTF-8 BOM, a stray NUL, a file too short to tell, binary noise', () => {
    assert.equal(sniffCharset(Buffer.from(`\ufeff${line}`, 'utf8')), 'utf-8');
    assert.equal(sniffCharset(Buffer.from(`${line}\0${line}`, 'utf8')), 'utf-8');
    assert.equal(sniffCharset(utf16('ok\n', 'le', false)), 'utf-8');
    assert.equal(sniffCharset(Buffer.alloc(0)), 'utf-8');
    // NUL in both byte positions is not text of either order.
    assert.equal(sniffCharset(Buffer.alloc(64)), 'utf-8');
  });

  it('decodes any text, split anywhere (a code unit or a surrogate pair cut between pieces), to the same UTF-8', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.array(fc.nat(), { maxLength: 8 }), fc.constantFrom('le', 'be'), fc.boolean(), async (text, cuts, order, bom) => {
        const bytes = utf16(text, order as 'le' | 'be', bom);
        assert.equal(await decodeInPieces(bytes, cuts, order === 'le' ? 'utf-16le' : 'utf-16be'), text);
      }),
      { numRuns: 300 },
    );
  });

  it('passes UTF-8 pieces on unchanged when sniffing finds no UTF-16 (decompressed gzip text)', async () => {
    const bytes = Buffer.from(line.repeat(3), 'utf8');
    assert.equal(await decodeInPieces(bytes, [5, 40], 'sniff'), line.repeat(3));
    assert.equal(await decodeInPieces(utf16(line.repeat(3), 'le', true), [7], 'sniff'), line.repeat(3));
  });
});

/** Bytes of `text` in one region's charset: UTF-8, or UTF-16 of an order with or without a byte order mark. */
type Region = { text: string; as: 'utf8' | 'le' | 'be'; bom?: boolean };
const encode = (regions: Region[]): Buffer => Buffer.concat(regions.map((r) => (r.as === 'utf8' ? Buffer.from(r.text, 'utf8') : utf16(r.text, r.as, r.bom ?? false))));

describe('logs: a file whose lines were written in two encodings (io/charset.ts TextRegions)', () => {
  // What break10 found: PowerShell's Out-File started the file in UTF-16, cmd's `echo … >>` appended UTF-8 lines.
  const sixteen = Array.from({ length: 30 }, (_, i) => `2026-12-01 10:00:${String(i).padStart(2, '0')} INFO Worker ${i} processed batch\r\n`).join('');
  const eight = Array.from({ length: 5 }, (_, i) => `2026-12-01 10:01:0${i} ERROR appended by cmd echo ${i}\r\n`).join('');

  it('decodes UTF-16 lines with UTF-8 lines appended each in its own charset, split anywhere, and names the regions', async () => {
    for (const bom of [true, false]) {
      for (const order of ['le', 'be'] as const) {
        const bytes = encode([{ text: sixteen, as: order, bom }, { text: eight, as: 'utf8' }]);
        const notes: string[] = [];
        assert.equal(await decodeInPieces(bytes, [7, 61, 999, 1001], `utf-16${order}`, notes), sixteen + eight, `${order} bom ${bom}`);
        assert.deepEqual(notes, [`the file mixes text encodings (a second writer appended in its own): UTF-16${order.toUpperCase()} (lines 1–30), UTF-8 (lines 31–35); each region was decoded in its own`]);
      }
    }
  });

  it('decodes a UTF-8 start with UTF-16 appended (PowerShell `>>`, with or without a mark), and back again', async () => {
    for (const bom of [true, false]) {
      const bytes = encode([{ text: eight, as: 'utf8' }, { text: sixteen, as: 'le', bom }, { text: eight, as: 'utf8' }]);
      const notes: string[] = [];
      assert.equal(await decodeInPieces(bytes, [3, 300, 301], 'mixed', notes), eight + sixteen + eight);
      assert.match(notes[0], /UTF-8 \(lines 1–5\), UTF-16LE \(lines 6–35\), UTF-8 \(lines 36–40\)/);
    }
  });

  it('any log lines in any sequence of regions, split anywhere, come out as written', async () => {
    // A log line: a time, then any text (its ASCII keeps a UTF-16 line's shape; characters with a NUL byte in UTF-16
    // other than ASCII, U+0100 or U+10000, are few in a line, as sniffing assumes, and are tested apart above).
    const nulFree = (ch: string) => !Buffer.from(ch, 'utf16le').some((b, i) => b === 0 && i % 2 === 0);
    const lineText = fc.tuple(fc.nat(59), fc.string({ unit: 'grapheme', maxLength: 16 })).map(([s, rest]) => `2026-12-01 10:00:${String(s).padStart(2, '0')} ${[...rest.replace(/[\0\r\n\ufeff]/g, ' ')].map((ch) => (nulFree(ch) ? ch : ' ')).join('')}\n`);
    const region = fc.record({ as: fc.constantFrom('utf8', 'le', 'be') as fc.Arbitrary<Region['as']>, lines: fc.array(lineText, { minLength: 1, maxLength: 4 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(region, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 6 }), async (regions, cuts) => {
        // Neighbouring UTF-16 regions of two orders are one writer's business, not this one's: keep one order.
        const order = regions.find((r) => r.as !== 'utf8')?.as ?? 'le';
        const parts: Region[] = regions.map((r) => ({ text: r.lines.join(''), as: r.as === 'utf8' ? 'utf8' : order }));
        const first = parts[0].as === 'utf8' ? 'mixed' : `utf-16${order}`;
        assert.equal(await decodeInPieces(encode(parts), cuts, first as Charset), parts.map((p) => p.text).join(''));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps UTF-16 lines without a single ASCII character (CJK text whose bytes hold no NUL) in UTF-16', async () => {
    // 上 is U+4E0A: its low byte is the line feed byte; 丁 U+4E01 and 传 U+4F20 read as valid UTF-8 ASCII bytes.
    const text = `${sixteen}上传失败\r\n上\n丁丁\n${sixteen}`;
    const notes: string[] = [];
    assert.equal(await decodeInPieces(utf16(text, 'le', true), [], 'utf-16le', notes), text);
    assert.deepEqual(notes, []);
  });

  it('keeps a UTF-8 file with a NUL run (padding after a crash) as UTF-8, byte for byte, without a note', async () => {
    const bytes = Buffer.concat([Buffer.from(eight), Buffer.alloc(300), Buffer.from(eight), Buffer.from('a\0b\n')]);
    const notes: string[] = [];
    assert.equal(await decodeInPieces(bytes, [10, 200], 'mixed', notes), bytes.toString('utf8'));
    assert.deepEqual(notes, []);
  });

  it('learns that a UTF-8 file ends in UTF-16 from its last bytes, and not from a NUL run there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charset-end-'));
    try {
      const cases: [Buffer, Charset][] = [
        [encode([{ text: eight.repeat(4), as: 'utf8' }, { text: sixteen.slice(0, 200), as: 'le', bom: true }]), 'mixed'],
        [encode([{ text: eight.repeat(4), as: 'utf8' }, { text: sixteen.slice(0, 200), as: 'le' }]), 'mixed'],
        [Buffer.concat([Buffer.from(eight.repeat(4)), Buffer.alloc(4096)]), 'utf-8'],
        [Buffer.from(eight.repeat(4)), 'utf-8'],
        [encode([{ text: sixteen, as: 'le', bom: true }, { text: eight, as: 'utf8' }]), 'utf-16le'],
      ];
      for (const [i, [bytes, want]] of cases.entries()) {
        const path = join(dir, `${i}.log`);
        writeFileSync(path, bytes);
        const fd = openSync(path, 'r');
        try {
          assert.equal(await charsetOfFile(fd, bytes.length), want, String(i));
        } finally {
          closeSync(fd);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

interface Answer {
  [key: string]: unknown;
}

async function call(server: StartedServer, name: string, args: Record<string, unknown>): Promise<Answer> {
  const result = (await server.client.callTool({ name, arguments: args })) as CallToolResult;
  assert.ok(!result.isError, `${name}: ${JSON.stringify(result.content)}`);
  return result.structuredContent as Answer;
}

describe('logs: every tool reads a UTF-16 log as it reads the same log in UTF-8', function () {
  this.timeout(120_000);
  let dir: string;
  let server: StartedServer;
  // What PowerShell's Out-File writes: CRLF line ends; Korean and English messages; one event in several lines.
  const TEXT = Array.from({ length: 60 }, (_, i) => {
    const time = new Date(Date.UTC(2026, 11, 1, 10, 0, i)).toISOString().replace('T', ' ').slice(0, 19);
    if (i % 10 === 3) return `${time} ERROR 데이터베이스 연결 실패: host db${i % 3} port 5432`;
    if (i % 10 === 7) return `${time} WARN retry ${i} of 5 for job ${1000 + i}`;
    return `${time} INFO request ${i} served in ${i * 3} ms`;
  }).join('\r\n').concat('\r\n');
  const FILES: Record<string, Buffer> = {
    'utf8.log': Buffer.from(TEXT, 'utf8'),
    'le-bom.log': utf16(TEXT, 'le', true),
    'be-bom.log': utf16(TEXT, 'be', true),
    'le-plain.log': utf16(TEXT, 'le', false),
    'le-bom.log.gz': gzipSync(utf16(TEXT, 'le', true)),
  };
  const UTF16 = Object.keys(FILES).filter((f) => f !== 'utf8.log');

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'charset-'));
    for (const [name, bytes] of Object.entries(FILES)) writeFileSync(join(dir, name), bytes);
    server = await startBuiltServer('logs', { LOG_DIRS: dir });
  });

  after(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The answer without what names the file or its size on disk. */
  const comparable = (answer: Answer): string => JSON.stringify(answer, (key, value: unknown) => (['file', 'files', 'sizeBytes', 'modified', 'notes', 'notesForPeople', 'engine', 'elapsedMs'].includes(key) ? undefined : value));

  it('search_logs: the same matches, levels and times (the Node engine, since ripgrep does not take a decoded file)', async () => {
    const want = await call(server, 'search_logs', { file: 'utf8.log', pattern: '연결 실패', level: 'ERROR' });
    assert.equal(want.totalMatches, 6);
    for (const file of UTF16) assert.equal(comparable(await call(server, 'search_logs', { file, pattern: '연결 실패', level: 'ERROR' })), comparable(want), file);
  });

  it('error_summary: the same groups and counts', async () => {
    const want = await call(server, 'error_summary', { file: 'utf8.log', wholeFile: true });
    assert.equal(want.totalErrors, 6);
    for (const file of UTF16) assert.equal(comparable(await call(server, 'error_summary', { file, wholeFile: true })), comparable(want), file);
  });

  it('recent_logs: the same last lines, with and without a level filter', async () => {
    for (const [args, seen] of [[{ lines: 5 }, /served in/], [{ lines: 3, level: 'WARN' }, /연결 실패/]] as const) {
      const want = await call(server, 'recent_logs', { file: 'utf8.log', ...args });
      assert.match(JSON.stringify(want), seen);
      for (const file of UTF16) assert.equal(comparable(await call(server, 'recent_logs', { file, ...args })), comparable(want), `${file} ${JSON.stringify(args)}`);
    }
  });

  it('log_patterns: the same format and templates', async () => {
    const want = await call(server, 'log_patterns', { file: 'utf8.log' });
    assert.notEqual((want.format as { id: string }).id, 'unknown');
    for (const file of UTF16) assert.equal(comparable(await call(server, 'log_patterns', { file })), comparable(want), file);
  });

  it('logs://file/{path}: the same tail', async () => {
    const tail = async (name: string) => (await server.client.readResource({ uri: `logs://file/${encodeURIComponent(name)}` })).contents.map((c) => ('text' in c ? c.text : '')).join('\n');
    const want = await tail('utf8.log');
    assert.match(want, /served in/);
    for (const file of UTF16) assert.equal(await tail(file), want, file);
  });
});

describe('logs: every tool reads a log whose end another writer appended in another encoding', () => {
  let dir = '';
  // break10's file: Out-File's UTF-16 (CRLF), then cmd's `echo … >>` in UTF-8 with five ERROR lines; and the reverse.
  const first = Array.from({ length: 30 }, (_, i) => {
    const time = `2026-12-01 10:00:${String(i).padStart(2, '0')}`;
    return i % 5 === 0 ? `${time} ERROR Worker ${i} failed to connect to db\r\n` : `${time} INFO Worker ${i} processed batch\r\n`;
  }).join('');
  const appended = Array.from({ length: 5 }, (_, i) => `2026-12-01 10:01:0${i} ERROR appended by cmd echo ${i}\r\n`).join('');
  const FILES: Record<string, Buffer> = {
    'twin.log': Buffer.from(first + appended, 'utf8'),
    'mixed-16-8.log': Buffer.concat([utf16(first, 'le', true), Buffer.from(appended, 'utf8')]),
    'mixed-8-16.log': Buffer.concat([Buffer.from(first, 'utf8'), utf16(appended, 'le', true)]),
    'mixed-8-16-nobom.log': Buffer.concat([Buffer.from(first, 'utf8'), utf16(appended, 'le', false)]),
  };
  const MIXED = Object.keys(FILES).filter((f) => f.startsWith('mixed'));
  // The neighbour: a UTF-8 log with a NUL run after a crash stays a plain file (no note; ripgrep may search it).
  const padded = Buffer.concat([Buffer.from(first, 'utf8'), Buffer.alloc(512), Buffer.from(`\n${appended}`, 'utf8')]);

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'charset-mixed-'));
    for (const [name, bytes] of Object.entries(FILES)) writeFileSync(join(dir, name), bytes);
    writeFileSync(join(dir, 'padded.log'), padded);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const comparable = (answer: Answer): string => JSON.stringify(answer, (key, value: unknown) => (['file', 'files', 'sizeBytes', 'modified', 'notes', 'notesForPeople', 'engine', 'elapsedMs'].includes(key) ? undefined : value));
  const mixedNote = (answer: Answer, file: string) =>
    assert.ok(
      (answer.notes as string[] | undefined)?.some((n) => n.startsWith(`${file}: the file mixes text encodings`)),
      `${file}: ${JSON.stringify(answer.notes)}`,
    );

  describeWithEachEngine('', () => dir, (engine, server) => {
    it('error_summary counts the appended ERROR lines, as in the one-encoding twin, and says the file mixes encodings', async () => {
      const want = await call(server(), 'error_summary', { file: 'twin.log', wholeFile: true });
      assert.equal(want.totalErrors, 11);
      for (const file of MIXED) {
        const got = await call(server(), 'error_summary', { file, wholeFile: true });
        assert.equal(comparable(got), comparable(want), file);
        mixedNote(got, file);
      }
    });

    it('search_logs finds the appended lines with their levels', async () => {
      const want = await call(server(), 'search_logs', { file: 'twin.log', pattern: 'appended|failed', regex: true, level: 'ERROR' });
      assert.equal(want.totalMatches, 11);
      for (const file of MIXED) {
        const got = await call(server(), 'search_logs', { file, pattern: 'appended|failed', regex: true, level: 'ERROR' });
        assert.equal(comparable(got), comparable(want), file);
        mixedNote(got, file);
      }
    });

    it('a UTF-8 log with a NUL run stays UTF-8: no note, its lines found', async () => {
      const got = await call(server(), 'search_logs', { file: 'padded.log', pattern: 'appended by cmd', level: 'ERROR' });
      assert.equal(got.totalMatches, 5);
      assert.deepEqual(got.notes ?? [], []);
      assert.equal((got.files as { engine: string }[])[0].engine, engine.name);
    });
  });

  describe('recent_logs, log_patterns and the tail resource', function () {
    this.timeout(60_000);
    let server: StartedServer;
    before(async () => {
      server = await startBuiltServer('logs', { LOG_DIRS: dir });
    });
    after(async () => server?.close());

    it('recent_logs gives the appended lines as written, with a level filter too', async () => {
      for (const args of [{ lines: 3 }, { lines: 8, level: 'ERROR' }]) {
        const want = await call(server, 'recent_logs', { file: 'twin.log', ...args });
        assert.match(JSON.stringify(want), /appended by cmd echo 4/);
        for (const file of MIXED) {
          const got = await call(server, 'recent_logs', { file, ...args });
          assert.equal(comparable(got), comparable(want), `${file} ${JSON.stringify(args)}`);
          mixedNote(got, file);
        }
      }
    });

    it('log_patterns mines the same templates', async () => {
      const want = await call(server, 'log_patterns', { file: 'twin.log' });
      for (const file of MIXED) {
        const got = await call(server, 'log_patterns', { file });
        assert.equal(comparable(got), comparable(want), file);
        mixedNote(got, file);
      }
    });

    it('logs://file/{path} shows the same tail', async () => {
      const tail = async (name: string) => (await server.client.readResource({ uri: `logs://file/${encodeURIComponent(name)}` })).contents.map((c) => ('text' in c ? c.text : '')).join('\n');
      const want = await tail('twin.log');
      assert.match(want, /appended by cmd echo 4/);
      for (const file of MIXED) assert.equal(await tail(file), want, file);
    });
  });
});
