// `npm start`: builds the extension, installs code-server + node 24 + chromium when missing, and
// serves a folder in VS Code (code-server) with this working tree installed as an extension.
//
//   npm start                          serve the folder npm was started from
//   npm start -- /path/to/folder       serve another folder
//   npm start -- --port 9000 --host 0.0.0.0 --workspace-trust --no-build
// Open the printed URL in a browser (from another machine: ssh -L 8080:127.0.0.1:8080 host).
// Rebuild with `npm run watch` in another terminal and reload the page to pick up changes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startCodeServer, workbenchUrl } from './code-server.mjs';
import { ensureToolchain } from './install.mjs';
import { repoRoot, toolDir } from './paths.mjs';

function parseArgs(argv) {
  const options = { port: 8080, host: '127.0.0.1', workspaceTrust: false, build: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.split('=');
    const value = () => inline ?? argv[++i];
    if (flag === '--port') options.port = Number(value());
    else if (flag === '--host') options.host = value();
    else if (flag === '--workspace-trust') options.workspaceTrust = true;
    else if (flag === '--no-build') options.build = false;
    else if (flag === '--help' || flag === '-h') {
      console.log('usage: npm start -- [folder] [--port 8080] [--host 127.0.0.1] [--workspace-trust] [--no-build]');
      process.exit(0);
    } else if (!arg.startsWith('-')) options.folder = resolve(process.env.INIT_CWD ?? process.cwd(), arg);
    else throw new Error(`unknown option ${arg}`);
  }
  options.folder ??= resolve(process.env.INIT_CWD ?? process.cwd());
  if (!Number.isInteger(options.port) || options.port <= 0) throw new Error('--port must be a positive integer');
  if (!existsSync(options.folder) || !statSync(options.folder).isDirectory()) throw new Error(`not a folder: ${options.folder}`);
  return options;
}

/**
 * VS Code only picks up a folder linked into the extensions dir when extensions.json does not
 * already list the dir's contents; drop stale links of other versions and a list without ours.
 */
function prepareExtensionsDir(extensionsDir, linkId) {
  mkdirSync(extensionsDir, { recursive: true });
  const prefix = linkId.replace(/-[^-]+$/, '-');
  for (const entry of readdirSync(extensionsDir)) {
    if (entry.startsWith(prefix) && entry !== linkId) rmSync(join(extensionsDir, entry), { recursive: true, force: true });
  }
  const listFile = join(extensionsDir, 'extensions.json');
  if (existsSync(listFile) && !readFileSync(listFile, 'utf8').includes(`"${linkId}"`)) rmSync(listFile);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  if (options.build) {
    const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('build failed');
  }
  ensureToolchain();

  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const linkId = `${manifest.publisher}.${manifest.name}-${manifest.version}`;
  const profileDir = join(toolDir, 'serve-profile');
  prepareExtensionsDir(join(profileDir, 'extensions'), linkId);

  const server = await startCodeServer({
    host: options.host,
    port: options.port,
    profileDir,
    workspaceTrust: options.workspaceTrust,
    linkExtensions: [{ id: linkId, path: repoRoot }],
    output: 'pipe',
  });
  const displayHost = options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
  const url = workbenchUrl({ ...server, base: `http://${displayHost}:${server.port}` }, options.folder);
  console.log(`\nDevOps Assistant is running in VS Code (code-server), ready in ${((Date.now() - started) / 1000).toFixed(1)} s:\n\n  ${url}\n`);
  console.log('Open it in a browser; the DevOps icon is in the activity bar. Ctrl+C stops the server.');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping code-server…');
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.process.once('exit', (code) => {
    if (stopping) return;
    console.error(`code-server exited (${code}); its log:\n${server.log.join('').slice(-4000)}`);
    process.exit(1);
  });
}

main().catch((error) => {
  console.error(`[start] ${error.message}`);
  process.exit(1);
});
