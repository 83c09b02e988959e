// The messages between the server (scan/client.ts) and its scan process (scan/worker.ts), one zod schema per
// direction; the TypeScript types both sides send are inferred from them. The server checks what the scan process
// sends (lines of untrusted files went into it); the scan process imports only the types, which keeps zod (about
// 12 MB of memory) out of it.
import { z } from 'zod';
import { LEVELS } from '../format/types';
import type { MessageTally } from '../patterns/tallies';
import { fileScanResultSchema, scanRequestSchema, scanTargetSchema } from '../search/types';

const tallySchema: z.ZodType<MessageTally> = z.object({
  masked: z.string(),
  message: z.string(),
  count: z.number().int(),
  levels: z.array(z.enum(LEVELS)),
  firstSeen: z.number().optional(),
  lastSeen: z.number().optional(),
  examples: z.array(z.object({ line: z.number().int(), text: z.string() })),
});

export const scanJobSchema = z.object({
  type: z.literal('job'),
  target: scanTargetSchema,
  request: scanRequestSchema,
  /** error_summary: send accepted lines folded by masked message instead of returning them as matches. */
  summarize: z.boolean(),
  /** ripgrep's path, for a pattern it can take on a plain file. */
  ripgrep: z.string().optional(),
  /** Bytes from which a plain file is sought in for `since` (scan/seek.ts); io/time-seek.ts's default when absent. */
  seekMinBytes: z.number().int().nonnegative().optional(),
  /** The days of the file's times of day without a date and its W3C `#Fields:` blocks, as the server read them (format/parser.ts readFileIndex). */
  fileIndex: z
    .object({ lines: z.number().int(), dayStarts: z.array(z.number().int()), lastDay: z.string().optional(), by: z.enum(['write', 'name']).optional(), doubt: z.string().optional(), fieldBlocks: z.array(z.object({ line: z.number().int(), fields: z.string() })).optional() })
    .optional(),
});
export type ScanJob = z.infer<typeof scanJobSchema>;

/** Server to scan process: a job, or the acknowledgement of a batch of tallies (the scan waits for it). */
export const toWorkerSchema = z.discriminatedUnion('type', [scanJobSchema, z.object({ type: z.literal('ack') })]);
export type ToWorker = z.infer<typeof toWorkerSchema>;

/** Scan process to server. */
export const fromWorkerSchema = z.discriminatedUnion('type', [
  /** Started and listening for jobs. */
  z.object({ type: z.literal('ready') }),
  /**
   * The file is open and the read's end fixed: it covers the first `size` bytes the file holds (one written to later
   * is noted: io/in-place.ts grownWhileRead). Sent once per job, before any `beat`.
   */
  z.object({ type: z.literal('opened'), size: z.number() }),
  /** Still working; `raw`: bytes of the file (compressed bytes for gzip) read so far. */
  z.object({ type: z.literal('beat'), raw: z.number() }),
  /** ripgrep started with this process id (the server kills it with a cancelled scan). */
  z.object({ type: z.literal('ripgrep'), pid: z.number().int() }),
  /** error_summary: accepted lines folded by masked message since the last batch. */
  z.object({ type: z.literal('tallies'), tallies: z.array(tallySchema) }),
  z.object({ type: z.literal('done'), result: fileScanResultSchema }),
  /** `kind`: an error to show the user as is, a file that cannot be read as a log, or anything else. */
  z.object({ type: z.literal('error'), message: z.string(), kind: z.enum(['user', 'unreadable', 'internal']) }),
]);
export type FromWorker = z.infer<typeof fromWorkerSchema>;
