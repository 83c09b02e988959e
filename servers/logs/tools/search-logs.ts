// search_logs: lines matching a literal or regex in one log file or all of them, with level, time and context filters.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { READ_ONLY } from '../../shared/annotations';
import { fitToBudget } from '../../shared/output-budget';
import { progressReporter, progressTicks, throttleProgress, type HandlerExtra, type ProgressTick } from '../../shared/progress';
import { futureWindowNote, resolveWindow, timeFields, WINDOW_RULE } from '../../shared/time-window';
import { guarded, toolResult, UserFacingError } from '../../shared/tool-result';
import type { OpenedLog } from '../files/log-files';
import { compilePattern, PatternCostError, REGEX_DIALECT } from '../search/dialect';
import { MAX_LINE_BYTES } from '../io/chunks';
import { MatchCollector } from '../search/collector';
import type { ScanMatch, ScanRequest } from '../search/types';
import type { SourceLine, SourceReadStats } from './source-lines';
import type { SourceRef } from './sources';
import { clockNote, encodingSchema, forEachLogFile, iso, levelInput, levelSchema, newestEntry, noteDamage, noteLegacyText, noteRotation, noteClockDay, noteFieldBlocks, noteUndecidedDates, openedIdentity, oldestEntry, readFromField, readWholeNote, grewNote, readingMessage, repeatedTimeNote, untimedWhere, windowMissNote, yearNote } from './common';
import { levellessTextErrors, SourceTextErrors, textErrorWords, type TextErrorLines } from './text-error-lines';
import type { Level } from '../format/types';
import { targetOf, withEncoding, type LogsContext } from './context';
import { sourceLevelNote } from './source-lines';
import { chooseInputs, forEachSource, recordFilesOnly, serviceField, someNames, SOURCE_NAMES_TEXT, sourceFilterFields, unreadNotes, sourceWindowNote, WINDOW_MISS_LOOKUPS } from './sources';
import { strictInput } from '../../shared/strict-input';
import { SEEK_RULE } from '../io/time-seek';
import { textEndsEarly } from '../io/expansion';
import { readInvisibleEscapes } from '../../shared/invisible';

const MAX_LINE_CHARS = 1000;

const inputSchema = strictInput(z.object({
  pattern: z.string().max(1000).optional().describe('text to find (literal unless regex is true); omit to match every line (then filter by level/time)'),
  regex: z.boolean().default(false).describe(`treat pattern as a regular expression in ${REGEX_DIALECT} (the same for every file and engine; \\w, \\d and \\b are ASCII-only, use \\p{L} for letters of any script)`),
  caseSensitive: z.boolean().default(false),
  file: z.string().max(1024).optional().describe(`log file name as listed in logs://files, ${SOURCE_NAMES_TEXT}; omit to search all log files and sources`),
  encoding: encodingSchema,
  ...sourceFilterFields,
  ...serviceField,
  level: levelInput().optional().describe('minimum level, any case (warn, WARNING, err, critical…): WARN returns WARN, ERROR and FATAL lines (an access log\'s level is derived from its HTTP status: 5xx ERROR, 4xx WARN)'),
  ...timeFields('lines'),
  before: z.number().int().min(0).max(20).default(0).describe('context lines before each match'),
  after: z.number().int().min(0).max(20).default(0).describe('context lines after each match'),
  limit: z.number().int().min(1).max(500).default(50).describe('most matches to return'),
  order: z.enum(['newest', 'oldest']).default('newest').describe('newest-first (default) or oldest-first'),
}));

const matchSchema = z.object({
  file: z.string(),
  line: z.number().describe('1-based line number in the file (decompressed for .gz); for a source, the position in the records read'),
  text: z.string(),
  stream: z.enum(['stdout', 'stderr']).optional().describe('a container line: the stream it was written to'),
  host: z.string().optional(),
  unit: z.string().optional(),
  level: levelSchema.optional(),
  timestamp: z.string().optional(),
  before: z.array(z.string()).optional(),
  after: z.array(z.string()).optional(),
});

const outputSchema = z.object({
  matches: z.array(matchSchema),
  returned: z.number(),
  totalMatches: z.number().describe('matching lines seen (lines, not entries: each matching line of a stack counts); a lower bound when truncated'),
  truncated: z.boolean().describe('more matches exist than returned (limit, output size, or files not searched)'),
  files: z.array(
    z.object({
      file: z.string(),
      source: z.enum(['journal', 'docker']).optional().describe('set when this entry is a source, not a file'),
      engine: z.enum(['ripgrep', 'node', 'journal', 'docker']),
      matches: z.number(),
      complete: z.boolean().describe('every line of it was searched: false when the match limit stopped the search, its text ends before the file does (a damaged or cut compressed file: notes say where) or a line longer than 8 MiB was searched in its head only'),
      format: z.string().optional(),
      readFrom: readFromField,
      textErrors: z
        .object({ lines: z.number(), atLeast: z.boolean().optional(), first: z.array(z.number()) })
        .optional()
        .describe('with a level filter, in a file where some or all lines have no readable level: entry lines without a level that match the pattern and read as errors by their text (`I/O error`, `Out of memory`), which no level filter passes; in a source, its records with no level of their own (none, or only the journal\'s default PRIORITY for a service\'s output) that do; first: their first line numbers (a source\'s: positions in the records read)'),
    }),
  ),
  notes: z.array(z.string()),
});

export type SearchOutput = z.infer<typeof outputSchema>;
type SearchArgs = z.infer<typeof inputSchema>;
type FoundMatch = ScanMatch & { file: string; stream?: 'stdout' | 'stderr'; host?: string; unit?: string };

export function validatePattern(pattern: string, regex: boolean, caseSensitive: boolean): void {
  // A text pasted from a log's several lines: every line is searched on its own, so "0 matches" would be certain and
  // say nothing of the log.
  if (!regex && pattern.includes('\n')) {
    const first = pattern.split('\n').find((line) => line.trim().length > 0)?.trim() ?? '';
    throw new UserFacingError(`the pattern holds a line break, and lines are searched one at a time, so it can match no line; search one line of it${first ? ` (the first: ${JSON.stringify(first.slice(0, 80))})` : ''}`);
  }
  if (!regex) return;
  try {
    compilePattern({ source: pattern, literal: false, caseSensitive });
  } catch (error) {
    if (error instanceof PatternCostError) throw new UserFacingError(error.message);
    throw new UserFacingError(`invalid regular expression: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function registerSearchLogs(server: McpServer, base: LogsContext): void {
  server.registerTool(
    'search_logs',
    {
      title: 'Search logs',
      description:
        'Find lines in the log files matching a literal text or a regular expression, optionally only at or above a level ' +
        '(e.g. ERROR), inside a time window, with context lines. Use it to look up a specific error, request id, host or ' +
        'message; newest matches first by default. Searches all log files, journal units and containers unless `file` is given ' +
        '(see logs://files); unit, container and host narrow the sources (not with file: a call naming both is refused). ' +
        `Regular expressions use ${REGEX_DIALECT} for every file, plain or .gz: \\p{…} property escapes, lookaround and ` +
        'backreferences work; \\w, \\d and \\b are ASCII-only as in JavaScript (write \\p{L} or [\\p{L}\\p{N}_] for letters of any script). ' +
        `For an overview of what went wrong use error_summary instead. Time window: ${WINDOW_RULE}. ${SEEK_RULE}.`,
      inputSchema,
      outputSchema,
      annotations: READ_ONLY,
    },
    guarded(async (args, extra) => {
      const ctx = withEncoding(base, args.encoding);
      const request = scanRequestOf(args);
      const tick = progressTicks(extra);
      const inputs = await chooseInputs(ctx, args, args.order, extra.signal, tick);
      const found = await searchFiles(ctx, inputs.files, args, request, extra, inputs.totalBytes);
      found.notes.unshift(...inputs.notes);
      await searchSources(ctx, inputs.sources, args, request, found, extra.signal, tick);
      if (inputs.sources.length > 0) sortByTime(found.matches, args.order);
      found.notes.push(...unreadNotes(inputs, found.totalMatches > 0).map((note) => `not searched: ${note}`));
      return toolResult(searchOutput(found, args, request));
    }),
  );
}

/** The engines' request from the tool's arguments: pattern checked, time window resolved (UserFacingError if not). */
function scanRequestOf(args: SearchArgs): ScanRequest {
  const pattern = args.pattern && args.pattern.length > 0 ? args.pattern : undefined;
  if (pattern) validatePattern(pattern, args.regex, args.caseSensitive);
  const { since, until } = resolveWindow(args);
  return {
    // Lines are shown with invisible characters as escapes (`\u200B`): a literal pattern copied from one is read the
    // same way, or it would find nothing, or the line holding the escape's text instead (rev25).
    pattern: pattern ? { source: args.regex ? pattern : readInvisibleEscapes(pattern), literal: !args.regex, caseSensitive: args.caseSensitive } : undefined,
    minLevel: args.level,
    since,
    until,
    before: args.before,
    after: args.after,
    limit: args.limit,
    order: args.order,
    maxLineChars: MAX_LINE_CHARS,
    ...(args.service !== undefined ? { service: args.service } : {}),
  };
}

interface Found {
  matches: FoundMatch[];
  files: SearchOutput['files'];
  notes: string[];
  totalMatches: number;
  truncated: boolean;
}

/** Scans the files in order (in the scan process) until `limit` matches are found; progress in bytes of `totalBytes`. */
async function searchFiles(ctx: LogsContext, names: string[], args: SearchArgs, request: ScanRequest, extra: HandlerExtra, totalBytes: number | undefined): Promise<Found> {
  const found: Found = { matches: [], files: [], notes: [], totalMatches: 0, truncated: false };
  const report = progressReporter(extra, totalBytes);
  const progress = throttleProgress(report);
  let doneBytes = 0;
  // With `limit` matches in hand: the time of the limit-th newest (oldest) one, which a later file can beat only when
  // it was last written after it (its first entry is before it): see cutoffOf. Files passed over for that are counted.
  let cutoff: number | undefined;
  let passed = 0;
  const service = recordFilesOnly(args, found.notes);
  const left = await forEachLogFile(ctx, names, { single: args.file !== undefined, signal: extra.signal, notes: found.notes }, async (file: OpenedLog) => {
    if (!service.reads(file)) return true;
    if (cutoff !== undefined && args.order === 'newest' && file.stats.mtimeMs < cutoff) {
      // Files come newest written first: every one after this was last written before the cutoff too.
      passed = 1;
      return false;
    }
    if (cutoff !== undefined && args.order === 'oldest') {
      const first = await oldestEntry(ctx, file);
      if (first === undefined || first >= cutoff) {
        passed++;
        return true;
      }
    }
    const onProgress = (bytes: number) => progress(doneBytes + bytes, `searching ${file.info.name}`);
    // Not throttled, and sent though the value is not above the last (a listing's tick, the file before): the one
    // report that says where the read ends.
    const onOpened = (size: number) => void report(doneBytes, readingMessage('searching', file.info.name, size), true);
    const limit = cutoff !== undefined ? args.limit : args.limit - found.matches.length;
    const result = await ctx.scans.scanFile(targetOf(file), { ...request, limit }, { ripgrep: ctx.ripgrep, signal: extra.signal, onProgress, onOpened, fileIndex: (await ctx.parserOf(file)).fileIndex });
    doneBytes += file.stats.size;
    found.totalMatches += result.totalMatches;
    if (!result.complete) found.truncated = true;
    noteDamage(found.notes, file.info.name, result.damage);
    noteLegacyText(found.notes, file, ctx.settingNotes);
    noteFieldBlocks(found.notes, file.info.name, await ctx.parserOf(file));
    // Entries without a level the level filter read and could not pass, past the sample too (collector levelless).
    if (args.level && result.levelless) found.notes.push(levellessNote(file.info.name, result.levelless, request.pattern !== undefined));
    // A line past MAX_LINE_BYTES is searched in its head only: no match there is no "none" (a 20 MiB line's end).
    if (result.linesCut) found.notes.push(`${file.info.name}: ${result.linesCut} line(s) longer than ${MAX_LINE_BYTES / (1024 * 1024)} MiB were searched in their first ${MAX_LINE_BYTES / (1024 * 1024)} MiB only: a match further along such a line is not found, so the count is a floor`);
    // A damaged or cut compressed file was not read to its end: its matches past the cut are not known.
    const entry: SearchOutput['files'][number] = { file: file.info.name, engine: result.engine, matches: result.totalMatches, complete: result.complete && !textEndsEarly(result.damage) && !result.linesCut, format: result.formatId, ...(result.readFrom ? { readFrom: result.readFrom } : {}) };
    if (args.level) await noteLevelless(ctx, file, entry, args, request, found.notes, extra.signal);
    if (result.untimed > 0) found.notes.push(`${file.info.name}: ${result.untimed} matching line(s) without a readable timestamp were left out by the time filter${untimedWhere(result.readFrom)}`);
    const whole = readWholeNote(file.info.name, result.readWhole);
    if (whole) found.notes.push(whole);
    const grew = grewNote(file.info.name, result.grew);
    if (grew) found.notes.push(grew);
    if (request.since !== undefined || request.until !== undefined) {
      noteUndecidedDates(found.notes, file.info.name, await ctx.parserOf(file));
      noteClockDay(found.notes, file.info.name, await ctx.parserOf(file));
      const newest = await newestEntry(ctx, file);
      const clock = clockNote(file, newest);
      if (clock) found.notes.push(clock);
      const year = yearNote(file, newest);
      if (year) found.notes.push(year);
      const repeated = repeatedTimeNote(file, request.since, request.until);
      if (repeated) found.notes.push(repeated);
      const note = result.totalMatches === 0 ? await windowMissNote(ctx, file, request.since, request.until) : undefined;
      if (note) found.notes.push(note);
    } else if (result.totalMatches > 0) {
      // The matches' times name a year: one in doubt is said without a window too.
      const year = yearNote(file, await newestEntry(ctx, file));
      if (year) found.notes.push(year);
    }
    // Matches name the file their lines are in now, when it was rotated while it was read.
    const rotated = await noteRotation(found.notes, file.info.name, openedIdentity(file));
    if (rotated) entry.file = rotated;
    found.files.push(entry);
    for (const m of result.matches) found.matches.push({ ...m, file: entry.file });
    if (found.matches.length < args.limit) return true;
    if (cutoff !== undefined || found.matches.length > args.limit) {
      sortByTime(found.matches, args.order);
      found.matches.length = args.limit;
    }
    cutoff = cutoffOf(found.matches, args.order);
    return cutoff !== undefined;
  });
  service.done();
  if (left + passed > 0) {
    found.truncated = true;
    const more = `${left + passed} more file(s)`;
    found.notes.push(
      cutoff === undefined
        ? `stopped before ${more}: limit reached`
        : args.order === 'newest'
          ? `stopped before ${more}, last written before the newest ${args.limit} matches found: their matches are older`
          : `did not search ${more} whose first entry is later than the oldest ${args.limit} matches found (or has no readable time): their matches are newer`,
    );
  }
  // Matches of several files in time order, as one file's are, when every one has a time (files are read newest
  // written first, which is not the order of their lines: a file written last can hold the oldest match).
  if (new Set(found.matches.map((m) => m.file)).size > 1 && found.matches.every((m) => m.timestamp !== undefined)) sortByTime(found.matches, args.order);
  void report(doneBytes);
  return found;
}

/**
 * The note for the entry lines without a level that a level filter read in a file (FileScanResult.levelless): it
 * passes none of them, as their level is unknown (HAProxy's `Server be/web1 is DOWN` among its access lines), so no
 * match at ERROR is not "no errors" there.
 */
function levellessNote(name: string, found: { lines: number; first: number[] }, pattern: boolean): string {
  const shown = found.first.join(', ') + (found.lines > found.first.length ? ', …' : '');
  return `${name}: ${found.lines.toLocaleString('en-US')} entry line(s)${pattern ? ' matching the pattern' : ''} have no level (lines ${shown}): the level filter cannot pass them, as their level is unknown; search without level to see them`;
}

/** For a level filter on `file`: its lines without a level that read as errors, in `entry.textErrors` and a note (levellessTextErrors). */
async function noteLevelless(ctx: LogsContext, file: OpenedLog, entry: SearchOutput['files'][number], args: SearchArgs, request: ScanRequest, notes: string[], signal?: AbortSignal): Promise<void> {
  const found = await levellessTextErrors(ctx, file, args.level!, { since: request.since, until: request.until, pattern: request.pattern, service: request.service, signal }, notes, 'search without level to see them (see files[].textErrors)');
  if (found) entry.textErrors = found;
}

/**
 * With `limit` matches kept (in `order`): the time of the last of them, or undefined when one has no time. Newest
 * first: a line is written before its file's last write, so a file last written before that time holds no line that
 * could displace a kept match; one written after it still may (break20: a file written last holding a 3-hour-old match
 * hid a match 2 seconds old in the file written just before, as "newest"). Oldest first: a file whose first entry is
 * at or after that time holds none either (files are read oldest written first, which says nothing of where they start).
 */
function cutoffOf(matches: FoundMatch[], order: 'newest' | 'oldest'): number | undefined {
  if (!matches.every((m) => m.timestamp !== undefined)) return undefined;
  const times = matches.map((m) => m.timestamp!);
  return order === 'newest' ? Math.min(...times) : Math.max(...times);
}

/** Records read from a source at most when no window bounds the search (newest first: the newest records). */
const MAX_SOURCE_RECORDS = 200_000;
/** With order newest, the records of a source searched first, before the whole window (see searchSources). */
export const FIRST_PASS_RECORDS = 10_000;
/**
 * Matches among a first pass's oldest records do not count toward stopping after it: their before-context, or the
 * entry a stack frame belongs to, may lie before the pass.
 */
const PASS_MARGIN = 100;

/** One read of a source through a collector. */
interface SourcePass {
  collector: MatchCollector<SourceLine>;
  /** Records read. */
  read: number;
  /** Matches kept after the pass's first PASS_MARGIN records. */
  late: number;
  /** Epoch ms of the first record read that has a time. */
  first?: number;
  /** With a level filter: matching entries it cannot pass whose text reads as an error (SourceTextErrors). */
  textErrors: SourceTextErrors;
}

/**
 * Searches each source's records through the same collector as files (search/collector.ts); with order newest and
 * no `since`, only the newest MAX_SOURCE_RECORDS records of a source are read (noted). With order newest, a source's
 * newest FIRST_PASS_RECORDS records are searched first: when they hold `limit` matches (past the first PASS_MARGIN),
 * those are the newest of the whole window, and the older records are left unread, saying so (the result is
 * truncated, totalMatches counts what was read, and the note gives the until that searches before them). A common
 * pattern over a busy unit costs its newest records, not the window; a rare one costs the first pass once more.
 */
async function searchSources(ctx: LogsContext, sources: SourceRef[], args: SearchArgs, request: ScanRequest, found: Found, signal?: AbortSignal, onProgress?: ProgressTick): Promise<void> {
  const compiled = request.pattern ? compilePattern(request.pattern).line : undefined;
  const tail = args.order === 'newest' && request.since === undefined ? MAX_SOURCE_RECORDS : undefined;
  const query = { since: request.since, until: request.until, minLevel: request.minLevel, tail };
  const options = { single: args.file !== undefined, signal, notes: found.notes, maxLineChars: MAX_LINE_CHARS, onProgress };
  // Results are added in the order of `sources`, whichever pass finished each.
  const results = new Map<string, () => void>();
  const finish = (source: SourceRef, pass: SourcePass, complete: boolean, stats: SourceReadStats, note?: string) => {
    results.set(source.name, () => {
      if (note) found.notes.push(note);
      const entry = recordSourceResult(found, source, pass.collector, complete, stats);
      if (args.level) {
        const levelNote = sourceLevelNote(source.name, stats);
        if (levelNote) found.notes.push(levelNote);
        const textErrors = pass.textErrors.result(!complete);
        if (textErrors) {
          entry.textErrors = textErrors;
          found.notes.push(sourceTextErrorsNote(source.name, textErrors, request.pattern !== undefined));
        }
      }
    });
  };
  // A window that held none of a source's records reads as "0 matches" as well: say so, with where its records are.
  let lookups = 0;
  const windowed = request.since !== undefined || request.until !== undefined;
  const emptyNote = async (source: SourceRef, pass: SourcePass): Promise<string | undefined> => {
    if (!windowed || pass.read > 0) return undefined;
    if (++lookups > WINDOW_MISS_LOOKUPS) return `${source.name}: no entries in the window; move or widen since/until to read it`;
    return sourceWindowNote(ctx, source, { since: request.since, until: request.until }, signal);
  };
  let whole = sources;
  const stopped: { name: string; first?: number }[] = [];
  const firstPass = args.order === 'newest' ? FIRST_PASS_RECORDS : undefined;
  if (firstPass !== undefined && firstPass < (tail ?? Infinity)) {
    whole = [];
    await forEachSource(ctx, sources, { ...query, tail: firstPass }, options, async (source, lines, stats) => {
      const pass = await searchPass(lines, request, compiled, args.level);
      // Fewer records than asked: the window holds no more, this was all of it.
      if (pass.read < firstPass) finish(source, pass, !pass.collector.done, stats, await emptyNote(source, pass));
      else if (pass.late >= args.limit) {
        finish(source, pass, false, stats);
        stopped.push({ name: source.name, first: pass.first });
      } else whole.push(source);
    });
    if (stopped.length > 0) found.notes.push(stoppedNote(stopped, firstPass, args.limit));
  }
  await forEachSource(ctx, whole, query, options, async (source, lines, stats) => {
    const pass = await searchPass(lines, request, compiled, args.level);
    const complete = !pass.collector.done && (tail === undefined || pass.read < tail);
    finish(source, pass, complete, stats, tail !== undefined && pass.read >= tail ? `${source.name}: only its newest ${tail} records were searched; give since to search further back` : await emptyNote(source, pass));
  });
  for (const source of sources) results.get(source.name)?.();
}

/**
 * The note for sources whose first pass held the newest matches: older records were left unread, and the until that
 * searches before them all (the latest first time of their passes: every unread record is older).
 */
function stoppedNote(stopped: { name: string; first?: number }[], records: number, limit: number): string {
  const firsts = stopped.map((s) => s.first);
  const until = firsts.every((t) => t !== undefined) ? Math.max(...(firsts as number[])) : undefined;
  const names = someNames(stopped.map((s) => s.name));
  const whose = stopped.length === 1 ? 'its' : 'each one\'s';
  return (
    `${names}: ${whose} newest ${records.toLocaleString('en-US')} records hold ${stopped.length === 1 ? 'its' : 'their'} newest ${limit} matches, so older records were not searched ` +
    `(totalMatches counts the records read)${until !== undefined ? `; give until ${iso(until)} to search before them` : ''}`
  );
}

/**
 * Searches one read of a source's lines (a pass) with a collector of its own; with a level filter (`level`), notes the
 * matching lines it cannot pass whose text reads as an error (pass.textErrors).
 */
async function searchPass(lines: AsyncGenerator<SourceLine>, request: ScanRequest, compiled: RegExp | undefined, level?: Level): Promise<SourcePass> {
  // Each source keeps its own newest (oldest) `limit`: the sources' matches are put in time order together after.
  const textErrors = new SourceTextErrors(level ?? 'FATAL', request);
  const pass: SourcePass = { collector: new MatchCollector<SourceLine>(request), read: 0, late: 0, textErrors };
  const { collector } = pass;
  const recent: string[] = [];
  for await (const line of lines) {
    pass.read++;
    if (pass.first === undefined && line.timestamp !== undefined) pass.first = line.timestamp;
    if (collector.owesAfter) collector.giveAfter(line.text);
    const matches = !compiled || recordMatches(compiled, line.raw);
    if (matches && collector.admits(line)) {
      const kept = collector.total;
      collector.accept(line, () => recent.slice(-request.before), line);
      if (pass.read > PASS_MARGIN && collector.total > kept) pass.late++;
    } else if (matches && level !== undefined) textErrors.consider(line);
    if (collector.done) break;
    if (request.before > 0 && recent.push(line.text) > request.before) recent.shift();
  }
  return pass;
}

/**
 * Whether a source's record matches `pattern` (the dialect's one-line regex): its whole text, or one of its lines. A
 * journal entry's MESSAGE may hold several lines (a traceback sent whole through sd_journal_send or Python's
 * JournalHandler) that a log file would hold as lines of their own, and a pattern's ^ and $ mean a line's ends there
 * as in files (break20: `^ValueError` found nothing in a journal traceback whose last line it starts).
 */
function recordMatches(pattern: RegExp, raw: string): boolean {
  if (pattern.test(raw)) return true;
  if (!raw.includes('\n')) return false;
  return raw.split('\n').some((line) => pattern.test(line.endsWith('\r') ? line.slice(0, -1) : line));
}

/** A source's matches into `found`; returns its entry in `found.files`. */
function recordSourceResult(found: Found, source: SourceRef, collector: MatchCollector<SourceLine>, complete: boolean, stats: SourceReadStats): SearchOutput['files'][number] {
  found.totalMatches += collector.total;
  if (!complete) found.truncated = true;
  if (collector.untimed > 0) found.notes.push(`${source.name}: ${collector.untimed} matching line(s) without a time were left out by the time filter`);
  const entry: SearchOutput['files'][number] = { file: source.name, source: source.kind, engine: source.kind, matches: collector.total, complete, format: stats.format };
  found.files.push(entry);
  for (const { match, note } of collector.chosen()) {
    found.matches.push({ ...match, file: source.name, ...(note.stream ? { stream: note.stream } : {}), ...(note.host ? { host: note.host } : {}), ...(note.unit ? { unit: note.unit } : {}) });
  }
  return entry;
}

/** The note naming a source's text errors (SourceTextErrors), as a file's is worded (noteLevelless). */
function sourceTextErrorsNote(name: string, found: TextErrorLines, pattern: boolean): string {
  const { count, shown } = textErrorWords(found);
  return `${name}: ${count} record(s)${pattern ? ' matching the pattern' : ''} have no level of their own (none, or only the journal's default for a service's output) yet read as errors by their text (records ${shown} of those read): the level filter does not pass them; search without level to see them (see files[].textErrors)`;
}

/** Matches of files and sources together in time order, newest or oldest first (those without a time last). */
function sortByTime(matches: FoundMatch[], order: 'newest' | 'oldest'): void {
  const sign = order === 'newest' ? -1 : 1;
  const time = (m: FoundMatch) => m.timestamp ?? (order === 'newest' ? -Infinity : Infinity);
  matches.sort((a, b) => sign * (time(a) - time(b)) || 0);
}

/** The tool's answer: matches as JSON, cut to the shared byte budget, with notes saying what was left out and why. */
function searchOutput(found: Found, args: SearchArgs, request: ScanRequest): SearchOutput {
  const { files, totalMatches } = found;
  // First: it explains the per-file notes that every file's entries are older than the window.
  const future = futureWindowNote({ since: request.since, until: request.until });
  const notes = future ? [future, ...found.notes] : found.notes;
  const truncated = found.truncated || totalMatches > found.matches.length;
  const matches = found.matches.slice(0, args.limit).map((m) => ({
    file: m.file,
    line: m.line,
    text: m.text,
    ...(m.stream ? { stream: m.stream } : {}),
    ...(m.host ? { host: m.host } : {}),
    ...(m.unit ? { unit: m.unit } : {}),
    ...(m.level ? { level: m.level } : {}),
    ...(m.timestamp !== undefined ? { timestamp: iso(m.timestamp) } : {}),
    ...(m.before ? { before: m.before } : {}),
    ...(m.after ? { after: m.after } : {}),
  }));
  const fitted = fitToBudget(matches, (kept): SearchOutput => ({ matches: [...kept], returned: kept.length, totalMatches, truncated, files, notes }));
  if (fitted.cut) notes.push('output cut to stay within the size budget: narrow the search or lower limit/context');
  const pattern = request.pattern?.source;
  if (totalMatches === 0 && pattern && !args.regex && /[\\^$|()[\]*+?]|\{\d+(?:,\d*)?\}/.test(pattern)) notes.push('the pattern was searched as literal text; set regex: true to use it as a regular expression');
  return { ...fitted.value, truncated: truncated || fitted.cut, notes };
}
