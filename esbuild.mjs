// One build for everything that ships: the extension, each MCP server as a standalone
// Node bundle, the webview script, and the extension-host test bundle.
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';
import { nodeBundleOptions } from './scripts/esbuild-node.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const nodeDefaults = nodeBundleOptions(production);

/** Prints errors in the "file:line:col: error: text" shape that VS Code's $esbuild-watch problem matcher reads. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

// Every entry point is listed outright: a missing one fails the build instead of dropping a bundle.
const configs = [
  { ...nodeDefaults, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  // The files.encoding check with iconv-lite's tables (0.5 MB): the extension loads it only when a setting names a
  // charset to check (src/mcp/charset-check.ts), not at every activation.
  { ...nodeDefaults, entryPoints: { 'charset-name': 'servers/shared/charset-name.ts' }, outdir: 'dist' },
  ...['git', 'logs', 'system'].map((name) => ({
    ...nodeDefaults,
    entryPoints: { [name]: `servers/${name}/index.ts` },
    outdir: 'dist/servers',
    banner: { js: '#!/usr/bin/env node' },
    // The logs server loads dockerode from its own bundle, logs-dockerode.js, only when it first talks to Docker.
    ...(name === 'logs' ? { external: ['dockerode'] } : {}),
  })),
  // dockerode with ssh2 and grpc-js: about 1 MB that would add 0.4 s and 7 MB to every start of the logs server if
  // bundled into it (servers/logs/sources/docker/client.ts loads it).
  { ...nodeDefaults, entryPoints: { 'logs-dockerode': createRequire(import.meta.url).resolve('dockerode') }, outdir: 'dist/servers' },
  // The logs server's scan worker thread: a small bundle of its own, so a worker does not load the SDK and zod again.
  { ...nodeDefaults, entryPoints: { 'logs-scan-worker': 'servers/logs/scan-worker.ts' }, outdir: 'dist/servers' },
  {
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    minify: production,
    sourcemap: production ? false : 'linked',
    sourcesContent: !production,
    logLevel: 'silent',
    entryPoints: { chat: 'media/chat/main.ts' },
    outdir: 'dist/webview',
  },
];
if (!production) {
  configs.push({
    ...nodeDefaults,
    entryPoints: ['test/extension/index.ts', 'test/extension/**/*.test.ts'],
    outdir: 'dist/test/extension',
    outbase: 'test/extension',
    external: ['vscode', 'mocha'],
  });
}

if (watch) {
  const contexts = await Promise.all(configs.map((c) => esbuild.context({ ...c, plugins: [...(c.plugins ?? []), problemMatcherPlugin] })));
  await Promise.all(contexts.map((ctx) => ctx.watch()));
} else {
  try {
    await Promise.all(configs.map((c) => esbuild.build(c)));
  } catch (error) {
    for (const e of error.errors ?? []) console.error(`✘ ${e.location?.file}:${e.location?.line}: ${e.text}`);
    if (!error.errors) console.error(error);
    process.exit(1);
  }
  console.log(`built ${configs.length} bundles${production ? ' (production)' : ''}`);
}
