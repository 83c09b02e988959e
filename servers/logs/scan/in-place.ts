// Whether a log was rewritten in place while it was searched. logrotate's copytruncate (and any writer that truncates
// and starts again) keeps the inode, so reopening by path finds "the same file" while what was read mixes old and new
// contents: a line that never existed, or none of the matches the old part held, with no word about it.
import { fstatSync, readSync } from 'node:fs';
import { UserFacingError } from '../../shared/tool-result';
import { isDecoded } from '../io/charset';
import type { FileHead } from '../io/head';
import type { ScanTarget } from '../search/types';

/** Bytes of the file's start compared after the scan: a log is appended to, so its first bytes never change. */
const COMPARED_HEAD_BYTES = 4096;

/**
 * Throws a UserFacingError when the open file `fd` is now shorter than `target.size` (its size when listed), or when its
 * first bytes differ from `head` (read from `fd` when the scan began): it was emptied and written again, past its old
 * size in the second case. A gzip archive is not rotated in place and is not checked; a UTF-16 file (its head is
 * decoded text) by its size only. Reads at most 4 KiB.
 */
export function assertNotRewrittenInPlace(fd: number, target: ScanTarget, head: FileHead): void {
  if (target.gzip) return;
  const now = fstatSync(fd).size;
  const listed = `${target.size} bytes when listed, ${now} now`;
  if (now < target.size) throw rewritten(target, `it was truncated while it was searched (${listed}: rotated in place, as logrotate's copytruncate does)`);
  if (isDecoded(target)) return;
  const length = Math.min(head.data.length, COMPARED_HEAD_BYTES);
  const start = Buffer.alloc(length);
  const read = length === 0 ? 0 : readSync(fd, start, 0, length, 0);
  if (read < length || !start.equals(head.data.subarray(0, length))) {
    throw rewritten(target, `it was emptied and written again while it was searched (its first bytes changed; ${listed}: rotated in place, as logrotate's copytruncate does)`);
  }
}

function rewritten(target: ScanTarget, how: string): UserFacingError {
  return new UserFacingError(`${target.name}: ${how}, so what was read mixes its old and new contents; search again`);
}
