// Runs a server as a program: command line from its table, MCP over stdio, clean exit once stdin has closed and the
// calls read before it are answered.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { CliUsageError, helpText, readConfig, wantsHelp, type CliConfig, type CliOptions, type CliSpec } from './cli';
import { answerInvalidParams } from './invalid-params';
import { refuseBeforeInitialize } from './lifecycle';
import { LineTransport } from './line-transport';
import { log } from './log';
import { answerResourceErrors } from './resource-errors';

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
 * stdin closes and every call read before that is answered, or SIGTERM/SIGINT arrives, which stops the calls
 * still running (exit 0 either way). `argv` and `env` default to the process's own.
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

/**
 * Starts `create()`'s server on stdio and exits cleanly once stdin has closed and the calls read before it are answered
 * (LineTransport.drained); a failed start exits 1 (a usage error 2).
 */
async function connectStdio(create: () => McpServer | Promise<McpServer>): Promise<void> {
  try {
    const server = await create();
    const transport = new LineTransport();
    const shutdown = () => {
      void server.close().finally(() => process.exit(0));
    };
    void transport.drained.then(shutdown);
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
 * resources/read's caller errors answered -32002 / -32602 (resource-errors.ts), invalid params -32602
 * (invalid-params.ts), requests before initialize refused -32600 (lifecycle.ts). Resolves once the transport has started.
 */
export async function serveOn(server: McpServer, transport: Transport): Promise<void> {
  // Each wraps the handlers as they are then, so the last is the outermost: the lifecycle is checked first.
  answerResourceErrors(server);
  answerInvalidParams(server);
  refuseBeforeInitialize(server);
  await server.connect(transport);
}
