// Runs journalctl and streams its standard output, as lines or as export-format entries (a journal of any size is
// never held in memory); the process is killed as soon as the consumer stops or the signal aborts. Its failures
// become UserFacingErrors that say what to do.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { ExportReader, type ExportEntry } from './export';
import { abortError } from '../../../shared/progress';
import { UserFacingError } from '../../../shared/tool-result';
import { childReaper } from '../../../shared/child-reaper';
import { killChildTree } from '../../../shared/kill-tree';

/** Bytes of journalctl's stderr kept for the error message. */
const MAX_STDERR = 4096;

export interface JournalctlOptions {
  /** The journalctl binary: an absolute path or a name looked up on PATH. */
  command: string;
  signal?: AbortSignal;
  /** Environment of the child (PATH decides which journalctl a bare name finds); defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** iconv-lite's name of the charset entries' values that are not UTF-8 are decoded in (export.ts ExportReader). */
  legacyDecoder?: string;
  /** Receives journalctl's stderr (its first MAX_STDERR bytes) when it exits with 0: hints such as "No journal files were found". */
  onWarning?: (stderr: string) => void;
  /**
   * The arguments hold --show-cursor: an exit 1 with nothing on stdout or stderr is "no entry shown", not a failure.
   * journalctl (systemd 252) asks for the cursor of the entry it stopped at, finds none when the selection (a window
   * before the journal's first entry, a unit without entries there) holds nothing, and exits 1 without a word.
   */
  showsCursor?: boolean;
}

/**
 * The lines journalctl writes to stdout for `args`, in order. `where` names the journal for messages
 * ("journal file /x/a.journal"). Throws UserFacingError when journalctl is missing, cannot read the journal (no
 * permission, bad file) or fails otherwise; an AbortError when `signal` aborts.
 */
export function journalctlLines(args: string[], where: string, options: JournalctlOptions): AsyncGenerator<string> {
  return journalctlRead(args, where, options, (stdout) => createInterface({ input: stdout, crlfDelay: Infinity }));
}

/**
 * The entries of `journalctl --output=export` for `args` (which select them and may name --output-fields), with only
 * the fields in `kept`; errors as journalctlLines.
 */
export function journalctlEntries(args: string[], kept: readonly string[], where: string, options: JournalctlOptions): AsyncGenerator<ExportEntry> {
  return journalctlRead([...args, '--output=export'], where, options, (stdout) => exportEntries(stdout, kept, options.legacyDecoder));
}

async function* exportEntries(stdout: Readable, kept: readonly string[], legacyDecoder: string | undefined): AsyncGenerator<ExportEntry> {
  const reader = new ExportReader(kept, legacyDecoder);
  for await (const chunk of stdout) yield* reader.push(chunk as Buffer);
}

/** What `parse` makes of journalctl's stdout for `args`, with the process handled as journalctlLines says. */
async function* journalctlRead<T>(args: string[], where: string, options: JournalctlOptions, parse: (stdout: Readable) => AsyncIterable<T>): AsyncGenerator<T> {
  if (options.signal?.aborted) throw abortError();
  // journalctl --follow, or one waiting on a slow journal, must not outlive a server killed outright (child-reaper.ts).
  const child = spawn(options.command, ['--no-pager', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: options.env ?? process.env, ...childReaper.spawnOptions() });
  childReaper.track(child);
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (stderr.length < MAX_STDERR) stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; error?: NodeJS.ErrnoException }>((resolve) => {
    child.once('error', (error: NodeJS.ErrnoException) => resolve({ code: null, error }));
    child.once('close', (code) => resolve({ code }));
  });
  const kill = () => killChildTree(child);
  options.signal?.addEventListener('abort', kill, { once: true });
  const items = parse(child.stdout)[Symbol.asyncIterator]();
  let finished = false;
  let given = 0;
  try {
    for (let step = await items.next(); !step.done; step = await items.next()) {
      if (options.signal?.aborted) throw abortError();
      given++;
      yield step.value;
    }
    finished = true;
  } finally {
    options.signal?.removeEventListener('abort', kill);
    if (!finished && child.exitCode === null) kill();
    // Closes the reader of the pipe (readline's interface; the export reader's stream iterator destroys the stream).
    await items.return?.();
  }
  const { code, error } = await exited;
  if (options.signal?.aborted) throw abortError();
  if (error) throw startError(options.command, error);
  if (code === 1 && options.showsCursor && given === 0 && !stderr.trim()) return;
  if (code !== 0) throw readError(stderr, where, code);
  if (stderr.trim()) options.onWarning?.(stderr.trim());
}

/** Every line of journalctl's output for `args` (short answers such as `-F FIELD`). */
export async function journalctlOutput(args: string[], where: string, options: JournalctlOptions): Promise<string[]> {
  const out: string[] = [];
  for await (const line of journalctlLines(args, where, options)) out.push(line);
  return out;
}

function startError(command: string, error: NodeJS.ErrnoException): UserFacingError {
  if (error.code === 'ENOENT') {
    return new UserFacingError(
      `journalctl was not found (${command}): install systemd's journalctl (Debian/Ubuntu: package systemd) or point --journalctl-path / JOURNALCTL_PATH at it`,
    );
  }
  if (error.code === 'EACCES') return new UserFacingError(`journalctl (${command}) cannot be run: ${error.message}; check its permissions`);
  return new UserFacingError(`journalctl (${command}) could not start: ${error.message}`);
}

/** The message for a failed read, from journalctl's stderr, saying what to do. */
export function readError(stderr: string, where: string, code: number | null): UserFacingError {
  const said = stderr.trim().split('\n').slice(0, 3).join('; ');
  if (/permission denied|insufficient permissions|not seeing messages from other users/i.test(stderr)) {
    return new UserFacingError(
      `no permission to read the ${where} (${said}): add the user running the server to the systemd-journal (or adm) group ` +
        '(sudo usermod -aG systemd-journal $USER, then log in again) or make the files readable',
    );
  }
  if (/no such file or directory/i.test(stderr)) return new UserFacingError(`the ${where} does not exist (${said}): check the configured journal paths`);
  if (/no data available|bad message|not a journal|protocol driver|invalid argument|wrong medium/i.test(stderr)) {
    return new UserFacingError(`the ${where} is not a readable journal file (${said}): is it a .journal file written by systemd?`);
  }
  return new UserFacingError(`journalctl could not read the ${where} (exit ${code ?? 'killed'}${said ? `: ${said}` : ''})`);
}
