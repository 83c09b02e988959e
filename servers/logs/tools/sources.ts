// What the logs tools share about sources (the journal, containers): the filter arguments, choosing files and sources
// for a call, and the per-source loop that skips a source that cannot be read with a note.
import { z } from 'zod';
import { throwIfAborted, type ProgressTick } from '../../shared/progress';
import { UserFacingError } from '../../shared/tool-result';
import { sanitizeLine } from '../../shared/sanitize';
import type { RecordQuery, SourceFilter, SourceInfo, SourceKind, SourceRecord } from '../sources/types';
import type { TimeWindow } from '../../shared/time-window';
import { isSourceName } from '../sources/types';
import type { LogsContext } from './context';
import { binaryLogsNote, documentsNote, tablesNote, hiddenNote, linkedOutsideNote, noAccessNote, otherCompressedNote, streamLinksNote, tooDeepNote, otherFilesNote, type BinaryLogs, type LogFileInfo, type LogFileListing, type NamedFiles, type OpenedLog } from '../files/log-files';
import { isoInLocalZone } from '../../shared/local-time';
import { readStats, sourceLines, type SourceLine, type SourceReadStats } from './source-lines';
import { readFileName, readSourceFilter, readSourceName } from './listed-names';

/** Most sources one call reads when it names none (a busy machine's journal has hundreds of units). */
export const MAX_SOURCES_PER_CALL = 100;

/** The filter arguments every logs tool takes (they narrow the sources read; refused with `file`, see chooseInputs). */
export const sourceFilterFields = {
  unit: z.string().min(1).max(256).optional().describe('journal: only this systemd unit (nginx.service, or nginx) or syslog identifier; not with file'),
  container: z.string().min(1).max(256).optional().describe('docker: only this container (its name, or the start of its id); not with file'),
  host: z.string().min(1).max(256).optional().describe('journal: only entries of this host (_HOSTNAME), for journals collected from many machines; not with file'),
};

/**
 * The `service` argument of the tools that read files (search_logs, error_summary, recent_logs, log_patterns): the records of one service in files
 * of record batches (io/record-batches.ts), whose lines name their service as their source. Journal units and
 * containers are sources of their own (unit, container); a service is one inside such a file.
 */
export const serviceField = {
  service: z
    .string()
    .min(1)
    .max(256)
    .optional()
    .describe(
      "only records of this service in files of record batches: an OpenTelemetry collector's file export (the service.name of the records' resource) or a CloudTrail file (eventSource), as listed in logs://files under a file's services; other files, the journal and containers are not read; with file, that file's records of it",
    ),
};

/** What a call with `service` reads: files of record batches only; `done` notes how many others it passed over. */
export interface RecordFilesOnly {
  /** Whether `file` is read; throws UserFacingError for a named file that holds no records (its lines name no service). */
  reads(file: OpenedLog): boolean;
  /** Files passed over so far (not "unread": they were not asked for). */
  readonly skipped: number;
  /** Adds the note on the files passed over, if any. */
  done(): void;
}

/** The files a call reads for its `service` (every file without one). */
export function recordFilesOnly(args: { service?: string; file?: string }, notes: string[]): RecordFilesOnly {
  const { service } = args;
  let skipped = 0;
  return {
    get skipped() {
      return skipped;
    },
    reads(file) {
      if (service === undefined || file.info.records) return true;
      if (args.file !== undefined) {
        throw new UserFacingError(`${file.info.name} is not a file of record batches (an OpenTelemetry collector's file export, a CloudTrail file): its lines name no service; omit service to read it`);
      }
      skipped++;
      return false;
    },
    done() {
      if (skipped > 0) notes.push(`service ${sanitizeLine(service ?? '', 256)}: ${skipped} log file(s) that are not files of record batches (OTLP, CloudTrail) were not read, as their lines name no service`);
    },
  };
}

/** The text every tool's `file` description adds about sources. */
export const SOURCE_NAMES_TEXT = 'or a source name (journal:nginx.service, journal:web-2/api.service, docker:payments-api) as listed in logs://files';

/** A source to read: its name and kind (all a caller naming one gives). */
export type SourceRef = Pick<SourceInfo, 'name' | 'kind'>;

export interface InputChoice {
  /** File names (as in logs://files) to read, in order. */
  files: string[];
  /** Total bytes of `files` (the progress total), undefined for one named file. */
  totalBytes?: number;
  sources: SourceRef[];
  /** Sources that could not be listed, sources left out (cap): say where the data is that was not read. */
  notes: string[];
  /**
   * When no file was named: the listing `files` came from (newest first, with sizes and times), so that a tool choosing
   * among them does not walk the directories a second time (a walk costs a stat per entry, up to MAX_FILES files).
   */
  listed?: LogFileInfo[];
  /**
   * When no file was named: the `.json`/`.txt` files the listing left out as documents (document-names.ts). Not a note on
   * every call (a repository's package.json is no news), but an answer that found nothing says them: a console saved as
   * `.txt` with no time or level reads as a document, and "no matches" over the rest would be confident and wrong.
   */
  documents?: NamedFiles;
  /**
   * When no file was named: the `.csv` files the listing left out as data tables. Said by every answer on errors or
   * matches, found or not: a table may be a log whose columns this server did not recognise, and a summary of the other
   * logs' errors would pass over its own in silence.
   */
  tables?: NamedFiles;
  /** When no file was named: the binary logs the listing left out (binary-logs.ts), said by an answer that found nothing, as documents are. */
  binaryLogs?: BinaryLogs;
}

export interface FileAndFilter extends SourceFilter {
  file?: string;
  /** serviceField: files of record batches only, no source. */
  service?: string;
}

/** The kind of a source name, undefined for a file name. */
export function sourceKindOf(name: string): SourceKind | undefined {
  return isSourceName(name) ? (name.slice(0, name.indexOf(':')) as SourceKind) : undefined;
}

/**
 * What a call reads: the named file or source; else, with a unit/container/host filter, the sources it selects; else
 * every listed file (ordered by `order`: modification time) and every source (`onProgress` hears a long listing of
 * them: progressTicks). Throws UserFacingError when nothing
 * is there to read, saying what is configured and what kept sources away, and when `file` comes with a filter (both
 * choose what to read: neither is dropped in silence).
 */
export async function chooseInputs(ctx: LogsContext, args: FileAndFilter, order?: 'newest' | 'oldest', signal?: AbortSignal, onProgress?: ProgressTick): Promise<InputChoice> {
  if (args.file !== undefined) {
    const filters = filtersGiven(args);
    // `file` names one log; the filters choose among sources. Reading one of them and dropping the other would answer
    // a question that was not asked as if it were (break20: file app.log with unit nginx read app.log, and said nothing).
    if (filters.length > 0) {
      throw new UserFacingError(
        `file and ${filters.join(', ')} both choose what to read: give file alone (it names one log file or source, such as journal:nginx.service or docker:payments-api), ` +
          `or ${filters.length > 1 ? 'the filters' : filters[0].split(' ')[0]} without file to narrow the journal and containers`,
      );
    }
    const kind = sourceKindOf(args.file);
    if (kind && args.service !== undefined) throw new UserFacingError(`service chooses records inside files of record batches (OTLP, CloudTrail); ${sanitizeLine(args.file, 256)} is a ${kind} source: give one of them`);
    const { name, note } = kind ? await readSourceName(ctx, args.file, signal) : await readFileName(ctx, args.file);
    const notes = note ? [note] : [];
    return kind ? { files: [], sources: [{ name, kind }], notes } : { files: [name], sources: [], notes };
  }
  const filtered = args.unit !== undefined || args.container !== undefined || args.host !== undefined;
  if (args.service !== undefined) {
    // The journal and containers hold no record batches: a service is looked for in files only.
    if (filtered) throw new UserFacingError(`service (records inside files of record batches) and ${filtersGiven(args).join(', ')} (journal units, containers) choose different things: give one of them`);
    const fileListing = await ctx.listFiles();
    if (fileListing.files.length === 0) throw nothingToRead(ctx, [], fileListing);
    const notes = fileListing.truncated ? [leftOutNote(fileListing)] : [];
    const sorted = order === undefined ? fileListing.files : [...fileListing.files].sort((a, b) => (order === 'newest' ? b.mtimeMs - a.mtimeMs : a.mtimeMs - b.mtimeMs));
    return { files: sorted.map((f) => f.name), totalBytes: fileListing.files.reduce((sum, f) => sum + f.size, 0), sources: [], notes, listed: fileListing.files };
  }
  const read = filtered ? await readSourceFilter(ctx, { unit: args.unit, container: args.container, host: args.host }, signal) : { filter: {} };
  const listing = await ctx.sources.list(read.filter, signal, onProgress);
  const notes = [...(read.note ? [read.note] : []), ...listing.problems.map((p) => `not read: ${p}`)];
  let sources: SourceRef[] = listing.sources.map((s) => ({ name: s.name, kind: s.kind }));
  if (sources.length > MAX_SOURCES_PER_CALL) {
    const chosen = newestSources(listing.sources, MAX_SOURCES_PER_CALL);
    notes.push(leftOutSourcesNote(chosen.left));
    sources = chosen.read.map((s) => ({ name: s.name, kind: s.kind }));
  }
  if (filtered) {
    // Only the filters the user gave are named (args holds every argument of the tool).
    if (sources.length === 0) throw noMatchingSource({ unit: args.unit, container: args.container, host: args.host }, listing.problems);
    return { files: [], sources, notes };
  }
  const fileListing = await ctx.listFiles();
  const { files } = fileListing;
  if (files.length === 0 && sources.length === 0) throw nothingToRead(ctx, listing.problems, fileListing);
  if (fileListing.truncated) notes.push(leftOutNote(fileListing));
  if (fileListing.linkedOutside) notes.push(`not read: ${linkedOutsideNote(fileListing.linkedOutside)}`);
  if (fileListing.tooDeep) notes.push(`not read: ${tooDeepNote(fileListing.tooDeep)}`);
  if (fileListing.hidden) notes.push(`not read: ${hiddenNote(fileListing.hidden)}`);
  if (fileListing.noAccess) notes.push(`not read: ${noAccessNote(fileListing.noAccess)}`);
  if (fileListing.otherCompressed) notes.push(`not read: ${otherCompressedNote(fileListing.otherCompressed)}`);
  if (fileListing.streamLinks) notes.push(`not read: ${streamLinksNote(fileListing.streamLinks)}`);
  const sorted = order === undefined ? files : [...files].sort((a, b) => (order === 'newest' ? b.mtimeMs - a.mtimeMs : a.mtimeMs - b.mtimeMs));
  return { files: sorted.map((f) => f.name), totalBytes: files.reduce((sum, f) => sum + f.size, 0), sources, notes, listed: files, ...(fileListing.documents ? { documents: fileListing.documents } : {}), ...(fileListing.tables ? { tables: fileListing.tables } : {}), ...(fileListing.binaryLogs ? { binaryLogs: fileListing.binaryLogs } : {}) };
}

/**
 * What an answer over every file says of the files the listing did not read though they may hold what was asked for.
 * `.csv` data tables always: a table may be a log whose columns were not recognised, and errors found in the other logs
 * would pass over its own in silence. `.json`/`.txt` documents and binary logs only when nothing was found (`found`
 * false): "no matches" of the rest alone would be confident and wrong, but a repository's package.json is no news
 * beside errors found.
 */
export function unreadNotes(inputs: Pick<InputChoice, 'documents' | 'tables' | 'binaryLogs'>, found: boolean): string[] {
  const notes = [inputs.tables && tablesNote(inputs.tables)];
  if (!found) notes.push(inputs.documents && documentsNote(inputs.documents), inputs.binaryLogs && binaryLogsNote(inputs.binaryLogs));
  return notes.filter((note): note is string => typeof note === 'string');
}

/** Names for a note: the first `shown` and "and N more" (a note lists what it is about, not a thousand names). */
export function someNames(names: readonly string[], shown = 5): string {
  return names.length > shown ? `${names.slice(0, shown).join(', ')} and ${names.length - shown} more` : names.join(', ');
}

/** What a call over every log file says when the listing left files out (files/log-files.ts keeps the newest). */
export function leftOutNote({ files, omitted, omittedNewestMs }: LogFileListing): string {
  const older =
    omitted > 0 && omittedNewestMs !== undefined
      ? `${omitted} older log files were left out (the newest of them last written ${isoInLocalZone(omittedNewestMs)})`
      : 'log files past the first 100,000 names were not looked at';
  return `read the newest ${files.length} log files: ${older}; name one in file to read it`;
}

/**
 * The `count` sources most recently written: running containers first (they may be writing now), then by the time of
 * the newest entry, those whose time is not known last (a journal unit not among the newest entries scanned, a
 * container never started); by name among equals. Errors of today are where a machine's logs are being written, not
 * in the first units by name.
 */
export function newestSources(sources: SourceInfo[], count: number): { read: SourceInfo[]; left: SourceInfo[] } {
  const ordered = [...sources].sort(
    (a, b) => Number(b.running ?? false) - Number(a.running ?? false) || (b.lastWritten ?? -Infinity) - (a.lastWritten ?? -Infinity) || a.name.localeCompare(b.name),
  );
  // Two unknown times give -Infinity - -Infinity = NaN, which is falsy: `||` goes on to the name.
  return { read: ordered.slice(0, count), left: ordered.slice(count) };
}

/** What a call says about the sources left out by newestSources: how many, and that they are the older ones. */
function leftOutSourcesNote(left: SourceInfo[]): string {
  const newest = left.reduce<number | undefined>((max, s) => (s.lastWritten !== undefined && (max === undefined || s.lastWritten > max) ? s.lastWritten : max), undefined);
  const when = newest !== undefined ? `the newest of them last written ${isoInLocalZone(newest)}` : 'none with a known time of writing: never started, or not among the newest journal entries';
  return `read the ${MAX_SOURCES_PER_CALL} most recently written sources: ${left.length} older ones were left out (${when}); name one in file, or narrow with unit, container or host`;
}

/** The source filters a call gave, as `unit nginx` words (args holds every argument of the tool). */
function filtersGiven(filter: SourceFilter): string[] {
  return (['unit', 'container', 'host'] as const).filter((k) => filter[k] !== undefined).map((k) => `${k} ${filter[k]}`);
}

function noMatchingSource(filter: SourceFilter, problems: string[]): UserFacingError {
  // The caller's own text goes back into a message a person or a model reads: controls and escapes are taken out.
  const asked = Object.entries(filter).filter(([, v]) => v !== undefined).map(([k, v]) => `${k} ${sanitizeLine(String(v), 256)}`).join(', ');
  const why = problems.length > 0 ? `; ${problems.join('; ')}` : '';
  return new UserFacingError(`no journal unit or container matches ${asked} (see the sources in logs://files)${why}`);
}

/** The error when there is nothing at all: no log file and no source (`listing`: what the directories held). */
export function nothingToRead(ctx: LogsContext, problems: string[], listing?: LogFileListing): UserFacingError {
  // A directory that was configured but could not be read is named with its reason: "none configured" would send the
  // user to set a variable they did set.
  const skipped = ctx.skippedDirs.map((d) => `${d.path} (${d.reason}, skipped)`);
  const dirs = [...ctx.dirs.map((d) => d.path), ...skipped].join(', ') || '(no log directories configured: set LOG_DIRS)';
  const sources = problems.length > 0 ? problems.join('; ') : 'no journal or container sources are on (LOG_JOURNAL, LOG_JOURNAL_DIRS, LOG_DOCKER)';
  const unread = [listing?.linkedOutside && linkedOutsideNote(listing.linkedOutside), listing?.tooDeep && tooDeepNote(listing.tooDeep), listing?.hidden && hiddenNote(listing.hidden), listing?.noAccess && noAccessNote(listing.noAccess), listing?.otherCompressed && otherCompressedNote(listing.otherCompressed), listing?.streamLinks && streamLinksNote(listing.streamLinks), listing?.documents && documentsNote(listing.documents), listing?.tables && tablesNote(listing.tables), listing?.binaryLogs && binaryLogsNote(listing.binaryLogs), listing?.otherFiles && otherFilesNote(listing.otherFiles)].filter(Boolean);
  const linked = unread.length > 0 ? ` (but ${unread.join('; ')})` : '';
  return new UserFacingError(`no log files found in ${dirs}${linked}, and no sources: ${sources}`);
}

export interface EachSourceOptions {
  /** The caller named this source: its errors fail the call instead of becoming notes. */
  single: boolean;
  signal?: AbortSignal;
  notes: string[];
  /** Hears how far each source's read is (every RECORDS_PER_TICK records) and the listing a first read makes. */
  onProgress?: ProgressTick;
}

/** Records read between two progress ticks of a source (each is throttled by time after). */
const RECORDS_PER_TICK = 1_000;

/** `records` counted into progress ticks that name the source. */
async function* counted<T>(records: AsyncIterable<T>, name: string, onProgress: ProgressTick): AsyncGenerator<T> {
  let n = 0;
  for await (const record of records) {
    if (++n % RECORDS_PER_TICK === 0) onProgress(`reading ${name}: ${n.toLocaleString('en-US')} entries read`);
    yield record;
  }
}

/**
 * Hands each source's lines (source-lines.ts) to `work` with the stats of the read. With several sources, one that
 * cannot be read (UserFacingError) is skipped with a note; `work` returns false to stop early. Returns how many sources
 * were left unvisited.
 */
export async function forEachSource(
  ctx: LogsContext,
  sources: SourceRef[],
  query: RecordQuery,
  options: EachSourceOptions & { maxLineChars: number },
  work: (source: SourceRef, lines: AsyncGenerator<SourceLine>, stats: SourceReadStats) => Promise<boolean | void>,
): Promise<number> {
  for (let i = 0; i < sources.length; i++) {
    throwIfAborted(options.signal);
    const source = sources[i];
    const stats = readStats();
    // Said once per call, though a source may be read twice (a window, then its errors outside it).
    const onNote = (note: string) => {
      if (!options.notes.includes(`${source.name}: ${note}`)) options.notes.push(`${source.name}: ${note}`);
    };
    const onProgress = options.onProgress;
    const records = ctx.sources.read(source.name, { ...query, signal: options.signal, onNote, ...(onProgress ? { onProgress } : {}) });
    const lines = sourceLines(onProgress ? counted(records, source.name, onProgress) : records, source.kind, options.maxLineChars, stats);
    try {
      if ((await work(source, lines, stats)) === false) return sources.length - i - 1;
    } catch (error) {
      if (options.single || !(error instanceof UserFacingError)) throw error;
      options.notes.push(`skipped ${source.name}: ${error.message}`);
    } finally {
      await lines.return(undefined);
    }
  }
  return 0;
}

/** Sources of one call whose newest record is looked up when their window held none (a read each); the others are only said to be empty there. */
export const WINDOW_MISS_LOOKUPS = 10;

/**
 * The newest record of a source (one read of its newest record): when a window held none of its records (the window is
 * pushed down to the source, so it would read as empty), where its records are. Undefined when it has none at all.
 */
export async function newestRecord(ctx: LogsContext, source: SourceRef, signal?: AbortSignal): Promise<SourceRecord | undefined> {
  let newest: SourceRecord | undefined;
  for await (const record of ctx.sources.read(source.name, { tail: 1, signal })) newest = record;
  return newest;
}

/**
 * The note for a source read through a window that held none of its records, so that "no matches" or no templates
 * there never read as "none in the source": when its newest record is, or that it has none. Undefined without a window.
 */
export async function sourceWindowNote(ctx: LogsContext, source: SourceRef, window: TimeWindow, signal?: AbortSignal): Promise<string | undefined> {
  if (window.since === undefined && window.until === undefined) return undefined;
  const newest = await newestRecord(ctx, source, signal);
  if (!newest) return `${source.name} has no entries at all`;
  const when = newest.time !== undefined ? ` its newest entry is at ${isoInLocalZone(newest.time)}:` : '';
  return `${source.name}: no entries in the window;${when} move or widen since/until to read it`;
}
