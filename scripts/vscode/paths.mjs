// Where the real-VS-Code toolchain lives (git-ignored), shared by install, serve and the test runners.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Override with DEVOPS_VSCODE_SERVER_DIR to share one install between clones. */
export const toolDir = process.env.DEVOPS_VSCODE_SERVER_DIR
  ? resolve(process.env.DEVOPS_VSCODE_SERVER_DIR)
  : join(repoRoot, '.vscode-server');

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_RANGE = '~4.139.0';

const nodePackage = `node-linux-${process.arch === 'arm64' ? 'arm64' : 'x64'}`;
export const nodeDir = join(toolDir, 'node24', 'node_modules', nodePackage);
export const nodeBin = join(nodeDir, 'bin', 'node');
export const nodePackageSpec = `${nodePackage}@${NODE_VERSION}`;

export const codeServerDir = join(toolDir, 'code-server', 'node_modules', 'code-server');
export const codeServerEntry = join(codeServerDir, 'out', 'node', 'entry.js');

/** Debian chromium first; CHROMIUM_PATH overrides. */
export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p) => p && existsSync(p));
}

export const extensionDevelopmentPath = repoRoot;
/**
 * Test-only extensions loaded beside ours in the extension-test runs: the scripted VS Code language
 * model (a `languageModelChatProviders` contribution) that the model and participant tests talk to.
 */
export const scriptedModelExtensionPath = join(repoRoot, 'test', 'fixtures', 'scripted-model-extension');
export const testExtensionPaths = [scriptedModelExtensionPath];
export const extensionTestsPath = join(repoRoot, 'dist', 'test', 'extension', 'index.js');
