// Header columns learned by aligning a file's lines: the same statement written after different leading columns (a
// program's own line, `Stopping the instance...`, and the same line relayed by a CI runner or a supervisor,
// `[13:02:11][Step 1/3] Stopping the instance...`; `[ +12 ms] Running pub get` beside `[        ] Running pub get`;
// `node-2 corosync notice [TOTEM ] …` beside `[TOTEM ] …`; `0: : …` beside `0: …`).
//
// No shape tells a column the header reader does not know from a statement's first words, so the file's statistics
// do: a leading run of tokens is a column when the statements after it are written, elsewhere in the same file, after
// another run or none (the same statement cannot begin at two places), for several statements. Only runs shown so are
// cut, the longest one a line opens with; every other line is left whole.
import { isWhiteSpace, leadingTokens } from './chars';
import type { ParsedLine } from './types';

/** Tokens a leading run may hold: a relaying program or a logger's optional columns are a few tokens wide. */
const MAX_PREFIX = 4;
/** Tokens that name a statement (digits masked): fewer would align a common word pair, not a statement. */
const STATEMENT_TOKENS = 3;
/** Statements a run must share with lines that write them after another run (or none) to be a column. */
const MIN_SHARED = 2;
/**
 * A run holding a whole date (digits masked: `0-0-0`, `0/0/0`) is a second record's header inside the message: a
 * logger that writes its own dated line through another one (`… [LogUtils.stdout():50] StdoutLogger 2026-09-08 … Build
 * info: …`) is a call site of its own, no relay of the bare line's.
 */
const DATED = /(?:^|[^\w])0([-/.])0\1[0](?!\w)/;
/** Share of the lines opening with a run of a learned run's shape (shape) that must open with the run itself. */
const MIN_SHAPE_SHARE = 0.8;

/** A run's shape: each run of letters and digits one `w` (`host.pi4` and `host.nas` are one shape, `w.w`). */
function shape(text: string): string {
  return text.replace(/[\p{L}\p{N}_]+/gu, 'w');
}

/** A character no word of prose is made of: a run of tokens holding none is no column. */
const HEADER_CHARACTER = /[^\p{L}\s]/u;
/** Sample messages needed before anything is learned: a handful of lines is no statistic. */
const MIN_MESSAGES = 8;

/** A run of tokens or a statement, digits masked: a counter or an id in it does not make it another one. */
function masked(text: string): string {
  return text.replace(/\d+/g, '0');
}

/** The leading runs of a file that are columns (digits masked, tokens joined by one blank), by token count. */
export type AlignedPrefixes = ReadonlyMap<number, ReadonlySet<string>>;

/**
 * Learns a file's leading columns from its sample's messages (as the known header leaves them; indented lines, an
 * entry's continuation, left out): a run of 1..MAX_PREFIX tokens before MIN_SHARED statements (their first
 * STATEMENT_TOKENS tokens, digits masked) that the file also writes after another run or none. Undefined when none.
 */
export function learnAlignedPrefixes(sampleMessages: readonly string[]): AlignedPrefixes | undefined {
  // statement -> the runs written before it ('' for none)
  const runsBefore = new Map<string, Set<string>>();
  // run (k and text) -> lines opening with it; k and shape -> lines opening with a run of that shape
  const opening = new Map<string, number>();
  let messages = 0;
  for (const message of sampleMessages) {
    if (message.length === 0 || isWhiteSpace(message.charCodeAt(0))) continue;
    messages++;
    const { starts, ends } = leadingTokens(message, MAX_PREFIX + STATEMENT_TOKENS);
    for (let k = 1; k <= MAX_PREFIX && k < starts.length; k++) {
      const text = masked(message.slice(starts[0], ends[k - 1]).replace(/\s+/g, ' '));
      for (const key of [`${k}\u0000${text}`, `${k}\u0001${shape(text)}`]) opening.set(key, (opening.get(key) ?? 0) + 1);
    }
    for (let k = 0; k <= MAX_PREFIX && k + STATEMENT_TOKENS <= starts.length; k++) {
      const statement = masked(message.slice(starts[k], ends[k + STATEMENT_TOKENS - 1]));
      const run = k === 0 ? '' : `${k}\u0000${masked(message.slice(starts[0], ends[k - 1]).replace(/\s+/g, ' '))}`;
      let runs = runsBefore.get(statement);
      if (!runs) runsBefore.set(statement, (runs = new Set()));
      runs.add(run);
    }
  }
  if (messages < MIN_MESSAGES) return undefined;
  const shared = new Map<string, number>();
  for (const runs of runsBefore.values()) {
    // Only a statement the file also writes bare shows its runs to be columns: two runs before one statement and never
    // none are as often its own first words (`Starting job …`/`Finished job …`, `ROOT PRIVS`/`RELINQUISH PRIVS`).
    if (runs.size < 2 || !runs.has('')) continue;
    for (const run of runs.keys()) if (run !== '') shared.set(run, (shared.get(run) ?? 0) + 1);
  }
  const learned = new Map<number, Set<string>>();
  for (const [run, count] of shared) {
    // A run of letters and blanks alone is as often the statement's own first words (`fork a new` before `child
    // process with pid: 298`, which the file also writes bare): a column holds a value, a separator or a bracket.
    const cut = run.indexOf('\u0000');
    const k = Number(run.slice(0, cut));
    if (count < MIN_SHARED || !HEADER_CHARACTER.test(run.slice(cut + 1)) || DATED.test(run.slice(cut + 1))) continue;
    // A column the run is one value of (`host.pi4` beside `host.nas`, `host.build-server`, with no statement shared to
    // show them) would be cut on some lines and left on the others, which then read as other statements: the run must
    // open most of the lines a run of its shape opens.
    if ((opening.get(run) ?? 0) < MIN_SHAPE_SHARE * (opening.get(`${k}\u0001${shape(run.slice(cut + 1))}`) ?? 0)) continue;
    let runs = learned.get(k);
    if (!runs) learned.set(k, (runs = new Set()));
    runs.add(run.slice(cut + 1));
  }
  return learned.size > 0 ? learned : undefined;
}

/**
 * `parsed` with the longest learned run it opens with cut from its message; a message that opens with white space (a
 * line of the entry above), opens with no learned run, or would keep fewer than one token is left whole.
 */
export function cutAlignedPrefix(prefixes: AlignedPrefixes, parsed: ParsedLine): ParsedLine {
  const message = parsed.message;
  if (message.length === 0 || isWhiteSpace(message.charCodeAt(0))) return parsed;
  const { starts, ends } = leadingTokens(message, MAX_PREFIX + 1);
  for (let k = Math.min(MAX_PREFIX, starts.length - 1); k >= 1; k--) {
    const runs = prefixes.get(k);
    if (runs?.has(masked(message.slice(starts[0], ends[k - 1]).replace(/\s+/g, ' ')))) {
      // One blank separates the column; more are the statement's own indentation, kept as lines without the run have it.
      parsed.message = message.slice(ends[k - 1] + 1);
      return parsed;
    }
  }
  return parsed;
}

/**
 * `parse` followed by the leading columns learned from `sample` (the file's sample lines, read by `parse`); `parse`
 * itself when the file shows none, so that most files pay nothing per line.
 */
export function withAlignedPrefixes(parse: (line: string) => ParsedLine, sample: readonly string[]): (line: string) => ParsedLine {
  const prefixes = learnAlignedPrefixes(sample.map((line) => parse(line).message));
  return prefixes ? (line) => cutAlignedPrefix(prefixes, parse(line)) : parse;
}
