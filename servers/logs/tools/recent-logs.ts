// recent_logs: the last N lines of a log file (read backwards from the end), optionally only at or above a level.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { READ_ONLY } from '../../shared/annotations';
import { fitToBudget } from '../../shared/output-budget';
import { progressTicks } from '../../shared/progress';
import { sanitizeLine } from '../../shared/sanitize';
import { guarded, toolResult, UserFacingError } from '../../shared/tool-result';
import { binaryLogsNote, deniedFilesNotes, documentsNote, PermissionDeniedError, type LogFileInfo, type OpenedLog } from '../files/log-files';
import { awaitsMessage, inheritedLevel, inheritsLevel, isWordless, opensLoggedReport, ownLevel, underEntry } from '../format/continuation';
import { levelAtLeast } from '../format/levels';
import { joinedBackwards } from '../format/partials';
import type { Level, LineParser, ParsedLine } from '../format/types';
import { isDecoded, isLegacyOnly } from '../io/charset';
import { UNDECODED_OPENING } from '../../shared/legacy-charset';
import { readLinesBackwards } from '../io/tail';
import { lineFromEnd } from '../format/clock-days';
import { parseLine } from '../search/collector';
import { encodingSchema, iso, levelInput, levelSchema, noteDamage, noteLegacyText, noteRotation, openedIdentity } from './common';
import { closeQuietly, tailOf, withEncoding, type LogsContext } from './context';
import { recentOfSource, type Line, type Recent } from './recent-logs-sources';
import { levellessTextErrors } from './text-error-lines';
import { chooseInputs, newestSources, serviceField, someNames, SOURCE_NAMES_TEXT, sourceFilterFields } from './sources';
import { recentOfService } from './recent-logs-service';
import { strictInput } from '../../shared/strict-input';

const MAX_LINE_CHARS = 1000;
/** With a level filter, how far back to look before giving up. */
const MAX_SCAN_BYTES = 256 * 1024 * 1024;
/** With a level filter on a gzip or UTF-16 file (read forward), how many last lines are kept and searched. */
const MAX_DECODED_LINES = 20_000;
/** Continuation lines (stack traces) held while looking for the entry they belong to. */
const MAX_CONTINUATION = 200;

const inputSchema = strictInput(z.object({
  file: z.string().max(1024).optional().describe(`log file name as listed in logs://files, ${SOURCE_NAMES_TEXT}; omit for the most recently written file (or, with unit/container/host, the source written to last)`),
  encoding: encodingSchema,
  ...sourceFilterFields,
  ...serviceField,
  lines: z.number().int().min(1).max(1000).default(50).describe('how many lines'),
  level: levelInput().optional().describe('only lines at or above this level, any case (warn, WARNING, err, critical…) (stack-trace lines follow their entry)'),
}));

const lineSchema = z.object({
  text: z.string(),
  level: levelSchema.optional(),
  timestamp: z.string().optional(),
  stream: z.enum(['stdout', 'stderr']).optional().describe('a container line: written to stdout or stderr'),
});

const outputSchema = z.object({
  file: z.string(),
  source: z.enum(['journal', 'docker']).optional().describe('set when `file` is a source'),
  format: z.string(),
  lines: z.array(lineSchema).describe('oldest first; the last item is the end of the file'),
  returned: z.number(),
  truncated: z.boolean().describe('the file has earlier lines (or more matching lines) than returned'),
  sizeBytes: z.number().optional().describe('files only'),
  modified: z.string().describe('file: its modification time; source: the time of its newest line read').optional(),
  textErrors: z
    .object({ lines: z.number(), atLeast: z.boolean().optional(), first: z.array(z.number()) })
    .optional()
    .describe('with a level filter, in a file where some or all lines have no readable level: its entry lines without a level that read as errors by their text (`I/O error`, `Out of memory`), which no level filter passes; first: their first line numbers'),
  notes: z.array(z.string()),
});

type Output = z.infer<typeof outputSchema>;
type RecentArgs = z.infer<typeof inputSchema>;


export function registerRecentLogs(server: McpServer, base: LogsContext): void {
  server.registerTool(
    'recent_logs',
    {
      title: 'Recent log lines',
      description:
        'The last N lines of a log file (default 50, oldest first), optionally only lines at or above a level such as WARN. ' +
        'Use it to see what a service logged most recently or to check whether a problem is still happening. ' +
        'Without `file`, uses the most recently written log file (see logs://files). `file` may name a journal unit or a ' +
        'container (what journalctl -n / docker logs --tail show; container lines say their stream, stdout or stderr). ' +
        'With a level, notes how many lines have no recognisable level (they are never returned) and names those of them that read as errors by their text (textErrors). ' +
        'With service, the last records of that service in the most recently written file of record batches (an OpenTelemetry file export) holding any.',
      inputSchema,
      outputSchema,
      annotations: READ_ONLY,
    },
    guarded(async (args, extra) => {
      const ctx = withEncoding(base, args.encoding);
      // Without a name, the first listed file: listings put the most recently written first.
      const onProgress = progressTicks(extra);
      const inputs = await chooseInputs(ctx, args, args.service !== undefined ? 'newest' : undefined, extra.signal, onProgress);
      if (args.service !== undefined) {
        const recent = await recentOfService(ctx, inputs.files, { ...args, service: args.service }, MAX_LINE_CHARS, extra.signal);
        recent.notes.unshift(...inputs.notes);
        return toolResult(linesOutput(recent, { file: recent.file, format: recent.format, sizeBytes: recent.sizeBytes, modified: recent.modified }));
      }
      if (inputs.files.length === 0) {
        const recent = await recentOfSource(ctx, inputs.sources, args, extra.signal, onProgress);
        return toolResult(linesOutput(recent, { file: recent.source.name, source: recent.source.kind, format: recent.format, ...(recent.newest !== undefined ? { modified: iso(recent.newest) } : {}) }));
      }
      const notes: string[] = [];
      const file = inputs.listed ? await openNewest(ctx, inputs.listed, notes) : await ctx.open(inputs.files[0]);
      try {
        const parser = await ctx.parserOf(file);
        const recent = await readRecent(file, parser, args, ctx.settingNotes, extra.signal);
        recent.notes.unshift(...notes);
        // Without a named file, "the most recently written log" is the newest of those the server reads: a binary log
        // left out (wtmp, .evtx) may be newer, so it is named with how to read it; the documents and data tables left
        // out are named when no line came back, as search_logs does (break30).
        if (args.file === undefined) {
          if (inputs.binaryLogs) recent.notes.push(`not read: ${binaryLogsNote(inputs.binaryLogs)}`);
          if (inputs.documents && recent.newestFirst.length === 0) recent.notes.push(`not read: ${documentsNote(inputs.documents)}`);
        }
        if (args.file === undefined && inputs.sources.length > 0) {
          const newer = await newerSourcesNote(ctx, file, extra.signal);
          if (newer) recent.notes.push(newer);
        }
        if (file.stats.size === 0) recent.notes.push(emptyFileNote(inputs.listed ?? (await ctx.listFiles()).files, file));
        // A compressed rotation of a log that was empty is a gzip member of no text: its size is not 0, its lines none.
        else if ((file.info.gzip || file.info.compression) && !args.level && recent.newestFirst.length === 0 && recent.exhausted) {
          recent.notes.push(`${file.info.name} is empty once decompressed (${file.stats.size} bytes of ${file.info.compression ?? 'gzip'}, no text): the log was empty when it was rotated`);
        }
        // With a level filter, lines without a recognisable level can never be returned: say how many there are, and
        // which of them read as errors by their text, as search_logs does (a "no ERROR lines" must not hide them).
        const textErrors = args.level ? await levellessTextErrors(ctx, file, args.level, { signal: extra.signal }, recent.notes, 'read them with search_logs or recent_logs without level (see textErrors)') : undefined;
        // The lines name the file they are in now, when it was rotated while it was read.
        const rotated = await noteRotation(recent.notes, file.info.name, openedIdentity(file));
        const output = recentOutput(rotated ? { ...file, info: { ...file.info, name: rotated } } : file, parser, recent);
        return toolResult(textErrors ? { ...output, textErrors } : output);
      } finally {
        await closeQuietly(file.handle);
      }
    }),
  );
}


/**
 * Without a named file, the log file to read among `files` (the listing, newest first, not empty): the most recently
 * written one that holds bytes (the newest when none does), with a note naming the newer empty ones passed over. Right
 * after a rotation the newest file is the one logrotate just created or truncated (create, copytruncate) and holds
 * nothing, while the lines written until a moment ago are in the file rotated away: "no recent lines" would be a wrong
 * answer (break20).
 */
function newestWithBytes(files: readonly LogFileInfo[], notes: string[]): string {
  const index = files.findIndex((f) => f.size > 0);
  if (index <= 0) return files[0].name;
  const empty = files.slice(0, index).map((f) => f.name);
  notes.push(`${someNames(empty)} ${empty.length === 1 ? 'is' : 'are'} empty (0 bytes: just rotated or truncated); showing ${files[index].name}, the most recently written log file with lines`);
  return files[index].name;
}

/**
 * Without a named file, the file to read (newestWithBytes) that the server may open: the most recently written log is
 * often one it may not (an auth log written 0600 by a daemon, which logs more often than anything else), and failing
 * the call on it hid the readable files behind it (break29). The files passed over are named in `notes`. Throws the
 * permission error when no listed file may be opened, and any other error of opening as it is.
 */
async function openNewest(ctx: LogsContext, files: readonly LogFileInfo[], notes: string[]): Promise<OpenedLog> {
  const denied: PermissionDeniedError[] = [];
  let candidates = files;
  for (;;) {
    const chosen: string[] = [];
    const name = newestWithBytes(candidates, chosen);
    try {
      const file = await ctx.open(name);
      if (denied.length > 0) notes.push(...deniedFilesNotes(denied), `showing ${name}, the most recently written log file this server may read`);
      notes.push(...chosen);
      return file;
    } catch (error) {
      if (!(error instanceof PermissionDeniedError)) throw error;
      denied.push(error);
      candidates = candidates.filter((f) => f.name !== name);
      if (candidates.length === 0) throw denied.length === 1 ? error : new UserFacingError(`no log file here may be read: ${deniedFilesNotes(denied, 0, false)[0]}`);
    }
  }
}

/**
 * Without a named file, the file is chosen among files only: the sources (containers, journal units) written after it,
 * running containers first, are named with what to do, so that a month-old file is not read as what is being logged
 * now while a container writes (break20). Undefined when none is newer.
 */
async function newerSourcesNote(ctx: LogsContext, file: OpenedLog, signal?: AbortSignal): Promise<string | undefined> {
  const { sources } = await ctx.sources.list({}, signal);
  const newer = newestSources(sources.filter((s) => s.running || (s.lastWritten !== undefined && s.lastWritten > file.stats.mtimeMs)), sources.length).read;
  if (newer.length === 0) return undefined;
  const named = someNames(newer.map((s) => `${s.name} (${s.running ? 'running' : `last written ${iso(s.lastWritten)}`})`));
  return `${newer.length === 1 ? 'a source was' : `${newer.length} sources were`} written after ${file.info.name} (last written ${iso(file.stats.mtimeMs)}): ${named}; name one in file to read its newest lines`;
}

/** Rotated copies of a log are named after it: app.log.1, app.log.2.gz, app.log-20261201 (logrotate, Python, log4j). */
function isRotatedFrom(name: string, candidate: string): boolean {
  return candidate.length > name.length && candidate.startsWith(name) && /[.\-_]/.test(candidate[name.length]);
}

/**
 * What to say of a file that holds nothing: that it is empty and, when the listing has one, its newest rotated copy
 * with lines (named after it: isRotatedFrom), where the lines written before the rotation are.
 */
function emptyFileNote(files: readonly LogFileInfo[], file: OpenedLog): string {
  const name = file.info.name;
  const rotated = files.find((f) => f.size > 0 && isRotatedFrom(name, f.name));
  const where = rotated
    ? `the lines before are most likely in ${rotated.name} (last written ${iso(rotated.mtimeMs)}), its newest rotated copy`
    : 'it was rotated or truncated, or nothing has been written to it yet';
  return `${name} is empty (0 bytes, last written ${iso(file.stats.mtimeMs)}): ${where}`;
}

/**
 * Reads the file backwards until `args.lines` lines (at or above `args.level`) are kept. With a level, continuation
 * lines (stack traces) are held until the entry above them is read and go with it; the search stops after
 * MAX_SCAN_BYTES (plain) or the last MAX_DECODED_LINES lines (gzip, UTF-16), with a note.
 */
async function readRecent(file: OpenedLog, parser: LineParser, args: RecentArgs, settingNotes: readonly string[], signal?: AbortSignal): Promise<Recent> {
  const usesHeaders = parser.format.id !== 'unknown';
  const recent: Recent = { newestFirst: [], exhausted: true, notes: [] };
  // Continuation lines read so far (newest first), waiting for their entry's header above; `report` is the first line
  // of an exception's report among them nearest that header, whose level depends on the header (inheritedLevel).
  let pending: string[] = [];
  // The held lines of exceptions' reports by their place in `pending`: each may change the level of the lines below it.
  let reports = new Map<number, ParsedLine>();
  const accept = (line: Line) => {
    recent.newestFirst.push(line);
    return recent.newestFirst.length < args.lines;
  };
  /**
   * Hands over the held lines under a header of `level` (undefined: none above them; `logsReport`: the header's line
   * opened the report below it, continuation.ts opensLoggedReport); false when enough are kept. `whole`: the header
   * itself is kept next, so all its held lines are kept whatever the count: an entry is never cut from its header
   * (break33: `lines: 2` gave a traceback's last two lines, `KeyError: 'user_id'`, without the entry that raised it).
   */
  const settle = (level: Level | undefined, logsReport = false, whole = false): boolean => {
    const held = pending;
    const marked = reports;
    pending = [];
    reports = new Map();
    // Read down from the header, as the lines were written: a report's line gives its level to the lines below it.
    const levels: (Level | undefined)[] = new Array(held.length);
    let current = level;
    for (let i = held.length - 1; i >= 0; i--) {
      const parsed = marked.get(i);
      if (parsed !== undefined) current = inheritedLevel(parsed, current, logsReport);
      levels[i] = current;
    }
    for (let i = 0; i < held.length; i++) {
      if (!levelAtLeast(levels[i], args.level!)) continue;
      recent.newestFirst.push({ text: held[i], level: levels[i] });
      if (!whole && recent.newestFirst.length >= args.lines) return false;
    }
    return whole || recent.newestFirst.length < args.lines;
  };
  // A line with a level of its own and no time, read with the held lines below it: it may be the message of an empty
  // header above (continuation.ts underEntry), which only the next line that is not blank tells.
  let waiting: { text: string; parsed: ParsedLine; below: string[]; reports: Map<number, ParsedLine> } | undefined;
  /** Hands over the waiting line at its own level, with the held lines below it; false when enough are kept. */
  const ownWaiting = (): boolean => {
    if (!waiting) return true;
    const { text, parsed, below, reports: belowReports } = waiting;
    const blanks = pending;
    waiting = undefined;
    pending = below;
    reports = belowReports;
    const kept = levelAtLeast(ownLevel(parsed), args.level!);
    if (!settle(parsed.level, opensLoggedReport(parsed), kept)) return false;
    pending = blanks;
    return !kept || accept({ text, level: ownLevel(parsed), timestamp: parsed.timestamp });
  };
  /** The waiting line is the message of the empty header read now: held with the lines below it, at its level. */
  const messageOfHeader = () => {
    if (!waiting) return;
    const { text, parsed, below, reports: belowReports } = waiting;
    const line = underEntry(parsed, { awaitsMessage: true });
    const merged = new Map(belowReports);
    if (line.report !== undefined) merged.set(below.length, line);
    for (const [i, report] of reports) merged.set(below.length + 1 + i, report);
    pending = [...below, text, ...pending];
    reports = merged;
    waiting = undefined;
  };
  // Lines read so far from the end: a time of day without a date is dated by its line's number (format/clock-days.ts).
  let back = 0;
  // Entry lines without a level passed over (a level filter passes none: their level is unknown).
  let levelless = 0;
  const onLine = (raw: string): boolean => {
    const text = sanitizeLine(raw, MAX_LINE_CHARS);
    const parsed = parseLine(parser, raw, lineFromEnd(parser.fileIndex, back++));
    if (!args.level) return accept({ text, level: parsed.level, timestamp: parsed.timestamp });
    if (waiting && !isWordless(parsed)) {
      if (!inheritsLevel(parsed) && awaitsMessage(parsed)) messageOfHeader();
      else if (!ownWaiting()) return false;
    }
    if (usesHeaders && parsed.level !== undefined && parsed.timestamp === undefined && parsed.standalone !== true) {
      waiting = { text, parsed, below: pending, reports };
      pending = [];
      reports = new Map();
      return true;
    }
    if (usesHeaders && inheritsLevel(parsed)) {
      // A continuation line or an entry's part (PostgreSQL DETAIL:): its level is that of the entry above it, read next.
      if (pending.length < MAX_CONTINUATION) {
        if (parsed.report !== undefined) reports.set(pending.length, parsed);
        pending.push(text);
      }
      return true;
    }
    const kept = levelAtLeast(ownLevel(parsed), args.level);
    if (ownLevel(parsed) === undefined && parsed.standalone !== true && parsed.message.trim().length > 0) levelless++;
    if (!settle(parsed.level, opensLoggedReport(parsed), kept)) return false;
    if (!kept) return true;
    return accept({ text, level: ownLevel(parsed), timestamp: parsed.timestamp });
  };
  // One line more than asked tells whether the file has earlier lines (a decoded file keeps only what it is asked to).
  const decodedLines = args.level ? MAX_DECODED_LINES : args.lines + 1;
  const joined = joinedBackwards(parser, onLine);
  const outcome = await readLinesBackwards(tailOf(file), { onLine: joined.onLine, signal, decodedLines, maxBytes: args.level ? MAX_SCAN_BYTES : undefined });
  joined.end();
  const more = ownWaiting();
  // Lines above the file's first header: an exception's report there is read under no entry.
  if (more && args.level && outcome.reachedStart && recent.newestFirst.length < args.lines) settle(undefined);
  recent.exhausted = outcome.reachedStart;
  // HAProxy's `Server be/web1 is DOWN` among access lines has no level: passed over by a level filter, it is said so.
  if (args.level && levelless > 0) recent.notes.push(`${file.info.name}: ${levelless.toLocaleString('en-US')} entry line(s) without a level were passed over among the lines read: the level filter cannot pass them, as their level is unknown; read them without level`);
  if (args.level && recent.newestFirst.length > args.lines) recent.notes.push(`${recent.newestFirst.length} lines for the ${args.lines} asked: the oldest entry shown is kept whole, with the lines under it, rather than cut from its header`);
  noteDamage(recent.notes, file.info.name, outcome.damage);
  if (outcome.nulTail !== undefined) recent.notes.push(`${file.info.name} ends in ${Math.round(outcome.nulTail / 1048576)} MiB or more of NUL bytes (space its writer set aside and has not filled, or blocks lost in a crash): they are no line, and the lines shown are the last ones before them`);
  noteLegacyText(recent.notes, file, settingNotes);
  // Legacy text left undecoded, said so by its opening or (compressed) by its reader, is no binary file.
  if (!file.info.legacyText && !outcome.damage?.includes(UNDECODED_OPENING)) noteNotText(recent.notes, file.info.name, recent.newestFirst.map((l) => l.text));
  if (isDecoded(file.info) && !isLegacyOnly(file.info) && args.level) recent.notes.push(`${file.info.gzip || file.info.compression ? 'compressed' : file.info.charset === 'mixed' ? 'mixed-encoding' : 'UTF-16'} file: only its last ${MAX_DECODED_LINES} lines were searched for the level`);
  else if (!outcome.reachedStart && recent.newestFirst.length < args.lines) recent.notes.push(`stopped after reading the last ${Math.round(outcome.bytesRead / 1048576)} MiB`);
  return recent;
}

/** Share of a text's characters that were not UTF-8 (U+FFFD) above which it is not taken for text. */
const NOT_TEXT_SHARE = 0.1;

/**
 * A note when the lines returned do not read as text: most of a binary file's bytes (a core dump, a database, a
 * compressed archive named `.log`) are not UTF-8, and its "last lines" were returned as runs of U+FFFD without a
 * word (break30). A legacy charset's text (EUC-KR) has its own note (noteLegacyText) and is not checked here.
 */
function noteNotText(notes: string[], name: string, lines: readonly string[]): void {
  let chars = 0;
  let replaced = 0;
  for (const line of lines) {
    chars += line.length;
    for (let at = line.indexOf('\uFFFD'); at !== -1; at = line.indexOf('\uFFFD', at + 1)) replaced++;
  }
  if (replaced < 16 || replaced < chars * NOT_TEXT_SHARE) return;
  notes.push(`${name}: these lines do not read as text (${Math.round((100 * replaced) / chars)}% of their characters are bytes that are not UTF-8): it looks like a binary file (or one compressed under a log's name), shown as read`);
}

/** The tool's answer for a file. */
function recentOutput(file: OpenedLog, parser: LineParser, recent: Recent): Output {
  return linesOutput(recent, { file: file.info.name, format: parser.format.id, sizeBytes: file.stats.size, modified: iso(file.stats.mtimeMs)! });
}

/** The tool's answer: lines oldest first; when cut to the shared byte budget, the newest lines stay. */
function linesOutput(recent: Recent, about: Pick<Output, 'file' | 'source' | 'format' | 'sizeBytes' | 'modified'>): Output {
  const newestFirst = recent.newestFirst.map((l) => ({
    text: l.text,
    ...(l.level ? { level: l.level } : {}),
    ...(l.timestamp !== undefined ? { timestamp: iso(l.timestamp) } : {}),
    ...(l.stream ? { stream: l.stream } : {}),
  }));
  const truncated = !recent.exhausted;
  const fitted = fitToBudget(newestFirst, (kept): Output => {
    const lines = [...kept].reverse();
    return { ...about, lines, returned: lines.length, truncated, notes: recent.notes };
  });
  return { ...fitted.value, truncated: truncated || fitted.cut };
}
