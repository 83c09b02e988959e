// The charset-name check (servers/shared/charset-name.ts), loaded the first time a files.encoding names a charset to
// check. It holds iconv-lite's tables, about 0.5 MB: bundled into the extension they were parsed at every activation,
// though most people never set files.encoding to a legacy charset. In the built extension it is its own bundle next to
// this one (dist/charset-name.js, esbuild.mjs), as the logs server loads dockerode; run from the sources (tests) it is
// the module itself. The path is put together at run time so that esbuild does not bundle it back in.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

type CharsetNameModule = typeof import('../../servers/shared/charset-name');

let loaded: CharsetNameModule | undefined;

/**
 * legacyCharsetName of servers/shared/charset-name.ts, loaded on first call: the iconv-lite name of a legacy charset,
 * undefined for UTF-8; throws an Error naming the problem for a name the logs server cannot decode in.
 */
export function legacyCharsetName(name: string): string | undefined {
  loaded ??= load();
  return loaded.legacyCharsetName(name);
}

/** Whether the check's module is loaded (activation must not load it: test/unit/packaging.test.ts). */
export function charsetCheckLoaded(): boolean {
  return loaded !== undefined;
}

function load(): CharsetNameModule {
  const bundled = join(__dirname, 'charset-name.js');
  const source = join(__dirname, '..', '..', 'servers', 'shared', 'charset-name');
  return require(existsSync(bundled) ? bundled : source) as CharsetNameModule;
}
