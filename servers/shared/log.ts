// Logging of every server: stderr only, because stdout carries the protocol.

/** Writes one line, prefixed with the ISO time, to stderr. */
export function log(message: string): void {
  process.stderr.write(`${new Date().toISOString()} ${message}\n`);
}

/** The message of anything thrown, with the stack when there is one (for logs, never for tool results). */
export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
