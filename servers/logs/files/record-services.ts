// The services of a file of record batches (io/record-batches.ts): how many records each names as its source, counted
// over the whole file. A sample of its head would list the services that wrote first and miss the rest, a confident
// partial answer; a file past a size is not counted at all, and the listing says so.
import type { OpenedLog } from './log-files';
import { codingOf } from '../io/charset';
import { forEachLine } from '../io/chunks';
import { sourceOfRecordLine } from '../io/record-batches';

/** Bytes on disk of a file counted at most: past it a listing would read for seconds (the count is cached after). */
export const SERVICE_COUNT_BYTES = 64 * 1024 * 1024;

/** Services most named per file (by records, most first); the rest are counted together. */
export const MAX_SERVICES = 50;

export interface FileServices {
  /** The services named, most records first (a service is its `service.name`, cut at MAX_SERVICE_CHARS). */
  services: Array<{ service: string; records: number }>;
  /** Records of services past MAX_SERVICES. */
  otherRecords?: number;
  /** Records that name no service (their resource names none, or the record was cut). */
  recordsWithoutService?: number;
}

/**
 * Counts the records of `file` (a file of record batches, opened) by service, reading it whole. Resolves undefined when
 * the file is larger than SERVICE_COUNT_BYTES or `signal` aborts first. Throws what reading throws (an unreadable gzip).
 */
export async function countServices(file: OpenedLog, signal?: AbortSignal): Promise<FileServices | undefined> {
  if (file.stats.size > SERVICE_COUNT_BYTES) return undefined;
  const counts = new Map<string, number>();
  let without = 0;
  const whole = await forEachLine(
    file.handle.fd,
    codingOf(file.info),
    (line) => {
      if (line === '') return true;
      const service = sourceOfRecordLine(line);
      if (service === undefined) without++;
      else counts.set(service, (counts.get(service) ?? 0) + 1);
      return true;
    },
    { signal },
  );
  if (!whole) return undefined;
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const other = ranked.slice(MAX_SERVICES).reduce((sum, [, n]) => sum + n, 0);
  return {
    services: ranked.slice(0, MAX_SERVICES).map(([service, records]) => ({ service, records })),
    ...(other > 0 ? { otherRecords: other } : {}),
    ...(without > 0 ? { recordsWithoutService: without } : {}),
  };
}
