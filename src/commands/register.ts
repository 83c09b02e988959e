// Commands: Ask, Summarize Errors, Choose Model, chat Stop/Clear, branch item actions.
import * as vscode from 'vscode';
import { commitsMarkdown, gitLogOutput } from '../views/branch-items';
import type { Settings } from '../settings';
import type { NodeSpec } from '../views/node';
import { chooseModel } from './choose-model';
import { summarizeErrors } from './summarize';
import type { CommandTargets } from './targets';

/** How long a palette question waits for the chat's webview to load (and tell the user's time zone), in ms. */
const CHAT_READY_WAIT_MS = 10_000;

async function askWithProgress({ session, chatView }: CommandTargets, question: string): Promise<boolean> {
  await chatView.reveal();
  await chatView.whenReady(CHAT_READY_WAIT_MS);
  if (session.busy) {
    // The question stays in the chat's input box, under its "still answering" hint: typed in the palette, it used
    // to be gone with the notification that said to ask again.
    chatView.keepDraft(question);
    return false;
  }
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('DevOps Assistant is answering…') },
    () => session.ask(question),
  );
}

function branchOf(arg: unknown): { server: string; branch: string; repository?: string } | undefined {
  const data = (arg as NodeSpec | undefined)?.data;
  if (!data?.server || !data.branch) return undefined;
  return { server: data.server, branch: data.branch, ...(typeof data.repository === 'string' ? { repository: data.repository } : {}) };
}

export function registerCommands(context: vscode.ExtensionContext, targets: CommandTargets, settings: () => Settings): void {
  const { hub, session, chatView, models } = targets;
  context.subscriptions.push(
    vscode.commands.registerCommand('devopsAssistant.ask', async (question?: unknown) => {
      let text = typeof question === 'string' ? question : undefined;
      text ??= await vscode.window.showInputBox({
        title: vscode.l10n.t('DevOps: Ask'),
        prompt: vscode.l10n.t('Ask about the repository, logs or system'),
        placeHolder: vscode.l10n.t('e.g. Analyze the recent error logs and estimate the causes'),
        ignoreFocusOut: true,
      });
      if (!text?.trim()) return false;
      return askWithProgress(targets, text.trim());
    }),
    vscode.commands.registerCommand('devopsAssistant.summarizeErrors', (arg?: unknown) => summarizeErrors(targets, arg)),
    vscode.commands.registerCommand('devopsAssistant.chooseModel', () => chooseModel(context, models, settings)),
    vscode.commands.registerCommand('devopsAssistant.stop', () => session.stop()),
    vscode.commands.registerCommand('devopsAssistant.clearChat', () => session.clear()),
    vscode.commands.registerCommand('devopsAssistant.showBranchCommits', async (arg?: unknown) => {
      const target = branchOf(arg);
      if (!target) return;
      const outcome = await hub.callTool(target.server, 'git_log', { ref: target.branch, count: 20, ...(target.repository === undefined ? {} : { repository: target.repository }) }).catch((error: unknown) => ({
        isError: true,
        text: error instanceof Error ? error.message : String(error),
        structuredContent: undefined,
      }));
      const parsed = gitLogOutput.safeParse(outcome.structuredContent);
      if (outcome.isError || !parsed.success) {
        session.append({ kind: 'error', text: vscode.l10n.t('Could not read the commits of {0}: {1}', target.branch, outcome.text) });
      } else {
        session.append({ kind: 'assistant', text: commitsMarkdown(target.branch, parsed.data, { t: vscode.l10n.t, locale: vscode.env.language }) });
      }
      await chatView.reveal(false);
    }),
    vscode.commands.registerCommand('devopsAssistant.askAboutBranch', async (arg?: unknown) => {
      const target = branchOf(arg);
      if (!target) return false;
      const text = await vscode.window.showInputBox({
        title: vscode.l10n.t('Ask about {0}', target.branch),
        value:
          target.repository === undefined
            ? vscode.l10n.t('Summarize the recent work on branch {0} and how it differs from the current branch.', target.branch)
            : vscode.l10n.t('Summarize the recent work on branch {0} of repository {1} and how it differs from its current branch.', target.branch, target.repository),
        ignoreFocusOut: true,
      });
      if (!text?.trim()) return false;
      return askWithProgress(targets, text.trim());
    }),
  );
}
