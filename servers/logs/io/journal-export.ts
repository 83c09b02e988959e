// systemd's journal export format (`journalctl -o export`, https://systemd.io/JOURNAL_EXPORT_FORMATS/), saved to a
// file to hand a machine's journal over: an entry is its fields one to a line (`__REALTIME_TIMESTAMP=1764664417123456`,
// `PRIORITY=3`, `MESSAGE=…`), entries apart by a blank line; a field whose value is not plain text (a newline in it,
// binary bytes) is its name alone on a line, then its length as 64-bit little-endian, the bytes, and a newline. Read
// line by line, every field was a line of its own without a time or a level: "no errors" of a journal full of them. Each
// entry is read as one line instead, a JSON record of its journald fields (what `journalctl -o json` writes), which the
// JSON reader reads as it reads a journal's (format/envelopes.ts: MESSAGE its text, PRIORITY its level, the
// realtime timestamp its time, SYSLOG_IDENTIFIER its program).

/** Bytes of one entry's kept fields at most; a longer value is cut there (a core dump's COREDUMP field is megabytes). */
export const MAX_ENTRY_BYTES = 1024 * 1024;

/** The fields an entry's line keeps: those the JSON reader reads, and the unit and host a reader looks for. */
const KEPT = new Set(['__REALTIME_TIMESTAMP', 'PRIORITY', 'SYSLOG_IDENTIFIER', '_SYSTEMD_UNIT', '_COMM', '_PID', '_HOSTNAME', 'MESSAGE', 'CONTAINER_NAME']);

/**
 * How a journal export ends inside its last entry: `entry`, its number (1-based); `midField`, whether the end cuts a
 * field (a line without its newline, a binary value short of its length), else it falls after a whole field, before
 * the entry's MESSAGE.
 */
export interface OpenEnd {
  entry: number;
  midField: boolean;
}

/** The start of an export: its first field, `__CURSOR=` (always written) or, with `--output-fields`, the realtime timestamp. */
const EXPORT_START = /^(?:__CURSOR=s=[0-9a-f]+;|__REALTIME_TIMESTAMP=\d+\r?\n)/;

/** Whether `start` (a file's first bytes) opens a journal export. */
export function startsAsJournalExport(start: Buffer): boolean {
  return EXPORT_START.test(start.subarray(0, 256).toString('latin1'));
}

/**
 * The entries of a journal export (`source`: its bytes, in pieces of any size), each as one line: a JSON object of its
 * KEPT fields (values as text, binary ones decoded as UTF-8) and a newline. An entry ends at a blank line or the end of
 * the source; an entry with none of the kept fields gives an empty object. A value past MAX_ENTRY_BYTES is cut, and
 * `onCut` hears the count of entries cut so far. A text line that is no field (no `=`, and no length after it) is kept
 * as the entry's MESSAGE when it has none, so nothing of a damaged file is lost. `onOpenEnd` hears, once the source
 * has ended inside its last entry (a copy cut short, `journalctl -o export | head -c`: inside a field, or with no
 * MESSAGE read yet), how that entry ends (OpenEnd); the entry is given as far as it goes.
 */
export async function* journalExportEntries(source: AsyncIterable<Buffer>, onCut?: (count: number) => void, onOpenEnd?: (end: OpenEnd) => void): AsyncGenerator<Buffer> {
  let pending: Buffer = Buffer.alloc(0);
  let entry: Record<string, string> = {};
  let size = 0;
  let fields = 0;
  let cut = false;
  let cuts = 0;
  let skipLine = false;
  /** A binary value being read: its field, the bytes still to come, what is kept of it; then its closing newline. */
  let binary: { name: string; left: number; parts: Buffer[]; kept: number } | undefined;
  const keep = (name: string, value: string) => {
    if (!KEPT.has(name)) return;
    const room = MAX_ENTRY_BYTES - size;
    if (value.length > room) {
      value = value.slice(0, Math.max(0, room));
      cut = true;
    }
    entry[name] = value;
    size += value.length;
  };
  let entries = 0;
  const finish = (): Buffer | undefined => {
    if (fields === 0) return undefined;
    entries++;
    const line = Buffer.from(`${JSON.stringify(entry)}\n`);
    if (cut) onCut?.(++cuts);
    entry = {};
    size = 0;
    fields = 0;
    cut = false;
    return line;
  };
  for await (const chunk of source) {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    let at = 0;
    const out: Buffer[] = [];
    for (;;) {
      if (binary !== undefined) {
        const take = Math.min(binary.left, pending.length - at);
        if (binary.kept < MAX_ENTRY_BYTES) {
          const room = Math.min(take, MAX_ENTRY_BYTES - binary.kept);
          binary.parts.push(pending.subarray(at, at + room));
          binary.kept += room;
        }
        binary.left -= take;
        at += take;
        if (binary.left > 0) break;
        // The value's closing newline.
        if (at >= pending.length) break;
        if (pending[at] === 10) at++;
        fields++;
        keep(binary.name, Buffer.concat(binary.parts).toString('utf8'));
        binary = undefined;
        continue;
      }
      const newline = pending.indexOf(10, at);
      if (skipLine) {
        // The rest of a line too long to keep, dropped up to its newline.
        if (newline < 0) {
          at = pending.length;
          break;
        }
        skipLine = false;
        at = newline + 1;
        continue;
      }
      if (newline < 0) {
        // A line longer than an entry may be is cut: its start is kept, the rest skipped.
        if (pending.length - at > MAX_ENTRY_BYTES) {
          const head = pending.subarray(at, at + MAX_ENTRY_BYTES).toString('utf8');
          const eq = head.indexOf('=');
          if (eq > 0) keep(head.slice(0, eq), head.slice(eq + 1));
          cut = true;
          fields++;
          at = pending.length;
          skipLine = true;
        }
        break;
      }
      // A file that passed through Windows ends its lines with CRLF: the CR is no part of a value, and a line of it alone
      // is the blank line that ends an entry (read as a value, it joined every entry into one, without a time).
      const end = newline > at && pending[newline - 1] === 13 ? newline - 1 : newline;
      if (end === at) {
        // A blank line: the entry ends.
        at = newline + 1;
        const line = finish();
        if (line) out.push(line);
        continue;
      }
      const eq = pending.indexOf(61 /* = */, at);
      if (eq >= 0 && eq < newline) {
        fields++;
        keep(pending.subarray(at, eq).toString('latin1'), pending.subarray(eq + 1, end).toString('utf8'));
        at = newline + 1;
        continue;
      }
      // A field name alone: a binary value follows, its length first (8 bytes, little-endian).
      if (pending.length - (newline + 1) < 8) break;
      const length = pending.readBigUInt64LE(newline + 1);
      const name = pending.subarray(at, end).toString('latin1');
      if (!/^[A-Z0-9_]+$/.test(name) || length > BigInt(Number.MAX_SAFE_INTEGER)) {
        // No field: text that is not the format's (a damaged file), kept as the message.
        fields++;
        if (entry.MESSAGE === undefined) keep('MESSAGE', pending.subarray(at, end).toString('utf8'));
        at = newline + 1;
        continue;
      }
      binary = { name, left: Number(length), parts: [], kept: 0 };
      if (Number(length) > MAX_ENTRY_BYTES) cut = true;
      at = newline + 9;
    }
    pending = at >= pending.length ? Buffer.alloc(0) : pending.subarray(at);
    for (const line of out) yield line;
  }
  const midField = binary !== undefined || pending.length > 0 || skipLine;
  if (binary !== undefined) {
    fields++;
    keep(binary.name, Buffer.concat(binary.parts).toString('utf8'));
  } else if (pending.length > 0 && !skipLine) {
    const rest = pending.toString('utf8').replace(/\r$/, '');
    const eq = rest.indexOf('=');
    fields++;
    if (eq > 0) keep(rest.slice(0, eq), rest.slice(eq + 1));
    else if (entry.MESSAGE === undefined) keep('MESSAGE', rest);
  }
  // An export closes each entry with a blank line, but a file written by hand may not close its last: only an end
  // inside a field, or before the entry's MESSAGE, shows a cut.
  const open = fields > 0 && (midField || entry.MESSAGE === undefined);
  const last = finish();
  if (last) {
    if (open) onOpenEnd?.({ entry: entries, midField });
    yield last;
  }
}
