// How much text a compressed log may expand to before it is cut: one bound for every compression (gzip through zlib,
// bzip2/xz/zstd/lz4 through their tools). A decompression bomb (gigabytes of zeros in a file of kilobytes: gzip packs
// them 1:1000, bzip2 and xz 1:100000) otherwise costs a scan minutes of CPU for nothing a person wrote. Real rotated
// logs expand 1:10 to 1:300.

/** Most decompressed bytes per compressed byte (of the file's size on disk) given before the output is cut. */
export const MAX_RATIO = 1000;
/** Decompressed bytes always allowed whatever the file's size: a small archive of a very repetitive log. */
export const MIN_OUTPUT_LIMIT = 256 * 1024 * 1024;

const MIB = 1024 * 1024;

/**
 * Decompressed bytes a file of `size` compressed bytes may yield: max(`minOutputLimit`, MAX_RATIO × `size`), both in
 * bytes. `minOutputLimit` defaults to MIN_OUTPUT_LIMIT (tests make it small). The bound is inclusive (OutputBound): a
 * file whose text is exactly this long is read whole.
 */
export function outputLimit(size: number, minOutputLimit = MIN_OUTPUT_LIMIT): number {
  return Math.max(minOutputLimit, MAX_RATIO * size);
}

/**
 * One file's decompressed output measured against its limit (bytes, outputLimit), piece by piece as it comes. Exactly
 * `limit` bytes pass whole; the output is cut (`over`) only when a byte past them comes, so a text that ends exactly at
 * the limit is read whole and never said to be cut, and a cut text is `limit` bytes long.
 */
export class OutputBound {
  /** Bytes given so far (at most the limit). */
  produced = 0;
  /** A byte past the limit came: the output is cut; read no further. */
  over = false;

  constructor(readonly limit: number) {}

  /** The part of `piece` within the limit (all of it, or its first bytes, or none); sets `over` when some is past it. */
  take(piece: Buffer): Buffer {
    const room = this.limit - this.produced;
    if (piece.length <= room) {
      this.produced += piece.length;
      return piece;
    }
    this.over = true;
    this.produced = this.limit;
    return piece.subarray(0, room);
  }
}

/** The limit in MiB as a person reads it: whole, else to two places rounded down (never more than was read). */
function mebibytes(bytes: number): string {
  return bytes % MIB === 0 ? String(bytes / MIB) : (Math.floor((bytes / MIB) * 100) / 100).toFixed(2);
}

/**
 * The words that end every note of a reader that stopped before its file's end (cutNote here, the damage notes of
 * gzip.ts and decompress.ts): a tool tells from them that what it read is not the whole file, so "no match" and "no
 * errors" are not known past that point (textEndsEarly).
 */
export const EARLY_END = 'only the text before it was read';

/** True when a reader's note (LineBlock.damage, a scan's `damage`) says its text ends before the file does. */
export function textEndsEarly(note: string | undefined): boolean {
  return note?.includes(EARLY_END) ?? false;
}

/** The note of a `compression` file of `size` bytes whose output was cut at `limit` bytes (outputLimit). */
export function cutNote(compression: string, limit: number, size: number): string {
  return `${compression}: decompression stopped after ${mebibytes(limit)} MiB (${limit} bytes), more than ${MAX_RATIO} times the file's ${size} bytes (a decompression bomb, or a log far more repetitive than most): ${EARLY_END}`;
}
