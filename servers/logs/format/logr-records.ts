// Records of Go's logr serialised as text (klogr, the klog text form of controller-runtime and cert-manager): the
// logger's name, then quoted `"key"=value` pairs, the first of them the message: `cert-manager/controller/certificates
// "msg"="syncing item" "key"="default/dada-card.com"`. The same record written as logfmt or JSON keeps its pairs out of
// the message (`msg="syncing item" key=…`, detect.ts logfmtLine): so does this form, and the logger's name is the
// line's component, as a logfmt record's `logger` is. Read as a message of quoted pairs, `"msg"="syncing item"` and
// `"msg"="finished processing work item"` would be one statement with a quoted value; and the name before it, one per
// controller that logs the statement, would split one statement into as many templates as there are controllers.
import type { ParsedLine } from './types';

/**
 * A logr record: an optional logger name (no space, quote or `=`), an optional verbosity (`"level"=0`, which klogr
 * writes first for V-levelled calls), then `"msg"="<text>"` (escapes inside), then nothing or more quoted-key pairs
 * (a key may hold spaces: controller-runtime's `"worker count"=1`).
 * Groups: 1 the name, 2 the message text.
 */
const RECORD = /^(?:([^\s"=]{1,200}) +)?(?:"level"=\d{1,3} +)?"msg"="((?:[^"\\]|\\.)*)"(?=$| +"[^"]{1,100}"=)/;

/** Sample messages that must be logr records before the form is read in a file: one line may be a message quoting one. */
const MIN_LINES = 2;

/** `message` read as a logr record: its text and logger name; undefined when it is none. */
export function readLogrRecord(message: string): { text: string; name?: string } | undefined {
  if (message.indexOf('"msg"="') < 0) return undefined;
  const m = RECORD.exec(message);
  if (!m) return undefined;
  // An empty msg (`"msg"="" "error"="boom"`, logr's Error with no text) leaves the pairs as what the line says.
  const text = m[2] === '' ? message.slice(m[0].length).trim() : m[2].replace(/\\(.)/g, '$1');
  if (text === '') return undefined;
  return m[1] === undefined ? { text } : { text, name: m[1] };
}

/**
 * `parse` followed by the reading of logr records, when at least MIN_LINES of `sample` (the file's sample lines, read
 * by `parse`) are such records; `parse` itself otherwise, so that other files pay nothing per line.
 */
export function withLogrRecords(parse: (line: string) => ParsedLine, sample: readonly string[]): (line: string) => ParsedLine {
  let lines = 0;
  for (const line of sample) if (readLogrRecord(parse(line).message) && ++lines >= MIN_LINES) break;
  if (lines < MIN_LINES) return parse;
  return (line) => {
    const parsed = parse(line);
    const record = readLogrRecord(parsed.message);
    if (record) {
      parsed.message = record.text;
      if (record.name !== undefined) parsed.component = record.name;
    }
    return parsed;
  };
}
