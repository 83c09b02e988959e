// Opens the extension in a real VS Code workbench (code-server + Debian chromium via playwright-core)
// the way a user would have it: the working tree is installed into a fresh extensions folder, no
// extension-development mode, notifications visible. Used by the UI tests in test/ui/*.test.ts.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { launchChromium, linkedExtension, startCodeServer, workbenchUrl, type CodeServer } from '../../../scripts/vscode/code-server.mjs';
import { ensureToolchain } from '../../../scripts/vscode/install.mjs';
import { repoRoot } from '../../../scripts/vscode/paths.mjs';

export { createFixtureWorkspace } from '../../../scripts/vscode/fixture.mjs';

/**
 * Test runs write their pictures to test-output/screenshots (git-ignored); with UPDATE_SCREENSHOTS=1
 * they replace the committed ones in screenshots/ that the README shows.
 */
export const screenshotDir = process.env.UPDATE_SCREENSHOTS === '1' ? join(repoRoot, 'screenshots') : join(repoRoot, 'test-output', 'screenshots');

export interface WorkbenchOptions {
  /** Absolute path of the folder (or .code-workspace file) to open; '' opens an empty window, with no folder. */
  folder: string;
  /** Extra environment for code-server, inherited by the extension host (e.g. ANTHROPIC_BASE_URL). */
  env?: Record<string, string>;
  /** User settings, merged over the quiet defaults (no telemetry, update checks or built-in chat). */
  settings?: Record<string, unknown>;
  /** Start with the smoke-test driver (hides notification toasts). Default false. */
  smokeDriver?: boolean;
  /** Keep workspace trust on, so the folder opens in Restricted Mode. Default false. */
  workspaceTrust?: boolean;
  viewport?: { width: number; height: number };
  /**
   * Display language (code-server's `--locale`): 'ko' also installs a stub Korean language pack (test/fixtures), as VS
   * Code resolves a locale only when a pack for it is installed. VS Code's own strings stay English (the real pack comes
   * from the marketplace, out of reach here); ours come from package.nls.ko.json and l10n/bundle.l10n.ko.json.
   */
  locale?: 'ko';
  /** More extension folders to install beside ours (e.g. the scripted language model of test/fixtures). */
  extraExtensions?: Array<{ id: string; path: string }>;
  /** The browser's time zone (IANA name), the user's: with `env.TZ` another, the window and the host disagree. */
  timezoneId?: string;
}

export interface Workbench {
  page: Page;
  url: string;
  server: CodeServer;
  /** Browser console errors seen so far (useful in assertion messages). */
  consoleErrors: string[];
  close(): Promise<void>;
  /** Saves screenshots/<name>.png (a path with folders, e.g. "tmp/x", works too) and returns its path. */
  screenshot(name: string): Promise<string>;
  runCommand(title: string): Promise<void>;
  openView(viewName: ViewName): Promise<void>;
  chatFrame(): FrameLocator;
  /** The DevOps container (the trees) in the activity bar; `chatActivityBarItem` is the chat's. */
  activityBarItem(): Locator;
  chatActivityBarItem(): Locator;
}

interface Manifest {
  publisher: string;
  name: string;
  version: string;
  contributes: {
    commands?: Array<{ command: string; title: string; category?: string }>;
    menus?: { commandPalette?: Array<{ command: string; when?: string }> };
  };
}

export function readManifest(): Manifest {
  return JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Manifest;
}

/**
 * "Category: Title" of the commands the manifest contributes (%key% resolved from package.nls.json).
 * `paletteOnly`: just those the palette always shows (no `when` clause under menus.commandPalette).
 */
export function contributedCommandTitles(options: { paletteOnly?: boolean } = {}): string[] {
  const nls = JSON.parse(readFileSync(join(repoRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const resolveNls = (text: string) => text.replace(/^%(.+)%$/, (_, key: string) => nls[key] ?? text);
  const { contributes } = readManifest();
  const conditional = new Set((contributes.menus?.commandPalette ?? []).filter((m) => m.when).map((m) => m.command));
  const commands = (contributes.commands ?? []).filter((c) => !options.paletteOnly || !conditional.has(c.command));
  return commands.map((c) =>
    c.category ? `${resolveNls(c.category)}: ${resolveNls(c.title)}` : resolveNls(c.title),
  );
}

const EXTENSION_DIR_NAME = (() => {
  const manifest = readManifest();
  return `${manifest.publisher}.${manifest.name}-${manifest.version}`;
})();

const DEFAULT_SETTINGS = {
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'window.commandCenter': true,
};

/** code-server starts in ~5 s on an idle machine and ~15 s on a loaded one; a deadline, not a wait. */
const CODE_SERVER_START_DEADLINE_MS = 90_000;
/** How long the workbench may take to show its activity bar after the page is opened (a loaded 2-core CI took 30+ s). */
const WORKBENCH_LOAD_DEADLINE_MS = 120_000;

const languagePackStub = join(repoRoot, 'test', 'fixtures', 'korean-language-pack-extension');

/**
 * The languagepacks.json VS Code writes when a language pack is installed, which it reads once at start to resolve the
 * display language (without it `--locale ko` falls back to English, for extensions too).
 */
function languagePacksJson(locale: 'ko'): string {
  const manifest = JSON.parse(readFileSync(join(languagePackStub, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  const id = `${manifest.publisher}.${manifest.name}`;
  return JSON.stringify({
    [locale]: {
      hash: `stub-${manifest.version}`,
      extensions: [{ extensionIdentifier: { id }, version: manifest.version }],
      translations: { vscode: join(languagePackStub, 'translations', 'main.i18n.json') },
      label: 'Korean',
    },
  });
}

export async function launchWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  ensureToolchain();
  const server = await startCodeServer({
    env: options.env,
    settings: { ...DEFAULT_SETTINGS, ...(options.settings ?? {}) },
    smokeDriver: options.smokeDriver ?? false,
    workspaceTrust: options.workspaceTrust ?? false,
    locale: options.locale,
    userDataFiles: options.locale ? { 'languagepacks.json': languagePacksJson(options.locale) } : undefined,
    linkExtensions: [
      { id: EXTENSION_DIR_NAME, path: repoRoot },
      ...(options.locale ? [linkedExtension(languagePackStub)] : []),
      ...(options.extraExtensions ?? []),
    ],
    startTimeoutMs: CODE_SERVER_START_DEADLINE_MS,
  });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1400, height: 900 }, ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}) });
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));

    // code-server reopens the last folder unless told `ew` (empty window); `?folder=` with no path is an error dialog.
    const url = options.folder ? workbenchUrl(server, options.folder) : `${server.base}/?ew=true`;
    // The activity bar is the event that matters; the page's own "load" (every script of the workbench) took
    // over playwright's default 30 s on a CI machine at load 25, so navigation waits only for the document.
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: WORKBENCH_LOAD_DEADLINE_MS });
    const workbench = wrap(page, url, server, browser, consoleErrors);
    await workbench.activityBarItem().waitFor({ state: 'visible', timeout: WORKBENCH_LOAD_DEADLINE_MS });
    return workbench;
  } catch (error) {
    await browser?.close().catch(() => {});
    await server.stop();
    throw error;
  }
}

function wrap(page: Page, url: string, server: CodeServer, browser: Browser, consoleErrors: string[]): Workbench {
  return {
    page,
    url,
    server,
    consoleErrors,
    async close() {
      await browser.close().catch(() => {});
      await server.stop();
    },
    screenshot: (name) => screenshot(page, name),
    runCommand: (title) => runCommand(page, title),
    openView: (viewName) => openView(page, viewName),
    chatFrame: () => chatFrame(page),
    activityBarItem: () => activityBarItem(page),
    chatActivityBarItem: () => activityBarItem(page, CHAT_CONTAINER_TITLE),
  };
}

/** The view containers' titles (package.nls.json): the trees are in "DevOps", the chat in "DevOps Assistant". */
export const TREES_CONTAINER_TITLE = 'DevOps';
export const CHAT_CONTAINER_TITLE = 'DevOps Assistant';

export type ViewName = 'Chat' | 'Branches' | 'Log Files' | 'System';

/**
 * A container's icon in the activity bar, by its exact title. The label may add a keybinding in brackets, or a badge
 * after " - " ("DevOps - 12 recent errors in the log files", once Log Files has counted errors). The item is the
 * whole entry, so that a click on it is not refused because the badge sits over the icon.
 */
export function activityBarItem(page: Page, title = TREES_CONTAINER_TITLE): Locator {
  const label = '.action-label';
  return page.locator('.activitybar .action-item').filter({
    has: page.locator(`${label}[aria-label="${title}"], ${label}[aria-label^="${title} ("], ${label}[aria-label^="${title} - "]`),
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = join(screenshotDir, `${name}.png`);
  mkdirSync(join(file, '..'), { recursive: true });
  await page.screenshot({ path: file });
  return file;
}

/**
 * Runs a command by its palette title (e.g. "DevOps: Ask") through F1, as a user would. Retries:
 * right after start-up the palette can answer "No matching commands" until extensions register.
 */
export async function runCommand(page: Page, title: string, attempts = 5): Promise<void> {
  const input = page.locator('.quick-input-widget input.input');
  for (let attempt = 1; attempt <= attempts; attempt++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`>${title}`);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    try {
      await row.waitFor({ state: 'visible', timeout: 3_000 });
      // Choose the exact title when several commands share a prefix.
      const rows = page.locator('.quick-input-list .monaco-list-row');
      const count = await rows.count();
      for (let i = 0; i < count; i++) {
        const label = (await rows.nth(i).getAttribute('aria-label')) ?? '';
        if (label === title || label.startsWith(`${title}, `)) {
          await rows.nth(i).click();
          return;
        }
      }
      await row.click();
      return;
    } catch (error) {
      if (attempt === attempts) throw new Error(`command "${title}" not found in the palette after ${attempts} attempts`, { cause: error });
      await page.waitForTimeout(1_000 * attempt);
    }
  }
}

/**
 * Opens one of our views by its generated focus command ("<container title>: Focus on <view> View").
 * The chat is alone in its container, so it has no pane header: its input is what shows it is open.
 */
export async function openView(page: Page, viewName: ViewName): Promise<void> {
  if (viewName === 'Chat') {
    await runCommand(page, `${CHAT_CONTAINER_TITLE}: Focus on Chat View`);
    await chatFrame(page).locator('#chat-input').waitFor({ state: 'visible', timeout: 30_000 });
    return;
  }
  await runCommand(page, `${TREES_CONTAINER_TITLE}: Focus on ${viewName} View`);
  await page.locator('.pane-header', { hasText: viewName }).first().waitFor({ state: 'visible', timeout: 10_000 });
}

/** The chat webview's document: an iframe (the webview host) inside an iframe (its content). */
export function chatFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}
