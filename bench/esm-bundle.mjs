// One ESM bundle of TypeScript modules for the benchmarks, which import it in their own process.
import * as esbuild from 'esbuild';
import { pathToFileURL } from 'node:url';

// CommonJS dependencies bundled into ESM (iconv-lite's `require('buffer')`) need a `require`: esbuild's ESM output has
// none, so each bundle makes one from its own URL.
const REQUIRE_BANNER = "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);";

/**
 * Bundles `contents` (TypeScript export lines, resolved from `resolveDir`) into `outfile` and returns the file's URL
 * for `import()`. Errors: esbuild's build failure, as thrown by esbuild.
 */
export async function bundleForBench(contents, resolveDir, outfile) {
  await esbuild.build({ stdin: { contents, resolveDir, loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', outfile, banner: { js: REQUIRE_BANNER }, logLevel: 'silent' });
  return pathToFileURL(outfile).href;
}
