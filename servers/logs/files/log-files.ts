// Which files are logs, and turning a name from a caller into a safe, open regular file inside a log directory.
import { constants, promises as fsp, type Stats } from 'node:fs';
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import { UserFacingError } from '../../shared/tool-result';
import { charsetOfFile, type Charset } from '../io/charset';

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
  /** The text's encoding, learned when the file is opened (io/charset.ts); absent in listings (not opened) and for gzip. */
  charset?: Charset;
}

export interface OpenedLog {
  info: LogFileInfo;
  handle: fsp.FileHandle;
  /** The resolved real path (for ripgrep and workers). */
  realPath: string;
  stats: Stats;
}

const LOG_NAME = /(\.(log|out|err|txt|jsonl|ndjson|json)(\.\d+)?(\.gz)?|\.log\.\d{4}-?\d\d-?\d\d(\.gz)?|\.\d+\.gz)$/i;
const LOG_BASENAMES = /^(syslog|messages|kern\.log|auth\.log|daemon\.log|dmesg|access_log|error_log|catalina\.out)(\.\d+)?(\.gz)?$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test', '.cache']);
/** Log files listed (and searched when no file is named): the newest ones. */
export const MAX_FILES = 1000;
/** Log-file names looked at in all the directories before the walk stops (each costs a stat). */
const MAX_EXAMINED = 100_000;
const MAX_DEPTH = 4;

export function isLogFileName(name: string): boolean {
  return LOG_NAME.test(name) || LOG_BASENAMES.test(name);
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
      if (!(await fsp.stat(real)).isDirectory()) {
        skip(path, 'not a directory');
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
}

/**
 * Log files in every directory (recursive to a small depth), the newest MAX_FILES of them, newest first. Years of daily
 * logs hold more than that: the newest are the ones asked about ("errors today"), so the cut keeps them and counts the
 * older ones it leaves out. Names past MAX_EXAMINED are not looked at (truncated, not counted).
 */
export async function listLogFiles(dirs: LogDir[]): Promise<LogFileListing> {
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
  let truncated = false;
  for (const dir of dirs) {
    const queue: { path: string; depth: number }[] = [{ path: dir.real, depth: 0 }];
    while (queue.length > 0) {
      const current = queue.shift()!;
      let entries;
      try {
        entries = await fsp.readdir(current.path, { withFileTypes: true });
      } catch {
        continue;
      }
      entries.sort((a, b) => a.name.localeCompare(b.name));
      for (const entry of entries) {
        const full = resolve(current.path, entry.name);
        if (entry.isDirectory()) {
          if (current.depth < MAX_DEPTH && !SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) queue.push({ path: full, depth: current.depth + 1 });
          continue;
        }
        if (!isLogFileName(entry.name)) continue;
        if (++examined > MAX_EXAMINED) {
          truncated = true;
          break;
        }
        // Symlinks count only when they resolve to a regular file inside the directory.
        let stats: Stats;
        try {
          if (entry.isSymbolicLink() && !isInside(dir.real, await fsp.realpath(full))) continue;
          stats = await fsp.stat(full);
        } catch {
          continue;
        }
        if (!stats.isFile()) continue;
        const identity = `${stats.dev}:${stats.ino}`;
        if (seen.has(identity)) continue;
        seen.add(identity);
        const rel = relative(dir.real, full);
        files.push({ name: nameFor(dirs, dir, rel), relativePath: rel.split(sep).join('/'), dir: dir.path, size: stats.size, mtimeMs: stats.mtimeMs, gzip: /\.gz$/i.test(entry.name) });
        if (files.length >= 2 * MAX_FILES) keepNewest();
      }
    }
  }
  keepNewest();
  return { files, truncated: truncated || omitted > 0, omitted, ...(omittedNewestMs === undefined ? {} : { omittedNewestMs }) };
}

const newestFirst = (a: LogFileInfo, b: LogFileInfo) => b.mtimeMs - a.mtimeMs || a.name.localeCompare(b.name);

export function isInside(root: string, candidate: string): boolean {
  if (candidate === root) return false;
  const prefix = root.endsWith(sep) ? root : root + sep;
  return candidate.startsWith(prefix);
}

function notFound(name: string, available: LogFileInfo[]): UserFacingError {
  const names = available.slice(0, 20).map((f) => f.name);
  const more = available.length > names.length ? `, … (${available.length - names.length} more)` : '';
  return new UserFacingError(`no such log file: ${name}; available: ${names.length ? names.join(', ') + more : '(none)'}`);
}

/**
 * Resolves a caller-supplied name to a regular file inside one of the directories and opens it.
 * Refuses absolute paths, `..`, links that leave the directory, FIFOs, sockets and devices; never blocks on open.
 */
export async function openLogFile(dirs: LogDir[], name: string, available: () => Promise<LogFileInfo[]>): Promise<OpenedLog> {
  const cleaned = name.trim().replace(/\\/g, '/');
  if (cleaned.length === 0 || cleaned.includes('\0')) throw new UserFacingError('file name is empty or invalid');
  if (isAbsolute(name) || cleaned.startsWith('/') || /^[a-zA-Z]:/.test(cleaned)) {
    throw new UserFacingError(`absolute paths are not allowed: give a name relative to a log directory (see logs://files)`);
  }
  if (cleaned.split('/').includes('..')) throw new UserFacingError(`".." is not allowed in log file names: ${name}`);

  const candidates: { dir: LogDir; rel: string }[] = [];
  if (dirs.length > 1) {
    const slash = cleaned.indexOf('/');
    const labelled = slash > 0 ? dirs.find((d) => d.label === cleaned.slice(0, slash)) : undefined;
    if (labelled) candidates.push({ dir: labelled, rel: cleaned.slice(slash + 1) });
  }
  for (const dir of dirs) candidates.push({ dir, rel: cleaned });

  for (const { dir, rel } of candidates) {
    const full = resolve(dir.real, rel);
    if (!isInside(dir.real, full)) continue;
    try {
      await fsp.lstat(full);
    } catch {
      continue;
    }
    const real = await fsp.realpath(full).catch(() => undefined);
    if (real === undefined) throw new UserFacingError(`${name} is a broken link`);
    if (!dirs.some((d) => isInside(d.real, real))) throw new UserFacingError(`${name} points outside the log directories; refused`);
    const stats = await fsp.stat(real);
    if (!stats.isFile()) throw new UserFacingError(`${name} is not a regular file (${kindOf(stats)}); refused`);
    // O_NONBLOCK: even if the path was swapped for a FIFO since the stat, open returns at once.
    const handle = await fsp.open(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const opened = await handle.stat();
    if (!opened.isFile() || opened.ino !== stats.ino || opened.dev !== stats.dev) {
      await handle.close();
      throw new UserFacingError(`${name} changed while being opened; refused`);
    }
    const relFinal = relative(dir.real, full).split(sep).join('/');
    const gzip = /\.gz$/i.test(real);
    // gzip text's charset is learned from its decompressed start, when it is read (io/chunks.ts).
    const charset = gzip ? undefined : await charsetOfFile(handle.fd, opened.size).catch(async (error: unknown) => {
      await handle.close();
      throw error;
    });
    return {
      info: { name: nameFor(dirs, dir, relFinal), relativePath: relFinal, dir: dir.path, size: opened.size, mtimeMs: opened.mtimeMs, gzip, ...(charset ? { charset } : {}) },
      handle,
      realPath: real,
      stats: opened,
    };
  }
  throw notFound(name, await available());
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a file';
}
