// A question asked before any model was set up (no API key, no VS Code model) gets the "no model" line and nothing
// else; once the person sets a key or chooses a model, that question is what they are waiting for. No `vscode`
// import, so it is tested under plain mocha.
import type { TranscriptItem } from '../agent/events';

/**
 * The question of the conversation's last turn when that turn is only the question and the `problem` line that said
 * there was no model (the chat's banner text at the time); undefined otherwise (answered, another error, a newer turn).
 */
export function unansweredForLackOfModel(items: readonly TranscriptItem[], problem: string | undefined): string | undefined {
  if (!problem || items.length < 2) return undefined;
  const [question, error] = items.slice(-2);
  return question.kind === 'user' && error.kind === 'error' && error.text === problem ? question.text : undefined;
}
