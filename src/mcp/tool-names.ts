// Model-visible tool names: unique across servers and valid for the Anthropic API (^[a-zA-Z0-9_-]{1,64}$).
// A tool keeps its own name unless another server offers the same one; then both get a server prefix.
// Names stay readable where they can and distinct where they must: whatever sanitising loses (other
// scripts, the cut end of a long name) is replaced by a short hash of the original, so two different
// servers never end up as names that differ only in underscores, and the tool part is never cut off.
import { createHash } from 'node:crypto';

export const MODEL_TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const MAX_NAME = 64;
/** The most of the 64 characters a tool's own name takes in a `<server>__<tool>` name; the server keeps the rest. */
const MAX_TOOL_PART = 40;
const SEPARATOR = '__';
const HASH_CHARS = 8;

export interface NamedTool {
  server: string;
  name: string;
}

/**
 * `raw` as at most `maxLength` characters of [a-zA-Z0-9_-]. ASCII punctuation becomes `_` (so
 * "git:web app" reads git_web_app). When the text has other scripts or is longer than `maxLength`,
 * the readable ASCII part is kept (cut to fit) and followed by `_` and 8 hex characters of SHA-256
 * of `raw`: "前端" gives e.g. "3f1c9a0b", "api-서버" "api_5d2e…". Pure: the same text always gives
 * the same name. Empty text gives "tool".
 */
export function sanitizeToolName(raw: string, maxLength = MAX_NAME): string {
  const ascii = raw.replace(/[^a-zA-Z0-9_-]/g, '_');
  const lossy = /[^\x20-\x7e]/.test(raw) || ascii.length > maxLength;
  if (!lossy) return ascii.length > 0 ? ascii : 'tool';
  const hash = createHash('sha256').update(raw).digest('hex').slice(0, HASH_CHARS);
  // Runs of replaced characters are collapsed: a word in another script is one `_`, not one per letter.
  const readable = raw
    .replace(/[^a-zA-Z0-9_-]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, Math.max(0, maxLength - HASH_CHARS - 1))
    .replace(/[_-]+$/, '');
  return readable ? `${readable}_${hash}` : hash;
}

/** `<server>__<tool>`: the tool part kept whole up to 40 characters, the server part cut to the rest (hash-marked). */
export function prefixedToolName(server: string, tool: string): string {
  const toolPart = sanitizeToolName(tool, MAX_TOOL_PART);
  const serverPart = sanitizeToolName(server, MAX_NAME - SEPARATOR.length - toolPart.length);
  return `${serverPart}${SEPARATOR}${toolPart}`;
}

/**
 * Returns the qualified name for each tool, in input order. A name depends only on its own server
 * and tool and on whether the tool name is offered by several servers (not on order), except when
 * two different originals still meet after sanitising ("a.b" and "a_b"): the later one gets `_2`.
 */
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
    const base = colliding ? prefixedToolName(t.server, t.name) : sanitizeToolName(t.name);
    let candidate = base;
    // The counter goes into the server part of a prefixed name, so the tool part stays whole.
    for (let n = 2; taken.has(candidate); n++) {
      candidate = colliding ? prefixedToolName(`${t.server}_${n}`, t.name) : sanitizeToolName(`${t.name}_${n}`);
    }
    taken.add(candidate);
    return candidate;
  });
}
