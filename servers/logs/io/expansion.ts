// How much text a compressed log may expand to before it is cut: one bound for every compression (gzip through zlib,
// bzip2/xz/zstd/lz4 through their tools). A decompression bomb (gigabytes of zeros in a file of kilobytes: gzip packs
// them 1:1000, bzip2 and xz 1:100000) otherwise costs a scan minutes of CPU for nothing a person wrote. Real rotated
// logs expand 1:10 to 1:300.

/** Most decompressed bytes per compressed byte read before the output is cut. */
export const MAX_RATIO = 1000;
/** Output always allowed whatever the file's size (bytes): a small archive of a very repetitive log. */
export const MIN_OUTPUT_LIMIT = 256 * 1024 * 1024;

/**
 * Decompressed bytes a file of `size` compressed bytes may yield: max(`minOutputLimit`, MAX_RATIO × `size`).
 * `minOutputLimit` defaults to MIN_OUTPUT_LIMIT (tests make it small).
 */
export function outputLimit(size: number, minOutputLimit = MIN_OUTPUT_LIMIT): number {
  return Math.max(minOutputLimit, MAX_RATIO * size);
}

/** The note of a `compression` file of `size` bytes whose output was cut at `limit` bytes (outputLimit). */
export function cutNote(compression: string, limit: number, size: number): string {
  return `${compression}: decompression stopped after ${Math.round(limit / (1024 * 1024))} MiB, more than ${MAX_RATIO} times the file's ${size} bytes (a decompression bomb, or a log far more repetitive than most): only the text before was read`;
}
