// Reading a gzip log the way zcat does: every member in turn (rotation tools and `cat a.gz b.gz` make several), the
// readable part of a damaged member with a note naming the damage, and whatever follows the last member (padding, a
// stray newline) ignored. Node's own gunzip stream does none of this reliably: it refuses a whole file for one
// trailing newline and, fed at once, drops everything before an error.
import { fstatSync, read } from 'node:fs';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import { cutNote, EARLY_END, OutputBound, outputLimit } from './expansion';

const readAsync = promisify(read);
const READ_BYTES = 1024 * 1024;
/** Longest member header looked at (RFC 1952 headers carry an optional file name, comment and extra field). */
const MAX_HEADER_BYTES = 64 * 1024;
const FLAG = { HCRC: 2, EXTRA: 4, NAME: 8, COMMENT: 16 };
/** zlib.crc32 exists from Node 20.15 / 22.2; without it only the size check of the trailer is made. */
const crc32 = (zlib as { crc32?: (data: Buffer, value?: number) => number }).crc32;

/** A gzip file being decompressed: the output, compressed bytes read so far, and the damage found (once ended). */
export interface GunzipStream {
  /** Decompressed bytes of every readable member; fails only when not even the first member's header is readable. */
  output: Readable;
  counter: { bytes: number };
  close: () => void;
  /** Why the decompressed text ends early (e.g. "the compressed data ends in the middle of member 2"), if it does. */
  damage: () => string | undefined;
  /**
   * Once ended: the one sentence every reader of a gzip file puts in its notes, naming the damage (the text ends early)
   * or the bytes after the last member that were ignored (the text is whole); undefined for a sound file.
   */
  note: () => string | undefined;
}

/** Raw bytes of an open descriptor from `position` on, by positional reads (never closes it). */
export async function* rawChunks(fd: number, position: number, counter: { bytes: number }): AsyncGenerator<Buffer> {
  for (;;) {
    const buffer = Buffer.allocUnsafe(READ_BYTES);
    const { bytesRead } = await readAsync(fd, buffer, 0, buffer.length, position);
    if (bytesRead <= 0) return;
    position += bytesRead;
    counter.bytes = Math.max(counter.bytes, position);
    yield bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead);
  }
}

async function readAt(fd: number, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await readAsync(fd, buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** End of a zero-terminated field starting at `from`, past its terminator, or -1. */
function afterZero(data: Buffer, from: number): number {
  const zero = data.indexOf(0, from);
  return zero === -1 ? -1 : zero + 1;
}

/** Bytes of the RFC 1952 member header at the start of `data`, or undefined when it does not hold a whole valid one. */
export function memberHeaderLength(data: Buffer): number | undefined {
  if (data.length < 10 || data[0] !== 0x1f || data[1] !== 0x8b || data[2] !== 8 || data[3] & 0xe0) return undefined;
  const flags = data[3];
  let at = 10;
  if (flags & FLAG.EXTRA) at = data.length >= at + 2 ? at + 2 + data.readUInt16LE(at) : -1;
  if (at !== -1 && flags & FLAG.NAME) at = afterZero(data, at);
  if (at !== -1 && flags & FLAG.COMMENT) at = afterZero(data, at);
  if (at !== -1 && flags & FLAG.HCRC) at += 2;
  return at === -1 || at > data.length ? undefined : at;
}

interface MemberEnd {
  /** Compressed bytes of the member's deflate data (when it ended). */
  deflateBytes?: number;
  error?: string;
  /** Decompressed bytes and their CRC-32, for the trailer check. */
  size: number;
  crc: number;
}

/** Inflates one member's deflate data starting at `position`, yielding its text; returns how it ended. */
async function* inflateMember(fd: number, position: number, counter: { bytes: number }, stop: { close?: () => void }): AsyncGenerator<Buffer, MemberEnd> {
  const source = Readable.from(rawChunks(fd, position, counter), { objectMode: false });
  const inflate = zlib.createInflateRaw({ chunkSize: READ_BYTES });
  source.on('error', (error) => inflate.destroy(error));
  source.pipe(inflate);
  stop.close = () => {
    source.unpipe(inflate);
    source.destroy();
    inflate.destroy();
  };
  const end: MemberEnd = { size: 0, crc: 0 };
  try {
    for await (const piece of inflate as AsyncIterable<Buffer>) {
      end.size += piece.length;
      if (crc32) end.crc = crc32(piece, end.crc);
      yield piece;
    }
    // bytesWritten counts the input the inflater consumed: the deflate data ends there, the trailer follows.
    end.deflateBytes = inflate.bytesWritten;
  } catch (error) {
    end.error = error instanceof Error ? error.message : String(error);
  } finally {
    stop.close();
    stop.close = undefined;
  }
  return end;
}

/** The damage a member's end shows, or undefined when it ended with a matching trailer. */
async function checkTrailer(fd: number, at: number, end: MemberEnd, member: number): Promise<string | undefined> {
  if (end.error !== undefined) {
    const truncated = /unexpected end of file/i.test(end.error);
    return truncated ? `the compressed data ends in the middle of member ${member}` : `member ${member} is corrupt (${end.error})`;
  }
  const trailer = await readAt(fd, at, 8);
  if (trailer.length < 8) return `the compressed data ends in the middle of member ${member}'s trailer`;
  if (trailer.readUInt32LE(4) !== end.size % 2 ** 32) return `member ${member} fails its size check`;
  if (crc32 && trailer.readUInt32LE(0) !== end.crc >>> 0) return `member ${member} fails its CRC check`;
  return undefined;
}

/**
 * Decompresses the gzip file on `fd` member by member. Damage ends the output where it occurred (`damage()` then says
 * what it was); bytes after the last whole member that do not start another are ignored. The output fails (with an
 * Error naming the damage) only when nothing at all could be read. Output past expansion.ts outputLimit of the file's
 * size is cut, with a note (`minOutputLimit`: that limit's floor in bytes; tests make it small).
 */
export function gunzipMembers(fd: number, minOutputLimit?: number): GunzipStream {
  const counter = { bytes: 0 };
  const stop: { close?: () => void } = {};
  const size = fstatSync(fd).size;
  const bound = new OutputBound(outputLimit(size, minOutputLimit));
  let damage: string | undefined;
  /** The note when the output was cut at the bound. */
  let cut: string | undefined;
  /** Bytes after the last member that do not start another (at most MAX_HEADER_BYTES are looked at). */
  let ignored = 0;
  async function* members(): AsyncGenerator<Buffer> {
    let position = 0;
    for (let member = 1; ; member++) {
      const head = await readAt(fd, position, MAX_HEADER_BYTES);
      const headerBytes = memberHeaderLength(head);
      if (headerBytes === undefined) {
        if (member === 1) throw new Error(head.length === 0 ? 'the file is empty' : 'not gzip data (no gzip header at the start)');
        ignored = head.length; // Trailing bytes after the last member, as zcat ignores them (with a warning).
        return;
      }
      const inflating = inflateMember(fd, position + headerBytes, counter, stop);
      let step = await inflating.next();
      for (; !step.done; step = await inflating.next()) {
        const within = bound.take(step.value);
        if (within.length > 0) yield within;
        if (bound.over) {
          cut = cutNote('gzip', bound.limit, size);
          await inflating.return({ size: 0, crc: 0 });
          return;
        }
      }
      const end = step.value;
      const trailerAt = position + headerBytes + (end.deflateBytes ?? 0);
      damage = await checkTrailer(fd, trailerAt, end, member);
      if (damage !== undefined) {
        if (bound.produced === 0) throw new Error(damage);
        return;
      }
      position = trailerAt + 8;
      counter.bytes = Math.max(counter.bytes, position);
    }
  }
  const output = Readable.from(members(), { objectMode: false });
  return {
    output,
    counter,
    close: () => {
      stop.close?.();
      output.destroy();
    },
    damage: () => damage ?? cut,
    note: () => cut ?? gzipNote(damage, ignored),
  };
}

/** The note for a gzip file's damage (what ends its text early) or its ignored trailing bytes (count, in bytes). */
function gzipNote(damage: string | undefined, ignored: number): string | undefined {
  if (damage !== undefined) return `damaged gzip: ${damage}; ${EARLY_END}`;
  if (ignored === 0) return undefined;
  const bytes = ignored >= MAX_HEADER_BYTES ? `${MAX_HEADER_BYTES / 1024} KiB or more` : `${ignored} byte${ignored === 1 ? '' : 's'}`;
  return `gzip: ${bytes} after the last compressed member (not gzip data) ignored, as zcat does; the text before them was read whole`;
}
