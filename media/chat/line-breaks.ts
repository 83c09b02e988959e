// Where the chat may break a line inside a text. Korean is written with spaces between words, but browsers break Hangul
// between any two syllables like Chinese, so a narrow chat cut Korean words in two at a line's end ("발생했/습니다").
// CSS `word-break: keep-all` breaks Hangul only at spaces; given to Chinese or Japanese, written without spaces, it
// would leave a whole sentence unbreakable. So only a text in Hangul without Han characters or kana gets it.

const HANGUL = /[\u1100-\u11FF\u3130-\u318F\uA960-\uA97F\uAC00-\uD7AF\uD7B0-\uD7FF]/u;
/** Han ideographs (CJK Unified and its extensions, compatibility), Hiragana, Katakana. */
const HAN_OR_KANA = /[\u3040-\u30FF\u31F0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u{20000}-\u{3FFFF}]/u;

/** The class that makes a text element break only between words (chat.css `.keep-words`). */
export const KEEP_WORDS_CLASS = 'keep-words';

/** Whether `text` should break only at spaces: it holds Hangul, and no Han characters or kana (which need breaks between characters). */
export function breaksBetweenWordsOnly(text: string): boolean {
  return HANGUL.test(text) && !HAN_OR_KANA.test(text);
}
