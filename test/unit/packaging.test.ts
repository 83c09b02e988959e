// What the .vsix carries, as vsce itself lays it out (its `collect`, in-process: .vscodeignore, then its renames such as
// README.md -> readme.md): every file the extension needs at run time, under the name the code opens, and nothing else
// (no source, no tests or fixtures, no source maps, no test bundles, no node_modules). The repository is mirrored into a temporary
// folder as empty files beside the build's outputs, so no build is needed and nothing here depends on one having run.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const root = join(__dirname, '..', '..');
/** vsce's packaging steps (not in its typed API): the manifest, and the files of the .vsix with their paths in it. */
const vsce = createRequire(__filename)('@vscode/vsce/out/package.js') as {
  readManifest(cwd: string): Promise<unknown>;
  collect(manifest: unknown, options: { cwd: string; dependencies: boolean; rewriteRelativeLinks: boolean }): Promise<Array<{ path: string }>>;
};
/** Not part of the source tree: git's, npm's, the build's and the test runs' own folders (see .gitignore). */
const NOT_SOURCE = new Set(['.git', 'node_modules', 'dist', 'dist-vsix', '.vscode-server', '.vscode-test', '.test-results', 'test-output']);
/** Files vsce reads (the manifest, its translations, the ignore list, the README it checks) keep their content. */
const READ_BY_VSCE = new Set(['package.json', 'package.nls.json', 'package.nls.ko.json', '.vscodeignore', 'README.md', 'LICENSE', 'CHANGELOG.md']);

/** What `node esbuild.mjs --production` writes, and what a development build adds (maps, the extension-host tests). */
const BUNDLES = ['dist/extension.js', 'dist/charset-name.js', ...['git', 'logs', 'system', 'logs-dockerode', 'logs-scan-worker'].map((s) => `dist/servers/${s}.js`), 'dist/webview/chat.js'];
const DEV_ONLY = ['dist/extension.js.map', 'dist/servers/logs.js.map', 'dist/webview/chat.js.map', 'dist/test/extension/index.js', 'dist/test/extension/chat.test.js'];

function mirror(from: string, to: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (NOT_SOURCE.has(entry.name)) continue;
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      mkdirSync(target, { recursive: true });
      mirror(source, target);
    } else if (entry.isFile()) {
      if (from === root && READ_BY_VSCE.has(entry.name)) copyFileSync(source, target);
      else writeFileSync(target, '');
    }
  }
}

describe('the .vsix contents (.vscodeignore, read by vsce)', function () {
  this.timeout(60_000);
  let dir: string;
  let packaged: Set<string>;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'devops-vsix-files-'));
    mirror(root, dir);
    for (const file of [...BUNDLES, ...DEV_ONLY]) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), '');
    }
    mkdirSync(join(dir, 'node_modules', 'zod'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'zod', 'index.js'), '');
    const files = await vsce.collect(await vsce.readManifest(dir), { cwd: dir, dependencies: false, rewriteRelativeLinks: false });
    // The extension's own files sit under extension/ in the .vsix, and so in the installed extension's folder.
    packaged = new Set(files.map((f) => f.path).filter((f) => f.startsWith('extension/')).map((f) => f.slice('extension/'.length)));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('carries every file the extension reads at run time', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { icon: string; contributes: unknown };
    // Files the manifest names by path (the icon, a view container's icon), besides the bundles and the assets the code
    // loads: the chat's stylesheet, the participant's icon, the Korean manifest and runtime strings.
    const named = [manifest.icon, ...[...JSON.stringify(manifest.contributes).matchAll(/"(media\/[^"]+)"/g)].map((m) => m[1])];
    const needed = [...BUNDLES, ...named, 'media/chat/chat.css', 'media/icon.png', 'package.json', 'package.nls.json', 'package.nls.ko.json', 'l10n/bundle.l10n.ko.json', 'readme.md', 'LICENSE.txt', 'changelog.md'];
    assert.deepEqual(needed.filter((f) => !packaged.has(f)), []);
  });

  // The code names files of its own folder by literal path (vscode.Uri.joinPath(context.extensionUri, 'media', 'icon.png'));
  // each must be in the .vsix under exactly that name, or a folder of it: an installed extension on Linux, or on a
  // Remote-SSH host, opens names case-sensitively, and vsce renames some (README.md is readme.md there).
  it('carries every file the code opens by name in its own folder, under that exact name', () => {
    const opened: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
        const path = `${dir}/${entry.name}`;
        if (entry.isDirectory()) walk(path);
        else if (path.endsWith('.ts')) {
          const text = readFileSync(join(root, path), 'utf8');
          for (const m of text.matchAll(/joinPath\(\s*(?:context\.|this\.)?extension(?:Uri|Path)\s*,\s*((?:'[^']*'\s*,?\s*)+)\)/g)) {
            opened.push(`${path}: ${[...m[1].matchAll(/'([^']*)'/g)].map((p) => p[1]).join('/')}`);
          }
        }
      }
    };
    walk('src');
    assert.ok(opened.some((o) => o.endsWith(': media/icon.png')), `found: ${opened.join(', ')}`);
    const missing = opened.filter((o) => {
      const target = o.slice(o.indexOf(': ') + 2);
      return !packaged.has(target) && ![...packaged].some((f) => f.startsWith(`${target}/`));
    });
    assert.deepEqual(missing, []);
  });

  it('carries nothing else: no source, tests, fixtures, source maps, test bundles, scripts or node_modules', () => {
    // The README's screenshots neither: VS Code's page of an installed extension drops relative image paths, so a
    // packaged screenshot is never shown there (they show once the links point at a public repository).
    const stray = [...packaged].filter((f) => /\.(ts|map|mjs|cjs|py)$/.test(f) || /^(src|servers|test|scripts|bench|types|node_modules|dist\/test|screenshots|docs)\//.test(f));
    assert.deepEqual(stray, []);
  });
});
