import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';

export interface ServerCli {
  /** Shown for --help: usage, flags and environment variables. */
  help: string;
  create: () => McpServer | Promise<McpServer>;
}

/** Logs go to stderr only: stdout carries the protocol. */
export function log(message: string): void {
  process.stderr.write(`${new Date().toISOString()} ${message}\n`);
}

/** Starts a server on stdio, answers --help, and exits cleanly when stdin closes. */
export async function runStdioServer(cli: ServerCli): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(cli.help.endsWith('\n') ? cli.help : `${cli.help}\n`);
    return;
  }
  try {
    const server = await cli.create();
    const transport = new StdioServerTransport();
    const shutdown = () => {
      void server.close().finally(() => process.exit(0));
    };
    process.stdin.on('end', shutdown);
    process.stdin.on('close', shutdown);
    process.on('SIGTERM', shutdown);
    process.on('SIGINT', shutdown);
    await server.connect(transport);
  } catch (error) {
    log(`failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

/** `--name value` / `--name=value` from argv, else the environment variable, else undefined. */
export function setting(flag: string, envName: string): string | undefined {
  const argv = process.argv;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${flag}` && i + 1 < argv.length) return argv[i + 1];
    if (argv[i].startsWith(`--${flag}=`)) return argv[i].slice(flag.length + 3);
  }
  const value = process.env[envName];
  return value === undefined || value === '' ? undefined : value;
}
