// Checks a packaged .vsix the way a user gets it: `code-server --install-extension x.vsix` into an
// empty profile, then opens a workbench with only that install and waits for the DevOps container.
//
//   node scripts/vscode/verify-vsix.mjs [dist-vsix/devops-assistant.vsix]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium, startCodeServer, workbenchUrl } from './code-server.mjs';
import { createFixtureWorkspace } from './fixture.mjs';
import { ensureToolchain } from './install.mjs';
import { codeServerEntry, nodeBin, repoRoot } from './paths.mjs';

const vsix = resolve(process.argv[2] ?? join(repoRoot, 'dist-vsix', 'devops-assistant.vsix'));
const fail = (message) => {
  console.error(`[verify-vsix] FAILED: ${message}`);
  process.exitCode = 1;
};

async function main() {
  if (!existsSync(vsix)) return fail(`${vsix} not found (run \`npm run package\`)`);
  ensureToolchain();
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const expectedDir = `${manifest.publisher}.${manifest.name}-${manifest.version}`;

  const profile = mkdtempSync(join(tmpdir(), 'devops-vsix-'));
  const extensionsDir = join(profile, 'extensions');
  const home = join(profile, 'home');
  mkdirSync(home, { recursive: true });
  const folder = createFixtureWorkspace();
  try {
    const started = Date.now();
    const install = spawnSync(
      nodeBin,
      [codeServerEntry, '--user-data-dir', join(profile, 'user-data'), '--extensions-dir', extensionsDir, '--install-extension', vsix],
      { encoding: 'utf8', env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local', 'share'), EXTENSIONS_GALLERY: '{}' } },
    );
    process.stdout.write(install.stdout);
    process.stderr.write(install.stderr);
    if (install.status !== 0) return fail(`--install-extension exited with ${install.status}`);
    const installed = readdirSync(extensionsDir).filter((e) => e !== 'extensions.json');
    if (!installed.includes(expectedDir)) return fail(`expected ${expectedDir} in the extensions dir, found ${installed.join(', ')}`);
    for (const file of ['package.json', 'dist/extension.js', 'dist/servers/git.js', 'dist/servers/logs.js', 'dist/servers/logs-dockerode.js', 'dist/servers/system.js']) {
      if (!existsSync(join(extensionsDir, expectedDir, file))) return fail(`installed extension lacks ${file}`);
    }
    console.log(`[verify-vsix] code-server installed ${expectedDir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const server = await startCodeServer({ profileDir: profile });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(workbenchUrl(server, folder));
      // Both of the extension's activity-bar containers (the trees, and the chat in its own), by their exact titles.
      const nls = JSON.parse(readFileSync(join(repoRoot, 'package.nls.json'), 'utf8'));
      const icons = [];
      for (const title of [nls['container.title'], nls['container.chat.title']]) {
        const icon = page.locator(`.activitybar .action-item .action-label[aria-label="${title}"]`);
        const visible = await icon.waitFor({ state: 'visible', timeout: 60_000 }).then(() => true, () => false);
        if (!visible) return fail(`the "${title}" activity-bar container did not appear with the installed vsix`);
        icons.push(icon);
      }
      for (const icon of icons) await icon.click();
      await page.waitForTimeout(3000); // activation (onStartupFinished / view open) and server start-up
      // zod 4 probes `typeof navigator`; VS Code's Node extension host logs that probe as an error
      // (PendingMigrationError) and returns undefined, which is harmless.
      const ours = errors.filter((e) => e.includes(manifest.name) && !e.includes('PendingMigrationError: navigator'));
      if (ours.length) return fail(`errors from the installed extension:\n${ours.join('\n')}`);
      console.log('[verify-vsix] the installed vsix shows its two containers in the workbench: OK');
    } finally {
      await browser.close().catch(() => {});
      await server.stop();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error) => fail(error.stack ?? String(error)));
