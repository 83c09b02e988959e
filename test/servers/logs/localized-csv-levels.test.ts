// A CSV log whose level column is written in Korean, Japanese or Chinese (`오류`, `エラー`, `错误`, `錯誤`): the column
// reader took a level only in English words, so such a table had no level column, was "a data table, not a log", and
// its errors were missed by error_summary and by a level filter. The words are those Windows' event viewer and
// localized loggers print in those locales (Korean event viewer: 위험/오류/경고/정보; Japanese: 重大/エラー/警告/情報;
// Chinese: 严重/错误/警告/信息, 錯誤/資訊). Neighbours: such a word in a message column is a word of text, and a column
// of prose that holds one is no level column.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvColumns } from '../../../servers/logs/format/csv-columns';
import { createLineParser } from '../../../servers/logs/format/detect';
import { callStructured, startBuiltServer, type StartedServer } from '../../support/mcp-client';

const TABLES: Record<string, string[]> = {
  'korean.csv': ['시간,호스트,수준,메시지', '2026-12-01 10:00:00,web-1,정보,서비스 시작됨', '2026-12-01 10:00:01,web-1,오류,디스크가 가득 찼습니다', '2026-12-01 10:00:02,web-1,경고,오류 없이 재시도', '2026-12-01 10:00:03,web-1,위험,서비스 중지'],
  'japanese.csv': ['日時,ホスト,レベル,メッセージ', '2026-12-01 10:00:00,db-1,情報,起動しました', '2026-12-01 10:00:01,db-1,エラー,接続に失敗しました', '2026-12-01 10:00:02,db-1,警告,ディスク残量わずか'],
  'chinese.csv': ['时间,主机,级别,消息', '2026-12-01 10:00:00,app-1,信息,服务已启动', '2026-12-01 10:00:01,app-1,错误,连接被拒绝', '2026-12-01 10:00:02,app-1,调试,缓存命中'],
  'taiwan.csv': ['時間,主機,層級,訊息', '2026-12-01 10:00:00,app-2,資訊,服務已啟動', '2026-12-01 10:00:01,app-2,錯誤,連線被拒', '2026-12-01 10:00:02,app-2,警告,磁碟將滿'],
};

function levels(lines: string[]): (string | undefined)[] {
  const parser = createLineParser(lines, { referenceTime: Date.UTC(2026, 11, 2) });
  return lines.map((line) => parser.parse(line).level);
}

describe('log intelligence: a CSV level column in Korean, Japanese or Chinese', function () {
  it('finds the level column by its localized level words and reads each row\'s level', () => {
    assert.deepEqual(csvColumns(TABLES['korean.csv']), { cells: 4, delimiter: ',', level: 2, time: 0, message: 3, header: TABLES['korean.csv'][0] });
    assert.deepEqual(levels(TABLES['korean.csv']), [undefined, 'INFO', 'ERROR', 'WARN', 'FATAL']);
    assert.deepEqual(levels(TABLES['japanese.csv']), [undefined, 'INFO', 'ERROR', 'WARN']);
    assert.deepEqual(levels(TABLES['chinese.csv']), [undefined, 'INFO', 'ERROR', 'DEBUG']);
    assert.deepEqual(levels(TABLES['taiwan.csv']), [undefined, 'INFO', 'ERROR', 'WARN']);
  });

  it('reads such a word in a message column as text, and a column of prose holding one as no level column', () => {
    const english = ['time,host,level,message', '2026-12-01 10:00:00,web-1,INFO,오류', '2026-12-01 10:00:01,web-1,INFO,정보 없음'];
    assert.deepEqual(levels(english), [undefined, 'INFO', 'INFO']);
    assert.equal(csvColumns(['1,alpha,정보 없음', '2,beta,오류 없이 완료', '3,gamma,모두 정상']), undefined);
    // Lower-case German is a word of text, not a level: no level column.
    assert.equal(csvColumns(['1,alpha,fehler', '2,beta,warnung', '3,gamma,fehler']), undefined);
  });

  describe('through the built server', function () {
    this.timeout(60_000);
    let root: string;
    let server: StartedServer;
    before(async function () {
      root = mkdtempSync(join(tmpdir(), 'localized-csv-'));
      for (const [name, lines] of Object.entries(TABLES)) writeFileSync(join(root, name), lines.join('\n') + '\n');
      server = await startBuiltServer('logs', { LOG_DIRS: root, LOG_JOURNAL: 'off', LOG_DOCKER: 'off' });
    });
    after(async function () {
      await server?.close();
      if (root) rmSync(root, { recursive: true, force: true });
    });

    it('error_summary counts each table\'s error rows', async function () {
      const out = await callStructured(server.client, 'error_summary', { wholeFile: true });
      const files = (out.files as { file: string; errors: number }[]).map((f) => [f.file, f.errors]).sort();
      assert.deepEqual(files, [['chinese.csv', 1], ['japanese.csv', 1], ['korean.csv', 2], ['taiwan.csv', 1]], JSON.stringify(out).slice(0, 800));
      assert.equal(out.totalErrors, 5);
    });

    it('search_logs level ERROR returns the error rows only, never a header row', async function () {
      const out = await callStructured(server.client, 'search_logs', { level: 'ERROR', file: 'korean.csv', order: 'oldest' });
      const matches = out.matches as { line: number; level: string }[];
      assert.deepEqual(matches.map((m) => [m.line, m.level]), [[3, 'ERROR'], [5, 'FATAL']]);
    });
  });
});
