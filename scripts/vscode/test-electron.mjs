// The standard @vscode/test-electron runner for the extension tests. Where VS Code desktop cannot be
// downloaded (like this machine) it points runTests at scripts/vscode/code-shim, which runs the same
// tests in code-server's real Node extension host; on a desktop the same call uses real VS Code.
//
//   node scripts/vscode/test-electron.mjs              shim (code-server)
//   node scripts/vscode/test-electron.mjs --desktop    download and use VS Code stable (needs internet)
//   VSCODE_EXECUTABLE_PATH=/path/to/code node scripts/vscode/test-electron.mjs
import { runTests } from '@vscode/test-electron';
import { join } from 'node:path';
import { extensionDevelopmentPath, extensionTestsPath, repoRoot } from './paths.mjs';

const desktop = process.argv.includes('--desktop');
const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH || (desktop ? undefined : join(repoRoot, 'scripts', 'vscode', 'code-shim'));
const folder = process.argv.slice(2).find((a) => !a.startsWith('-'));

try {
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath,
    extensionTestsPath,
    launchArgs: folder ? [folder] : [],
  });
} catch (error) {
  console.error(`[test-electron] ${error.message ?? error}`);
  process.exit(1);
}
