// Searching a plain file with ripgrep (linear-time regex, fast literal search); its output lines go to the shared
// match collector for the level and time filters, context and ordering. The pattern is in the search dialect
// (search/dialect.ts): ripgrep gets it translated into Rust's syntax, and each line it reports is confirmed with the
// dialect's regex; patterns Rust's syntax cannot express run on the Node engine instead.
import { spawn } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import type { Readable } from 'node:stream';
import { isHeaderRow } from '../format/csv-columns';
import { joinsPartials } from '../format/partials';
import type { LineParser, ParsedLine } from '../format/types';
import { sanitizeLine } from '../../shared/sanitize';
import { abortError } from '../../shared/progress';
import { leadingNuls, LineBlocker, MAX_LINE_BYTES } from '../io/chunks';
import { awaitsMessage, entryAbove, entryOf, inheritedLevel, needsHeader, ownLevel, underEntry } from '../format/continuation';
import { MessageBelow } from '../format/entry-message';
import { headerAbove, HEADER_LOOKBACK_LINES, MatchCollector, parseLine, type Header } from './collector';
import { isDecoded } from '../io/charset';
import { compilePattern, toRipgrep } from './dialect';
import type { AcceptedLine, FileScanResult, ScanMatch, ScanRequest, ScanTarget } from './types';

/** The pattern ripgrep searches for (Rust syntax, or the literal text), or undefined when ripgrep cannot take the scan. */
export function ripgrepPattern(request: ScanRequest, target: ScanTarget): string | undefined {
  const p = request.pattern;
  // A NUL cannot reach ripgrep (process arguments are C strings): such a pattern runs on the Node engine.
  if (!p || p.source.length === 0 || p.source.includes('\0') || isDecoded(target)) return undefined;
  return p.literal ? p.source : toRipgrep(compilePattern(p).source);
}

export function ripgrepCanRun(request: ScanRequest, target: ScanTarget): boolean {
  return ripgrepPattern(request, target) !== undefined;
}

/** ripgrep could not start or refused the pattern: the caller scans with the Node engine instead. */
export class RipgrepUnsupported extends Error {}

/**
 * Bytes read above a continuation line to find its entry header: first a few lines' worth, which finds most headers
 * (a frame a few lines under its entry), then HEADER_LOOKBACK_LINES lines of ordinary length (a Python traceback's
 * exception line comes after all its frames: 15 frames are 30 lines), so that the deep case costs a second read and
 * the common one no more than before.
 */
const HEADER_BACK_BYTES = [16 * 1024, 64 * 1024];
/** Bytes read below an entry's own line for its message at most (entry-message.ts reads a few lines of it). */
const BELOW_BYTES = 256 * 1024;

export interface RipgrepOptions {
  signal?: AbortSignal;
  /** Byte offset in the file of the last line ripgrep reported. */
  onProgress?: (bytes: number) => void;
  /** When set, accepted lines go here instead of being kept (error_summary). */
  sink?: (line: AcceptedLine) => void;
  /** ripgrep's process id, once started. */
  onSpawn?: (pid: number) => void;
}

/**
 * Searches `target` (a plain file) with ripgrep at path `rg`. Throws RipgrepUnsupported when ripgrep cannot start or
 * refuses the pattern, the abort error when `options.signal` fires.
 */
export async function scanWithRipgrep(rg: string, target: ScanTarget, request: ScanRequest, parser: LineParser, options: RipgrepOptions = {}): Promise<FileScanResult> {
  const pattern = ripgrepPattern(request, target);
  if (pattern === undefined) throw new RipgrepUnsupported('ripgrep cannot take this pattern or file');
  // ripgrep sees lines, not the messages split lines join into (format/partials.ts): CRI and Docker files scan in Node.
  if (joinsPartials(parser)) throw new RipgrepUnsupported('ripgrep cannot join the lines a container runtime split');
  const headers = new HeaderReader(target.realPath, parser);
  const output = new RipgrepMatches(request, parser, headers, options.sink);
  try {
    // The kept lines are read back from the file ripgrep searched, not from one renamed over it meanwhile.
    if (output.readsBack) await headers.open();
    await runRipgrep(rg, ripgrepArgs(target, request, pattern, output.readsBack), options, {
      take: (block, start, end) => output.take(block, start, end),
      stopped: () => output.collector.done,
      progress: () => options.onProgress?.(output.lastOffset),
      cut: (lines) => (output.linesCut += lines),
    });
    const matches = await output.matches();
    const { total, done, untimed, reportsAtInfo, levellessResult } = output.collector;
    const { linesCut } = output;
    return { matches, totalMatches: total, complete: !done, untimed, ...(reportsAtInfo > 0 ? { reportsAtInfo } : {}), ...(levellessResult ? { levelless: levellessResult } : {}), ...(linesCut > 0 ? { linesCut } : {}), engine: 'ripgrep', formatId: parser.format.id };
  } finally {
    await headers.close();
  }
}

/**
 * Line numbers and byte offsets on every line, context as asked, the pattern in Rust's syntax; no config, no colour.
 * `numbersOnly`: each line's text is left out (`--max-columns 1` prints a placeholder instead): the caller reads the few
 * lines it keeps back from the file, and reading ripgrep's output, not ripgrep's search, was most of the time spent
 * (12 MB of output in ~1,500 pipe reads for 114k matches of 1 GiB, against 5 MB without the texts).
 */
function ripgrepArgs(target: ScanTarget, request: ScanRequest, pattern: string, numbersOnly: boolean): string[] {
  const p = request.pattern!;
  const args = ['--no-config', '--line-number', '--byte-offset', '--no-heading', '--no-filename', '--text', '--crlf', '--color', 'never'];
  if (numbersOnly) args.push('--max-columns', '1');
  args.push(p.caseSensitive ? '--case-sensitive' : '--ignore-case');
  if (p.literal) args.push('--fixed-strings');
  if (request.before > 0) args.push('--before-context', String(request.before));
  if (request.after > 0) args.push('--after-context', String(request.after));
  args.push('--regexp', pattern, '--', target.realPath);
  return args;
}

interface OutputHandlers {
  /** One output line, block[start, end) (ending with "\n"); a promise when the line needs a file read before the next. */
  take: (block: Buffer, start: number, end: number) => void | Promise<void>;
  /** No later line can change the result: ripgrep is stopped. */
  stopped: () => boolean;
  /** After each chunk of output (its lines all taken). */
  progress: () => void;
  /** At the end: how many output lines were cut at MAX_LINE_BYTES (LineBlocker.cutLines). */
  cut?: (lines: number) => void;
}

/** Runs ripgrep to its end (or until `stopped()`), handing over its output line by line. */
async function runRipgrep(rg: string, args: string[], options: RipgrepOptions, handlers: OutputHandlers): Promise<void> {
  const child = spawn(rg, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid !== undefined) options.onSpawn?.(child.pid);
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => {
    if (stderr.length < 4096) stderr += b.toString();
  });
  // SIGKILL: ripgrep has nothing to clean up, and a SIGTERM stays pending on a stopped process (the scan process
  // would forget a ripgrep that never ends).
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  const onAbort = stop;
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const spawnError = new Promise<never>((_, reject) => child.on('error', (e) => reject(new RipgrepUnsupported(`ripgrep failed to start: ${e.message}`))));
  try {
    await Promise.race([readOutputLines(child.stdout, handlers), spawnError]);
    if (handlers.stopped()) stop();
    const code = await Promise.race([exit, spawnError]);
    if (options.signal?.aborted) throw abortError();
    // Exit code 1 means no line matched.
    if (!handlers.stopped() && code !== 0 && code !== 1) throw new RipgrepUnsupported(`ripgrep refused the pattern: ${stderr.trim().split('\n').slice(-3).join(' ')}`);
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    stop();
  }
}

async function readOutputLines(stdout: Readable, { take, stopped, progress, cut }: OutputHandlers): Promise<void> {
  const blocker = new LineBlocker();
  // A line ripgrep printed past MAX_LINE_BYTES is a match whose text is cut: its match may lie in the part dropped.
  try {
    await readBlockedLines(stdout, blocker, { take, stopped, progress });
  } finally {
    cut?.(blocker.cutLines);
  }
}

async function readBlockedLines(stdout: Readable, blocker: LineBlocker, { take, stopped, progress }: OutputHandlers): Promise<void> {
  for await (const chunk of stdout as AsyncIterable<Buffer>) {
    if (stopped()) break;
    const block = blocker.push(chunk);
    let pos = 0;
    while (pos < block.length && !stopped()) {
      let nl = block.indexOf(10, pos);
      if (nl === -1) nl = block.length - 1;
      const waiting = take(block, pos, nl + 1);
      if (waiting) await waiting;
      pos = nl + 1;
    }
    progress();
  }
  if (!stopped()) {
    const tail = blocker.end();
    if (tail.length) await take(tail, 0, tail.length);
  }
}

/** One line of ripgrep's output. */
interface OutputLine {
  /** 1-based line number. */
  line: number;
  /** Byte offset of the line in the file. */
  offset: number;
  /** A matching line (else a context line). */
  match: boolean;
  text: string;
}

/** The line numbers and byte offsets of the newest `size` matching lines given (a ring), and how many came before them. */
class NewestLines {
  private readonly lines: Float64Array;
  private readonly offsets: Float64Array;
  private seen = 0;

  constructor(private readonly size: number) {
    this.lines = new Float64Array(size);
    this.offsets = new Float64Array(size);
  }

  add(line: number, offset: number): void {
    const i = this.seen++ % this.size;
    this.lines[i] = line;
    this.offsets[i] = offset;
  }

  /** The kept lines, oldest first, and how many older ones were dropped; empties the ring. */
  drain(): { kept: Array<{ line: number; offset: number }>; dropped: number } {
    const count = Math.min(this.seen, this.size);
    const kept: Array<{ line: number; offset: number }> = [];
    for (let n = this.seen - count; n < this.seen; n++) kept.push({ line: this.lines[n % this.size], offset: this.offsets[n % this.size] });
    const dropped = this.seen - count;
    this.seen = 0;
    return { kept, dropped };
  }
}

/**
 * The number, byte offset and kind of the output line raw[start, end), and where its text starts: parseOutputLine
 * without decoding the text.
 */
function outputHead(raw: Buffer, start = 0, end = raw.length): { line: number; offset: number; match: boolean; textStart: number } | undefined {
  let i = start;
  let line = 0;
  while (i < end && raw[i] >= 48 && raw[i] <= 57) line = line * 10 + (raw[i++] - 48);
  if (i === start || i >= end) return undefined;
  const sep = raw[i++];
  let offset = 0;
  const offsetStart = i;
  while (i < end && raw[i] >= 48 && raw[i] <= 57) offset = offset * 10 + (raw[i++] - 48);
  if (i === offsetStart || raw[i] !== sep) return undefined;
  return { line, offset, match: sep === 58 /* : */, textStart: i + 1 };
}

/** "LINE:OFFSET:text" for matches, "LINE-OFFSET-text" for context; undefined for "--" between groups. */
function parseOutputLine(raw: Buffer): OutputLine | undefined {
  const head = outputHead(raw);
  if (!head) return undefined;
  const { line, offset, match, textStart } = head;
  let end = raw.length;
  if (end > textStart && raw[end - 1] === 10) end--;
  if (end > textStart && raw[end - 1] === 13) end--;
  return { line, offset, match, text: raw.toString('utf8', textStart, end) };
}

/**
 * ripgrep's output lines into the collector: matching lines are parsed (with their entry header when they are
 * continuation lines) only when a filter needs it, else when returned; context lines become before- and after-context.
 */
class RipgrepMatches {
  /** Notes each kept match's byte offset, where its entry header is looked for when it is returned. */
  readonly collector: MatchCollector<number>;
  /** Byte offset of the last line taken. */
  lastOffset = 0;
  /** Matched lines longer than MAX_LINE_BYTES whose match was not in their first MAX_LINE_BYTES (FileScanResult.linesCut). */
  linesCut = 0;
  /** The last `before` lines (sanitized), for before-context. */
  private readonly recent: { line: number; text: string }[] = [];
  /** The dialect's regex for one line: what ripgrep reports as a match is a match only when this agrees. */
  private readonly confirm: RegExp;
  /**
   * Newest first with no filter and no context, for a case-sensitive literal: ripgrep prints line numbers and offsets
   * only (`readsBack`), the newest `limit` are kept (a ring) and read back from the file at the end, decoded and
   * confirmed; the older ones are only counted. That count is exact: ripgrep found the literal's UTF-8 bytes in the
   * line, and decoding never takes an ASCII byte or a UTF-8 lead byte into a replacement character, so the decoded line
   * holds the literal too and the dialect's regex would agree. (Reading and decoding 100k lines only to drop them cost
   * more than ripgrep's own search of 1 GiB.)
   */
  private readonly deferred: NewestLines | undefined;
  /** The last matching line seen while deferring: how long it can be is known once the next one's offset is. */
  private pending: { line: number; offset: number } | undefined;

  constructor(
    private readonly request: ScanRequest,
    private readonly parser: LineParser,
    private readonly headers: HeaderReader,
    sink?: (line: AcceptedLine) => void,
  ) {
    this.collector = new MatchCollector<number>(request, { sink });
    this.confirm = compilePattern(request.pattern!).line;
    const p = request.pattern!;
    // A CSV log's header row may stand anywhere (appended exports): only a line's text tells it, so its lines are read.
    const plain = !sink && !this.collector.filtering && request.order === 'newest' && request.before === 0 && request.after === 0 && parser.headerRow === undefined;
    // A literal that UTF-8 cannot carry as written (a lone surrogate) reaches ripgrep as other bytes than the dialect's
    // regex tests: its matches must be confirmed one by one, so it is not deferred.
    const encodable = Buffer.from(p.source, 'utf8').toString('utf8') === p.source;
    this.deferred = plain && p.literal && p.caseSensitive && encodable ? new NewestLines(request.limit) : undefined;
  }

  /** ripgrep is to print numbers only: the lines kept are read back from the file. */
  get readsBack(): boolean {
    return this.deferred !== undefined;
  }

  /** Counts a matching line and keeps its number and offset among the newest `limit` (context lines are not asked for). */
  private defer(block: Buffer, start: number, end: number): void | Promise<void> {
    const head = outputHead(block, start, end);
    if (!head?.match) return;
    this.lastOffset = head.offset;
    const previous = this.pending;
    this.pending = { line: head.line, offset: head.offset };
    if (previous) return this.settle(previous, head.offset);
  }

  /**
   * Counts and keeps a deferred line whose length is at most `bound - offset` bytes. A line longer than MAX_LINE_BYTES
   * is cut there by the Node engine and by the path with texts (LineBlocker): the literal may lie in the part dropped,
   * so such a line (rare) is read now and counted or kept only when its first MAX_LINE_BYTES bytes hold the literal, as
   * the Node engine does.
   */
  private settle(match: { line: number; offset: number }, bound: number): void | Promise<void> {
    if (bound - match.offset <= MAX_LINE_BYTES) {
      this.deferred!.add(match.line, match.offset);
      return;
    }
    return this.headers.lineAt(match.offset, MAX_LINE_BYTES).then((text) => {
      if (text !== undefined && this.confirm.test(text)) this.deferred!.add(match.line, match.offset);
      else this.linesCut++;
    });
  }

  /** The deferred lines: the older ones counted, the newest `limit` read back and taken as every line is when nothing is deferred. */
  private async takeDeferred(): Promise<void> {
    const deferred = this.deferred;
    if (!deferred) return;
    const last = this.pending;
    this.pending = undefined;
    if (last) await this.settle(last, await this.headers.size());
    const { kept, dropped } = deferred.drain();
    this.collector.total += dropped;
    for (const { line, offset } of kept) {
      const text = await this.headers.lineAt(offset, MAX_LINE_BYTES);
      // Never a promise: without a filter, accept() keeps a line unparsed (its header is read in matches()).
      if (text !== undefined && this.confirm.test(text)) void this.accept({ line, offset, match: true, text });
    }
  }

  /** Takes one output line; returns a promise only when a continuation line needs the entry above it read. */
  take(block: Buffer, start: number, end: number): void | Promise<void> {
    if (this.deferred) return this.defer(block, start, end);
    const out = parseOutputLine(block.subarray(start, end));
    if (!out) return;
    // A line that starts with NULs (a copytruncate hole): ripgrep prints them, and the output reader keeps only a long
    // line's first MAX_LINE_BYTES, which a long hole fills; the line is read again from the file without them.
    if (out.text.charCodeAt(0) === 0) return this.headers.lineAt(out.offset, MAX_LINE_BYTES).then((text) => this.takeLine({ ...out, text: text ?? '' }));
    return this.takeLine(out);
  }

  /** Takes one parsed output line (see take). */
  private takeLine(out: OutputLine): void | Promise<void> {
    const { request, collector } = this;
    const clean = request.before > 0 || collector.owesAfter ? sanitizeLine(out.text, request.maxLineChars) : '';
    if (collector.owesAfter) collector.giveAfter(clean);
    this.lastOffset = out.offset;
    const accepted = out.match && this.confirm.test(out.text) ? this.accept(out) : undefined;
    if (accepted) return accepted.then(() => this.remember(out.line, clean));
    this.remember(out.line, clean);
  }

  /** The matches to return; lines accepted unparsed (no filter) get their time and level now. */
  async matches(): Promise<ScanMatch[]> {
    await this.takeDeferred();
    const matches: ScanMatch[] = [];
    for (const { match, note: offset, raw } of this.collector.chosen()) {
      if (!this.collector.filtering) {
        const parsed = parseLine(this.parser, raw);
        const { timestamp, level } = needsHeader(this.parser, parsed) ? await this.underHeader(parsed, offset) : { timestamp: parsed.timestamp, level: ownLevel(parsed) };
        if (level) match.level = level;
        if (timestamp !== undefined) match.timestamp = timestamp;
      }
      matches.push(match);
    }
    return matches;
  }

  private accept(out: OutputLine): void | Promise<void> {
    if (!this.collector.filtering) {
      // A CSV header row (naming `error_severity`) is no entry, and no match, wherever it stands: the lines here are not
      // parsed, so they are compared with the row the parser learned (and the first line, read as it would be, for it).
      if (out.text === this.parser.headerRow || (out.line === 1 && isHeaderRow(parseLine(this.parser, out.text), out.text))) return;
      this.keep(out, out.text, {});
      return;
    }
    const parsed = parseLine(this.parser, out.text);
    // A directive is no entry: no filter passes it, and it is no line without a time.
    if (parsed.directive) return;
    if (needsHeader(this.parser, parsed)) {
      return this.headers.above(out.offset).then((found) => {
        const above = entryAbove(parsed, found);
        const line = underEntry(parsed, above);
        const header = withHeader(line, above);
        if (parsed.report !== undefined) this.collector.noteReport(parsed, header);
        if (!this.request.entries || entryOf(line, header.level, above).opens) this.filterAndKeep(out, parsed.message, header);
      });
    }
    const header: Header = { timestamp: parsed.timestamp, level: ownLevel(parsed) };
    if (!parsed.standalone && parsed.message.trim().length > 0) this.collector.noteLevelless(out.line, header, out.text);
    if (!this.collector.admits(header, out.text)) return;
    // error_summary groups an entry whose own line is empty by the text below it, which ripgrep did not print: read
    // from the file (rare: a few lines per such entry).
    if (this.collector.summarising && awaitsMessage(parsed)) {
      const below = new MessageBelow(this.parser);
      return this.headers.below(out.offset, (line) => below.take(line)).then(() => this.keep(out, below.text() ?? parsed.message, header));
    }
    this.keep(out, parsed.message, header);
  }

  /** A line's time and level taken from the entry above it (the line at byte `offset`). */
  private async underHeader(parsed: ParsedLine, offset: number): Promise<Header> {
    const above = entryAbove(parsed, await this.headers.above(offset));
    return withHeader(underEntry(parsed, above), above);
  }

  private filterAndKeep(out: OutputLine, message: string, header: Header): void {
    if (this.collector.admits(header, out.text)) this.keep(out, message, header);
  }

  private keep(out: OutputLine, message: string, { timestamp, level }: Header): void {
    const { line } = out;
    const before = () => this.recent.filter((r) => r.line >= line - this.request.before && r.line < line).map((r) => r.text);
    this.collector.accept({ line, text: out.text, message, level, timestamp }, before, out.offset);
  }


  private remember(line: number, clean: string): void {
    if (this.request.before === 0) return;
    this.recent.push({ line, text: clean });
    if (this.recent.length > this.request.before) this.recent.shift();
  }
}

/** A continuation line's time and level: what it lacks taken from the entry header above it (`above`). */
function withHeader(parsed: ParsedLine, above: Header | undefined): Header {
  return { timestamp: parsed.timestamp ?? above?.timestamp, level: parsed.level ?? inheritedLevel(parsed, above?.level, above?.logsReport) };
}

/** Entry headers above byte offsets of one file: one handle, opened on first use; headers found are cached. */
class HeaderReader {
  private handle: fsp.FileHandle | undefined;
  private readonly cache = new Map<number, Header>();
  /** Bytes of a UTF-8 byte-order mark at the file's start: ripgrep drops it, so its offsets are that much short. */
  private bom = 0;

  constructor(
    private readonly path: string,
    private readonly parser: LineParser,
  ) {}

  /** Opens the file now (else on first use), so that what is read later is the file ripgrep searched. */
  async open(): Promise<fsp.FileHandle> {
    if (!this.handle) {
      this.handle = await fsp.open(this.path, 'r');
      const head = Buffer.alloc(3);
      await this.handle.read(head, 0, 3, 0);
      this.bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
    }
    return this.handle;
  }

  /** The file's size in ripgrep's offsets (bytes, without a UTF-8 byte-order mark). */
  async size(): Promise<number> {
    const handle = await this.open();
    return (await handle.stat()).size - this.bom;
  }

  /**
   * The line starting at ripgrep's byte `offset`, decoded as ripgrep's output is, without its line break (`\n` or
   * `\r\n`), at most its first `maxBytes` bytes; undefined when the file ends before `offset`.
   */
  async lineAt(offset: number, maxBytes: number): Promise<string | undefined> {
    const handle = await this.open();
    const parts: Buffer[] = [];
    let length = 0;
    let position = offset + this.bom;
    // Until the first byte that is not NUL: the line's leading NULs are no part of it (io/chunks.ts leadingNuls), and
    // after a hole longer than maxBytes the entry behind it was never read (break30). Holes are passed in 1 MiB reads.
    let skipping = true;
    while (length < maxBytes) {
      // Most lines fit the first small read.
      const size = skipping ? (position === offset + this.bom ? 4096 : 1024 * 1024) : Math.min(parts.length === 0 ? 4096 : 64 * 1024, maxBytes - length);
      const buffer = Buffer.allocUnsafe(size);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) break;
      const nuls = skipping ? leadingNuls(buffer, 0, bytesRead) : 0;
      position += nuls;
      if (nuls === bytesRead) continue;
      skipping = false;
      const kept = buffer.subarray(nuls, Math.min(bytesRead, nuls + maxBytes - length));
      const nl = kept.indexOf(10);
      parts.push(kept.subarray(0, nl === -1 ? kept.length : nl));
      length += nl === -1 ? kept.length : nl;
      if (nl !== -1) break;
      position += kept.length;
    }
    if (parts.length === 0 && length === 0 && (await handle.stat()).size <= offset + this.bom) return undefined;
    const line = Buffer.concat(parts, length);
    return line.toString('utf8', 0, line.length > 0 && line[line.length - 1] === 13 ? line.length - 1 : line.length);
  }

  /**
   * Hands the lines below the line at ripgrep's byte `offset` to `take`, in order (decoded, without line breaks), until
   * it returns false, the file ends, or BELOW_BYTES have been read.
   */
  async below(offset: number, take: (line: string) => boolean): Promise<void> {
    const handle = await this.open();
    let position = offset + this.bom;
    let rest = Buffer.alloc(0);
    let first = true;
    let ended = false;
    for (let read = 0; read < BELOW_BYTES; ) {
      const buffer = Buffer.allocUnsafe(16 * 1024);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      ended = bytesRead === 0;
      if (ended) break;
      position += bytesRead;
      read += bytesRead;
      let text = Buffer.concat([rest, buffer.subarray(0, bytesRead)]);
      for (let nl = text.indexOf(10); nl !== -1; nl = text.indexOf(10)) {
        const line = text.toString('utf8', 0, nl > 0 && text[nl - 1] === 13 ? nl - 1 : nl);
        text = text.subarray(nl + 1);
        // The first line is the one at `offset` itself.
        if (!first && !take(line)) return;
        first = false;
      }
      rest = Buffer.from(text);
    }
    // A last line without a line break.
    if (ended && !first && rest.length > 0) take(rest.toString('utf8'));
  }

  /** The time and level of the nearest entry header above `offset` (bytes), for a continuation line there. */
  async above(offset: number): Promise<Header | undefined> {
    if (offset === 0) return undefined;
    const cached = this.cache.get(offset);
    if (cached) return cached;
    await this.open();
    const end = offset + this.bom;
    let header: Header | undefined;
    for (const back of HEADER_BACK_BYTES) {
      const start = Math.max(0, end - back);
      const buffer = Buffer.alloc(end - start);
      await this.handle!.read(buffer, 0, buffer.length, start);
      const lines = buffer.toString('utf8').split('\n');
      lines.pop();
      header = headerAbove(this.parser, (n) => {
        const i = lines.length - 1 - n;
        // The first line read may be the cut tail of a longer one.
        if (i < 0 || (i === 0 && start > 0)) return undefined;
        return lines[i].replace(/\r$/, '');
      });
      if (header || start === 0 || lines.length > HEADER_LOOKBACK_LINES) break;
    }
    if (header) this.cache.set(offset, header);
    return header;
  }

  async close(): Promise<void> {
    await this.handle?.close();
    this.handle = undefined;
  }
}
