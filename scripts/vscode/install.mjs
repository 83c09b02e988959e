// Installs, only when missing, what running the extension in a real VS Code needs here:
// Debian chromium (+ libkrb5-dev to build code-server's kerberos module), node 24 from the
// npm registry, and code-server 4.139 (VS Code server + web workbench) into .vscode-server/.
// code-server cannot be a devDependency: its engines is node 24 and its postinstall refuses node 20.
//
//   node scripts/vscode/install.mjs            install what is missing, print what it did
//   node scripts/vscode/install.mjs --check    exit 1 if anything is missing, install nothing
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CODE_SERVER_RANGE,
  chromiumPath,
  codeServerDir,
  codeServerEntry,
  nodeBin,
  nodeDir,
  nodePackageSpec,
  toolDir,
} from './paths.mjs';

const say = (msg) => console.log(`[install] ${msg}`);

function run(command, args, options = {}) {
  const started = Date.now();
  say(`$ ${command} ${args.join(' ')}${options.cwd ? `   (in ${options.cwd})` : ''}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
  return (Date.now() - started) / 1000;
}

function debPackageInstalled(name) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

function aptInstall(packages) {
  if (packages.length === 0) return;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (...args) => (process.getuid?.() === 0 ? run('apt-get', args, { env }) : run('sudo', ['apt-get', ...args], { env }));
  const seconds = apt('update', '-qq') + apt('install', '-y', '-qq', '--no-install-recommends', ...packages);
  say(`apt packages ${packages.join(', ')} installed in ${seconds.toFixed(1)} s`);
}

function installedVersion(packageDir) {
  try {
    return JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function codeServerReady() {
  const version = installedVersion(codeServerDir);
  return existsSync(codeServerEntry) && typeof version === 'string' && version.startsWith('4.139.');
}

/** The product speaks Korean: without CJK fonts chromium draws Hangul as boxes in the UI tests' screenshots. */
const koreanFontPackage = 'fonts-noto-cjk';

/** What is missing; an empty list means everything is in place. */
export function missingParts() {
  const missing = [];
  if (!chromiumPath()) missing.push('chromium');
  if (!debPackageInstalled(koreanFontPackage)) missing.push(koreanFontPackage);
  if (!existsSync(nodeBin)) missing.push('node24');
  if (!codeServerReady()) missing.push('code-server');
  return missing;
}

function npmInstallInto(folder, spec, env) {
  mkdirSync(folder, { recursive: true });
  const manifest = join(folder, 'package.json');
  if (!existsSync(manifest)) writeFileSync(manifest, JSON.stringify({ name: 'vscode-toolchain', private: true }, null, 2));
  return run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', spec], { cwd: folder, env });
}

export function ensureToolchain() {
  const started = Date.now();
  const missing = missingParts();
  if (missing.length === 0) {
    say(`everything present in ${toolDir} (code-server ${installedVersion(codeServerDir)}, node ${installedVersion(nodeDir)}, ${chromiumPath()})`);
    return;
  }
  say(`missing: ${missing.join(', ')} (tool folder ${toolDir})`);

  const debs = [];
  if (!chromiumPath()) debs.push('chromium');
  if (!debPackageInstalled(koreanFontPackage)) debs.push(koreanFontPackage);
  if (!codeServerReady() && !debPackageInstalled('libkrb5-dev')) debs.push('libkrb5-dev');
  aptInstall(debs);

  if (!existsSync(nodeBin)) {
    const seconds = npmInstallInto(join(toolDir, 'node24'), nodePackageSpec, process.env);
    say(`node ${installedVersion(nodeDir)} installed in ${seconds.toFixed(1)} s`);
  }

  if (!codeServerReady()) {
    // node 24 first on PATH so code-server's install scripts run under the node it asks for, and
    // node-gyp builds native modules against node 24's headers (this machine's npmrc says node 20's).
    const env = {
      ...process.env,
      PATH: `${dirname(nodeBin)}${delimiter}${process.env.PATH}`,
      npm_config_nodedir: nodeDir,
    };
    const seconds = npmInstallInto(join(toolDir, 'code-server'), `code-server@${CODE_SERVER_RANGE}`, env);
    if (!codeServerReady()) throw new Error(`code-server install finished but ${codeServerEntry} is missing`);
    say(`code-server ${installedVersion(codeServerDir)} installed in ${seconds.toFixed(1)} s`);
  }
  say(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--check')) {
    const missing = missingParts();
    say(missing.length ? `missing: ${missing.join(', ')}` : 'everything present');
    process.exit(missing.length ? 1 : 0);
  }
  try {
    ensureToolchain();
  } catch (error) {
    console.error(`[install] failed: ${error.message}`);
    process.exit(1);
  }
}
