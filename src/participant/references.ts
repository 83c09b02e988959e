// The files a chat request points at with #file (or a #file range): what the user attached.
import * as vscode from 'vscode';

/** The `file:` URIs of `references`, in order (a Location gives its document; other values are skipped). */
export function referencedFiles(references: readonly vscode.ChatPromptReference[]): vscode.Uri[] {
  return references
    .map((r) => (r.value instanceof vscode.Uri ? r.value : r.value instanceof vscode.Location ? r.value.uri : undefined))
    .filter((uri): uri is vscode.Uri => uri?.scheme === 'file');
}
