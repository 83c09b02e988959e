// Which chat texts break only between words (media/chat/line-breaks.ts): Korean, not Chinese or Japanese (leftovers22).
import assert from 'node:assert/strict';
import { breaksBetweenWordsOnly } from '../../media/chat/line-breaks';

describe('chat line breaks', () => {
  it('Korean text, alone or with English, code and URLs, breaks only between words', () => {
    assert.equal(breaksBetweenWordsOnly('오류가 발생했습니다'), true);
    assert.equal(breaksBetweenWordsOnly('`db.internal:5432`에 연결이 거부되었습니다: https://example.com/a/b'), true);
    assert.equal(breaksBetweenWordsOnly('ᄀᄁ conjoining jamo'), true);
  });

  it('Chinese or Japanese, alone or next to Korean, and text without Hangul keep the default breaks', () => {
    assert.equal(breaksBetweenWordsOnly('数据库连接被拒绝'), false);
    assert.equal(breaksBetweenWordsOnly('データベース接続'), false);
    assert.equal(breaksBetweenWordsOnly('한국어와 中文 mixed'), false);
    assert.equal(breaksBetweenWordsOnly('Connection refused at 09:02'), false);
    assert.equal(breaksBetweenWordsOnly(''), false);
  });
});
