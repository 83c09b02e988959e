// A level name in another language written in brackets or as `name:` where a file's level column stands (`[오류]`,
// `[WARNUNG]`, `エラー:`): the level reader takes a bracket or a `name:` whole only when it holds an English level word,
// so these were read as a thread or a program and the file's errors were missed (error_summary: "no level this server
// can read"; search_logs level ERROR: nothing). Found by break40 with a Korean user's log; neighbours: a thread column
// where one value happens to be a level name, and a bracket column of English level words (read as before).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLineParser } from '../../../servers/logs/format/detect';
import { callStructured, startBuiltServer, type StartedServer } from '../../support/mcp-client';

const KOREAN_BRACKETS = [
  '2026-11-28 10:00:01 [정보] 서버가 시작되었습니다',
  '2026-11-28 10:00:02 [오류] 데이터베이스 연결 실패: connection refused',
  '2026-11-28 10:00:03 [경고] 디스크 사용량 90%',
  '2026-11-28 10:00:04 [정보] 오류 없이 처리 완료',
  '2026-11-28 10:00:05 [치명적] 메모리 부족',
];

function levelsOf(lines: string[]): { level: string | undefined; message: string; component: string | undefined }[] {
  const parser = createLineParser(lines, { referenceTime: Date.UTC(2026, 10, 30) });
  return lines.map((line) => {
    const parsed = parser.parse(line);
    return { level: parsed.level, message: parsed.message, component: parsed.component };
  });
}

describe('log intelligence: level names in another language in a bracket or `name:` column', () => {
  it('reads `[오류]`, `[경고]`, `[치명적]` after a Korean date or an ISO one as the line\'s level, cut from the message', () => {
    const korean = KOREAN_BRACKETS.map((line) => line.replace(/^2026-11-28/, '2026년 11월 28일'));
    for (const lines of [KOREAN_BRACKETS, korean]) {
      assert.deepEqual(levelsOf(lines).map((p) => [p.level, p.message]), [
        ['INFO', '서버가 시작되었습니다'],
        ['ERROR', '데이터베이스 연결 실패: connection refused'],
        ['WARN', '디스크 사용량 90%'],
        // `오류` in the message is a word of text, not the level.
        ['INFO', '오류 없이 처리 완료'],
        ['FATAL', '메모리 부족'],
      ]);
    }
  });

  it('reads German and Japanese level names in brackets and as `name:`, the column being no program', () => {
    const german = ['2026-11-28 10:00:01 [INFORMATIONEN] Dienst gestartet', '2026-11-28 10:00:02 [FEHLER] Verbindung abgelehnt', '2026-11-28 10:00:03 [WARNUNG] Platte fast voll'];
    assert.deepEqual(levelsOf(german).map((p) => p.level), ['INFO', 'ERROR', 'WARN']);
    const japanese = ['2026-11-28 10:00:01 情報: 起動しました', '2026-11-28 10:00:02 エラー: 接続に失敗しました', '2026-11-28 10:00:03 警告: ディスク残量わずか'];
    assert.deepEqual(levelsOf(japanese).map((p) => [p.level, p.message, p.component]), [
      ['INFO', '起動しました', undefined],
      ['ERROR', '接続に失敗しました', undefined],
      ['WARN', 'ディスク残量わずか', undefined],
    ]);
  });

  it('keeps a thread column a thread column when one of its values happens to be a level name', () => {
    const threads = [
      '2026-11-28 10:00:01 [main] 서버가 시작되었습니다',
      '2026-11-28 10:00:02 [worker-1] 데이터베이스 연결 실패',
      '2026-11-28 10:00:03 [worker-2] 디스크 사용량 90%',
      '2026-11-28 10:00:04 [정보] 처리 완료',
      '2026-11-28 10:00:05 [worker-3] 메모리 부족',
      '2026-11-28 10:00:06 [오류] 응답 지연',
    ];
    assert.deepEqual(levelsOf(threads).map((p) => p.level), [undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('reads English level words in brackets as before', () => {
    const english = KOREAN_BRACKETS.map((line) => line.replace('[정보]', '[INFO]').replace('[오류]', '[ERROR]').replace('[경고]', '[WARN]').replace('[치명적]', '[FATAL]'));
    assert.deepEqual(levelsOf(english).map((p) => p.level), ['INFO', 'ERROR', 'WARN', 'INFO', 'FATAL']);
  });

  describe('through the built server', function () {
    this.timeout(60_000);
    let root: string;
    let server: StartedServer;
    before(async function () {
      root = mkdtempSync(join(tmpdir(), 'localized-levels-'));
      writeFileSync(join(root, 'app.log'), KOREAN_BRACKETS.join('\n') + '\n');
      server = await startBuiltServer('logs', { LOG_DIRS: root, LOG_JOURNAL: 'off', LOG_DOCKER: 'off' });
    });
    after(async function () {
      await server?.close();
      if (root) rmSync(root, { recursive: true, force: true });
    });

    it('error_summary counts the `[오류]` and `[치명적]` lines and does not call the levels unreadable', async function () {
      const out = await callStructured(server.client, 'error_summary', { wholeFile: true });
      assert.equal(out.totalErrors, 2);
      const files = out.files as { file: string; errors: number; levelsUnreadable?: boolean }[];
      assert.deepEqual(files, [{ file: 'app.log', errors: 2 }]);
    });

    it('search_logs with level WARN returns the `[경고]`, `[오류]` and `[치명적]` lines', async function () {
      const out = await callStructured(server.client, 'search_logs', { level: 'WARN', order: 'oldest' });
      const matches = out.matches as { line: number; level: string }[];
      assert.deepEqual(matches.map((m) => [m.line, m.level]), [[2, 'ERROR'], [3, 'WARN'], [5, 'FATAL']]);
      assert.deepEqual(out.notes, []);
    });
  });
});
