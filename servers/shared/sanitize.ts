// Text from repositories, logs and process tables goes to a model and a webview: it must stay
// data. ANSI escapes, C0/C1 controls and the BOM are removed; invisible and bidi characters are written out as escapes
// (invisible.ts), so a name shown is the name that exists and nothing reorders what a person reads.
import { showInvisible } from './invisible';

const ANSI_ESCAPE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[@-Z\\-_])/g;
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const BYTE_ORDER_MARK = /\ufeff/g;

/** Removes terminal escapes, control characters and BOMs, and escapes invisible characters (`\u202E`); keeps tabs and newlines. */
export function sanitizeText(text: string): string {
  return showInvisible(text.replace(ANSI_ESCAPE, '').replace(CONTROL_CHARS, '').replace(BYTE_ORDER_MARK, ''));
}

/**
 * The mark a cut left at a text's end: "… [N chars cut]" (sanitizeLine), "… [N bytes cut]" (a reader that kept a
 * line's first bytes: logs/io/tail.ts), or both ("… [N chars + M bytes cut]").
 */
const CUT_MARK_END = /… \[(?:(\d+) chars)?(?: \+ )?(?:(\d+) bytes)? cut\]$/;

/**
 * Sanitizes and cuts one line (or field) to at most `maxChars` (plus the mark), marking the cut. A text cut before
 * (a match cut when it was kept, then again when it was returned) keeps the count of every cut: a 50 MB line was
 * said to have lost "[21 chars cut]" (break30).
 */
export function sanitizeLine(text: string, maxChars = 2000): string {
  const clean = sanitizeText(text.replace(/\r?\n$/, '')).replace(/[\r\n]/g, ' ');
  if (clean.length <= maxChars) return clean;
  const earlier = CUT_MARK_END.exec(clean);
  const marked = earlier !== null && (earlier[1] !== undefined || earlier[2] !== undefined);
  const body = marked ? clean.slice(0, earlier.index) : clean;
  const kept = cutText(body, maxChars);
  const chars = body.length - kept.length + (marked ? Number(earlier[1] ?? 0) : 0);
  const bytes = marked && earlier[2] !== undefined ? ` + ${earlier[2]} bytes` : '';
  return `${kept}… [${chars} chars${bytes} cut]`;
}

/**
 * The first `maxChars` UTF-16 code units of `text`, or one fewer when the cut would split a surrogate pair (an emoji,
 * a rare CJK character): half a pair is not a character, and shows as � or fails a strict UTF-8 encoder.
 */
export function cutText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const last = text.charCodeAt(maxChars - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? maxChars - 1 : maxChars);
}
