// The esbuild options of every Node bundle (the extension, each MCP server, the scan worker, the extension-host
// tests), shared by esbuild.mjs and the test that runs a bundled Docker source (test/servers/logs/docker-bundle.test.ts).

/**
 * Native addons that bundled packages load only if present: ssh2's crypto binding and cpu-features (dockerode's
 * client for ssh:// Docker hosts), each required inside try/catch with a JavaScript fallback. A .vsix carries no
 * node_modules and one build serves every platform, so each `.node` require becomes a module that throws, and the
 * package's fallback runs (esbuild would otherwise fail: it has no loader for .node files).
 */
export const optionalNativeAddons = {
  name: 'optional-native-addons',
  setup(build) {
    build.onResolve({ filter: /\.node$/ }, (args) => ({ path: args.path, namespace: 'optional-native-addon' }));
    build.onLoad({ filter: /.*/, namespace: 'optional-native-addon' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`the native addon ${args.path} is not bundled (its package falls back to JavaScript)`)});`,
      loader: 'js',
    }));
  },
};

/** Options of a Node bundle; `production` minifies and drops source maps. */
export function nodeBundleOptions(production) {
  return {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: production,
    sourcemap: production ? false : 'linked',
    sourcesContent: !production,
    logLevel: 'silent',
    plugins: [optionalNativeAddons],
  };
}
