// Header columns glued to the message by colons, no space between: Python logging's default format
// (`logging.basicConfig()`, BASIC_FORMAT `%(levelname)s:%(name)s:%(message)s`) writes
// `INFO:superset.utils.logging_configurator:logging was configured successfully`, and the same program prints the
// statement bare elsewhere in the file (its own handler, a print, a second process). Read token by token (lead-columns.ts)
// the glued run is the message's first word, and the two copies of one statement never meet.
//
// Learned from the file's own statistics, as lead columns are: a run of glued `field:` columns is a header only where
// the sample shows the text after it also standing alone as a message of its own (the same words bare on one line and
// behind the run on another). A statement's own words do not turn up again behind a level and a name: that evidence
// does not come from prose (`ERROR: disk full` has a space after its colon and is no glued run; a URL's `http:` is
// followed by `//`, no name). The run's shape (a level word, then dotted names) is learned, so that every statement
// behind the same shape is cut, and each line keeps its own level (from the level column) and logger (its component).
import { isWhiteSpace, skipWhiteSpace } from './chars';
import { columnLevel } from './header';
import type { Level, ParsedLine } from './types';

/** Glued columns read at most: BASIC_FORMAT writes two (level, logger); a third allows a wrapper's own. */
const MAX_FIELDS = 3;
/** A logger's or program's name: letters, digits, `_`, `.`, `-`, a letter or `_` first, at most 64. */
const NAME = /^[A-Za-z_][\w.-]{0,63}$/;
/** Sample lines whose text behind the run stands alone elsewhere, before the run's shape is learned: one may be chance. */
const MIN_LINES = 2;
/** A statement of this many characters at least (two words): a lone value bare and behind a run is no evidence. */
const MIN_TEXT = 6;

/** A glued run: the end of each field's colon, each field's shape (`level` or `name`), its level. */
interface GluedRun {
  ends: number[];
  shapes: string[];
  levels: (Level | undefined)[];
  names: string[];
}

/** The glued `field:` columns `message` opens with (a field of no white space and no colon, its colon glued after). */
function readGlued(message: string): GluedRun | undefined {
  let run: GluedRun | undefined;
  // A colon left by the header before the run is its separator (`%(asctime)s:%(levelname)s:…`: the time read, `:INFO:…`).
  let at = message.charCodeAt(0) === 58 /* : */ ? 1 : 0;
  while ((run?.ends.length ?? 0) < MAX_FIELDS) {
    const colon = message.indexOf(':', at);
    if (colon <= at || colon - at > 64) break;
    const field = message.slice(at, colon);
    for (let i = 0; i < field.length; i++) if (isWhiteSpace(field.charCodeAt(i))) return run;
    // The colon must be glued to what follows: `ERROR: text` is a level and prose, `host:8080` a value.
    const next = message.charCodeAt(colon + 1);
    if (Number.isNaN(next) || next === 47 /* / */ || next === 58 /* : */ || (isWhiteSpace(next) && run === undefined)) break;
    const level = /^[A-Z]+$/.test(field) ? columnLevel(field) : undefined;
    if (!level && !NAME.test(field)) break;
    run ??= { ends: [], shapes: [], levels: [], names: [] };
    run.ends.push(colon + 1);
    run.shapes.push(level ? 'level' : 'name');
    run.levels.push(level);
    run.names.push(field);
    at = colon + 1;
  }
  return run;
}

/** What a file's sample taught: the shapes (fields' shapes joined by spaces) of its glued header runs. */
export interface GluedColumns {
  readonly signatures: ReadonlySet<string>;
}

/**
 * Learns the glued header runs of a file from its sample's messages (as the known header leaves them): a run's shape is
 * learned where at least MIN_LINES messages behind such a run have their text also standing alone as a message of the
 * sample. Undefined when the file shows none.
 */
export function learnGluedColumns(messages: readonly string[]): GluedColumns | undefined {
  const bare = new Set<string>();
  for (const message of messages) bare.add(message.trim());
  const evidence = new Map<string, number>();
  for (const message of messages) {
    const run = readGlued(message);
    if (!run) continue;
    // The longest run whose text stands alone: `INFO:app:main:text` beside `main:text` is a two-field run.
    for (let cut = run.ends.length; cut > 0; cut--) {
      const text = message.slice(run.ends[cut - 1]).trim();
      if (text.length < MIN_TEXT || text.indexOf(' ') < 0 || !bare.has(text)) continue;
      const signature = run.shapes.slice(0, cut).join(' ');
      evidence.set(signature, (evidence.get(signature) ?? 0) + 1);
      break;
    }
  }
  const signatures = new Set<string>();
  for (const [signature, lines] of evidence) if (lines >= MIN_LINES) signatures.add(signature);
  return signatures.size > 0 ? { signatures } : undefined;
}

/**
 * `parsed` with the longest learned glued run cut from its message (white space after it too); its level, when the
 * header gave none, from the run's level column, and its component, when it has none, from the run's last name.
 */
export function cutGluedColumns(columns: GluedColumns, parsed: ParsedLine): ParsedLine {
  const message = parsed.message;
  const run = readGlued(message);
  if (!run) return parsed;
  for (let cut = run.ends.length; cut > 0; cut--) {
    if (!columns.signatures.has(run.shapes.slice(0, cut).join(' '))) continue;
    const start = skipWhiteSpace(message, run.ends[cut - 1]);
    if (start >= message.length) return parsed;
    parsed.message = message.slice(start);
    parsed.level ??= run.levels.slice(0, cut).find((level) => level !== undefined);
    if (parsed.level === undefined) delete parsed.level;
    const name = run.shapes.lastIndexOf('name', cut - 1);
    if (parsed.component === undefined && name >= 0) parsed.component = run.names[name];
    return parsed;
  }
  return parsed;
}

/**
 * `parse` followed by the cut of the glued header runs learned from `sample` (the file's sample lines, read by
 * `parse`); `parse` itself when the file shows none, so that most files pay nothing per line.
 */
export function withGluedColumns(parse: (line: string) => ParsedLine, sample: readonly string[]): (line: string) => ParsedLine {
  const columns = learnGluedColumns(sample.map((line) => parse(line).message));
  return columns ? (line) => cutGluedColumns(columns, parse(line)) : parse;
}
