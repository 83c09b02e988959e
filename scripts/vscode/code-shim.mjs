#!/usr/bin/env node
// Stands in for the `code` executable that @vscode/test-electron's runTests({ vscodeExecutablePath })
// (and @vscode/test-cli's useInstallation.fromPath) spawns, where VS Code desktop cannot be
// downloaded: one window, one test run, in code-server's real Node extension host with a headless
// chromium workbench. The exit code is the test result, as with `code`.
//
//   code-shim.mjs [FOLDER] --extensionDevelopmentPath=DIR… --extensionTestsPath=FILE [other code flags]
//     --extensionDevelopmentPath may repeat (as with `code`): the first is the extension under test;
//     the others (test-only extensions) are linked into the extensions dir, because code-server's web
//     workbench keeps its URL payload in a Map and so only one extensionDevelopmentPath entry survives
//     FOLDER                 workspace to open (default: a fresh fixture repository with logs/, removed after)
//   Flags `code` takes that mean nothing here (--disable-extensions, --user-data-dir=…) are ignored;
//   the workbench always gets a fresh, isolated profile.
//   Environment:
//     TEST_RESULTS_FILE, DEVOPS_TEST_*, ANTHROPIC_*   passed on to the extension host
//     DEVOPS_TEST_UNTRUSTED=1     keep workspace trust on, so the folder opens in Restricted Mode
//                                 (runTests always adds --disable-workspace-trust)
//     DEVOPS_TEST_TIMEOUT_SECONDS give up after this long (default 600)
//     DEVOPS_TEST_VERBOSE=1       also print the workbench's own console chatter
//   The extension host also gets DEVOPS_FIXTURE_PATH, the opened folder.
import { existsSync, rmSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { format, parseArgs } from 'node:util';
import { launchChromium, linkedExtension, remoteUri, startCodeServer, workbenchUrl } from './code-server.mjs';
import { createFixtureWorkspace } from './fixture.mjs';
import { ensureToolchain } from './install.mjs';

const PASSED_ENV = /^(TEST_RESULTS_FILE|DEVOPS_TEST_.*|ANTHROPIC_.*)$/;

/** Workbench chatter the smoke-test driver forwards along with the tests' console output. */
const WORKBENCH_NOISE =
  /^(Resolving connection token|Resolved connection token|Creating a socket|\[reconnection-grace-time\]|Ignoring fetching additional builtin|Updating additional builtin extensions cache|\[Service Worker\]|\[AgentHost|\[AccountPolicyGate\])/;

/** The flags of `code` this shim acts on; every other flag is accepted and ignored. */
function readCommandLine(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      extensionDevelopmentPath: { type: 'string', multiple: true },
      extensionTestsPath: { type: 'string' },
    },
    allowPositionals: true,
    strict: false,
  });
  const devValues = (values.extensionDevelopmentPath ?? []).filter((v) => typeof v === 'string');
  if (devValues.length === 0) throw new Error('--extensionDevelopmentPath=DIR is required');
  if (typeof values.extensionTestsPath !== 'string') throw new Error('--extensionTestsPath=FILE is required');
  const devPaths = devValues.map((v) => resolve(v));
  const testsPath = resolve(values.extensionTestsPath);
  for (const devPath of devPaths) if (!isAbsolute(devPath) || !existsSync(devPath)) throw new Error(`extensionDevelopmentPath not found: ${devPath}`);
  if (!existsSync(testsPath)) throw new Error(`extensionTestsPath not found: ${testsPath} (run \`npm run build\` first)`);
  return { devPaths, testsPath, folder: positionals[0] ? resolve(positionals[0]) : undefined };
}

/** Console calls arrive as their argument lists (printf-style format first, as mocha's reporters use). */
function formatLogArgs(args) {
  return Array.isArray(args) ? format(...args) : String(args);
}

/** Resolves with the tests' exit code, or 'timeout' / 'server-exit' when there will be none. */
async function runInWorkbench(server, browser, { devPaths, testsPath, folder, testEnv, timeoutMs }) {
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
  await page.goto(
    workbenchUrl(server, folder, [
      ['extensionDevelopmentPath', remoteUri(server, devPaths[0])],
      ['extensionTestsPath', remoteUri(server, testsPath)],
      ['extensionEnvironment', JSON.stringify(testEnv)],
    ]),
    // The tests' exit is the event that matters; the page's own "load" (every workbench script) took over playwright's
    // default 30 s at load 30 and failed the run before a test started (test/ui/support/workbench.ts waits the same way).
    { waitUntil: 'domcontentloaded', timeout: 120_000 },
  );
  let timer;
  const timedOut = new Promise((r) => (timer = setTimeout(() => r('timeout'), timeoutMs)));
  const serverDied = new Promise((r) => server.process.once('exit', () => r('server-exit')));
  try {
    return await Promise.race([exitCode, timedOut, serverDied]);
  } finally {
    clearTimeout(timer);
  }
}

/** One test run: code-server + workbench on the folder, the tests' exit code back (1 on any failure to run). */
async function main() {
  const started = Date.now();
  const { devPaths, testsPath, folder: givenFolder } = readCommandLine(process.argv.slice(2));
  ensureToolchain();
  const folder = givenFolder ?? createFixtureWorkspace();
  const testEnv = { DEVOPS_FIXTURE_PATH: folder };
  for (const [key, value] of Object.entries(process.env)) if (PASSED_ENV.test(key) && value !== undefined) testEnv[key] = value;
  const timeoutMs = Number(process.env.DEVOPS_TEST_TIMEOUT_SECONDS ?? 600) * 1000;

  // code-server starts in ~5 s on an idle machine and ~15 s on a loaded one: a generous deadline.
  const server = await startCodeServer({
    smokeDriver: true,
    workspaceTrust: process.env.DEVOPS_TEST_UNTRUSTED === '1',
    env: testEnv,
    startTimeoutMs: 90_000,
    linkExtensions: devPaths.slice(1).map(linkedExtension),
  });
  let browser;
  try {
    browser = await launchChromium();
    console.log(`[code-shim] code-server on ${server.base} (started in ${((Date.now() - started) / 1000).toFixed(1)} s), folder ${folder}`);
    const outcome = await runInWorkbench(server, browser, { devPaths, testsPath, folder, testEnv, timeoutMs });
    if (outcome === 'timeout' || outcome === 'server-exit') {
      const why = outcome === 'timeout' ? `no result after ${timeoutMs / 1000} s` : 'code-server exited';
      console.error(`[code-shim] ${why}; code-server log:\n${server.log.join('')}`);
      return 1;
    }
    console.log(`[code-shim] exit code ${outcome} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return outcome;
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
    if (!givenFolder) rmSync(folder, { recursive: true, force: true });
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`[code-shim] ${error?.stack ?? error}`);
  process.exitCode = 1;
}
