// The extension's version as written once, in package.json. esbuild bundles only this field of
// the JSON file (named imports of JSON are tree-shaken); tsx reads the same file in tests.
import { version } from '../package.json';

/** Semver string, e.g. "0.1.0"; sent as the MCP client version and the VS Code MCP definition version. */
export const VERSION: string = version;
