// Korean log lines and their bytes in a legacy charset, for the tests of charset detection and decoding.
import iconv from 'iconv-lite';

/** Five lines of a Korean service log (UTF-8 strings). */
export const KOREAN_LINES: readonly string[] = [
  '2026-12-03 10:00:01 INFO  서버 시작 완료',
  '2026-12-03 10:00:02 ERROR 데이터베이스 연결 오류: 시간 초과',
  '2026-12-03 10:00:03 WARN  디스크 공간 부족',
  '2026-12-03 10:00:04 ERROR 결제 처리 오류: 잔액 부족',
  '2026-12-03 10:00:05 INFO  작업 완료',
];

/** `lines` joined with "\n" (and one after the last), encoded in `charset` (an iconv-lite name: cp949, shift_jis…). */
export const encoded = (lines: readonly string[], charset: string): Buffer => iconv.encode(`${lines.join('\n')}\n`, charset);
