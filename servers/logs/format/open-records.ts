// Records whose header line opens a structure that later lines close: one entry over many lines.

/**
 * Most lines a record's open structure may span and still be read as one record (a PHP trace of a deep framework call
 * runs to a few hundred frames); a structure left open longer is taken for a stray bracket, not a record's body.
 */
const MAX_BODY_LINES = 2000;

/** Where a scan through a record's text stands: how many `{`/`[` are open, and whether a `"…"` string is. */
interface ScanState {
  depth: number;
  inString: boolean;
}

/**
 * Scans `text` on from `state` (changed in place): `{` and `[` outside a string open, `}` and `]` close, `"` opens or
 * closes a string, in which `\` escapes the next character. Returns false when a closing bracket meets no open one
 * (the text is not a structure's body then).
 */
function scan(text: string, state: ScanState): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (state.inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) state.inString = false;
      continue;
    }
    if (c === 34) state.inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) state.depth++;
    else if (c === 125 /* } */ || c === 93 /* ] */) {
      if (state.depth === 0) return false;
      state.depth--;
    }
  }
  return true;
}

/** recordBodyEnd's answer for a structure that none of the lines after it closes (no body, and none further on either). */
export const NEVER_CLOSED = -2;

/**
 * The index of the line that closes a structure the line at `at` of `lines` leaves open; -1 when it leaves none open
 * (or a later line closes a bracket it never opened); NEVER_CLOSED when none of the next MAX_BODY_LINES lines closes
 * it, so that a caller stops asking at the lines after (each would scan to the sample's end again). Monolog's LineFormatter (Laravel's default) writes an
 * exception as a JSON context after the message whose string holds the PHP trace line by line:
 * `[2026-12-03 10:00:00] production.ERROR: Connection refused {"exception":"[object] (PDOException(code: 2002): … at
 * /var/www/x.php:70)`, `[stacktrace]`, `#0 /var/www/…(700): run()`, …, `#12 {main}`, `"}`. The lines between are that
 * record's body, not entries of their own: a sample where the traces outnumber the records' headers still shows the
 * header as the start of each record. Only a bracket opened outside a string and still open at the line's end opens a
 * body (a message's `"5" screen` opens nothing); the body ends where the brackets close.
 */
export function recordBodyEnd(lines: readonly string[], at: number): number {
  const state: ScanState = { depth: 0, inString: false };
  if (!scan(lines[at], state) || state.depth === 0) return -1;
  const last = Math.min(lines.length - 1, at + MAX_BODY_LINES);
  for (let i = at + 1; i <= last; i++) {
    if (!scan(lines[i], state)) return -1;
    if (state.depth === 0) return state.inString ? -1 : i;
  }
  return NEVER_CLOSED;
}
