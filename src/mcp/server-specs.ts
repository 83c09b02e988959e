// What to start: the bundled servers (from workspace folders and settings) and the user's own.
// Pure functions (no `vscode`) so the rules are unit-tested.
import { t } from '@vscode/l10n';
import { basename, delimiter, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { legacyCharsetName } from './charset-check';
import type { LogSourceSettings, Thresholds } from '../settings';

export interface ServerSpec {
  name: string;
  command: string;
  args: string[];
  /** The complete environment of the child (nothing else is inherited). */
  env: Record<string, string>;
  cwd?: string;
  bundled: boolean;
  /** When set the server is not started; its state is 'disabled' with this text. */
  disabledReason?: string;
  /**
   * Settings not passed to the server, each saying why and what it does instead (a mistyped files.encoding): written to
   * its output channel at each start, and shown once as a warning.
   */
  settingNotes?: string[];
}

export interface BundledSpecInput {
  /** Folder holding dist/servers/<name>.js. */
  extensionPath: string;
  /** Node (or Electron run as Node) to start the servers with. */
  execPath: string;
  folders: ReadonlyArray<{ name: string; path: string }>;
  logDirectories: readonly string[];
  ripgrepPath?: string;
  thresholds: Thresholds;
  /** The fleet's Prometheus (the `prometheus.*` settings) and its credentials from the extension host's environment. */
  prometheus?: { url: string; hostLabel: string; credentials: Record<string, string>; timeoutSeconds?: number };
  trusted: boolean;
  baseEnv: Record<string, string>;
  /** The journal and Docker settings (absent: the logs server's own defaults). */
  logSources?: LogSourceSettings;
  /** The user's home directory, for `~` in path settings. */
  home?: string;
  /** The extension host's environment, for DOCKER_HOST and the Docker TLS variables (default: process.env). */
  hostEnv?: NodeJS.ProcessEnv;
  /**
   * VS Code's `files.encoding` for log files (its `[log]` override, else the general one), e.g. `euckr`: as written in
   * settings.json, so not always a string.
   */
  filesEncoding?: unknown;
  /** Said with the logs server's setting notes: the folders' files.encoding differ (workspaceFilesEncoding). */
  filesEncodingNote?: string;
}

/**
 * Legacy charsets named when files.encoding is one the logs server cannot read, in VS Code's spelling of them (each is
 * accepted by legacyCharsetName: a unit test holds it to that).
 */
export const LEGACY_ENCODING_EXAMPLES = ['euckr', 'shiftjis', 'eucjp', 'gbk', 'gb18030', 'big5hkscs', 'cp950', 'windows1252', 'iso88591', 'windows1250', 'windows1251', 'koi8r', 'cp866'];

/**
 * What the logs server is told of VS Code's `files.encoding` value (`euckr`, `shiftjis`, `gbk`, `windows1252`):
 * - `encoding`, its LOG_ENCODING: a legacy charset the server decodes in, as the server's own check takes it
 *   (servers/shared/charset-name.ts: any name iconv-lite knows whose ASCII bytes are ASCII);
 * - nothing for none, UTF-8 (the default) and UTF-16 (the server reads UTF-8 and recognises UTF-16 itself);
 * - `problem`, and no encoding, for a name it cannot decode in (a typo such as `euckrr`, `utf32le`): what the user is
 *   told, naming the accepted encodings; the server then detects a legacy charset per file, as with no setting. So
 *   too for a value that is no string (`42`: VS Code gives a setting as settings.json holds it, off its schema too).
 */
export function logEncoding(filesEncoding: unknown): { encoding?: string; problem?: string } {
  if (filesEncoding !== undefined && filesEncoding !== null && typeof filesEncoding !== 'string') return { problem: encodingProblem(JSON.stringify(filesEncoding) ?? String(filesEncoding)) };
  const name = filesEncoding?.trim().toLowerCase() ?? '';
  if (name === '' || /^utf-?16(le|be)?$/.test(name.replace(/_/g, '-'))) return {};
  try {
    const encoding = legacyCharsetName(name);
    return encoding === undefined ? {} : { encoding };
  } catch {
    return { problem: encodingProblem(name) };
  }
}

/**
 * The one `files.encoding` the logs server is given in a workspace of several folders, and what the user is told when
 * that is not every folder's own. The server reads all the workspace's log directories with one charset (LOG_ENCODING),
 * while VS Code lets each folder's settings set its own: a folder set to `shiftjis` beside one set to `euckr` was read
 * in the workspace's charset without a word. `workspace`: the value for the workspace (no folder scope); `folders`:
 * each folder's effective value (its own setting, else the workspace's, else the user's).
 * - every folder has the same value: that one (set in each folder alone, it still applies);
 * - they differ: the workspace's, and `note` names each folder's value and which one is used.
 */
export function workspaceFilesEncoding(workspace: unknown, folders: ReadonlyArray<{ name: string; value: unknown }>): { filesEncoding: unknown; note?: string } {
  const shown = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : 'utf8');
  const values = new Set(folders.map((folder) => shown(folder.value)));
  if (values.size <= 1) return { filesEncoding: folders.length > 0 ? folders[0].value : workspace };
  return {
    filesEncoding: workspace,
    note: t(
      'files.encoding differs between the workspace folders ({0}); the logs server reads every log folder in one charset, the workspace\'s: {1}. For a file in another charset, ask for it by name with its charset (the tools\' encoding).',
      folders.map((folder) => `${folder.name}: ${shown(folder.value)}`).join(', '),
      typeof workspace === 'string' && workspace.trim() !== '' ? workspace.trim() : t('none set, so lines that are not UTF-8 are read in the charset detected per file'),
    ),
  };
}

/** What the user is told of a files.encoding value (`name`, as shown) the logs server cannot read. */
function encodingProblem(name: string): string {
  const shown = name.length > 40 ? `${name.slice(0, 40)}…` : name;
  return t(
    'files.encoding "{0}" is not a charset the logs server can read, so it is not passed to it: lines that are not UTF-8 are read in the charset detected per file. Accepted: utf8, utf8bom, utf16le, utf16be, or a charset that keeps ASCII as it is, such as {1}.',
    shown,
    LEGACY_ENCODING_EXAMPLES.join(', '),
  );
}

/**
 * Environment names a child needs to run at all (and to find `git`); everything else is dropped, the API key included.
 * TZ is the user's time zone where it is set that way (containers, remote hosts): the agent's prompt names the extension
 * host's zone, and the servers must read "today", "since yesterday" and log times without an offset in that same zone.
 */
const PASSED_THROUGH = [
  'PATH', 'HOME', 'USER', 'LOGNAME', 'SHELL', 'TMPDIR', 'TEMP', 'TMP', 'LANG', 'LC_ALL', 'LC_CTYPE', 'TZ',
  'SystemRoot', 'SYSTEMROOT', 'USERPROFILE', 'APPDATA', 'LOCALAPPDATA', 'ComSpec', 'PATHEXT', 'WINDIR', 'Path',
  // Node's one way to trust a company CA (a Prometheus behind https with an internal certificate): without it the fleet
  // tools could never reach such a Prometheus, whatever VS Code was started with (break33). A path, not a secret.
  'NODE_EXTRA_CA_CERTS',
];

/** The system server's Prometheus credentials: passed on from VS Code's environment, never from settings (which sync and show). */
const PROMETHEUS_CREDENTIALS = ['PROMETHEUS_BEARER_TOKEN', 'PROMETHEUS_USERNAME', 'PROMETHEUS_PASSWORD'];

export function prometheusCredentials(source: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(PROMETHEUS_CREDENTIALS.flatMap((key) => (source[key] ? [[key, source[key]]] : [])));
}

export function minimalEnv(source: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of PASSED_THROUGH) {
    const value = source[key];
    if (typeof value === 'string') env[key] = value;
  }
  return env;
}

export function restrictedModeReason(): string {
  return t('Not started in Restricted Mode: trust this workspace to enable it.');
}

export function bundledServerSpecs(input: BundledSpecInput): ServerSpec[] {
  const node = (name: string, env: Record<string, string>, disabledReason?: string): ServerSpec => ({
    name,
    command: input.execPath,
    args: [join(input.extensionPath, 'dist', 'servers', `${name}.js`)],
    env: { ...input.baseEnv, ELECTRON_RUN_AS_NODE: '1', ...env },
    bundled: true,
    disabledReason,
  });
  const specs: ServerSpec[] = [];
  const untrusted = input.trusted ? undefined : restrictedModeReason();
  if (input.folders.length === 0) {
    specs.push(node('git', {}, t('No folder is open.')));
  } else if (input.folders.length === 1) {
    specs.push(node('git', { REPO_PATH: input.folders[0].path }, untrusted));
  } else {
    // One server for every folder: the tools take `repository`, so their number does not grow with the folders.
    const repositories = repositoryNames(input.folders).map((name, i) => ({ name, path: input.folders[i].path }));
    specs.push(node('git', { REPO_PATHS: JSON.stringify(repositories) }, untrusted));
  }
  const logEnv: Record<string, string> = {
    LOG_DIRS: logDirs(input.folders, input.logDirectories, input.home).join(delimiter),
    ...logSourcesEnv(input.logSources, input.folders, input.home, input.hostEnv ?? process.env),
  };
  if (input.ripgrepPath) logEnv.RIPGREP_PATH = input.ripgrepPath;
  const { encoding, problem } = logEncoding(input.filesEncoding);
  if (encoding) logEnv.LOG_ENCODING = encoding;
  const notes = [...(problem ? [problem] : []), ...(input.filesEncodingNote ? [input.filesEncodingNote] : [])];
  specs.push({ ...node('logs', logEnv), ...(notes.length > 0 ? { settingNotes: notes } : {}) });
  specs.push(
    node('system', {
      CPU_THRESHOLD: String(input.thresholds.cpu),
      MEMORY_THRESHOLD: String(input.thresholds.memory),
      DISK_THRESHOLD: String(input.thresholds.disk),
      ...fleetEnv(input.prometheus),
    }),
  );
  return specs;
}

/** The environment without the Prometheus credentials: for definitions handed to VS Code, which may show them. */
export function withoutCredentials(env: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !PROMETHEUS_CREDENTIALS.includes(key)));
}

/**
 * Why the `prometheus.*` settings cannot be used, or undefined. The system server refuses to start
 * with such values, which would take this machine's tools down with the fleet's, so they are not passed.
 */
export function fleetSettingsProblem(prometheus: { url: string; hostLabel: string }): string | undefined {
  if (prometheus.url === '') return undefined;
  let url: URL | undefined;
  try {
    url = new URL(prometheus.url);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.username !== '' || url.password !== '') {
    return t('devopsAssistant.prometheus.url must be an http(s) address without credentials, such as http://prometheus:9090; the fleet tools are off.');
  }
  if (prometheus.hostLabel !== '' && !/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(prometheus.hostLabel)) {
    return t('devopsAssistant.prometheus.hostLabel must be a Prometheus label name, such as host; the fleet tools are off.');
  }
  return undefined;
}

/** The system server's fleet settings; nothing without a URL, so no fleet tools start. */
function fleetEnv(prometheus: BundledSpecInput['prometheus']): Record<string, string> {
  if (!prometheus || prometheus.url === '' || fleetSettingsProblem(prometheus)) return {};
  return {
    PROMETHEUS_URL: prometheus.url,
    ...(prometheus.hostLabel ? { PROMETHEUS_HOST_LABEL: prometheus.hostLabel } : {}),
    ...(prometheus.timeoutSeconds !== undefined ? { PROMETHEUS_TIMEOUT: String(prometheus.timeoutSeconds) } : {}),
    ...prometheus.credentials,
  };
}

/**
 * The name the model picks each folder's repository by (the git tools' `repository` enum), in folder
 * order: the folder's own name in any script, trimmed; a name already taken gets " (2)", " (3)", …
 * (the tool description shows each folder's path beside it). Same folders, same names.
 */
export function repositoryNames(folders: ReadonlyArray<{ name: string; path: string }>): string[] {
  const used = new Set<string>();
  return folders.map((folder) => {
    const own = folder.name.trim() || basename(folder.path) || folder.path;
    let name = own;
    for (let n = 2; used.has(name); n++) name = `${own} (${n})`;
    used.add(name);
    return name;
  });
}

/** Workspace folders plus the `logDirectories` setting, each entry expanded by expandPathSetting. */
export function logDirs(folders: ReadonlyArray<{ path: string; name?: string }>, extra: readonly string[], home?: string): string[] {
  const out: string[] = folders.map((f) => f.path);
  for (const entry of extra) out.push(...expandPathSetting(entry, folders, home));
  return [...new Set(out)];
}

/**
 * The absolute paths one entry of a path setting stands for: `~` and `${userHome}` are the home
 * directory, `${workspaceFolder:name}` that folder, `${workspaceFolder}` and a relative path every
 * folder (so one entry gives one path per folder); an entry that needs a folder or home it does not
 * have gives nothing. Duplicates are left to the caller.
 */
export function expandPathSetting(entry: unknown, folders: ReadonlyArray<{ path: string; name?: string }>, home?: string): string[] {
  if (typeof entry !== 'string' || entry.trim() === '') return [];
  let value = entry.trim();
  if (value === '~' || value.startsWith('~/') || value.startsWith('~\\')) {
    if (!home) return [];
    value = home + value.slice(1);
  }
  if (value.includes('${userHome}')) {
    if (!home) return [];
    value = value.split('${userHome}').join(home);
  }
  value = value.replace(/\$\{workspaceFolder:([^}]+)\}/g, (match, name: string) => folders.find((f) => f.name === name)?.path ?? match);
  // A named folder that is not open stays unexpanded: nothing rather than a wrong path.
  if (/\$\{workspaceFolder:/.test(value)) return [];
  if (value.includes('${workspaceFolder}')) return folders.map((f) => resolve(value.split('${workspaceFolder}').join(f.path)));
  if (isAbsolute(value)) return [resolve(value)];
  return folders.map((f) => resolve(f.path, value));
}

/** Environment names the logs server's Docker client reads, passed on from the extension host when set (XDG_RUNTIME_DIR: rootless Docker's socket). */
const DOCKER_CLIENT_ENV = ['DOCKER_HOST', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH', 'XDG_RUNTIME_DIR'];

/**
 * The logs server's journal and Docker environment (names from its config table): LOG_JOURNAL and
 * LOG_DOCKER (auto|on|off), LOG_JOURNAL_DIRS / LOG_JOURNAL_FILES (path-delimiter lists; an entry
 * ending in `.journal` or `.journal~` is a file, anything else a directory), DOCKER_HOST (the
 * setting, else the host's own), the Docker TLS variables, and SSH_AUTH_SOCK only for an ssh:// engine
 * (the agent is the way in). Nothing but the host's Docker variables without settings.
 */
export function logSourcesEnv(
  sources: LogSourceSettings | undefined,
  folders: ReadonlyArray<{ path: string; name?: string }>,
  home: string | undefined,
  hostEnv: NodeJS.ProcessEnv,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of DOCKER_CLIENT_ENV) if (hostEnv[key]) env[key] = hostEnv[key];
  if (!sources) return env;
  env.LOG_JOURNAL = sources.journal;
  env.LOG_DOCKER = sources.docker;
  if (sources.dockerHost) env.DOCKER_HOST = sources.dockerHost;
  if (env.DOCKER_HOST?.startsWith('ssh://') && hostEnv.SSH_AUTH_SOCK) env.SSH_AUTH_SOCK = hostEnv.SSH_AUTH_SOCK;
  const paths = [...new Set(sources.journalPaths.flatMap((entry) => expandPathSetting(entry, folders, home)))];
  const files = paths.filter((p) => /\.journal~?$/.test(p));
  const dirs = paths.filter((p) => !files.includes(p));
  if (dirs.length) env.LOG_JOURNAL_DIRS = dirs.join(delimiter);
  if (files.length) env.LOG_JOURNAL_FILES = files.join(delimiter);
  return env;
}

const userServerSchema = z.object({
  name: z.string().trim().min(1).max(40),
  command: z.string().trim().min(1),
  args: z.array(z.string()).default([]),
  env: z.record(z.string(), z.string()).default({}),
  cwd: z.string().optional(),
});

/** Parses the `servers` setting; bad entries are reported, not fatal. */
export function userServerSpecs(
  raw: unknown,
  options: { trusted: boolean; baseEnv: Record<string, string>; takenNames: readonly string[] },
): { specs: ServerSpec[]; problems: string[] } {
  const specs: ServerSpec[] = [];
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { specs, problems };
  if (!Array.isArray(raw)) return { specs, problems: [t('devopsAssistant.servers must be an array.')] };
  const taken = new Set(options.takenNames);
  raw.forEach((entry, index) => {
    const parsed = userServerSchema.safeParse(entry);
    if (!parsed.success) {
      problems.push(t('devopsAssistant.servers[{0}] is invalid: {1}', index, parsed.error.issues.map((i) => `${i.path.join('.') || 'entry'}: ${i.message}`).join('; ')));
      return;
    }
    const { name, command, args, env, cwd } = parsed.data;
    if (taken.has(name)) {
      problems.push(t('devopsAssistant.servers[{0}]: the name "{1}" is already used.', index, name));
      return;
    }
    taken.add(name);
    specs.push({
      name,
      command,
      args,
      env: { ...options.baseEnv, ...env },
      cwd,
      bundled: false,
      disabledReason: options.trusted ? undefined : restrictedModeReason(),
    });
  });
  return { specs, problems };
}

export function sameSpec(a: ServerSpec, b: ServerSpec): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
