// The conversation (API messages + what the chat view shows), persisted per workspace. Also the
// repairs that keep it valid for the API: every tool_use answered by a tool_result.
import type Anthropic from '@anthropic-ai/sdk';
import { cutText } from '../../servers/shared/sanitize';
import { toolResultBody } from './content';
import type { TranscriptItem } from './events';

export type MessageParam = Anthropic.MessageParam;
type ToolResult = Anthropic.ToolResultBlockParam;

export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

export interface Conversation {
  messages: MessageParam[];
  transcript: TranscriptItem[];
}

export const HISTORY_KEY = 'devopsAssistant.conversation.v1';
const MAX_TRANSCRIPT_ITEMS = 400;
/** Roughly 100k tokens of history; older turns are dropped first. */
export const MAX_HISTORY_CHARS = 400_000;

export class HistoryStore {
  constructor(private readonly store: KeyValueStore) {}

  load(): Conversation {
    const raw = this.store.get<{ messages?: unknown; transcript?: unknown }>(HISTORY_KEY);
    if (!raw || !Array.isArray(raw.messages) || !Array.isArray(raw.transcript)) return { messages: [], transcript: [] };
    return { messages: repairMessages(raw.messages as MessageParam[]), transcript: raw.transcript as TranscriptItem[] };
  }

  async save(conversation: Conversation): Promise<void> {
    const transcript = conversation.transcript.slice(-MAX_TRANSCRIPT_ITEMS);
    const messages = fitMessages(conversation.messages, MAX_HISTORY_CHARS);
    await this.store.update(HISTORY_KEY, { messages, transcript });
  }

  async clear(): Promise<void> {
    await this.store.update(HISTORY_KEY, undefined);
  }
}

/** Adds a user question, merging with a trailing user message (e.g. after a cancelled turn). */
export function appendUserText(messages: MessageParam[], text: string): MessageParam[] {
  const last = messages[messages.length - 1];
  if (last?.role === 'user') {
    const content = typeof last.content === 'string' ? [{ type: 'text' as const, text: last.content }] : [...last.content];
    content.push({ type: 'text', text });
    return [...messages.slice(0, -1), { role: 'user', content }];
  }
  return [...messages, { role: 'user', content: text }];
}

/**
 * Makes the history acceptable to the API: starts with a user message, every assistant tool_use is
 * answered by a tool_result in the next user message (added as "interrupted" when missing).
 */
export function repairMessages(input: readonly MessageParam[]): MessageParam[] {
  const messages: MessageParam[] = [];
  let start = 0;
  let droppedEmpty = false;
  while (start < input.length && input[start]?.role !== 'user') start++;
  for (let i = start; i < input.length; i++) {
    const message = input[i];
    if (!message || (message.role !== 'user' && message.role !== 'assistant')) continue;
    // An empty message (kept by an earlier version after a tool_use stop without tool calls) makes the
    // API refuse every request; dropped, and two assistant messages it stood between become one.
    if (message.content.length === 0) {
      droppedEmpty = true;
      continue;
    }
    const previous = messages[messages.length - 1];
    const joinAssistants = droppedEmpty && message.role === 'assistant' && previous?.role === 'assistant';
    droppedEmpty = false;
    if (joinAssistants) {
      messages[messages.length - 1] = { role: 'assistant', content: [...blocksOf(previous), ...blocksOf(message)] };
    } else {
      messages.push(message);
    }
    if (message.role !== 'assistant' || typeof message.content === 'string') continue;
    const ids = message.content.filter((b): b is Anthropic.ToolUseBlockParam => b.type === 'tool_use').map((b) => b.id);
    if (ids.length === 0) continue;
    const next = input[i + 1];
    const nextBlocks = next?.role === 'user' && typeof next.content !== 'string' ? next.content : [];
    const answered = new Set(nextBlocks.filter((b): b is ToolResult => b.type === 'tool_result').map((b) => b.tool_use_id));
    const missing: ToolResult[] = ids
      .filter((id) => !answered.has(id))
      .map((id) => ({ type: 'tool_result', tool_use_id: id, is_error: true, content: 'Interrupted: this tool call did not finish.' }));
    if (missing.length === 0) continue;
    if (next?.role === 'user') {
      const content = blocksOf(next);
      // tool_result blocks must come first in the user message
      messages.push({ role: 'user', content: [...missing, ...content] });
      i++;
    } else {
      messages.push({ role: 'user', content: missing });
    }
  }
  return messages;
}

/** Drops the oldest whole exchanges until the history fits, always cutting before a plain user question. */
export function trimMessages(messages: MessageParam[], maxChars: number): MessageParam[] {
  let size = JSON.stringify(messages).length;
  let start = 0;
  while (size > maxChars && start < messages.length - 1) {
    let next = start + 1;
    while (next < messages.length && !isQuestion(messages[next])) next++;
    if (next >= messages.length) break;
    size -= JSON.stringify(messages.slice(start, next)).length;
    start = next;
  }
  return start === 0 ? messages : messages.slice(start);
}

function isQuestion(message: MessageParam): boolean {
  if (message.role !== 'user') return false;
  return typeof message.content === 'string' || !message.content.some((b) => b.type === 'tool_result');
}

function blocksOf(message: MessageParam): Anthropic.ContentBlockParam[] {
  return typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : message.content;
}

/** Characters of an older tool result kept when the history must shrink to fit (enough for its gist and first lines). */
export const SHRUNK_RESULT_CHARS = 2_000;
const SHORTENED = '[shortened by DevOps Assistant';
const REMOVED = '[removed by DevOps Assistant';

/**
 * The history within `maxChars` (characters of the messages as JSON): first the oldest whole
 * exchanges go (trimMessages); if one answer alone is still too large (each round of tool calls adds
 * up to a round's budget of results, and trimMessages cannot cut inside an answer), the tool results
 * of that answer are shortened, oldest first: to SHRUNK_RESULT_CHARS each, then to a note only, and
 * as a last resort the newest round's too. Older results were already read by the model, which has
 * said what it drew from them; the note tells it a result was shortened, so it can call the tool again.
 * tool_use and tool_result blocks stay paired (only the results' text changes).
 */
export function fitMessages(messages: MessageParam[], maxChars: number): MessageParam[] {
  const trimmed = trimMessages(messages, maxChars);
  let size = JSON.stringify(trimmed).length;
  if (size <= maxChars) return trimmed;
  const out = [...trimmed];
  const newest = out.length - 1;
  const passes: Array<{ keep: number; upTo: number }> = [
    { keep: SHRUNK_RESULT_CHARS, upTo: newest },
    { keep: 0, upTo: newest },
    { keep: SHRUNK_RESULT_CHARS, upTo: out.length },
  ];
  for (const { keep, upTo } of passes) {
    for (let i = 0; i < upTo && size > maxChars; i++) {
      const message = out[i];
      if (message.role !== 'user' || typeof message.content === 'string' || !message.content.some((b) => b.type === 'tool_result')) continue;
      const shrunk: MessageParam = { ...message, content: message.content.map((b) => (b.type === 'tool_result' ? shrinkResult(b, keep) : b)) };
      size += JSON.stringify(shrunk).length - JSON.stringify(message).length;
      out[i] = shrunk;
    }
  }
  return out;
}

/** One tool result cut to `keep` characters with a note saying so (read by the model, so in English). */
function shrinkResult(block: ToolResult, keep: number): ToolResult {
  const text = toolResultBody(block);
  if (text.startsWith(REMOVED)) return block;
  if (keep === 0) {
    return { ...block, content: `${REMOVED} to keep this answer within the model's context window (it held ${text.length} characters); call the tool again if you need it.]` };
  }
  if (text.length <= keep || text.includes(SHORTENED)) return block;
  return { ...block, content: `${cutText(text, keep)}\n${SHORTENED} to keep this answer within the model's context window: ${keep} of ${text.length} characters kept; call the tool again if you need more of it.]` };
}
