// The one place tests wait. A test waits for the thing it needs (a process exit, a line of output, a
// state a probe can see) under a generous deadline, never for a fixed time: on a busy CI machine a
// fixed sleep is either too short (flaky) or too long (slow), and a deadline only costs time when the
// test is failing anyway.
import type { ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';

/** Long enough for a loaded 2-core machine; a passing test never waits this long. */
export const DEFAULT_DEADLINE_MS = 30_000;

export interface WaitOptions {
  /** Give up after this many milliseconds (default DEFAULT_DEADLINE_MS). */
  timeoutMs?: number;
  /** Milliseconds between two probes (default 25). */
  intervalMs?: number;
}

/**
 * Polls `probe` until it returns a truthy value and resolves with that value. For states no event
 * announces (a process list, a counter, a file). Rejects with "timed out after N ms waiting for
 * <what>" (plus the last probe error, if the probe threw) once the deadline passes.
 */
export async function waitUntil<T>(what: string, probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, options: WaitOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_DEADLINE_MS;
  const intervalMs = options.intervalMs ?? 25;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? ` (last probe: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/**
 * Resolves with the exit code (null when killed by a signal) once `child` has exited, at once if it
 * already has. After `timeoutMs` the child is killed with SIGKILL and the promise rejects.
 */
export function exitOf(child: ChildProcess, timeoutMs = DEFAULT_DEADLINE_MS): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`process ${child.pid} did not exit within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/**
 * Collects a stream's text and resolves with everything read so far once it contains `expected`
 * (a substring or a pattern). Rejects if the stream ends first or after `timeoutMs`, naming what was
 * read. Use it to wait for a server's first reply or its start-up line on stderr.
 */
export function outputContaining(stream: Readable, expected: string | RegExp, timeoutMs = DEFAULT_DEADLINE_MS): Promise<string> {
  let text = '';
  const found = () => (typeof expected === 'string' ? text.includes(expected) : expected.test(text));
  return new Promise((resolve, reject) => {
    const finish = (error?: Error) => {
      clearTimeout(timer);
      stream.off('data', onData);
      stream.off('end', onEnd);
      if (error) reject(error);
      else resolve(text);
    };
    const onData = (chunk: Buffer | string) => {
      text += chunk.toString();
      if (found()) finish();
    };
    const onEnd = () => finish(new Error(`stream ended before ${String(expected)} appeared; read: ${text.slice(-500)}`));
    const timer = setTimeout(() => finish(new Error(`timed out after ${timeoutMs} ms waiting for ${String(expected)}; read: ${text.slice(-500)}`)), timeoutMs);
    stream.on('data', onData);
    stream.once('end', onEnd);
  });
}
