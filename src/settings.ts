// Every `devopsAssistant.*` setting, its default and how a raw value is made safe, in one place.
// package.json's contributes.configuration repeats the defaults for VS Code's settings UI; a unit
// test keeps the two equal. No `vscode` import: callers pass the configuration section.

/** The settings section; every key below lives under it. */
export const SETTINGS_SECTION = 'devopsAssistant';

/** Defaults, keyed as in package.json without the `devopsAssistant.` prefix. */
export const SETTING_DEFAULTS = {
  modelProvider: 'auto',
  vscodeModel: {} as VsCodeModelSelector,
  model: 'claude-sonnet-4-6',
  maxTokens: 4096,
  anthropicBaseUrl: '',
  maxToolRounds: 12,
  logDirectories: [] as string[],
  servers: [] as unknown[],
  'thresholds.cpu': 80,
  'thresholds.memory': 90,
  'thresholds.disk': 90,
  'system.refreshSeconds': 5,
  'prometheus.url': '',
  'prometheus.hostLabel': '',
  'prometheus.timeoutSeconds': 10,
  'logs.journal': 'auto',
  'logs.journalPaths': [] as string[],
  'logs.docker': 'auto',
  'logs.dockerHost': '',
} as const;

export type SettingKey = keyof typeof SETTING_DEFAULTS;

/** Who answers in the chat: `auto` (the Anthropic API when a key is set, else a VS Code model), `anthropic`, `vscode`. */
export type ModelProvider = 'auto' | 'anthropic' | 'vscode';
const MODEL_PROVIDERS: readonly ModelProvider[] = ['auto', 'anthropic', 'vscode'];

/** Which VS Code language model to use (fields as in `vscode.LanguageModelChatSelector`); empty: the first one offered. */
export interface VsCodeModelSelector {
  vendor?: string;
  id?: string;
  family?: string;
}

/** Warning thresholds in percent (0–100) for CPU, memory and disk usage. */
export interface Thresholds {
  cpu: number;
  memory: number;
  disk: number;
}

/** The settings after defaults and bounds are applied. */
export interface Settings {
  modelProvider: ModelProvider;
  vscodeModel: VsCodeModelSelector;
  /** The Anthropic model name. */
  model: string;
  /** Output tokens per request, 256–64000. */
  maxTokens: number;
  /** Empty: ANTHROPIC_BASE_URL or the SDK default. */
  anthropicBaseUrl: string;
  /** Tool rounds per answer, 1–100. */
  maxToolRounds: number;
  logDirectories: string[];
  /** The raw `servers` setting; server-specs.ts validates its entries with zod and reports bad ones. */
  servers: unknown;
  thresholds: Thresholds;
  /** Seconds between System view refreshes, 1–3600. */
  systemRefreshSeconds: number;
  /**
   * Where the system server reads fleet metrics; an empty url means no fleet (no fleet tools, no Fleet group).
   * timeoutSeconds: the longest wait for one Prometheus answer (1–300 s).
   */
  prometheus: { url: string; hostLabel: string; timeoutSeconds: number };
  /** Where the logs server reads besides folders: the systemd journal and Docker containers. */
  logSources: LogSourceSettings;
}

/** auto: used when available (journalctl can read the journal / the Docker socket answers); on: a problem is shown when not; off: never. */
export type SourceMode = 'auto' | 'on' | 'off';

export interface LogSourceSettings {
  journal: SourceMode;
  /** Journal directories or `.journal` files as written (not yet expanded: server-specs.ts does that). */
  journalPaths: string[];
  docker: SourceMode;
  /** Empty: DOCKER_HOST from the environment, else the default socket. */
  dockerHost: string;
}

/** The part of vscode.WorkspaceConfiguration this module reads. */
export interface ConfigurationLike {
  get<T>(key: string): T | undefined;
}

/** Reads every setting once; out-of-range or mistyped values fall back the way the settings UI documents. */
export function readSettings(config: ConfigurationLike): Settings {
  const get = <K extends SettingKey>(key: K) => config.get<unknown>(key) ?? SETTING_DEFAULTS[key];
  const model = get('model');
  const logDirectories = get('logDirectories');
  const refresh = get('system.refreshSeconds');
  const provider = get('modelProvider');
  return {
    modelProvider: MODEL_PROVIDERS.includes(provider as ModelProvider) ? (provider as ModelProvider) : 'auto',
    vscodeModel: modelSelector(get('vscodeModel')),
    model: typeof model === 'string' && model !== '' ? model : SETTING_DEFAULTS.model,
    maxTokens: clamp(get('maxTokens'), 256, 64_000),
    anthropicBaseUrl: String(get('anthropicBaseUrl')),
    maxToolRounds: clamp(get('maxToolRounds'), 1, 100),
    logDirectories: Array.isArray(logDirectories) ? logDirectories : [],
    servers: get('servers'),
    thresholds: {
      cpu: get('thresholds.cpu') as number,
      memory: get('thresholds.memory') as number,
      disk: get('thresholds.disk') as number,
    },
    systemRefreshSeconds: typeof refresh === 'number' && Number.isFinite(refresh) && refresh >= 1 ? Math.min(refresh, 3600) : SETTING_DEFAULTS['system.refreshSeconds'],
    prometheus: { url: text(get('prometheus.url')), hostLabel: text(get('prometheus.hostLabel')), timeoutSeconds: prometheusTimeout(get('prometheus.timeoutSeconds')) },
    logSources: {
      journal: mode(get('logs.journal')),
      journalPaths: strings(get('logs.journalPaths')),
      docker: mode(get('logs.docker')),
      dockerHost: text(get('logs.dockerHost')),
    },
  };
}

/** Seconds, 1–300; a value that is no number is the default (not the 1 s minimum, which would fail most queries). */
function prometheusTimeout(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? clamp(value, 1, 300) : SETTING_DEFAULTS['prometheus.timeoutSeconds'];
}

/** One of auto|on|off; anything else is 'auto' (the settings UI's default). */
function mode(value: unknown): SourceMode {
  return value === 'on' || value === 'off' ? value : 'auto';
}

/** The non-empty trimmed strings of an array; anything else is empty. */
function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.flatMap((v) => (typeof v === 'string' && v.trim() !== '' ? [v.trim()] : [])) : [];
}

/** Whether a configuration change touches one of `keys` (e.g. 'thresholds' covers 'thresholds.cpu'). */
export function affectsSettings(event: { affectsConfiguration(section: string): boolean }, ...keys: string[]): boolean {
  return keys.some((key) => event.affectsConfiguration(`${SETTINGS_SECTION}.${key}`));
}

/** The selector's non-empty string fields; anything else is dropped. */
function modelSelector(value: unknown): VsCodeModelSelector {
  if (!value || typeof value !== 'object') return {};
  const selector: VsCodeModelSelector = {};
  for (const key of ['vendor', 'id', 'family'] as const) {
    const field = text((value as Record<string, unknown>)[key]);
    if (field) selector[key] = field;
  }
  return selector;
}

/** A trimmed string; anything else is empty. */
function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** A whole number within [min, max]; anything that is not a finite number gives `min`. */
function clamp(value: unknown, min: number, max: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : min;
}
