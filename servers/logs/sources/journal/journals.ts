// The journals the server reads: the local system journal and the configured directories and files, each with the
// journalctl arguments that select it and what it holds (hosts, units, syslog identifiers).
import { sanitizeLine } from '../../../shared/sanitize';
import { NotFoundError } from '../../../shared/tool-result';
import { journalctlOutput, type JournalctlOptions } from './journalctl';

export interface Journal {
  /** journalctl arguments selecting it: [] for the local journal, --directory DIR, --file FILE… */
  args: string[];
  /** For messages: "local journal", "journal directory /var/log/journal/remote", "journal file /x/a.journal". */
  where: string;
}

export interface JournalContents {
  journal: Journal;
  hosts: string[];
  /** _SYSTEMD_UNIT values. */
  units: Set<string>;
  /** SYSLOG_IDENTIFIER values. */
  identifiers: Set<string>;
}

/** The journals of the configuration: the local one (when asked for), each directory, and the files together. */
export function configuredJournals(local: boolean, directories: string[], files: string[]): Journal[] {
  const journals: Journal[] = [];
  if (local) journals.push({ args: [], where: 'local journal' });
  for (const dir of directories) journals.push({ args: [`--directory=${dir}`], where: `journal directory ${dir}` });
  // journalctl interleaves several --file arguments itself; --directory is taken once, so directories stay apart.
  if (files.length > 0) journals.push({ args: files.map((f) => `--file=${f}`), where: `journal file${files.length > 1 ? 's' : ''} ${files.join(', ')}` });
  return journals;
}

/** The distinct values of `field` in `journal` (journalctl -F: read from the journal's field index, not its entries). */
async function fieldValues(journal: Journal, field: string, options: JournalctlOptions): Promise<string[]> {
  // Values become source names (a model and a webview read them): no control characters.
  return (await journalctlOutput([...journal.args, `--field=${field}`], journal.where, options)).map((v) => sanitizeLine(v, 256)).filter((v) => v.length > 0);
}

/**
 * What `journal` holds. Throws UserFacingError when it cannot be read (see journalctl.ts). `warnings` receives
 * journalctl's hints (no journal files, not seeing other users' messages).
 */
export async function journalContents(journal: Journal, options: JournalctlOptions, warnings: string[]): Promise<JournalContents> {
  const onWarning = (text: string) => {
    if (!warnings.includes(`${journal.where}: ${text}`)) warnings.push(`${journal.where}: ${text}`);
  };
  const opts = { ...options, onWarning };
  const [hosts, units, identifiers] = await Promise.all([fieldValues(journal, '_HOSTNAME', opts), fieldValues(journal, '_SYSTEMD_UNIT', opts), fieldValues(journal, 'SYSLOG_IDENTIFIER', opts)]);
  return { journal, hosts, units: new Set(units), identifiers: new Set(identifiers) };
}

/** The hint journalctl gives a user outside the journal groups, turned into what to do. */
export function permissionProblem(warnings: string[]): string | undefined {
  const hint = warnings.find((w) => /not seeing messages from other users|permission/i.test(w));
  if (!hint) return undefined;
  return `${hint.split('\n')[0]}: only this user's own entries are readable; add the user running the server to the systemd-journal (or adm) group to read the system journal`;
}

/** Thrown for a journal source name that no configured journal holds. */
export function unknownUnit(name: string, known: string[]): NotFoundError {
  const sample = known.slice(0, 20).join(', ');
  return new NotFoundError(`unknown journal source ${name}: no configured journal has entries of that unit${known.length ? ` (known: ${sample}${known.length > 20 ? ', …' : ''}; see logs://files)` : ''}`);
}
