// The set of supervised servers behind one McpHub: merged tool list with collision-free names,
// calls routed by server name, states and metrics. No `vscode` import.
import { MetricsRecorder } from './metrics';
import { qualifyToolNames } from './tool-names';
import { DEFAULT_SUPERVISOR_OPTIONS, SupervisedServer, type OutputSink, type SupervisorOptions } from './supervised-server';
import { sameSpec, type ServerSpec } from './server-specs';
import type { McpHub, ServerState, ToolCallOutcome, ToolInfo, ToolMetrics } from './types';
import { t } from '@vscode/l10n';

export interface HubDeps {
  /** The log for one server (its stderr and supervisor notes). */
  output(serverName: string): OutputSink;
  options?: Partial<SupervisorOptions>;
}

export class ServerHub implements McpHub {
  private readonly servers = new Map<string, SupervisedServer>();
  private readonly listeners = new Set<(states: ServerState[]) => void>();
  private readonly recorder = new MetricsRecorder();
  private readonly options: SupervisorOptions;
  private toolCache: ToolInfo[] | undefined;
  private disposed = false;

  constructor(private readonly deps: HubDeps) {
    this.options = { ...DEFAULT_SUPERVISOR_OPTIONS, ...deps.options };
  }

  /** Brings the running set in line with `specs`: new ones start, removed ones stop, changed ones restart. */
  setSpecs(specs: readonly ServerSpec[]): void {
    if (this.disposed) return;
    const wanted = new Map(specs.map((s) => [s.name, s]));
    for (const [name, server] of this.servers) {
      const spec = wanted.get(name);
      if (!spec || !sameSpec(spec, server.spec)) {
        this.servers.delete(name);
        void server.stop();
      }
    }
    const ordered = new Map<string, SupervisedServer>();
    for (const spec of specs) {
      let server = this.servers.get(spec.name);
      if (!server) {
        server = new SupervisedServer(spec, this.deps.output(spec.name), this.recorder, this.options, () => this.changed());
        server.start();
      }
      ordered.set(spec.name, server);
    }
    this.servers.clear();
    for (const [name, server] of ordered) this.servers.set(name, server);
    this.changed();
  }

  states(): ServerState[] {
    return [...this.servers.values()].map((s) => s.state());
  }

  onDidChangeState(listener: (states: ServerState[]) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  tools(): ToolInfo[] {
    if (!this.toolCache) {
      const flat = [...this.servers.values()].flatMap((server) => server.tools.map((tool) => ({ server: server.name, tool })));
      const names = qualifyToolNames(flat.map((f) => ({ server: f.server, name: f.tool.name })));
      this.toolCache = flat.map((f, i) => ({
        server: f.server,
        name: f.tool.name,
        qualifiedName: names[i],
        title: f.tool.title ?? f.tool.annotations?.title,
        description: f.tool.description,
        inputSchema: f.tool.inputSchema as Record<string, unknown>,
      }));
    }
    return this.toolCache;
  }

  async callTool(server: string, tool: string, args: Record<string, unknown>, options?: { signal?: AbortSignal; timeoutMs?: number }): Promise<ToolCallOutcome> {
    return this.server(server).callTool(tool, args, options);
  }

  async readResource(server: string, uri: string, options?: { signal?: AbortSignal }): Promise<{ text: string }> {
    return this.server(server).readResource(uri, options);
  }

  async restartAll(): Promise<void> {
    await Promise.all([...this.servers.values()].map((s) => s.restart()));
  }

  async restart(name: string): Promise<void> {
    await this.server(name).restart();
  }

  metrics(): ToolMetrics[] {
    return this.recorder.snapshot();
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const all = [...this.servers.values()];
    this.servers.clear();
    this.listeners.clear();
    await Promise.all(all.map((s) => s.stop()));
  }

  private server(name: string): SupervisedServer {
    const server = this.servers.get(name);
    if (!server) throw new Error(t('There is no MCP server named "{0}".', name));
    return server;
  }

  private changed(): void {
    this.toolCache = undefined;
    if (this.listeners.size === 0) return;
    const states = this.states();
    for (const listener of [...this.listeners]) {
      try {
        listener(states);
      } catch {
        // a listener's failure is its own
      }
    }
  }
}

/** Resolves when `predicate` holds for the hub's states (or rejects after `timeoutMs`). */
export function waitForStates(hub: McpHub, predicate: (states: ServerState[]) => boolean, timeoutMs: number): Promise<ServerState[]> {
  return new Promise((resolve, reject) => {
    if (predicate(hub.states())) {
      resolve(hub.states());
      return;
    }
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms; states: ${JSON.stringify(hub.states().map((s) => [s.name, s.status, s.detail]))}`));
    }, timeoutMs);
    const sub = hub.onDidChangeState((states) => {
      if (!predicate(states)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(states);
    });
  });
}
