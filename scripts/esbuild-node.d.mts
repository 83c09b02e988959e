// Types of esbuild-node.mjs for the TypeScript that imports it (the bundle test).
import type { BuildOptions, Plugin } from 'esbuild';

export declare const optionalNativeAddons: Plugin;
export declare function nodeBundleOptions(production: boolean): BuildOptions;
