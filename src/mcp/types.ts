// The contract between the server supervisor and its users (agent, tree views, commands).

export type ServerName = string;

export type ServerStatus = 'starting' | 'running' | 'restarting' | 'failed' | 'stopped' | 'disabled';

export interface ServerState {
  name: ServerName;
  status: ServerStatus;
  /** Why it is failed / disabled (e.g. Restricted Mode), for the user. */
  detail?: string;
  /** Last lines the server wrote to stderr. */
  lastStderr: string[];
  restarts: number;
  toolCount: number;
  /** Process id while running (for diagnostics and tests). */
  pid?: number;
}

export interface ToolInfo {
  server: ServerName;
  /** The tool's own name on its server. */
  name: string;
  /** Unique across servers (collisions get a server prefix); what the model sees. */
  qualifiedName: string;
  title?: string;
  description?: string;
  inputSchema: Record<string, unknown>;
}

export interface ToolCallOutcome {
  isError: boolean;
  /** The text content joined. */
  text: string;
  structuredContent?: Record<string, unknown>;
}

export interface ToolMetrics {
  server: ServerName;
  tool: string;
  calls: number;
  errors: number;
  p50Ms: number;
  p95Ms: number;
  lastCallAt?: string;
}

export interface McpHub {
  states(): ServerState[];
  onDidChangeState(listener: (states: ServerState[]) => void): { dispose(): void };
  tools(): ToolInfo[];
  /** Calls a tool on a named server. Rejects with a clear Error when the server is not running or dies mid-call. */
  callTool(server: ServerName, tool: string, args: Record<string, unknown>, options?: { signal?: AbortSignal; timeoutMs?: number }): Promise<ToolCallOutcome>;
  readResource(server: ServerName, uri: string, options?: { signal?: AbortSignal }): Promise<{ text: string }>;
  restartAll(): Promise<void>;
  metrics(): ToolMetrics[];
}
