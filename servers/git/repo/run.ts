// Runs git without a shell, with repository config that could start programs switched off,
// a time limit, an output cap and cancellation.
import { spawn, type ChildProcess } from 'node:child_process';
import { abortError } from '../../shared/progress';
import { childReaper } from '../../shared/child-reaper';
import { killChildTree } from '../../shared/kill-tree';

/** Prepended to every call: no pager, pathspecs taken literally, and no config-driven programs. */
export const SAFE_GLOBAL_ARGS: readonly string[] = [
  '--no-pager',
  '--literal-pathspecs',
  '-c', 'core.fsmonitor=false',
  '-c', 'core.hooksPath=/dev/null',
  '-c', 'log.showSignature=false',
  '-c', 'color.ui=false',
  '-c', 'core.quotePath=false',
  '-c', 'i18n.logOutputEncoding=UTF-8',
  // Repository config that changes what the tools read, as opposed to running programs: log.follow makes `git log --
  // <path>` follow renames (the tools list a path's own history and name the rename in a note); diff.noprefix and
  // diff.mnemonicPrefix drop or change the a/ and b/ of patch headers, which readers and `git apply` expect;
  // log.showRoot=false shows the first commit with no changes (no files in git_show, none of its lines in churn).
  '-c', 'log.follow=false',
  '-c', 'log.showRoot=true',
  '-c', 'diff.noprefix=false',
  '-c', 'diff.mnemonicPrefix=false',
];

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;
const MAX_STDERR_BYTES = 64 * 1024;

export interface GitRunOptions {
  cwd: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Stdout beyond this many bytes is dropped, git is stopped and the result says `truncated`. */
  maxBytes?: number;
  /** Extra config passed through GIT_CONFIG_KEY_n/VALUE_n (safe for any key text, unlike `-c k=v`). */
  config?: ReadonlyArray<readonly [string, string]>;
  /** Exit codes that are not failures (default only 0). */
  okExitCodes?: readonly number[];
  /** Sees each kept piece of stdout; returning 'stop' stops git there (the result is then `truncated`, as at the cap). */
  onStdout?: (chunk: Buffer) => void | 'stop';
  /**
   * The command takes paths, not pathspecs, and refuses every pathspec magic, `literal` too (`check-ignore`): run it
   * without SAFE_GLOBAL_ARGS' --literal-pathspecs, which such a command rejects outright.
   */
  plainPaths?: true;
  /** Bytes written to git's stdin, which is then closed (`--stdin` commands); without it stdin is closed at once. */
  input?: Buffer;
}

export interface GitRunResult {
  stdout: Buffer;
  stderr: string;
  exitCode: number;
  truncated: boolean;
}

export class GitCommandError extends Error {
  constructor(
    readonly exitCode: number,
    readonly stderr: string,
  ) {
    super(firstErrorLine(stderr) || `git exited with code ${exitCode}`);
    this.name = 'GitCommandError';
  }
}

export class GitTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`git did not finish within ${Math.round(timeoutMs / 1000)} s; narrow the request (a shorter period, a path, a smaller count)`);
    this.name = 'GitTimeoutError';
  }
}

/** The environment for git: inherited variables minus every GIT_* one (GIT_DIR, GIT_EXTERNAL_DIFF, …), plus ours. */
export function gitEnvironment(config: ReadonlyArray<readonly [string, string]> = []): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('GIT_')) env[key] = value;
  }
  Object.assign(env, {
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_PAGER: 'cat',
    PAGER: 'cat',
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
    // A partial clone (`--filter=blob:none`) fetches a missing object from its promisor remote whenever a read needs
    // it: `git show` or `git blame` of an old commit would then reach the network and run whatever the repository's
    // config names for that (core.sshCommand, an `ext::` remote URL, a remote helper). An empty allow-list of
    // transports overrides every protocol.*.allow in any config, so no fetch can start; git 2.44+ also skips the try.
    GIT_ALLOW_PROTOCOL: '',
    GIT_NO_LAZY_FETCH: '1',
    LC_ALL: 'C',
    LANGUAGE: 'C',
  });
  if (config.length > 0) {
    env.GIT_CONFIG_COUNT = String(config.length);
    config.forEach(([key, value], index) => {
      env[`GIT_CONFIG_KEY_${index}`] = key;
      env[`GIT_CONFIG_VALUE_${index}`] = value;
    });
  }
  return env;
}

/**
 * Runs `git <SAFE_GLOBAL_ARGS> <args>` in `options.cwd` (no shell) and resolves with its stdout
 * (bytes, at most `maxBytes`; beyond that git is stopped and `truncated` is set), stderr (text, first
 * 64 KiB) and exit code. Rejects with GitCommandError (exit code not in okExitCodes), GitTimeoutError
 * (after `timeoutMs`, default 20 s), an AbortError (signal) or "could not run git" (spawn failure).
 */
export function runGit(args: readonly string[], options: GitRunOptions): Promise<GitRunResult> {
  if (options.signal?.aborted) return Promise.reject(abortError());
  const global = options.plainPaths ? SAFE_GLOBAL_ARGS.filter((arg) => arg !== '--literal-pathspecs') : SAFE_GLOBAL_ARGS;
  const child = spawn('git', [...global, ...args], {
    cwd: options.cwd,
    env: gitEnvironment(options.config),
    stdio: [options.input ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    shell: false,
    windowsHide: true,
    // A git waiting on a FIFO or a slow disk must not outlive a server killed outright (child-reaper.ts).
    ...childReaper.spawnOptions(),
  });
  childReaper.track(child);
  if (options.input && child.stdin) {
    // git may exit before reading it all (a failure, the time limit): its closed stdin is no error of ours.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input);
  }
  const guard = guardChild(child, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, options.signal);
  const stdout = collectStdout(child, options.maxBytes ?? DEFAULT_MAX_BYTES, options.onStdout, () => guard.stop());
  const stderr = collectStderr(child);
  return new Promise<GitRunResult>((resolve, reject) => {
    let settled = false;
    const finish = (exitCode: number | null, spawnError?: Error) => {
      if (settled) return;
      settled = true;
      const failure = guard.release();
      if (failure) return reject(failure);
      if (spawnError) return reject(new Error(`could not run git: ${spawnError.message}`));
      const code = exitCode ?? -1;
      const result = { stdout: stdout.bytes(), stderr: stderr(), exitCode: code, truncated: stdout.truncated() };
      if (result.truncated || (options.okExitCodes ?? [0]).includes(code)) return resolve(result);
      reject(new GitCommandError(code, result.stderr));
    };
    child.on('error', (error) => finish(null, error));
    child.on('close', (code) => finish(code));
  });
}

/**
 * Kills `child` when `timeoutMs` pass or `signal` aborts. `stop(reason)` kills it now; `release()`
 * clears the timer and listener and returns the first reason it was stopped for (undefined when it
 * ended on its own or was stopped without one, as for a full output cap).
 */
function guardChild(child: ChildProcess, timeoutMs: number, signal: AbortSignal | undefined): { stop: (reason?: Error) => void; release: () => Error | undefined } {
  let failure: Error | undefined;
  const stop = (reason?: Error) => {
    if (reason && !failure) failure = reason;
    // With what it started: on Windows, Git for Windows' cmd\git.exe is a launcher of the git.exe doing the work.
    killChildTree(child);
  };
  const timer = setTimeout(() => stop(new GitTimeoutError(timeoutMs)), timeoutMs);
  const onAbort = () => stop(abortError());
  signal?.addEventListener('abort', onAbort, { once: true });
  const release = () => {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    return failure;
  };
  return { stop, release };
}

/** Keeps the first `maxBytes` of stdout, passing each kept piece to `onChunk`; calls `onFull` once the cap is reached or `onChunk` says stop. */
function collectStdout(child: ChildProcess, maxBytes: number, onChunk: ((chunk: Buffer) => void | 'stop') | undefined, onFull: () => void) {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  child.stdout?.on('data', (chunk: Buffer) => {
    if (truncated) return;
    const room = maxBytes - size;
    if (chunk.length > room) {
      chunk = chunk.subarray(0, room);
      truncated = true;
    }
    if (chunk.length > 0) {
      chunks.push(chunk);
      size += chunk.length;
      if (onChunk?.(chunk) === 'stop') truncated = true;
    }
    if (truncated) onFull();
  });
  return { bytes: () => Buffer.concat(chunks, size), truncated: () => truncated };
}

/** The first MAX_STDERR_BYTES (about) of stderr as text: enough for git's error lines. */
function collectStderr(child: ChildProcess): () => string {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    if (stderr.length < MAX_STDERR_BYTES) stderr += chunk.toString('utf8');
  });
  return () => stderr;
}

/** The first "fatal:"/"error:" line of git's stderr, without the prefix. */
export function firstErrorLine(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim()).filter(Boolean);
  const line = lines.find((l) => /^(fatal|error):/.test(l)) ?? lines[0] ?? '';
  return line.replace(/^(fatal|error):\s*/, '');
}
