// What a log file is made of (the work behind the `log_patterns` tool, without MCP): one streaming pass over its
// lines detects the format, filters by level and time window, and mines message templates.
import { z } from 'zod';
import { fitToBudget } from '../../shared/output-budget';
import { sanitizeLine } from '../../shared/sanitize';
import { inWindow, resolveWindow, type TimeWindow } from '../../shared/time-window';
import { parseAsShown } from '../format/as-shown';
import type { FileIndex } from '../format/clock-days';
import { createLineParser } from '../format/detect';
import { SAMPLE_LINES } from '../io/head';
import { awaitsMessage, needsHeader, opensLoggedReport, ownLevel, readInOrder, type EntryHeader } from '../format/continuation';
import { coverageNote, levelCoverage } from '../format/coverage';
import { levelAtLeast } from '../format/levels';
import { learnSourceColumns, type SourceColumns } from './columns';
import { DEFAULT_MINER_OPTIONS, TemplateMiner, type MinedTemplate, type TemplateMinerOptions } from './miner';
import { LEVELS, type Level, type LineParser } from '../format/types';
import { isoInLocalZone } from '../../shared/local-time';

/**
 * What the logs server gives this tool. `resolveFile` turns a caller's file name into a safe path (inside the log
 * directories, a regular file) or throws a UserFacingError; `readLines` streams its lines in order (CR stripped, gzip
 * decoded) and stops early when `onLine` returns false or the signal aborts, with notes on what it read (a damaged
 * gzip's, io/gzip.ts).
 */
export interface LogPatternsContext {
  resolveFile(name: string): Promise<string>;
  readLines(path: string, onLine: (line: string) => boolean | void, signal?: AbortSignal): Promise<{ notes?: string[] } | void>;
  /** The file's modification time (epoch ms), used to infer the year of year-less timestamps. Defaults to now. */
  referenceTime?(path: string): Promise<number | undefined>;
  /**
   * The days of the file's lines when they carry a time of day without a date (format/clock-days.ts, read when the
   * file was resolved): each line's time is dated by its own day, as search_logs and error_summary date it.
   */
  fileIndex?(path: string): Promise<FileIndex | undefined>;
}

export const MAX_TEMPLATES = 5000;
/** Line numbers returned in one answer, over all templates. */
export const MAX_LINE_NUMBERS = 25_000;
/** Line numbers remembered while reading (8 bytes each): beyond this, templates report lineNumbersTruncated. */
export const MAX_TRACKED_LINES = 2_000_000;
const PROGRESS_EVERY = 100_000;

/** One template as log_patterns returns it. */
export const templateSummarySchema = z.object({
  id: z.number().int(),
  template: z.string(),
  count: z.number().int().describe('lines of this template: each line of a stack or wrapped message counts (error_summary counts entries)'),
  share: z.number(),
  levels: z.record(z.string(), z.number().int()),
  level: z.enum(LEVELS).optional(),
  firstSeen: z.string().optional(),
  lastSeen: z.string().optional(),
  examples: z.array(z.string()),
  lineNumbers: z.array(z.number().int()).optional(),
  lineNumbersTruncated: z.boolean().optional(),
});

/** The result's shape (the tool's output schema). */
export const logPatternsResultShape = {
  file: z.string(),
  format: z.object({ id: z.string(), description: z.string() }),
  linesRead: z.number().int(),
  linesMatched: z.number().int().describe('lines at the level and in the window, the stack lines under an entry included'),
  templateCount: z.number().int(),
  templates: z.array(templateSummarySchema),
  truncated: z.boolean().describe('More templates exist than were returned.'),
  capped: z.boolean().describe('The template cap was reached: some lines were put in their closest template or in <other>.'),
  elapsedMs: z.number(),
  notes: z.array(z.string()).optional().describe('What reading the file showed: a damaged gzip and how much of it was read; with a level, lines whose level cannot be read; for a source whose window held no entry, when its newest entry is.'),
};

export type LogPatternsArgs = { file: string; level?: Level; since?: string; until?: string; limit: number; lineNumbers: boolean };
export type TemplateSummary = z.infer<typeof templateSummarySchema>;
export type LogPatternsResult = z.infer<z.ZodObject<typeof logPatternsResultShape>>;

function highestLevel(levels: Partial<Record<Level, number>>): Level | undefined {
  for (let i = LEVELS.length - 1; i >= 0; i--) if (levels[LEVELS[i]]) return LEVELS[i];
  return undefined;
}

interface PassOptions {
  minimum?: Level;
  /** Lines whose entry has no timestamp are left out when either side is set. */
  window: TimeWindow;
  trackLines: boolean;
  referenceTime?: number;
  /** LogPatternsContext.fileIndex's answer for the file. */
  fileIndex?: FileIndex;
  signal?: AbortSignal;
  onProgress?: (lines: number) => void;
  /** Tunable miner thresholds (an evaluation fitting them); the tool uses the defaults. */
  minerOptions?: TemplateMinerOptions;
  /** Called with each message as the miner is given it (header cut) and its 1-based line: an evaluation mining it otherwise (brain.ts). */
  onMessage?: (message: string, lineNumber: number) => void;
}

function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/** The file's header, learned from its first lines: the format's (timestamp, level…), then the columns left in its messages. */
function learnLayout(sample: string[], options: PassOptions): { parser: LineParser; columns: SourceColumns } {
  const learned = createLineParser(sample, { referenceTime: options.referenceTime });
  const parser = options.fileIndex !== undefined && learned.indexedBy !== undefined ? learned.indexedBy(options.fileIndex) : learned;
  const entries = sample.filter((line) => !isBlank(line)).map((line) => parser.parse(line));
  const share = options.minerOptions?.headerColumnShare ?? DEFAULT_MINER_OPTIONS.headerColumnShare;
  return { parser, columns: learnSourceColumns(entries, { share }) };
}

/** One pass over a file's lines: detects the format from the first lines, filters, and mines templates. */
export async function minePatterns(
  readLines: (onLine: (line: string) => boolean | void) => Promise<void>,
  options: PassOptions,
): Promise<{ miner: TemplateMiner; parser: LineParser; linesRead: number; linesMatched: number; sample: string[] }> {
  const miner = new TemplateMiner({ ...options.minerOptions, trackLines: options.trackLines, maxTrackedLines: MAX_TRACKED_LINES, maxTemplates: MAX_TEMPLATES });
  const timed = options.window.since !== undefined || options.window.until !== undefined;
  const filtering = options.minimum !== undefined || timed;
  let parser: LineParser | undefined;
  let columns: SourceColumns | undefined;
  const pending: string[] = [];
  /** The file's first lines, that the layout was learned from (returned: a caller judges the file by them too). */
  let sample: string[] = [];
  let linesRead = 0;
  let linesMatched = 0;
  // The entry above, as later lines take from it (needsHeader): its time and level, kept as two fields, not an object.
  let previousLevel: Level | undefined;
  let previousTime: number | undefined;
  let previousStream: string | undefined;
  // Whether the entry above announced a report still to come (EntryHeader.announced), and whether there is one at all.
  let previousAnnounced = false;
  // Whether the entry above opened a report its logger wrote (EntryHeader.logsReport).
  let previousLogsReport = false;
  // Whether the entry above still awaits its message (EntryHeader.awaitsMessage: its own line's message was empty).
  let previousAwaits = false;
  let seenEntry = false;
  // One MessageInfo for every line (the miner reads it during add() and keeps none of it): no object per line. The
  // time is NaN when the entry has none (the miner counts NaN as no time), so the field stays a double written in place.
  const info: { level: Level | undefined; timestamp: number; line: string; lineNumber: number } = { level: undefined, timestamp: NaN, line: '', lineNumber: 0 };

  const handle = (line: string) => {
    const lineNumber = ++linesRead;
    if (isBlank(line)) return;
    const p = parser as LineParser;
    // A record printed under a progress bar (tqdm's `\r<spaces>\r`) is mined as a terminal shows it (parseAsShown), as
    // search_logs and error_summary read it: whole, it was the bar's text under the entry above.
    const parsed = parseAsShown(p, line, lineNumber);
    // A note on the file's layout (a CSV header row, `#TYPE`, a W3C `#Fields:`) is no entry: no template of the log's
    // events, as it is no match of a search (break33: a .csv's header row was a template of its own).
    if (parsed.directive) return;
    // Lines without a header of their own (stack traces, wrapped text) and an entry's parts (PostgreSQL `DETAIL:`) take
    // what they lack from the entry above, by the rule search_logs and error_summary use (needsHeader). In a file without
    // entry headers ('unknown': each line is the message) only a stack's or a report's lines do: `Finished with 0
    // failures` under an `error: …` line is no error. A container runtime's plain record or one from another stream is
    // no part of the entry above, unless a report announced above goes on through it (continuation.ts entryAbove). The
    // rule is readInOrder's, the node engine's own, asked only of lines that take from above (an entry's own line costs
    // no object).
    let level: Level | undefined;
    let timestamp: number | undefined;
    if (needsHeader(p, parsed)) {
      const above: EntryHeader | undefined = seenEntry ? { timestamp: previousTime, level: previousLevel, ...(previousStream !== undefined ? { stream: previousStream } : {}), ...(previousAnnounced ? { announced: true } : {}), ...(previousLogsReport ? { logsReport: true } : {}), ...(previousAwaits ? { awaitsMessage: true } : {}) } : undefined;
      const read = readInOrder(p, parsed, above);
      level = read.level;
      timestamp = read.timestamp;
      previousAnnounced = read.next.announced === true;
      previousLogsReport = read.next.logsReport === true;
      previousAwaits = read.next.awaitsMessage === true;
    } else {
      level = ownLevel(parsed);
      timestamp = parsed.timestamp;
      previousAnnounced = false;
      previousLogsReport = opensLoggedReport(parsed);
      previousAwaits = awaitsMessage(parsed);
    }
    seenEntry = true;
    previousLevel = level;
    previousTime = timestamp;
    previousStream = parsed.stream;
    if (filtering) {
      if (options.minimum !== undefined && !levelAtLeast(level, options.minimum)) return;
      if (timed && (timestamp === undefined || !inWindow(timestamp, options.window))) return;
    }
    linesMatched++;
    info.level = level;
    info.timestamp = timestamp ?? NaN;
    info.line = line;
    info.lineNumber = lineNumber;
    const message = (columns as SourceColumns).strip(parsed.message, parsed.component);
    options.onMessage?.(message, lineNumber);
    miner.add(message, info);
    if (options.onProgress && lineNumber % PROGRESS_EVERY === 0) options.onProgress(lineNumber);
  };

  await readLines((line) => {
    if (options.signal?.aborted) return false;
    if (parser) handle(line);
    else {
      pending.push(line);
      if (pending.length >= SAMPLE_LINES) {
        ({ parser, columns } = learnLayout(pending, options));
        sample = pending.splice(0);
        for (const held of sample) handle(held);
      }
    }
    return true;
  });
  if (options.signal?.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
  if (!parser) {
    ({ parser, columns } = learnLayout(pending, options));
    sample = pending.splice(0);
    for (const held of sample) handle(held);
  }
  return { miner, parser, linesRead, linesMatched, sample };
}

function summarize(template: MinedTemplate, total: number, lineBudget: { left: number; requested: boolean }): TemplateSummary {
  const summary: TemplateSummary = {
    id: template.id,
    template: sanitizeLine(template.template, 1000),
    count: template.count,
    share: total === 0 ? 0 : Math.round((template.count / total) * 10000) / 10000,
    levels: template.levels as Record<string, number>,
    // The miner keeps an example's first 500 characters and an ellipsis: cut at 500 again, one said "[1 chars cut]".
    examples: template.examples.map((line) => sanitizeLine(line, 501)),
  };
  const level = highestLevel(template.levels);
  if (level) summary.level = level;
  if (template.firstSeen !== undefined) summary.firstSeen = isoInLocalZone(template.firstSeen);
  if (template.lastSeen !== undefined) summary.lastSeen = isoInLocalZone(template.lastSeen);
  if (template.lineNumbers) {
    const take = Math.min(template.lineNumbers.length, lineBudget.left);
    summary.lineNumbers = template.lineNumbers.slice(0, take);
    lineBudget.left -= take;
    if (take < template.count) summary.lineNumbersTruncated = true;
  } else if (lineBudget.requested) summary.lineNumbersTruncated = true;
  return summary;
}

/** Runs the tool's work (without MCP): used by the handler and by tests. */
export async function logPatterns(context: LogPatternsContext, args: LogPatternsArgs, signal?: AbortSignal, onProgress?: (lines: number) => void): Promise<LogPatternsResult> {
  const started = performance.now();
  const now = Date.now();
  const window = resolveWindow(args, now);
  const path = await context.resolveFile(args.file);
  const referenceTime = (await context.referenceTime?.(path)) ?? now;
  const fileIndex = await context.fileIndex?.(path);
  const notes: string[] = [];
  const read = async (onLine: (line: string) => boolean | void) => {
    const outcome = await context.readLines(path, onLine, signal);
    if (outcome?.notes) notes.push(...outcome.notes);
  };
  const { miner, parser, linesRead, linesMatched, sample } = await minePatterns(read, {
    minimum: args.level,
    window,
    trackLines: args.lineNumbers,
    referenceTime,
    ...(fileIndex !== undefined ? { fileIndex } : {}),
    signal,
    onProgress,
  });
  // With a level, the file's first lines tell whether its levels can be read at all: when they cannot, "no lines at this
  // level" is no answer, and the result says so as search_logs and recent_logs do.
  const levelNote = args.level ? coverageNote(args.file, levelCoverage(sample, parser)) : undefined;
  if (levelNote) notes.push(levelNote);
  const all = miner.templates();
  const lineBudget = { left: MAX_LINE_NUMBERS, requested: args.lineNumbers };
  const templates = all.slice(0, args.limit).map((t) => summarize(t, linesMatched, lineBudget));
  const truncated = all.length > args.limit;
  // Within the shared byte budget: the smallest templates go first, the largest always stays.
  const fitted = fitToBudget(
    templates,
    (kept): LogPatternsResult => ({ file: args.file, format: parser.format, linesRead, linesMatched, templateCount: all.length, templates: [...kept], truncated, capped: miner.capped, elapsedMs: 0 }),
    { keepAtLeast: 1 },
  );
  return { ...fitted.value, truncated: truncated || fitted.cut, elapsedMs: Math.round(performance.now() - started), ...(notes.length ? { notes } : {}) };
}
