// "DevOps: Choose Model": a quick pick of the chat models VS Code offers (vscode.lm.selectChatModels),
// the Anthropic API, and Automatic. The choice goes to devopsAssistant.modelProvider and
// devopsAssistant.vscodeModel, in the scope where they are set now (a workspace value stays a
// workspace value), so the choice takes effect at once.
import * as vscode from 'vscode';
import { SET_API_KEY_COMMAND } from '../agent/errors';
import { readApiKey } from '../agent/api-key';
import type { Models } from '../models/register';
import { vscodeModelLabel } from '../models/vscode-model';
import { SETTINGS_SECTION, type ModelProvider, type Settings, type VsCodeModelSelector } from '../settings';

/** What was chosen (also the command's result, for tests and scripts); undefined when the picker was dismissed. */
export type ModelPick = { provider: 'vscode'; model: VsCodeModelSelector } | { provider: 'anthropic' | 'auto' };

interface Item extends vscode.QuickPickItem {
  pick?: ModelPick;
}

export async function chooseModel(context: vscode.ExtensionContext, models: Models, settings: () => Settings): Promise<ModelPick | undefined> {
  const current = settings();
  const items = await pickerItems(context, models, current);
  const chosen = await showPicker(items, current);
  if (!chosen?.pick) return undefined;
  await saveChoice(chosen.pick);
  if (chosen.pick.provider === 'anthropic' && !(await readApiKey(context.secrets))) await vscode.commands.executeCommand(SET_API_KEY_COMMAND);
  return chosen.pick;
}

/** VS Code's models (by vendor, then name), then the Anthropic API and Automatic. */
async function pickerItems(context: vscode.ExtensionContext, models: Models, current: Settings): Promise<Item[]> {
  const offered = [...(await models.available())].sort((a, b) => a.vendor.localeCompare(b.vendor) || a.name.localeCompare(b.name));
  const items: Item[] = [{ label: vscode.l10n.t('VS Code language models'), kind: vscode.QuickPickItemKind.Separator }];
  for (const chat of offered) {
    items.push({
      label: chat.name || chat.id,
      description: vscodeModelLabel(chat).split(' · ').slice(1).join(' · '),
      detail: chat.maxInputTokens > 0 ? vscode.l10n.t('{0} · up to {1} input tokens', chat.id, chat.maxInputTokens.toLocaleString()) : chat.id,
      pick: { provider: 'vscode', model: { vendor: chat.vendor, id: chat.id, family: chat.family } },
    });
  }
  if (offered.length === 0) {
    items.push({ label: vscode.l10n.t('None available: install GitHub Copilot or another extension that provides language models') });
  }
  const hasKey = (await readApiKey(context.secrets)) !== undefined;
  items.push(
    { label: vscode.l10n.t('Anthropic API'), kind: vscode.QuickPickItemKind.Separator },
    {
      label: vscode.l10n.t('Claude through the Anthropic API'),
      description: current.model,
      detail: hasKey ? vscode.l10n.t('API key set') : vscode.l10n.t('Needs an API key: you will be asked for it'),
      pick: { provider: 'anthropic' },
    },
    {
      label: vscode.l10n.t('Automatic'),
      detail: vscode.l10n.t('The Anthropic API when an API key is set, otherwise a VS Code language model'),
      pick: { provider: 'auto' },
    },
  );
  return items;
}

/** The picker with the current choice active, so Enter keeps it. */
function showPicker(items: Item[], current: Settings): Promise<Item | undefined> {
  const picker = vscode.window.createQuickPick<Item>();
  picker.title = vscode.l10n.t('DevOps: Choose Model');
  picker.placeholder = vscode.l10n.t('The model that answers in the DevOps Assistant chat');
  picker.matchOnDescription = true;
  picker.matchOnDetail = true;
  picker.items = items;
  const active = items.find((item) => isCurrent(item.pick, current));
  if (active) picker.activeItems = [active];
  return new Promise((resolve) => {
    let chosen: Item | undefined;
    picker.onDidAccept(() => {
      chosen = picker.selectedItems[0] ?? picker.activeItems[0];
      if (chosen?.pick) picker.hide();
    });
    picker.onDidHide(() => {
      picker.dispose();
      resolve(chosen);
    });
    picker.show();
  });
}

function isCurrent(pick: ModelPick | undefined, current: Settings): boolean {
  if (!pick) return false;
  if (pick.provider !== 'vscode') return pick.provider === current.modelProvider;
  return current.modelProvider !== 'anthropic' && pick.model.vendor === current.vscodeModel.vendor && pick.model.id === current.vscodeModel.id;
}

async function saveChoice(pick: ModelPick): Promise<void> {
  await update('modelProvider', pick.provider);
  if (pick.provider === 'vscode') await update('vscodeModel', pick.model);
}

/** Writes where the setting is defined now (workspace folder, workspace, else user settings). */
async function update(key: 'modelProvider' | 'vscodeModel', value: ModelProvider | VsCodeModelSelector): Promise<void> {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const where = config.inspect(key);
  const target =
    where?.workspaceFolderValue !== undefined
      ? vscode.ConfigurationTarget.WorkspaceFolder
      : where?.workspaceValue !== undefined
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
  await config.update(key, value, target);
}
