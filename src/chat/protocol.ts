// Messages between the chat webview and the extension: one zod schema per message gives both the
// TypeScript type and the runtime check, and both sides parse what they receive with it.
// No `vscode` import: the webview bundle and plain unit tests use this module too.
import * as z from 'zod/mini';
import { agentEvent, eventAction, transcriptItem } from '../agent/events';

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
  'usageNoCache',
  'cost',
  'emptyTitle',
  'emptyHint',
  'noApiKey',
  'setApiKey',
  'chooseModel',
  'answeringWith',
  'changeModel',
  'thinking',
  'stopped',
  'answerDone',
  'answerFailed',
  'answerIncomplete',
  'transcriptLabel',
  'stillAnswering',
] as const;
export type ChatStringKey = (typeof CHAT_STRING_KEYS)[number];

/** Everything the webview shows in the user's language, every key present; sent once in `init`. */
export const chatStrings = z.record(z.enum(CHAT_STRING_KEYS), z.string());
export type ChatStrings = z.infer<typeof chatStrings>;

/**
 * Which model the next question goes to (`label`), or why there is none (`problem`, in the user's
 * language, and `commands`: the commands of the buttons that fix it, e.g. devopsAssistant.chooseModel).
 */
export const modelStatus = z.object({ label: z.optional(z.string()), problem: z.optional(z.string()), commands: z.optional(z.array(z.string())) });
export type ModelStatus = z.infer<typeof modelStatus>;

/** The state of the turn that is running while the view (re)opens. */
export const liveTurn = z.object({ events: z.array(agentEvent) });
export type LiveTurn = z.infer<typeof liveTurn>;

/** Longest question accepted from the webview (a pasted log page is fine, a runaway paste is not). */
export const MAX_QUESTION_CHARS = 100_000;
/** Longest link target accepted from the webview. */
const MAX_HREF_CHARS = 8192;

/** What the extension posts to the webview. */
export const toWebviewMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('init'),
    strings: chatStrings,
    items: z.array(transcriptItem),
    live: z.optional(liveTurn),
    model: modelStatus,
    examples: z.array(z.string()),
  }),
  z.object({ type: z.literal('event'), event: agentEvent }),
  /** An item added outside a turn (e.g. the deterministic error summary). */
  z.object({ type: z.literal('append'), item: transcriptItem }),
  /** The whole transcript changed (cleared). */
  z.object({ type: z.literal('reset'), items: z.array(transcriptItem) }),
  /** The model changed (key set or removed, another model chosen, a provider came or went). */
  z.object({ type: z.literal('model'), model: modelStatus }),
  /** A turn started or ended (also for `continue`, which has no `start` event). */
  z.object({ type: z.literal('busy'), busy: z.boolean() }),
  z.object({ type: z.literal('focusInput') }),
  /** A question asked elsewhere (the palette's "DevOps: Ask") while an answer runs: kept in the input box, not lost. */
  z.object({ type: z.literal('draft'), text: z.string() }),
]);
export type ToWebviewMessage = z.infer<typeof toWebviewMessage>;

/** What the webview posts to the extension; the extension acts only on messages that parse. */
export const fromWebviewMessage = z.discriminatedUnion('type', [
  z.object({ type: z.enum(['stop', 'clear', 'continue']) }),
  /** The webview (re)loaded; `timeZone`: the IANA zone of the user's window, which "today" is counted in. */
  z.object({ type: z.literal('ready'), timeZone: z.optional(z.string().check(z.maxLength(100))) }),
  z.object({
    type: z.literal('ask'),
    text: z.string().check(
      z.maxLength(MAX_QUESTION_CHARS),
      z.refine((text) => text.trim().length > 0),
    ),
  }),
  /** A link the user clicked in rendered Markdown; the extension decides whether to open it. */
  z.object({ type: z.literal('openLink'), href: z.string().check(z.maxLength(MAX_HREF_CHARS)) }),
  /** A button that came with an error or notice. */
  z.object({ type: z.literal('runAction'), action: eventAction }),
]);
export type FromWebviewMessage = z.infer<typeof fromWebviewMessage>;
