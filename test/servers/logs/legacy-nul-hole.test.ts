// break31: an EUC-KR log rotated by logrotate's copytruncate, under a writer that does not append, holds a run of NULs
// as long as the old file before the writer's next entry, on one "line" (break30 drops a line's leading NULs). The
// legacy decoder judged a line longer than it holds (1 MiB) by its first MiB: NULs, valid UTF-8, so the entry behind
// them was handed on undecoded: search_logs answered "0 matches, complete" for `오류` and error_summary grouped
// `�����ͺ��̽� ���� ����` while recent_logs (reading backwards) showed the line right.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { LegacyLines } from '../../../servers/shared/legacy-charset';
import { DetectedLegacyLines } from '../../../servers/logs/io/legacy-stream';
import { callStructured, startBuiltServer, type StartedServer } from '../../support/mcp-client';

const BEFORE = ['2026-12-03 10:00:01 INFO  서버 시작 완료 및 초기화 진행', '2026-12-03 10:00:02 INFO  설정 파일 읽기 완료: 모든 항목 정상'];
const AFTER = ['2026-12-03 10:05:01 ERROR 데이터베이스 연결 오류: 시간 초과 발생함', '2026-12-03 10:05:02 INFO  재시도 예약됨: 다음 시도까지 대기'];
const cp949 = (lines: string[]) => iconv.encode(`${lines.join('\n')}\n`, 'cp949');
/** The file: EUC-KR lines, a copytruncate hole of `hole` NULs, then EUC-KR lines on from the hole's end. */
const withHole = (hole: number) => Buffer.concat([cp949(BEFORE), Buffer.alloc(hole), cp949(AFTER)]);
const HOLE = 3 * 1024 * 1024;

/** What `reader` gives for `bytes` fed in pieces of `size` bytes, its NULs left out (the line readers drop them). */
function readInPieces(reader: { push(piece: Buffer): Buffer[]; end(): Buffer[] }, bytes: Buffer, size: number): string {
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(...reader.push(bytes.subarray(at, at + size)));
  out.push(...reader.end());
  return Buffer.concat(out).toString('utf8').replace(/\0/g, '');
}

describe('logs: a legacy-charset entry after a copytruncate hole is decoded (break31)', function () {
  this.timeout(120_000);
  const expected = `${[...BEFORE, ...AFTER].join('\n')}\n`;

  it('LegacyLines decodes the entry behind a NUL run longer than a line it holds', () => {
    for (const size of [65_536, 1_000_000, 4 * 1024 * 1024]) assert.equal(readInPieces(new LegacyLines('cp949'), withHole(HOLE), size), expected, `pieces of ${size}`);
  });

  it('decompressed text does too (DetectedLegacyLines)', () => {
    const reader = new DetectedLegacyLines();
    assert.equal(readInPieces(reader, withHole(HOLE), 65_536), expected);
    assert.match(reader.note() ?? '', /decoded as EUC-KR\/CP949/);
    // The hole before any legacy line: the first text after it is judged.
    const first = new DetectedLegacyLines();
    assert.equal(readInPieces(first, Buffer.concat([Buffer.from('2026-12-03 10:00:00 INFO start\n'), Buffer.alloc(HOLE), cp949([...BEFORE, ...AFTER])]), 65_536), `2026-12-03 10:00:00 INFO start\n${expected}`);
    assert.match(first.note() ?? '', /decoded as EUC-KR\/CP949/);
  });

  describe('through the built server', () => {
    let root: string;
    let server: StartedServer;

    before(async () => {
      root = mkdtempSync(join(tmpdir(), 'legacy-nul-hole-'));
      writeFileSync(join(root, 'app.log'), withHole(HOLE));
      writeFileSync(join(root, 'app.log.1.gz'), gzipSync(withHole(HOLE)));
      server = await startBuiltServer('logs', { LOG_DIRS: root, HOME: root, LOG_JOURNAL: 'off', LOG_DOCKER: 'off' });
    });

    after(async () => {
      await server?.close();
      if (root) rmSync(root, { recursive: true, force: true });
    });

    const call = (name: string, args: Record<string, unknown>) => callStructured(server.client, name, args);

    for (const file of ['app.log', 'app.log.1.gz']) {
      it(`search_logs finds 오류 after the hole and error_summary groups it decoded (${file})`, async () => {
        const found = await call('search_logs', { pattern: '오류', file });
        assert.deepEqual((found.matches as { line: number; text: string }[]).map((m) => [m.line, m.text]), [[3, AFTER[0]]]);
        const summary = await call('error_summary', { file, wholeFile: true });
        assert.ok(JSON.stringify(summary.groups).includes('데이터베이스 연결 오류'), JSON.stringify(summary.groups));
      });
    }
  });
});
