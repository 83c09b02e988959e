// What the chat shows about the model: which one the next question goes to, or why there is none
// (then the banner with Set API Key and Choose Model). Also keeps the `devopsAssistant.noModel`
// context key for when-clauses.
import * as vscode from 'vscode';
import type { Models } from '../models/register';
import type { ModelStatus } from './protocol';

export interface ModelState {
  status(): Promise<ModelStatus>;
  onDidChange(listener: () => void): vscode.Disposable;
}

export function modelStatusOf(models: Pick<Models, 'current'>): Promise<ModelStatus> {
  return models.current().then(
    (choice) =>
      'model' in choice
        ? { label: choice.model.info.label }
        : { problem: choice.problem.message, commands: [choice.problem.action, ...(choice.problem.moreActions ?? [])].flatMap((a) => (a ? [a.command] : [])) },
    (error: unknown) => ({ problem: error instanceof Error ? error.message : String(error) }),
  );
}

export function modelState(models: Models): ModelState & vscode.Disposable {
  const update = async () => {
    const status = await modelStatusOf(models);
    await vscode.commands.executeCommand('setContext', 'devopsAssistant.noModel', status.label === undefined);
  };
  const subscription = models.onDidChange(() => void update());
  void update();
  return {
    status: () => modelStatusOf(models),
    onDidChange: (listener) => models.onDidChange(listener),
    dispose: () => subscription.dispose(),
  };
}
