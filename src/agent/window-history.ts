// The conversation of each window, in a file of its own in the workspace's storage folder. In workspaceState, two
// windows on one workspace (two browser tabs of code-server, a second desktop window on a .code-workspace) each kept
// their own copy in memory and saved it whole: the last save won and the other window's turns were lost, without a word.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { t } from '@vscode/l10n';
import { HISTORY_KEY, type KeyValueStore } from './history';

/** Conversations kept in the folder (the newest); older ones no window holds are deleted. */
const KEPT_CONVERSATIONS = 10;
const SUFFIX = '.conversation.json';
const OWNER = '.owner';

/** Whether the process `pid` is alive (on this machine: the extension hosts of a workspace's windows share it). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A KeyValueStore whose HISTORY_KEY lives in a file of `dir` that this window holds (its extension host's `pid` written
 * beside it), every other key in `fallback` (workspaceState). A window takes the newest conversation no live window
 * holds (its own after a reload: the old host is gone), else starts a new one; the first one ever starts from what
 * workspaceState kept. Files are read and written synchronously (one small JSON each, at start and per save).
 */
export class WindowHistoryStore implements KeyValueStore {
  private readonly file: string;
  private value: unknown;

  constructor(
    private readonly dir: string,
    private readonly fallback: KeyValueStore,
    private readonly pid = process.pid,
    alive: (pid: number) => boolean = processAlive,
  ) {
    mkdirSync(dir, { recursive: true });
    const conversations = this.conversations();
    const free = conversations.find((name) => {
      const owner = this.ownerOf(join(dir, name));
      return owner === undefined || owner === pid || !alive(owner);
    });
    this.file = join(dir, free ?? `${Date.now()}-${pid}${SUFFIX}`);
    // Every conversation is another live window's: this one starts its own, and says why the chat is empty.
    const beside = { messages: [], transcript: [{ kind: 'notice', text: t('Another window of this workspace has its own conversation; this window keeps one of its own. Neither overwrites the other.') }] };
    this.value = free ? readJson(this.file) : conversations.length === 0 ? fallback.get(HISTORY_KEY) : beside;
    writeFileSync(this.file + OWNER, String(pid));
    // Written at once, so that a window starting meanwhile sees this one taken.
    if (!free) writeFileSync(this.file, JSON.stringify(this.value ?? null));
    this.prune(conversations, alive);
  }

  get<T>(key: string): T | undefined {
    return (key === HISTORY_KEY ? this.value : this.fallback.get(key)) as T | undefined;
  }

  async update(key: string, value: unknown): Promise<void> {
    if (key !== HISTORY_KEY) return this.fallback.update(key, value);
    this.value = value;
    // A new name then a rename: a window closed mid-write leaves the previous conversation whole.
    const temporary = `${this.file}.${this.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(value ?? null));
    renameSync(temporary, this.file);
  }

  /** Gives the conversation up (the window closes): the next window to start takes it. */
  dispose(): void {
    if (this.ownerOf(this.file) === this.pid) unlinkSync(this.file + OWNER);
  }

  /** The conversation files of the folder, newest first. */
  private conversations(): string[] {
    const names = readdirSync(this.dir).filter((name) => name.endsWith(SUFFIX));
    const mtime = (name: string) => statSync(join(this.dir, name), { throwIfNoEntry: false })?.mtimeMs ?? 0;
    return names.map((name) => ({ name, at: mtime(name) })).sort((a, b) => b.at - a.at).map((entry) => entry.name);
  }

  /** The pid holding the conversation file `file`, when one is written beside it. */
  private ownerOf(file: string): number | undefined {
    const path = file + OWNER;
    if (!existsSync(path)) return undefined;
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  }

  private prune(conversations: string[], alive: (pid: number) => boolean): void {
    for (const name of conversations.slice(KEPT_CONVERSATIONS)) {
      const owner = this.ownerOf(join(this.dir, name));
      if (join(this.dir, name) === this.file || (owner !== undefined && alive(owner))) continue;
      for (const path of [join(this.dir, name), join(this.dir, name) + OWNER]) if (existsSync(path)) unlinkSync(path);
    }
  }
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) ?? undefined;
  } catch {
    return undefined;
  }
}
