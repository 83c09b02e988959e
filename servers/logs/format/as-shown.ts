import type { LineParser, ParsedLine } from './types';

/**
 * Parses a line as a terminal shows it: what follows its last carriage return, when that has a time or a level of its
 * own. A progress bar (tqdm, curl, pip) redraws itself with "\r" and is cleared with "\r<spaces>\r" before a record is
 * printed under it, so that record follows the bar's redraws on the same "\n" line; read whole, it was the bar's text
 * under the entry above, its own level and time lost. A carriage return inside a record's message leaves a tail
 * without either: the whole line is read. One reading for search_logs, error_summary, recent_logs (through
 * search/collector.ts parseLine, which cuts a line first) and log_patterns (whole lines).
 */
export function parseAsShown(parser: LineParser, text: string): ParsedLine {
  const redrawn = lastRedraw(text);
  if (redrawn !== undefined) {
    const shown = parser.parse(redrawn);
    if (shown.timestamp !== undefined || shown.level !== undefined) return shown;
  }
  return parser.parse(text);
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
