// Process command lines go to a model and a webview: control characters out, secrets masked, length capped.
import { sanitizeLine } from '../../shared/sanitize';

/** Longest command line shown, in characters (the cut is marked and counted). */
export const COMMAND_MAX_CHARS = 300;

const SECRET_NAME = /password|passwd|pwd|token|secret|api[-_]?key|access[-_]?key|auth/i;
const OPTION_NAME = /^-{0,2}[\w.-]+$/;

/**
 * Masks values of password/token/secret/key-like arguments (`--password=x`, `--api-key x`, `DB_PWD=x`)
 * and credentials inside URLs. Works word by word, so its time stays linear in the input.
 */
export function maskSecrets(commandLine: string): string {
  const parts = commandLine.split(/(\s+)/); // words at even indexes, the whitespace between them at odd ones
  for (let i = 0; i < parts.length; i += 2) {
    const word = parts[i];
    const eq = word.indexOf('=');
    if (eq > 0) {
      const name = word.slice(0, eq);
      if (eq < word.length - 1 && OPTION_NAME.test(name) && SECRET_NAME.test(name)) parts[i] = `${name}=***`;
    } else if (OPTION_NAME.test(word) && SECRET_NAME.test(word) && parts[i + 2] && !parts[i + 2].startsWith('-')) {
      parts[i + 2] = '***';
      i += 2;
    }
  }
  // The look-behind keeps the scheme match from restarting inside a long run of letters (quadratic time).
  return parts.join('').replace(/(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+:[^\s/@]+@/gi, '$1***@');
}

/** Only this much of a command line is masked: more than is ever shown, and it bounds the regex work. */
const MASK_WINDOW = 1000;

/** Control characters removed, secrets masked, cut to COMMAND_MAX_CHARS with the cut counted. */
export function cleanCommand(commandLine: string): string {
  const clean = sanitizeLine(commandLine, Number.MAX_SAFE_INTEGER);
  const masked = maskSecrets(clean.slice(0, MASK_WINDOW));
  if (clean.length <= COMMAND_MAX_CHARS) return masked;
  return `${masked.slice(0, COMMAND_MAX_CHARS)}… [${clean.length - COMMAND_MAX_CHARS} chars cut]`;
}

/** Most arguments listed, and the most characters of each. */
export const MAX_ARGUMENTS = 50;
const ARGUMENT_MAX_CHARS = 200;

/**
 * A command line from exact argv: arguments with whitespace (or nothing) in double quotes, so
 * "/tmp/batch worker 7" 120 shows where the executable ends.
 */
export function joinArgv(argv: readonly string[]): string {
  return argv.map((arg) => (arg === '' || /[\s"]/.test(arg) ? JSON.stringify(arg) : arg)).join(' ');
}

/** The arguments after argv[0]: control characters removed, secrets masked (`--token x` too), capped in number and length. */
export function cleanArguments(args: readonly string[]): string[] {
  const out = args.slice(0, MAX_ARGUMENTS).map((arg) => maskSecrets(sanitizeLine(arg, ARGUMENT_MAX_CHARS)));
  for (let i = 0; i + 1 < out.length; i++) {
    if (OPTION_NAME.test(out[i]) && SECRET_NAME.test(out[i]) && !out[i + 1].startsWith('-')) out[++i] = '***';
  }
  if (args.length > MAX_ARGUMENTS) out.push(`… [${args.length - MAX_ARGUMENTS} more arguments]`);
  return out;
}
