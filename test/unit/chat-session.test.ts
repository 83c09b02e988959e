import assert from 'node:assert/strict';
import type { AgentEvent, ChatAgent, TranscriptItem } from '../../src/agent/events';
import { ChatSession, type SessionUpdate } from '../../src/chat/session';

/** A scripted agent: each ask plays events, optionally waiting on a gate, and honours the signal. */
class FakeAgent implements ChatAgent {
  items: TranscriptItem[] = [];
  busy = false;
  gate: Promise<void> | undefined;
  script: AgentEvent[] = [];
  throwOnAsk = false;

  async ask(question: string, onEvent: (event: AgentEvent) => void, signal: AbortSignal): Promise<void> {
    this.busy = true;
    try {
      if (this.throwOnAsk) throw new Error('boom');
      onEvent({ type: 'start', turnId: String(this.items.length), question });
      this.items.push({ kind: 'user', text: question });
      let text = '';
      for (const event of this.script) {
        if (this.gate) {
          await Promise.race([this.gate, new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }))]);
        }
        if (signal.aborted) {
          onEvent({ type: 'done', stopReason: 'cancelled' });
          return;
        }
        if (event.type === 'text') text += event.delta;
        onEvent(event);
      }
      this.items.push({ kind: 'assistant', text });
      onEvent({ type: 'done', stopReason: 'end_turn' });
    } finally {
      this.busy = false;
    }
  }
  async continue(onEvent: (event: AgentEvent) => void, signal: AbortSignal): Promise<void> {
    return this.ask('(continue)', onEvent, signal);
  }
  appendToTranscript(item: TranscriptItem): void {
    this.items.push(item);
  }
  transcript(): TranscriptItem[] {
    return [...this.items];
  }
  async clear(): Promise<void> {
    this.items = [];
  }
}

function record(session: ChatSession): SessionUpdate[] {
  const updates: SessionUpdate[] = [];
  session.onUpdate((u) => updates.push(u));
  return updates;
}

describe('chat session', () => {
  it('forwards the events of a turn between busy markers', async () => {
    const agent = new FakeAgent();
    agent.script = [{ type: 'text', delta: 'Hel' }, { type: 'text', delta: 'lo' }];
    const session = new ChatSession(agent);
    const updates = record(session);
    assert.equal(await session.ask('  hi  '), true);
    assert.deepEqual(updates.map((u) => (u.type === 'event' ? u.event.type : u.type)), ['busy', 'start', 'text', 'text', 'done', 'busy']);
    assert.deepEqual(updates[0], { type: 'busy', busy: true });
    assert.equal((updates[1] as { event: { question: string } }).event.question, 'hi');
    assert.deepEqual(session.snapshot(), { items: [{ kind: 'user', text: 'hi' }, { kind: 'assistant', text: 'Hello' }] });
  });

  it('ignores empty questions and a second question while one runs', async () => {
    const agent = new FakeAgent();
    let open!: () => void;
    agent.gate = new Promise((resolve) => (open = resolve));
    agent.script = [{ type: 'text', delta: 'x' }];
    const session = new ChatSession(agent);
    assert.equal(await session.ask('   '), false);
    const first = session.ask('one');
    assert.equal(session.busy, true);
    assert.equal(await session.ask('two'), false);
    open();
    assert.equal(await first, true);
    assert.equal(session.busy, false);
  });

  it('shows a view opened mid-answer the history before the turn plus the live events', async () => {
    const agent = new FakeAgent();
    agent.items = [{ kind: 'user', text: 'old' }, { kind: 'assistant', text: 'old answer' }];
    let open!: () => void;
    agent.gate = new Promise((resolve) => (open = resolve));
    agent.script = [{ type: 'text', delta: 'partial' }];
    const session = new ChatSession(agent);
    const running = session.ask('new');
    await new Promise((resolve) => setImmediate(resolve));
    const snapshot = session.snapshot();
    assert.deepEqual(snapshot.items, [{ kind: 'user', text: 'old' }, { kind: 'assistant', text: 'old answer' }]);
    assert.deepEqual(snapshot.live?.events.map((e) => e.type), ['start']);
    open();
    await running;
    assert.equal(session.snapshot().live, undefined);
    assert.equal(session.snapshot().items.length, 4);
  });

  it('stop aborts the running turn', async () => {
    const agent = new FakeAgent();
    agent.gate = new Promise(() => {}); // never opens: only the abort ends it
    agent.script = [{ type: 'text', delta: 'never' }];
    const session = new ChatSession(agent);
    const updates = record(session);
    const running = session.ask('long');
    await new Promise((resolve) => setImmediate(resolve));
    session.stop();
    await running;
    const events = updates.flatMap((u) => (u.type === 'event' ? [u.event] : []));
    assert.deepEqual(events.at(-1), { type: 'done', stopReason: 'cancelled' });
    assert.equal(events.some((e) => e.type === 'text'), false);
    assert.equal(session.busy, false);
  });

  it('turns a rejecting agent into an error and a done event', async () => {
    const agent = new FakeAgent();
    agent.throwOnAsk = true;
    const session = new ChatSession(agent);
    const updates = record(session);
    await session.ask('q');
    const events = updates.flatMap((u) => (u.type === 'event' ? [u.event] : []));
    assert.deepEqual(events, [{ type: 'error', message: 'boom' }, { type: 'done', stopReason: 'error' }]);
  });

  it('append adds to the transcript at once and clear resets it', async () => {
    const agent = new FakeAgent();
    const session = new ChatSession(agent);
    const updates = record(session);
    session.append({ kind: 'assistant', text: '### Error summary' });
    assert.deepEqual(agent.items, [{ kind: 'assistant', text: '### Error summary' }]);
    await session.clear();
    assert.deepEqual(updates, [
      { type: 'append', item: { kind: 'assistant', text: '### Error summary' } },
      { type: 'reset', items: [] },
    ]);
  });

  it('a throwing listener does not stop the others', async () => {
    const agent = new FakeAgent();
    const session = new ChatSession(agent);
    session.onUpdate(() => {
      throw new Error('disposed webview');
    });
    const updates = record(session);
    session.append({ kind: 'notice', text: 'n' });
    assert.equal(updates.length, 1);
  });
});
