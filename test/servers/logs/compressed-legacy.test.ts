// break31: a rotated log compressed with gzip, bzip2, xz, zstd or lz4 whose text is in a legacy charset (a Korean
// Windows program's EUC-KR rotated by logrotate's `compress`) was read as UTF-8 with no word: search_logs for `오류`
// answered "0 matches, complete", error_summary grouped `�����ͺ��̽� ���� ����`, and no note said the text was not
// UTF-8 (the charset of a plain file is sampled when it is opened; a compressed file's text exists only once
// decompressed, so it was never sampled). Its lines that are not UTF-8 are now judged as the text comes, and decoded
// in the charset the detector is sure of, or named as not UTF-8 when it is not sure.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DetectedLegacyLines } from '../../../servers/logs/io/legacy-stream';
import { encoded, KOREAN_LINES } from '../../support/legacy-text';
import { callStructured, startBuiltServer, type StartedServer } from '../../support/mcp-client';

const KOREAN = KOREAN_LINES;
const BANNER = Array.from({ length: 30 }, (_, i) => `2026-12-03 09:59:${String(i).padStart(2, '0')} INFO starting module number ${i}`);

/** The UTF-8 text and the note DetectedLegacyLines gives for `bytes` fed in pieces of `size` bytes. */
function readInPieces(bytes: Buffer, size: number): { text: string; note?: string } {
  const lines = new DetectedLegacyLines();
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(...lines.push(bytes.subarray(at, at + size)));
  out.push(...lines.end());
  const note = lines.note();
  return { text: Buffer.concat(out).toString('utf8'), ...(note === undefined ? {} : { note }) };
}

describe('logs: a compressed rotation in a legacy charset is decoded or named (break31)', function () {
  this.timeout(120_000);

  describe('judging the text as it comes', () => {
    it('hands UTF-8 text on as it is, with no note', () => {
      const bytes = Buffer.from(`${[...BANNER, ...KOREAN].join('\n')}\n끝`);
      for (const size of [1, 5, 4096]) assert.deepEqual(readInPieces(bytes, size), { text: bytes.toString('utf8') }, `pieces of ${size}`);
    });

    it('decodes EUC-KR lines met after a UTF-8 start, whatever the pieces, and says in what', () => {
      // An ASCII banner, then Korean in CP949, then the program's UTF-8 lines after its upgrade, and no final LF.
      const bytes = Buffer.concat([encoded([...BANNER, ...KOREAN], 'cp949'), Buffer.from(`${KOREAN[1]} (UTF-8)\n마지막`)]);
      const expected = `${[...BANNER, ...KOREAN, `${KOREAN[1]} (UTF-8)`].join('\n')}\n마지막`;
      for (const size of [1, 3, 64, 100_000]) {
        const { text, note } = readInPieces(bytes, size);
        assert.equal(text, expected, `pieces of ${size}`);
        assert.match(note ?? '', /^its text is not UTF-8: its lines that are not were decoded as EUC-KR\/CP949 \(detected, \d+% sure\)/);
      }
    });

    it('leaves text it is unsure of as it is, and says it is not UTF-8', () => {
      const bytes = encoded([...BANNER, '2026-12-03 10:00:02 ERROR 오류'], 'cp949');
      const { text, note } = readInPieces(bytes, 7);
      assert.equal(text, bytes.toString('utf8'));
      assert.match(note ?? '', /^its text is not UTF-8 \(a legacy charset such as EUC-KR\/CP949.*set its charset \(LOG_ENCODING/);
    });

    it('gives no note on binary bytes (a core dump compressed under a log name)', () => {
      const bytes = Buffer.concat([Buffer.from('2026-12-03 10:00:01 INFO start\n'), Buffer.from([0x01, 0x02, 0xff, 0xfe, 0x80, 0x90, 0x0a])]);
      assert.equal(readInPieces(bytes, 4).note, undefined);
    });
  });

  describe('through the built server', () => {
    let root: string;
    let server: StartedServer;
    const has = (tool: string) => spawnSync(tool, ['--version'], { stdio: 'ignore' }).status === 0;

    before(async () => {
      root = mkdtempSync(join(tmpdir(), 'compressed-legacy-'));
      const text = encoded([...BANNER, ...KOREAN], 'cp949');
      writeFileSync(join(root, 'app.log.1.gz'), gzipSync(text));
      if (has('xz')) writeFileSync(join(root, 'app.log.2.xz'), spawnSync('xz', ['-c'], { input: text }).stdout);
      writeFileSync(join(root, 'one.log.1.gz'), gzipSync(encoded([...BANNER, '2026-12-03 10:00:02 ERROR 오류'], 'cp949')));
      // More than one block of text (CHUNK_BYTES, 4 MiB): a search that stops early must still say how it was read.
      const many = Array.from({ length: 120_000 }, (_, i) => `2026-12-03 10:${String(i % 60).padStart(2, '0')}:00 ${i % 1000 === 0 ? 'ERROR 결제 처리 오류' : 'INFO  요청 처리 완료'}: 번호 ${i}`);
      writeFileSync(join(root, 'big.log.1.gz'), gzipSync(encoded(many, 'cp949')));
      // Too little Korean for the detector to be sure of, but most of each line: undecoded, it is still no binary file.
      writeFileSync(join(root, 'few.log.1.gz'), gzipSync(encoded(['10:00:00 ERROR 실패 실패 실패 실패 실패 실패 실패 실패'], 'cp949')));
      writeFileSync(join(root, 'ko.log'), text);
      writeFileSync(join(root, 'one.log'), encoded([...BANNER, '2026-12-03 10:00:02 ERROR 오류'], 'cp949'));
      server = await startBuiltServer('logs', { LOG_DIRS: root, HOME: root, LOG_JOURNAL: 'off', LOG_DOCKER: 'off' });
    });

    after(async () => {
      await server?.close();
      if (root) rmSync(root, { recursive: true, force: true });
    });

    const call = (name: string, args: Record<string, unknown>) => callStructured(server.client, name, args);

    it('search_logs finds 오류 in a gzip rotation at its own line numbers, and says the text was decoded', async () => {
      const out = await call('search_logs', { pattern: '오류', file: 'app.log.1.gz' });
      assert.deepEqual((out.matches as { line: number; text: string }[]).map((m) => [m.line, m.text]).sort(), [[32, KOREAN[1]], [34, KOREAN[3]]]);
      assert.ok(out.notes.some((n) => /^app\.log\.1\.gz: its text is not UTF-8: its lines that are not were decoded as EUC-KR\/CP949 \(detected/.test(n)), JSON.stringify(out.notes));
    });

    it('error_summary and recent_logs read an xz rotation decoded', async function () {
      if (!has('xz')) this.skip();
      const summary = await call('error_summary', { wholeFile: true, file: 'app.log.2.xz' });
      assert.ok(JSON.stringify(summary.groups).includes('데이터베이스 연결 오류'), JSON.stringify(summary));
      assert.ok(summary.notes.some((n) => /^app\.log\.2\.xz: its text is not UTF-8: its lines that are not were decoded/.test(n)), JSON.stringify(summary.notes));
      const recent = await call('recent_logs', { file: 'app.log.2.xz', lines: 2 });
      assert.ok(JSON.stringify(recent).includes('작업 완료'), JSON.stringify(recent));
    });

    it('a rotation the detector is unsure of is said not to be UTF-8, in the notes and in error_summary.files', async () => {
      const out = await call('search_logs', { pattern: '오류', file: 'one.log.1.gz' });
      assert.deepEqual(out.matches, []);
      assert.ok(out.notes.some((n) => /^one\.log\.1\.gz: its text is not UTF-8 \(a legacy charset/.test(n)), JSON.stringify(out.notes));
      const summary = await call('error_summary', { wholeFile: true, file: 'one.log.1.gz' });
      assert.deepEqual((summary.files as { file: string; legacyText?: boolean }[]).map((f) => [f.file, f.legacyText]), [['one.log.1.gz', true]]);
    });

    // A call's encoding (or LOG_ENCODING) on a compressed rotation decoded it without a word: a wrong one answered
    // "0 matches, complete" where a plain file's note named the charset it was read in.
    it("a call's encoding on a compressed rotation is named in the notes, right or wrong", async () => {
      const right = await call('search_logs', { pattern: '오류', file: 'app.log.1.gz', encoding: 'euc-kr' });
      assert.equal((right.matches as unknown[]).length, 2);
      assert.ok(right.notes.some((n) => /^app\.log\.1\.gz: its text is not UTF-8: its lines that are not were decoded as EUC-KR \(the charset set for it/.test(n)), JSON.stringify(right.notes));
      const wrong = await call('search_logs', { pattern: '오류', file: 'app.log.1.gz', encoding: 'shift_jis' });
      assert.deepEqual(wrong.matches, []);
      assert.ok(wrong.notes.some((n) => /^app\.log\.1\.gz: its text is not UTF-8: its lines that are not were decoded as SHIFT_JIS/.test(n)), JSON.stringify(wrong.notes));
    });

    it('recent_logs on a rotation left undecoded says it is not UTF-8, not that it looks like a binary file', async () => {
      const recent = await call('recent_logs', { file: 'few.log.1.gz' });
      assert.ok(recent.notes.some((n) => /^few\.log\.1\.gz: its text is not UTF-8 \(a legacy charset/.test(n)), JSON.stringify(recent.notes));
      assert.ok(!recent.notes.some((n) => /binary file/.test(n)), JSON.stringify(recent.notes));
    });

    it('a search that stops before the end of a large rotation still names the charset its text was decoded in', async () => {
      const out = await call('search_logs', { pattern: '오류', file: 'big.log.1.gz', order: 'oldest', limit: 1 });
      assert.deepEqual((out.matches as { line: number }[]).map((m) => m.line), [1]);
      assert.equal((out.files as { complete: boolean }[])[0].complete, false, 'stopped early');
      assert.ok(out.notes.some((n) => /^big\.log\.1\.gz: its text is not UTF-8: its lines that are not were decoded as EUC-KR\/CP949/.test(n)), JSON.stringify(out.notes));
      const patterns = await call('log_patterns', { file: 'big.log.1.gz' });
      assert.equal(patterns.notes.filter((n) => n.startsWith('big.log.1.gz: its text is not UTF-8')).length, 1, JSON.stringify(patterns.notes));
    });

    // log_patterns said nothing of a legacy charset, of a plain file either: templates of U+FFFD without a word, or
    // decoded ones without saying in what.
    it('log_patterns says what it said of the text, as the other tools do, plain or compressed', async () => {
      const expected: [string, RegExp][] = [
        ['ko.log', /^ko\.log: its text is not UTF-8: its lines that are not were decoded as EUC-KR\/CP949 \(detected/],
        ['app.log.1.gz', /^app\.log\.1\.gz: its text is not UTF-8: its lines that are not were decoded as EUC-KR\/CP949 \(detected/],
        ['one.log', /^one\.log: its text is not UTF-8 \(a legacy charset/],
        ['one.log.1.gz', /^one\.log\.1\.gz: its text is not UTF-8 \(a legacy charset/],
      ];
      for (const [file, note] of expected) {
        const out = await call('log_patterns', { file });
        assert.ok((out.notes ?? []).some((n) => note.test(n)), `${file}: ${JSON.stringify(out.notes)}`);
      }
    });
  });
});
