import type { LineParser, ParsedLine } from './types';

/**
 * Parses a line as a terminal shows it: what follows its last carriage return, when that has a time or a level of its
 * own and what precedes its first has neither. A progress bar (tqdm, curl, pip) redraws itself with "\r" and is
 * cleared with "\r<spaces>\r" before a record is printed under it, so that record follows the bar's redraws on the
 * same "\n" line; read whole, it was the bar's text under the entry above, its own level and time lost. Such a line
 * opens with the bar (or with its "\r"), never with a record: a logger ends each record with "\n". A line that opens
 * with a record's time or level is that record, and a carriage return after it is inside its message (a program's
 * output logged as it came: `ERROR job 7 failed, its output was: step 1 ok\r2026-12-03 14:59:59 INFO step 2 ok`), even
 * when the text after it reads as a record: read as shown, that ERROR became the INFO of its message's tail (rev26a).
 * A carriage return inside a message whose tail has neither leaves the whole line read too. One reading for
 * search_logs, error_summary, recent_logs (through search/collector.ts parseLine, which cuts a line first) and
 * log_patterns (whole lines). `at`: the line's 1-based number in its file (LineParser.parse).
 */
export function parseAsShown(parser: LineParser, text: string, at?: number): ParsedLine {
  const redrawn = lastRedraw(text);
  if (redrawn === undefined) return parser.parse(text, at);
  const whole = parser.parse(text, at);
  if (whole.timestamp !== undefined || whole.level !== undefined) {
    // The record the line opens with, its own time or level read before the first carriage return.
    const head = parser.parse(text.slice(0, text.indexOf('\r')), at);
    if (head.timestamp !== undefined || head.level !== undefined) return whole;
  }
  const shown = parser.parse(redrawn, at);
  return shown.timestamp !== undefined || shown.level !== undefined ? shown : whole;
}

/**
 * The text after the last carriage return of `line` that is not part of its ending (a CRLF's, or CR CR LF's, "\r"s
 * at its end); undefined when it has none.
 */
export function lastRedraw(line: string): string | undefined {
  // Asked of every line, nearly all without a "\r": indexOf answers that in a few ns, lastIndexOf (a C++ builtin in V8)
  // costs ~100 ns a line, 2-3 % of log_patterns' pass.
  if (line.indexOf('\r') < 0) return undefined;
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) === 13) end--;
  const last = line.lastIndexOf('\r', end - 1);
  return last < 0 ? undefined : line.slice(last + 1, end);
}
