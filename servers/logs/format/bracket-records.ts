// Records written wholly in brackets, the message one quoted field among them (the "unified log format" of Rust and Go
// services: `[2019/05/24 15:38:30.763 -07:00] [INFO] [util.rs:397] ["connecting to PD endpoint"]
// [endpoints=localhost:2379]`). The header's fields come first, then the message as the only bracketed quoted string,
// then the call's fields as `[key=value]` brackets. Read as text, the quoted message looks like one more bracketed
// value: messages of different calls meet in one template (`[INFO] [<*>] ["<*>"]`) and one call splits by the fields
// its lines carry. As for a logr or logfmt record (logr-records.ts, detect.ts), the quoted field is the message and the
// pairs after it are fields, not the statement.
import type { ParsedLine } from './types';

/** Sample lines that must be such records before the form is read in a file: one line may quote one in its text. */
const MIN_LINES = 2;

/** The `[key=value]` fields that may follow the message, to the line's end: a value quoted (escapes inside) or bare. */
const FIELDS_TO_END = /^(?:\s+\[[^\s="\][]{1,100}=(?:"(?:[^"\\]|\\.)*"|[^"\]]*)\])*\s*$/;

/**
 * What comes right before the message: the record's header, three bracketed fields in a row (time, level, source
 * location), after a prefix a shipper may add (`tikv-1 | `). A line of text ending in a bracketed quote (Go's `%v %q`
 * of a one-element list: `deleting images of [web] ["nginx:1.25"]`) has words before its one bracket, and its quote is
 * an argument, not the message.
 */
const BRACKETED_HEADER = /(?:^|\s)\[[^\]]*\]\s+\[[^\]]*\]\s+\[[^\]]*\]$/;

/**
 * The message of `line` when it is a bracketed record: the text of its `["…"]` field (unescaped), which follows the
 * header's three bracketed fields and is followed by nothing but `[key=value]` fields; undefined when the line is no
 * such record.
 */
export function readBracketRecord(line: string): string | undefined {
  const open = line.indexOf('] ["');
  if (open < 0 || !BRACKETED_HEADER.test(line.slice(0, open + 1))) return undefined;
  const start = open + 4;
  let i = start;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if (c === 92 /* \ */) i += 2;
    else if (c === 34 /* " */) break;
    else i++;
  }
  if (line.charCodeAt(i) !== 34 || line.charCodeAt(i + 1) !== 93 /* ] */) return undefined;
  if (!FIELDS_TO_END.test(line.slice(i + 2))) return undefined;
  const text = line.slice(start, i).replace(/\\(.)/g, '$1');
  return text.trim() === '' ? undefined : text;
}

/**
 * `parse` followed by the reading of bracketed records (readBracketRecord, on the whole line: the header reader may
 * have taken the quoted field for one more bracketed header field), when at least MIN_LINES of `sample` (the file's
 * sample lines) are such records; `parse` itself otherwise, so that other files pay nothing per line. The line's time
 * and level stay what `parse` read.
 */
export function withBracketRecords(parse: (line: string) => ParsedLine, sample: readonly string[]): (line: string) => ParsedLine {
  let lines = 0;
  for (const line of sample) if (readBracketRecord(line) !== undefined && ++lines >= MIN_LINES) break;
  if (lines < MIN_LINES) return parse;
  return (line) => {
    const parsed = parse(line);
    const text = readBracketRecord(line);
    if (text !== undefined) parsed.message = text;
    return parsed;
  };
}
