// search_logs: lines matching a literal or regex in one log file or all of them, with level, time and context filters.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { READ_ONLY } from '../../shared/annotations';
import { fitToBudget } from '../../shared/output-budget';
import { progressReporter, throttleProgress, type HandlerExtra } from '../../shared/progress';
import { resolveWindow, timeFields, WINDOW_RULE } from '../../shared/time-window';
import { guarded, toolResult, UserFacingError } from '../../shared/tool-result';
import type { OpenedLog } from '../files/log-files';
import { compilePattern, REGEX_DIALECT } from '../search/dialect';
import type { ScanMatch, ScanRequest } from '../search/types';
import { chooseFiles, forEachLogFile, iso, levelFilterNote, levelSchema, noteDamage } from './common';
import { targetOf, type LogsContext } from './context';

const MAX_LINE_CHARS = 1000;

const inputSchema = z.object({
  pattern: z.string().max(1000).optional().describe('text to find (literal unless regex is true); omit to match every line (then filter by level/time)'),
  regex: z.boolean().default(false).describe(`treat pattern as a regular expression in ${REGEX_DIALECT} (the same for every file and engine; \\w, \\d and \\b are ASCII-only, use \\p{L} for letters of any script)`),
  caseSensitive: z.boolean().default(false),
  file: z.string().max(1024).optional().describe('log file name as listed in logs://files; omit to search all log files'),
  level: levelSchema.optional().describe('minimum level: WARN returns WARN, ERROR and FATAL lines'),
  ...timeFields('lines'),
  before: z.number().int().min(0).max(20).default(0).describe('context lines before each match'),
  after: z.number().int().min(0).max(20).default(0).describe('context lines after each match'),
  limit: z.number().int().min(1).max(500).default(50).describe('most matches to return'),
  order: z.enum(['newest', 'oldest']).default('newest').describe('newest-first (default) or oldest-first'),
});

const matchSchema = z.object({
  file: z.string(),
  line: z.number().describe('1-based line number in the file (decompressed for .gz)'),
  text: z.string(),
  level: levelSchema.optional(),
  timestamp: z.string().optional(),
  before: z.array(z.string()).optional(),
  after: z.array(z.string()).optional(),
});

const outputSchema = z.object({
  matches: z.array(matchSchema),
  returned: z.number(),
  totalMatches: z.number().describe('matching lines seen; a lower bound when truncated'),
  truncated: z.boolean().describe('more matches exist than returned (limit, output size, or files not searched)'),
  files: z.array(z.object({ file: z.string(), engine: z.enum(['ripgrep', 'node']), matches: z.number(), complete: z.boolean(), format: z.string().optional() })),
  notes: z.array(z.string()),
});

export type SearchOutput = z.infer<typeof outputSchema>;
type SearchArgs = z.infer<typeof inputSchema>;
type FoundMatch = ScanMatch & { file: string };

export function validatePattern(pattern: string, regex: boolean, caseSensitive: boolean): void {
  if (!regex) return;
  try {
    compilePattern({ source: pattern, literal: false, caseSensitive });
  } catch (error) {
    throw new UserFacingError(`invalid regular expression: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function registerSearchLogs(server: McpServer, ctx: LogsContext): void {
  server.registerTool(
    'search_logs',
    {
      title: 'Search logs',
      description:
        'Find lines in the log files matching a literal text or a regular expression, optionally only at or above a level ' +
        '(e.g. ERROR), inside a time window, with context lines. Use it to look up a specific error, request id, host or ' +
        'message; newest matches first by default. Searches all log files unless `file` is given (see logs://files). ' +
        `Regular expressions use ${REGEX_DIALECT} for every file, plain or .gz: \\p{…} property escapes, lookaround and ` +
        'backreferences work; \\w, \\d and \\b are ASCII-only as in JavaScript (write \\p{L} or [\\p{L}\\p{N}_] for letters of any script). ' +
        `For an overview of what went wrong use error_summary instead. Time window: ${WINDOW_RULE}.`,
      inputSchema,
      outputSchema,
      annotations: READ_ONLY,
    },
    guarded(async (args, extra) => {
      const request = scanRequestOf(args);
      const { names, totalBytes } = await chooseFiles(ctx, args.file, args.order);
      const found = await searchFiles(ctx, names, args, request, extra, totalBytes);
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
    pattern: pattern ? { source: pattern, literal: !args.regex, caseSensitive: args.caseSensitive } : undefined,
    minLevel: args.level,
    since,
    until,
    before: args.before,
    after: args.after,
    limit: args.limit,
    order: args.order,
    maxLineChars: MAX_LINE_CHARS,
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
  const left = await forEachLogFile(ctx, names, { single: args.file !== undefined, signal: extra.signal, notes: found.notes }, async (file: OpenedLog) => {
    const onProgress = (bytes: number) => progress(doneBytes + bytes, `searching ${file.info.name}`);
    const result = await ctx.scans.scanFile(targetOf(file), { ...request, limit: args.limit - found.matches.length }, { ripgrep: ctx.ripgrep, signal: extra.signal, onProgress });
    doneBytes += file.stats.size;
    found.totalMatches += result.totalMatches;
    if (!result.complete) found.truncated = true;
    noteDamage(found.notes, file.info.name, result.damage);
    if (args.level) {
      const note = await levelFilterNote(ctx, file);
      if (note) found.notes.push(note);
    }
    if (result.untimed > 0) found.notes.push(`${file.info.name}: ${result.untimed} matching line(s) without a readable timestamp were left out by the time filter`);
    found.files.push({ file: file.info.name, engine: result.engine, matches: result.totalMatches, complete: result.complete, format: result.formatId });
    for (const m of result.matches) found.matches.push({ ...m, file: file.info.name });
    return found.matches.length < args.limit;
  });
  if (left > 0) {
    found.truncated = true;
    found.notes.push(`stopped before ${left} more file(s): limit reached`);
  }
  void report(doneBytes);
  return found;
}

/** The tool's answer: matches as JSON, cut to the shared byte budget, with notes saying what was left out and why. */
function searchOutput(found: Found, args: SearchArgs, request: ScanRequest): SearchOutput {
  const { files, notes, totalMatches } = found;
  const truncated = found.truncated || totalMatches > found.matches.length;
  const matches = found.matches.slice(0, args.limit).map((m) => ({
    file: m.file,
    line: m.line,
    text: m.text,
    ...(m.level ? { level: m.level } : {}),
    ...(m.timestamp !== undefined ? { timestamp: iso(m.timestamp) } : {}),
    ...(m.before ? { before: m.before } : {}),
    ...(m.after ? { after: m.after } : {}),
  }));
  const fitted = fitToBudget(matches, (kept): SearchOutput => ({ matches: [...kept], returned: kept.length, totalMatches, truncated, files, notes }));
  if (fitted.cut) notes.push('output cut to stay within the size budget: narrow the search or lower limit/context');
  const pattern = request.pattern?.source;
  if (totalMatches === 0 && pattern && !args.regex && /[\\^$|()[\]*+?]/.test(pattern)) notes.push('the pattern was searched as literal text; set regex: true to use it as a regular expression');
  return { ...fitted.value, truncated: truncated || fitted.cut, notes };
}
