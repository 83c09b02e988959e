// What every logs tool needs: the directories, ripgrep, file listing, safe opening and per-file parsers.
import { promises as fsp } from 'node:fs';
import type { LineParser } from '../format/types';
import { listLogFiles, openLogFile, prepareDirs, type LogDir, type LogFileInfo, type LogFileListing, type OpenedLog, type OpenOptions, type SkippedDir } from '../files/log-files';
import { parserFor, readFileIndex, withFileIndex } from '../format/parser';
import { codingOf } from '../io/charset';
import { legacyCharsetName } from '../../shared/legacy-charset';
import { readHead } from '../io/head';
import { countServices, SERVICE_COUNT_BYTES, type FileServices } from '../files/record-services';
import type { TailFile } from '../io/tail';
import type { ScanClient } from '../scan/client';
import type { ScanTarget } from '../search/types';
import type { SourceRegistry } from '../sources/registry/registry';

export interface LogsContext {
  dirs: LogDir[];
  /** Configured directories that could not be read at start, with the reason: tools name them when nothing is found. */
  skippedDirs: SkippedDir[];
  ripgrep: string | undefined;
  /** Runs scans in the scan process. */
  scans: ScanClient;
  /** The journal and container sources that are on. */
  sources: SourceRegistry;
  /** Settings refused at start (config.ts settingNotes): tools add them to the notes of a result they bear on. */
  settingNotes: readonly string[];
  /** Bytes from which a plain file is sought in for a since window (config.ts LOG_SEEK_MIN_BYTES); the default when absent. */
  seekMinBytes?: number;
  listFiles(): Promise<LogFileListing>;
  /**
   * Opens a caller-named file safely; the caller closes the handle. `options.legacyCharset`: the charset its lines that
   * are not UTF-8 are decoded in (a call's `encoding`), else LOG_ENCODING's, else detected.
   */
  open(name: string, options?: OpenOptions): Promise<OpenedLog>;
  /** The detected line parser of an opened file (cached by path, size and mtime). */
  parserOf(opened: OpenedLog): Promise<LineParser>;
  /** Opens, detects and closes: for listings. */
  formatOf(info: LogFileInfo): Promise<string | undefined>;
  /**
   * For listings: the services of a file of record batches, counted over the whole file (files/record-services.ts;
   * cached by the file's identity, size and time of writing); 'not counted' when it is too large to read for a
   * listing; undefined for any other file, or one that cannot be read.
   */
  servicesOf(info: LogFileInfo, signal?: AbortSignal): Promise<FileServices | 'not counted' | undefined>;
}

/** An opened file as the tail readers (io/tail.ts) take it: its coding and its size on disk. */
export function tailOf(opened: OpenedLog): TailFile {
  return { handle: opened.handle, ...codingOf(opened.info), size: opened.stats.size };
}

export function targetOf(opened: OpenedLog): ScanTarget {
  return {
    name: opened.info.name,
    realPath: opened.realPath,
    ...codingOf(opened.info),
    size: opened.stats.size,
    mtimeMs: opened.stats.mtimeMs,
    dev: opened.stats.dev,
    ino: opened.stats.ino,
  };
}

export interface LogsContextOptions {
  /** Absolute log directories (config.ts); missing or unreadable ones are skipped with a note on stderr and in skippedDirs. */
  dirs: string[];
  /** Path of the rg binary, or undefined for the pure-Node scanner. */
  ripgrep: string | undefined;
  scans: ScanClient;
  sources: SourceRegistry;
  /** The charset to decode log text that is not UTF-8 in (config.ts LOG_ENCODING; iconv-lite's name), else detected. */
  legacyCharset?: string;
  /** Settings refused at start (config.ts settingNotes). */
  settingNotes?: string[];
  /** Bytes from which a plain file is sought in for a since window (config.ts LOG_SEEK_MIN_BYTES). */
  seekMinBytes?: number;
}

export async function createLogsContext({ dirs: paths, ripgrep, scans, sources, legacyCharset, settingNotes = [], seekMinBytes }: LogsContextOptions): Promise<LogsContext> {
  const skippedDirs: SkippedDir[] = [];
  const dirs = await prepareDirs(paths, skippedDirs);
  const parsers = new Map<string, LineParser>();
  const services = new Map<string, FileServices | 'not counted' | undefined>();
  const list = () => listLogFiles(dirs);
  const context: LogsContext = {
    dirs,
    skippedDirs,
    ripgrep,
    scans,
    sources,
    settingNotes,
    ...(seekMinBytes !== undefined ? { seekMinBytes } : {}),
    listFiles: list,
    open: (name, options) => openLogFile(dirs, name, async () => (await list()).files, options ?? (legacyCharset === undefined ? {} : { legacyCharset })),
    async parserOf(opened) {
      // The charset a file is read in changes its head's text: a call's `encoding` may differ from the last one's.
      const key = `${opened.realPath}\0${opened.stats.size}\0${opened.stats.mtimeMs}\0${opened.info.legacyCharset ?? ''}`;
      const cached = parsers.get(key);
      if (cached) return cached;
      const head = await readHead(opened.handle.fd, opened.info);
      const learned = parserFor(head.data, head.complete, opened.stats.mtimeMs);
      // Times of day without a date are dated by the whole file's days (format/clock-days.ts), as the scan process does.
      const file = { ...codingOf(opened.info), name: opened.info.name, size: opened.stats.size, mtimeMs: opened.stats.mtimeMs };
      const parser = withFileIndex(learned, await readFileIndex(opened.handle.fd, file, learned));
      if (parsers.size > 500) parsers.clear();
      parsers.set(key, parser);
      return parser;
    },
    async formatOf(info) {
      let opened: OpenedLog | undefined;
      try {
        opened = await context.open(info.name);
        return (await context.parserOf(opened)).format.id;
      } catch {
        return undefined;
      } finally {
        await opened?.handle.close();
      }
    },
    async servicesOf(info, signal) {
      let opened: OpenedLog | undefined;
      try {
        opened = await context.open(info.name);
        if (!opened.info.records) return undefined;
        const key = `${opened.stats.dev}:${opened.stats.ino}\0${opened.stats.size}\0${opened.stats.mtimeMs}`;
        if (services.has(key)) return services.get(key);
        const counted = (await countServices(opened, signal)) ?? (opened.stats.size > SERVICE_COUNT_BYTES ? 'not counted' : undefined);
        if (signal?.aborted) return counted;
        if (services.size > 500) services.clear();
        services.set(key, counted);
        return counted;
      } catch {
        return undefined;
      } finally {
        await opened?.handle.close();
      }
    },
  };
  return context;
}

/**
 * `ctx` for one call whose caller named the charset of its files' lines that are not UTF-8 (its `encoding`, checked by
 * common.ts encodingSchema); `ctx` itself when it named none, or UTF-8.
 */
export function withEncoding(ctx: LogsContext, encoding: string | undefined): LogsContext {
  const legacyCharset = encoding === undefined ? undefined : legacyCharsetName(encoding);
  if (legacyCharset === undefined) return ctx;
  return { ...ctx, open: (name, options) => ctx.open(name, options ?? { legacyCharset, asked: true }) };
}

export async function closeQuietly(handle: fsp.FileHandle | undefined): Promise<void> {
  try {
    await handle?.close();
  } catch {
    // already closed
  }
}
