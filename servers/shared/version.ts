// The version every server reports in its MCP handshake: the extension's, read once from package.json
// (esbuild inlines just this field into each bundle).
import { version } from '../../package.json';

export const SERVER_VERSION: string = version;
