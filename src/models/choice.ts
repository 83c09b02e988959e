// Which model answers a turn, from devopsAssistant.modelProvider: `anthropic`, `vscode`, or `auto`
// (the Anthropic API when a key is set, else a VS Code model). No `vscode` import: the candidates
// and the problem messages are passed in, so the rules are unit-tested on their own.
import type { ChatModel, ModelChoice, ModelProblem } from '../agent/model';
import type { ModelProvider, VsCodeModelSelector } from '../settings';

export interface ModelCandidates {
  provider: ModelProvider;
  /** The Anthropic model, or why there is none (no key). */
  anthropic(): Promise<ModelChoice>;
  /** VS Code models matching `selector` (every model for an empty one); undefined where `vscode.lm` is absent. */
  vscode: ((selector: VsCodeModelSelector) => Promise<readonly ChatModel[]>) | undefined;
  /** devopsAssistant.vscodeModel. */
  selector: VsCodeModelSelector;
}

export interface ChoiceProblems {
  noModel(): ModelProblem;
  noLanguageModelApi(): ModelProblem;
  notAvailable(wanted: string | undefined): ModelProblem;
}

/** "copilot/gpt-4.1": how a selector reads in messages. */
export function describeSelector(selector: VsCodeModelSelector): string | undefined {
  const parts = [selector.vendor, selector.id ?? selector.family].filter((p): p is string => !!p);
  return parts.length > 0 ? parts.join('/') : undefined;
}

export async function chooseModel(candidates: ModelCandidates, problems: ChoiceProblems): Promise<ModelChoice> {
  if (candidates.provider === 'anthropic') return candidates.anthropic();
  if (candidates.provider === 'vscode') {
    if (!candidates.vscode) return { problem: problems.noLanguageModelApi() };
    return (await firstVsCodeModel(candidates.vscode, candidates.selector)) ?? { problem: problems.notAvailable(describeSelector(candidates.selector)) };
  }
  const anthropic = await candidates.anthropic();
  if ('model' in anthropic || !candidates.vscode) return anthropic;
  const chosen = await firstVsCodeModel(candidates.vscode, candidates.selector);
  if (chosen) return chosen;
  // A model the user chose that went away is named; with none chosen there is simply no model at all.
  const wanted = describeSelector(candidates.selector);
  return { problem: wanted ? problems.notAvailable(wanted) : problems.noModel() };
}

async function firstVsCodeModel(list: NonNullable<ModelCandidates['vscode']>, selector: VsCodeModelSelector): Promise<{ model: ChatModel } | undefined> {
  const [model] = await list(selector);
  return model ? { model } : undefined;
}
