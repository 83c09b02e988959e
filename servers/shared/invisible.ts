// Characters a reader cannot see, shown as escapes. Bidi controls reorder the text around them ("Trojan Source",
// CVE-2021-42574): a branch `fix-\u202Etxt.exe` reads as something else than what git holds; zero-width characters make
// two different names look the same. Dropping them (what sanitize did before) showed a name that does not exist, so
// they are written out (`\u202E`) where a person or a model reads text: visible, and still the name it stands for.
// No Node or `vscode` import: the servers, the extension's trees and the chat webview all use it.

/**
 * Bidi embeddings, overrides and isolates (U+202A-202E, U+2066-2069), the marks LRM/RLM/ALM (U+200E, U+200F, U+061C),
 * zero-width space/joiners (U+200B-200D), word joiner and invisible operators (U+2060-2064), the deprecated format
 * controls (U+206A-206F), the soft hyphen (U+00AD), the Mongolian vowel separator (U+180E), interlinear annotation
 * marks (U+FFF9-FFFB) and tag characters (U+E0000-E007F). The BOM (U+FEFF) is not among them: sanitize drops it, as it
 * marks an encoding, not text.
 */
export const INVISIBLE_CHARACTER = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufff9-\ufffb\u{e0000}-\u{e007f}]/gu;

/** Whether `text` holds a character that showInvisible would escape. */
export function hasInvisible(text: string): boolean {
  INVISIBLE_CHARACTER.lastIndex = 0;
  const found = INVISIBLE_CHARACTER.test(text);
  INVISIBLE_CHARACTER.lastIndex = 0;
  return found;
}

/**
 * `text` with each invisible character (INVISIBLE_CHARACTER) written as a JavaScript-style escape: `\u202E` (four
 * upper-case hex digits) or `\u{E0041}` above U+FFFF. A run of backslashes just before an invisible character or before
 * the text of such an escape (`\u202E` typed out) is doubled, so a name holding that text is not shown as the one
 * holding the character (rev25): in what is shown, an odd run ends in an escape, an even run is text. Everything else
 * is returned as it is; the result holds no character that reorders or hides text.
 */
export function showInvisible(text: string): string {
  if (!text.includes('\\')) return text.replace(INVISIBLE_CHARACTER, escapeOf);
  return text.replace(BACKSLASHES_BEFORE_ESCAPE, (whole, run: string, char: string | undefined, long: string | undefined, short: string | undefined) => {
    if (char !== undefined) return run + run + escapeOf(char);
    return run !== '' && namesInvisible(long ?? short!) ? run + whole : whole;
  });
}

/**
 * `text` with only its invisible characters written as escapes, backslashes left as they are: the same for text that is
 * already showInvisible's output (applying it twice changes nothing). For displays that show what the servers answered
 * beside raw text (the trees, the chat webview): showInvisible there doubled the backslash of every escape a server had
 * written (`fix-\\u202Etxt.exe`), since it reads a typed-out escape as text to keep apart.
 */
export function escapeInvisible(text: string): string {
  return text.replace(INVISIBLE_CHARACTER, escapeOf);
}

function escapeOf(char: string): string {
  const code = char.codePointAt(0)!;
  return code > 0xffff ? `\\u{${code.toString(16).toUpperCase()}}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Whether the hex digits of an escape name a character that showInvisible escapes. */
function namesInvisible(hex: string): boolean {
  const code = parseInt(hex, 16);
  return code <= 0x10ffff && hasInvisible(String.fromCodePoint(code));
}

/** A run of backslashes (maybe none) and then an invisible character, or `u` and an escape's hex digits. */
const BACKSLASHES_BEFORE_ESCAPE = new RegExp(`(\\\\*)(?:(${INVISIBLE_CHARACTER.source})|u(?:\\{([0-9A-Fa-f]{1,6})\\}|([0-9A-Fa-f]{4})))`, 'gu');

/**
 * Reads back what showInvisible wrote: each `\uXXXX` or `\u{XXXXX}` escape of an invisible character becomes that
 * character, and the backslash runs showInvisible doubled are halved; other escapes and text stay as they are. So a
 * name a tool listed with an escape (a git ref) finds the same thing when passed back.
 */
export function readInvisibleEscapes(text: string): string {
  return text.replace(/(\\+)u(\{[0-9A-Fa-f]{1,6}\}|[0-9A-Fa-f]{4})/g, (whole, run: string, digits: string) => {
    const hex = digits.replace(/[{}]/g, '');
    if (!namesInvisible(hex)) return whole;
    // An odd run ends in an escape; the backslashes before it, like an even run, were doubled by showInvisible.
    const kept = '\\'.repeat(Math.floor(run.length / 2));
    return run.length % 2 === 1 ? kept + String.fromCodePoint(parseInt(hex, 16)) : `${kept}u${digits}`;
  });
}
