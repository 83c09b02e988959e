// Types for fixture.mjs.
export declare function createFixtureWorkspace(target?: string): string;
export declare const MULTI_ROOT_REPOSITORIES: ReadonlyArray<{ path: string; name?: string; subjects: readonly string[] }>;
export declare function createMultiRootWorkspace(): string;
export declare function createLinkedWorktree(): string;
