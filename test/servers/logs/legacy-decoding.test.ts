// charset22: a log in a legacy charset (EUC-KR/CP949 from a Korean Windows program or a JVM with file.encoding=MS949,
// Shift_JIS, GBK, Latin-1) was only said to be "not UTF-8" (break28/29): `오류` was never found in it and its errors
// showed U+FFFD. Its lines that are not UTF-8 are now decoded, in the charset the user set (LOG_ENCODING, which the
// extension fills from files.encoding) or in one the detector is sure of, and every tool says which and how sure.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import iconv from 'iconv-lite';
import { detectLegacyCharset, LegacyLines, legacyCharsetName } from '../../../servers/shared/legacy-charset';
import { encoded, KOREAN_LINES } from '../../support/legacy-text';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

const KOREAN = KOREAN_LINES;
const JAPANESE = ['2026-12-03 10:00:01 INFO  サーバー起動完了', '2026-12-03 10:00:02 ERROR データベース接続エラー: タイムアウト', '2026-12-03 10:00:03 WARN  ディスク容量不足'];
const CHINESE = ['2026-12-03 10:00:01 INFO  服务器启动完成', '2026-12-03 10:00:02 ERROR 数据库连接错误: 超时', '2026-12-03 10:00:03 WARN  磁盘空间不足'];

/** The UTF-8 text LegacyLines gives for `bytes` fed in pieces of `size` bytes. */
function decodeInPieces(bytes: Buffer, charset: string, size: number): string {
  const lines = new LegacyLines(charset);
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(...lines.push(bytes.subarray(at, at + size)));
  out.push(...lines.end());
  return Buffer.concat(out).toString('utf8');
}

describe('logs: a log in a legacy charset is decoded (charset22)', function () {
  this.timeout(120_000);

  describe('decoding and detection', () => {
    it('decodes lines that are not UTF-8 and keeps UTF-8 ones, with characters cut at every piece boundary', () => {
      // A program upgraded from CP949 to UTF-8: both halves must read right.
      const bytes = Buffer.concat([encoded(KOREAN.slice(0, 3), 'cp949'), Buffer.from(`${KOREAN.slice(3).join('\n')}\n`), Buffer.from('no newline at the end 끝', 'utf8')]);
      const expected = `${KOREAN.join('\n')}\nno newline at the end 끝`;
      for (const size of [1, 2, 3, 7, 64, bytes.length]) assert.equal(decodeInPieces(bytes, 'cp949', size), expected, `pieces of ${size}`);
    });

    it('streams a line longer than it holds through a stateful decoder', () => {
      const long = '오류 '.repeat(400_000); // 1.2 MB in CP949: more than one line is held
      const bytes = Buffer.concat([encoded([long, 'next 다음'], 'cp949')]);
      assert.equal(decodeInPieces(bytes, 'cp949', 65_536), `${long}\nnext 다음\n`);
    });

    it('detects EUC-KR, Shift_JIS and GBK from a few log lines, and is unsure of one short line', () => {
      assert.equal(detectLegacyCharset(encoded(KOREAN, 'cp949')).charset?.decoder, 'cp949');
      assert.equal(detectLegacyCharset(encoded(JAPANESE, 'shift_jis')).charset?.decoder, 'cp932');
      assert.equal(detectLegacyCharset(encoded(CHINESE, 'gbk')).charset?.decoder, 'gb18030');
      // A program that moved to UTF-8: its UTF-8 Korean lines among the EUC-KR ones must not lead the detector astray.
      const moved = Buffer.concat(KOREAN.map((line) => Buffer.concat([Buffer.from(`${line} (UTF-8)\n`), encoded([line], 'cp949')])));
      assert.equal(detectLegacyCharset(moved).charset?.decoder, 'cp949', JSON.stringify(detectLegacyCharset(moved)));
      const one = detectLegacyCharset(iconv.encode('2026-12-03 ERROR 오류\n', 'cp949'));
      assert.equal(one.charset, undefined, JSON.stringify(one));
    });

    it('takes the names files.encoding uses, UTF-8 as none, and refuses unknown or non-ASCII-compatible ones clearly', () => {
      assert.equal(legacyCharsetName('euckr'), 'euckr');
      assert.equal(legacyCharsetName('Shift_JIS'), 'shift_jis');
      assert.equal(legacyCharsetName('utf8'), undefined);
      assert.equal(legacyCharsetName('utf8bom'), undefined);
      assert.throws(() => legacyCharsetName('klingon'), /unknown charset "klingon"/);
      assert.throws(() => legacyCharsetName('utf16le'), /not ASCII-compatible/);
    });
  });

  describe('through the built server', () => {
    let root: string;
    let detected: StartedServer;
    let configured: StartedServer;

    before(async () => {
      root = mkdtempSync(join(tmpdir(), 'legacy-decoding-'));
      // An ASCII banner longer than the first sniff, so the Korean lines are found by the later samples (break29).
      const banner = Array.from({ length: 20 }, (_, i) => `2026-12-03 09:59:${String(i).padStart(2, '0')} INFO starting module number ${i}`);
      writeFileSync(join(root, 'ko.log'), encoded([...banner, ...KOREAN], 'cp949'));
      writeFileSync(join(root, 'one.log'), encoded(['2026-12-03 10:00:00 INFO up', '2026-12-03 10:00:02 ERROR 오류'], 'cp949'));
      writeFileSync(join(root, 'old.log.1.gz'), gzipSync(encoded(KOREAN, 'cp949')));
      detected = await startBuiltServer('logs', { LOG_DIRS: root, HOME: root });
      configured = await startBuiltServer('logs', { LOG_DIRS: root, HOME: root, LOG_ENCODING: 'euckr' });
    });

    after(async () => {
      await detected?.close();
      await configured?.close();
      if (root) rmSync(root, { recursive: true, force: true });
    });

    const call = async (server: StartedServer, name: string, args: Record<string, unknown>) => {
      const result = (await server.client.callTool({ name, arguments: args })) as CallToolResult;
      assert.ok(!result.isError, `${name}: ${JSON.stringify(result.content)}`);
      return result.structuredContent as Record<string, unknown> & { notes: string[] };
    };

    it('search_logs finds 오류 in an EUC-KR file at its own line numbers, and says the charset was detected and how surely', async () => {
      const out = await call(detected, 'search_logs', { pattern: '오류', file: 'ko.log' });
      const matches = out.matches as { line: number; text: string }[];
      assert.deepEqual(matches.map((m) => [m.line, m.text]).sort(), [[22, KOREAN[1]], [24, KOREAN[3]]]);
      assert.ok(out.notes.some((n) => /^ko\.log: its text is not UTF-8: its lines that are not were decoded as EUC-KR\/CP949 \(detected, \d+% sure\)/.test(n)), JSON.stringify(out.notes));
    });

    it('error_summary, recent_logs, log_patterns and the file tail read the decoded text', async () => {
      const summary = await call(detected, 'error_summary', { wholeFile: true, file: 'ko.log' });
      assert.ok(JSON.stringify(summary).includes('데이터베이스 연결 오류'), JSON.stringify(summary));
      const files = summary.files as { file: string; decodedFrom?: string; legacyText?: boolean }[];
      assert.deepEqual(files.map((f) => [f.file, f.decodedFrom, f.legacyText]), [['ko.log', 'EUC-KR/CP949', undefined]]);
      const recent = await call(detected, 'recent_logs', { file: 'ko.log', lines: 2 });
      assert.ok(JSON.stringify(recent).includes('결제 처리 오류'), JSON.stringify(recent));
      const errors = await call(detected, 'recent_logs', { file: 'ko.log', level: 'ERROR', lines: 5 });
      assert.ok(JSON.stringify(errors).includes('결제 처리 오류'), JSON.stringify(errors));
      const patterns = await call(detected, 'log_patterns', { file: 'ko.log' });
      assert.ok(JSON.stringify(patterns).includes('디스크 공간 부족'), JSON.stringify(patterns));
      const tail = await detected.client.readResource({ uri: 'logs://file/ko.log' });
      assert.ok(JSON.stringify(tail.contents).includes('작업 완료'), JSON.stringify(tail.contents));
    });

    it('a file the detector is unsure of keeps the note, naming its guess; with LOG_ENCODING it is decoded', async () => {
      const unsure = await call(detected, 'search_logs', { pattern: '오류', file: 'one.log' });
      assert.deepEqual(unsure.matches, []);
      assert.ok(unsure.notes.some((n) => /^one\.log: its text is not UTF-8 \(a legacy charset such as EUC-KR\/CP949.*set its charset \(LOG_ENCODING/.test(n)), JSON.stringify(unsure.notes));
      const set = await call(configured, 'search_logs', { pattern: '오류', file: 'one.log' });
      assert.deepEqual((set.matches as { line: number; text: string }[]).map((m) => [m.line, m.text]), [[2, '2026-12-03 10:00:02 ERROR 오류']]);
      assert.ok(set.notes.some((n) => /^one\.log: its text is not UTF-8: its lines that are not were decoded as EUCKR \(set by LOG_ENCODING/.test(n)), JSON.stringify(set.notes));
    });

    it("a call's encoding reads the file in that charset, in every tool; an unknown one is refused with the reason", async () => {
      const found = await call(detected, 'search_logs', { pattern: '오류', file: 'one.log', encoding: 'euc-kr' });
      assert.deepEqual((found.matches as { line: number }[]).map((m) => m.line), [2]);
      assert.ok(found.notes.some((n) => /^one\.log: its text is not UTF-8: its lines that are not were decoded as EUC-KR \(the call's encoding\)/.test(n)), JSON.stringify(found.notes));
      const summary = await call(detected, 'error_summary', { file: 'one.log', wholeFile: true, encoding: 'cp949' });
      assert.ok(JSON.stringify(summary.groups).includes('오류'), JSON.stringify(summary));
      const recent = await call(detected, 'recent_logs', { file: 'one.log', encoding: 'euckr' });
      assert.ok(JSON.stringify(recent).includes('ERROR 오류'), JSON.stringify(recent));
      const patterns = await call(detected, 'log_patterns', { file: 'one.log', encoding: 'euc-kr' });
      assert.ok(JSON.stringify(patterns).includes('오류'), JSON.stringify(patterns));
      const refused = (await detected.client.callTool({ name: 'search_logs', arguments: { pattern: 'x', encoding: 'klingon' } })) as CallToolResult;
      assert.ok(refused.isError);
      assert.match(JSON.stringify(refused.content), /unknown charset \\"klingon\\"/);
    });

    it('LOG_ENCODING applies to a compressed rotation too', async () => {
      const out = await call(configured, 'search_logs', { pattern: '잔액 부족', file: 'old.log.1.gz' });
      assert.deepEqual((out.matches as { line: number }[]).map((m) => m.line), [4]);
    });

    // leftovers23: a typo in the editor's files.encoding took every log tool away; detection needs no setting.
    it('an unknown LOG_ENCODING does not stop the server: it detects instead and says so once, on stderr and in the notes', async () => {
      const mistyped = await startBuiltServer('logs', { LOG_DIRS: root, HOME: root, LOG_ENCODING: 'klingon' });
      try {
        const out = await call(mistyped, 'search_logs', { pattern: '오류' });
        assert.deepEqual((out.matches as { file: string; line: number }[]).filter((m) => m.file === 'ko.log').map((m) => m.line).sort(), [22, 24]);
        const refused = out.notes.filter((n) => /^LOG_ENCODING \(the editor's files\.encoding\) is not used: unknown charset "klingon" \(expected a name such as euc-kr.*detected per file/.test(n));
        assert.equal(refused.length, 1, JSON.stringify(out.notes));
        const recent = await call(mistyped, 'recent_logs', { file: 'ko.log', lines: 2 });
        assert.ok(recent.notes.some((n) => n.startsWith('LOG_ENCODING ')), JSON.stringify(recent.notes));
        // A call naming the charset is not told about the setting it overrides.
        const asked = await call(mistyped, 'search_logs', { pattern: '오류', file: 'one.log', encoding: 'euc-kr' });
        assert.ok(!asked.notes.some((n) => n.startsWith('LOG_ENCODING ')), JSON.stringify(asked.notes));
        assert.equal(mistyped.stderr().split('unknown charset "klingon"').length - 1, 1, mistyped.stderr());
      } finally {
        await mistyped.close();
      }
    });
  });
});
