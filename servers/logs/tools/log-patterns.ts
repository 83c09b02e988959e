// The `log_patterns` tool: the MCP face of patterns/log-patterns.ts (input schema, description, progress).
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { READ_ONLY } from '../../shared/annotations';
import { progressReporter, progressTicks, type ProgressTick } from '../../shared/progress';
import { futureWindowNote, resolveWindow, timeFields, WINDOW_RULE, type TimeWindow } from '../../shared/time-window';
import { guarded, toolResult, UserFacingError } from '../../shared/tool-result';
import { logPatterns, logPatternsResultShape, type LogPatternsContext } from '../patterns/log-patterns';
import { clockNote, encodingSchema, levelInput, newestEntry, repeatedTimeNote, windowMissNote, yearNote } from './common';
import { closeQuietly, withEncoding, type LogsContext } from './context';
import { exampleText, logPatternsContext, serviceOnly, sourcePatternsContext } from './log-patterns-files';
import { sourceWindowNote } from './sources';
import { chooseInputs, recordFilesOnly, serviceField, SOURCE_NAMES_TEXT, sourceFilterFields, type FileAndFilter, type SourceRef } from './sources';
import { sanitizeLine } from '../../shared/sanitize';
import { strictInput } from '../../shared/strict-input';
import { SEEK_RULE } from '../io/time-seek';

/** The one log the call reads: a file name, or a source. Throws UserFacingError when none or several are selected. */
async function oneInput(ctx: LogsContext, args: FileAndFilter, signal?: AbortSignal, onProgress?: ProgressTick): Promise<string | SourceRef> {
  const filtered = args.unit !== undefined || args.container !== undefined || args.host !== undefined;
  // With a unit, container or host filter too, chooseInputs says that they choose different things.
  if (args.file === undefined && args.service !== undefined && !filtered) return oneRecordFile(ctx, args.service, signal);
  if (args.file === undefined && !filtered) {
    throw new UserFacingError('name the log in file (a file or a source from logs://files), or select one source with unit, container or host');
  }
  const inputs = await chooseInputs(ctx, args, undefined, signal, onProgress);
  const all: (string | SourceRef)[] = [...inputs.files, ...inputs.sources];
  if (all.length === 1) return inputs.sources.length === 1 ? inputs.sources[0] : inputs.files[0];
  const names = all.map((i) => (typeof i === 'string' ? i : i.name));
  throw new UserFacingError(`log_patterns reads one log and ${names.length} match: ${names.slice(0, 20).join(', ')}${names.length > 20 ? ', …' : ''}; name one in file`);
}

/**
 * The one file of record batches (an OTLP file export, a CloudTrail file) that holds `service`, for `service` without
 * `file`, as search_logs reads every such file for it: the record files listed, narrowed to those whose services (as
 * logs://files counts them) name it when there are several (a file too large to count stays a candidate). Throws
 * UserFacingError when there is none or several (naming them).
 */
async function oneRecordFile(ctx: LogsContext, service: string, signal?: AbortSignal): Promise<string> {
  const records: string[] = [];
  const holding: string[] = [];
  for (const info of (await ctx.listFiles()).files) {
    const services = await ctx.servicesOf(info, signal);
    if (services === undefined) continue;
    records.push(info.name);
    if (services === 'not counted' || services.services.some((s) => s.service === service)) holding.push(info.name);
  }
  const shown = sanitizeLine(service, 256);
  if (records.length === 1) return records[0];
  if (records.length === 0) {
    throw new UserFacingError(`no file of record batches (an OpenTelemetry collector's file export, a CloudTrail file) is here to hold service ${shown}: the other log files' lines name no service`);
  }
  if (holding.length === 1) return holding[0];
  const named = holding.length > 0 ? holding : records;
  throw new UserFacingError(`log_patterns reads one log and ${named.length} files of record batches may hold service ${shown}: ${named.slice(0, 20).join(', ')}${named.length > 20 ? ', …' : ''}; name one in file (logs://files lists each one's services)`);
}

/**
 * What a time window on file `name` may have got wrong, as search_logs says it (common.ts): times read in the wrong
 * zone (clockNote), a window edge in a span the server's zone lives twice (repeatedTimeNote), and, when the window held
 * no line (`empty`), where the file's entries are (windowMissNote). None without a window.
 */
async function fileWindowNotes(ctx: LogsContext, name: string, window: TimeWindow, empty: boolean): Promise<string[]> {
  if (window.since === undefined && window.until === undefined) return [];
  const future = futureWindowNote(window);
  const file = await ctx.open(name);
  try {
    const newest = await newestEntry(ctx, file);
    const notes = [future, clockNote(file, newest), yearNote(file, newest), repeatedTimeNote(file, window.since, window.until), empty ? await windowMissNote(ctx, file, window.since, window.until) : undefined];
    return notes.filter((note): note is string => note !== undefined);
  } finally {
    await closeQuietly(file.handle);
  }
}

export const logPatternsInput = {
  file: z
    .string()
    .min(1)
    .max(1024)
    .optional()
    .describe(`Log file name as listed by logs://files (relative to its log directory), ${SOURCE_NAMES_TEXT}; may be omitted when unit, container or host selects one source.`),
  ...sourceFilterFields,
  ...serviceField,
  level: levelInput().optional().describe('Only lines at this level or above, any case (warn, WARNING, err, critical…) (e.g. WARN = WARN, ERROR and FATAL).'),
  ...timeFields('lines'),
  limit: z.number().int().min(1).max(500).default(50).describe('Most templates returned, largest first.'),
  lineNumbers: z.boolean().default(false).describe('Include, per template, the 1-based line numbers it covers (capped).'),
  encoding: encodingSchema,
};

type PatternsArgs = Parameters<typeof logPatterns>[1];

/**
 * log_patterns over the records of `args.service` in the file of record batches `args.file`, as search_logs reads them
 * (a record's source is its service): the other services' records are not mined, line numbers stay the file's record
 * positions, and linesRead counts the service's records. Throws UserFacingError for a file that holds no records.
 */
async function servicePatterns(ctx: LogsContext | undefined, reader: LogPatternsContext, args: PatternsArgs & { service: string }, signal: AbortSignal, onProgress: (lines: number) => void) {
  const notes: string[] = [];
  if (ctx) {
    const opened = await ctx.open(args.file);
    try {
      recordFilesOnly(args, notes).reads(opened);
    } finally {
      await closeQuietly(opened.handle);
    }
  }
  const only = serviceOnly(reader, args.service, args.lineNumbers === true);
  const result = await logPatterns(only.context, args, signal, onProgress);
  const templates = result.templates.map((t) => (t.lineNumbers ? { ...t, lineNumbers: t.lineNumbers.map(only.filePosition) } : t));
  if (result.linesRead === 0) notes.push(`no record of service ${sanitizeLine(args.service, 256)} in ${args.file} (logs://files lists each file's services)`);
  else if (ctx) notes.push(...(await fileWindowNotes(ctx, args.file, resolveWindow(args), result.linesMatched === 0)));
  const all = [...(result.notes ?? []), ...notes];
  return { ...result, templates, ...(all.length ? { notes: all } : {}) };
}

/**
 * Registers log_patterns: files read through `context`; sources (and file chosen by unit/container/host) through
 * `ctx`, without which `file` must name a file.
 */
export function registerLogPatternsTool(server: McpServer, context: LogPatternsContext, ctx?: LogsContext): void {
  server.registerTool(
    'log_patterns',
    {
      title: 'Log patterns (message templates)',
      description:
        'Groups the lines of one log file into message templates, with variable parts (numbers, ids, IPs, paths, names) written <*>, ' +
        'largest first, with count, share, levels, first/last seen and example lines. Use it to see what a log is made of, ' +
        'which kinds of errors dominate (level: "ERROR"), or what changed in a time window (since/until), before searching for specific lines. ' +
        'Works on any format (logcat, Apache, log4j/Java, syslog, JSON lines, logfmt, …) and on a journal unit or container named in file. ' +
        'lineNumbers: true adds the line numbers of each template (for a source: positions in the records read). ' +
        "With service, only that service's records in a file of record batches (an OpenTelemetry file export, a CloudTrail file), as search_logs reads them. " +
        `Time window: ${WINDOW_RULE}. ${SEEK_RULE}.`,
      inputSchema: strictInput(z.object(logPatternsInput)),
      outputSchema: logPatternsResultShape,
      annotations: READ_ONLY,
    },
    guarded(async (args, extra) => {
      // Progress counts lines read (the total is unknown until the end), every PROGRESS_EVERY lines.
      const report = progressReporter(extra);
      const onProgress = (lines: number) => void report(lines, `${lines} lines read`);
      const tick = progressTicks(extra);
      const file = ctx ? await oneInput(ctx, args, extra.signal, tick) : args.file;
      if (file === undefined) throw new UserFacingError('name the log file in file (see logs://files)');
      if (typeof file === 'string') {
        // A charset named by the call, or a window a large file may be sought in for: the file is opened (and read)
        // through a context of this call's own. The window is resolved here a moment before logPatterns resolves it: a
        // relative since is then a little earlier, and the seek starts no later than the miner's window.
        const since = resolveWindow(args).since;
        const reader = ctx && (args.encoding !== undefined || since !== undefined) ? logPatternsContext(withEncoding(ctx, args.encoding), { since }) : context;
        if (args.service !== undefined) return toolResult(await servicePatterns(ctx, reader, { ...args, file, service: args.service }, extra.signal, onProgress));
        const result = await logPatterns(reader, { ...args, file }, extra.signal, onProgress);
        const notes = [...(result.notes ?? []), ...(ctx ? await fileWindowNotes(ctx, file, resolveWindow(args), result.linesMatched === 0) : [])];
        return toolResult({ ...result, ...(notes.length ? { notes } : {}) });
      }
      const window = resolveWindow(args);
      const result = await logPatterns(sourcePatternsContext(ctx!, file, window, tick), { ...args, file: file.name }, extra.signal, onProgress);
      const empty = result.linesRead === 0 ? await sourceWindowNote(ctx!, file, window, extra.signal) : undefined;
      const future = futureWindowNote(window);
      const notes = [...(future ? [future] : []), ...(result.notes ?? []), ...(empty ? [empty] : [])];
      return toolResult({ ...result, templates: result.templates.map((t) => ({ ...t, examples: t.examples.map(exampleText) })), ...(notes.length ? { notes } : {}) });
    }),
  );
}
