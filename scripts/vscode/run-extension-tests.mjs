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
//     --single                         one run only (see below)
//     --multi-root                     one run in a fresh multi-root workspace (with DEVOPS_TEST_GREP=multi-root: the "multiroot" pass)
//   With none of the path/folder/trust flags it runs the standard passes, each in a fresh workbench
//   and fixture: "main" (trusted folder, every test), "restricted" (untrusted folder, tests titled
//   "Restricted Mode"), "reload" (DEVOPS_TEST_RELOAD=1, the test that reloads the window) and
//   "multiroot" (a .code-workspace with four repositories, tests titled "multi-root"), and adds
//   their counts up in TEST_RESULTS_FILE.
//   Environment: TEST_RESULTS_FILE and every DEVOPS_TEST_* / ANTHROPIC_* variable are passed to the
//   extension host; DEVOPS_FIXTURE_PATH is set to the opened folder. DEVOPS_TEST_VERBOSE=1 also
//   prints the workbench's own console chatter.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { launchChromium, remoteUri, startCodeServer, workbenchUrl } from './code-server.mjs';
import { createFixtureWorkspace, createMultiRootWorkspace } from './fixture.mjs';
import { ensureToolchain } from './install.mjs';
import { extensionDevelopmentPath as defaultDevPath, extensionTestsPath as defaultTestsPath } from './paths.mjs';

const PASSED_ENV = /^(TEST_RESULTS_FILE|DEVOPS_TEST_.*|ANTHROPIC_.*)$/;

function parseArgs(argv) {
  const options = { workspaceTrust: false, timeoutSeconds: 600, single: false };
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
    else if (key === 'single') options.single = true;
    else if (key === 'multi-root') options.multiRoot = true;
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
  const folder = rawOptions.folder ?? (rawOptions.multiRoot ? createMultiRootWorkspace() : createFixtureWorkspace());
  const workspaceFile = folder.endsWith('.code-workspace');
  const testEnv = { DEVOPS_FIXTURE_PATH: folder };
  const env = { ...process.env, ...(rawOptions.env ?? {}) };
  for (const [key, value] of Object.entries(env)) if (PASSED_ENV.test(key) && value !== undefined) testEnv[key] = value;

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

    const folderUrl = workbenchUrl(server, folder, [
      ['extensionDevelopmentPath', remoteUri(server, devPath)],
      ['extensionTestsPath', remoteUri(server, testsPath)],
      ['extensionEnvironment', JSON.stringify(testEnv)],
    ]);
    // A .code-workspace file opens as a (multi-root) workspace, not as a folder.
    const url = workspaceFile ? folderUrl.replace('/?folder=', '/?workspace=') : folderUrl;
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
    if (ownFolder) rmSync(workspaceFile ? dirname(folder) : folder, { recursive: true, force: true });
  }
}

/** The passes `npm test` runs; tests that need another window state skip themselves in the main pass. */
const STANDARD_PASSES = [
  { name: 'main', options: {} },
  { name: 'restricted', options: { workspaceTrust: true, env: { DEVOPS_TEST_GREP: 'Restricted Mode' } } },
  { name: 'reload', options: { env: { DEVOPS_TEST_RELOAD: '1', DEVOPS_TEST_GREP: 'window reload' } } },
  { name: 'multiroot', options: { multiRoot: true, env: { DEVOPS_TEST_GREP: 'multi-root' } } },
];

async function runStandardPasses(baseOptions) {
  const resultsFile = process.env.TEST_RESULTS_FILE;
  const total = { passes: 0, failures: 0, pending: 0 };
  const lines = [];
  let exitCode = 0;
  for (const pass of STANDARD_PASSES) {
    console.log(`\n[extension-tests] pass "${pass.name}"`);
    const passFile = resultsFile ? `${resultsFile.replace(/\.json$/, '')}.${pass.name}.json` : undefined;
    const env = { ...(pass.options.env ?? {}), ...(passFile ? { TEST_RESULTS_FILE: passFile } : {}) };
    let code;
    try {
      code = await runExtensionTests({ ...baseOptions, ...pass.options, env });
    } catch (error) {
      console.error(`[extension-tests] ${error.stack ?? error}`);
      code = 1;
    }
    let counts = { passes: 0, failures: code === 0 ? 0 : 1, pending: 0 };
    if (passFile && existsSync(passFile)) counts = JSON.parse(readFileSync(passFile, 'utf8'));
    if (code !== 0 && counts.failures === 0) counts.failures = 1;
    for (const key of Object.keys(total)) total[key] += counts[key] ?? 0;
    lines.push(`  ${pass.name}: ${counts.passes} passed, ${counts.failures} failed, ${counts.pending} pending (exit ${code})`);
    exitCode ||= code;
  }
  console.log(`\n[extension-tests] passes:\n${lines.join('\n')}`);
  if (resultsFile) {
    mkdirSync(dirname(resultsFile), { recursive: true });
    writeFileSync(resultsFile, JSON.stringify(total));
  }
  return exitCode || (total.failures > 0 ? 1 : 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const options = parseArgs(process.argv.slice(2));
    const custom = options.single || options.devPath || options.testsPath || options.folder || options.workspaceTrust || options.multiRoot;
    process.exitCode = custom ? await runExtensionTests(options) : await runStandardPasses(options);
  } catch (error) {
    console.error(`[extension-tests] ${error.stack ?? error}`);
    process.exitCode = 1;
  }
}
