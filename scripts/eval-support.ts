// What the evaluation scripts (eval-loghub, eval-formats) share: the built logs server (dist/servers/logs.js) started
// on one log directory, its tools called for their structured answer, and the verdict printed as a command's result.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const LOGS_SERVER = resolve(__dirname, '../dist/servers/logs.js');

/** Starts the built server on `logDir` (LOG_DIRS) and connects a client named `name`. Throws when it is not built. */
export async function startLogsServer(logDir: string, name: string): Promise<Client> {
  if (!existsSync(LOGS_SERVER)) throw new Error(`${LOGS_SERVER} is missing: run "node esbuild.mjs" first`);
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [LOGS_SERVER],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_DIRS: logDir },
    stderr: 'pipe',
  });
  // Read the server's stderr as it comes: a pipe nobody reads fills up and blocks the server mid-evaluation.
  transport.stderr?.on('data', () => {});
  const client = new Client({ name, version: '0.0.0' });
  await client.connect(transport);
  return client;
}

/** A tool's structured answer; throws with the tool's message when it fails (two minutes at most). */
export async function callJson<T>(client: Client, name: string, args: Record<string, unknown>): Promise<T> {
  const result = await client.callTool({ name, arguments: args }, undefined, { timeout: 120_000 });
  if (result.isError) throw new Error(`${name} ${JSON.stringify(args)} failed: ${JSON.stringify(result.content)}`);
  return result.structuredContent as T;
}

/** Prints the failures (exit code 1) or that every target was met. */
export function reportFailures(failures: string[]): void {
  if (failures.length > 0) {
    process.stdout.write(`UNDER TARGET (${failures.length}):\n${failures.map((f) => `  - ${f}`).join('\n')}\n`);
    process.exitCode = 1;
  } else process.stdout.write('All targets met.\n');
}

/** Runs a script's main; an error ends it with its message and exit code 2. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  });
}

/** Precision and recall of a filter that returned `returned` lines, `hit` of them among the `truth` right ones (1 when there was nothing to find or return). */
export function precisionRecall(hit: number, returned: number, truth: number): { precision: number; recall: number } {
  return { precision: returned === 0 ? (truth === 0 ? 1 : 0) : hit / returned, recall: truth === 0 ? 1 : hit / truth };
}

/** A Markdown table: the header row, a rule, then the rows, each column as wide as its widest cell. */
export function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${widths.map((w, i) => (cells[i] ?? '').padEnd(w)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
