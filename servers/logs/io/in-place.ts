// Whether a log was rewritten in place while it was read. logrotate's copytruncate (and any writer that truncates
// and starts again) keeps the inode, so reopening by path finds "the same file" while what was read mixes old and new
// contents: a line that never existed, or none of the matches the old part held, with no word about it.
import { fstatSync, readSync } from 'node:fs';
import { UserFacingError } from '../../shared/tool-result';
import { isDecoded, type FileCoding } from './charset';

/** Bytes of the file's start compared after the scan: a log is appended to, so its first bytes never change. */
const COMPARED_HEAD_BYTES = 4096;

/** What the check needs of a file: its name for the message, its size in bytes when listed, and how it is coded. */
export interface ListedFile extends FileCoding {
  name: string;
  size: number;
}

/** The first bytes of the open file `fd` (at most 4 KiB), to give assertNotRewrittenInPlace after reading it. */
export function readStart(fd: number): Buffer {
  const start = Buffer.alloc(COMPARED_HEAD_BYTES);
  return start.subarray(0, readSync(fd, start, 0, COMPARED_HEAD_BYTES, 0));
}

/**
 * Throws a UserFacingError when the open file `fd` is now shorter than `file.size` (its size when listed), or when its
 * first bytes differ from `start` (raw bytes read from `fd` when the reading began: readStart, or the head read then):
 * it was emptied and written again, past its old size in the second case. A gzip archive is not rotated in place and
 * is not checked; a UTF-16 file (whose head is decoded text) by its size only. Reads at most 4 KiB.
 */
export function assertNotRewrittenInPlace(fd: number, target: ListedFile, startBytes: Buffer): void {
  if (target.gzip || target.compression) return;
  const now = fstatSync(fd).size;
  const listed = `${target.size} bytes when listed, ${now} now`;
  if (now < target.size) throw rewritten(target, `it was truncated while it was read (${listed}: rotated in place, as logrotate's copytruncate does)`);
  if (isDecoded(target)) return;
  const length = Math.min(startBytes.length, COMPARED_HEAD_BYTES);
  const start = Buffer.alloc(length);
  const read = length === 0 ? 0 : readSync(fd, start, 0, length, 0);
  if (read < length || !start.equals(startBytes.subarray(0, length))) {
    throw rewritten(target, `it was emptied and written again while it was read (its first bytes changed; ${listed}: rotated in place, as logrotate's copytruncate does)`);
  }
}

/** Bytes of a file when its read began and when it ended. */
export interface Growth {
  from: number;
  to: number;
}

/**
 * The open file `fd`'s growth since its read began at `sizeAtStart` bytes, or undefined when it has not grown: a log
 * being written. A reader reads to the end it finds, so lines written during the read may be in its answer or not,
 * while every line within the first `sizeAtStart` bytes is: what a read at the start would have given, and more.
 */
export function grownWhileRead(fd: number, sizeAtStart: number): Growth | undefined {
  const now = fstatSync(fd).size;
  return now > sizeAtStart ? { from: sizeAtStart, to: now } : undefined;
}

function rewritten(target: ListedFile, how: string): UserFacingError {
  return new UserFacingError(`${target.name}: ${how}, so what was read mixes its old and new contents; try again`);
}
