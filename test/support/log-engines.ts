// The logs server's two search engines as test runs see them: ripgrep (when rg is on PATH) and the pure-Node scan,
// with the server environment that selects each.
import { execFileSync } from 'node:child_process';

/** Whether an `rg` binary runs from PATH (the server's default engine when it does). */
export function hasRipgrep(): boolean {
  try {
    execFileSync('rg', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface SearchEngine {
  /** As the tools report it in `files[].engine`. */
  name: 'ripgrep' | 'node';
  /** Extra server environment that selects the engine. */
  env: Record<string, string>;
  available: () => boolean;
}

export const SEARCH_ENGINES: readonly SearchEngine[] = [
  { name: 'ripgrep', env: {}, available: hasRipgrep },
  { name: 'node', env: { RIPGREP_PATH: 'none' }, available: () => true },
];
