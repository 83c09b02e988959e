import * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {
  // Features register themselves here, one register…(context) call each.
}

export function deactivate(): void {}
