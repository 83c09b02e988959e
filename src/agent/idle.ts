// A watchdog for streamed answers: a stream that sends nothing for `idleMs` is given up on, so a
// silent server or provider ends the turn with an error instead of hanging it. Shared by every
// ChatModel that streams.

/** How long (ms) a streamed answer may send nothing before it is given up on, for every model. */
export const DEFAULT_STREAM_IDLE_MS = 120_000;

/** The response stream went silent; thrown by a model whose IdleWatchdog fired. */
export class StreamStalledError extends Error {
  constructor(readonly idleMs: number) {
    super(`no data for ${Math.round(idleMs / 1000)} s`);
    this.name = 'StreamStalledError';
  }
}

export class IdleWatchdog {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private silent = false;
  private readonly onParentAbort = () => this.controller.abort();

  /**
   * `parent`: the user's Stop; `signal` below follows it and also fires when the stream goes silent.
   * The clock starts with the first touch() (so a wait the user causes, e.g. a consent dialog, is not counted).
   */
  constructor(
    private readonly idleMs: number,
    private readonly parent: AbortSignal,
  ) {
    if (parent.aborted) this.controller.abort();
    else parent.addEventListener('abort', this.onParentAbort, { once: true });
  }

  /** Aborted on the user's Stop or after `idleMs` without data: give it to the request. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** True when the stream went silent (and the user did not stop it). */
  get wentSilent(): boolean {
    return this.silent && !this.parent.aborted;
  }

  /** Data arrived (or the clock starts): the stream is alive for another `idleMs`. */
  touch(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.silent = true;
      this.controller.abort();
    }, this.idleMs);
  }

  /** The clock stops until the next touch(): a wait that is not the stream's silence (the SDK sleeping before a retry). */
  pause(): void {
    clearTimeout(this.timer);
  }

  /** The error to throw instead of `error` when the stream was cut for silence. */
  rethrow(error: unknown): never {
    if (this.wentSilent) throw new StreamStalledError(this.idleMs);
    throw error;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.parent.removeEventListener('abort', this.onParentAbort);
  }
}
