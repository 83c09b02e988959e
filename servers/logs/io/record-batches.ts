// Logs written as JSON documents that each hold many records: AWS CloudTrail's files (`{"Records":[{…},{…}]}` on one
// line, or pretty-printed) and an OpenTelemetry collector's file exporter (`{"resourceLogs":[{"scopeLogs":[{"logRecords":
// [{…}]}]}]}`, one export request a line). Read line by line, a CloudTrail file was one line of megabytes with no time
// and no level: "no errors" whatever its records said. Its records are read one to a line instead, each as the JSON
// reader (format/envelopes.ts) reads a record: CloudTrail's `errorCode` is its error, its `eventName` (and the error)
// its message and `eventSource` its source; an OTLP record's `timeUnixNano` its time, `body` its message and its
// resource's `service.name` its source (as a journal unit or a container name is: the program that wrote it).
//
// The documents are streamed, byte by byte, never parsed whole: a 200 MB one-line file costs one record's bytes of
// memory (at most MAX_RECORD_BYTES; a longer record is cut there, with a note), and an OTLP resource's records read
// before the resource that names their service at most MAX_PENDING_BYTES.
// Not a streaming JSON library (stream-json, @streamparser/json): they build each record as a whole object, however
// large, where this scanner only finds a record's bounds and keeps at most MAX_RECORD_BYTES of its bytes.

import { journalExportEntries, startsAsJournalExport, type OpenEnd } from './journal-export';

/** Bytes of one record kept at most; the rest of a longer one is skipped, and it is read cut. */
export const MAX_RECORD_BYTES = 1024 * 1024;

/** The start of a document of record batches: its first key is CloudTrail's `Records` or OTLP's `resourceLogs`. */
const BATCH_START = /^\uFEFF?\s*\{\s*"(Records|resourceLogs)"\s*:\s*\[/;

/** Whether `start` (a file's first bytes, as UTF-8) opens a document of record batches (BATCH_START). */
export function startsAsRecordBatch(start: Buffer): boolean {
  return BATCH_START.test(start.subarray(0, 256).toString('latin1'));
}

/**
 * The key paths of the arrays whose elements are records, `*` standing for any element of an array: CloudTrail's
 * `Records`, OTLP/JSON's `logRecords` (under `scopeLogs`, or `instrumentationLibraryLogs` before OTLP 0.19).
 */
const RECORD_ARRAYS = new Set(['Records', 'resourceLogs.*.scopeLogs.*.logRecords', 'resourceLogs.*.instrumentationLibraryLogs.*.logRecords']);

/**
 * Open objects and arrays tracked by their frames at most; deeper ones are only counted. Record arrays sit at depth 6 or
 * less, and a frame per `[` of a hostile `[[[[…` would cost memory (and key paths) without bound.
 */
const MAX_FRAMES = 64;

/** One open object or array of the document being read. */
interface Frame {
  array: boolean;
  /** Its key path from the document's top (record arrays are found by it). */
  path: string;
  /** In an object: the key of the value being read (or last read). */
  key: string;
  /** In an object: a string now would be a key. */
  expectKey: boolean;
}

/**
 * Bytes of an OTLP `resource` object read at most to find its `service.name`: a resource is a few attributes (host,
 * process, SDK: hundreds of bytes). A longer one is not parsed, and its records have no source.
 */
export const MAX_RESOURCE_BYTES = 64 * 1024;

/**
 * Bytes of records held back at most while their resource's `service.name` is not yet read: OTLP/JSON lets `resource`
 * follow `scopeLogs` (the collector writes it first). Past this the held records, and the rest of that resource's, are
 * given without a source rather than held without bound.
 */
export const MAX_PENDING_BYTES = 4 * MAX_RECORD_BYTES;

/**
 * Records held back while their resource's `service.name` is unread, in order: their bytes one after another in one
 * buffer, and where each ends (`~end` when it was cut). A few bytes a record beyond its text, where an object and a
 * copy of its own per record cost some 300 bytes: 4 MiB of `{}` records held had taken 640 MB.
 */
class HeldRecords {
  private store = Buffer.alloc(0);
  private ends: number[] = [];
  /** Bytes of the records held. */
  bytes = 0;

  /** Records held. */
  get count(): number {
    return this.ends.length;
  }

  /** Holds a copy of `text` (it may be a view of a piece its reader reuses); `cut`: it was cut at MAX_RECORD_BYTES. */
  add(text: Buffer, cut: boolean): void {
    const end = this.bytes + text.length;
    if (end > this.store.length) {
      // Doubled, to at most the bound on held bytes (giveRecord holds no more).
      const grown = Buffer.allocUnsafe(Math.max(end, Math.min(MAX_PENDING_BYTES, Math.max(2 * this.store.length, 64 * 1024))));
      this.store.copy(grown, 0, 0, this.bytes);
      this.store = grown;
    }
    text.copy(this.store, this.bytes);
    this.bytes = end;
    this.ends.push(cut ? ~end : end);
  }

  /** Each record held (a view of the store, valid until `each` returns), in order; then holds none. */
  takeAll(each: (text: Buffer, cut: boolean) => void): void {
    let start = 0;
    for (const mark of this.ends) {
      const end = mark < 0 ? ~mark : mark;
      each(this.store.subarray(start, end), mark < 0);
      start = end;
    }
    this.store = Buffer.alloc(0);
    this.ends = [];
    this.bytes = 0;
  }
}

/** Records of OTLP files given without the service their resource names, by why (counts, each of the whole file). */
export interface UnsourcedRecords {
  /** Their resource came after more than MAX_PENDING_BYTES of its records, and named a service. */
  late: number;
  /** Their resource was longer than MAX_RESOURCE_BYTES: not read for its service. */
  longResource: number;
}

/** Lines of held records joined into one buffer before they are given: one buffer per line for a million records is as costly. */
const HELD_LINES_JOINED = 4096;

/**
 * Characters of a `service.name` kept as a record's source (a longer one is cut there, with `…`): a name is a word or
 * two (`checkout`, a Kubernetes name of at most 253), and every record of its resource carries it, so a hostile
 * resource naming a 60,000-character service made each 3-byte record `{}` a 60 KB line: 120 KB of file gave 1.2 GB.
 */
export const MAX_SERVICE_CHARS = 256;

/**
 * The service an OTLP `resource` object (its JSON text) names in its `service.name` attribute (line breaks made
 * spaces, cut at MAX_SERVICE_CHARS), or undefined.
 */
export function serviceOfResource(text: Buffer): string | undefined {
  let resource: unknown;
  try {
    resource = JSON.parse(text.toString('utf8'));
  } catch {
    return undefined;
  }
  const attributes = (resource as { attributes?: unknown } | null)?.attributes;
  if (!Array.isArray(attributes)) return undefined;
  for (const attribute of attributes as unknown[]) {
    if (!attribute || typeof attribute !== 'object') continue;
    const { key, value } = attribute as { key?: unknown; value?: unknown };
    if (key !== 'service.name' || !value || typeof value !== 'object') continue;
    const name = (value as { stringValue?: unknown }).stringValue;
    if (typeof name !== 'string' || name.trim() === '') return undefined;
    const line = name.replace(/[\r\n]+/g, ' ');
    if (line.length <= MAX_SERVICE_CHARS) return line;
    // Not between the halves of a character written as two (a surrogate pair).
    const cut = line.charCodeAt(MAX_SERVICE_CHARS - 1) >= 0xd800 && line.charCodeAt(MAX_SERVICE_CHARS - 1) <= 0xdbff ? MAX_SERVICE_CHARS - 1 : MAX_SERVICE_CHARS;
    return `${line.slice(0, cut)}…`;
  }
  return undefined;
}

/** `text` (UTF-8) as one line: its line breaks made spaces, a newline after it. */
function oneLine(text: Buffer): Buffer {
  return Buffer.from(`${text.toString('utf8').replace(/[\r\n]+/g, ' ')}\n`);
}

/**
 * The entries of one record (its JSON text), as one line the JSON reader reads; `cut`: it was cut (given as written);
 * `service`: the `service.name` of the OTLP resource the record belongs to, its source.
 */
function recordLine(text: Buffer, cut: boolean, service?: string): Buffer {
  if (cut) return oneLine(text);
  let record: unknown;
  try {
    record = JSON.parse(text.toString('utf8'));
  } catch {
    return oneLine(text);
  }
  // A record that is a string (`"Records": ["ERROR disk full"]`) is its text; a number or a literal, as written. Under an
  // OTLP resource that names its service it is the message of a record of that service: as bare text it had no source,
  // and a search for the service's records missed it.
  if (typeof record === 'string') {
    return service === undefined ? Buffer.from(`${record.replace(/[\r\n]+/g, ' ')}\n`) : Buffer.from(`${JSON.stringify({ message: record, source: service })}\n`);
  }
  try {
    if (!record || typeof record !== 'object' || Array.isArray(record)) return Buffer.from(`${JSON.stringify(record)}\n`);
    return Buffer.from(`${JSON.stringify({ ...readFields(record as Record<string, unknown>, service), ...record })}\n`);
  } catch {
    // Nested deeper than JSON.stringify's recursion goes (a RangeError): the record's own text, on one line.
    return oneLine(text);
  }
}

/**
 * The source a record's line (recordLine's output) names: its `source` field (an OTLP record's service, a CloudTrail
 * record's eventSource), or undefined for a line of none (bare text, a record cut at MAX_RECORD_BYTES, a record under
 * a resource that names no service, or a line the reader was handed cut).
 */
export function sourceOfRecordLine(text: string): string | undefined {
  if (!text.startsWith('{') || !text.includes('"source"')) return undefined;
  try {
    const source = (JSON.parse(text) as { source?: unknown } | null)?.source;
    return typeof source === 'string' ? source : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The fields the JSON reader takes a record's time, level, message and source from, for a record that has its own
 * names for them (the record's own fields follow, and win over these where it has the same names).
 * - CloudTrail: `errorCode` (and `errorMessage`) make it an error (an AWS call that was refused or failed), else it is
 *   information; `eventName` is what was called, `eventSource` the service; `eventTime` is read as it is.
 * - OTLP/JSON: `timeUnixNano` (else `observedTimeUnixNano`), nanoseconds since the epoch as a string, is its time;
 *   `body.stringValue` its message (another body's JSON text); `service` (its resource's `service.name`) its source;
 *   `severityText`/`severityNumber` are read as they are.
 */
function readFields(record: Record<string, unknown>, service?: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  if (typeof record.eventName === 'string' && (typeof record.eventTime === 'string' || typeof record.eventSource === 'string')) {
    const error = typeof record.errorCode === 'string' ? record.errorCode : undefined;
    const detail = typeof record.errorMessage === 'string' ? `: ${record.errorMessage}` : '';
    fields.level = error ? 'ERROR' : 'INFO';
    fields.message = error ? `${record.eventName} failed: ${error}${detail}` : record.eventName;
    if (typeof record.eventSource === 'string') fields.source = record.eventSource;
    return fields;
  }
  const time = [record.timeUnixNano, record.observedTimeUnixNano].map(timeOfNanos).find((t) => t !== undefined);
  if (time !== undefined) fields.time = time;
  const body = record.body;
  if (body && typeof body === 'object') {
    const value = (body as Record<string, unknown>).stringValue;
    fields.message = typeof value === 'string' ? value : JSON.stringify(body);
  }
  if (service !== undefined) fields.source = service;
  return fields;
}

/**
 * The ISO time of OTLP's nanoseconds since the epoch (a string of digits, or a JSON number), or undefined for 0, a
 * number that is not a whole count (`1e+30`, `1.5`) or one past what a Date holds: a record's bad time is left unread,
 * never an error that stops the file's reading.
 */
function timeOfNanos(value: unknown): string | undefined {
  const digits = typeof value === 'string' ? value : typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : typeof value === 'number' && Number.isFinite(value) && value > 0 ? value.toFixed(0) : undefined;
  if (digits === undefined || !/^\d{1,25}$/.test(digits) || /^0+$/.test(digits)) return undefined;
  const date = new Date(Number(BigInt(digits) / 1_000_000n));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Bytes held back from a piece's end when its last line is this short, so a line's start is seen whole (LINE_START). */
const LINE_LOOK = 64;

/**
 * A line that opens a new document of record batches at its first column. Inside a document only a nested value's
 * indentation or a comma precedes a `{`, so a document still open when such a line comes was cut short (a collector
 * killed mid-write, then restarted): it ends there, and the new one is read.
 */
const LINE_START = /^\{\s*"(Records|resourceLogs)"\s*:\s*\[/;

/**
 * The records of the documents of record batches in `source` (UTF-8 bytes, in pieces of any size), one to a line
 * (recordLine), in order. A top-level document holding no record array is given whole as one line (newlines made
 * spaces, at most MAX_RECORD_BYTES of it); a line between documents that is not JSON (a wrapper's or a shell's text)
 * is given as it is. A document cut short (the file ends in it, or a new document starts on a line of its own, or a
 * string runs into a newline, which JSON's strings never hold) gives the record being read as far as it went. An OTLP
 * record carries its resource's `service.name` as `source`; records read before their resource are held (at most
 * MAX_PENDING_BYTES) until it is read, so the lines keep the file's order.
 * `onCut` hears the count of records cut at MAX_RECORD_BYTES so far, each time one is; `onUnsourced` the counts of
 * records given without their resource's service so far (UnsourcedRecords), each time they grow.
 */
export async function* splitRecordBatches(source: AsyncIterable<Buffer>, onCut?: (count: number) => void, onUnsourced?: (counts: UnsourcedRecords) => void): AsyncGenerator<Buffer> {
  const stack: Frame[] = [];
  let inString = false;
  let escaped = false;
  /** The key being read (a string in key position), at most 256 bytes of it. */
  let keyBytes: number[] | undefined;
  /** The record being read: its depth (stack length once it opened), its pieces and size. */
  let record: { depth: number; parts: Buffer[]; size: number; cut: boolean; scalar?: true } | undefined;
  /** The OTLP `resource` object being read (its depth, as for a record), kept to read its `service.name`. */
  let resource: { depth: number; parts: Buffer[]; size: number; cut: boolean } | undefined;
  /**
   * The element of `resourceLogs` being read (its depth): its resource's service once read (`read`), and its records
   * read before that, held in order (`held`); `overflow`: too many were, the rest go without a source (`late` counts
   * them, told once the resource is read); `resourceCut`: its resource was too long to read.
   */
  let resourceLogs: { depth: number; read: boolean; service?: string; held: HeldRecords; overflow: boolean; late: number; resourceCut: boolean } | undefined;
  /** The top-level document, kept while it holds no record array (then given whole). */
  let document: { parts: Buffer[]; size: number; cut: boolean; records: boolean } | undefined;
  /** A line of text outside any document, read to its newline. */
  let loose: { parts: Buffer[]; size: number; cut: boolean } | undefined;
  /** The byte before the one being read was a newline (or the source's start): a line starts. */
  let lineStart = true;
  let cuts = 0;
  const unsourced: UnsourcedRecords = { late: 0, longResource: 0 };
  const countUnsourced = (why: keyof UnsourcedRecords, count: number) => {
    if (count === 0) return;
    unsourced[why] += count;
    onUnsourced?.({ ...unsourced });
  };
  /** Objects and arrays open beyond MAX_FRAMES (counted, not tracked). */
  let untracked = 0;
  const out: Buffer[] = [];

  const keep = (target: { parts: Buffer[]; size: number; cut: boolean }, piece: Buffer, from: number, to: number, max = MAX_RECORD_BYTES) => {
    if (target.cut || to <= from) return;
    const room = max - target.size;
    const end = Math.min(to, from + room);
    target.parts.push(piece.subarray(from, end));
    target.size += end - from;
    if (end < to) target.cut = true;
  };
  const joined = (target: { parts: Buffer[] }) => (target.parts.length === 1 ? target.parts[0] : Buffer.concat(target.parts));
  /** Gives the records held for their resource's service, with it if it was read. */
  const giveHeld = () => {
    if (!resourceLogs) return;
    const { service } = resourceLogs;
    if (resourceLogs.resourceCut) countUnsourced('longResource', resourceLogs.held.count);
    else if (!resourceLogs.read) resourceLogs.late += resourceLogs.held.count;
    let lines: Buffer[] = [];
    resourceLogs.held.takeAll((text, cut) => {
      lines.push(recordLine(text, cut, service));
      if (lines.length === HELD_LINES_JOINED) {
        out.push(Buffer.concat(lines));
        lines = [];
      }
    });
    if (lines.length > 0) out.push(Buffer.concat(lines));
  };
  /** Gives a record (its text; `cut`), or holds it while its OTLP resource's service is not yet read. */
  const giveRecord = (text: Buffer, cut: boolean) => {
    if (resourceLogs && !resourceLogs.read && !resourceLogs.overflow) {
      if (resourceLogs.held.bytes + text.length <= MAX_PENDING_BYTES) {
        resourceLogs.held.add(text, cut);
        return;
      }
      resourceLogs.overflow = true;
      giveHeld();
    }
    if (resourceLogs && !resourceLogs.read) resourceLogs.late++;
    else if (resourceLogs?.resourceCut) countUnsourced('longResource', 1);
    out.push(recordLine(text, cut, resourceLogs?.service));
  };
  /** Gives the record read whole (cut at MAX_RECORD_BYTES, if it was). */
  const endRecord = () => {
    if (!record) return;
    if (record.cut) onCut?.(++cuts);
    giveRecord(joined(record), record.cut);
    record = undefined;
  };
  /** Ends a document cut short: the record (or record-less document) being read is given as far as it went. */
  const abandon = () => {
    giveHeld();
    if (record) out.push(recordLine(joined(record), true));
    else if (document && !document.records && document.size > 0) out.push(recordLine(joined(document), true));
    stack.length = 0;
    untracked = 0;
    inString = false;
    escaped = false;
    keyBytes = undefined;
    record = undefined;
    resource = undefined;
    resourceLogs = undefined;
    document = undefined;
  };

  /** Reads `piece` up to `limit` (the rest is held for the next piece). */
  const consume = (piece: Buffer, limit: number) => {
    // Where the record, document or loose line being kept started in this piece.
    let recordFrom = record ? 0 : -1;
    let resourceFrom = resource ? 0 : -1;
    let documentFrom = document && !document.records ? 0 : -1;
    let looseFrom = loose ? 0 : -1;
    for (let i = 0; i < limit; i++) {
      const byte = piece[i];
      const atLineStart = lineStart;
      lineStart = byte === 0x0a;
      if (loose) {
        if (byte === 0x0a) {
          keep(loose, piece, looseFrom, i + 1);
          out.push(joined(loose));
          if (loose.cut) out.push(Buffer.from('\n'));
          loose = undefined;
          looseFrom = -1;
        }
        continue;
      }
      if (stack.length > 0 && (inString ? byte === 0x0a : atLineStart && byte === 0x7b && LINE_START.test(piece.subarray(i, Math.min(limit, i + LINE_LOOK)).toString('latin1')))) {
        if (record && recordFrom >= 0) keep(record, piece, recordFrom, i);
        if (document && !document.records && documentFrom >= 0) keep(document, piece, documentFrom, i);
        abandon();
        recordFrom = -1;
        resourceFrom = -1;
        documentFrom = -1;
        if (byte === 0x0a) continue;
      }
      if (inString) {
        if (escaped) escaped = false;
        else if (byte === 0x5c /* \ */) escaped = true;
        else if (byte === 0x22 /* " */) {
          inString = false;
          if (record?.scalar && stack.length === record.depth) {
            keep(record, piece, recordFrom, i + 1);
            endRecord();
            recordFrom = -1;
          } else if (keyBytes) {
            stack[stack.length - 1].key = Buffer.from(keyBytes).toString('utf8');
            keyBytes = undefined;
          }
        } else if (keyBytes && keyBytes.length < 256) keyBytes.push(byte);
        continue;
      }
      const blank = byte === 0x20 || byte === 0x09 || byte === 0x0d || byte === 0x0a;
      // A bare number or literal as a record ends at the blank, `,` or `]` after it.
      if (record?.scalar && (blank || byte === 0x2c || byte === 0x5d)) {
        keep(record, piece, recordFrom, i);
        endRecord();
        recordFrom = -1;
      }
      if (untracked > 0 || (stack.length >= MAX_FRAMES && (byte === 0x7b || byte === 0x5b))) {
        if (byte === 0x22) inString = true;
        else if (byte === 0x7b || byte === 0x5b) untracked++;
        else if (byte === 0x7d || byte === 0x5d) untracked--;
        continue;
      }
      const top = stack[stack.length - 1];
      // A record array's element that is no object (a string, a number): a record of its own, not dropped.
      if (top?.array && record === undefined && RECORD_ARRAYS.has(top.path) && !blank && byte !== 0x2c && byte !== 0x5d && byte !== 0x7b && byte !== 0x5b) {
        record = { depth: stack.length, parts: [], size: 0, cut: false, scalar: true };
        recordFrom = i;
        if (byte === 0x22) inString = true;
        continue;
      }
      if (!top && byte !== 0x7b && byte !== 0x5b) {
        // Between documents: blanks (and a byte-order mark) are skipped, anything else is a line of text.
        if (blank) continue;
        if (byte === 0xef && piece[i + 1] === 0xbb && piece[i + 2] === 0xbf) {
          i += 2;
          continue;
        }
        loose = { parts: [], size: 0, cut: false };
        looseFrom = i;
        continue;
      }
      switch (byte) {
        case 0x22: // "
          inString = true;
          if (top && !top.array && top.expectKey) keyBytes = [];
          break;
        case 0x3a: // :
          if (top && !top.array) top.expectKey = false;
          break;
        case 0x2c: // ,
          if (top && !top.array) top.expectKey = true;
          break;
        case 0x7b: // {
        case 0x5b: {
          // [
          if (!top) {
            document = { parts: [], size: 0, cut: false, records: false };
            documentFrom = i;
          }
          const path = !top ? '' : top.array ? `${top.path}.*` : top.path ? `${top.path}.${top.key}` : top.key;
          if (top?.array && record === undefined && RECORD_ARRAYS.has(top.path) && byte === 0x7b) {
            record = { depth: stack.length + 1, parts: [], size: 0, cut: false };
            recordFrom = i;
          }
          if (byte === 0x7b && path === 'resourceLogs.*') resourceLogs = { depth: stack.length + 1, read: false, held: new HeldRecords(), overflow: false, late: 0, resourceCut: false };
          if (byte === 0x7b && path === 'resourceLogs.*.resource' && resourceLogs && !resourceLogs.read) {
            resource = { depth: stack.length + 1, parts: [], size: 0, cut: false };
            resourceFrom = i;
          }
          const frame: Frame = { array: byte === 0x5b, path, key: '', expectKey: byte === 0x7b };
          if (frame.array && RECORD_ARRAYS.has(path) && document) {
            document.records = true;
            document.parts = [];
            documentFrom = -1;
          }
          stack.push(frame);
          break;
        }
        case 0x7d: // }
        case 0x5d: {
          // ]
          if (record && stack.length === record.depth) {
            keep(record, piece, recordFrom, i + 1);
            endRecord();
            recordFrom = -1;
          }
          if (resource && stack.length === resource.depth) {
            keep(resource, piece, resourceFrom, i + 1, MAX_RESOURCE_BYTES);
            if (resourceLogs) {
              resourceLogs.read = true;
              resourceLogs.resourceCut = resource.cut;
              resourceLogs.service = resource.cut ? undefined : serviceOfResource(joined(resource));
              // Given before it came: without the service it names (none lost when it names none).
              if (resource.cut) countUnsourced('longResource', resourceLogs.late);
              else if (resourceLogs.service !== undefined) countUnsourced('late', resourceLogs.late);
              resourceLogs.late = 0;
              giveHeld();
            }
            resource = undefined;
            resourceFrom = -1;
          }
          if (resourceLogs && stack.length === resourceLogs.depth) {
            giveHeld();
            resourceLogs = undefined;
          }
          stack.pop();
          if (stack.length === 0 && document) {
            if (!document.records) {
              keep(document, piece, documentFrom, i + 1);
              if (document.cut) onCut?.(++cuts);
              out.push(recordLine(joined(document), document.cut));
            }
            document = undefined;
            documentFrom = -1;
          }
          break;
        }
        default:
          break;
      }
    }
    if (record && recordFrom >= 0) keep(record, piece, recordFrom, limit);
    if (resource && resourceFrom >= 0) keep(resource, piece, resourceFrom, limit, MAX_RESOURCE_BYTES);
    if (document && !document.records && documentFrom >= 0) keep(document, piece, documentFrom, limit);
    if (loose && looseFrom >= 0) keep(loose, piece, looseFrom, limit);
  };

  let held: Buffer | undefined;
  for await (const next of source) {
    const piece = held ? Buffer.concat([held, next]) : next;
    // A short last line is held back: its start decides whether a new document begins (LINE_START).
    const lastLine = piece.lastIndexOf(0x0a) + 1;
    const limit = piece.length - lastLine < LINE_LOOK ? lastLine : piece.length;
    held = limit < piece.length ? Buffer.from(piece.subarray(limit)) : undefined;
    if (limit === 0) continue;
    consume(piece, limit);
    if (out.length > 0) {
      yield Buffer.concat(out);
      out.length = 0;
    }
  }
  if (held) consume(held, held.length);
  // The file ends inside a document or a line: what was read of them is given.
  abandon();
  if (loose) out.push(Buffer.concat([...loose.parts, Buffer.from('\n')]));
  if (out.length > 0) yield Buffer.concat(out);
}

/**
 * `source` (UTF-8 bytes of a file, in pieces) split into records when its start is a document of record batches
 * (startsAsRecordBatch: splitRecordBatches) or a journal export (io/journal-export.ts: an entry's fields to a line), else
 * as it is. `onCut` and `onUnsourced` as for splitRecordBatches; `onOpenEnd` as for journalExportEntries.
 */
export async function* recordsWhenBatched(source: AsyncIterable<Buffer>, onCut?: (count: number) => void, onUnsourced?: (counts: UnsourcedRecords) => void, onOpenEnd?: (end: OpenEnd) => void): AsyncGenerator<Buffer> {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const rest: AsyncIterable<Buffer> = {
    async *[Symbol.asyncIterator]() {
      yield first.value;
      for (let step = await iterator.next(); !step.done; step = await iterator.next()) yield step.value;
    },
  };
  if (startsAsRecordBatch(first.value)) yield* splitRecordBatches(rest, onCut, onUnsourced);
  else if (startsAsJournalExport(first.value)) yield* journalExportEntries(rest, onCut, onOpenEnd);
  else yield* rest;
}
