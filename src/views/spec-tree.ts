// A TreeDataProvider over NodeSpec data, shared by the three trees.
import * as vscode from 'vscode';
import { escapeInvisible } from '../../servers/shared/invisible';
import type { NodeSpec } from './node';

/**
 * The TreeItem of `spec`. Its label, description and tooltip come from names in repositories and log folders: bidi
 * controls and invisible characters there are written out (`\u202E`) so that no name reorders or hides what a person
 * reads (Trojan Source); `data` and `filePath` keep the exact names the commands need.
 */
export function toTreeItem(spec: NodeSpec): vscode.TreeItem {
  const collapsible = spec.children
    ? spec.expanded
      ? vscode.TreeItemCollapsibleState.Expanded
      : vscode.TreeItemCollapsibleState.Collapsed
    : vscode.TreeItemCollapsibleState.None;
  const label = escapeInvisible(spec.label);
  const description = spec.description === undefined ? undefined : escapeInvisible(spec.description);
  const item = new vscode.TreeItem(label, collapsible);
  item.id = spec.id;
  item.description = description;
  if (spec.tooltip) item.tooltip = new vscode.MarkdownString(escapeInvisible(spec.tooltip));
  if (spec.icon) item.iconPath = new vscode.ThemeIcon(spec.icon, spec.iconColor ? new vscode.ThemeColor(spec.iconColor) : undefined);
  item.contextValue = spec.contextValue;
  if (spec.filePath) {
    const uri = vscode.Uri.file(spec.filePath);
    item.resourceUri = uri;
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uri] };
  }
  if (spec.command) item.command = { title: vscode.l10n.t('Open'), ...spec.command };
  item.accessibilityInformation = { label: [label, description].filter(Boolean).join(', ') };
  return item;
}

export class SpecTreeProvider implements vscode.TreeDataProvider<NodeSpec>, vscode.Disposable {
  private roots: NodeSpec[] = [];
  private readonly parents = new Map<string, NodeSpec>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  get items(): readonly NodeSpec[] {
    return this.roots;
  }

  setRoots(roots: NodeSpec[]): void {
    this.roots = roots;
    this.parents.clear();
    const walk = (node: NodeSpec) => {
      for (const child of node.children ?? []) {
        this.parents.set(child.id, node);
        walk(child);
      }
    };
    roots.forEach(walk);
    this.changed.fire();
  }

  getTreeItem(element: NodeSpec): vscode.TreeItem {
    return toTreeItem(element);
  }

  getChildren(element?: NodeSpec): NodeSpec[] {
    return element ? (element.children ?? []) : this.roots;
  }

  getParent(element: NodeSpec): NodeSpec | undefined {
    return this.parents.get(element.id);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Runs `task` without overlap: a request during a run schedules exactly one more run. */
export function serialRefresher(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let again = false;
  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await task();
        } catch {
          // Each task reports its own failures in its view.
        }
      } while (again);
    })();
    try {
      await running;
    } finally {
      running = undefined;
    }
  };
  return run;
}
