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
 * upper-case hex digits) or `\u{E0041}` above U+FFFF. Everything else is returned as it is; the result holds no
 * character that reorders or hides text.
 */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE_CHARACTER, (char) => {
    const code = char.codePointAt(0)!;
    return code > 0xffff ? `\\u{${code.toString(16).toUpperCase()}}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

/**
 * Reads back what showInvisible wrote: each `\uXXXX` or `\u{XXXXX}` escape of an invisible character becomes that
 * character; other escapes and text stay as they are. For names that cannot hold a backslash themselves (git refs), so
 * a name a tool listed with an escape finds the same ref when passed back.
 */
export function readInvisibleEscapes(text: string): string {
  return text.replace(/\\u(?:\{([0-9A-Fa-f]{1,6})\}|([0-9A-Fa-f]{4}))/g, (escape, long: string | undefined, short: string | undefined) => {
    const code = parseInt(long ?? short!, 16);
    if (code > 0x10ffff) return escape;
    const char = String.fromCodePoint(code);
    return hasInvisible(char) ? char : escape;
  });
}
