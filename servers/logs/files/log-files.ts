// Which files are logs, and turning a name from a caller into a safe, open regular file inside a log directory.
import { constants, promises as fsp, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { AccessDeniedError, InvalidArgumentError, NotFoundError, UserFacingError } from '../../shared/tool-result';
import { codingOfFile, type Charset } from '../io/charset';
import { compressionOfName, findTool, missingToolReason, toolOf, withoutCompression, type Compression } from '../io/decompress';
import { binaryLogOf, type BinaryLogKind } from './binary-logs';
import { holdsLog, isAmbiguousLogName, isTableName, mayBeJournalExport, startsAsJournalExportFile } from './document-names';
import type { LegacyCharset, UnsureGuess } from '../../shared/legacy-charset';

export interface LogDir {
  /** Absolute path as configured. */
  path: string;
  /** realpath of `path`, the boundary every file must stay inside. */
  real: string;
  /** Prefix used in names when several directories are configured. */
  label: string;
}

export interface LogFileInfo {
  /** Name tools accept: path relative to its directory ("/" separated), prefixed with the directory's label when there are several. */
  name: string;
  relativePath: string;
  dir: string;
  size: number;
  mtimeMs: number;
  gzip: boolean;
  /** Compressed with bzip2, xz, zstd or lz4 (by its name), read through the system's tool (io/decompress.ts). */
  compression?: Compression;
  /** The text's encoding, learned when the file is opened (io/charset.ts); absent in listings (not opened) and for gzip. */
  charset?: Charset;
  /**
   * Its text holds bytes that are not UTF-8 (io/charset.ts startsAsLegacyText) and they are not decoded (no charset set
   * and none detected for sure): they read as U+FFFD. Learned when opened, like charset.
   */
  legacyText?: true;
  /** With legacyText: the charset detector's guess, too unsure to decode by. */
  legacyGuess?: UnsureGuess;
  /** Its text holds bytes that are not UTF-8, and its lines that are not are decoded in this charset (servers/shared/legacy-charset.ts). */
  decodedFrom?: LegacyCharset;
  /** iconv-lite's name of the charset lines that are not UTF-8 are decoded in (FileCoding): decodedFrom's, or LOG_ENCODING's for gzip text. */
  legacyCharset?: string;
  /** Its text is JSON documents of record batches (CloudTrail, OTLP/JSON), read one record to a line (FileCoding). */
  records?: true;
}

/** How files are opened: the charset the user set for text that is not UTF-8 (LOG_ENCODING; iconv-lite's name). */
export interface OpenOptions {
  legacyCharset?: string;
  /** legacyCharset was named by the call (its `encoding`), not by LOG_ENCODING. */
  asked?: boolean;
}

export interface OpenedLog {
  info: LogFileInfo;
  handle: fsp.FileHandle;
  /** The resolved real path (for ripgrep and workers). */
  realPath: string;
  stats: Stats;
}

// Rotated names: logrotate's numbered `.1`/`.2.gz`, its `dateext` (`-20261201`, the default on RHEL-family systems,
// `-2026-12-01` with a dateformat) and log4j/logback's `.2026-12-01`; RHEL's syslog writes `secure`, `maillog`, `cron`
// and `spooler`, Debian's `kern.log` and `mail.info`/`mail.warn`/`mail.err` (a bare `kern` by other syslog configurations), Apache on RHEL `access_log`,
// `ssl_access_log`, `ssl_request_log`. The JVM's own rotation (`-XX:+UseGCLogFileRotation`) numbers its files from 0
// and marks the one being written `.current` (`gc.log.0.current`): the newest file of such a folder. `.clef` is
// Serilog's compact JSON event format; `.trace` a tracer's or a JVM's (`-Xlog:…:file=app.trace`) text; `.log.old` the
// previous run's log that X.Org and others keep. runit's and s6's svlogd write `current`, rotated to `@<tai64n>.s`
// (`.u` when cut unclean). `.csv` (PostgreSQL's csvlog) and tab-separated `.tsv`/`.tab` are listed when their start reads
// as a log (document-names.ts).
const LOG_NAME = /(\.(log|out|err|txt|jsonl|ndjson|json|clef|csv|tsv|tab|trace)(\.\d+(\.current)?)?(\.gz)?|\.log\.old|\.log[.-]\d{4}-?\d\d-?\d\d(\.gz)?|\.\d+\.gz)$/i;
const LOG_BASENAMES =
  /^(?:(?:syslog|messages|secure|maillog|cron|spooler|kern|kern\.log|auth\.log|daemon\.log|dmesg|mail\.(?:info|warn|err)|(?:\w+_)?(?:access|error|request)_log|catalina\.out)(\.\d+|-\d{4}-?\d\d-?\d\d)?(\.gz)?|current|@[0-9a-f]{24}\.[su])$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test', '.cache']);
/** Log files listed (and searched when no file is named): the newest ones. */
export const MAX_FILES = 1000;
/** Log-file names looked at in all the directories before the walk stops (each costs a stat). */
const MAX_EXAMINED = 100_000;
const MAX_DEPTH = 4;

/** Whether `name` is a log file's, plain or compressed (gzip; or bzip2, xz, zstd, lz4 around a log's name). */
export function isLogFileName(name: string): boolean {
  const inner = withoutCompression(name);
  return LOG_NAME.test(inner) || LOG_BASENAMES.test(inner);
}

/**
 * Whether `name` is a log file compressed with bzip2, xz, zstd or lz4 (logrotate's `compresscmd`: `syslog.2.bz2`,
 * `app.log.1.xz`), which is read through the system's tool for it (io/decompress.ts) when that is installed.
 */
export function isOtherCompressedLog(name: string): boolean {
  return compressionOfName(name) !== undefined && isLogFileName(name);
}

/** What listLogFiles is told: the PATH its decompression tools are looked up on (default: the server's). */
export interface ListOptions {
  path?: string;
}

/** A configured log directory that is not read, and why (for the user: it is shown in errors and logs://files). */
export interface SkippedDir {
  path: string;
  reason: string;
}

/**
 * The configured directories that can be read, in order, each with its real path and label. The others are left out,
 * each named on stderr and added to `skipped` (when given) so tools can say why nothing was found there.
 */
export async function prepareDirs(paths: string[], skipped: SkippedDir[] = []): Promise<LogDir[]> {
  const dirs: LogDir[] = [];
  const labels = new Set<string>();
  const skip = (path: string, reason: string) => {
    process.stderr.write(`logs: skipping ${path}: ${reason}\n`);
    skipped.push({ path, reason });
  };
  for (const path of paths) {
    let real: string;
    try {
      real = await fsp.realpath(path);
    } catch {
      skip(path, 'not a readable directory');
      continue;
    }
    try {
      const stats = await fsp.stat(real);
      if (!stats.isDirectory()) {
        // A log file named where its folder belongs (LOG_DIRS=/var/log/nginx/error.log) is the commonest slip: say the fix.
        skip(path, stats.isFile() ? `a file, not a directory: name its folder (${dirname(path)}) to read it` : 'not a directory');
        continue;
      }
    } catch {
      skip(path, 'not a readable directory');
      continue;
    }
    let label = basename(path) || 'root';
    for (let n = 2; labels.has(label); n++) label = `${basename(path)}-${n}`;
    labels.add(label);
    dirs.push({ path, real, label });
  }
  return dirs;
}

function nameFor(dirs: LogDir[], dir: LogDir, rel: string): string {
  const posix = rel.split(sep).join('/');
  return dirs.length > 1 ? `${dir.label}/${posix}` : posix;
}

/**
 * Places the walk found and did not read (links leading out, folders too deep, hidden folders holding logs): how many,
 * the first MAX_NAMED_FOLDERS folders they are in, and `more` when there are folders past those named.
 */
export interface UnreadPlaces {
  count: number;
  folders: string[];
  more?: true;
}

/** Rotated logs whose compression's tool is missing (LogFileListing.otherCompressed): where, which, and what to install. */
export interface UnreadCompressed extends UnreadPlaces {
  /** The first few of them by the name a call would use (`app.log.2.bz2`, `nginx/access.log.3.xz`), in walk order. */
  files: string[];
  /** Each missing tool once (decompress.ts toolOf), with the compression it reads. */
  missing: ({ compression: Compression } & ReturnType<typeof toolOf>)[];
}

/** What listLogFiles found: the newest MAX_FILES log files, and how many older ones it left out. */
export interface LogFileListing {
  /** Newest first (modification time), at most MAX_FILES. */
  files: LogFileInfo[];
  /** True when log files were left out: `omitted` older ones, or directories past MAX_EXAMINED names. */
  truncated: boolean;
  /** Log files left out because newer ones filled the list (older than every listed one). */
  omitted: number;
  /** The last modification (epoch ms) of the newest file left out, when one was. */
  omittedNewestMs?: number;
  /**
   * Log-file names that are links to regular files outside every directory, which are never read (no escape from the
   * configured folders): how many, and the first few folders they lead to. A Kubernetes node's /var/log/containers is
   * nothing but such links (into /var/log/pods): without this, its listing read as "no log files" (break20).
   */
  linkedOutside?: UnreadPlaces;
  /**
   * Folders deeper than MAX_DEPTH below a directory, which the walk does not enter: how many, and the first few. Log
   * files in them are neither listed nor searched, so a search over every file says so rather than "no matches"
   * (break20: a log five folders down was not found, truncated false, without a word).
   */
  tooDeep?: UnreadPlaces;
  /**
   * Hidden folders (a name starting with `.`) the walk does not enter that hold log files, in them or one folder down:
   * how many, and the first few folders holding them. Process managers and tools keep real logs there (`~/.pm2/logs`,
   * `~/.npm/_logs`), so a listing that passed them over said nothing of logs a person may be looking for (break20).
   */
  hidden?: UnreadPlaces;
  /**
   * Folders the server may not open (permission denied: /var/log/private, a service's 0700 folder): how many, and the
   * first few. Their log files are neither listed nor searched, so a call over every file names them rather than
   * answering "0 errors" or "no log files found" about a folder full of logs it could not look into (break28).
   */
  noAccess?: UnreadPlaces;
  /**
   * Rotated logs compressed with bzip2, xz, zstd or lz4 (logrotate's `compresscmd`) whose tool is not installed, so the
   * server cannot read them: how many, and the first few folders. Left out in silence, a question about last week's
   * errors was answered from the files it could read as if they were all (break28).
   */
  otherCompressed?: UnreadCompressed;
  /**
   * Log-file names that are links to the writer's standard output or error (`access.log -> /dev/stdout`), as container
   * images make them so that the runtime collects the lines (the official nginx and httpd images): no file holds those
   * lines. They resolve to the server's own streams, or to nothing, and were left out in silence, so a folder mounted
   * from such a container answered "0 errors" from its other files without a word of its access and error logs.
   */
  streamLinks?: StreamLinks;
  /**
   * Files named `.json`, `.txt` or `.csv` whose start reads as a document, not a log (document-names.ts holdsLog: package.json,
   * tsconfig.json, LICENSE.txt, a spreadsheet's export): not listed nor searched, counted and the first few named, so a log among them that
   * holds no time, no level and no log word in its name is still findable (named as `file`, it is read).
   */
  documents?: NamedFiles;
  /**
   * Files named `.csv` whose start reads as a data table, not a log (no column of levels nor of times: a spreadsheet's
   * export): counted and named apart from documents, as a table may be a log in a layout this server does not read, and
   * an answer on errors says so whether or not it found any elsewhere.
   */
  tables?: NamedFiles;
  /**
   * Logs in a binary format the server does not read (binary-logs.ts: `.evtx`, `.etl`, journal files, wtmp/btmp): how
   * many, the first few names, and each kind met with how to read it. A folder of them answered "no log files found".
   */
  binaryLogs?: BinaryLogs;
  /**
   * The other files the walk met, whose names are no log's (README.md, app.yaml, a picture): counted and the first few
   * named, so that an answer that found no log says what the folders did hold (named as `file`, one is read).
   */
  otherFiles?: NamedFiles;
}

/** Binary logs a listing left out (LogFileListing.binaryLogs): the files, and the kinds met with how to read each. */
export interface BinaryLogs extends NamedFiles {
  kinds: BinaryLogKind[];
}

/** Files a listing left out, by name (LogFileListing.documents): how many, and the first few names a call would use. */
export interface NamedFiles {
  count: number;
  names: string[];
  more?: true;
}

/** `.json`/`.txt`/`.csv` files looked into (holdsLog) per listing at most; past that they are listed by their names. */
const MAX_PEEKED_DOCUMENTS = 2000;

/** Log-file names linking to a standard stream (LogFileListing.streamLinks): how many, and the first few. */
export interface StreamLinks {
  count: number;
  /** The first few, as `<name> -> <target>` with the name a call would use. */
  links: string[];
  more?: true;
}

/**
 * A link target that is a process's standard output or error, not a file: the writer's own, or a given process's
 * (`/proc/1/fd/1`: a container's cron job or sidecar script writes to its main process's, to reach the container's log).
 */
const STREAM_TARGET = /^\/(?:dev\/(?:stdout|stderr|fd\/[12])|proc\/(?:self|\d+)\/fd\/[12])$/;

/** The standard stream `path` links to (its link's own target), or undefined when it is no link to one. */
export async function streamTargetOf(path: string): Promise<string | undefined> {
  const target = await fsp.readlink(path).catch(() => undefined);
  return target !== undefined && STREAM_TARGET.test(target) ? target : undefined;
}

/** Folders named at most in each of LogFileListing's UnreadPlaces. */
const MAX_NAMED_FOLDERS = 3;
/** Files named at most in LogFileListing.otherCompressed. */
const MAX_NAMED_FILES = 5;

/** Counts one more unread place in `places` (created when undefined), naming `folder` if it is new and there is room. */
function noteUnread(places: UnreadPlaces | undefined, folders: readonly string[]): UnreadPlaces {
  const out = places ?? { count: 0, folders: [] };
  out.count++;
  for (const folder of folders) {
    if (out.folders.includes(folder)) continue;
    if (out.folders.length < MAX_NAMED_FOLDERS) out.folders.push(folder);
    else out.more = true;
  }
  return out;
}

/** Counts one more rotated log `name` in `folder` that `compression`'s missing tool would read. */
function noteUncompressible(unread: UnreadCompressed | undefined, name: string, folder: string, compression: Compression): UnreadCompressed {
  const out = noteUnread(unread, [folder]) as UnreadCompressed;
  out.files ??= [];
  out.missing ??= [];
  if (out.files.length < MAX_NAMED_FILES) out.files.push(name);
  if (!out.missing.some((m) => m.compression === compression)) out.missing.push({ compression, ...toolOf(compression) });
  return out;
}

/** The folders of `places` as a note names them: the first few, and "…" when there are more. */
function namedFolders(places: UnreadPlaces): string {
  return `${places.folders.join(', ')}${places.more ? ', …' : ''}`;
}

/**
 * Log files in every directory (recursive to a small depth), the newest MAX_FILES of them, newest first. Years of daily
 * logs hold more than that: the newest are the ones asked about ("errors today"), so the cut keeps them and counts the
 * older ones it leaves out. Names past MAX_EXAMINED are not looked at (truncated, not counted).
 */
export async function listLogFiles(dirs: LogDir[], options: ListOptions = {}): Promise<LogFileListing> {
  // Whether each compression's tool is installed, looked up once per listing.
  const tools = new Map<Compression, boolean>();
  const readable = (compression: Compression) => {
    if (!tools.has(compression)) tools.set(compression, findTool(compression, options.path ?? process.env.PATH ?? '') !== undefined);
    return tools.get(compression) === true;
  };
  let files: LogFileInfo[] = [];
  let omitted = 0;
  let omittedNewestMs: number | undefined;
  let examined = 0;
  // Cut to the newest MAX_FILES whenever twice that many are held: memory bounded, each file sorted a few times.
  const keepNewest = () => {
    files.sort(newestFirst);
    if (files.length <= MAX_FILES) return;
    omitted += files.length - MAX_FILES;
    omittedNewestMs = Math.max(omittedNewestMs ?? -Infinity, files[MAX_FILES].mtimeMs);
    files = files.slice(0, MAX_FILES);
  };
  // A link to a file already listed (inside the directories) would only double every count.
  const seen = new Set<string>();
  let linkedOutside: UnreadPlaces | undefined;
  let tooDeep: UnreadPlaces | undefined;
  let hidden: UnreadPlaces | undefined;
  let noAccess: UnreadPlaces | undefined;
  let otherCompressed: UnreadCompressed | undefined;
  let streamLinks: StreamLinks | undefined;
  let documents: NamedFiles | undefined;
  let tables: NamedFiles | undefined;
  let binaryLogs: BinaryLogs | undefined;
  let otherFiles: NamedFiles | undefined;
  let peeked = 0;
  const noteHidden = async (path: string) => {
    const holding = await foldersWithLogs(path);
    if (holding.length > 0) hidden = noteUnread(hidden, holding);
  };
  const noteOutside = async (real: string) => {
    // Only links to regular files count: a dangling link or one to a directory holds no log to point at.
    if (dirs.some((d) => isInside(d.real, real)) || !(await fsp.stat(real).then((s) => s.isFile(), () => false))) return;
    linkedOutside = noteUnread(linkedOutside, [dirname(real)]);
  };
  let truncated = false;
  for (const dir of dirs) {
    const queue: { path: string; depth: number }[] = [{ path: dir.real, depth: 0 }];
    while (queue.length > 0) {
      const current = queue.shift()!;
      let entries;
      try {
        entries = await fsp.readdir(current.path, { withFileTypes: true });
      } catch (error) {
        if (isPermissionDenied(error)) noAccess = noteUnread(noAccess, [current.path]);
        continue;
      }
      entries.sort((a, b) => a.name.localeCompare(b.name));
      for (const entry of entries) {
        const full = resolve(current.path, entry.name);
        if (entry.isDirectory()) {
          if (SKIP_DIRS.has(entry.name)) continue;
          // Hidden folders are mostly tools' state (.config, .local, .npm/_cacache): walking them could cost
          // thousands of reads, so they are only looked into for log files, and named when they hold some.
          if (entry.name.startsWith('.')) {
            if (current.depth < MAX_DEPTH) await noteHidden(full);
            continue;
          }
          if (current.depth < MAX_DEPTH) queue.push({ path: full, depth: current.depth + 1 });
          else tooDeep = noteUnread(tooDeep, [full]);
          continue;
        }
        // Every file is read or named: a binary log with how to read it, any other name counted for an answer that found no log.
        const binary = binaryLogOf(entry.name);
        // A journal export saved by hand is named anyhow (`journal.export`, `export.gz`): a name that says nothing
        // of its kind is looked into, within the documents' budget.
        const exported = !binary && !isLogFileName(entry.name) && mayBeJournalExport(entry.name) && entry.isFile() && peeked++ < MAX_PEEKED_DOCUMENTS && (await startsAsJournalExportFile(full));
        if (!exported && (binary || !isLogFileName(entry.name))) {
          if (!entry.isFile() && !entry.isSymbolicLink()) continue;
          const name = nameFor(dirs, dir, relative(dir.real, full));
          if (binary) binaryLogs = noteBinaryLog(binaryLogs, name, binary);
          else otherFiles = noteDocument(otherFiles, name);
          continue;
        }
        const compression = compressionOfName(entry.name);
        if (compression && !readable(compression)) {
          otherCompressed = noteUncompressible(otherCompressed, nameFor(dirs, dir, relative(dir.real, full)), current.path, compression);
          continue;
        }
        if (++examined > MAX_EXAMINED) {
          truncated = true;
          break;
        }
        // Symlinks count only when they resolve to a regular file inside the directory.
        let stats: Stats;
        try {
          if (entry.isSymbolicLink()) {
            const stream = await streamTargetOf(full);
            if (stream !== undefined) {
              streamLinks = noteStreamLink(streamLinks, `${nameFor(dirs, dir, relative(dir.real, full))} -> ${stream}`);
              continue;
            }
            const real = await fsp.realpath(full);
            if (!isInside(dir.real, real)) {
              await noteOutside(real);
              continue;
            }
          }
          stats = await fsp.stat(full);
        } catch {
          continue;
        }
        if (!stats.isFile()) continue;
        if (isAmbiguousLogName(entry.name) && peeked++ < MAX_PEEKED_DOCUMENTS && !(await holdsLog(full, dir.real))) {
          const name = nameFor(dirs, dir, relative(dir.real, full));
          if (isTableName(entry.name)) tables = noteDocument(tables, name);
          else documents = noteDocument(documents, name);
          continue;
        }
        const identity = `${stats.dev}:${stats.ino}`;
        if (seen.has(identity)) continue;
        seen.add(identity);
        const rel = relative(dir.real, full);
        files.push({ name: nameFor(dirs, dir, rel), relativePath: rel.split(sep).join('/'), dir: dir.path, size: stats.size, mtimeMs: stats.mtimeMs, gzip: /\.gz$/i.test(entry.name), ...(compression ? { compression } : {}) });
        if (files.length >= 2 * MAX_FILES) keepNewest();
      }
    }
  }
  keepNewest();
  return { files, truncated: truncated || omitted > 0, omitted, ...(omittedNewestMs === undefined ? {} : { omittedNewestMs }), ...(linkedOutside ? { linkedOutside } : {}), ...(tooDeep ? { tooDeep } : {}), ...(hidden ? { hidden } : {}), ...(noAccess ? { noAccess } : {}), ...(otherCompressed ? { otherCompressed } : {}), ...(streamLinks ? { streamLinks } : {}), ...(documents ? { documents } : {}), ...(tables ? { tables } : {}), ...(binaryLogs ? { binaryLogs } : {}), ...(otherFiles ? { otherFiles } : {}) };
}

/** Counts one more file left out as a document (LogFileListing.documents). */
function noteDocument(documents: NamedFiles | undefined, name: string): NamedFiles {
  const out = documents ?? { count: 0, names: [] };
  return countNamed(out, out.names, name);
}

/** Counts one more binary log `name` of `kind` (LogFileListing.binaryLogs). */
function noteBinaryLog(logs: BinaryLogs | undefined, name: string, kind: BinaryLogKind): BinaryLogs {
  const out = logs ?? { count: 0, names: [], kinds: [] };
  if (!out.kinds.includes(kind)) out.kinds.push(kind);
  return countNamed(out, out.names, name);
}

/** What a call says about the binary logs it did not read (LogFileListing.binaryLogs): which, and how to read each kind. */
export function binaryLogsNote(logs: BinaryLogs): string {
  const how = logs.kinds.map((k) => `${k.kind}: ${k.read}`).join('; ');
  return `${logs.count} log file(s) in a binary format this server does not read (${logs.names.join(', ')}${logs.more ? ', …' : ''}) are not listed nor searched: ${how}`;
}

/** What an answer that found no log says about the files whose names are no log's (LogFileListing.otherFiles). */
export function otherFilesNote(other: NamedFiles): string {
  return (
    `${other.count} other file(s) whose names are not a log's (${other.names.join(', ')}${other.more ? ', …' : ''}) are not listed nor searched; ` +
    'name one as `file` to read it'
  );
}

/** Counts one more in `counted`, naming it in `names` (its list) while that holds fewer than MAX_NAMED_FOLDERS. */
function countNamed<T extends { count: number; more?: true }>(counted: T, names: string[], name: string): T {
  counted.count++;
  if (names.length < MAX_NAMED_FOLDERS) names.push(name);
  else counted.more = true;
  return counted;
}

/** What a listing says about the `.json`/`.txt` files it left out as documents (LogFileListing.documents). */
export function documentsNote(documents: NamedFiles): string {
  const more = documents.more ? ', …' : '';
  return `${documents.count} .json/.txt file(s) whose first lines read as a document, not a log (${documents.names.join(', ')}${more}), are not listed nor searched; name one as \`file\` to read it`;
}

/** What a listing says about the `.csv`/`.tsv`/`.tab` files it left out as data tables (LogFileListing.tables). */
export function tablesNote(tables: NamedFiles): string {
  const more = tables.more ? ', …' : '';
  return `${tables.count} .csv/.tsv file(s) whose first lines read as a data table, not a log (no column of levels or of entry times) (${tables.names.join(', ')}${more}), are not listed nor searched; name one as \`file\` to read it`;
}

/** Counts one more log-file name linking to a standard stream, `link` as `<name> -> <target>`. */
function noteStreamLink(links: StreamLinks | undefined, link: string): StreamLinks {
  const out = links ?? { count: 0, links: [] };
  return countNamed(out, out.links, link);
}

/** What a call says about log-file names that link to a standard stream (LogFileListing.streamLinks). */
export function streamLinksNote(links: StreamLinks): string {
  return (
    `${links.count} log file name(s) are links to the writing program's standard output or error (${links.links.join(', ')}${links.more ? ', …' : ''}), ` +
    'as container images make them so that the container runtime collects the lines: no file holds those lines; read them where that output goes ' +
    '(the container\'s log: LOG_DOCKER, or the journal)'
  );
}

/** Whether `error` is the file system's "permission denied" (EACCES, or EPERM where a policy forbids the access). */
export function isPermissionDenied(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EACCES' || code === 'EPERM';
}

/** Who the server runs as, for a note that says who must be given access: `this server (uid 1000)`. */
function serverUser(): string {
  const uid = process.getuid?.();
  return uid === undefined ? 'this server' : `this server (uid ${uid})`;
}

/** Subfolders of a hidden folder looked into at most (a tool's state folder can hold thousands: .npm/_cacache). */
const MAX_PEEKED_FOLDERS = 32;

/**
 * The folders holding log files among `path` and its subfolders one level down (not hidden ones, at most
 * MAX_PEEKED_FOLDERS): a process manager's `.pm2/logs`, npm's `.npm/_logs`. Unreadable folders hold none.
 */
async function foldersWithLogs(path: string): Promise<string[]> {
  const entries = await fsp.readdir(path, { withFileTypes: true }).catch(() => []);
  const holding = (await holdsLogFile(path, entries)) ? [path] : [];
  const subfolders = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.') && !SKIP_DIRS.has(e.name)).map((e) => e.name).sort().slice(0, MAX_PEEKED_FOLDERS);
  for (const name of subfolders) {
    const inner = await fsp.readdir(resolve(path, name), { withFileTypes: true }).catch(() => []);
    if (await holdsLogFile(resolve(path, name), inner)) holding.push(resolve(path, name));
  }
  return holding;
}

/** Whether the folder `path`, whose `entries` were read, holds a log file: by name, and a `.json`/`.txt`/`.csv` by its start. */
async function holdsLogFile(path: string, entries: readonly { name: string; isDirectory(): boolean }[]): Promise<boolean> {
  let peeks = 0;
  for (const e of entries) {
    if (e.isDirectory() || !isLogFileName(e.name)) continue;
    if (!isAmbiguousLogName(e.name) || peeks++ >= MAX_PEEKED_FOLDERS || (await holdsLog(resolve(path, e.name)))) return true;
  }
  return false;
}

const newestFirst = (a: LogFileInfo, b: LogFileInfo) => b.mtimeMs - a.mtimeMs || a.name.localeCompare(b.name);

export function isInside(root: string, candidate: string): boolean {
  if (candidate === root) return false;
  const prefix = root.endsWith(sep) ? root : root + sep;
  return candidate.startsWith(prefix);
}

/** What a call says about log-file names that link outside the directories (LogFileListing.linkedOutside). */
export function linkedOutsideNote(linked: UnreadPlaces): string {
  return (
    `${linked.count} log file name(s) in the log directories are links to files outside them (into ${namedFolders(linked)}), ` +
    'which are not read (links may not lead out of the configured folders): add that folder to LOG_DIRS (--log-dir) to read them'
  );
}

/** What a call says about the folders the walk did not enter (LogFileListing.tooDeep). */
export function tooDeepNote(deep: UnreadPlaces): string {
  return (
    `${deep.count} folder(s) more than ${MAX_DEPTH} levels below a log directory were not looked at (${namedFolders(deep)}): ` +
    'log files in them are not listed or searched; add such a folder to LOG_DIRS (--log-dir) to read them'
  );
}

/** What a call says about the hidden folders holding log files that the walk did not enter (LogFileListing.hidden). */
export function hiddenNote(hidden: UnreadPlaces): string {
  return (
    `${hidden.count} hidden folder(s) in the log directories hold log files that are not listed or searched (in ${namedFolders(hidden)}): ` +
    'hidden folders are not walked; add such a folder to LOG_DIRS (--log-dir) to read them'
  );
}

/** What a call says about the folders the server may not open (LogFileListing.noAccess). */
export function noAccessNote(closed: UnreadPlaces): string {
  return (
    `${closed.count} folder(s) in the log directories could not be opened (permission denied: ${namedFolders(closed)}): ` +
    `log files in them are not listed or searched; give ${serverUser()} read and search (x) access to them`
  );
}

/**
 * What a call says about the rotated logs in compressions the server cannot read (LogFileListing.otherCompressed): which
 * files, which tool each kind needs and how to install it, or to decompress them by hand.
 */
export function otherCompressedNote(other: UnreadCompressed): string {
  const files = `${other.files.join(', ')}${other.count > other.files.length ? `, … (${other.count} in all)` : ''}`;
  const tools = other.missing.map((m) => `${m.tool} (${m.install})`).join(', ');
  return (
    `${other.count} rotated log file(s) are not read, as the tool that decompresses them is not installed on this machine: ${files} ` +
    `(in ${namedFolders(other)}); install ${tools}, or decompress them (${other.missing.map((m) => m.unpack).join(', ')}) to read them`
  );
}

function notFound(name: string, available: LogFileInfo[]): NotFoundError {
  // A name without its folder (`spring.log` for `app/spring.log`, `error.log` beside nginx/ and mysql/): the files it
  // may mean first, so that a client fixes the call at once rather than read a list of twenty other files.
  const asked = name.trim().replace(/\\/g, '/').split('/').pop()?.toLowerCase();
  const meant = available.filter((f) => f.name.split('/').pop()?.toLowerCase() === asked).slice(0, 20);
  const names = available.slice(0, 20).map((f) => f.name);
  const more = available.length > names.length ? `, … (${available.length - names.length} more)` : '';
  const hint = meant.length > 0 ? `; did you mean ${meant.map((f) => f.name).join(' or ')}?` : '';
  return new NotFoundError(`no such log file: ${name}${hint}; available: ${names.length ? names.join(', ') + more : '(none)'}`);
}

/**
 * The directory and name inside it of an absolute path that lies in one of `dirs` (as configured or as resolved:
 * `/var/log/nginx/error.log` in a server given `/var/log`), or undefined. Clients are shown full paths (by the user,
 * by `logs://files`' `dir`) and pass them back; the file is then checked as any name is.
 */
function insideDir(dirs: LogDir[], path: string): { dir: LogDir; rel: string } | undefined {
  const full = resolve(path);
  for (const dir of dirs) {
    for (const root of [dir.path, dir.real]) {
      if (isInside(root, full)) return { dir, rel: relative(root, full).split(sep).join('/') };
    }
  }
  return undefined;
}

/**
 * Resolves a caller-supplied name to a regular file inside one of the directories and opens it. An absolute path is
 * taken when it lies inside a directory (as that directory's file); refused elsewhere, as are `..`, links that leave
 * the directory, FIFOs, sockets and devices; never blocks on open.
 */
export async function openLogFile(dirs: LogDir[], name: string, available: () => Promise<LogFileInfo[]>, options: OpenOptions = {}): Promise<OpenedLog> {
  const cleaned = name.trim().replace(/\\/g, '/');
  if (cleaned.length === 0 || cleaned.includes('\0')) throw new InvalidArgumentError('file name is empty or invalid');
  if (cleaned.split('/').includes('..')) throw new InvalidArgumentError(`".." is not allowed in log file names: ${name}`);

  const candidates: { dir: LogDir; rel: string }[] = [];
  if (isAbsolute(name) || cleaned.startsWith('/') || /^[a-zA-Z]:/.test(cleaned)) {
    const inside = insideDir(dirs, name.trim());
    if (inside === undefined) {
      throw new InvalidArgumentError(
        `absolute paths are not allowed outside the log directories (${dirs.map((d) => d.path).join(', ') || 'none configured'}): give a name relative to a log directory (see logs://files)`,
      );
    }
    candidates.push(inside);
  } else {
    if (dirs.length > 1) {
      const slash = cleaned.indexOf('/');
      const labelled = slash > 0 ? dirs.find((d) => d.label === cleaned.slice(0, slash)) : undefined;
      if (labelled) candidates.push({ dir: labelled, rel: cleaned.slice(slash + 1) });
    }
    for (const dir of dirs) candidates.push({ dir, rel: cleaned });
    // A backslash is a name's own character outside Windows (`back\slash.log` was listed, then refused by its name).
    if (sep === '/' && cleaned !== name.trim()) for (const dir of dirs) candidates.push({ dir, rel: name.trim() });
  }

  for (const { dir, rel } of candidates) {
    const full = resolve(dir.real, rel);
    if (!isInside(dir.real, full)) continue;
    try {
      await fsp.lstat(full);
    } catch {
      continue;
    }
    const stream = await streamTargetOf(full);
    if (stream !== undefined) {
      throw new NotFoundError(
        `${name} is a link to ${stream}, the writing program's standard output or error (as container images make it, so that the container runtime collects the lines): ` +
          'no file holds its lines; read them where that output goes (the container\'s log: LOG_DOCKER, or the journal)',
      );
    }
    const real = await fsp.realpath(full).catch(() => undefined);
    if (real === undefined) throw new NotFoundError(`${name} is a broken link`);
    // An image silences a log so: "outside the log directories" would send the user looking for a file (rev26a).
    if (real === '/dev/null') throw new NotFoundError(`${name} is a link to /dev/null: what is written to it is discarded, and no file holds its lines (its program or image was set up so)`);
    if (!dirs.some((d) => isInside(d.real, real))) throw new InvalidArgumentError(`${name} points outside the log directories; refused`);
    const stats = await fsp.stat(real);
    if (!stats.isFile()) throw new InvalidArgumentError(`${name} is not a regular file (${kindOf(stats)}); refused`);
    // A binary log named as `file` (`Application.evtx`, `wtmp`, `system.journal`, `btmp.1.gz`) read as text gave
    // "format not recognised" and no errors over its bytes: it is named with how to read it, as listings name it.
    const binary = binaryLogOf(basename(full)) ?? binaryLogOf(basename(real));
    if (binary) throw new UserFacingError(`${name} is in a binary format this server does not read as text (${binary.kind}): ${binary.read}`);
    // O_NONBLOCK: even if the path was swapped for a FIFO since the stat, open returns at once.
    const handle = await fsp.open(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)).catch((error: unknown) => {
      throw notOpened(name, stats, error);
    });
    const opened = await handle.stat();
    if (!opened.isFile() || opened.ino !== stats.ino || opened.dev !== stats.dev) {
      await handle.close();
      throw new UserFacingError(`${name} changed while being opened; refused`);
    }
    const relFinal = relative(dir.real, full).split(sep).join('/');
    const named = /\.gz$/i.test(real);
    // gzip text's charset is learned from its decompressed start, when it is read (io/chunks.ts).
    const coding = named || compressionOfName(real) ? undefined : await codingOfFile(handle.fd, opened.size, options).catch(async (error: unknown) => {
      await handle.close();
      throw error;
    });
    const gzip = named || coding?.gzip === true;
    // Compressed under a name that does not say so: read through its compression's tool, as a file named so is. Its
    // tool missing, it is said what the file is and how to read it (its bytes read as text are garbage, and no match in
    // them would be no error found).
    const compression = named ? undefined : (compressionOfName(real) ?? coding?.compression);
    if (coding?.compression !== undefined && findTool(coding.compression) === undefined) {
      await handle.close();
      throw new UserFacingError(`${name} is ${coding.compression}-compressed (its first bytes say so, though its name does not), and ${missingToolReason(coding.compression)}: install it and the file is read, or decompress a copy (\`${toolOf(coding.compression).unpack}\`) on a machine that has it`);
    }
    const charset = gzip ? undefined : coding?.charset;
    // A set charset is applied to decompressed text too (its UTF-8 lines stay as they are): nothing is sampled there.
    const decodedFrom = gzip ? undefined : coding?.legacyCharset;
    const legacyCharset = decodedFrom?.decoder ?? (gzip || compression ? options.legacyCharset : undefined);
    return {
      info: {
        name: nameFor(dirs, dir, relFinal),
        relativePath: relFinal,
        dir: dir.path,
        size: opened.size,
        mtimeMs: opened.mtimeMs,
        gzip,
        ...(compression && !gzip ? { compression } : {}),
        ...(charset ? { charset } : {}),
        ...(!gzip && coding?.legacy && !decodedFrom ? { legacyText: true as const, ...(coding.unsure ? { legacyGuess: coding.unsure } : {}) } : {}),
        ...(decodedFrom ? { decodedFrom } : {}),
        ...(legacyCharset ? { legacyCharset } : {}),
        ...(coding?.records ? { records: true as const } : {}),
      },
      handle,
      realPath: real,
      stats: opened,
    };
  }
  const listed = await available();
  // The same name in another Unicode normal form: files named on macOS keep their decomposed form (NFD: `서버 로그.log` as
  // jamo, `café` with a combining accent) and a client types the composed one (NFC), which looked the same in the
  // listing and was "no such log file" (break30).
  const composed = name.trim().normalize('NFC');
  const same = listed.filter((f) => f.name !== name && f.name.normalize('NFC') === composed);
  if (same.length === 1) return openLogFile(dirs, same[0].name, available);
  throw notFound(name, listed);
}

/**
 * What to say when a listed regular file cannot be opened. Permission denied is a property of the file (a log of a
 * service written mode 0600 or 0640 for its own user, as in /var/log), not a fault of the server: as a UserFacingError
 * it names the file and who may read it, and a call over many files skips it with a note (tools/common.ts) instead of
 * failing whole as "internal error: EACCES". Other errors are returned as they are.
 */
function notOpened(name: string, stats: Stats, error: unknown): unknown {
  if (!isPermissionDenied(error)) return error;
  const mode = (stats.mode & 0o777).toString(8).padStart(4, '0');
  return new PermissionDeniedError(name, `mode ${mode}, owner uid ${stats.uid}, group gid ${stats.gid}`);
}

/**
 * A listed log file the server may not open (EACCES/EPERM). `file` is its name as tools take it; `access` its mode and
 * owner (`mode 0600, owner uid 0, group gid 0`), so a call skipping many such files can name them in one note
 * (deniedFilesNote) instead of a sentence each.
 */
export class PermissionDeniedError extends AccessDeniedError {
  constructor(
    readonly file: string,
    readonly access: string,
  ) {
    super(`${file} cannot be read: permission denied (${access}); give ${serverUser()} read access to it, e.g. through its group`);
  }
}

/**
 * One note for the files a call over many skipped as unreadable (PermissionDeniedError), in the order met: a folder
 * read by a user who may open few of its files (/var/log for anyone but root) made a sentence per file, hundreds of
 * them around the few answers. Up to `each` files keep their own sentence; more are counted, the first few named,
 * and the mode and owner told when they all share it. `skipped`: say the call went on without them.
 */
export function deniedFilesNotes(denied: readonly PermissionDeniedError[], each = 3, skipped = true): string[] {
  if (denied.length <= each) return denied.map((d) => `skipped ${d.file}: ${d.message}`);
  const shown = 5;
  const names = denied.length > shown ? `${denied.slice(0, shown).map((d) => d.file).join(', ')} and ${denied.length - shown} more` : denied.map((d) => d.file).join(', ');
  const access = new Set(denied.map((d) => d.access));
  const how = access.size === 1 ? ` (${denied[0].access})` : ` (${denied[0].file}: ${denied[0].access})`;
  return [`${denied.length} log files cannot be read: permission denied${how}: ${names}; ${skipped ? 'they were skipped: ' : ''}give ${serverUser()} read access to them, e.g. through their group`];
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a file';
}
