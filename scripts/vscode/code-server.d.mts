// Types for code-server.mjs, so TypeScript tests (test/ui) can use the launcher.
import type { ChildProcess } from 'node:child_process';
import type { Browser } from 'playwright-core';

export declare const quietSettings: Record<string, unknown>;
export declare const chromiumArgs: string[];

export interface CodeServerOptions {
  host?: string;
  port?: number;
  env?: Record<string, string>;
  settings?: Record<string, unknown>;
  smokeDriver?: boolean;
  workspaceTrust?: boolean;
  /** Display language (`--locale`, e.g. 'ko'). */
  locale?: string;
  /** Files written into the user-data dir before the start ({ relative path: text }). */
  userDataFiles?: Record<string, string>;
  linkExtensions?: Array<{ id: string; path: string }>;
  profileDir?: string;
  keepProfile?: boolean;
  output?: 'inherit' | 'pipe' | 'ignore';
  startTimeoutMs?: number;
}

export interface CodeServer {
  base: string;
  host: string;
  port: number;
  dirs: { home: string; tmp: string; userData: string; extensions: string };
  profile: string;
  process: ChildProcess;
  log: string[];
  stop(): Promise<void>;
}

export declare function freePort(): Promise<number>;
export declare function startCodeServer(options?: CodeServerOptions): Promise<CodeServer>;
/** An extension folder as the extensions dir names an installed one (`<publisher>.<name>-<version>`), for `linkExtensions`. */
export declare function linkedExtension(path: string): { id: string; path: string };
export declare function remoteUri(server: CodeServer, absolutePath: string): string;
export declare function workbenchUrl(server: CodeServer, folder: string, payload?: Array<[string, string]>): string;
export declare function launchChromium(options?: { headless?: boolean }): Promise<Browser>;
