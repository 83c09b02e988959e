// error_summary: ERROR and FATAL lines of the last N hours (or of the whole file), grouped by message template, with
// counts and examples. When the window misses a file's errors it says where they are, and it never reports "no
// errors" for a file whose levels it cannot read.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { READ_ONLY } from '../../shared/annotations';
import { fitToBudget } from '../../shared/output-budget';
import { progressReporter, progressTicks, throttleProgress, type HandlerExtra } from '../../shared/progress';
import { guarded, toolResult } from '../../shared/tool-result';
import type { OpenedLog } from '../files/log-files';
import { coverageNote, levelCoverage, levelsUnreadable, unreadLevelKey } from '../format/coverage';
import { ERROR_WORDS_PATTERN, levelsAreWords } from '../format/prefilter';
import { LEVELS, type LineParser } from '../format/types';
import { headLines } from '../io/head';
import { UNDECODED_OPENING } from '../../shared/legacy-charset';
import { textEndsEarly } from '../io/expansion';
import { ErrorGrouper } from '../patterns/error-grouper';
import type { ScanRequest } from '../search/types';
import { clockNote, encodingSchema, forEachLogFile, iso, levelInput, newestEntry, noteDamage, nulTailNote, noteLegacyText, noteRotation, noteClockDay, noteFieldBlocks, noteUndecidedDates, openedIdentity, readFromField, readWholeNote, grewNote, readingMessage, untimedWhere, yearNote } from './common';
import { targetOf, withEncoding, type LogsContext } from './context';
import { summariseSources, findSourceErrorsOutside, reportsAtInfoNote } from './error-summary-sources';
import { chooseInputs, recordFilesOnly, serviceField, someNames, SOURCE_NAMES_TEXT, sourceFilterFields, unreadNotes } from './sources';
import { findTextErrorLines, textErrorWords } from './text-error-lines';
import { unmarkedContinuations } from '../format/foreign-lines';
import { isTextError } from '../format/text-errors';
import { strictInput } from '../../shared/strict-input';
import { SEEK_RULE } from '../io/time-seek';
import { forPeople, see } from './notes-for-people';

/** A millennium: no log is older, and the window's start stays a valid date. */
const MAX_HOURS = 24 * 366 * 1000;

const inputSchema = strictInput(z.object({
  file: z.string().max(1024).optional().describe(`log file name as listed in logs://files, ${SOURCE_NAMES_TEXT}; omit to summarise all log files and sources`),
  encoding: encodingSchema,
  ...sourceFilterFields,
  ...serviceField,
  hours: z
    .number()
    .min(0.01)
    .max(MAX_HOURS)
    .default(24)
    .describe('window: the last N hours before now (a line exactly N hours old is counted, as every since is inclusive); any age, e.g. 87600 for ten years'),
  wholeFile: z.boolean().default(false).describe('count every error entry whatever its time (no window; lines without a timestamp count too): for archived logs'),
  level: levelInput(['ERROR', 'FATAL'] as const, 'error_summary counts errors: for warnings use search_logs with level WARN').default('ERROR').describe('minimum level counted as an error: ERROR or FATAL, any case (error, err, fatal, critical, crit…)'),
  limit: z.number().int().min(1).max(100).default(20).describe('most groups to return, largest first'),
}));

const groupSchema = z.object({
  template: z.string().describe('message template, variable parts written <*>'),
  count: z.number().describe('error entries in this group (a logged error with its stack or wrapped lines is one)'),
  levels: z.array(z.enum(LEVELS)),
  firstSeen: z.string().optional(),
  lastSeen: z.string().optional(),
  files: z.array(z.string()),
  messages: z.array(z.object({ message: z.string(), count: z.number() })).describe('most frequent masked messages (numbers, ids, IPs, paths masked)'),
  examples: z.array(z.object({ file: z.string(), line: z.number(), text: z.string() })),
});

const outputSchema = z.object({
  window: z.object({ since: z.string(), until: z.string(), hours: z.number() }).optional().describe('absent with wholeFile'),
  totalErrors: z.number().describe('error entries counted: a logged error with its stack or wrapped lines is one, not one per line'),
  groupCount: z.number(),
  groups: z.array(groupSchema),
  truncated: z.boolean().describe('more groups exist than returned'),
  files: z.array(
    z.object({
      file: z.string(),
      source: z.enum(['journal', 'docker']).optional().describe('set when this entry is a source, not a file'),
      errors: z.number().describe('error entries counted in this file or source'),
      newestEntry: z.string().optional().describe('timestamp of the newest line in the file'),
      readFrom: readFromField,
      outsideWindow: z
        .object({ errors: z.number(), firstSeen: z.string().optional(), lastSeen: z.string().optional() })
        .optional()
        .describe('error entries of this file outside the window, when the window held none'),
      levelsUnreadable: z.boolean().optional().describe('no sampled line of the file has a recognisable level: 0 errors here is not "no errors"'),
      textErrors: z
        .object({ lines: z.number(), atLeast: z.boolean().optional(), first: z.array(z.number()) })
        .optional()
        .describe('in a file whose levels cannot be read, or not on every line: entry lines (of the window) without a level whose text reads as an error; in a source, its records with no level of their own (none, or only the journal\'s default PRIORITY for a service\'s output) below the level asked whose text does (`I/O error`, `segfault`, `Out of memory`, `Failed to …`), not counted in totalErrors as their level is unknown; first: their first line numbers'),
      levelless: z
        .object({ lines: z.number(), first: z.array(z.number()) })
        .optional()
        .describe('entry lines read (of the window) that have no level, as the scan for errors saw them (every line where levels are not words; else only those holding an error word): not counted in totalErrors, as their level is unknown, so 0 errors here is not "no errors" (`Server web1 is DOWN` among access lines); first: their first line numbers'),
      linesWithoutLevel: z.number().optional().describe('sampled entry lines with no recognisable level, when others have one: errors among them are not counted (notes say where their level may be)'),
      textCut: z.boolean().optional().describe('its text ends before the file does (a damaged or cut compressed file): errors past the cut are not known, so 0 here is not "no errors" (notes say where it ends)'),
      legacyText: z.boolean().optional().describe('its text is not UTF-8 (a legacy charset) and was not decoded: words outside ASCII read as \uFFFD, so errors worded in them are not recognised (notes say more)'),
      decodedFrom: z.string().optional().describe('its text is not UTF-8: the legacy charset its lines that are not were decoded in (set by LOG_ENCODING, or detected: notes say how sure)'),
      note: z.string().optional(),
    }),
  ),
  notes: z.array(z.string()),
  notesForPeople: z
    .array(z.string())
    .describe('the files\' notes then the notes, as a person reads them (without the pointers to fields of this answer): for a client that shows them'),
});

type Output = z.infer<typeof outputSchema>;
type SummaryArgs = z.infer<typeof inputSchema>;
type FileEntry = Output['files'][number];
/** The window in epoch ms: `since` inclusive, `until` (the time of the call) exclusive; undefined with wholeFile. */
interface Window {
  since: number;
  until: number;
}
/** Bytes of files read again, per call, to find the errors a window missed. */
const OUTSIDE_SCAN_BYTES = 512 * 1024 * 1024;

export function registerErrorSummary(server: McpServer, base: LogsContext): void {
  server.registerTool(
    'error_summary',
    {
      title: 'Error summary',
      description:
        'Summarises ERROR and FATAL lines of the last N hours (default 24; any age) or, with wholeFile, of the whole file ' +
        'whatever its age, grouped by message template with numbers, ids, UUIDs, IPs and paths masked: count (of entries: an error ' +
        'with its 40-line stack is one), first/last ' +
        'seen, levels, files and example lines, largest groups first. Use it first when asked what is going wrong, why ' +
        'something fails, or for an error overview; then search_logs for details. Covers all log files, journal units and ' +
        'containers unless `file` is given (unit, container and host narrow the sources, and are refused with file). When the window misses a file\'s errors it says how many there are and between which dates; it says when ' +
        'it cannot read levels in a file. Reads JSON envelopes (Docker, journald, Google Cloud, Fluent Bit, CloudWatch) ' +
        'and runtime prefixes (CRI, syslog) around log lines. Access logs (combined/common, W3C/IIS, JSON from nginx, Caddy, Traefik) ' +
        'write no level: theirs is derived from the HTTP status (5xx an error, 4xx a warning), the written level raised to it. ' +
        `${SEEK_RULE.replace('With since', 'With a window')}.`,
      inputSchema,
      outputSchema,
      annotations: READ_ONLY,
    },
    guarded(async (args, extra) => {
      const ctx = withEncoding(base, args.encoding);
      const until = Date.now();
      const window: Window | undefined = args.wholeFile ? undefined : { since: until - args.hours * 3_600_000, until };
      const onProgress = progressTicks(extra);
      const inputs = await chooseInputs(ctx, args, undefined, extra.signal, onProgress);
      const grouper = new ErrorGrouper();
      const job = { level: args.level, hours: args.hours, window, grouper, single: args.file !== undefined, signal: extra.signal, onProgress };
      // Sources first: when they hold errors, the files need not be read again for errors outside the window.
      const fromSources = await summariseSources(ctx, inputs.sources, job);
      const { files, notes, skipped } = await summariseFiles(ctx, inputs.files, args, window, grouper, extra, inputs.totalBytes);
      if (window && grouper.total === 0) await findSourceErrorsOutside(ctx, inputs.sources, fromSources, job);
      const unread = inputs.files.length - files.length - skipped;
      // Errors are said of the logs read: the .csv tables left out are named beside them, and beside "no errors" the
      // .json/.txt files left out as documents and the binary logs too (sources.ts unreadNotes).
      const documents = unreadNotes(inputs, grouper.total > 0).map((note) => `not read: ${note}`);
      return toolResult(summaryOutput(grouper, [...files, ...fromSources.files], [...inputs.notes, ...fromSources.notes, ...notes, ...documents], args, window, unread));
    }),
  );
}

/**
 * Folds the error lines of every file into `grouper`; progress in bytes of `totalBytes`. One entry per opened file.
 * When the window held no error at all, the files are read again (within OUTSIDE_SCAN_BYTES) to say where theirs are.
 */
async function summariseFiles(ctx: LogsContext, names: string[], args: SummaryArgs, window: Window | undefined, grouper: ErrorGrouper, extra: HandlerExtra, totalBytes: number | undefined): Promise<{ files: FileEntry[]; notes: string[]; skipped: number }> {
  const files: FileEntry[] = [];
  const notes: string[] = [];
  const report = progressReporter(extra, totalBytes);
  const progress = throttleProgress(report);
  let done = 0;
  const outsideBudget = { bytes: OUTSIDE_SCAN_BYTES };
  const service = recordFilesOnly(args, notes);
  const offClock = new Set<string>();
  await forEachLogFile(ctx, names, { single: args.file !== undefined, signal: extra.signal, notes }, async (file) => {
    if (!service.reads(file)) return;
    const entry: FileEntry = { file: file.info.name, errors: 0 };
    files.push(entry);
    const onProgress = (bytes: number) => progress(done + bytes, `summarising ${file.info.name}`);
    // Not throttled, and sent though the value is not above the last (a listing's tick, the file before): the one
    // report that says where the read ends.
    const onOpened = (size: number) => void report(done, readingMessage('summarising', file.info.name, size), true);
    await summariseFile(ctx, file, entry, { args, window, grouper, notes, onProgress, onOpened, signal: extra.signal, outsideBudget, offClock });
    done += file.stats.size;
  });
  service.done();
  // With no error in the window anywhere, every file says where its errors are; beside other files' errors, those whose
  // times are off (clockNote) do, as their window missed them for that (break37: a Seoul-time log read in UTC).
  const outsideOf = grouper.total === 0 ? files.map((f) => f.file) : files.filter((f) => offClock.has(f.file)).map((f) => f.file);
  if (window && outsideOf.length > 0) {
    const byName = new Map(files.map((f) => [f.file, f]));
    const job: FileJob = { args, window, grouper, notes, onProgress: () => undefined, signal: extra.signal, outsideBudget, offClock };
    await forEachLogFile(ctx, outsideOf, { single: args.file !== undefined, signal: extra.signal, notes }, async (file) => {
      const entry = byName.get(file.info.name);
      if (entry) await findErrorsOutside(ctx, file, entry, job, await spellsLevels(ctx, file));
    });
  }
  void report(done);
  return { files, notes, skipped: service.skipped };
}

interface FileJob {
  args: SummaryArgs;
  window: Window | undefined;
  grouper: ErrorGrouper;
  notes: string[];
  onProgress: (bytes: number) => void;
  /** The error scan's file is open and its read's end fixed (ScanOptions.onOpened). */
  onOpened?: (size: number) => void;
  signal?: AbortSignal;
  /** Bytes left for reading files again to find the errors the window missed (shared by the call's files). */
  outsideBudget: { bytes: number };
  /** Files with no error in the window whose times are off (clockNote): where their errors are is said. */
  offClock: Set<string>;
}

/**
 * One file: its level coverage noted; with a window, a file last written before it opened is not scanned for the
 * window but for where its errors are; otherwise its error lines (of the window, or all) go into the grouper.
 */
async function summariseFile(ctx: LogsContext, file: OpenedLog, entry: FileEntry, job: FileJob): Promise<void> {
  const parser = await ctx.parserOf(file);
  const sample = await headLines(file.handle.fd, file.info);
  const coverage = levelCoverage(sample, parser);
  if (levelsUnreadable(coverage) || nothingStamped(sample, parser)) entry.levelsUnreadable = true;
  else if (coverage.withoutLevel > 0) entry.linesWithoutLevel = coverage.withoutLevel;
  const coverageText = coverageNote(file.info.name, coverage, 'sampled', coverage.withoutLevel > 0 ? unreadLevelKey(sample, parser) : undefined);
  if (coverageText) job.notes.push(coverageText);
  const words = levelsAreWords(sample, parser);
  const { window } = job;
  if (window) noteUndecidedDates(job.notes, file.info.name, parser);
  if (window) noteClockDay(job.notes, file.info.name, parser);
  noteFieldBlocks(job.notes, file.info.name, parser);
  if (!window) {
    // An empty file is said to be one, as in a window: "no ERROR or FATAL lines" alone read as a file of lines read.
    if (file.stats.size === 0) {
      entry.note = 'empty: no lines';
      return;
    }
    // Whole-file counts still date their groups (firstSeen, lastSeen): a year-less date's year in doubt is said.
    const year = yearNote(file, await newestEntry(ctx, file));
    if (year) job.notes.push(year);
    await scanErrors(ctx, file, entry, job, words);
    if (coverage.withoutLevel > 0 || entry.levelless) await findTextErrors(ctx, file, entry, job);
    noteLevelless(entry, job);
    noteUnmarkedContinuations(entry, job, sample, parser);
    return;
  }
  // Files not written since the window opened hold no line inside it (mtime is the last write).
  if (file.stats.mtimeMs < window.since) {
    entry.note = `last written at ${iso(file.stats.mtimeMs)}, older than the ${job.args.hours} h window: no errors counted in it`;
    return;
  }
  // An empty file (just created or truncated by a rotation) has no lines: "no timestamps found … lines without a time
  // are not counted" told of uncounted lines it has not (break40).
  if (file.stats.size === 0) {
    entry.note = 'empty: no lines';
    return;
  }
  // A file written since is read for the window even when its last entry is older: lines out of time order (a
  // replayed buffer, several writers, a clock set back) may still fall inside it, and skipping the file on its last
  // line's time answered "no errors" while naming an error inside the window.
  const newest = await newestEntry(ctx, file);
  if (newest !== undefined) entry.newestEntry = iso(newest);
  const { untimed, readFrom } = await scanErrors(ctx, file, entry, job, words);
  if (coverage.withoutLevel > 0 || entry.levelless) await findTextErrors(ctx, file, entry, job);
  noteLevelless(entry, job);
  // With hours too: the lines are read the same way in a window, and one saying an error word is as uncounted.
  noteUnmarkedContinuations(entry, job, sample, parser);
  if (newest === undefined) entry.note = `${nulTailNote(file) ?? 'no timestamps found at the end of this file'}: lines without a time are not counted`;
  else if (newest < window.since && entry.errors === 0) entry.note = `newest entry (${iso(newest)}) is older than the ${job.args.hours} h window: no errors counted in it`;
  else if (newest < window.since) entry.note = `entries out of time order: the last one (${iso(newest)}) is older than the ${job.args.hours} h window, yet ${entry.errors} error entr(ies) fall inside it`;
  if (untimed > 0) job.notes.push(`${file.info.name}: ${untimed} error entr(ies) without a readable timestamp were not counted${untimedWhere(readFrom)} (wholeFile counts them)`);
  const clock = clockNote(file, newest);
  if (clock) job.notes.push(clock);
  const year = yearNote(file, newest);
  if (year) job.notes.push(year);
  if (clock && entry.errors === 0) job.offClock.add(file.info.name);
}

/** The file spells its levels as words (so the error-word prefilter cannot miss an error line). */
async function spellsLevels(ctx: LogsContext, file: OpenedLog): Promise<boolean> {
  return levelsAreWords(await headLines(file.handle.fd, file.info), await ctx.parserOf(file));
}

/**
 * Scans one file for its error lines (in the job's window, if any) into the grouper; returns the untimed count and,
 * when the file was sought in for the window, where it was read from (also set on `entry`).
 */
async function scanErrors(ctx: LogsContext, file: OpenedLog, entry: FileEntry, job: FileJob, words: boolean): Promise<{ untimed: number; readFrom?: { line: number; byte: number } }> {
  const before = job.grouper.total;
  const result = await ctx.scans.scanFile(targetOf(file), errorScanRequest(job.args, words, job.window), {
    fileIndex: (await ctx.parserOf(file)).fileIndex,
    ripgrep: ctx.ripgrep,
    signal: job.signal,
    onTallies: (tallies) => job.grouper.addTallies(file.info.name, tallies),
    onProgress: job.onProgress,
    onOpened: job.onOpened,
  });
  entry.errors = job.grouper.total - before;
  noteDamage(job.notes, file.info.name, result.damage);
  noteLegacyText(job.notes, file, ctx.settingNotes);
  await noteRotation(job.notes, file.info.name, openedIdentity(file));
  // A client decides "no errors" from the structure, not from the notes' English (the extension: break28/29 leftovers).
  // A compressed rotation's text is judged only as it is decompressed (io/legacy-stream.ts): its reader says so.
  if (file.info.legacyText || result.damage?.includes(UNDECODED_OPENING)) entry.legacyText = true;
  if (textEndsEarly(result.damage)) entry.textCut = true;
  if (file.info.decodedFrom) entry.decodedFrom = file.info.decodedFrom.label;
  if (result.levelless) entry.levelless = result.levelless;
  const reports = result.reportsAtInfo ?? 0;
  if (reports > 0) job.notes.push(reportsAtInfoNote(file.info.name, reports, job.window !== undefined));
  if (result.readFrom) entry.readFrom = result.readFrom;
  const whole = readWholeNote(file.info.name, result.readWhole);
  if (whole) job.notes.push(whole);
  const grew = grewNote(file.info.name, result.grew);
  if (grew) job.notes.push(grew);
  return { untimed: result.untimed, ...(result.readFrom ? { readFrom: result.readFrom } : {}) };
}

/**
 * In a file whose levels cannot be read (kern.log: the kernel writes no level column), or not on every line: the entries
 * of the window without a level whose text reads as an error (tools/text-error-lines.ts), as a count of their own with
 * where they are. Not counted as errors: their level is unknown, and a text rule is a pointer, not a level. A file
 * with a level on some lines only hid its unleveled `Failed to …` lines behind "N errors" as much as kern.log behind 0.
 */
async function findTextErrors(ctx: LogsContext, file: OpenedLog, entry: FileEntry, job: FileJob): Promise<void> {
  if (job.args.level === 'FATAL') return;
  const found = await findTextErrorLines(ctx, file, { since: job.window?.since, until: job.window?.until, service: job.args.service, signal: job.signal });
  if (!found) return;
  entry.textErrors = found;
  const { count, shown } = textErrorWords(found);
  job.notes.push(
    `${file.info.name}: ${count} line(s) without a level read as errors by their text (lines ${shown}${job.window ? `, in the last ${job.args.hours} h` : ''}); not counted in totalErrors, as their level is unknown${see('files[].textErrors')}`,
  );
}

/**
 * The note for a file's entry lines without a level that the scan read (FileEntry.levelless), beyond those its start's
 * sample showed (coverageNote): no level filter passes them, and no word of theirs is taken for one.
 */
/** Characters of the first unmarked continuation quoted in the note. */
const UNMARKED_QUOTED = 80;
/** Unmarked continuations saying an error word named in the note at most. */
const UNMARKED_NAMED = 3;

/**
 * For a file with no error counted: where its sample shows lines read as the text of the entry above that nothing marks
 * so (foreign-lines.ts unmarkedContinuations), a note quoting the first, since a line another program wrote there
 * (`Server be/web1 is DOWN` under an INFO line) takes that entry's level: "no errors" is of its entries as read.
 */
function noteUnmarkedContinuations(entry: FileEntry, job: FileJob, sample: string[], parser: LineParser): void {
  const lines = unmarkedContinuations(sample, parser);
  // Such a line saying an error word is an error no count holds (it took the level of the entry above): named by its
  // line number, whatever was counted.
  const worded = lines.filter((l) => isTextError(l.text));
  if (lines.length === 0 || (entry.errors > 0 && worded.length === 0)) return;
  const named = worded
    .slice(0, UNMARKED_NAMED)
    .map((l) => `line ${l.line} ${JSON.stringify(l.text.slice(0, UNMARKED_QUOTED))}`)
    .join(', ');
  const errorWords = worded.length === 0 ? '' : `; ${worded.length} of them say an error word and were not counted as errors: ${named}${worded.length > UNMARKED_NAMED ? ', …' : ''}`;
  job.notes.push(
    `${entry.file}: ${lines.length.toLocaleString('en-US')} line(s) near its start without a time or a continuation's shape (the first: ${JSON.stringify(lines[0].text.slice(0, UNMARKED_QUOTED))}) were read as the text of the entry above them, at its level, as the file writes text of several lines under its entries${job.window ? ' (so are such lines further on, in the window or not)' : ''}${errorWords}; a line another program wrote there is not counted: search_logs finds it by its words`,
  );
}

function noteLevelless(entry: FileEntry, job: FileJob): void {
  const found = entry.levelless;
  if (!found || job.args.level === 'FATAL' && found.lines === 0) return;
  const shown = found.first.join(', ') + (found.lines > found.first.length ? ', …' : '');
  job.notes.push(
    `${entry.file}: ${found.lines.toLocaleString('en-US')} entry line(s) without a level (lines ${shown}${job.window ? `, in the last ${job.args.hours} h` : ''}) were read and not counted, as their level is unknown: whether they report errors is not known; search_logs without level reads them${see('files[].levelless')}`,
  );
}

/**
 * When the window held none of a file's errors: scans the whole file (within the call's byte budget) and says how many
 * error lines it has and between which dates, so that a window never reads as "no errors" for an archived log.
 */
async function findErrorsOutside(ctx: LogsContext, file: OpenedLog, entry: FileEntry, job: FileJob, words: boolean): Promise<void> {
  if (file.stats.size === 0) return;
  if (file.stats.size > job.outsideBudget.bytes) {
    job.notes.push(`${file.info.name}: not read outside the window (too large to read again in this call); wholeFile: true counts all its errors`);
    return;
  }
  job.outsideBudget.bytes -= file.stats.size;
  const outside = { errors: 0, firstSeen: undefined as number | undefined, lastSeen: undefined as number | undefined };
  await ctx.scans.scanFile(targetOf(file), errorScanRequest(job.args, words, undefined), {
    fileIndex: (await ctx.parserOf(file)).fileIndex,
    ripgrep: ctx.ripgrep,
    signal: job.signal,
    onTallies: (tallies) => {
      for (const tally of tallies) {
        outside.errors += tally.count;
        if (tally.firstSeen !== undefined && (outside.firstSeen === undefined || tally.firstSeen < outside.firstSeen)) outside.firstSeen = tally.firstSeen;
        if (tally.lastSeen !== undefined && (outside.lastSeen === undefined || tally.lastSeen > outside.lastSeen)) outside.lastSeen = tally.lastSeen;
      }
    },
  });
  if (outside.errors === 0) return;
  entry.outsideWindow = { errors: outside.errors, firstSeen: iso(outside.firstSeen), lastSeen: iso(outside.lastSeen) };
  const timed = outside.firstSeen !== undefined && outside.lastSeen !== undefined;
  const span = timed ? ` between ${iso(outside.firstSeen)} and ${iso(outside.lastSeen)}` : ' without readable times, which may fall inside the window';
  const note = `no ${timed ? '' : 'timed '}errors in the last ${job.args.hours} h; ${outside.errors.toLocaleString('en-US')} error entr(ies)${span}: use wholeFile: true (or a larger hours) to summarise them`;
  entry.note = entry.note ? `${entry.note}; ${note}` : note;
}

/** Error lines (of `window`, if any); when the file spells its levels as words, only lines holding an error word are read. */
function errorScanRequest({ level, service }: Pick<SummaryArgs, 'level' | 'service'>, words: boolean, window: Window | undefined): ScanRequest {
  return {
    pattern: words ? { source: ERROR_WORDS_PATTERN, literal: false, caseSensitive: false } : undefined,
    minLevel: level,
    ...(service !== undefined ? { service } : {}),
    since: window?.since,
    until: window?.until,
    before: 0,
    after: 0,
    limit: 1,
    order: 'oldest',
    maxLineChars: 2000,
    // An error is an entry: the stack or wrapped lines under it are not errors of their own.
    entries: true,
  };
}

/**
 * Whether no line of `sample` (a file's first lines) has a time or a level as `parser` reads it, though some hold text.
 * levelCoverage takes such lines for continuations in a layout it knows, and counted none: a Laravel log whose PHP
 * traces' `#0 …` frames outvoted its record lines was learned as plain text, and its ERROR records were "no ERROR or
 * FATAL lines" (rev26a). With nothing read, 0 errors is not "no errors".
 */
function nothingStamped(sample: readonly string[], parser: LineParser): boolean {
  let filled = false;
  for (const line of sample) {
    if (line.trim().length === 0) continue;
    filled = true;
    const parsed = parser.parse(line);
    if (parsed.timestamp !== undefined || parsed.level !== undefined) return false;
  }
  return filled;
}

/**
 * What the answer says when no error line was counted: never "no errors" for files whose levels could not be read, nor
 * for the `unread` files of the call that were skipped (unreadable, undecompressable: named in the notes). With every
 * file unread it said "no ERROR or FATAL lines in the last 24 h" about logs it had not opened (break29).
 */
function noErrorsNote(files: FileEntry[], args: SummaryArgs, window: Window | undefined, unread = 0): string {
  const kind = args.level === 'FATAL' ? 'FATAL' : 'ERROR or FATAL';
  const read = unread > 0 ? ' in the files read' : '';
  const where = `${window ? `in the last ${args.hours} h` : 'in the whole file(s)'}${read}${unread > 0 ? `; ${unread} log file${unread === 1 ? '' : 's'} could not be read (see notes), and errors there are not known` : ''}`;
  const outside = files.filter((f) => f.outsideWindow).reduce((sum, f) => sum + (f.outsideWindow?.errors ?? 0), 0);
  const unreadable = files.filter((f) => f.levelsUnreadable).map((f) => f.file);
  let note = `no ${kind} lines ${where}`;
  // Errors found outside the window without a readable time may well fall inside it (an undecided date order gives none).
  const untimedOutside = files.some((f) => f.outsideWindow && f.outsideWindow.firstSeen === undefined);
  if (outside > 0) note += `; ${outside.toLocaleString('en-US')} outside the window${untimedOutside ? ' or without a readable time, which may fall inside it' : ''}${see('files[].outsideWindow')}`;
  // A log with no entries at all in the window is not one checked and found well: the window missed it.
  const quiet = window ? files.filter((f) => f.newestEntry !== undefined && Date.parse(f.newestEntry) < window.since).map((f) => f.file) : [];
  if (quiet.length > 0) {
    const who = quiet.length === files.length ? 'none of the logs read has an entry' : `${someNames(quiet)} ${quiet.length === 1 ? 'has' : 'have'} no entries at all`;
    note += `; ${who} in the window${see('files[].newestEntry')}`;
  }
  if (unreadable.length > 0) note += `; levels could not be read in ${unreadable.join(', ')}, so errors there may have been missed`;
  const textErrors = files.filter((f) => f.textErrors).map((f) => `${f.file} (${f.textErrors?.atLeast ? 'at least ' : ''}${f.textErrors?.lines})`);
  if (textErrors.length > 0) note += `; lines whose text reads as an error, without a level: ${textErrors.join(', ')}${see('files[].textErrors')}`;
  const partly = files.filter((f) => f.linesWithoutLevel !== undefined || f.levelless !== undefined).map((f) => f.file);
  if (partly.length > 0) note += `; some lines of ${partly.join(', ')} have no readable level, and errors among them would not be counted (see notes)`;
  return note;
}

/** The tool's answer: the largest groups first, cut to `limit` and to the shared byte budget. */
function summaryOutput(grouper: ErrorGrouper, files: FileEntry[], notes: string[], args: SummaryArgs, window: Window | undefined, unread = 0): Output {
  const all = grouper.sorted();
  const groups = all.slice(0, args.limit).map((g) => ({
    template: g.template,
    count: g.count,
    levels: g.levels,
    ...(g.firstSeen !== undefined ? { firstSeen: iso(g.firstSeen) } : {}),
    ...(g.lastSeen !== undefined ? { lastSeen: iso(g.lastSeen) } : {}),
    files: g.files,
    messages: g.messages,
    examples: g.examples,
  }));
  if (grouper.capped) notes.push('too many distinct messages: some were put into their closest group');
  const truncated = all.length > groups.length;
  const fitted = fitToBudget(groups, (kept): Output => ({
    ...(window ? { window: { since: iso(window.since)!, until: iso(window.until)!, hours: args.hours } } : {}),
    totalErrors: grouper.total,
    groupCount: all.length,
    groups: [...kept],
    truncated,
    files,
    notes,
    notesForPeople: [],
  }));
  if (grouper.total === 0) notes.push(noErrorsNote(files, args, window, unread));
  const notesForPeople = [...files.flatMap((f) => (f.note ? [f.note] : [])), ...notes].map(forPeople);
  return { ...fitted.value, truncated: truncated || fitted.cut, notesForPeople };
}
