// The message of an entry whose own line is empty (continuation.ts awaitsMessage): the text a program wrote below its
// header. Spring Boot logs its failure analysis as `"\n\n***…\nAPPLICATION FAILED TO START\n***…\n\nDescription:\n\n
// Web server failed to start. Port 8080 was already in use.\n…"` at ERROR, so the header line ends with the logger's
// name and `:`, and error_summary grouped every such failure under that name: `o.s.b.d.LoggingFailureAnalysisReporter :`.
import { continuationShaped } from './header';
import { isWordless } from './continuation';
import type { LineParser, ParsedLine } from './types';

/** Text lines taken at most: the paragraph that says what happened, not a report of pages. */
const MESSAGE_LINES = 8;
/** Characters taken at most (a message is grouped by its masked text: error_summary cuts it at 1200 anyway). */
const MESSAGE_CHARS = 600;
/** Lines read below the header at most, blank and decorative ones included: a bounded look. */
const LOOK_LINES = 40;

/** Characters of a line parsed (as the engines parse theirs: search/collector.ts PARSE_CHARS). */
const PARSE_CHARS = 64 * 1024;

/** A line of no letter or digit in any script (`*****`, `-----`, `=====`): a banner's rule, no words of the message. */
const DECORATION = /^[^\p{L}\p{N}]*$/u;

/**
 * Reads the message of an entry whose own line is empty from the lines below it, one at a time (`take`), as far as a
 * demanding reader of a summary would take it: the text lines from the first one on, blank lines and banner rules
 * (DECORATION) passed over, joined by a space, until
 * - the next line with a time of its own (the next entry; a container runtime's time alone does not count), or a
 *   record of its own (`standalone`);
 * - a line with a level of its own after the first text line: it opens an entry of its own (continuation.ts entryOf),
 *   where the first text line's level word is a word of the message (underEntry);
 * - a stack trace: an indented frame or a traceback's line ends the message; an exception's line (`java.lang.X: …`)
 *   that comes first is the message, and ends it;
 * - MESSAGE_LINES text lines, MESSAGE_CHARS characters, or LOOK_LINES lines read.
 * Each line is parsed with `parser` (the file's). Never throws; memory is bounded by MESSAGE_CHARS.
 */
export class MessageBelow {
  private readonly parts: string[] = [];
  private chars = 0;
  private read = 0;
  private ended = false;

  /** `parser`: the text's, for `take` (a reader that parses its lines itself gives them to `takeParsed`). */
  constructor(private readonly parser?: Pick<LineParser, 'parse'>) {}

  /** The message is complete: no more lines are read. */
  get done(): boolean {
    return this.ended;
  }

  /**
   * Reads the next line below (its text without the line break) with the parser given; returns false once the message
   * is complete. Throws when no parser was given.
   */
  take(line: string): boolean {
    if (this.ended) return false;
    if (!this.parser) throw new Error('MessageBelow.take needs a parser');
    const parsed = this.parser.parse(line.length > PARSE_CHARS ? line.slice(0, PARSE_CHARS) : line);
    // A line a runtime wrapped is read without its wrapping; a plain line whole, its opening level word too.
    return this.takeParsed(parsed, parsed.continues === true || parsed.runtimeTime === true ? parsed.message : line);
  }

  /**
   * Reads the next line below as parsed (`parsed`), `body` its text without what a runtime wrapped around it (a
   * container's record inside its envelope); returns false once the message is complete.
   */
  takeParsed(parsed: ParsedLine, body: string): boolean {
    if (this.ended) return false;
    if (++this.read > LOOK_LINES) return this.end();
    if (parsed.standalone === true || parsed.opensEntry === true) return this.end();
    if (parsed.timestamp !== undefined && parsed.runtimeTime !== true && parsed.continues !== true) return this.end();
    if (isWordless(parsed)) return true;
    const text = body.trim();
    if (text.length === 0 || DECORATION.test(text)) return true;
    const first = this.parts.length === 0;
    if (!first && parsed.level !== undefined) return this.end();
    if (continuationShaped(body) || parsed.report !== undefined) {
      if (first && !/^\s/.test(body)) this.add(text);
      return this.end();
    }
    this.add(text);
    return this.parts.length < MESSAGE_LINES && this.chars < MESSAGE_CHARS ? true : this.end();
  }

  /** The message read (its lines joined by a space), or undefined when no text line was found below the header. */
  text(): string | undefined {
    if (this.parts.length === 0) return undefined;
    const joined = this.parts.join(' ');
    return joined.length > MESSAGE_CHARS ? joined.slice(0, MESSAGE_CHARS) : joined;
  }

  private add(text: string): void {
    this.parts.push(text.length > MESSAGE_CHARS ? text.slice(0, MESSAGE_CHARS) : text);
    this.chars += text.length + 1;
  }

  private end(): false {
    this.ended = true;
    return false;
  }
}
