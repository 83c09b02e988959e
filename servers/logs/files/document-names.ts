// `.json` and `.txt` are the names of logs (JSON lines, `eve.json`, CloudTrail batches, a console saved as text) and of
// every project's documents (package.json, tsconfig.json, requirements.txt, LICENSE.txt, .vscode/settings.json). The
// workspace is a log directory, so by name alone a repository's documents were listed as log files, searched by every
// call, and `.vscode/settings.json` made every project report "log files in 1 hidden folder" (break38). The name cannot
// decide; the file's first bytes can, so these two extensions are looked into before a file is listed. `.csv` is the
// same: PostgreSQL's csvlog (`postgresql-%Y-%m-%d_%H%M%S.csv`, its default name) and a log console's exports are logs,
// a spreadsheet's export is not; left unlisted, a folder of csvlogs answered "no log files found".
import { promises as fsp } from 'node:fs';
import { constants as zlibConstants, gunzipSync } from 'node:zlib';
import { basename, dirname, isAbsolute, relative, sep } from 'node:path';
import { csvColumns, csvTimeColumn } from '../format/csv-columns';
import { createLineParser } from '../format/detect';
import { readJsonRecord } from '../format/envelopes';
import { sniffCharset } from '../io/charset';
import { withoutCompression } from '../io/decompress';
import { startsAsJournalExport } from '../io/journal-export';
import { startsAsRecordBatch } from '../io/record-batches';

/** Bytes read from the start of a `.json`/`.txt` file or a table (`.csv`, `.tsv`) to tell a log from a document. */
const PEEK_BYTES = 4096;
/** Lines of a `.txt` file's start read with the log-format detection. */
const PEEK_LINES = 40;

/**
 * Whether `name` is a log's only by an extension documents share: a plain `.json`, `.txt` or a table's (isTableName)
 * (a rotated `app.json.1` or a compressed `trail.json.gz` is a log by its rotation or compression).
 */
export function isAmbiguousLogName(name: string): boolean {
  return withoutCompression(name) === name && AMBIGUOUS_EXTENSION.test(name);
}

/**
 * Whether `name` is a table's: `.csv`, or `.tsv`/`.tab` (tab-separated values, which exports and loggers write as
 * well). Such a file is a log by its columns (a level or a time column), read as csv-columns.ts reads a CSV log.
 */
export function isTableName(name: string): boolean {
  return /\.(csv|tsv|tab)$/i.test(name);
}

/** The extensions of logs and documents alike: `.json`, `.txt` and the tables' (isTableName). */
const AMBIGUOUS_EXTENSION = /\.(json|txt|csv|tsv|tab)$/i;

/**
 * Whether `name` says nothing of its file's kind and may be a journal export saved by hand: no extension (`export`,
 * `journal`), or `.export`, plain or gzip-compressed (`export.gz`, `journal.export`). Such a file is looked into
 * (startsAsJournalExportFile) before it is counted among the files that are no log's.
 */
export function mayBeJournalExport(name: string): boolean {
  const plain = name.replace(/\.gz$/i, '');
  return /\.export$/i.test(plain) || !/\.[^./\\]+$/.test(plain.replace(/^\.+/, ''));
}

/** Bytes of a file's start (decompressed, for a `.gz` name) read to tell a journal export by its first field. */
const EXPORT_PEEK_BYTES = 512;

/**
 * Whether the file at `path` starts as a journal export (io/journal-export.ts startsAsJournalExport): its first
 * EXPORT_PEEK_BYTES, gunzipped as far as they go for a `.gz` name. False when it cannot be read.
 */
export async function startsAsJournalExportFile(path: string): Promise<boolean> {
  const gzip = /\.gz$/i.test(path);
  try {
    const handle = await fsp.open(path, 'r');
    try {
      const buffer = Buffer.alloc(gzip ? 8 * EXPORT_PEEK_BYTES : EXPORT_PEEK_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      const start = buffer.subarray(0, bytesRead);
      return startsAsJournalExport(gzip ? gunzipSync(start, { finishFlush: zlibConstants.Z_SYNC_FLUSH }).subarray(0, EXPORT_PEEK_BYTES) : start);
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

/**
 * Words in a file's own name, or its folder's, that say it holds a log (`build-log.txt`, `console.txt`, `eve.json`,
 * `logs/run.txt`): such a file is listed whatever its first lines are.
 */
const LOG_WORD = /(?:^|[^a-z])(?:logs?|out|err|errors?|stdout|stderr|console|trace|debug|audit|events?|eve|journal|access|output)(?:[^a-z]|$)/i;

/**
 * A folder's name that says its files are logs (`log`, `logs`, `app-logs`, `logs_2026`). Narrower than LOG_WORD: build
 * folders are named `out`, `output`, `Debug` (a .NET project's `bin/Debug/net8.0/*.deps.json`), and their documents are
 * no logs.
 */
const LOG_FOLDER = /(?:^|[^a-z])logs?(?:[^a-z]|$)/i;

/**
 * Whether the `.json`/`.txt`/`.csv`/`.tsv` file at `path` holds a log, from its name and first PEEK_BYTES: a log word in its name (LOG_WORD),
 * or a log folder's name for its folder or any folder between it and `root` (LOG_FOLDER), except for a table (by its columns only); JSON: a first line that is a whole JSON object (JSON
 * lines), a document of record batches (CloudTrail, OTLP), or a first pretty-printed object with a time
 * (prettyRecordTime); CSV: a table with a level or a time column (csv-columns.ts csvColumns, csvTimeColumn); text: a time or a level on a quarter or more of its first lines that start a record, as the
 * log-format detection reads them. An empty file, or one that cannot be read, is listed (nothing shows it is a
 * document; opening it says what is wrong). A document is a file of neither: package.json, a licence, a requirements list.
 */
export async function holdsLog(path: string, root?: string): Promise<boolean> {
  const isCsv = isTableName(path);
  // A table's columns say what it is, and a name cannot: a data set exported beside the logs (`logs/users.csv`, a
  // metrics export in `app-logs/`) was listed as a log by its folder's name alone, and searched by every call.
  if (!isCsv && (LOG_WORD.test(basename(path).replace(AMBIGUOUS_EXTENSION, '')) || foldersOf(path, root).some((folder) => LOG_FOLDER.test(folder)))) return true;
  let start: Buffer;
  try {
    const handle = await fsp.open(path, 'r');
    try {
      const buffer = Buffer.alloc(PEEK_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, PEEK_BYTES, 0);
      start = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return true;
  }
  if (start.length === 0) return true;
  if (startsAsRecordBatch(start) || startsAsJournalExport(start)) return true;
  // A preallocated or sparse file's zero bytes are no text: a file of only them is as empty as one of none (rev26a).
  const text = textOf(start).replace(/\0+/g, '');
  const lines = text.split(/\r?\n/);
  // The last line may be cut by the peek's end: it counts only when the peek holds the whole file, or, in a CSV file,
  // when a quoted cell is what it cuts (a long message: the cells before it are whole, and tell a log's row).
  if (start.length === PEEK_BYTES && lines.length > 1 && !(isCsv && lines[lines.length - 1].includes('"'))) lines.pop();
  const filled = lines.filter((line) => line.trim().length > 0);
  if (filled.length === 0) return true;
  if (/\.json$/i.test(path)) {
    // A JSON-lines record longer than the peek is cut in it: its opening `{"` is all there is to go by.
    if (lines.length === 1 && start.length === PEEK_BYTES) return /^\uFEFF?\s*\{\s*"/.test(filled[0]);
    // JSON lines are records, line after line; a lone minified object is as often a document (a tool's one-line
    // `settings.json`, a lock file) and is a log's only when it reads as a record: a time, a level or a message.
    if (isJsonObjectLine(filled[0])) return filled.length > 1 ? isJsonObjectLine(filled[1]) : readsAsRecord(filled[0]);
    return prettyRecordTime(text);
  }
  const sample = filled.slice(0, PEEK_LINES);
  // A table is a log by its columns: a level column, or a time column (PostgreSQL's csvlog, a console's export); a
  // spreadsheet's or a data set's rows are not, whatever dates they hold.
  if (isCsv) return csvColumns(sample) !== undefined || csvTimeColumn(sample, { referenceTime: Date.now() }) !== undefined;
  const parser = createLineParser(sample);
  const isStamped = (line: string) => {
    const parsed = parser.parse(line);
    return parsed.timestamp !== undefined || parsed.level !== undefined;
  };
  // A file that opens with a whole record header, a time and a level, is a log whatever follows it: a PHP trace's
  // unindented `#0 …` frames under the first record of a Laravel log outnumbered it, and misled the layout learned from
  // them all, so the first line is also read on its own. Both are asked: a time alone ("Release notes for 2024-01-01")
  // or a level word alone ("Error codes") opens documents too (rev26a).
  if ([parser, createLineParser(sample.slice(0, 1))].some((by) => {
    const first = by.parse(sample[0]);
    return first.timestamp !== undefined && first.level !== undefined;
  })) return true;
  const stamped = sample.filter(isStamped).length;
  // A record's indented lines (a stack trace's `\tat …` frames, a banner's art, a wrapped message) belong to the record
  // above: counted with them, one Java exception of 40 frames under its stamped line hid the whole log (rev26a).
  const heads = sample.filter((line) => !/^\s/.test(line)).length;
  return stamped > 0 && stamped * 4 >= heads;
}

/**
 * The folders whose names may say `path` holds a log: its own folder's, and with `root` (the log directory it was found
 * in) every folder between them, as CI artifacts keep a log by date and job (`logs/2026-12-03/build-42.txt`) (rev26a).
 */
function foldersOf(path: string, root: string | undefined): string[] {
  const own = basename(dirname(path));
  const between = root === undefined ? '' : relative(root, dirname(path));
  if (between === '' || between.startsWith('..') || isAbsolute(between)) return [own];
  return [own, ...between.split(sep)];
}

/** `start` as text: UTF-16 by its mark or shape (a Windows program's log), else UTF-8. */
function textOf(start: Buffer): string {
  const charset = sniffCharset(start);
  if (charset === 'utf-16le' || charset === 'utf-16be') return new TextDecoder(charset).decode(start);
  return start.toString('utf8');
}

/**
 * Whether `text` starts with a pretty-printed JSON log record, alone, one of a stream (`jq .` of a log) or of an array (an
 * export of events): its first object, whole in the peek, has a time as the JSON reader finds one (envelopes.ts
 * readJsonRecord). The server reads such files record by record; a document's first object (package.json,
 * tsconfig.json) has no time field (rev26a).
 */
/** Whether the JSON object `line` (isJsonObjectLine) reads as a log record: a time, a level or a message field. */
function readsAsRecord(line: string): boolean {
  const entry = readJsonRecord(JSON.parse(line.trim().replace(/^\uFEFF/, '')) as Record<string, unknown>, { referenceTime: Date.now() });
  return entry.timestamp !== undefined || entry.level !== undefined || entry.text !== undefined;
}

function prettyRecordTime(text: string): boolean {
  const first = firstObjectText(text);
  if (first === undefined) return false;
  let record: unknown;
  try {
    record = JSON.parse(first);
  } catch {
    return false;
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return false;
  return readJsonRecord(record as Record<string, unknown>, { referenceTime: Date.now() }).timestamp !== undefined;
}

/** The text of the first JSON object of `text` (after a BOM and an opening `[`), when it ends in `text`. */
function firstObjectText(text: string): string | undefined {
  const start = /^\uFEFF?\s*(?:\[\s*)?\{/.exec(text);
  if (!start) return undefined;
  const from = start[0].length - 1;
  let depth = 0;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && --depth === 0) return text.slice(from, i + 1);
  }
  return undefined;
}

/** Whether `line` is one whole JSON object, as a JSON-lines log's every line is (a document's first line is `{` alone). */
function isJsonObjectLine(line: string): boolean {
  const trimmed = line.trim().replace(/^\uFEFF/, '');
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) return false;
  try {
    const value: unknown = JSON.parse(trimmed);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
