// Shapes shared by the search engines (ripgrep and the pure-Node scanner, both in the scan process) and the tools.
// They cross the process boundary to the scan process, so each is a zod schema (checked on receipt, scan/messages.ts)
// and its TypeScript type is inferred from it.
import { z } from 'zod';
import { LEVELS } from '../format/types';

const levelSchema = z.enum(LEVELS);

export const patternSpecSchema = z.object({
  source: z.string(),
  literal: z.boolean(),
  caseSensitive: z.boolean(),
});
export type PatternSpec = z.infer<typeof patternSpecSchema>;

export const scanRequestSchema = z.object({
  /** None: every line is a candidate (level and time filters only). */
  pattern: patternSpecSchema.optional(),
  minLevel: levelSchema.optional(),
  /** Epoch ms, inclusive. */
  since: z.number().optional(),
  /** Epoch ms, exclusive. */
  until: z.number().optional(),
  /** Lines of context before and after each match. */
  before: z.number().int().nonnegative(),
  after: z.number().int().nonnegative(),
  /** Matches returned at most (all are counted). */
  limit: z.number().int().nonnegative(),
  order: z.enum(['newest', 'oldest']),
  /** Returned lines are cut to this many characters. */
  maxLineChars: z.number().int().nonnegative(),
  /**
   * Only lines that open an entry match (format/continuation.ts entryOf): the lines of a stack or wrapped text under
   * an entry are not matches of their own, so counts are of entries (error_summary's), not lines.
   */
  entries: z.boolean().optional(),
  /**
   * Only records of this service: lines of a file of record batches (io/record-batches.ts) whose `source` is it (an
   * OTLP record's resource's `service.name`, a CloudTrail record's `eventSource`). A line of no service never passes.
   */
  service: z.string().min(1).optional(),
});
export type ScanRequest = z.infer<typeof scanRequestSchema>;

export const scanMatchSchema = z.object({
  /** 1-based line number in the (decompressed) file. */
  line: z.number().int(),
  text: z.string(),
  level: levelSchema.optional(),
  /** Epoch ms. */
  timestamp: z.number().optional(),
  before: z.array(z.string()).optional(),
  after: z.array(z.string()).optional(),
});
export type ScanMatch = z.infer<typeof scanMatchSchema>;

export const fileScanResultSchema = z.object({
  matches: z.array(scanMatchSchema),
  /** Matching lines seen; exact when `complete`. */
  totalMatches: z.number().int(),
  /** The whole file was scanned. */
  complete: z.boolean(),
  /** Lines that had no timestamp while a time window was asked for (skipped). */
  untimed: z.number().int(),
  /** A scan for errors: lines of exceptions' reports that INFO entries carry, in the window (collector reportsAtInfo). */
  reportsAtInfo: z.number().int().optional(),
  /**
   * With a level filter: the lines read that open an entry yet have no level (collector levelless: every line without
   * a pattern, only the matching ones with one), in the window; `first` their first line numbers.
   */
  levelless: z.object({ lines: z.number().int(), first: z.array(z.number().int()) }).optional(),
  /**
   * Lines longer than MAX_LINE_BYTES (io/chunks.ts) that were read cut there (Node engine) or that ripgrep matched and
   * whose match lay past the cut: a match past the cut is not counted, so no match is not "none there".
   */
  linesCut: z.number().int().optional(),
  engine: z.enum(['node', 'ripgrep']),
  formatId: z.string().optional(),
  /** gzip: why the text ends before the file does (a damaged member), when it does. */
  damage: z.string().optional(),
  /**
   * With `since` on a large plain file in time order (io/time-seek.ts): where reading began, every line above being
   * older than the window (`byte`, and `line`, its 1-based number); `untimed` counts the lines from there on only.
   */
  readFrom: z.object({ byte: z.number().int(), line: z.number().int() }).optional(),
  /** With `since` on a plain file of at least the seek's size: why it was read whole (out of order, no time found…). */
  readWhole: z.string().optional(),
  /** The file grew while it was read (io/in-place.ts grownWhileRead): its bytes when the read began and when it ended. */
  grew: z.object({ from: z.number().int(), to: z.number().int() }).optional(),
});
export type FileScanResult = z.infer<typeof fileScanResultSchema>;

/** A line that passed the filters, as error_summary's sink receives it (never crosses a process boundary). */
export interface AcceptedLine {
  /** 1-based line number in the (decompressed) file. */
  line: number;
  text: string;
  /** The message part without header fields (the whole line when the format is unknown). */
  message: string;
  level?: z.infer<typeof levelSchema>;
  /** Epoch ms. */
  timestamp?: number;
}

/** A file handed to an engine: already resolved and checked to be a regular file inside a log directory. */
export const scanTargetSchema = z.object({
  /** The name the caller used (for messages). */
  name: z.string(),
  realPath: z.string(),
  gzip: z.boolean(),
  /** io/decompress.ts: compressed otherwise, read through the system's tool. */
  compression: z.enum(['bzip2', 'xz', 'zstd', 'lz4']).optional(),
  /** io/charset.ts: the text's encoding when not UTF-8 (learned when the server opened the file). */
  charset: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'mixed']).optional(),
  /** servers/shared/legacy-charset.ts: iconv-lite's name of the charset its lines that are not UTF-8 are decoded in. */
  legacyCharset: z.string().optional(),
  /** io/record-batches.ts: JSON documents of record batches, read one record to a line. */
  records: z.literal(true).optional(),
  /** Bytes. */
  size: z.number(),
  mtimeMs: z.number(),
  /** Identity checked again when the scan process opens the file. */
  dev: z.number(),
  ino: z.number(),
});
export type ScanTarget = z.infer<typeof scanTargetSchema>;
