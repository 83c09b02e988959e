// Settings of the logs server: directories from LOG_DIRS / --log-dir, ripgrep from RIPGREP_PATH / --ripgrep-path.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { setting } from '../shared/run-stdio';

export interface LogsConfig {
  /** Absolute directories, in the order given. */
  dirs: string[];
  /** Path of the rg binary, or undefined to use the pure-Node scanner. */
  ripgrep: string | undefined;
}

export const HELP = `devops-assistant logs MCP server (stdio)

Usage: node logs.js [--log-dir DIR]... [--ripgrep-path PATH]

Reads log files under one or more directories (read-only) and offers the tools
search_logs, error_summary, recent_logs and log_patterns, the resource logs://files
and the resource template logs://file/{path}.

Flags and environment:
  --log-dir DIR         a log directory (repeatable); adds to LOG_DIRS
  LOG_DIRS              directories separated by "${delimiter}"
  --ripgrep-path PATH   ripgrep binary used to search plain files
  RIPGREP_PATH          same; "none" disables ripgrep. Default: rg on PATH, else a pure-Node scan
  --help                this text

Logs go to stderr; the server exits when stdin closes.
`;

export function readConfig(argv: string[] = process.argv, env: NodeJS.ProcessEnv = process.env): LogsConfig {
  const dirs: string[] = [];
  for (const entry of (env.LOG_DIRS ?? '').split(delimiter)) if (entry.trim()) dirs.push(entry.trim());
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--log-dir' && i + 1 < argv.length) dirs.push(argv[++i]);
    else if (argv[i].startsWith('--log-dir=')) dirs.push(argv[i].slice('--log-dir='.length));
  }
  const unique = [...new Set(dirs.map((d) => resolve(d)))];
  return { dirs: unique, ripgrep: findRipgrep(setting('ripgrep-path', 'RIPGREP_PATH'), env.PATH) };
}

function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** An explicit path wins ("none" turns ripgrep off); otherwise rg on PATH. */
export function findRipgrep(explicit: string | undefined, pathEnv: string | undefined): string | undefined {
  if (explicit !== undefined) {
    if (explicit === 'none' || explicit === 'off') return undefined;
    return isAbsolute(explicit) && isExecutable(explicit) ? explicit : undefined;
  }
  const exe = process.platform === 'win32' ? 'rg.exe' : 'rg';
  for (const dir of (pathEnv ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, exe);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}
