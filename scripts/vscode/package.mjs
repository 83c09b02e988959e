// `npm run package`: production build, then a .vsix with @vscode/vsce (offline, no node_modules:
// everything is bundled). Prints the file list and the size. The contents are set by .vscodeignore.
//
//   node scripts/vscode/package.mjs [--out dist-vsix/devops-assistant.vsix]
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { repoRoot } from './paths.mjs';

const outIndex = process.argv.indexOf('--out');
const out = resolve(repoRoot, outIndex > 0 ? process.argv[outIndex + 1] : 'dist-vsix/devops-assistant.vsix');

function step(label, command, args) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[package] ${label} failed (exit ${result.status ?? result.error?.message})`);
    process.exit(1);
  }
  console.log(`[package] ${label} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

step('production build', process.execPath, ['esbuild.mjs', '--production']);
mkdirSync(dirname(out), { recursive: true });
const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
// Relative README links (screenshots/, docs/) stay as they are: there is no public repository to point at. VS Code's
// page of the installed extension shows none of them (it drops relative image and link targets, packaged or not).
step('vsce package', process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', out]);
console.log(`[package] ${out}: ${(statSync(out).size / 1024).toFixed(0)} KB`);
