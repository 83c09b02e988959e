// System tree: CPU, memory, swap, load, disks and top processes, polled while the view is visible.
import * as vscode from 'vscode';
import type { McpHub } from '../mcp/types';
import { affectsSettings, type Settings } from '../settings';
import { HubTree, serverStateMessage, statusOf } from './hub-tree';
import { fleetNode, fleetOverviewOutput, type FleetSnapshot } from './fleet-items';
import { diskUsageOutput, resourceUsageOutput, systemNodes, topProcessesOutput, type SystemSnapshot } from './system-items';
import type { z } from 'zod';

export const SYSTEM_VIEW_ID = 'devopsAssistant.system';
export const SYSTEM_SERVER = 'system';

export class SystemTree extends HubTree {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Set when the Prometheus settings change, cleared once the Fleet group they give has been scrolled into view: the
   * group sits below the open Top processes, so in a pane of ordinary height a URL just set, or why it failed, showed
   * nowhere until one scrolled (break36x). Only a change of the settings scrolls: a poll never moves the view under a
   * person reading it.
   */
  private revealFleet = false;

  /** `settings` is read on every poll, so threshold and interval changes apply at the next one. */
  constructor(
    hub: McpHub,
    private readonly settings: () => Settings,
  ) {
    super(hub, SYSTEM_VIEW_ID);
    this._register(this.view.onDidChangeVisibility(() => this.schedule(0)));
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsSettings(e, 'prometheus')) this.revealFleet = true;
        if (affectsSettings(e, 'system.refreshSeconds', 'thresholds', 'prometheus')) this.schedule(0);
      }),
    );
    this.onServersChanged(statusOf(SYSTEM_SERVER), () => this.schedule(0));
    this._register({ dispose: () => clearTimeout(this.timer) });
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
      if (!this.timer && !this.isDisposed) this.schedule(this.settings().systemRefreshSeconds * 1000);
    }, delayMs);
  }

  protected async load(): Promise<void> {
    const server = this.hub.states().find((s) => s.name === SYSTEM_SERVER);
    if (!server || server.status !== 'running') {
      this.view.message = server ? serverStateMessage(server) : vscode.l10n.t('The system server is not configured.');
      return;
    }
    const { thresholds, prometheus } = this.settings();
    const errors: string[] = [];
    const call = async <T extends z.ZodType>(tool: string, args: Record<string, unknown>, schema: T, into = errors): Promise<z.infer<T> | undefined> => {
      try {
        const outcome = await this.hub.callTool(SYSTEM_SERVER, tool, args, { timeoutMs: 15_000 });
        if (outcome.isError) {
          into.push(`${tool}: ${outcome.text}`);
          return undefined;
        }
        const parsed = schema.safeParse(outcome.structuredContent);
        if (!parsed.success) into.push(vscode.l10n.t('Unexpected answer from {0}.', tool));
        return parsed.success ? parsed.data : undefined;
      } catch (error) {
        into.push(`${tool}: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    };
    // Sequential: each tool samples CPU over an interval, and two cores are shared with everything else.
    const usage = await call('get_resource_usage', { intervalMs: 500, cpuThreshold: thresholds.cpu, memoryThreshold: thresholds.memory }, resourceUsageOutput);
    const disks = await call('get_disk_usage', { diskThreshold: thresholds.disk, limit: 30 }, diskUsageOutput);
    const processes = await call('get_top_processes', { sortBy: 'cpu', count: 8, intervalMs: 500 }, topProcessesOutput);
    const fleet = prometheus.url ? await this.readFleet(call) : undefined;
    const snapshot: SystemSnapshot = { usage, disks, processes, errors };
    this.view.message = undefined;
    const fleetGroup = fleet ? fleetNode(fleet, thresholds, vscode.l10n.t) : undefined;
    this.provider.setRoots([...systemNodes(snapshot, { thresholds, t: vscode.l10n.t }), ...(fleetGroup ? [fleetGroup] : [])]);
    if (!prometheus.url) this.revealFleet = false;
    if (fleetGroup && this.revealFleet) {
      this.revealFleet = false;
      // Its first row (the error, or the worst host: the server lists worst first) with the group's header above it.
      const first = fleetGroup.children?.[0] ?? fleetGroup;
      void Promise.resolve(this.view.reveal(first, { select: false, focus: false })).catch(() => undefined);
    }
  }

  /** The Fleet group's content: fleet_overview with the view's thresholds, or why it failed (Prometheus unreachable, refused…). */
  private async readFleet(
    call: <T extends z.ZodType>(tool: string, args: Record<string, unknown>, schema: T, into?: string[]) => Promise<z.infer<T> | undefined>,
  ): Promise<FleetSnapshot> {
    const { thresholds } = this.settings();
    const problems: string[] = [];
    const args = { cpuThreshold: thresholds.cpu, memoryThreshold: thresholds.memory, diskThreshold: thresholds.disk, limit: 100 };
    const overview = await call('fleet_overview', args, fleetOverviewOutput, problems);
    return overview ? { overview } : { error: problems[0] ?? vscode.l10n.t('Unexpected answer from {0}.', 'fleet_overview') };
  }
}
