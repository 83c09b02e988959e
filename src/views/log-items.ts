// Log Files tree content from the logs server's logs://files resource.
import { isAbsolute, join, relative, sep } from 'node:path';
import { z } from 'zod';
import { formatBytes } from '../../servers/shared/bytes';
import { formatRelativeTime } from './format';
import { escapeMarkdown, type NodeSpec, type Translate } from './node';

/** Opens a compressed log file's text as the logs server reads it (log-source-document.ts), given its name and path. */
export const OPEN_COMPRESSED_LOG_COMMAND = 'devopsAssistant.openCompressedLog';

/** The logs server's resource of a log file's last lines (decompressed and decoded), by its name as the tools take it. */
export function logFileResourceUri(name: string): string {
  return `logs://file/${encodeURIComponent(name)}`;
}

const logFileSchema = z.object({
  /** The name the logs tools accept. */
  name: z.string(),
  relativePath: z.string().optional(),
  /** The log directory it was found in (as configured). */
  dir: z.string().optional(),
  /** Absolute path, when the server gives one. */
  path: z.string().optional(),
  size: z.number().default(0),
  mtimeMs: z.number().optional(),
  modified: z.string().optional(),
  gzip: z.boolean().optional(),
  /** Compressed (gzip, bzip2, xz, zstd, lz4): the editor cannot show its bytes, the logs server reads its text. */
  compressed: z.boolean().optional(),
  format: z.string().optional(),
  errorCount: z.number().optional(),
});

/** A journal unit or a container the logs server reads besides files (servers/logs/sources, SourceInfo). */
const logSourceSchema = z.object({
  /** The name the logs tools take in `file`: `journal:<unit>`, `journal:<host>/<unit>`, `docker:<container>`. */
  name: z.string(),
  /** 'journal' | 'docker'; other kinds are listed as they come. */
  kind: z.string(),
  host: z.string().optional(),
  unit: z.string().optional(),
  container: z.object({ id: z.string().optional(), image: z.string().optional(), state: z.string().optional(), status: z.string().optional() }).optional(),
  /** Where the data is, for people: "journal directory /var/log/journal/remote". */
  location: z.string().optional(),
  /** `logs://source/{name}`: its recent lines. */
  uri: z.string().optional(),
  errorCount: z.number().optional(),
  /** Epoch ms of its newest entry (journal: as the listing's scan saw it; an exited container: when it stopped). */
  lastWritten: z.number().optional(),
});

/** Places the server's walk did not read (servers/logs/files/log-files.ts UnreadPlaces): the first few folders. */
const unreadPlaces = z.object({ count: z.number(), folders: z.array(z.string()), more: z.boolean().optional() });
/** Rotated logs whose decompression tool is missing (log-files.ts UnreadCompressed): which files, which tools, how to install. */
const unreadCompressed = unreadPlaces.extend({
  files: z.array(z.string()).default([]),
  missing: z.array(z.object({ tool: z.string(), install: z.string() })).default([]),
});

export const logFilesResource = z.object({
  files: z.array(logFileSchema),
  truncated: z.boolean().optional(),
  /** Older log files left out of a full list (the server lists the newest). */
  omitted: z.number().int().nonnegative().optional(),
  directories: z.array(z.unknown()).optional(),
  sources: z.array(logSourceSchema).default([]),
  /** Why a source is not read ("Docker: permission denied on /var/run/docker.sock — add your user to the docker group"). */
  sourceProblems: z.array(z.string()).default([]),
  /** Folders the server's walk did not enter (too far down): their log files are not listed, but are read when named. */
  tooDeep: unreadPlaces.optional(),
  /** Hidden folders holding log files, which the walk does not enter. */
  hidden: unreadPlaces.optional(),
  /** Log-file names that link to files outside the log folders (never read). */
  linkedOutside: unreadPlaces.optional(),
  /** Folders the server may not open (permission denied). */
  noAccess: unreadPlaces.optional(),
  /** Rotated logs compressed with bzip2, xz, zstd or lz4 whose tool is missing (not read). */
  otherCompressed: unreadCompressed.optional(),
  /** `.json`/`.txt` files whose start reads as a document, not a log: not listed, but read when named (the first few named). */
  documents: z.object({ count: z.number(), names: z.array(z.string()), more: z.boolean().optional() }).optional(),
});
export type LogFilesResource = z.infer<typeof logFilesResource>;
export type LogFile = z.infer<typeof logFileSchema>;
export type LogSource = z.infer<typeof logSourceSchema>;

export function parseLogFilesResource(text: string): LogFilesResource {
  const parsed = logFilesResource.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`logs://files has an unexpected shape: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

/**
 * Files whose creation, change or deletion refreshes Log Files: the names the logs server (servers/logs/files/log-files.ts)
 * lists as logs by name alone, rotations included (one brace group: VS Code's globs do not nest them).
 */
export const LOG_FILE_GLOB =
  '**/{*.log,*.log.*,*.out,*.out.*,*.err,*.err.*,*.jsonl,*.ndjson,*.clef,*.trace,*.gz,*.1,*.2,*.3,syslog,syslog.*,messages,messages.*,dmesg,access_log,access_log.*,error_log,error_log.*}';
/**
 * Names that logs and documents share (servers/logs/files/document-names.ts isAmbiguousLogName): the server lists such a
 * file when its start reads as a log, so its events are filtered by maybeLogFileEvent.
 */
export const MAYBE_LOG_FILE_GLOB = '**/{*.txt,*.json,*.csv,*.tsv,*.tab}';

/**
 * Whether an event on a file of MAYBE_LOG_FILE_GLOB concerns Log Files, whose `listed` holds the absolute paths it shows:
 * a new file may be a log (only the server, reading it, can tell), a listed one changed or went; a document saved or
 * deleted (package.json, notes.txt) does not, so editing a project's documents does not reload the tree at each save.
 */
export function maybeLogFileEvent(kind: 'create' | 'change' | 'delete', path: string, listed: ReadonlySet<string>): boolean {
  return kind === 'create' || listed.has(path);
}

/**
 * The context key holding the absolute paths of the files Log Files lists: the menus offer "Summarize Errors" on them
 * (`resourcePath in …`) beside the names that always read as logs, so a `.csv` or `.txt` log the tree shows with its
 * errors can be summarised from the Explorer too, while a `notes.txt` elsewhere gets no entry.
 */
export const LISTED_LOG_FILES_CONTEXT = 'devopsAssistant.logFilePaths';

/** Where the file is on disk, or undefined when the listing does not say. */
export function logFilePath(file: LogFile): string | undefined {
  if (file.path && isAbsolute(file.path)) return file.path;
  if (file.dir && file.relativePath) return join(file.dir, file.relativePath);
  return undefined;
}

/** The name the logs tools take for an absolute path, from the listing; undefined when it is not a listed log file. */
export function logNameForPath(files: LogFile[], absolutePath: string, samePath: (a: string, b: string) => boolean): string | undefined {
  return files.find((file) => {
    const path = logFilePath(file);
    return path !== undefined && samePath(path, absolutePath);
  })?.name;
}

/**
 * The name the logs tools take for a file the listing does not hold, but which the server reads when it is named: its
 * path relative to the one log directory it is in, which the server resolves inside that directory. That is a file
 * the listing left out because it was full (the server lists the newest files), or one in a folder its walk does not
 * enter: a hidden folder (`.pm2/logs`, `.npm/_logs`) or one too far down that the listing names (break28: "Summarize
 * Errors" on `.pm2/logs/api-error.log` said the file was in no log directory), or a `.json`/`.txt` it left out as a
 * document (a console saved as text with no time or level). Undefined otherwise (the file is then
 * no log the server reads), or when the file is in no directory, or in several nested ones. With several
 * directories the name is the absolute path (a relative one is tried in each directory, and could read another file).
 */
export function unlistedLogName(resource: LogFilesResource, absolutePath: string, isInside: (dir: string, path: string) => boolean): string | undefined {
  const dirs = (resource.directories ?? []).filter((dir): dir is string => typeof dir === 'string' && isInside(dir, absolutePath));
  if (dirs.length !== 1) return undefined;
  const name = relative(dirs[0], absolutePath).split(sep).join('/');
  const inHiddenFolder = name.split('/').slice(0, -1).some((segment) => segment.startsWith('.'));
  const tooDeep = (resource.tooDeep?.folders ?? []).some((folder) => isInside(folder, absolutePath));
  // A .json/.txt left out as a document is read when named: the user who opens one knows it for a log (rev26a).
  const documents = resource.documents;
  // With several directories the listing's names start with the directory's label.
  const named = (listed: string) => listed === name || ((resource.directories ?? []).length > 1 && listed.endsWith(`/${name}`));
  const document = documents !== undefined && /\.(?:json|txt)$/i.test(name) && (documents.more === true || documents.names.some(named));
  if (!resource.truncated && !inHiddenFolder && !tooDeep && !document) return undefined;
  // With several directories the server tries a bare name in each in turn, so the same path in an earlier one would be
  // read instead: the absolute path, which it takes inside its own directory, names this file and no other.
  return (resource.directories ?? []).length > 1 ? absolutePath : name;
}

/**
 * What the Log Files view says above its items about the places the server's listing did not read (break28: the
 * listing said so to the tools, but the view showed a complete-looking list, with no word of a folder it could not
 * open, of logs in hidden folders, or of rotated logs it cannot decompress). One sentence per kind, in the UI's
 * language; undefined when there is none.
 */
export function unreadPlacesMessage(resource: LogFilesResource, t: Translate): string | undefined {
  const where = (places: z.infer<typeof unreadPlaces>) => `${places.folders.join(', ')}${places.more ? ', …' : ''}`;
  const lines: string[] = [];
  if (resource.noAccess) lines.push(t('Not listed: {0} folder(s) that cannot be opened (permission denied: {1}).', resource.noAccess.count, where(resource.noAccess)));
  if (resource.hidden) lines.push(t('Not listed: log files in {0} hidden folder(s) ({1}).', resource.hidden.count, where(resource.hidden)));
  if (resource.tooDeep) lines.push(t('Not listed: {0} folder(s) too far down ({1}).', resource.tooDeep.count, where(resource.tooDeep)));
  if (resource.linkedOutside) lines.push(t('Not read: {0} link(s) to files outside the log folders (into {1}).', resource.linkedOutside.count, where(resource.linkedOutside)));
  const compressed = resource.otherCompressed;
  if (compressed && compressed.missing.length > 0) {
    const files = `${compressed.files.join(', ')}${compressed.count > compressed.files.length ? ', …' : ''}`;
    const tools = compressed.missing.map((m) => `${m.tool} (${m.install})`).join(', ');
    lines.push(t('Not read: {0} rotated log(s) whose decompression tool is not installed: {1} (in {2}). Install {3}.', compressed.count, files, where(compressed), tools));
  } else if (compressed) {
    lines.push(t('Not read: {0} rotated log(s) compressed with bzip2, xz, zstd or lz4 ({1}).', compressed.count, where(compressed)));
  }
  return lines.length > 0 ? lines.join(' ') : undefined;
}

export interface LogBuildOptions {
  now: number;
  locale: string;
  t: Translate;
  /** Recent error counts by file or source name, when known. */
  errorCounts: ReadonlyMap<string, number>;
  /** Names whose log levels could not be read when they were counted: a 0 of theirs is shown as unknown. */
  levelsUnreadable?: ReadonlySet<string>;
  /** Files whose newest entry was dated after now when they were counted: a 0 of theirs is shown as unknown. */
  datedAhead?: ReadonlySet<string>;
  /** Files whose newest entry was dated before the window when they were counted (a copy of old logs): no 0 is shown. */
  datedBehind?: ReadonlySet<string>;
}

/** The window of the tree's error counts (error_summary's `hours: 24`), in ms. */
const RECENT_MS = 24 * 60 * 60 * 1000;

/** When `file` was last written (epoch ms), NaN when the listing does not say. */
const modifiedMs = (file: LogFile): number => file.mtimeMs ?? (file.modified ? Date.parse(file.modified) : NaN);

/**
 * Whether `file` was last written before the tree's 24-hour window: none of its entries can be recent. Its count is
 * not shown: "0 errors" beside a rotated archive holding a FATAL read as "this file is clean" (break28), and a count
 * taken while the file was young stays cached while its mtime does, though the window has moved past its errors.
 */
export function writtenBeforeWindow(file: LogFile, now: number): boolean {
  const modified = modifiedMs(file);
  return Number.isFinite(modified) && now - modified > RECENT_MS;
}

/** Whether `source` logged nothing in the window the counts cover (its newest entry is older): no count is shown. */
export function sourceQuietInWindow(source: LogSource, now: number): boolean {
  return source.lastWritten !== undefined && now - source.lastWritten > RECENT_MS;
}

/** The recent error count shown for `file`: none for a file not written in the window (writtenBeforeWindow). */
function recentErrors(file: LogFile, counts: ReadonlyMap<string, number>, now: number): number | undefined {
  return writtenBeforeWindow(file, now) ? undefined : (file.errorCount ?? counts.get(file.name));
}

export function logFileNode(file: LogFile, options: LogBuildOptions): NodeSpec {
  const { t, now, locale } = options;
  const modified = modifiedMs(file);
  const counted = recentErrors(file, options.errorCounts, now);
  // A 0 over a window none of its entries falls in is no count, as for a file last written before it.
  const behind = counted === 0 && options.datedBehind?.has(file.name) === true;
  const errors = behind ? undefined : counted;
  const unknown = errors === 0 && options.levelsUnreadable?.has(file.name) === true;
  const ahead = errors !== undefined && options.datedAhead?.has(file.name) === true;
  // The count leads: a sidebar of the default width cut "2.0 KiB · 5 minutes ago · 3 errors" before its count (break34).
  const errorText = errors === 0 && ahead ? t('errors unknown') : errorsText(errors, t, unknown);
  const parts = [errorText, formatBytes(file.size)];
  if (Number.isFinite(modified)) parts.push(formatRelativeTime(modified, now, locale));
  const path = logFilePath(file);
  const tooltip = [
    `**${escapeMarkdown(file.name)}**`,
    path ? escapeMarkdown(path) : '',
    t('Size: {0}', formatBytes(file.size)),
    Number.isFinite(modified) ? t('Modified: {0}', new Date(modified).toLocaleString(locale)) : '',
    file.format ? t('Format: {0}', escapeMarkdown(file.format)) : '',
    writtenBeforeWindow(file, now)
      ? t('Not written in the last 24 hours: no recent errors to count. Summarize Errors reads the whole file.')
      : behind
        ? t('Its newest entry is older than the last 24 hours, though the file was written since (a copy or a checkout of old logs): no recent errors to count. Summarize Errors reads the whole file.')
        : ahead ? aheadTooltip(errors ?? 0, t) : errorsTooltip(errors, t, unknown),
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    id: `log/${file.name}`,
    label: file.name,
    description: parts.filter(Boolean).join(' · '),
    tooltip,
    icon: errors ? 'warning' : 'output',
    iconColor: errors ? 'list.warningForeground' : undefined,
    contextValue: 'devopsLogFile',
    filePath: path,
    // A compressed rotation opened as a file was "binary or unsupported text encoding" to the editor: its text comes
    // from the logs server, which decompresses and decodes it.
    ...(path && (file.compressed || file.gzip) ? { command: { command: OPEN_COMPRESSED_LOG_COMMAND, arguments: [file.name, path] } } : {}),
    data: { name: file.name },
  };
}

/** Files Log Files shows, the newest; the rest are behind its "N more log files…" item (moreLogFilesNode). */
export const SHOWN_LOG_FILES = 100;
/** Opens a quick pick of the log files the tree does not show, largest first (moreLogFilePicks). */
export const MORE_LOG_FILES_COMMAND = 'devopsAssistant.moreLogFiles';
/**
 * Context key, true while Log Files has a "N more log files…" item: MORE_LOG_FILES_COMMAND is in the palette then
 * (break34: it was only at the end of a hundred rows, out of a keyboard user's reach in a folder of 1,500 logs).
 */
export const MORE_LOG_FILES_CONTEXT = 'devopsAssistant.moreLogFiles';

/** The newest SHOWN_LOG_FILES files, then an item for the others when there are any (moreLogFilesNode). */
export function logFileNodes(resource: LogFilesResource, options: LogBuildOptions): NodeSpec[] {
  const shown = resource.files.slice(0, SHOWN_LOG_FILES).map((file) => logFileNode(file, options));
  const more = moreLogFilesNode(resource, options.t);
  return more ? [...shown, more] : shown;
}

/**
 * What the newest-first tree leaves out: files past SHOWN_LOG_FILES, and those the server's listing left out (older than
 * every listed one). A big log written before a thousand small newer ones is the file a person most likely looks for,
 * and it was nowhere in the tree: the item names the largest of those it stands for, and opens a pick of them, largest
 * first. Undefined when the tree shows every log file.
 */
export function moreLogFilesNode(resource: LogFilesResource, t: Translate): NodeSpec | undefined {
  const rest = resource.files.slice(SHOWN_LOG_FILES);
  const omitted = resource.omitted ?? 0;
  if (rest.length === 0 && !resource.truncated) return undefined;
  const largest = rest.reduce<LogFile | undefined>((big, file) => (big === undefined || file.size > big.size ? file : big), undefined);
  const count = rest.length + omitted;
  return {
    id: 'log-more',
    label: count > 0 ? t('{0} more log files…', count) : t('More log files…'),
    description: largest ? t('largest listed: {0} ({1})', largest.name, formatBytes(largest.size)) : undefined,
    tooltip: [
      t('Log Files shows the newest {0} log files.', Math.min(resource.files.length, SHOWN_LOG_FILES)),
      rest.length ? t('{0} more are listed by the logs server.', rest.length) : '',
      omitted ? t('{0} older ones are not listed: the logs server lists the newest {1}; they are read when named, or from the Explorer.', omitted, resource.files.length) : '',
      t('Click to choose among them, largest first.'),
    ]
      .filter(Boolean)
      .join('\n\n'),
    icon: 'ellipsis',
    contextValue: 'devopsLogFilesMore',
    command: { command: MORE_LOG_FILES_COMMAND },
  };
}

/**
 * What the view says above its items when the server's listing was cut, naming the item at the end by its label
 * (break34: it named "More log files…" beside an item labelled "1404 more log files…", and its "the newest 1000 are
 * listed" above a tree showing 100 read as a miscount). Undefined when the listing was not cut.
 */
export function cutListingMessage(resource: LogFilesResource, t: Translate): string | undefined {
  if (!resource.truncated) return undefined;
  const more = moreLogFilesNode(resource, t);
  return t('The logs server lists the newest {0} log files and leaves out {1} older ones. "{2}" at the end of the list picks among all that are not shown, largest first.', resource.files.length, resource.omitted ?? '?', more?.label ?? '');
}

/** A log file on disk that the listing does not hold (found by its name in a log directory). */
export interface UnlistedLogFile {
  path: string;
  size: number;
  mtimeMs: number;
}

/** One entry of the "N more log files…" pick: the file's path, and the listed file it is when it is one. */
export interface MoreLogFilePick {
  label: string;
  description: string;
  path: string;
  listed?: LogFile;
  /** An unlisted file whose name says it is compressed: its text comes from the logs server (OPEN_COMPRESSED_LOG_COMMAND). */
  compressed?: true;
}

/** Names of compressed rotations (`app.log.3.gz`), which the editor shows as binary. */
const COMPRESSED_NAME = /\.(?:gz|bz2|xz|zst|lz4)$/i;

/**
 * The pick behind "N more log files…": the listed files the tree does not show and the unlisted ones found on disk
 * (`unlisted`, `relativeName` gives their label), largest first: size, not age, is what the newest-first tree hid.
 */
export function moreLogFilePicks(resource: LogFilesResource, unlisted: readonly UnlistedLogFile[], relativeName: (path: string) => string, options: { now: number; locale: string; t: Translate }): MoreLogFilePick[] {
  const listed = resource.files.slice(SHOWN_LOG_FILES).flatMap((file) => {
    const path = logFilePath(file);
    return path ? [{ label: file.name, size: file.size, mtimeMs: modifiedMs(file), path, listed: file }] : [];
  });
  const others = unlisted.map((file) => ({ label: relativeName(file.path), size: file.size, mtimeMs: file.mtimeMs, path: file.path, listed: undefined }));
  return [...listed, ...others]
    .sort((a, b) => b.size - a.size || a.label.localeCompare(b.label))
    .map(({ label, size, mtimeMs, path, listed: file }) => ({
      label,
      description: [formatBytes(size), Number.isFinite(mtimeMs) ? formatRelativeTime(mtimeMs, options.now, options.locale) : '', file ? '' : options.t('not listed')].filter(Boolean).join(' · '),
      path,
      // The old rotations a cut listing leaves out are mostly compressed ones (break34: one picked opened as binary).
      ...(file ? { listed: file } : COMPRESSED_NAME.test(path) ? { compressed: true as const } : {}),
    }));
}

/** Sum of the known error counts of files and sources, for the view's badge. */
export function totalErrors(resource: LogFilesResource, errorCounts: ReadonlyMap<string, number>, now = Date.now()): number {
  const recentFiles = resource.files.filter((file) => !writtenBeforeWindow(file, now));
  return sumErrors([...recentFiles, ...resource.sources], errorCounts);
}

/** Sum of the known error counts (the listing's own, else the looked-up one) of files or sources. */
export function sumErrors(entries: ReadonlyArray<{ name: string; errorCount?: number }>, counts: ReadonlyMap<string, number>): number {
  return entries.reduce((sum, entry) => sum + (entry.errorCount ?? counts.get(entry.name) ?? 0), 0);
}

/**
 * "3 errors" / "1 error", or nothing when the count is not known. `levelsUnreadable`: the 0 came from lines whose
 * levels could not be read (a binary file, a format without levels), so it is said to be unknown, never "0 errors".
 */
export function errorsText(errors: number | undefined, t: Translate, levelsUnreadable = false): string | undefined {
  if (errors === undefined) return undefined;
  if (errors === 0 && levelsUnreadable) return t('errors unknown');
  return errors === 1 ? t('1 error') : t('{0} errors', errors);
}

/** The tooltip's line about the recent error count of a file whose newest entry is dated after now. */
function aheadTooltip(errors: number, t: Translate): string {
  const why = t('its newest entry is dated after now (the clock of whatever writes it runs ahead, or its times are read in another zone), so entries dated later are not counted. Summarize Errors reads the whole file.');
  return errors === 0 ? t('Errors in the last 24 hours: unknown, because {0}', why) : t('Errors in the last 24 hours: at least {0}, because {1}', errors, why);
}

/** The tooltip's line about the recent error count (see errorsText), or '' when there is none. */
export function errorsTooltip(errors: number | undefined, t: Translate, levelsUnreadable = false): string {
  if (errors === undefined) return '';
  if (errors === 0 && levelsUnreadable) return t('Errors in the last 24 hours: unknown, because the log levels could not be read. Summarize Errors says more.');
  return t('Errors in the last 24 hours: {0}', errors);
}
