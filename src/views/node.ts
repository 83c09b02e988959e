// What a tree shows, as plain data: built from tool outputs by pure functions (unit-tested
// without VS Code) and turned into vscode.TreeItems by the providers.

export interface NodeSpec {
  /** Stable across refreshes, so expansion state and selection survive. */
  id: string;
  label: string;
  description?: string;
  /** Markdown. */
  tooltip?: string;
  /** Codicon id, e.g. "git-branch". */
  icon?: string;
  /** Theme colour id for the icon, e.g. "list.warningForeground". */
  iconColor?: string;
  contextValue?: string;
  children?: NodeSpec[];
  expanded?: boolean;
  /** An absolute file path the item stands for (opens on click, gives the file icon). */
  filePath?: string;
  /** Data for item commands (branch name, server…). */
  data?: Record<string, string>;
  /** What a click runs, when it is not opening `filePath` (e.g. a log source's document). */
  command?: { command: string; arguments?: string[] };
}

/** Localised text with {0}-style placeholders: `vscode.l10n.t` in the extension, a plain formatter in tests. */
export type Translate = (message: string, ...args: Array<string | number>) => string;

export const plainTranslate: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (match, index: string) => (args[Number(index)] !== undefined ? String(args[Number(index)]) : match));

/** Escapes text from tool output for a Markdown tooltip. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&:]/g, (c) => `\\${c}`);
}
