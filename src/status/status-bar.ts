// Status bar item with the servers' health; click -> server status and metrics.
import * as vscode from 'vscode';
import type { McpHub } from '../mcp/types';
import { followServerStarts, type ProgressSink } from './startup-progress';
import { statusBarContent } from './status-items';

export function registerStatusBar(context: vscode.ExtensionContext, hub: McpHub): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('devopsAssistant.servers', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('DevOps Assistant servers');
  item.command = 'devopsAssistant.showServerStatus';
  const update = () => {
    const content = statusBarContent(hub.states(), vscode.l10n.t);
    item.text = content.text;
    const tooltip = new vscode.MarkdownString(content.tooltip, true);
    item.tooltip = tooltip;
    item.backgroundColor =
      content.level === 'error'
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : content.level === 'warning'
          ? new vscode.ThemeColor('statusBarItem.warningBackground')
          : undefined;
    item.accessibilityInformation = { label: content.text.replace(/\$\([^)]*\)\s*/g, '') + ', ' + item.name };
  };
  update();
  item.show();
  context.subscriptions.push(item, hub.onDidChangeState(update), followServerStarts(hub, windowProgress, vscode.l10n.t));
  return item;
}

/** A progress in the window's status bar (a spinner and its message, where the servers' item is). */
function windowProgress(): ProgressSink {
  let report: ((message: string) => void) | undefined;
  let last: string | undefined;
  let finish: (() => void) | undefined;
  let finished = false;
  void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('DevOps Assistant') }, (progress) => {
    report = (message) => progress.report({ message });
    if (last !== undefined) report(last);
    return new Promise<void>((resolve) => {
      finish = resolve;
      if (finished) resolve();
    });
  });
  return {
    report: (message) => {
      last = message;
      report?.(message);
    },
    done: () => {
      finished = true;
      finish?.();
    },
  };
}
