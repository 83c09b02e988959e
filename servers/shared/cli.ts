// Command-line configuration of every server: ONE table per server (flag, environment variable,
// value type, default, description) gives both the parser (node:util parseArgs, strict) and --help.
import { delimiter } from 'node:path';
import { parseArgs } from 'node:util';
import type { z } from 'zod';

/** One setting. A flag wins over its environment variable; an empty variable counts as unset. */
export interface CliOption<T> {
  /** Flag name without dashes: 'repo' is `--repo` (also `--repo=value`). */
  flag: string;
  /** Environment variable read when the flag is absent. */
  env?: string;
  /** Placeholder of the value in --help: 'DIR', 'N'. */
  placeholder: string;
  /** One line or two for --help; say the unit. */
  description: string;
  /**
   * Reads the raw text: a string (single options) or, for `repeatable` ones, every value as a string
   * array (the environment's list, split on the path delimiter, then each flag in order). Its error
   * messages are shown as they are, after the flag and variable names.
   */
  value: z.ZodType<T>;
  /** Used when neither flag nor variable is given. */
  default: T;
  /** How --help shows the default when `default` is not meant to be shown as is (computed, empty). */
  defaultText?: string;
  /** The flag may be given many times. */
  repeatable?: boolean;
}

/** A server's table: property name (as the parsed config names it) to option. */
export type CliOptions = Record<string, CliOption<unknown>>;

/** The parsed configuration of a table. */
export type CliConfig<O extends CliOptions> = { [K in keyof O]: O[K] extends CliOption<infer T> ? T : never };

export interface CliSpec<O extends CliOptions> {
  /** First line of --help: what the program is. */
  title: string;
  /** Program as typed, for the usage line: 'node git.js'. */
  command: string;
  options: O;
  /** Paragraphs after the flags (tools, resources, where logs go). */
  notes?: string;
}

/** Wrong command line: unknown flag, missing or invalid value. The message is for the person who typed it. */
export class CliUsageError extends Error {
  /** Conventional exit code of a usage error. */
  readonly exitCode = 2;
}

/**
 * Parses `argv` (arguments only, without node and the script: `process.argv.slice(2)`) and `env`
 * against the table. Reads nothing else: no process.argv, no process.env, so a test's argv and env
 * are the whole truth. `--help`/`-h` is not an option here: ask `wantsHelp` first.
 * Throws CliUsageError naming the flag (and variable) on unknown flags or invalid values.
 */
export function readConfig<O extends CliOptions>(spec: CliSpec<O>, argv: readonly string[], env: Readonly<Record<string, string | undefined>>): CliConfig<O> {
  const flags = parseFlags(spec, argv);
  const config: Record<string, unknown> = {};
  for (const [key, option] of Object.entries(spec.options)) {
    const raw = rawValue(option, flags[option.flag], env);
    if (raw === undefined) {
      config[key] = option.default;
      continue;
    }
    const parsed = option.value.safeParse(raw);
    if (!parsed.success) {
      const names = option.env ? `--${option.flag} / ${option.env}` : `--${option.flag}`;
      throw new CliUsageError(`${names}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}, got ${JSON.stringify(raw)}`);
    }
    config[key] = parsed.data;
  }
  return config as CliConfig<O>;
}

/** Whether the arguments ask for --help (or -h), whatever else they hold. */
export function wantsHelp(argv: readonly string[]): boolean {
  return argv.includes('--help') || argv.includes('-h');
}

/** --help text generated from the table: usage, one entry per flag with its variable and default. */
export function helpText<O extends CliOptions>(spec: CliSpec<O>): string {
  const options = Object.values(spec.options);
  const usage = options.map((o) => `[--${o.flag} ${o.placeholder}]${o.repeatable ? '...' : ''}`).join(' ');
  const rows = options.map((o) => ({ left: `--${o.flag} ${o.placeholder}`, option: o }));
  const width = Math.max('-h, --help'.length, ...rows.map((r) => r.left.length)) + 3;
  const pad = (text: string) => text.padEnd(width);
  const lines = [spec.title, '', `Usage: ${spec.command} ${usage}`.trimEnd(), '', 'Flags (each overrides its environment variable):'];
  for (const { left, option } of rows) {
    lines.push(`  ${pad(left)}${option.description}`);
    const facts = [
      option.env ? `env ${option.env}${option.repeatable ? ` (a list separated by "${delimiter}")` : ''}` : undefined,
      `default: ${option.defaultText ?? JSON.stringify(option.default)}`,
      option.repeatable ? 'repeatable' : undefined,
    ].filter(Boolean);
    lines.push(`  ${pad('')}(${facts.join('; ')})`);
  }
  lines.push(`  ${pad('-h, --help')}print this text and exit`);
  if (spec.notes) lines.push('', spec.notes.trim());
  return `${lines.join('\n')}\n`;
}

function parseFlags<O extends CliOptions>(spec: CliSpec<O>, argv: readonly string[]): Record<string, string | string[] | undefined> {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = { help: { type: 'boolean', short: 'h' } };
  for (const option of Object.values(spec.options)) options[option.flag] = { type: 'string', multiple: option.repeatable === true };
  try {
    const { values } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false });
    return values as Record<string, string | string[] | undefined>;
  } catch (error) {
    // parseArgs' messages name the flag ("Unknown option '--x'"); the hint tells what to do next.
    throw new CliUsageError(`${error instanceof Error ? error.message : String(error)}. Run with --help for the accepted flags.`);
  }
}

function rawValue(option: CliOption<unknown>, flag: string | string[] | undefined, env: Readonly<Record<string, string | undefined>>): string | string[] | undefined {
  const fromEnv = option.env === undefined ? undefined : env[option.env];
  if (option.repeatable) {
    const list = [...(fromEnv ?? '').split(delimiter), ...(Array.isArray(flag) ? flag : flag === undefined ? [] : [flag])].map((s) => s.trim()).filter(Boolean);
    return list.length === 0 ? undefined : list;
  }
  if (typeof flag === 'string') return flag;
  return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
}
