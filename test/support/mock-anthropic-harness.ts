// Shared pieces for agent tests: an in-memory workspaceState, an event collector and an Agent
// wired to the mock Anthropic API through the real SDK.
import { Agent, type AgentLimits, type AgentSettings } from '../../src/agent/agent';
import type { AgentEvent } from '../../src/agent/events';
import type { KeyValueStore } from '../../src/agent/history';
import type { McpHub } from '../../src/mcp/types';
import type { MockAnthropic } from './mock-anthropic';

export class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, string>();
  get<T>(key: string): T | undefined {
    const raw = this.data.get(key);
    return raw === undefined ? undefined : (JSON.parse(raw) as T);
  }
  async update(key: string, value: unknown): Promise<void> {
    // Stored as JSON like VS Code's Memento, so tests see exactly what survives a reload.
    if (value === undefined) this.data.delete(key);
    else this.data.set(key, JSON.stringify(value));
  }
}

export class EventLog {
  readonly events: AgentEvent[] = [];
  readonly onEvent = (event: AgentEvent) => void this.events.push(event);
  text(): string {
    return this.events.map((e) => (e.type === 'text' ? e.delta : '')).join('');
  }
  of<T extends AgentEvent['type']>(type: T): Array<Extract<AgentEvent, { type: T }>> {
    return this.events.filter((e): e is Extract<AgentEvent, { type: T }> => e.type === type);
  }
  done(): string | undefined {
    return this.of('done')[0]?.stopReason;
  }
}

export interface TestAgentOptions {
  settings?: Partial<AgentSettings>;
  limits?: Partial<AgentLimits>;
  apiKey?: string | undefined;
  store?: MemoryStore;
  now?: Date;
  timeZone?: string;
  log?(line: string): void;
}

export const TEST_API_KEY = 'sk-ant-test-0000000000000000000000';

export function makeAgent(mock: MockAnthropic | { url: string }, hub: McpHub, options: TestAgentOptions = {}): { agent: Agent; store: MemoryStore } {
  const store = options.store ?? new MemoryStore();
  const agent = new Agent({
    hub,
    settings: () => ({
      model: 'claude-haiku-4-5',
      maxTokens: 1024,
      maxToolRounds: 12,
      baseURL: mock.url,
      thresholds: { cpu: 80, memory: 90, disk: 90 },
      ...options.settings,
    }),
    apiKey: async () => ('apiKey' in options ? options.apiKey : TEST_API_KEY),
    store,
    now: options.now ? () => options.now as Date : undefined,
    timeZone: options.timeZone ? () => options.timeZone as string : undefined,
    limits: { maxRetries: 2, ...options.limits },
    ...(options.log ? { log: options.log } : {}),
  });
  return { agent, store };
}

/** The messages array of the n-th POST /v1/messages (0-based). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function requestMessages(mock: MockAnthropic, n: number): any[] {
  return mock.messageRequests()[n]?.body?.messages ?? [];
}

/** Every tool_use id in a request is answered by a tool_result in the message after it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function danglingToolUses(messages: any[]): string[] {
  const dangling: string[] = [];
  messages.forEach((m, i) => {
    if (m.role !== 'assistant' || typeof m.content === 'string') return;
     
    const next = messages[i + 1];
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const answered = new Set((Array.isArray(next?.content) ? next.content : []).filter((b: any) => b.type === 'tool_result').map((b: any) => b.tool_use_id));
     
    for (const b of m.content) if (b.type === 'tool_use' && !answered.has(b.id)) dangling.push(b.id);
  });
  return dangling;
}
