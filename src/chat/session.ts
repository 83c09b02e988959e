// One conversation shared by the chat view and the commands: runs turns on the agent, keeps the
// events of the running turn (so a view opened mid-answer can catch up) and tells listeners.
// No `vscode` import, so it is tested with a fake agent under plain mocha.
import type { AgentEvent, ChatAgent, TranscriptItem } from '../agent/events';
import type { LiveTurn } from './protocol';

export type SessionUpdate =
  | { type: 'event'; event: AgentEvent }
  | { type: 'append'; item: TranscriptItem }
  | { type: 'reset'; items: TranscriptItem[] }
  | { type: 'busy'; busy: boolean };

export interface SessionSnapshot {
  items: TranscriptItem[];
  live?: LiveTurn;
}

interface RunningTurn {
  controller: AbortController;
  events: AgentEvent[];
  /** Transcript length before the turn: items after it are shown from `events` until it ends. */
  transcriptBase: number;
  done: Promise<void>;
}

export class ChatSession {
  private readonly listeners = new Set<(update: SessionUpdate) => void>();
  private running: RunningTurn | undefined;

  constructor(private readonly agent: ChatAgent) {}

  get busy(): boolean {
    return this.running !== undefined || this.agent.busy;
  }

  onUpdate(listener: (update: SessionUpdate) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  snapshot(): SessionSnapshot {
    const items = this.agent.transcript();
    if (!this.running) return { items };
    return { items: items.slice(0, this.running.transcriptBase), live: { events: [...this.running.events] } };
  }

  /** Runs a question; resolves when the turn is over. Returns false when a turn is already running. */
  ask(question: string): Promise<boolean> {
    const text = question.trim();
    if (!text) return Promise.resolve(false);
    return this.run((onEvent, signal) => this.agent.ask(text, onEvent, signal));
  }

  continue(): Promise<boolean> {
    return this.run((onEvent, signal) => this.agent.continue(onEvent, signal));
  }

  stop(): void {
    this.running?.controller.abort();
  }

  /** Resolves when the running turn (if any) is over. */
  async idle(): Promise<void> {
    await this.running?.done;
  }

  async clear(): Promise<void> {
    if (this.running) {
      this.stop();
      await this.running?.done;
    }
    await this.agent.clear();
    this.emit({ type: 'reset', items: this.agent.transcript() });
  }

  /** Shows an item at once (and keeps it in the transcript) without asking the model. */
  append(item: TranscriptItem): void {
    this.agent.appendToTranscript(item);
    this.emit({ type: 'append', item });
  }

  private async run(start: (onEvent: (event: AgentEvent) => void, signal: AbortSignal) => Promise<void>): Promise<boolean> {
    if (this.busy) return false;
    const controller = new AbortController();
    let finish!: () => void;
    const turn: RunningTurn = {
      controller,
      events: [],
      transcriptBase: this.agent.transcript().length,
      done: new Promise<void>((resolve) => (finish = resolve)),
    };
    this.running = turn;
    this.emit({ type: 'busy', busy: true });
    let sawDone = false;
    const onEvent = (event: AgentEvent) => {
      if (this.running !== turn) return;
      if (event.type === 'done') sawDone = true;
      turn.events.push(event);
      this.emit({ type: 'event', event });
    };
    try {
      await start(onEvent, controller.signal);
    } catch (error) {
      // The contract says ask() never rejects; if it does, the user still gets an answer.
      onEvent({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      if (!sawDone) onEvent({ type: 'done', stopReason: controller.signal.aborted ? 'cancelled' : 'error' });
      this.running = undefined;
      this.emit({ type: 'busy', busy: false });
      finish();
    }
    return true;
  }

  private emit(update: SessionUpdate): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(update);
      } catch {
        // One broken listener (e.g. a disposed webview) must not stop the others.
      }
    }
  }
}
