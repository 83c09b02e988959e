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
import { sniffCharset, toUtf8, type Charset } from '../../../servers/logs/io/charset';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

/** `text` in UTF-16 of the given byte order, with a byte order mark when `bom`. */
function utf16(text: string, order: 'le' | 'be', bom: boolean): Buffer {
  const le = Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le');
  return order === 'le' ? le : Buffer.from(le).swap16();
}

async function decodeInPieces(bytes: Buffer, cuts: number[], charset: Charset | 'sniff'): Promise<string> {
  const bounds = [...new Set([0, ...cuts.map((c) => c % (bytes.length + 1)), bytes.length])].sort((a, b) => a - b);
  async function* pieces(): AsyncGenerator<Buffer> {
    for (let i = 1; i < bounds.length; i++) if (bounds[i] > bounds[i - 1]) yield bytes.subarray(bounds[i - 1], bounds[i]);
  }
  const out: Buffer[] = [];
  for await (const piece of toUtf8(pieces(), charset)) out.push(piece);
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
  const comparable = (answer: Answer): string => JSON.stringify(answer, (key, value: unknown) => (['file', 'files', 'sizeBytes', 'modified', 'notes', 'engine', 'elapsedMs'].includes(key) ? undefined : value));

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
