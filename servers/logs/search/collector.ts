// The one match collector both engines (ripgrep and the pure-Node scanner) feed: the level and time filters, the entry
// header a continuation line (stack frame) takes its time and level from, keeping the newest or oldest `limit`
// matches, and the lines of context after them. Each engine reads lines its own way and hands them here.
import { awaitsMessage, entryAbove, entryOf, inheritedLevel, isWordless, isEntryPart, opensLoggedReport, underEntry, unknownEntry, type EntryHeader } from '../format/continuation';
import { announcesReport } from '../format/crash-reports';
import type { MessageBelow } from '../format/entry-message';
import { parseAsShown } from '../format/as-shown';
import { levelAtLeast } from '../format/levels';
import type { LineParser, ParsedLine } from '../format/types';
import { sanitizeLine } from '../../shared/sanitize';
import { sourceOfRecordLine } from '../io/record-batches';
import { inWindow } from '../../shared/time-rule';
import type { AcceptedLine, ScanMatch, ScanRequest } from './types';

/** Characters of a line handed to the parser (headers are at the start; JSON levels rarely past this). */
export const PARSE_CHARS = 64 * 1024;
/**
 * How many lines above a continuation line (stack frame) are searched for the entry header it belongs to. A Python
 * traceback's exception line comes after all its frames, two lines each (15 frames, an ordinary web request's depth, are
 * 30 lines), and is its entry's: read as an entry of its own, a logged ERROR with its traceback counted twice.
 */
export const HEADER_LOOKBACK_LINES = 100;
/** Line numbers of entries without a level kept to name (MatchCollector.levellessFirst). */
export const LEVELLESS_SHOWN = 10;

/** The time (epoch ms) and level of a log entry, from its header line (and whether a report was announced in it). */
export type Header = EntryHeader;

/**
 * Parses one line, or its first PARSE_CHARS characters, as a terminal shows it (format/as-shown.ts parseAsShown).
 * `at`: the line's 1-based number in its file, which dates a time of day without a date in a log of several days
 * (LineParser.parse); a reader that knows it gives it.
 */
export function parseLine(parser: LineParser, text: string, at?: number): ParsedLine {
  return parseAsShown(parser, text.length > PARSE_CHARS ? text.slice(0, PARSE_CHARS) : text, at);
}

/** The header a line carries, or undefined for a continuation line (no time and no level, or an entry's part). */
function headerOf(parsed: ParsedLine): Header | undefined {
  const { timestamp, level } = parsed;
  // A runtime-wrapped continuation ends the search with its time only: plain lines of a container that writes no
  // levels do not reach up to an error many lines above. A blank one is passed, as in order (readInOrder): it is no
  // record of text, and an empty header above it still awaits its message (EntryHeader.awaitsMessage). A banner's rule
  // (`=====`) is a plain record, which no entry continues (entryAbove), in order as here.
  if (parsed.continues && level === undefined) return parsed.message.trim().length === 0 ? undefined : withStream({ timestamp }, parsed);
  // A record of its own (standalone) ends the search with nothing to give: what is above it is another entry.
  // So does another writer's line (opensEntry): the lines under it are its own, with no level to give.
  if (parsed.standalone || parsed.opensEntry) return {};
  if (isEntryPart(parsed)) return undefined;
  if (timestamp === undefined && level === undefined) return undefined;
  const header: Header = opensLoggedReport(parsed) ? { timestamp, level, logsReport: true } : { timestamp, level };
  if (awaitsMessage(parsed)) header.awaitsMessage = true;
  return withStream(header, parsed);
}

/** `header` as a line below the lines under it sees it: its message still to come only if none has a word (isWordless). */
function seenThrough(header: Header | undefined, wordless: boolean): Header | undefined {
  if (wordless || header?.awaitsMessage !== true) return header;
  const seen = { ...header };
  delete seen.awaitsMessage;
  return seen;
}

/** `header` with the stream a container runtime read `parsed` from, when it names one (entryAbove). */
function withStream(header: Header, parsed: ParsedLine): Header {
  if (parsed.stream !== undefined) header.stream = parsed.stream;
  return header;
}

/**
 * The nearest header among the HEADER_LOOKBACK_LINES lines above a continuation line. `lineAbove(n)` gives the n-th
 * line above (0 = the one directly above), or undefined where the engine's text ends; `beyond` stands in for the lines
 * above that end (the header the block before ended with). `firstAt`: the number of the line lineAbove(0) gives, when
 * the engine knows it (parseLine's `at`).
 */
export function headerAbove(parser: LineParser, lineAbove: (n: number) => string | undefined, beyond?: Header, firstAt?: number): Header | undefined {
  // No line read so far has a word (isWordless): an empty header found above still awaits its message.
  let wordless = true;
  for (let n = 0; n < HEADER_LOOKBACK_LINES; n++) {
    const text = lineAbove(n);
    if (text === undefined) return seenThrough(beyond, wordless);
    const parsed = parseLine(parser, text, firstAt === undefined ? undefined : firstAt - n);
    const header = headerOf(parsed) ?? (unknownEntry(parser, parsed) ? {} : undefined);
    // A level without a time (Go's `panic: …` after timed lines) takes its time from above, as the entry rule gives it
    // (needsHeader) when lines are read in order; so does the first line of an exception's report, whose level depends
    // on the entry above it (inheritedLevel). The lines below either are that entry's. A line with its own time of day
    // (ownClock) is another moment: it takes nothing from above.
    const report = !header && parsed.report !== undefined && parsed.level === undefined && !isEntryPart(parsed);
    const untimedLevel = header !== undefined && header.level !== undefined && !parsed.standalone && parsed.ownClock !== true && (header.timestamp === undefined || parsed.runtimeTime === true);
    if (header && !untimedLevel) return seenThrough(header, wordless);
    if (header || report) {
      const upper = n + 1 < HEADER_LOOKBACK_LINES ? headerAbove(parser, (m) => (n + 1 + m < HEADER_LOOKBACK_LINES ? lineAbove(n + 1 + m) : undefined), beyond, firstAt === undefined ? undefined : firstAt - n - 1) : undefined;
      const above = header ? upper : entryAbove(parsed, upper);
      // The first text line under an empty header is that entry's message, its opening level word a word (underEntry).
      const message = header !== undefined && underEntry(parsed, upper) !== parsed;
      const level = header && !message ? header.level : inheritedLevel(parsed, above?.level, above?.logsReport);
      const found: Header = withStream({ timestamp: parsed.timestamp ?? above?.timestamp, level }, parsed);
      if (report && entryOf(parsed, level, above).announced) found.announced = true;
      if (header && !message ? opensLoggedReport(parsed) : above?.logsReport === true) found.logsReport = true;
      return found;
    }
    if (!isWordless(parsed)) wordless = false;
  }
  return undefined;
}

/** A kept match and what its engine noted with it (ripgrep: the line's byte offset, to read its header later). */
export interface Kept<Note> {
  match: ScanMatch;
  note: Note;
}

/** A match to return: its text cleaned, `raw` the line as accepted (for parsing it later). */
export interface Chosen<Note> extends Kept<Note> {
  raw: string;
}

export interface CollectorOptions {
  /** When set, accepted lines go here instead of being kept (error_summary). */
  sink?: (line: AcceptedLine) => void;
}

/**
 * Filters the lines an engine found, counts them, and keeps the ones to return: the newest `limit` (at most 2 × limit
 * held at a time) or the oldest `limit` (then `done`: the scan can stop). After-context is owed to kept matches until
 * the engine has handed over enough following lines.
 */
export class MatchCollector<Note = undefined> {
  /** Lines accepted (matching and passing the filters); exact when the scan ran to the end. */
  total = 0;
  /** Lines skipped for lacking a timestamp while a time window was asked for. */
  untimed = 0;
  /**
   * Lines of exceptions' reports of a form a logger writes that an INFO entry carries (`logger.info("…", exc_info=True)`,
   * `log.info("…", e)`: continuation.ts inheritedLevel), inside the window, seen by a scan for errors: what an ERROR
   * filter leaves out on purpose, told so that it is not left out silently.
   */
  reportsAtInfo = 0;
  /**
   * With a level filter: lines that open an entry of their own yet have no level (inside the window, of the service),
   * which no level filter passes, among the lines this engine read (every line without a pattern; with one, only
   * those it matches), and the first LEVELLESS_SHOWN of their numbers. HAProxy's `Server be/web1 is DOWN` among its
   * access lines has none: a scan for errors that saw it must not read as one that saw nothing.
   */
  levelless = 0;
  readonly levellessFirst: number[] = [];
  /** Order oldest and `limit` kept: later lines cannot be returned. */
  done = false;
  /** The request has a level, time or entry filter (without one, a line is accepted unparsed). */
  readonly filtering: boolean;
  private readonly kept: Kept<Note>[] = [];
  /** `next`: the number of the line the match takes next (a line given twice is taken once). */
  private owed: { match: ScanMatch; remaining: number; next: number }[] = [];
  /**
   * Lines accepted for the sink while one above them waits for its message (accept's `below`), oldest first: held so
   * that the sink gets them in line order.
   */
  private awaiting: { line: AcceptedLine; below?: MessageBelow; next: number }[] = [];

  constructor(
    private readonly request: ScanRequest,
    private readonly options: CollectorOptions = {},
  ) {
    this.filtering = request.minLevel !== undefined || request.since !== undefined || request.until !== undefined || request.entries === true || request.service !== undefined;
  }

  /** Counts `parsed`, read at `header` (its entry's time and its own level), in reportsAtInfo when it is such a line. */
  noteReport(parsed: ParsedLine, header: Header): void {
    const { minLevel, since, until } = this.request;
    // A traceback is counted once, at its exception's line, not at the `Traceback …` line that announces it.
    if (parsed.logged !== true || header.level !== 'INFO' || (minLevel !== 'ERROR' && minLevel !== 'FATAL') || announcesReport(parsed.message)) return;
    if ((since !== undefined || until !== undefined) && (header.timestamp === undefined || !inWindow(header.timestamp, this.request))) return;
    this.reportsAtInfo++;
  }

  /** Counts a line read that opens an entry of its own (`header`: its own time, no level) in `levelless`. */
  noteLevelless(lineNumber: number, header: Header, text: string): void {
    const { minLevel, since, until, service } = this.request;
    if (minLevel === undefined || header.level !== undefined) return;
    if (service !== undefined && sourceOfRecordLine(text) !== service) return;
    if ((since !== undefined || until !== undefined) && (header.timestamp === undefined || !inWindow(header.timestamp, this.request))) return;
    this.levelless++;
    if (this.levellessFirst.length < LEVELLESS_SHOWN) this.levellessFirst.push(lineNumber);
  }

  /** `levelless` as a scan result's field (FileScanResult.levelless), undefined when none. */
  get levellessResult(): { lines: number; first: number[] } | undefined {
    return this.levelless > 0 ? { lines: this.levelless, first: [...this.levellessFirst] } : undefined;
  }

  /**
   * The service, level and time filters (`text`: the line, which the service is read from); a line without a timestamp
   * is counted in `untimed` when a window is asked for.
   */
  admits(header: Header, text?: string): boolean {
    const { minLevel, since, until, service } = this.request;
    if (service !== undefined && (text === undefined || sourceOfRecordLine(text) !== service)) return false;
    if (minLevel && !levelAtLeast(header.level, minLevel)) return false;
    if (since === undefined && until === undefined) return true;
    if (header.timestamp === undefined) {
      this.untimed++;
      return false;
    }
    return inWindow(header.timestamp, this.request);
  }

  /** Accepted lines go to a sink (error_summary), which groups them by message. */
  get summarising(): boolean {
    return this.options.sink !== undefined;
  }

  /**
   * Counts a line that passed the filters and keeps it as a match (or hands it to the sink). `before` gives its
   * before-context (sanitized lines, oldest first) and is called only when the match is kept and context was asked for.
   * `below`, for the sink: the line is an entry's own line whose message is below it (continuation.ts awaitsMessage);
   * it is held until the engine has handed `below` the lines under it (giveBelow; at the end, flushBelow), and reaches
   * the sink with the message read there, so that it is grouped by what it says, not by its logger's name.
   */
  accept(line: AcceptedLine, before: () => string[], note: Note, below?: MessageBelow): void {
    this.total++;
    if (this.options.sink) {
      if (below !== undefined || this.awaiting.length > 0) this.awaiting.push({ line, below, next: line.line + 1 });
      else this.options.sink(line);
      return;
    }
    const { limit, order, maxLineChars } = this.request;
    if (order === 'oldest' && this.kept.length >= limit) {
      this.done = true;
      return;
    }
    // Long lines are cut now (at most 2 × limit are kept at a time); the rest are cleaned when returned.
    const text = line.text.length > 2 * maxLineChars ? sanitizeLine(line.text, maxLineChars) : line.text;
    // Copied, whichever engine read it: a cut line is a substring that keeps its whole line (or the Node engine's
    // decoded piece) alive, and 500 kept lines of 200 KB overran the scan process's heap (break14).
    const match: ScanMatch = { line: line.line, text: ownCopy(text) };
    if (line.level) match.level = line.level;
    if (line.timestamp !== undefined) match.timestamp = line.timestamp;
    if (this.request.before > 0) match.before = before();
    if (this.request.after > 0) {
      match.after = [];
      this.owed.push({ match, remaining: this.request.after, next: line.line + 1 });
    }
    this.kept.push({ match, note });
    if (order === 'newest' && this.kept.length >= limit * 2) this.kept.splice(0, this.kept.length - limit);
  }

  /** Lines held for the sink still wait for the lines below them (accept's `below`). */
  get owesBelow(): boolean {
    return this.awaiting.some((held) => held.below !== undefined && !held.below.done);
  }

  /**
   * The next line below every held line so far (its raw text): read into their messages while they take lines.
   * `lineNumber`, when the reader knows it: a held line takes only the line right after the last it took (a reader
   * that hands a stretch again for a line accepted later in it gives each earlier one nothing twice). `text`
   * undefined: a line that only takes its number (a later part of a joined split line).
   */
  giveBelow(text: string | undefined, lineNumber?: number): void {
    for (const held of this.awaiting) {
      if (lineNumber !== undefined && held.next !== lineNumber) continue;
      held.next++;
      if (text !== undefined) held.below?.take(text);
    }
    this.release(false);
  }

  /** The end of the text: held lines go to the sink with what was read of their messages. */
  flushBelow(): void {
    this.release(true);
  }

  /** Hands the held lines whose message is read (all with `all`) to the sink, in line order. */
  private release(all: boolean): void {
    const sink = this.options.sink;
    if (!sink) return;
    while (this.awaiting.length > 0 && (all || this.awaiting[0].below === undefined || this.awaiting[0].below.done)) {
      const { line, below } = this.awaiting.shift()!;
      const message = below?.text();
      sink(message === undefined ? line : { ...line, message });
    }
  }

  /** Kept matches still wait for lines of after-context. */
  get owesAfter(): boolean {
    return this.owed.length > 0;
  }

  /**
   * The next line (sanitized) after every kept match so far: after-context for those still owed some. `lineNumber`,
   * when the reader knows it: a match takes only the line right after the last it took (see giveBelow; `text`
   * undefined likewise).
   */
  giveAfter(text: string | undefined, lineNumber?: number): void {
    let settled = false;
    for (const entry of this.owed) {
      if (lineNumber !== undefined && entry.next !== lineNumber) continue;
      entry.next++;
      if (text === undefined) continue;
      entry.match.after!.push(text);
      if (--entry.remaining === 0) settled = true;
    }
    if (settled) this.owed = this.owed.filter((entry) => entry.remaining > 0);
  }

  /** The matches to return with their notes: the newest `limit` newest first, or the oldest `limit`; text cleaned. */
  chosen(): Chosen<Note>[] {
    const { order, limit, maxLineChars } = this.request;
    const chosen = order === 'newest' ? this.kept.slice(-limit).reverse() : this.kept.slice(0, limit);
    return chosen.map(({ match, note }) => ({ match: { ...match, text: sanitizeLine(match.text, maxLineChars) }, note, raw: match.text }));
  }
}

/**
 * A copy of `text` that does not keep the text it was cut from alive: V8 substrings point into their parent, so a
 * kept line would hold its whole decoded piece in memory (and into the old generation).
 */
export function ownCopy(text: string): string {
  // Joining flattens into a new string (no Buffer, so nothing outside V8's heap); the slice points into that.
  return text.length < 13 ? text : ` ${text}`.slice(1);
}
