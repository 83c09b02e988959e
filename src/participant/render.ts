// Shows one agent turn in VS Code's Chat view: the answer streams as Markdown, a progress line while a
// tool runs, one line per tool step when it ends, notices as quotes with their button. Errors are
// collected for ChatResult.errorDetails (VS Code shows them as the request's error).
// No `vscode` import: it writes to a ResponseSink (ChatResponseStream has these methods).
import type { AgentEvent, EventAction } from '../agent/events';
import { cutText } from '../../servers/shared/sanitize';

/** The part of vscode.ChatResponseStream this module uses. */
export interface ResponseSink {
  /** `themeIcons`: `$(name)` shows a codicon (the tool step lines). */
  markdown(value: string, options?: { themeIcons?: boolean }): void;
  progress(value: string): void;
  button(command: { command: string; title: string; arguments?: unknown[] }): void;
}

export type Translate = (message: string, ...args: Array<string | number>) => string;

/** How a turn ended, for the ChatResult. */
export interface TurnOutcome {
  stopReason: string;
  /** A notice said the answer can be continued (round limit, max tokens…). */
  canContinue: boolean;
  /** The error VS Code should show for the request, when the turn failed. */
  errorMessage?: string;
}

/** Characters of a tool's input shown in its step line. */
const INPUT_CHARS = 120;

export class TurnRenderer {
  private stopReason = 'end_turn';
  private canContinue = false;
  private errorMessage: string | undefined;
  /** The stream is not at the start of a paragraph (a step line must not glue onto answer text). */
  private midParagraph = false;
  private readonly running = new Map<string, string>();

  constructor(
    private readonly sink: ResponseSink,
    private readonly t: Translate,
  ) {}

  onEvent(event: AgentEvent): void {
    switch (event.type) {
      case 'text':
        this.sink.markdown(event.delta);
        this.midParagraph = !event.delta.endsWith('\n\n');
        return;
      case 'toolStart': {
        const label = `${event.server} · ${event.tool}`;
        this.running.set(event.callId, `${label} ${inputText(event.input)}`.trim());
        this.sink.progress(this.t('Running {0}…', label));
        return;
      }
      case 'toolEnd':
        this.block(this.stepLine(event), true);
        this.running.delete(event.callId);
        return;
      case 'notice':
        this.block(`> ${event.message}`);
        if (event.action) this.sink.button(commandOf(event.action));
        this.canContinue ||= event.canContinue;
        return;
      case 'error':
        this.errorMessage = this.errorMessage ? `${this.errorMessage}\n${event.message}` : event.message;
        for (const action of [event.action, ...moreActionsOf(event)]) if (action) this.sink.button(commandOf(action));
        return;
      case 'done':
        this.stopReason = event.stopReason;
        return;
      case 'waiting':
        this.sink.progress(event.message);
        return;
      default:
        // start, model, usage: VS Code's Chat view shows the model itself; usage stays in the Output channel.
        return;
    }
  }

  outcome(): TurnOutcome {
    return { stopReason: this.stopReason, canContinue: this.canContinue, ...(this.errorMessage ? { errorMessage: this.errorMessage } : {}) };
  }

  private block(markdown: string, themeIcons = false): void {
    this.sink.markdown(`${this.midParagraph ? '\n\n' : ''}${markdown}\n\n`, themeIcons ? { themeIcons } : undefined);
    this.midParagraph = false;
  }

  private stepLine(event: Extract<AgentEvent, { type: 'toolEnd' }>): string {
    const call = this.running.get(event.callId) ?? '?';
    const seconds = (event.durationMs / 1000).toFixed(1);
    const shown = `\`${code(call)}\``;
    if (event.status === 'ok') return `$(check) ${shown} · ${this.t('done in {0} s', seconds)}`;
    if (event.status === 'cancelled') return `$(circle-slash) ${shown} · ${this.t('cancelled')}`;
    const why = plain(event.result.split('\n')[0]?.trim() ?? '');
    return `$(error) ${shown} · ${this.t('failed after {0} s: {1}', seconds, cutText(why, 200))}`;
  }
}

/** `{"file":"app.log"}` shortened for a step line. */
function inputText(input: unknown): string {
  if (!input || typeof input !== 'object' || Object.keys(input).length === 0) return '';
  const json = JSON.stringify(input);
  return json.length <= INPUT_CHARS ? json : `${cutText(json, INPUT_CHARS)}…`;
}

/** Text from a tool in a line that shows theme icons: `$(` must not become an icon. */
const plain = (text: string) => text.replace(/\$\(/g, '$\u200b(');

/** Inside single backticks nothing may close the code span early. */
const code = (text: string) => plain(text.replace(/`/g, "'").replace(/\s+/g, ' '));

const commandOf = (action: EventAction) => ({ command: action.command, title: action.title, ...(action.args ? { arguments: action.args } : {}) });

/** Further buttons of an error event, where the event carries them. */
function moreActionsOf(event: AgentEvent): EventAction[] {
  const more = (event as { moreActions?: unknown }).moreActions;
  return Array.isArray(more) ? (more as EventAction[]) : [];
}
