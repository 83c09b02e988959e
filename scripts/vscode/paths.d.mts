// Types for paths.mjs.
export declare const repoRoot: string;
export declare const toolDir: string;
export declare const NODE_VERSION: string;
export declare const CODE_SERVER_RANGE: string;
export declare const nodeDir: string;
export declare const nodeBin: string;
export declare const nodePackageSpec: string;
export declare const codeServerDir: string;
export declare const codeServerEntry: string;
export declare function chromiumPath(): string | undefined;
export declare const extensionDevelopmentPath: string;
export declare const extensionTestsPath: string;
/** Test-only extensions the extension-test runner loads beside ours (the scripted language model). */
export declare const testExtensionPaths: string[];
/** test/fixtures/scripted-model-extension: a VS Code language model that plays scripted turns. */
export declare const scriptedModelExtensionPath: string;
