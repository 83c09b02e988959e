// Settings of the logs server: ONE table (flags, environment variables, defaults) gives both the parser and --help
// (servers/shared/cli.ts). Directories come from LOG_DIRS / --log-dir, ripgrep from RIPGREP_PATH / --ripgrep-path.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { readConfig as readCli, type CliConfig, type CliSpec } from '../shared/cli';
import { absolutePath, expandHome } from '../shared/paths';
import { legacyCharsetName } from '../shared/legacy-charset';
import { DEFAULT_MIN_SEEK_BYTES } from './io/time-seek';
import type { SourcesConfig, Switch } from './sources/registry/registry';

export interface LogsConfig {
  /** Absolute directories, in the order given, without repeats. */
  dirs: string[];
  /** Path of the rg binary, or undefined to use the pure-Node scanner. */
  ripgrep: string | undefined;
  /** Why the ripgrep path given could not be used (logged once at start), or undefined. */
  ripgrepNote?: string;
  /** Sources besides files (sources/registry.ts). */
  sources: SourcesConfig;
  /** iconv-lite's name of the charset log text that is not UTF-8 is decoded in (servers/shared/legacy-charset.ts); undefined: detected. */
  legacyCharset: string | undefined;
  /**
   * Bytes from which a plain file is sought in for a `since` window (io/time-seek.ts: a binary search on its lines'
   * times) rather than read from its first line.
   */
  seekMinBytes?: number;
  /**
   * Settings refused at start, each saying what is used instead (a mistyped LOG_ENCODING: detection). The server starts
   * anyway: it logs them once to stderr (the extension's output channel) and tools add them where they matter.
   */
  settingNotes: string[];
}

const switchValue = z.enum(['auto', 'on', 'off']);

/**
 * LOG_ENCODING as given, checked by logsConfig: a name that is no charset (a typo in the editor's files.encoding) must
 * not stop the server, whose UTF-8 reading and charset detection need no setting.
 */
const charsetValue = z.string();

const options = {
  dirs: {
    flag: 'log-dir',
    env: 'LOG_DIRS',
    placeholder: 'DIR',
    description: 'a log directory to read (read-only); adds to LOG_DIRS',
    value: z.array(z.string()),
    default: [] as string[],
    defaultText: 'none',
    repeatable: true,
  },
  ripgrep: {
    flag: 'ripgrep-path',
    env: 'RIPGREP_PATH',
    placeholder: 'PATH',
    description: 'absolute path of the ripgrep binary used to search plain files; "none" turns ripgrep off',
    value: z.string(),
    default: undefined as string | undefined,
    defaultText: 'rg on PATH, else a pure-Node scan',
  },
  legacyCharset: {
    flag: 'log-encoding',
    env: 'LOG_ENCODING',
    placeholder: 'CHARSET',
    description:
      'the charset of log lines that are not UTF-8 (euc-kr, cp949, shift_jis, gbk, gb18030, big5, windows-1252…; the extension passes files.encoding); ' +
      'UTF-8 lines are read as UTF-8 whatever it says',
    value: charsetValue,
    default: undefined as string | undefined,
    defaultText: 'detected per file (chardet), when sure',
  },
  journal: {
    flag: 'journal',
    env: 'LOG_JOURNAL',
    placeholder: 'auto|on|off',
    description: 'the local systemd journal: auto reads it when journalctl can (the user in the systemd-journal or adm group)',
    value: switchValue,
    default: 'auto' as Switch,
  },
  journalDirs: {
    flag: 'journal-dir',
    env: 'LOG_JOURNAL_DIRS',
    placeholder: 'DIR',
    description: 'a journal directory to read (e.g. /var/log/journal/remote of systemd-journal-remote); adds to LOG_JOURNAL_DIRS',
    value: z.array(z.string()),
    default: [] as string[],
    defaultText: 'none',
    repeatable: true,
  },
  journalFiles: {
    flag: 'journal-file',
    env: 'LOG_JOURNAL_FILES',
    placeholder: 'FILE',
    description: 'a .journal file to read; adds to LOG_JOURNAL_FILES',
    value: z.array(z.string()),
    default: [] as string[],
    defaultText: 'none',
    repeatable: true,
  },
  journalctl: {
    flag: 'journalctl-path',
    env: 'JOURNALCTL_PATH',
    placeholder: 'PATH',
    description: 'the journalctl binary',
    value: z.string().min(1),
    default: 'journalctl',
    defaultText: 'journalctl on PATH',
  },
  seekMinBytes: {
    flag: 'seek-min-bytes',
    env: 'LOG_SEEK_MIN_BYTES',
    placeholder: 'BYTES',
    description: 'plain files this large are sought in for a since window (a binary search on their lines\' times, when they are in time order) instead of read from their first line',
    value: z.string().regex(/^\d+$/, 'a whole number of bytes').transform(Number),
    default: DEFAULT_MIN_SEEK_BYTES,
    defaultText: `${DEFAULT_MIN_SEEK_BYTES} (64 MiB)`,
  },
  docker: {
    flag: 'docker',
    env: 'LOG_DOCKER',
    placeholder: 'auto|on|off',
    description: 'Docker container logs through the Engine API at DOCKER_HOST (default: the first socket found of Docker Desktop, /var/run/docker.sock, rootless Docker)',
    value: switchValue,
    default: 'auto' as Switch,
  },
};

/** The logs server's command line: the table --help and the parser are made from. */
export const LOGS_CLI: CliSpec<typeof options> = {
  title: 'DevOps Assistant logs MCP server (read-only), speaking MCP over stdio.',
  command: 'node logs.js',
  options,
  notes:
    'Reads log files under one or more directories (read-only), the systemd journal and Docker containers, and offers\n' +
    'the tools search_logs, error_summary, recent_logs and log_patterns, the resource logs://files and the resource\n' +
    'templates logs://file/{path} and logs://source/{name}. DOCKER_HOST is honoured: unix://, tcp:// (TLS with\n' +
    'DOCKER_TLS_VERIFY and DOCKER_CERT_PATH) or ssh://user@host (through SSH_AUTH_SOCK).\n' +
    'Logs go to stderr; the server exits when stdin closes.',
};

/**
 * The configuration from `argv` (arguments only, without node and the script) and `env`, and nothing else: PATH for
 * ripgrep is also read from `env`. Throws CliUsageError (servers/shared/cli.ts) for unknown flags.
 */
export function readConfig(argv: readonly string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): LogsConfig {
  return logsConfig(readCli(LOGS_CLI, argv, env), env);
}

/** What the table cannot say: directories made absolute and unique, ripgrep checked or found on `env.PATH`. */
export function logsConfig(cli: CliConfig<typeof options>, env: NodeJS.ProcessEnv): LogsConfig {
  return {
    dirs: [...new Set(cli.dirs.map((d) => absolutePath(d, env)))],
    ripgrep: findRipgrep(cli.ripgrep, env),
    ripgrepNote: ripgrepRefusal(cli.ripgrep, env),
    sources: sourcesConfig(cli, env),
    seekMinBytes: cli.seekMinBytes,
    ...legacyCharsetSetting(cli.legacyCharset),
  };
}

/**
 * Why an explicit ripgrep path cannot be used (findRipgrep then searches without ripgrep), or undefined when it can,
 * or was turned off, or none was given. break38: a mistyped path turned ripgrep off without a word.
 */
function ripgrepRefusal(explicit: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (explicit === undefined || explicit === 'none' || explicit === 'off') return undefined;
  const path = expandHome(explicit, env);
  if (isAbsolute(path) && isExecutable(path)) return undefined;
  let reason: string;
  if (!isAbsolute(path)) reason = 'not an absolute path (give the full path of rg, or leave it unset to use rg on PATH)';
  else {
    try {
      statSync(path);
      reason = 'not an executable file';
    } catch {
      reason = 'no such file';
    }
  }
  return `RIPGREP_PATH / --ripgrep-path (${explicit}) is not used: ${reason}; plain files are searched without ripgrep`;
}

/** LOG_ENCODING's charset (servers/shared/legacy-charset.ts legacyCharsetName), or none and a note saying why it is not used. */
function legacyCharsetSetting(name: string | undefined): Pick<LogsConfig, 'legacyCharset' | 'settingNotes'> {
  if (name === undefined || name.trim() === '') return { legacyCharset: undefined, settingNotes: [] };
  try {
    return { legacyCharset: legacyCharsetName(name), settingNotes: [] };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      legacyCharset: undefined,
      settingNotes: [`LOG_ENCODING (the editor's files.encoding) is not used: ${reason}; lines that are not UTF-8 are read in the charset detected per file, when sure`],
    };
  }
}

/**
 * The sources' settings. A path given as a directory that is a file (or the reverse) is taken for what it is, so
 * one list of "journal paths" from the editor's settings can go to either variable.
 */
function sourcesConfig(cli: CliConfig<typeof options>, env: NodeJS.ProcessEnv): SourcesConfig {
  const paths = [...new Set([...cli.journalDirs, ...cli.journalFiles].map((p) => absolutePath(p, env)))];
  const isFile = (p: string) => {
    try {
      return statSync(p).isFile();
    } catch {
      // Missing: what it was given as (reading it later says it does not exist).
      return cli.journalFiles.some((f) => absolutePath(f, env) === p);
    }
  };
  return {
    journal: cli.journal,
    journalDirs: paths.filter((p) => !isFile(p)),
    journalFiles: paths.filter(isFile),
    journalctl: cli.journalctl,
    docker: cli.docker,
    dockerHost: env.DOCKER_HOST || undefined,
  };
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

/**
 * An explicit path wins ("none" or "off" turns ripgrep off; a path that is not an absolute executable too; a leading `~`
 * is the home directory, as a shell would read it); otherwise rg on `env.PATH`.
 */
export function findRipgrep(explicit: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (explicit !== undefined) {
    if (explicit === 'none' || explicit === 'off') return undefined;
    const path = expandHome(explicit, env);
    return isAbsolute(path) && isExecutable(path) ? path : undefined;
  }
  const pathEnv = env.PATH;
  const exe = process.platform === 'win32' ? 'rg.exe' : 'rg';
  for (const dir of (pathEnv ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, exe);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}
