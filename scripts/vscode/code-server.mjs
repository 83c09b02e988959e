// Starts code-server (VS Code server + web workbench, with the same Node extension host as
// desktop) in an isolated profile, and opens Debian chromium on it through playwright-core.
// Used by the extension-test runner, the UI test launcher and `npm start`.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromiumPath, codeServerEntry, nodeBin } from './paths.mjs';

/** Settings that keep a test or demo workbench quiet and offline. */
export const quietSettings = {
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'chat.disableAIFeatures': true,
  'git.openRepositoryInParentFolders': 'never',
  'security.workspace.trust.enabled': true,
};

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

async function waitForHealth(base, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited early with code ${child.exitCode}`);
    try {
      const response = await globalThis.fetch(`${base}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`code-server did not answer ${base}/healthz within ${timeoutMs} ms`);
}

/** An extension folder as the extensions dir names an installed one (`<publisher>.<name>-<version>`), for `linkExtensions`. */
export function linkedExtension(path) {
  const manifest = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8'));
  return { id: `${manifest.publisher}.${manifest.name}-${manifest.version}`, path };
}

/**
 * Starts code-server. Options:
 * - port (default: a free one), host (127.0.0.1)
 * - env: extra environment for the server, and so for the extension host it starts
 * - settings: user settings merged over quietSettings
 * - smokeDriver: start with `enable-smoke-test-driver` (needed for extension tests; hides toasts)
 * - workspaceTrust: keep workspace trust on (default off, i.e. --disable-workspace-trust)
 * - locale: the display language (`--locale`, e.g. 'ko'); VS Code's own strings need its language pack, an
 *   extension's package.nls.<locale>.json and l10n bundle follow the language VS Code resolves, which is English
 *   unless a language pack for the locale is installed
 * - userDataFiles: more files to write into the user-data dir before the start ({ relative path: text }), e.g.
 *   languagepacks.json, which VS Code reads once at start to resolve the display language
 * - linkExtensions: folders to symlink into the extensions dir as `<publisher>.<name>-<version>`
 * - profileDir: where HOME/TMPDIR/XDG/user-data/extensions go (default: a fresh temp folder, removed on stop)
 * - output: 'inherit' | 'pipe' | 'ignore' for the server's own stdout/stderr (default 'pipe', kept in `log`)
 */
export async function startCodeServer(options = {}) {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? (await freePort());
  const ownProfile = !options.profileDir;
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), 'devops-vscode-'));
  const dirs = {
    home: join(profile, 'home'),
    tmp: join(profile, 'tmp'),
    userData: join(profile, 'user-data'),
    extensions: join(profile, 'extensions'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(
    join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify({ ...quietSettings, ...(options.settings ?? {}) }, null, 2),
  );
  for (const [path, text] of Object.entries(options.userDataFiles ?? {})) {
    mkdirSync(dirname(join(dirs.userData, path)), { recursive: true });
    writeFileSync(join(dirs.userData, path), text);
  }
  for (const link of options.linkExtensions ?? []) {
    const target = join(dirs.extensions, link.id);
    rmSync(target, { recursive: true, force: true });
    symlinkSync(link.path, target, 'dir');
  }

  const args = [
    codeServerEntry,
    '--bind-addr', `${host}:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
  ];
  if (!options.workspaceTrust) args.push('--disable-workspace-trust');
  if (options.smokeDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  if (options.locale) args.push('--locale', options.locale);

  const env = {
    ...process.env,
    HOME: dirs.home,
    TMPDIR: dirs.tmp,
    XDG_CONFIG_HOME: join(dirs.home, '.config'),
    XDG_DATA_HOME: join(dirs.home, '.local', 'share'),
    XDG_CACHE_HOME: join(dirs.home, '.cache'),
    EXTENSIONS_GALLERY: '{}',
    ...(options.env ?? {}),
  };
  // The extension host must not inherit the test runner's own node options or mocha state.
  delete env.NODE_OPTIONS;
  delete env.ELECTRON_RUN_AS_NODE;

  const output = options.output ?? 'pipe';
  const child = spawn(nodeBin, args, {
    env,
    detached: true, // own process group, so stop() also ends the extension host and its MCP servers
    stdio: ['ignore', output, output],
  });
  const log = [];
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk) => {
      log.push(chunk);
      if (log.length > 400) log.splice(0, log.length - 400); // long `npm start` sessions keep only the tail
    });
  }
  const base = `http://${host}:${port}`;

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 3000);
      await exited;
      clearTimeout(timer);
    }
    if (ownProfile && !options.keepProfile) rmSync(profile, { recursive: true, force: true });
  };

  try {
    await waitForHealth(base, child, options.startTimeoutMs ?? 30000);
  } catch (error) {
    await stop();
    throw new Error(`${error.message}\n${log.join('')}`, { cause: error });
  }
  return { base, host, port, dirs, profile, process: child, log, stop };
}

/** `vscode-remote://host:port/abs/path`: how the web workbench names a path on the server. */
export function remoteUri(server, absolutePath) {
  return `vscode-remote://${server.host}:${server.port}${absolutePath}`;
}

/** The workbench URL for a folder or a .code-workspace file, with optional launch payload entries ([key, value] pairs). */
export function workbenchUrl(server, folder, payload) {
  // A .code-workspace file opens as a (multi-root) workspace, anything else as a folder.
  const kind = folder.endsWith('.code-workspace') ? 'workspace' : 'folder';
  let url = `${server.base}/?${kind}=${encodeURIComponent(folder).replaceAll('%2F', '/')}`;
  if (payload?.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** Launches Debian chromium headless through playwright-core. */
export async function launchChromium(options = {}) {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('chromium not found: run `node scripts/vscode/install.mjs` (or set CHROMIUM_PATH)');
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, headless: options.headless ?? true, args: chromiumArgs });
}
