// The pure-Node engine: finds candidate lines in blocks of whole lines (the byte kernel's SIMD search for literals,
// case-insensitive ones too when ASCII; a regex pass over the decoded block otherwise, tried only where its literal
// prefix occurs) and hands them, with the entry header of continuation lines and their context, to the match
// collector. Line numbers come from the kernel's newline counts; newest first without filters, only a block's newest
// `limit` matches are parsed. Memory is bounded by the block size and `limit`.
import { isAscii } from 'node:buffer';
import { isHeaderRow } from '../format/csv-columns';
import { partialKind, PartialJoiner, PART_SLOT } from '../format/partials';
import type { LineParser } from '../format/types';
import { sanitizeLine } from '../../shared/sanitize';
import { MAX_RING, type ByteKernel } from './byte-kernel';
import { compilePattern, type CompiledPattern } from './dialect';
import { awaitsMessage, needsHeader, readInOrder } from '../format/continuation';
import { MessageBelow } from '../format/entry-message';
import { headerAbove, HEADER_LOOKBACK_LINES, MatchCollector, ownCopy, parseLine, type Header } from './collector';
import type { AcceptedLine, FileScanResult, ScanRequest } from './types';

/**
 * Text is decoded and searched this many bytes (whole lines) at a time: strings this small live and die in V8's young
 * generation, while a block-sized one is a large (on Node 22 and later, external) string that only a full
 * collection frees, so they pile up in memory. The piece in use when a young collection comes is promoted, so smaller
 * pieces leave less behind (peak of the scan process on Node 24: 85–102 MB with 64 KiB, 80–87 MB with 32 KiB);
 * 16 KiB saved little more and cost 10–15 % of regex search speed.
 */
const TEXT_PIECE_BYTES = 32 * 1024;
type Hay = Buffer | string;

function nextNl(hay: Hay, from: number): number {
  return typeof hay === 'string' ? hay.indexOf('\n', from) : hay.indexOf(10, from);
}
function prevNl(hay: Hay, from: number): number {
  if (from < 0) return -1;
  return typeof hay === 'string' ? hay.lastIndexOf('\n', from) : hay.lastIndexOf(10, from);
}
function slice(hay: Hay, start: number, end: number): string {
  if (end > start && (typeof hay === 'string' ? hay.charCodeAt(end - 1) === 13 : hay[end - 1] === 13)) end--;
  return typeof hay === 'string' ? hay.slice(start, end) : hay.toString('utf8', start, end);
}

/**
 * The line ending at `lineEnd` (its "\n", or the text's end) ends with "\r": a CRLF line, whose "\r" belongs to the
 * ending, not the text. A match that reaches it (`\s$` takes the "\r", `^\s*$` matches between "\r" and "\n" in
 * JavaScript's multiline mode) says nothing about the line's text, so it is rechecked on the text alone (break20: every
 * line of a CRLF file matched `\s$` in a .gz file).
 */
function endsWithCr(hay: Hay, lineEnd: number): boolean {
  return lineEnd > 0 && (typeof hay === 'string' ? hay.charCodeAt(lineEnd - 1) === 13 : hay[lineEnd - 1] === 13);
}

/**
 * The literal text every match of a regex starts with (none when it has an alternation): letters, digits and
 * punctuation that are never special at the top level, without a last character a quantifier applies to.
 */
export function literalPrefix(source: string): string {
  if (source.includes('|')) return '';
  let prefix = /^[A-Za-z0-9 _\-,:;='"<>@#%&~!/]*/.exec(source)![0];
  if (prefix.length < source.length && '?*+{'.includes(source[prefix.length])) prefix = prefix.slice(0, -1);
  return prefix;
}

/** Scans one file pushed to it block by block, in file order; `result()` when done (or when `done` says so). */
export class FileScanner {
  private readonly collector: MatchCollector;
  private linesBefore = 0;
  /** The first block was seen (its byte-order mark, if any, dropped). */
  private started = false;
  private prevTail: string[] = [];
  private prevBlockHeader: Header | undefined;
  private lastParsed: { line: number; header: Header } | undefined;
  private readonly needle: Buffer | undefined;
  private readonly regex: CompiledPattern | undefined;
  private readonly usesHeaders: boolean;
  /** Newest first with no filter: every candidate is a match, so only the newest `limit` of a block need parsing. */
  private readonly deferrable: boolean;
  private readonly kernelFinds: boolean;
  /** The needle ignores case, which only the kernel can search for. */
  private readonly needleFolds: boolean = false;
  /**
   * The needle has a letter that the u flag's case folding also matches outside ASCII (k: the Kelvin sign, s: the long
   * s), which the kernel's ASCII folding does not: the kernel only takes ASCII blocks then.
   */
  private readonly foldsBeyondAscii: boolean = false;
  /** A regex with a literal prefix (in the kernel): tried, sticky, only where the prefix occurs. */
  private readonly sticky: RegExp | undefined;
  /**
   * JavaScript's multiline ^ and $ also match next to U+2028, U+2029 and "\r", which do not end a line of a log file:
   * only "\n" does (ripgrep's rule too), a CRLF line's "\r" being part of its ending and a lone "\r" (a progress bar's
   * overwrites) part of its text. A candidate line holding one is rechecked on its line alone, where ^ and $ mean its
   * ends (break20: `^ separator` matched after a U+2028 inside a line of a .gz file). Per piece of text: whether it
   * holds U+2028 or U+2029 anywhere (then every candidate is rechecked), whether it holds "\r" (then crAt says where).
   */
  private separators = false;
  private carriageReturns = false;
  /** The first "\r" at or after crFrom in the current piece (Infinity: none), so that finding it stays linear. */
  private crAt = Infinity;
  private crFrom = 0;
  /** End of the line nextCandidate last returned, and its text when it had to be decoded already. */
  private candidateEnd = 0;
  private candidateText: string | undefined;
  /** CRI and Docker json-file: lines the runtime split are joined before the search (format/partials.ts). */
  private readonly joiner: PartialJoiner | undefined;

  constructor(
    private readonly request: ScanRequest,
    private readonly parser: LineParser,
    private readonly tick: () => void = () => {},
    /** When set, accepted lines go here instead of being kept (error_summary). */
    sink?: (line: AcceptedLine) => void,
    /** Native-speed newline counting and literal search; without it, Buffer and string methods. */
    private readonly kernel?: ByteKernel,
  ) {
    this.collector = new MatchCollector(request, { sink });
    const p = request.pattern;
    let kernelFinds = false;
    if (p && p.source.length > 0) {
      // Text without letters has no case: the byte search serves case-insensitive requests too.
      if (p.literal && (p.caseSensitive || p.source.toLowerCase() === p.source.toUpperCase())) {
        this.needle = Buffer.from(p.source, 'utf8');
        kernelFinds = kernel?.setNeedle(this.needle) ?? false;
      } else {
        this.regex = compilePattern(p);
        // Printable ASCII ignoring case: the kernel's byte search folds letters as the regex would; the regex stays
        // for a block the kernel cannot take.
        if (p.literal && kernel && /^[\t\x20-\x7e]+$/.test(p.source) && kernel.setNeedle(Buffer.from(p.source, 'latin1'), true)) {
          this.needle = Buffer.from(p.source, 'latin1');
          this.needleFolds = true;
          this.foldsBeyondAscii = /[ks]/i.test(p.source);
          kernelFinds = true;
        } else if (!p.literal && kernel) {
          const prefix = literalPrefix(this.regex.source);
          if (prefix.length >= 3 && kernel.setNeedle(Buffer.from(prefix, 'latin1'), !p.caseSensitive)) this.sticky = new RegExp(this.regex.source, `gmy${this.regex.flags}`);
        }
      }
    }
    this.usesHeaders = parser.format.id !== 'unknown';
    this.kernelFinds = kernelFinds;
    const split = partialKind(parser);
    this.joiner = split ? new PartialJoiner(split) : undefined;
    // A joined file's empty part slots are candidates of an empty pattern: each line is looked at, none skipped.
    this.deferrable = !sink && request.order === 'newest' && !this.collector.filtering && !this.joiner;
  }

  /**
   * The blocks pushed begin at line `line` (1-based) of the file, not at its first (a time window's reader started
   * there: io/time-seek.ts readStart): lines are numbered from it, and no byte-order mark is looked for.
   */
  startAtLine(line: number): void {
    this.linesBefore = line - 1;
    this.started = true;
  }

  /** The oldest `limit` matches are in: later blocks cannot change the result. */
  get done(): boolean {
    return this.collector.done;
  }

  /** Processes one block of whole lines (ending with "\n"). */
  push(block: Buffer): void {
    if (this.linesBefore === 0 && !this.started) {
      this.started = true;
      // A UTF-8 byte-order mark is not text of the first line (ripgrep drops it too): ^ matches after it.
      if (block[0] === 0xef && block[1] === 0xbb && block[2] === 0xbf) block = block.subarray(3);
    }
    if (this.joiner) {
      const lines = block.toString('utf8').split('\n');
      lines.pop();
      block = this.joinedBlock(lines.flatMap((line) => this.joiner!.push(line)));
      if (block.length === 0) return;
    }
    this.pushBlock(block);
  }

  /** The end of the file: lines held by the split-line joiner (a run the file ends inside) are searched too. */
  finish(): void {
    if (this.joiner && !this.done) {
      const block = this.joinedBlock(this.joiner.end());
      if (block.length > 0) this.pushBlock(block);
    }
    this.collector.flushBelow();
  }

  private joinedBlock(lines: string[]): Buffer {
    return lines.length === 0 ? Buffer.alloc(0) : Buffer.from(`${lines.join('\n')}\n`, 'utf8');
  }

  private pushBlock(block: Buffer): void {
    const decodes = this.needle === undefined || (this.needleFolds && !this.kernel);
    if (!decodes || block.length <= TEXT_PIECE_BYTES) {
      this.pushPiece(block);
      return;
    }
    for (let start = 0; start < block.length && !this.done; ) {
      const nl = block.indexOf(10, start + TEXT_PIECE_BYTES - 1);
      const end = nl === -1 ? block.length : nl + 1;
      this.pushPiece(block.subarray(start, end));
      start = end;
    }
  }

  /** Processes whole lines: the block itself, or a piece of it when its text has to be decoded. */
  private pushPiece(block: Buffer): void {
    if (this.done) return;
    // In the text of an ASCII block, offsets are byte offsets, so the kernel can count its lines. (Decoding it as
    // latin1 would be faster but makes an external string, whose memory is only returned at a full collection.)
    const ascii = (this.needle === undefined || this.needleFolds) && isAscii(block);
    const kernelFits = this.needle === undefined || this.foldsBeyondAscii ? ascii : true;
    const kernel = this.kernel && kernelFits && this.kernel.load(block) ? this.kernel : undefined;
    const bytes = this.needle !== undefined && (kernel !== undefined || !this.needleFolds);
    const hay: Hay = bytes ? block : block.toString('utf8');
    const length = hay.length;
    this.separators = typeof hay === 'string' && this.regex !== undefined && (hay.includes('\u2028') || hay.includes('\u2029'));
    this.carriageReturns = typeof hay === 'string' && this.regex !== undefined && hay.includes('\r');
    this.crAt = Infinity;
    this.crFrom = Infinity;
    // After-context still owed to matches of the previous block.
    this.fillPendingAfter(hay, 0, this.linesBefore + 1);

    let pos = this.deferrable ? this.skipOlderCandidates(hay, kernel) : 0;
    let countedPos = 0;
    let countedLines = this.linesBefore;
    let candidates = 0;
    while (pos < length && !this.done) {
      const lineStart = this.nextCandidate(hay, pos, kernel);
      if (lineStart === -1) break;
      const lineEnd = this.candidateEnd;
      countedLines += this.countNewlines(hay, countedPos, lineStart, kernel);
      countedPos = lineStart;
      pos = lineEnd + 1;
      if (++candidates % 256 === 0) this.tick();
      this.consider(hay, lineStart, lineEnd, countedLines + 1, this.candidateText ?? slice(hay, lineStart, lineEnd));
    }
    // Lines in this block, for the next block's numbering.
    this.linesBefore = countedLines + this.countNewlines(hay, countedPos, length, kernel);
    this.rememberTail(hay);
    this.tick();
  }

  /**
   * The start of the first line at or after `pos` that the pattern matches (its end in candidateEnd), or -1.
   * Whether a line matches depends on the line alone, not on where the search started.
   */
  private nextCandidate(hay: Hay, pos: number, kernel: ByteKernel | undefined): number {
    const length = hay.length;
    const scanRegex = this.regex?.scan;
    while (pos < length) {
      let index: number;
      let matchEnd = -1;
      if (typeof hay !== 'string') {
        index = this.kernelFinds && kernel ? kernel.find(pos) : hay.indexOf(this.needle!, pos);
      } else if (scanRegex) {
        let m: RegExpExecArray | null = null;
        if (this.sticky && kernel) {
          // The block is ASCII (else no kernel here), so the prefix's byte offsets are string offsets.
          for (let at = kernel.find(pos); at !== -1; at = kernel.find(at + 1)) {
            this.sticky.lastIndex = at;
            m = this.sticky.exec(hay);
            if (m) break;
          }
        } else {
          scanRegex.lastIndex = pos;
          m = scanRegex.exec(hay);
        }
        if (!m) return -1;
        index = m.index;
        matchEnd = m.index + m[0].length;
      } else {
        index = pos;
      }
      if (index === -1) return -1;
      const lineStart = prevNl(hay, index - 1) + 1;
      let lineEnd = nextNl(hay, index);
      if (lineEnd === -1) lineEnd = length;
      this.candidateEnd = lineEnd;
      this.candidateText = undefined;
      // A match that ran past the end of its line is rechecked on the line alone; so is one that may have leaned on a
      // character the scan's multiline ^ and $ take for a line end but a log file does not (see `separators`).
      if (this.regex && (matchEnd > lineEnd || (matchEnd === lineEnd && endsWithCr(hay, lineEnd)) || this.separators || this.crInside(hay, lineStart, lineEnd))) {
        const text = slice(hay, lineStart, lineEnd);
        if (!this.regex.line.test(text)) {
          pos = lineEnd + 1;
          continue;
        }
        this.candidateText = text;
      }
      return lineStart;
    }
    return -1;
  }

  /** The line [lineStart, lineEnd) holds a "\r" before its last character (which is the "\r" of a CRLF ending). */
  private crInside(hay: Hay, lineStart: number, lineEnd: number): boolean {
    if (!this.carriageReturns || typeof hay !== 'string') return false;
    // Candidates mostly come in file order: the "\r" found last is reused until a line starts past it.
    if (this.crFrom > lineStart || this.crAt < lineStart) {
      const at = hay.indexOf('\r', lineStart);
      this.crAt = at === -1 ? Infinity : at;
      this.crFrom = lineStart;
    }
    return this.crAt < lineEnd - 1;
  }

  /**
   * Newest first with no filter: counts the block's matches and returns where the ones that may still be returned
   * begin (the newest `limit`, and the matching lines directly before them, whose parse a continuation line uses).
   */
  private skipOlderCandidates(hay: Hay, kernel: ByteKernel | undefined): number {
    const { limit } = this.request;
    const newest = new Int32Array(limit);
    let count = 0;
    let first: number;
    if (typeof hay !== 'string' && kernel && this.kernelFinds && limit <= MAX_RING) {
      // The kernel's one pass over the block gives what nextCandidate would one match at a time (a byte search, no
      // regex to confirm): the count, and a match in each of the newest `limit` lines, oldest first.
      count = kernel.findLines(0, newest);
      if (count <= limit) return 0;
      first = prevNl(hay, newest[0] - 1) + 1;
    } else {
      let pos = 0;
      for (;;) {
        const lineStart = this.nextCandidate(hay, pos, kernel);
        if (lineStart === -1) break;
        newest[count % limit] = lineStart;
        count++;
        pos = this.candidateEnd + 1;
        if (count % 256 === 0) this.tick();
      }
      if (count <= limit) return 0;
      first = newest[count % limit];
    }
    let skipped = count - limit;
    while (first > 0 && skipped > 0) {
      const previous = prevNl(hay, first - 2) + 1;
      if (this.nextCandidate(hay, previous, kernel) !== previous) break;
      first = previous;
      skipped--;
    }
    this.collector.total += skipped;
    return first;
  }

  /** Newlines in hay[from, to). */
  private countNewlines(hay: Hay, from: number, to: number, kernel: ByteKernel | undefined): number {
    if (kernel) return kernel.countNewlines(from, to);
    let lines = 0;
    let pos = from;
    while (pos < to) {
      const nl = nextNl(hay, pos);
      if (nl === -1 || nl >= to) break;
      lines++;
      pos = nl + 1;
    }
    return lines;
  }

  /** Parses a candidate line, completes it from its entry header, and hands it to the collector. */
  private consider(hay: Hay, lineStart: number, lineEnd: number, lineNumber: number, text: string): void {
    if (this.isPartSlot(text)) return;
    const parsed = parseLine(this.parser, text, lineNumber);
    // A directive is no entry: no filter passes it, and it is no line without a time; a CSV header row (naming
    // `error_severity`) is no match of a search for a word either.
    if (parsed.directive && (this.collector.filtering || isHeaderRow(parsed, text))) return;
    // The entry above is read only for a line that takes from it (headerBefore may walk up the lines).
    const takes = needsHeader(this.parser, parsed);
    const { timestamp, level, continues, next } = readInOrder(this.parser, parsed, takes ? this.headerBefore(hay, lineStart, lineNumber) : undefined);
    if (takes && parsed.report !== undefined) this.collector.noteReport(parsed, { timestamp, level });
    this.lastParsed = { line: lineNumber, header: next };
    if (!continues && !parsed.standalone && parsed.message.trim().length > 0) this.collector.noteLevelless(lineNumber, { timestamp, level }, text);
    if ((continues && this.request.entries) || !this.collector.admits({ timestamp, level }, text)) return;
    const below = this.collector.summarising && awaitsMessage(parsed) ? new MessageBelow(this.parser) : undefined;
    this.collector.accept({ line: lineNumber, text, message: parsed.message, level, timestamp }, () => this.beforeLines(hay, lineStart, this.request.before), undefined, below);
    this.fillPendingAfter(hay, lineEnd + 1, lineNumber + 1);
  }

  /** The entry a continuation line belongs to: the nearest earlier line with a timestamp or level. */
  private headerBefore(hay: Hay, lineStart: number, lineNumber: number): Header | undefined {
    // The line above was read: its entry's time and level (both undefined for an entry without either, which is still
    // an entry above: entryOf tells it from none found).
    if (this.lastParsed && this.lastParsed.line === lineNumber - 1) return this.lastParsed.header;
    let end = lineStart - 1;
    // Lines above the block's first are in the block before: its last header stands in for them.
    return headerAbove(
      this.parser,
      () => {
        if (end < 0) return undefined;
        const start = prevNl(hay, end - 1) + 1;
        const text = slice(hay, start, end);
        end = start - 1;
        return text;
      },
      this.prevBlockHeader,
      lineNumber - 1,
    );
  }

  /** A later part of a joined split line (its text is in the first part's line): no match, no line of context. */
  private isPartSlot(text: string): boolean {
    return this.joiner !== undefined && text === PART_SLOT;
  }

  private beforeLines(hay: Hay, lineStart: number, count: number): string[] {
    const out: string[] = [];
    let end = lineStart - 1;
    while (out.length < count && end >= 0) {
      const start = prevNl(hay, end - 1) + 1;
      const text = slice(hay, start, end);
      if (!this.isPartSlot(text)) out.unshift(ownCopy(sanitizeLine(text, this.request.maxLineChars)));
      end = start - 1;
    }
    for (let i = this.prevTail.length - 1; out.length < count && i >= 0; i--) out.unshift(this.prevTail[i]);
    return out;
  }

  /**
   * Hands the lines from `from` (line `lineNumber`) on to the collector while kept matches are owed after-context, or
   * lines held for the sink wait for their message below (MatchCollector.giveBelow). With the numbers, a match owed
   * lines to the block's end and a later match in the block, whose hand-out starts again below the later one, do not
   * take the same line twice (a full read gave `job 9 done` twice where a sought read gave the line after it).
   */
  private fillPendingAfter(hay: Hay, from: number, lineNumber: number): void {
    const { collector } = this;
    for (let pos = from, line = lineNumber; (collector.owesAfter || collector.owesBelow) && pos < hay.length; line++) {
      let end = nextNl(hay, pos);
      if (end === -1) end = hay.length;
      const text = slice(hay, pos, end);
      // A part slot takes a line number but is no line of context: the matches' next line is the one after it.
      if (collector.owesAfter) collector.giveAfter(this.isPartSlot(text) ? undefined : ownCopy(sanitizeLine(text, this.request.maxLineChars)), line);
      if (collector.owesBelow) collector.giveBelow(this.isPartSlot(text) ? undefined : text, line);
      pos = end + 1;
    }
  }

  private rememberTail(hay: Hay): void {
    const want = this.request.before;
    const tail: string[] = [];
    // The block's last lines, the last first: the next block's first line reads its header from them as headerBefore
    // would (one rule: headerAbove, with the header before this block standing in beyond its first line).
    const last: string[] = [];
    let end = hay.length - 1;
    const lookback = Math.max(want, this.usesHeaders ? HEADER_LOOKBACK_LINES : 0);
    for (let i = 0; i < lookback && end >= 0; i++) {
      const start = prevNl(hay, end - 1) + 1;
      const text = slice(hay, start, end);
      if (tail.length < want && !this.isPartSlot(text)) tail.unshift(ownCopy(sanitizeLine(text, this.request.maxLineChars)));
      last.push(text);
      end = start - 1;
    }
    if (want > 0) this.prevTail = tail.length >= want ? tail : [...this.prevTail, ...tail].slice(-want);
    if (!this.usesHeaders) return;
    // The block's last line is line linesBefore (pushPiece counted the block's lines before this).
    const header = headerAbove(this.parser, (n) => last[n], end < 0 ? this.prevBlockHeader : undefined, this.linesBefore);
    if (header) this.prevBlockHeader = header;
  }

  /** The scan's result; finishes the scan first (finish()). */
  result(): Omit<FileScanResult, 'engine'> {
    this.finish();
    const { collector } = this;
    const matches = collector.chosen().map((kept) => kept.match);
    return { matches, totalMatches: collector.total, complete: !collector.done, untimed: collector.untimed, ...(collector.reportsAtInfo > 0 ? { reportsAtInfo: collector.reportsAtInfo } : {}), ...(collector.levellessResult ? { levelless: collector.levellessResult } : {}), formatId: this.parser.format.id };
  }
}
