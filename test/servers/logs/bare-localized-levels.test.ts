// A bare level word in another language as the column after a date or a time-only clock (`10:00:02 오류 …`,
// `FEHLER`, `エラー`, `错误`): read as the line's level, the word kept in the message (the miner's templates keep it:
// header.ts readColumnLevel). Checked by fmt30 as a guard: these forms were read already; the gaps found (a one- or
// two-line file, a pid column before the word) are in the report. The neighbour: the same word opening prose in a
// file with no level column is no level.
import assert from 'node:assert/strict';
import { createLineParser } from '../../../servers/logs/format/detect';

const REFERENCE = Date.UTC(2026, 11, 3, 12);

function read(lines: string[], later: string[] = []): { level: string | undefined; timed: boolean; message: string }[] {
  const parser = createLineParser(lines, { referenceTime: REFERENCE });
  return [...lines, ...later].map((line) => {
    const parsed = parser.parse(line, 0);
    return { level: parsed.level, timed: parsed.timestamp !== undefined, message: parsed.message };
  });
}

describe('log intelligence: a bare level word in another language as a column', () => {
  const cases: Record<string, [string, string[], string]> = {
    korean: ['정보', ['경고', '오류', '디버그'], '서버 요청 처리'],
    german: ['INFO', ['WARNUNG', 'FEHLER', 'INFO'], 'Dienst läuft weiter'],
    japanese: ['情報', ['警告', 'エラー', '情報'], 'サーバー処理'],
    chinese: ['信息', ['警告', '错误', '信息'], '服务处理请求'],
  };
  const expected = (words: string[]) => words.map((w) => ({ 정보: 'INFO', 경고: 'WARN', 오류: 'ERROR', 디버그: 'DEBUG', INFO: 'INFO', WARNUNG: 'WARN', FEHLER: 'ERROR', 情報: 'INFO', 警告: 'WARN', エラー: 'ERROR', 信息: 'INFO', 错误: 'ERROR' })[w]);

  for (const [language, [info, words, text]] of Object.entries(cases)) {
    for (const [form, stamp] of [['a date', (i: number) => `2026-12-03 10:00:0${i}`], ['a time-only clock', (i: number) => `10:00:0${i}`]] as const) {
      it(`${language}, after ${form}: the level is read and the message keeps the word`, () => {
        const all = [info, ...words];
        const lines = all.map((word, i) => `${stamp(i)} ${word} ${text} ${i}`);
        const got = read(lines);
        assert.deepEqual(got.map((g) => g.level), expected(all), JSON.stringify(got));
        assert.ok(got.every((g) => g.timed));
        assert.ok(got.every((g, i) => g.message.startsWith(all[i])), JSON.stringify(got.map((g) => g.message)));
      });
    }
  }

  it('a line past the sample, at a level the sample did not show, is read too', () => {
    const lines = ['정보', '정보', '정보'].map((w, i) => `2026-12-03 10:00:0${i} ${w} 요청 처리 ${i}`);
    assert.equal(read(lines, ['2026-12-03 10:00:09 오류 데이터베이스 연결 실패'])[3].level, 'ERROR');
  });

  it('the same word opening prose where no level column is shown is no level', () => {
    const got = read(['2026-12-03 10:00:00 정보 없음: 사용자 설정', '2026-12-03 10:00:01 서버 시작', '2026-12-03 10:00:02 요청 처리']);
    assert.deepEqual(got.map((g) => g.level), [undefined, undefined, undefined]);
  });
});
