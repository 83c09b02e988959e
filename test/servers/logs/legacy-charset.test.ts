// A log in a legacy 8-bit charset (EUC-KR/CP949 from a Korean Windows program or a JVM with file.encoding=MS949,
// Shift_JIS, GBK, Latin-1) is read as UTF-8, so its Korean letters read as U+FFFD. A search for `오류` in it answered
// "0 matches, complete" without a word (break28), about a file whose second line says 오류: a confident "nothing". The
// tools say the text is not UTF-8, and since charset22 decode it in the charset detected (with how sure) or set; the
// note without decoding, for text too short to detect, is in legacy-decoding.test.ts.
// A gzip file without a .gz name (a rotation that compressed app.log.3 in place) was read as such binary text: it is
// decompressed, as its header says it must be.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startsAsLegacyText } from '../../../servers/logs/io/charset';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

/** "데이터베이스 연결 오류 발생" (database connection error) in EUC-KR, as a Korean Windows program writes it. */
const EUC_KR_ERROR = Buffer.from('b5a5c0ccc5cdbaa3c0ccbdba20bfacb0e120bfc0b7f920b9dfbbfd', 'hex');
const eucKrLog = Buffer.concat([
  Buffer.from('2026-12-02 11:00:00 INFO service started\n2026-12-02 11:00:01 ERROR '),
  EUC_KR_ERROR,
  Buffer.from('\n2026-12-02 11:00:02 INFO done\n'),
]);

describe('logs: a log whose text is not UTF-8 (a legacy charset) is said to be so', function () {
  this.timeout(60_000);
  let root: string;
  let server: StartedServer;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'legacy-charset-'));
    writeFileSync(join(root, 'euckr.log'), eucKrLog);
    writeFileSync(join(root, 'utf8.log'), '2026-12-02 11:00:01 ERROR 데이터베이스 연결 오류 발생\n');
    writeFileSync(join(root, 'app.log.3'), gzipSync('2026-12-02 11:00:00 INFO up\n2026-12-02 11:00:01 ERROR disk quota exceeded\n'));
    // An ASCII start-up banner of 20 lines (about 1 KB) before the first EUC-KR line; and a long UTF-8 file.
    const banner = Array.from({ length: 20 }, (_, i) => `2026-12-02 10:59:${String(i).padStart(2, '0')} INFO starting module number ${i}\n`).join('');
    writeFileSync(join(root, 'late-euckr.log'), Buffer.concat([Buffer.from(banner), eucKrLog, Buffer.from(banner)]));
    writeFileSync(join(root, 'long-utf8.log'), `${banner}2026-12-02 11:00:01 ERROR 데이터베이스 연결 오류 발생 – café\n`.repeat(40));
    server = await startBuiltServer('logs', { LOG_DIRS: root, HOME: root });
  });

  after(async () => {
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('tells legacy text from UTF-8, also when the sniff cuts a UTF-8 character in two', () => {
    assert.equal(startsAsLegacyText(eucKrLog), true);
    assert.equal(startsAsLegacyText(Buffer.from('2026-12-02 ERROR café crème\n')), false);
    assert.equal(startsAsLegacyText(Buffer.from('2026-12-02 ERROR 오류').subarray(0, -1)), false, 'a character cut at the end');
    assert.equal(startsAsLegacyText(Buffer.from('2026-12-02 ERROR caf\xe9\n', 'latin1')), true, 'Latin-1');
    assert.equal(startsAsLegacyText(Buffer.concat([Buffer.alloc(64), Buffer.from('2026-12-02 ERROR x\n')])), false, 'a NUL run is no charset');
    assert.equal(startsAsLegacyText(gzipSync('2026-12-02 ERROR compressed, with no .gz in its name\n')), false, 'binary data is no charset');
  });

  it('search_logs, error_summary and recent_logs say which file is not UTF-8 and how it was read; UTF-8 files get no such note', async () => {
    const calls: [string, Record<string, unknown>][] = [
      ['search_logs', { pattern: '오류' }],
      ['error_summary', { wholeFile: true }],
      ['recent_logs', { file: 'euckr.log' }],
    ];
    for (const [tool, args] of calls) {
      const result = (await server.client.callTool({ name: tool, arguments: args })) as CallToolResult;
      assert.ok(!result.isError, tool);
      const notes = (result.structuredContent as { notes: string[] }).notes;
      assert.ok(
        notes.some((n) => /^euckr\.log: its text is not UTF-8: its lines that are not were decoded as EUC-KR\/CP949 \(detected, 100% sure\)/.test(n)),
        `${tool}: ${JSON.stringify(notes)}`,
      );
      assert.ok(!notes.some((n) => n.startsWith('utf8.log')), `${tool}: ${JSON.stringify(notes)}`);
    }
    // fix30: and error_summary marks the file itself, so a client does not read the notes' English to qualify a zero;
    // charset22: decoded, it is not `legacyText` (its words were read) but `decodedFrom` its charset.
    const summary = (await server.client.callTool({ name: 'error_summary', arguments: { wholeFile: true } })) as CallToolResult;
    const files = (summary.structuredContent as { files: Array<{ file: string; legacyText?: boolean; decodedFrom?: string }> }).files;
    assert.deepEqual(files.filter((f) => f.file.endsWith('euckr.log')).map((f) => [f.file, f.legacyText, f.decodedFrom]).sort(), [['euckr.log', undefined, 'EUC-KR/CP949'], ['late-euckr.log', undefined, 'EUC-KR/CP949']]);
    assert.equal(files.find((f) => f.file === 'utf8.log')?.legacyText, undefined, JSON.stringify(files));
    assert.equal(files.find((f) => f.file === 'utf8.log')?.decodedFrom, undefined, JSON.stringify(files));
    const found = (await server.client.callTool({ name: 'search_logs', arguments: { pattern: '오류', file: 'euckr.log' } })) as CallToolResult;
    const matches = (found.structuredContent as { matches: { line: number; text: string }[] }).matches;
    assert.deepEqual(matches.map((m) => [m.line, m.text]), [[2, '2026-12-02 11:00:01 ERROR 데이터베이스 연결 오류 발생']]);
  });

  // break29: a log's first lines are most often its ASCII start-up banner, and its Korean errors come later: with the
  // legacy text only past the first 512 bytes, a search for 오류 answered "0 matches" without a word again.
  it('says so also when the legacy text comes after an ASCII start, and not for a long UTF-8 file', async () => {
    for (const [tool, args] of [['search_logs', { pattern: '오류', file: 'late-euckr.log' }], ['recent_logs', { file: 'late-euckr.log' }]] as const) {
      const result = (await server.client.callTool({ name: tool, arguments: args })) as CallToolResult;
      assert.ok(!result.isError, tool);
      const notes = (result.structuredContent as { notes: string[] }).notes;
      assert.ok(notes.some((n) => /^late-euckr\.log: its text is not UTF-8: its lines that are not were decoded as EUC-KR/.test(n)), `${tool}: ${JSON.stringify(notes)}`);
    }
    const long = (await server.client.callTool({ name: 'search_logs', arguments: { pattern: '오류', file: 'long-utf8.log' } })) as CallToolResult;
    assert.ok(!(long.structuredContent as { notes: string[] }).notes.some((n) => n.includes('not UTF-8')), JSON.stringify(long.structuredContent));
  });

  it('a file that starts with a gzip header is decompressed, whatever its name', async () => {
    const result = (await server.client.callTool({ name: 'search_logs', arguments: { pattern: 'disk quota', file: 'app.log.3' } })) as CallToolResult;
    assert.ok(!result.isError, JSON.stringify(result.content));
    const out = result.structuredContent as { matches: { line: number; text: string }[]; notes: string[] };
    assert.deepEqual(out.matches.map((m) => [m.line, m.text]), [[2, '2026-12-02 11:00:01 ERROR disk quota exceeded']]);
    assert.ok(!out.notes.some((n) => n.includes('not UTF-8')), JSON.stringify(out.notes));
  });
});
