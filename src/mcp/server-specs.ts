// What to start: the bundled servers (from workspace folders and settings) and the user's own.
// Pure functions (no `vscode`) so the rules are unit-tested.
import { t } from '@vscode/l10n';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import type { Thresholds } from '../settings';

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
  prometheus?: { url: string; hostLabel: string; credentials: Record<string, string> };
  trusted: boolean;
  baseEnv: Record<string, string>;
}

/** Environment names a child needs to run at all (and to find `git`); everything else is dropped, the API key included. */
const PASSED_THROUGH = [
  'PATH', 'HOME', 'USER', 'LOGNAME', 'SHELL', 'TMPDIR', 'TEMP', 'TMP', 'LANG', 'LC_ALL', 'LC_CTYPE',
  'SystemRoot', 'SYSTEMROOT', 'USERPROFILE', 'APPDATA', 'LOCALAPPDATA', 'ComSpec', 'PATHEXT', 'WINDIR', 'Path',
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
    args: [join(input.extensionPath, 'dist', 'servers', `${name.split(':')[0]}.js`)],
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
    const used = new Set<string>();
    for (const folder of input.folders) {
      let name = `git:${folder.name}`;
      for (let n = 2; used.has(name); n++) name = `git:${folder.name}-${n}`;
      used.add(name);
      specs.push(node(name, { REPO_PATH: folder.path }, untrusted));
    }
  }
  const logEnv: Record<string, string> = { LOG_DIRS: logDirs(input.folders, input.logDirectories).join(delimiter) };
  if (input.ripgrepPath) logEnv.RIPGREP_PATH = input.ripgrepPath;
  specs.push(node('logs', logEnv));
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
  return { PROMETHEUS_URL: prometheus.url, ...(prometheus.hostLabel ? { PROMETHEUS_HOST_LABEL: prometheus.hostLabel } : {}), ...prometheus.credentials };
}

/** Workspace folders plus the `logDirectories` setting; relative entries are taken from every folder. */
export function logDirs(folders: ReadonlyArray<{ path: string }>, extra: readonly string[]): string[] {
  const out: string[] = folders.map((f) => f.path);
  for (const entry of extra) {
    if (typeof entry !== 'string' || entry.trim() === '') continue;
    if (isAbsolute(entry)) out.push(resolve(entry));
    else for (const f of folders) out.push(resolve(f.path, entry));
  }
  return [...new Set(out)];
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
