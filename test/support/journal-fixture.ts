// Real journal files for tests: entries written in journal export format and turned into a .journal file by
// systemd-journal-remote (Debian package systemd-journal-remote), then read by journalctl like any journal.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const JOURNAL_REMOTE = '/lib/systemd/systemd-journal-remote';

export interface JournalEntry {
  /** Epoch ms. */
  time: number;
  host: string;
  /** _SYSTEMD_UNIT; absent for entries logged outside a unit. */
  unit?: string;
  /** SYSLOG_IDENTIFIER. */
  identifier: string;
  /** Syslog priority 0..7. */
  priority: number;
  message: string;
  /** _TRANSPORT (`stdout` for a service's output, `syslog`, `journal`, `kernel`); absent by default. */
  transport?: string;
  /** _BOOT_ID (32 hex digits; one constant boot by default). journalctl orders entries of one boot by their monotonic
   * time, here their place in the file, so entries written to a second file come after the first file's only on another boot. */
  boot?: string;
}

/** systemd-journal-remote and journalctl are installed (the tests that need them are skipped otherwise). */
export function hasJournalTools(): boolean {
  try {
    execFileSync('journalctl', ['--version'], { stdio: 'ignore' });
    return existsSync(JOURNAL_REMOTE);
  } catch {
    return false;
  }
}

/**
 * The entries in journal export format: one field per line, a blank line after each entry. A value holding a newline
 * (a traceback sent whole) is written as the format's binary field: the name, a newline, its length as a 64-bit
 * little-endian integer, the bytes, a newline.
 */
export function exportFormat(entries: JournalEntry[]): Buffer {
  const field = (name: string, value: string): Buffer => {
    if (!value.includes('\n')) return Buffer.from(`${name}=${value}\n`);
    const bytes = Buffer.from(value);
    const size = Buffer.alloc(8);
    size.writeBigUInt64LE(BigInt(bytes.length));
    return Buffer.concat([Buffer.from(`${name}\n`), size, bytes, Buffer.from('\n')]);
  };
  return Buffer.concat(
    entries.map((e, i) => {
      const fields: [string, string][] = [
        ['__REALTIME_TIMESTAMP', String(e.time * 1000)],
        ['__MONOTONIC_TIMESTAMP', String((i + 1) * 1000)],
        ['_BOOT_ID', e.boot ?? '0123456789abcdef0123456789abcdef'],
        ['_HOSTNAME', e.host],
        ...(e.unit ? [['_SYSTEMD_UNIT', e.unit] as [string, string]] : []),
        ['SYSLOG_IDENTIFIER', e.identifier],
        ['PRIORITY', String(e.priority)],
        ...(e.transport ? [['_TRANSPORT', e.transport] as [string, string]] : []),
        ['MESSAGE', e.message],
      ];
      return Buffer.concat([...fields.map(([name, value]) => field(name, value)), Buffer.from('\n')]);
    }),
  );
}

/** Writes `entries` (any order: the journal keeps them as written) to DIR/NAME.journal and returns its path. */
export function writeJournal(dir: string, name: string, entries: JournalEntry[]): string {
  const input = join(dir, `${name}.export`);
  writeFileSync(input, exportFormat(entries));
  const output = join(dir, `${name}.journal`);
  execFileSync(JOURNAL_REMOTE, [`--output=${output}`, input], { stdio: ['ignore', 'ignore', 'pipe'] });
  return output;
}
