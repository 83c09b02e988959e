// Logs kept in a binary format the server does not read: Windows' event logs (`.evtx`) and event traces (`.etl`),
// systemd's journal files, the login records of /var/log (wtmp, btmp, lastlog). They are logs a user looks for (a
// collected Windows machine's `System.evtx`, /var/log's `btmp` of failed logins), and left out of a listing in silence
// a folder holding only them answered "no log files found". Each kind is named with the tool that turns it into text.
import { withoutCompression } from '../io/decompress';

/** A binary log's kind, for a note: what it is, and how to read it as text. */
export interface BinaryLogKind {
  /** What the file is, in the field's words (`Windows event log (.evtx)`). */
  kind: string;
  /** How to read it: the tool that writes its records as text, or the source of this server that reads it. */
  read: string;
}

const KINDS: readonly { name: RegExp; kind: BinaryLogKind }[] = [
  {
    name: /\.evtx$/i,
    kind: { kind: 'Windows event log (.evtx)', read: 'export it as text or CSV, e.g. `wevtutil qe <file> /lf:true /f:text > <file>.txt`, or PowerShell `Get-WinEvent -Path <file> | Export-Csv <file>.csv`' },
  },
  { name: /\.etl$/i, kind: { kind: 'Windows event trace (.etl)', read: 'convert it, e.g. `tracerpt <file> -o <file>.csv -of CSV`' } },
  // journald writes `system.journal`, `user-1000.journal`, rotated `system@….journal` and `….journal~` when unclean.
  { name: /\.journal~?$/i, kind: { kind: 'systemd journal file', read: 'the journal source reads them: set LOG_JOURNAL_DIRS to their folder' } },
  // The login records: a binary struct per login, rotated as the text logs beside them are.
  { name: /^(?:wtmp|btmp|utmp|wtmpx|utmpx)(?:\.\d+|-\d{4}-?\d\d-?\d\d)?$/i, kind: { kind: 'login records (wtmp/btmp)', read: 'read them with `last -f <file>` (failed logins: `lastb -f <file>`)' } },
  { name: /^(?:lastlog|faillog|tallylog)$/i, kind: { kind: 'login records (lastlog/faillog)', read: 'read them with `lastlog`, `faillog` or `pam_tally2`' } },
];

/** The binary log kind a file's name says (a compressed one's too: `btmp-20261201.gz`), or undefined. */
export function binaryLogOf(name: string): BinaryLogKind | undefined {
  const inner = withoutCompression(name).replace(/\.gz$/i, '');
  return KINDS.find((k) => k.name.test(inner))?.kind;
}
