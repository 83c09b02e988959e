// Why there is no model to answer with, or why a VS Code model refused: each as one line for the
// user with the buttons that fix it (Set API Key, Choose Model).
import * as vscode from 'vscode';
import type { EventAction } from '../agent/events';
import { clearChatAction, isRateLimit, setApiKeyAction, windowOverflow } from '../agent/errors';
import { StreamStalledError } from '../agent/idle';
import type { ModelProblem } from '../agent/model';

export const CHOOSE_MODEL_COMMAND = 'devopsAssistant.chooseModel';

export function chooseModelAction(): EventAction {
  return { title: vscode.l10n.t('Choose Model'), command: CHOOSE_MODEL_COMMAND };
}

/** `LanguageModelError.code` values (the error's class may not survive the trip from another extension, its code does). */
const NO_PERMISSIONS = 'NoPermissions';
const BLOCKED = 'Blocked';
const NOT_FOUND = 'NotFound';

export function modelProblems() {
  return {
    /** Neither an Anthropic key nor a VS Code model: one line, both buttons. */
    noModel: (): ModelProblem => ({
      message: vscode.l10n.t('No Anthropic API key is set and no VS Code language model is available: set a key or choose a model.'),
      action: setApiKeyAction(),
      moreActions: [chooseModelAction()],
    }),
    /** devopsAssistant.modelProvider is `vscode` but this VS Code has no Language Model API (a key alone would not help: Choose Model switches to the Anthropic API). */
    noLanguageModelApi: (): ModelProblem => ({
      message: vscode.l10n.t('This version of VS Code has no Language Model API. Choose Model to answer through the Anthropic API instead.'),
      action: chooseModelAction(),
    }),
    /**
     * devopsAssistant.modelProvider is `vscode` and the chosen model (or, with none chosen, any model) is
     * not offered right now. Only Choose Model helps: a key is not used while the setting says `vscode`,
     * and the picker offers the Anthropic API (asking for the key) beside VS Code's models.
     */
    notAvailable: (wanted: string | undefined): ModelProblem => ({
      message: wanted
        ? vscode.l10n.t('The VS Code language model {0} is not available (is its extension installed and signed in?). Choose another model.', wanted)
        : vscode.l10n.t('No VS Code language model is available (GitHub Copilot or another model provider must be installed and signed in). Choose Model to pick one, or the Anthropic API.'),
      action: chooseModelAction(),
    }),
    /** A failure of a VS Code model's request, by LanguageModelError code. */
    vscodeError: (error: unknown, label: string): ModelProblem => {
      const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : undefined;
      const text = error instanceof Error ? error.message : String(error);
      if (error instanceof StreamStalledError) {
        return { message: vscode.l10n.t('{0} stopped sending data for {1} s. Ask again to retry, or choose another model.', label, Math.round(error.idleMs / 1000)), action: chooseModelAction() };
      }
      if (code === NO_PERMISSIONS) {
        return { message: vscode.l10n.t('VS Code has not been allowed to let DevOps Assistant use {0}. Ask again and allow it, or choose another model.', label), action: chooseModelAction() };
      }
      if (code === NOT_FOUND) {
        return { message: vscode.l10n.t('The language model {0} is no longer available in VS Code. Choose another model.', label), action: chooseModelAction() };
      }
      if (code === BLOCKED || isRateLimit(text)) {
        return { message: vscode.l10n.t('{0} refused the request because of a quota or rate limit ({1}). Wait and ask again, or choose another model.', label, text), action: chooseModelAction() };
      }
      const overflow = windowOverflow(text);
      if (overflow) {
        // Not a quota: the history outgrew the model's window; the loop resends it smaller.
        return {
          message: vscode.l10n.t('The conversation is too long for {0}, even with older tool results shortened ({1}). Continue to try again with less of it, or clear the chat to start anew.', label, text),
          action: clearChatAction(),
          tooLong: overflow,
        };
      }
      return { message: vscode.l10n.t('{0} returned an error: {1}', label, text), action: chooseModelAction() };
    },
  };
}
