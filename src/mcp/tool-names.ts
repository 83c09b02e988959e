// Model-visible tool names: unique across servers and valid for the Anthropic API (^[a-zA-Z0-9_-]{1,64}$).
// A tool keeps its own name unless another server offers the same one; then both get a server prefix.

export const MODEL_TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

export interface NamedTool {
  server: string;
  name: string;
}

export function sanitizeToolName(raw: string): string {
  const cleaned = raw.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 64);
  return cleaned.length > 0 ? cleaned : 'tool';
}

/** Returns the qualified name for each tool, in input order. */
export function qualifyToolNames(tools: readonly NamedTool[]): string[] {
  const owners = new Map<string, Set<string>>();
  for (const t of tools) {
    const set = owners.get(t.name) ?? new Set<string>();
    set.add(t.server);
    owners.set(t.name, set);
  }
  const taken = new Set<string>();
  return tools.map((t) => {
    const colliding = (owners.get(t.name)?.size ?? 0) > 1;
    const base = sanitizeToolName(colliding ? `${t.server}__${t.name}` : t.name);
    let candidate = base;
    // Sanitising can make two distinct names equal ("a.b" and "a_b"): add a counter.
    for (let n = 2; taken.has(candidate); n++) {
      const suffix = `_${n}`;
      candidate = base.slice(0, 64 - suffix.length) + suffix;
    }
    taken.add(candidate);
    return candidate;
  });
}
