// System tree: CPU, memory, swap, load, disks and top processes, polled while the view is visible.
import * as vscode from 'vscode';
import type { McpHub } from '../mcp/types';
import { serverStateMessage } from './branches';
import type { NodeSpec } from './node';
import { serialRefresher, SpecTreeProvider } from './spec-tree';
import { diskUsageOutput, resourceUsageOutput, systemNodes, topProcessesOutput, type SystemSnapshot, type Thresholds } from './system-items';
import type { z } from 'zod';

export const SYSTEM_VIEW_ID = 'devopsAssistant.system';
export const SYSTEM_SERVER = 'system';

export function readThresholds(): Thresholds {
  const config = vscode.workspace.getConfiguration('devopsAssistant');
  return {
    cpu: config.get<number>('thresholds.cpu', 80),
    memory: config.get<number>('thresholds.memory', 90),
    disk: config.get<number>('thresholds.disk', 90),
  };
}

export function refreshSeconds(): number {
  const value = vscode.workspace.getConfiguration('devopsAssistant').get<number>('system.refreshSeconds', 5);
  return Number.isFinite(value) && value >= 1 ? Math.min(value, 3600) : 5;
}

export class SystemTree implements vscode.Disposable {
  readonly provider = new SpecTreeProvider();
  readonly view: vscode.TreeView<NodeSpec>;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastStatus = '';
  readonly refresh = serialRefresher(() => this.load());

  constructor(private readonly hub: McpHub) {
    this.view = vscode.window.createTreeView(SYSTEM_VIEW_ID, { treeDataProvider: this.provider });
    this.disposables.push(
      this.view,
      this.provider,
      this.view.onDidChangeVisibility(() => this.schedule(0)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('devopsAssistant.system.refreshSeconds') || e.affectsConfiguration('devopsAssistant.thresholds')) this.schedule(0);
      }),
      hub.onDidChangeState((states) => {
        const status = states.find((s) => s.name === SYSTEM_SERVER)?.status ?? 'missing';
        if (status !== this.lastStatus) {
          this.lastStatus = status;
          this.schedule(0);
        }
      }),
    );
    this.schedule(0);
  }

  /** Polls only while the view is visible: a hidden view costs nothing. */
  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.view.visible) return;
    this.timer = setTimeout(async () => {
      this.timer = undefined;
      await this.refresh();
      if (!this.timer) this.schedule(refreshSeconds() * 1000);
    }, delayMs);
  }

  private async load(): Promise<void> {
    const server = this.hub.states().find((s) => s.name === SYSTEM_SERVER);
    if (!server || server.status !== 'running') {
      this.view.message = server ? serverStateMessage(server) : vscode.l10n.t('The system server is not configured.');
      return;
    }
    const thresholds = readThresholds();
    const errors: string[] = [];
    const call = async <T extends z.ZodType>(tool: string, args: Record<string, unknown>, schema: T): Promise<z.infer<T> | undefined> => {
      try {
        const outcome = await this.hub.callTool(SYSTEM_SERVER, tool, args, { timeoutMs: 15_000 });
        if (outcome.isError) {
          errors.push(`${tool}: ${outcome.text}`);
          return undefined;
        }
        const parsed = schema.safeParse(outcome.structuredContent);
        if (!parsed.success) errors.push(vscode.l10n.t('Unexpected answer from {0}.', tool));
        return parsed.success ? parsed.data : undefined;
      } catch (error) {
        errors.push(`${tool}: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    };
    // Sequential: each tool samples CPU over an interval, and two cores are shared with everything else.
    const usage = await call('get_resource_usage', { intervalMs: 500, cpuThreshold: thresholds.cpu, memoryThreshold: thresholds.memory }, resourceUsageOutput);
    const disks = await call('get_disk_usage', { diskThreshold: thresholds.disk, limit: 30 }, diskUsageOutput);
    const processes = await call('get_top_processes', { sortBy: 'cpu', count: 8, intervalMs: 500 }, topProcessesOutput);
    const snapshot: SystemSnapshot = { usage, disks, processes, errors };
    this.view.message = undefined;
    this.provider.setRoots(systemNodes(snapshot, { thresholds, t: vscode.l10n.t }));
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
