// The model's conversation for an @devops request, rebuilt from VS Code's chat history
// (ChatContext.history), and what each answer keeps in its ChatResult.metadata so that the next
// request sees the tool calls and results behind it, not only the text on screen.
// No `vscode` import: the turns are read by shape, so this is tested under plain mocha.
import { z } from 'zod';
import { repairMessages, type MessageParam } from '../agent/history';
import { cutText } from '../../servers/shared/sanitize';

/** Characters of one tool result kept in an answer's metadata (VS Code stores it with the chat session). */
export const KEPT_RESULT_CHARS = 4000;

const block = z.looseObject({ type: z.string() });
const message = z.object({ role: z.enum(['user', 'assistant']), content: z.union([z.string(), z.array(block)]) });

/**
 * What @devops puts in ChatResult.metadata (JSON, read back from history and by the follow-up provider):
 * - `messages`: this turn's API messages (the question, tool calls, compacted results, the answer);
 * - `stopReason`: the agent's stop reason, or "errors" / "usage" for the /errors command;
 * - `canContinue`: the answer stopped early and "Continue" picks it up;
 * - `explainLog`: the logs tools' name of a file whose errors /errors listed (offered as a follow-up).
 */
export const turnMetadata = z.object({
  messages: z.array(message),
  stopReason: z.string(),
  canContinue: z.boolean(),
  explainLog: z.optional(z.string()),
});
/** The API messages are checked for their outline only (role, blocks with a type); repairMessages makes them valid. */
export type TurnMetadata = Omit<z.infer<typeof turnMetadata>, 'messages'> & { messages: MessageParam[] };

/** A ChatRequestTurn as far as this module reads it. */
export interface RequestTurnShape {
  readonly prompt: string;
  readonly participant: string;
  readonly command?: string;
}

/** A ChatResponseTurn as far as this module reads it (markdown parts carry `value.value`). */
export interface ResponseTurnShape {
  readonly participant: string;
  readonly response: ReadonlyArray<unknown>;
  readonly result: { readonly metadata?: unknown };
}

const isRequest = (turn: RequestTurnShape | ResponseTurnShape): turn is RequestTurnShape => typeof (turn as RequestTurnShape).prompt === 'string';

/** The question as the user typed it, with its slash command ("/errors app.log"). */
export function promptText(turn: { prompt: string; command?: string }): string {
  return turn.command ? `/${turn.command} ${turn.prompt}`.trim() : turn.prompt;
}

/**
 * The API messages for the turns of `participantId` in `history`, oldest first, valid for a model
 * (repairMessages). An answer whose metadata @devops wrote contributes its messages; any other
 * (an older version, a failed request) falls back to the question and the Markdown shown.
 */
export function messagesFromHistory(history: ReadonlyArray<RequestTurnShape | ResponseTurnShape>, participantId: string): MessageParam[] {
  const messages: MessageParam[] = [];
  let question: string | undefined;
  for (const turn of history) {
    if (turn.participant !== participantId) continue;
    if (isRequest(turn)) {
      question = promptText(turn);
      continue;
    }
    const metadata = turnMetadata.safeParse(turn.result.metadata);
    if (metadata.success && metadata.data.stopReason === 'refusal') {
      // Sent again, a refused turn gets every later request refused too (agent.ts): neither its messages nor its question.
      question = undefined;
      continue;
    }
    if (metadata.success && metadata.data.messages.length > 0) {
      push(messages, ...(metadata.data.messages as MessageParam[]));
    } else {
      if (question) push(messages, { role: 'user', content: question });
      const shown = markdownOf(turn.response);
      if (shown) push(messages, { role: 'assistant', content: shown });
    }
    question = undefined;
  }
  return repairMessages(messages);
}

/** The Markdown text of a response's parts (ChatResponseMarkdownPart: `value` is a MarkdownString). */
export function markdownOf(parts: ReadonlyArray<unknown>): string {
  return parts
    .map((part) => (part as { value?: { value?: unknown } } | undefined)?.value?.value)
    .filter((value): value is string => typeof value === 'string')
    .join('')
    .trim();
}

/** Appends, merging with the last message when it has the same role (the APIs want turns to alternate). */
function push(messages: MessageParam[], ...added: MessageParam[]): void {
  for (const next of added) {
    const last = messages[messages.length - 1];
    if (last?.role !== next.role) {
      messages.push(next);
      continue;
    }
    messages[messages.length - 1] = { role: last.role, content: [...blocks(last.content), ...blocks(next.content)] } as MessageParam;
  }
}

const blocks = (content: MessageParam['content']) => (typeof content === 'string' ? [{ type: 'text' as const, text: content }] : content);

/**
 * This request's messages: what the agent's conversation holds beyond `seed` (the history it started
 * from). A seed that ends with a question left unanswered (a cancelled or failed request) has the new
 * question merged into that last message, so its added blocks open this turn; without them the next
 * request would rebuild a history where the question is missing.
 */
export function turnMessages(seed: readonly MessageParam[], after: readonly MessageParam[]): MessageParam[] {
  const added = after.slice(seed.length);
  const last = seed[seed.length - 1];
  const merged = after[seed.length - 1];
  if (last?.role !== 'user' || merged?.role !== 'user' || merged === last) return added;
  const extra = blocks(merged.content).slice(blocks(last.content).length);
  return extra.length > 0 ? [{ role: 'user', content: extra } as MessageParam, ...added] : added;
}

/** A turn's messages for its metadata: tool results cut to KEPT_RESULT_CHARS (the model saw them whole). */
export function compactTurn(turnMessages: readonly MessageParam[]): MessageParam[] {
  return turnMessages.map((m) =>
    typeof m.content === 'string'
      ? m
      : ({ role: m.role, content: m.content.map((b) => (b.type === 'tool_result' && typeof b.content === 'string' ? { ...b, content: cut(b.content) } : b)) } as MessageParam),
  );
}

function cut(text: string): string {
  return text.length <= KEPT_RESULT_CHARS ? text : `${cutText(text, KEPT_RESULT_CHARS)}\n[… ${text.length - KEPT_RESULT_CHARS} more characters not kept in the chat history]`;
}
