// A ServerHub on the extension's own specs of the BUILT bundled servers (dist/servers/*.js), as the extension starts
// them, and a one-commit repository for the git server: the set-up the integration tests share.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ServerHub, waitForStates } from '../../src/mcp/hub';
import { bundledServerSpecs, minimalEnv } from '../../src/mcp/server-specs';
import type { SupervisorOptions } from '../../src/mcp/supervised-server';

/** The project's root, where dist/ is. */
export const PROJECT_ROOT = resolve(__dirname, '../..');

/** Whether every named server is built (`npm run build`); a test skips itself when not. */
export function serversBuilt(...names: string[]): boolean {
  return names.every((name) => existsSync(join(PROJECT_ROOT, 'dist', 'servers', `${name}.js`)));
}

export interface BundledHubOptions {
  /** The one workspace folder (the git server's repository and the logs server's folder). */
  folder: string;
  /** The servers to start (default all three). */
  only?: readonly string[];
  /** The environment the servers start from (default minimalEnv() of this process). */
  baseEnv?: Record<string, string>;
  /** Supervisor options (default: no pings). */
  supervisor?: Partial<SupervisorOptions>;
  /** Receives each server's output lines (default: dropped). */
  output?: (server: string, line: string) => void;
}

/** Starts the bundled servers on `options.folder` and resolves once all of them run (45 s deadline). */
export async function startBundledHub(options: BundledHubOptions): Promise<ServerHub> {
  const hub = new ServerHub({
    output: (server) => ({ append: (line) => options.output?.(server, line) }),
    options: { pingIntervalMs: 0, ...options.supervisor },
  });
  const specs = bundledServerSpecs({
    extensionPath: PROJECT_ROOT,
    execPath: process.execPath,
    folders: [{ name: 'repo', path: options.folder }],
    logDirectories: [],
    thresholds: { cpu: 80, memory: 90, disk: 90 },
    trusted: true,
    baseEnv: options.baseEnv ?? minimalEnv(),
  });
  hub.setSpecs(options.only ? specs.filter((spec) => options.only!.includes(spec.name)) : specs);
  try {
    await waitForStates(hub, (states) => states.every((state) => state.status === 'running'), 45_000);
  } catch (error) {
    await hub.dispose();
    throw error;
  }
  return hub;
}

/** `git -C repo …` with no terminal prompt; returns stdout. */
export function gitIn(repo: string, ...args: string[]): string {
  return execFileSync('git', ['-C', repo, ...args], { stdio: 'pipe', encoding: 'utf8' });
}

/** Makes `repo` (created if missing) a repository on `main` with one commit of `files` (name → text) saying `subject`. */
export function oneCommitRepo(repo: string, files: Record<string, string>, subject: string): void {
  mkdirSync(repo, { recursive: true });
  gitIn(repo, 'init', '-q', '-b', 'main');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(repo, name), text);
  gitIn(repo, 'add', '.');
  gitIn(repo, '-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', 'commit', '-qm', subject);
}
