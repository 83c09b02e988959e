// Masking the common shapes of secrets in text that leaves the machine or is shown: tool results (a key in a log line,
// a password in another process's command line from get_top_processes) before the model and the chat get them, and the
// API's error texts (errors.ts withoutSecrets). The one place these shapes are written.

export const MASK = '***';

interface SecretShape {
  pattern: RegExp;
  /** The replacement: the whole match masked, or the part before the secret kept (a name, a scheme). */
  replace: string;
}

/**
 * Each shape says by its form alone that it is a secret, or is a value after a name that says so. A value stops at
 * whitespace, quotes, a backslash and separators of query strings and lists, so that masking inside a JSON string
 * keeps the JSON whole.
 */
/** Names of a value that is a secret (not "pwd": PWD= is the working directory). */
const NAMES = '(?:password|passwd|secret|token|api[_-]?key|access[_-]?key|client[_-]?secret)';

const SHAPES: readonly SecretShape[] = [
  // Anthropic (sk-ant-api03-…, sk-ant-admin01-…) and OpenAI (sk-…, sk-proj-…, sk-svcacct-…) keys.
  { pattern: /\bsk-ant-[A-Za-z0-9_-]{6,}/g, replace: MASK },
  { pattern: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/g, replace: MASK },
  // GitHub tokens: classic (ghp_, gho_, ghu_, ghs_, ghr_) and fine-grained (github_pat_).
  { pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})/g, replace: MASK },
  // AWS access key ids; the secret key (40 characters of base64) is masked by the name before it.
  { pattern: /\b(?:AKIA|ASIA|AGPA|AIDA|AROA)[A-Z0-9]{16}\b/g, replace: MASK },
  // A bearer token of an Authorization header (with a digit: "Bearer authentication" is prose).
  { pattern: /\b(Bearer)\s+(?=[A-Za-z0-9._~+/-]*\d)[A-Za-z0-9._~+/-]{8,}=*/gi, replace: `$1 ${MASK}` },
  // A URL's password (scheme://user:password@host): the user name is kept, it says which account.
  { pattern: /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@"'\\]+:)[^\s/@"'\\]+@/gi, replace: `$1${MASK}@` },
  // "password": "…" in JSON.
  { pattern: new RegExp(`("[\\w.-]*?${NAMES}"\\s*:\\s*")(?:[^"\\\\]|\\\\.)+(?=")`, 'gi'), replace: `$1${MASK}` },
  // --password …, --api-key=… in command lines.
  { pattern: new RegExp(`(\\s--?[\\w-]*?${NAMES}[\\w-]*[ =])(?!\\*\\*\\*)[^\\s"'\\\\]+`, 'gi'), replace: `$1${MASK}` },
  // password=…, api_key: …, AWS_SECRET_ACCESS_KEY=… in log lines, configs and environments.
  // Quotes around the name or the value may come escaped (a log line inside a tool's JSON: password=\"…\").
  { pattern: new RegExp(`(\\b[\\w.-]*?${NAMES}(?:\\\\?["'])?\\s*[=:]\\s*(?:\\\\?["'])?)(?!\\*\\*\\*)[^\\s&,;"'\\\\]+`, 'gi'), replace: `$1${MASK}` },
];

/** `text` with every secret of a known shape replaced by MASK, and how many were. */
export function maskSecrets(text: string): { text: string; masked: number } {
  let masked = 0;
  let out = text;
  for (const { pattern, replace } of SHAPES) {
    out = out.replace(pattern, (...args: unknown[]) => {
      masked++;
      const groups = args.slice(1, -2) as Array<string | undefined>;
      return replace.replace(/\$(\d)/g, (_, n: string) => groups[Number(n) - 1] ?? '');
    });
  }
  return { text: out, masked };
}
