// Runs a server as a program: command line from its table, MCP over stdio, clean exit when stdin closes.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { CliUsageError, helpText, readConfig, wantsHelp, type CliConfig, type CliOptions, type CliSpec } from './cli';
import { answerInvalidParams } from './invalid-params';
import { LineTransport } from './line-transport';
import { log } from './log';

export { log } from './log';

export interface StdioServerEntry<O extends CliOptions> {
  /** The server's one table of flags and variables; --help is generated from it. */
  cli: CliSpec<O>;
  /**
   * Builds the server from the parsed configuration; a thrown CliUsageError (a setting checked only here, such as a
   * URL) stops the program as a wrong command line does (exit code 2), any other error with exit code 1.
   */
  create: (config: CliConfig<O>) => McpServer | Promise<McpServer>;
}

/**
 * The whole life of a server program. `--help` prints the generated text (exit 0); a wrong command
 * line prints its error to stderr (exit 2); otherwise the server speaks MCP on stdin/stdout until
 * stdin closes or SIGTERM/SIGINT arrives (exit 0). `argv` and `env` default to the process's own.
 */
export async function serveStdio<O extends CliOptions>(entry: StdioServerEntry<O>, argv: readonly string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (wantsHelp(argv)) {
    process.stdout.write(helpText(entry.cli));
    return;
  }
  let config: CliConfig<O>;
  try {
    config = readConfig(entry.cli, argv, env);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    process.stderr.write(`error: ${error.message}\n`);
    process.exit(error.exitCode);
  }
  await connectStdio(() => entry.create(config));
}

/** Starts `create()`'s server on stdio and exits cleanly when stdin closes; a failed start exits 1 (a usage error 2). */
async function connectStdio(create: () => McpServer | Promise<McpServer>): Promise<void> {
  try {
    const server = await create();
    const transport = new LineTransport();
    const shutdown = () => {
      void server.close().finally(() => process.exit(0));
    };
    process.stdin.on('end', shutdown);
    process.stdin.on('close', shutdown);
    process.on('SIGTERM', shutdown);
    process.on('SIGINT', shutdown);
    await serveOn(server, transport);
  } catch (error) {
    if (error instanceof CliUsageError) {
      // A bad setting, found after the table was read: the same message and exit code as one the table refuses.
      process.stderr.write(`error: ${error.message}\n`);
      process.exit(error.exitCode);
    }
    log(`failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

/**
 * Connects `server` (tools, resources and prompts all registered) to `transport` the way every bundled server runs:
 * invalid params answered -32602 (invalid-params.ts). Resolves once the transport has started.
 */
export async function serveOn(server: McpServer, transport: Transport): Promise<void> {
  answerInvalidParams(server);
  await server.connect(transport);
}
