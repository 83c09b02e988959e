// logs://files (the log files with size, time and detected format, and the journal/container sources),
// logs://file/{path} (a file's tail) and logs://source/{name} (a source's tail).
import { ResourceTemplate, type McpServer, type ReadResourceCallback } from '@modelcontextprotocol/sdk/server/mcp.js';
import { sanitizeLine } from '../../shared/sanitize';
import { SERVICE_COUNT_BYTES, type FileServices } from '../files/record-services';
import { readFileName, readSourceName } from '../tools/listed-names';
import { InvalidArgumentError } from '../../shared/tool-result';
import { decodeUriPart } from '../../shared/resource-errors';
import { binaryLogsNote, documentsNote, tablesNote, hiddenNote, linkedOutsideNote, noAccessNote, otherCompressedNote, otherFilesNote, streamLinksNote, tooDeepNote } from '../files/log-files';
import { closeQuietly, tailOf, type LogsContext } from '../tools/context';
import { lastLines } from '../io/tail';
import { isSourceName } from '../sources/types';
import { isoInLocalZone } from '../../shared/local-time';

const TAIL_LINES = 200;
const FORMAT_DETECTION_LIMIT = 200;

export function fileUri(name: string): string {
  return `logs://file/${encodeURIComponent(name)}`;
}

export function sourceUri(name: string): string {
  return `logs://source/${encodeURIComponent(name)}`;
}

/** Registers logs://files and the template logs://file/{path} on `server`. */
export function registerResources(server: McpServer, ctx: LogsContext): void {
  server.registerResource(
    'log-files',
    'logs://files',
    {
      title: 'Log files',
      description:
        'Log files in the configured directories (name, relative path, directory, size, modified time, detected format; skippedDirectories: configured ones that cannot be read, and why), and the sources ' +
        '(journal units, containers: name, kind, host, unit, container, location) with sourceProblems saying what keeps others away',
      mimeType: 'application/json',
    },
    fileList(ctx),
  );
  server.registerResource(
    'log-file',
    new ResourceTemplate('logs://file/{path}', {
      list: async () => ({
        resources: (await ctx.listFiles()).files.map((f) => ({ uri: fileUri(f.name), name: f.name, mimeType: 'text/plain', description: `${f.size} bytes` })),
      }),
      complete: { path: (value) => completeName(ctx, value) },
    }),
    { title: 'Log file tail', description: `The last ${TAIL_LINES} lines of one log file (names as in logs://files, URL-encoded)`, mimeType: 'text/plain' },
    async (uri, variables) => {
      const raw = Array.isArray(variables.path) ? variables.path.join(',') : variables.path;
      return { contents: [{ uri: uri.href, mimeType: 'text/plain', text: await fileTail(ctx, decodeUriPart(String(raw ?? ''), 'file name')) }] };
    },
  );
  server.registerResource(
    'log-source',
    new ResourceTemplate('logs://source/{name}', {
      list: async () => ({
        resources: (await ctx.sources.list()).sources.map((s) => ({ uri: sourceUri(s.name), name: s.name, mimeType: 'text/plain', description: s.location })),
      }),
    }),
    {
      title: 'Log source tail',
      description: `The last ${TAIL_LINES} lines of a journal unit or container as "time [stream] text" (names as in logs://files, URL-encoded)`,
      mimeType: 'text/plain',
    },
    async (uri, variables) => {
      const raw = Array.isArray(variables.name) ? variables.name.join(',') : variables.name;
      return { contents: [{ uri: uri.href, mimeType: 'text/plain', text: await sourceTail(ctx, decodeUriPart(String(raw ?? ''), 'source name')) }] };
    },
  );
}

/** The last TAIL_LINES records of a source, "time [stream] text" (what journalctl -n / docker logs --tail -t show). */
async function sourceTail(ctx: LogsContext, given: string): Promise<string> {
  if (!isSourceName(given)) throw new InvalidArgumentError(`not a source name: ${given} (names start with journal: or docker:, see logs://files)`);
  // A name as shown (its invisible characters written out) is read as the tools read it (tools/listed-names.ts).
  const { name } = await readSourceName(ctx, given);
  const out: string[] = [];
  for await (const record of ctx.sources.read(name, { tail: TAIL_LINES })) {
    const time = record.time !== undefined ? isoInLocalZone(record.time) : '-';
    out.push(`${time}${record.stream ? ` [${record.stream}]` : ''} ${sanitizeLine(record.text, 2000)}`);
  }
  return out.join('\n');
}

/**
 * A file of record batches' `services` in the listing (what search_logs' and error_summary's `service` takes), counted
 * over the whole file, or why they were not counted; nothing for another file.
 */
function servicesField(services: FileServices | 'not counted' | undefined): Record<string, unknown> {
  if (services === undefined) return {};
  if (services === 'not counted') return { services: `not counted: larger than ${SERVICE_COUNT_BYTES / 1024 / 1024} MB to read for a listing; search it with service to read one` };
  return { ...services };
}

/** logs://files as JSON: every listed file, its format detected for the first FORMAT_DETECTION_LIMIT. */
function fileList(ctx: LogsContext): ReadResourceCallback {
  return async (uri) => {
    const { files, truncated, omitted, linkedOutside, tooDeep, hidden, noAccess, otherCompressed, streamLinks, documents, tables, binaryLogs, otherFiles } = await ctx.listFiles();
    const out = [];
    for (let i = 0; i < files.length; i++) {
      const f = files[i];
      out.push({
        name: f.name,
        relativePath: f.relativePath,
        dir: f.dir,
        size: f.size,
        modified: isoInLocalZone(f.mtimeMs),
        compressed: f.gzip || f.compression !== undefined,
        format: i < FORMAT_DETECTION_LIMIT ? ((await ctx.formatOf(f)) ?? 'unreadable') : 'not detected',
        uri: fileUri(f.name),
        ...(i < FORMAT_DETECTION_LIMIT ? servicesField(await ctx.servicesOf(f)) : {}),
      });
    }
    const listing = await ctx.sources.list();
    const sources = listing.sources.map((s) => ({ ...s, uri: sourceUri(s.name) }));
    // `omitted`: older log files left out of a full list (the newest are listed).
    // `linkedOutside`: log-file names linking to files outside the directories, not read (with what to do).
    // `tooDeep`: folders the walk did not enter (too far down), whose log files are not listed.
    // `hidden`: hidden folders holding log files, which the walk does not enter.
    // `noAccess`: folders the server may not open (permission denied), whose log files are not listed.
    // `otherCompressed`: rotated logs in compressions the server cannot read (bzip2, xz, zstd, lz4).
    // `streamLinks`: log-file names linking to /dev/stdout or /dev/stderr (a container image's), which no file backs.
    const linked = linkedOutside ? { linkedOutside: { ...linkedOutside, note: linkedOutsideNote(linkedOutside) } } : {};
    const deep = tooDeep ? { tooDeep: { ...tooDeep, note: tooDeepNote(tooDeep) } } : {};
    const hiddenLogs = hidden ? { hidden: { ...hidden, note: hiddenNote(hidden) } } : {};
    const closed = noAccess ? { noAccess: { ...noAccess, note: noAccessNote(noAccess) } } : {};
    const compressed = otherCompressed ? { otherCompressed: { ...otherCompressed, note: otherCompressedNote(otherCompressed) } } : {};
    const streams = streamLinks ? { streamLinks: { ...streamLinks, note: streamLinksNote(streamLinks) } } : {};
    // `documents`: `.json`/`.txt` files whose start reads as a document (package.json, LICENSE.txt), not listed.
    const notLogs = documents ? { documents: { ...documents, note: documentsNote(documents) } } : {};
    // `tables`: `.csv` files whose start reads as a data table (no level nor time column), not listed.
    const dataTables = tables ? { tables: { ...tables, note: tablesNote(tables) } } : {};
    // `binaryLogs`: logs in a binary format (.evtx, journal files, wtmp), with how to read each kind; `otherFiles`: the
    // files whose names are no log's, so that the listing accounts for every file the folders hold.
    const binary = binaryLogs ? { binaryLogs: { ...binaryLogs, note: binaryLogsNote(binaryLogs) } } : {};
    const others = otherFiles ? { otherFiles: { ...otherFiles, note: otherFilesNote(otherFiles) } } : {};
    const skippedDirectories = ctx.skippedDirs.length > 0 ? { skippedDirectories: ctx.skippedDirs } : {};
    const body = { directories: ctx.dirs.map((d) => d.path), ...skippedDirectories, files: out, truncated, omitted, ...linked, ...deep, ...hiddenLogs, ...closed, ...compressed, ...streams, ...notLogs, ...dataTables, ...binary, ...others, sources, sourceProblems: listing.problems };
    return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(body, null, 2) }] };
  };
}

/** File names for a typed prefix: those starting with it first, then those containing it (case-insensitive), at most 100. */
async function completeName(ctx: LogsContext, value: string): Promise<string[]> {
  const lower = decodeUriPart(value, 'file name').toLowerCase();
  const all = (await ctx.listFiles()).files.map((f) => f.name);
  const starts = all.filter((n) => n.toLowerCase().startsWith(lower));
  const contains = all.filter((n) => !n.toLowerCase().startsWith(lower) && n.toLowerCase().includes(lower));
  return [...starts, ...contains].slice(0, 100);
}

/** The last TAIL_LINES lines of a named file, sanitized, one per line. */
async function fileTail(ctx: LogsContext, name: string): Promise<string> {
  const file = await ctx.open((await readFileName(ctx, name)).name);
  try {
    const lines = await lastLines(tailOf(file), TAIL_LINES);
    return lines.map((l) => sanitizeLine(l, 2000)).join('\n');
  } finally {
    await closeQuietly(file.handle);
  }
}
