// Runs the mocha extension tests inside the real Node extension host of VS Code (code-server),
// the way @vscode/test-electron does on a desktop: the workbench is opened with
// extensionDevelopmentPath + extensionTestsPath, and its smoke-test driver reports the exit code.
//
//   node scripts/vscode/run-extension-tests.mjs [options]
//     --extensionDevelopmentPath=DIR   extension to load (default: this repository)
//     --extensionTestsPath=FILE        test index exporting run() (default: dist/test/extension/index.js)
//     --folder=DIR (or a bare DIR)     workspace to open (default: a fresh fixture repo with logs/)
//     --workspace-trust                keep workspace trust on (restricted mode until trusted)
//     --timeout=SECONDS                give up after this long (default 600)
//   Environment: TEST_RESULTS_FILE and every DEVOPS_TEST_* / ANTHROPIC_* variable are passed to the
//   extension host; DEVOPS_FIXTURE_PATH is set to the opened folder. DEVOPS_TEST_VERBOSE=1 also
//   prints the workbench's own console chatter.
import { existsSync, rmSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { launchChromium, remoteUri, startCodeServer, workbenchUrl } from './code-server.mjs';
import { createFixtureWorkspace } from './fixture.mjs';
import { ensureToolchain } from './install.mjs';
import { extensionDevelopmentPath as defaultDevPath, extensionTestsPath as defaultTestsPath } from './paths.mjs';

const PASSED_ENV = /^(TEST_RESULTS_FILE|DEVOPS_TEST_.*|ANTHROPIC_.*)$/;

function parseArgs(argv) {
  const options = { workspaceTrust: false, timeoutSeconds: 600 };
  for (const arg of argv) {
    if (!arg.startsWith('-')) {
      options.folder = resolve(arg); // a workspace folder, as `code FOLDER` takes it
      continue;
    }
    const [key, ...rest] = arg.replace(/^--/, '').split('=');
    const value = rest.join('=');
    if (key === 'extensionDevelopmentPath') options.devPath = resolve(value);
    else if (key === 'extensionTestsPath') options.testsPath = resolve(value);
    else if (key === 'folder') options.folder = resolve(value);
    else if (key === 'workspace-trust') options.workspaceTrust = true;
    else if (key === 'timeout') options.timeoutSeconds = Number(value);
    else if (key === 'help') {
      console.log('usage: run-extension-tests.mjs [--extensionDevelopmentPath=DIR] [--extensionTestsPath=FILE] [--folder=DIR] [--workspace-trust] [--timeout=S]');
      process.exit(0);
    }
    // Anything else (e.g. flags test-electron adds for desktop, like --disable-extensions) is ignored.
  }
  return options;
}

/** Workbench chatter the smoke-test driver forwards along with the tests' console output. */
const WORKBENCH_NOISE =
  /^(Resolving connection token|Resolved connection token|Creating a socket|\[reconnection-grace-time\]|Ignoring fetching additional builtin|Updating additional builtin extensions cache|\[Service Worker\]|\[AgentHost|\[AccountPolicyGate\])/;

/** Console calls arrive as their argument lists (printf-style format first, as mocha's reporters use). */
function formatLogArgs(args) {
  return Array.isArray(args) ? format(...args) : String(args);
}

export { parseArgs };

export async function runExtensionTests(rawOptions = {}) {
  const started = Date.now();
  const devPath = rawOptions.devPath ?? defaultDevPath;
  const testsPath = rawOptions.testsPath ?? defaultTestsPath;
  if (!isAbsolute(devPath) || !existsSync(devPath)) throw new Error(`extensionDevelopmentPath not found: ${devPath}`);
  if (!existsSync(testsPath)) throw new Error(`extensionTestsPath not found: ${testsPath} (run \`npm run build\` first)`);
  ensureToolchain();

  const ownFolder = !rawOptions.folder;
  const folder = rawOptions.folder ?? createFixtureWorkspace();
  const testEnv = { DEVOPS_FIXTURE_PATH: folder };
  for (const [key, value] of Object.entries(process.env)) if (PASSED_ENV.test(key) && value !== undefined) testEnv[key] = value;

  const server = await startCodeServer({ smokeDriver: true, workspaceTrust: rawOptions.workspaceTrust, env: testEnv });
  let browser;
  try {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let finish;
    const exitCode = new Promise((r) => (finish = r));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = formatLogArgs(args);
      if (WORKBENCH_NOISE.test(line) && !process.env.DEVOPS_TEST_VERBOSE) return;
      (type === 'error' ? process.stderr : process.stdout).write(line + '\n');
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));
    page.on('pageerror', (error) => console.error(`[workbench] ${error.message}`));

    const url = workbenchUrl(server, folder, [
      ['extensionDevelopmentPath', remoteUri(server, devPath)],
      ['extensionTestsPath', remoteUri(server, testsPath)],
      ['extensionEnvironment', JSON.stringify(testEnv)],
    ]);
    console.log(`[extension-tests] code-server on ${server.base} (started in ${((Date.now() - started) / 1000).toFixed(1)} s), folder ${folder}`);
    await page.goto(url);

    const timeoutMs = (rawOptions.timeoutSeconds ?? 600) * 1000;
    let timer;
    const timedOut = new Promise((r) => (timer = setTimeout(() => r('timeout'), timeoutMs)));
    const serverDied = new Promise((r) => server.process.once('exit', () => r('server-exit')));
    const outcome = await Promise.race([exitCode, timedOut, serverDied]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      console.error(`[extension-tests] no result after ${timeoutMs / 1000} s; code-server log:\n${server.log.join('')}`);
      return 1;
    }
    if (outcome === 'server-exit') {
      console.error(`[extension-tests] code-server exited; its log:\n${server.log.join('')}`);
      return 1;
    }
    console.log(`[extension-tests] exit code ${outcome} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return outcome;
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
    if (ownFolder) rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = await runExtensionTests(parseArgs(process.argv.slice(2)));
  } catch (error) {
    console.error(`[extension-tests] ${error.stack ?? error}`);
    process.exitCode = 1;
  }
}
