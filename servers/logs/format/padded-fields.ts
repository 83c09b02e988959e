// The fields a console formatter writes after a message padded to a width: logrus's TTY form
// (`INFO[0000] Mounting WebUI routes                         path=/app`), GitLab Runner's and Mattermost's console
// lines (`Checking for jobs... received                       job=14796 runner=d87fcd19`). The same record written
// as logfmt or JSON keeps its fields out of the message (`msg="Mounting WebUI routes" path=/app`): so does this form,
// and one statement is one message in both. The padding is the evidence: prose does not put two spaces or more before
// a run of `key=value` pairs that lasts to the end of the line.
import type { ParsedLine } from './types';

/** Spaces of padding at least: the formatter pads the message to a width; one space is how prose writes a field. */
const MIN_PADDING = 2;
/** `key=value` pairs, a value quoted (escapes inside) or bare, one space between, to the end of the text. */
const PAIRS = /^[\w.@-]+=(?:"(?:[^"\\]|\\.)*"|\S*)(?: [\w.@-]+=(?:"(?:[^"\\]|\\.)*"|\S*))*$/;

/** Whether `text` is a run of `key=value` pairs to its end, one space between them (a record's trailing fields). */
export function isPairRun(text: string): boolean {
  return PAIRS.test(text);
}

/** Where the padding before a message's trailing fields starts, or -1 when it has none. */
export function paddedFieldsStart(message: string): number {
  const padding = ' '.repeat(MIN_PADDING);
  for (let at = message.indexOf(padding); at > 0; at = message.indexOf(padding, at + 1)) {
    let end = at;
    while (message.charCodeAt(end) === 32) end++;
    // Fields after fields (`rhost=host  user=root`, PAM's own double space) are the message's: padding ends prose.
    if (end < message.length && !endsWithPair(message, at) && isPairRun(message.slice(end))) return at;
    at = end;
  }
  return -1;
}

/** Whether the text before `end` ends with a `key=value` token. */
function endsWithPair(message: string, end: number): boolean {
  const start = message.lastIndexOf(' ', end - 1) + 1;
  return /^[\w.@-]+=/.test(message.slice(start, end));
}

/** Sample messages that must show padded fields before their form is cut from a file's messages. */
const MIN_LINES = 2;

/**
 * `parse` followed by the cut of padded trailing fields, when at least MIN_LINES of `sample` (the file's sample lines,
 * read by `parse`) show them; `parse` itself otherwise, so that other files pay nothing per line.
 */
export function withPaddedFields(parse: (line: string) => ParsedLine, sample: readonly string[]): (line: string) => ParsedLine {
  let lines = 0;
  for (const line of sample) if (paddedFieldsStart(parse(line).message) > 0 && ++lines >= MIN_LINES) break;
  if (lines < MIN_LINES) return parse;
  return (line) => {
    const parsed = parse(line);
    const start = paddedFieldsStart(parsed.message);
    if (start > 0) parsed.message = parsed.message.slice(0, start);
    return parsed;
  };
}
