// Status bar item with the servers' health; click -> server status and metrics.
import * as vscode from 'vscode';
import type { McpHub } from '../mcp/types';
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
  context.subscriptions.push(item, hub.onDidChangeState(update));
  return item;
}
