// The models the extension can answer with, created once in activate(): the ModelSource the agent
// asks at the start of each turn, what the chat shows (which model answers, or why none), and the
// list the "Choose Model" picker offers. `vscode.lm` is used only where this VS Code has it.
import * as vscode from 'vscode';
import { ANTHROPIC_DEFAULTS, anthropicChoice } from '../agent/anthropic-model';
import { API_KEY_SECRET, readApiKey } from '../agent/api-key';
import type { ChatModel, ModelChoice, ModelSource } from '../agent/model';
import { affectsSettings, type Settings, type VsCodeModelSelector } from '../settings';
import { languageModelApi } from '../vscode-features';
import { chooseModel } from './choice';
import { modelProblems } from './problems';
import { VsCodeChatModel } from './vscode-model';

export interface Models extends vscode.Disposable {
  /** For the agent: the model of the turn, or why there is none. */
  readonly source: ModelSource;
  /** The model that would answer now, without sending anything (for the chat's header and banner). */
  current(): Promise<ModelChoice>;
  /** Fires when the answer of current() may have changed (key, settings, models VS Code offers). */
  readonly onDidChange: vscode.Event<void>;
  /** Every chat model VS Code offers now; empty where `vscode.lm` is absent. */
  available(): Promise<readonly vscode.LanguageModelChat[]>;
}

/** `vscode.lm` where this VS Code has the Language Model API (engines.vscode does not promise it everywhere: web hosts, forks). */
export function languageModels(): typeof vscode.lm | undefined {
  return languageModelApi(vscode as { lm?: typeof vscode.lm });
}

/** A VS Code model as the agent's ChatModel, with the reason VS Code shows when it asks the user to allow it. */
export function wrapVsCodeModel(chat: vscode.LanguageModelChat): ChatModel {
  return new VsCodeChatModel(chat, vscode.l10n.t('DevOps Assistant uses the model to answer your questions about the repository, its logs and this machine.'));
}

export function registerModels(context: vscode.ExtensionContext, settings: () => Settings): Models {
  const lm = languageModels();
  const emitter = new vscode.EventEmitter<void>();
  const select = async (selector: VsCodeModelSelector) => (lm ? [...(await lm.selectChatModels(selector))] : []);
  const current = async (): Promise<ModelChoice> => {
    const s = settings();
    return chooseModel(
      {
        provider: s.modelProvider,
        selector: s.vscodeModel,
        anthropic: async () =>
          anthropicChoice(await readApiKey(context.secrets), { model: s.model, baseURL: s.anthropicBaseUrl, ...ANTHROPIC_DEFAULTS }),
        vscode: lm ? async (selector) => (await select(selector)).map(wrapVsCodeModel) : undefined,
      },
      modelProblems(),
    );
  };
  const subscriptions: vscode.Disposable[] = [
    emitter,
    context.secrets.onDidChange((event) => {
      if (event.key === API_KEY_SECRET) emitter.fire();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsSettings(event, 'modelProvider', 'vscodeModel', 'model')) emitter.fire();
    }),
  ];
  if (lm && typeof lm.onDidChangeChatModels === 'function') subscriptions.push(lm.onDidChangeChatModels(() => emitter.fire()));
  const models: Models = {
    source: () => current(),
    current,
    onDidChange: emitter.event,
    available: () => select({}),
    dispose: () => subscriptions.forEach((s) => s.dispose()),
  };
  context.subscriptions.push(models);
  return models;
}
