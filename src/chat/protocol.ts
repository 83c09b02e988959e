// Messages between the chat webview and the extension, typed on both sides.
// No `vscode` import: the webview bundle and plain unit tests use this module too.
import type { AgentEvent, EventAction, TranscriptItem, ToolCallStatus } from '../agent/events';

/** Everything the webview shows in the user's language; sent once in `init`. */
export type ChatStrings = Record<ChatStringKey, string>;

export const CHAT_STRING_KEYS = [
  'inputLabel',
  'inputPlaceholder',
  'send',
  'stop',
  'clear',
  'continue',
  'you',
  'assistant',
  'tool',
  'arguments',
  'result',
  'showResult',
  'running',
  'statusOk',
  'statusError',
  'statusCancelled',
  'durationMs',
  'usage',
  'cost',
  'emptyTitle',
  'emptyHint',
  'noApiKey',
  'setApiKey',
  'thinking',
  'stopped',
  'answerDone',
  'transcriptLabel',
] as const;
export type ChatStringKey = (typeof CHAT_STRING_KEYS)[number];

/** The state of the turn that is running while the view (re)opens. */
export interface LiveTurn {
  events: AgentEvent[];
}

export type ToWebviewMessage =
  | { type: 'init'; strings: ChatStrings; items: TranscriptItem[]; live?: LiveTurn; hasApiKey: boolean; examples: string[] }
  | { type: 'event'; event: AgentEvent }
  /** An item added outside a turn (e.g. the deterministic error summary). */
  | { type: 'append'; item: TranscriptItem }
  /** The whole transcript changed (cleared). */
  | { type: 'reset'; items: TranscriptItem[] }
  | { type: 'apiKey'; hasApiKey: boolean }
  /** A turn started or ended (also for `continue`, which has no `start` event). */
  | { type: 'busy'; busy: boolean }
  | { type: 'focusInput' };

export type FromWebviewMessage =
  | { type: 'ready' }
  | { type: 'ask'; text: string }
  | { type: 'stop' }
  | { type: 'clear' }
  | { type: 'continue' }
  /** A link the user clicked in rendered Markdown; the extension decides whether to open it. */
  | { type: 'openLink'; href: string }
  /** A button that came with an error or notice. */
  | { type: 'runAction'; action: EventAction };

/** Longest question accepted from the webview (a pasted log page is fine, a runaway paste is not). */
export const MAX_QUESTION_CHARS = 100_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isAction(value: unknown): value is EventAction {
  return (
    isRecord(value) &&
    typeof value.title === 'string' &&
    typeof value.command === 'string' &&
    (value.args === undefined || Array.isArray(value.args))
  );
}

export function isFromWebviewMessage(value: unknown): value is FromWebviewMessage {
  if (!isRecord(value) || typeof value.type !== 'string') return false;
  switch (value.type) {
    case 'ready':
    case 'stop':
    case 'clear':
    case 'continue':
      return true;
    case 'ask':
      return typeof value.text === 'string' && value.text.trim().length > 0 && value.text.length <= MAX_QUESTION_CHARS;
    case 'openLink':
      return typeof value.href === 'string' && value.href.length <= 8192;
    case 'runAction':
      return isAction(value.action);
    default:
      return false;
  }
}

const TOOL_STATUSES: readonly ToolCallStatus[] = ['ok', 'error', 'cancelled'];

function isUsage(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.inputTokens === 'number' &&
    typeof value.outputTokens === 'number' &&
    (value.costUsd === undefined || typeof value.costUsd === 'number')
  );
}

export function isAgentEvent(value: unknown): value is AgentEvent {
  if (!isRecord(value) || typeof value.type !== 'string') return false;
  switch (value.type) {
    case 'start':
      return typeof value.turnId === 'string' && typeof value.question === 'string';
    case 'text':
      return typeof value.delta === 'string';
    case 'toolStart':
      return typeof value.callId === 'string' && typeof value.server === 'string' && typeof value.tool === 'string';
    case 'toolEnd':
      return (
        typeof value.callId === 'string' &&
        TOOL_STATUSES.includes(value.status as ToolCallStatus) &&
        typeof value.durationMs === 'number' &&
        typeof value.result === 'string'
      );
    case 'usage':
      return isUsage(value.usage);
    case 'notice':
      return typeof value.message === 'string' && typeof value.canContinue === 'boolean' && (value.action === undefined || isAction(value.action));
    case 'error':
      return typeof value.message === 'string' && (value.action === undefined || isAction(value.action));
    case 'done':
      return typeof value.stopReason === 'string';
    default:
      return false;
  }
}

export function isTranscriptItem(value: unknown): value is TranscriptItem {
  if (!isRecord(value) || typeof value.kind !== 'string') return false;
  switch (value.kind) {
    case 'user':
    case 'assistant':
      return typeof value.text === 'string';
    case 'notice':
    case 'error':
      return typeof value.text === 'string';
    case 'tool':
      return (
        typeof value.callId === 'string' &&
        typeof value.server === 'string' &&
        typeof value.tool === 'string' &&
        TOOL_STATUSES.includes(value.status as ToolCallStatus) &&
        typeof value.durationMs === 'number' &&
        typeof value.result === 'string'
      );
    case 'usage':
      return isUsage(value.usage);
    default:
      return false;
  }
}

function isStrings(value: unknown): value is ChatStrings {
  return isRecord(value) && CHAT_STRING_KEYS.every((key) => typeof value[key] === 'string');
}

export function isToWebviewMessage(value: unknown): value is ToWebviewMessage {
  if (!isRecord(value) || typeof value.type !== 'string') return false;
  switch (value.type) {
    case 'init':
      return (
        isStrings(value.strings) &&
        Array.isArray(value.items) &&
        value.items.every(isTranscriptItem) &&
        typeof value.hasApiKey === 'boolean' &&
        Array.isArray(value.examples) &&
        value.examples.every((e) => typeof e === 'string') &&
        (value.live === undefined || (isRecord(value.live) && Array.isArray(value.live.events) && value.live.events.every(isAgentEvent)))
      );
    case 'event':
      return isAgentEvent(value.event);
    case 'append':
      return isTranscriptItem(value.item);
    case 'reset':
      return Array.isArray(value.items) && value.items.every(isTranscriptItem);
    case 'apiKey':
      return typeof value.hasApiKey === 'boolean';
    case 'busy':
      return typeof value.busy === 'boolean';
    case 'focusInput':
      return true;
    default:
      return false;
  }
}
