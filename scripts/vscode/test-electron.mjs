// The extension-test runner (`npm run test:extension`, and the "extension" suite of `npm test`): the
// standard @vscode/test-electron runTests, once per pass, each pass in a fresh window and fixture.
// Where VS Code desktop cannot be downloaded (like the build machines) runTests starts
// scripts/vscode/code-shim.mjs in its place, which runs the same tests in code-server's real Node
// extension host; with --desktop (or VSCODE_EXECUTABLE_PATH) the same calls use VS Code desktop.
//
//   node scripts/vscode/test-electron.mjs [--pass NAME]… [--desktop] [FOLDER]
//     --pass NAME   run only this pass (repeatable): main, restricted, reload, multiroot, worktree
//     --desktop     download and use VS Code stable (needs internet)
//     FOLDER        open this folder in every pass instead of a fresh fixture repository
//
// The passes: "main" (trusted folder, every test), "restricted" (an untrusted folder, the tests titled
// "Restricted Mode"; the shim only: desktop runTests always disables workspace trust, so there those
// tests skip themselves), "reload" (the test that reloads the window) and "multiroot" (a fresh
// .code-workspace with four repositories, fixture.mjs createMultiRootWorkspace; the tests titled
// "multi-root"; FOLDER does not apply to it) and "worktree" (a linked worktree of the fixture, fixture.mjs
// createLinkedWorktree; the tests titled "linked worktree"). Every pass also loads the test-only extensions of
// paths.mjs testExtensionPaths (the scripted language model). Tests that need another
// window state skip themselves in the main pass. With TEST_RESULTS_FILE set, each pass's counts go to
// <file>.<pass>.json and their sum to the file itself; a pass that ends without counts is one failure.
import { runTests } from '@vscode/test-electron';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createLinkedWorktree, createMultiRootWorkspace } from './fixture.mjs';
import { extensionDevelopmentPath, extensionTestsPath, repoRoot, testExtensionPaths } from './paths.mjs';

const PASSES = [
  { name: 'main', env: {} },
  { name: 'restricted', env: { DEVOPS_TEST_UNTRUSTED: '1', DEVOPS_TEST_GREP: 'Restricted Mode' } },
  { name: 'reload', env: { DEVOPS_TEST_RELOAD: '1', DEVOPS_TEST_GREP: 'window reload' } },
  { name: 'multiroot', env: { DEVOPS_TEST_GREP: 'multi-root' }, workspace: createMultiRootWorkspace },
  { name: 'worktree', env: { DEVOPS_TEST_GREP: 'linked worktree' }, workspace: createLinkedWorktree },
];

function readCommandLine() {
  const { values, positionals } = parseArgs({
    options: {
      pass: { type: 'string', multiple: true },
      desktop: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  if (values.help) {
    console.log('usage: test-electron.mjs [--pass main|restricted|reload|multiroot|worktree]… [--desktop] [FOLDER]');
    process.exit(0);
  }
  const unknown = (values.pass ?? []).filter((name) => !PASSES.some((p) => p.name === name));
  if (unknown.length) throw new Error(`unknown pass ${unknown.join(', ')}: choose from ${PASSES.map((p) => p.name).join(', ')}`);
  return { passes: values.pass ?? PASSES.map((p) => p.name), desktop: values.desktop, folder: positionals[0] && resolve(positionals[0]) };
}

/** Runs one pass through runTests; resolves with its exit code (runTests rejects on a non-zero one). */
async function runPass(pass, { vscodeExecutablePath, folder, resultsFile }) {
  try {
    return await runTests({
      vscodeExecutablePath,
      // Ours first (the tests' extension), then the test-only extensions (the scripted language model).
      extensionDevelopmentPath: [extensionDevelopmentPath, ...testExtensionPaths],
      extensionTestsPath,
      launchArgs: folder ? [folder] : [],
      extensionTestsEnv: { ...pass.env, ...(resultsFile ? { TEST_RESULTS_FILE: resultsFile } : {}) },
    });
  } catch (error) {
    console.error(`[test-electron] pass "${pass.name}": ${error?.message ?? error}`);
    return typeof error?.code === 'number' && error.code !== 0 ? error.code : 1;
  }
}

/** A pass's counts from its results file; a pass that failed without reporting counts as one failure. */
function countsOf(resultsFile, code) {
  let counts = { passes: 0, failures: code === 0 ? 0 : 1, pending: 0 };
  if (resultsFile && existsSync(resultsFile)) counts = JSON.parse(readFileSync(resultsFile, 'utf8'));
  if (code !== 0 && counts.failures === 0) counts.failures = 1;
  return counts;
}

async function main() {
  const options = readCommandLine();
  const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH || (options.desktop ? undefined : join(repoRoot, 'scripts', 'vscode', 'code-shim.mjs'));
  const resultsFile = process.env.TEST_RESULTS_FILE;
  const total = { passes: 0, failures: 0, pending: 0 };
  const lines = [];
  let exitCode = 0;
  for (const pass of PASSES.filter((p) => options.passes.includes(p.name))) {
    console.log(`\n[test-electron] pass "${pass.name}"`);
    const passFile = resultsFile ? `${resultsFile.replace(/\.json$/, '')}.${pass.name}.json` : undefined;
    if (passFile) rmSync(passFile, { force: true }); // counts from an earlier run must not stand in
    // A pass with its own workspace (a .code-workspace file, a linked worktree) opens that, and removes the temp folder
    // holding it afterwards.
    const workspace = pass.workspace?.();
    const code = await runPass(pass, { vscodeExecutablePath, folder: workspace ?? options.folder, resultsFile: passFile });
    if (workspace) rmSync(dirname(workspace), { recursive: true, force: true });
    const counts = countsOf(passFile, code);
    for (const key of Object.keys(total)) total[key] += counts[key] ?? 0;
    lines.push(`  ${pass.name}: ${counts.passes} passed, ${counts.failures} failed, ${counts.pending} pending (exit ${code})`);
    exitCode ||= code;
  }
  console.log(`\n[test-electron] passes:\n${lines.join('\n')}`);
  if (resultsFile) {
    mkdirSync(dirname(resultsFile), { recursive: true });
    writeFileSync(resultsFile, JSON.stringify(total));
  }
  return exitCode || (total.failures > 0 ? 1 : 0);
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`[test-electron] ${error?.stack ?? error}`);
  process.exitCode = 1;
}
