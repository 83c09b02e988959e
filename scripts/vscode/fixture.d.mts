// Types for fixture.mjs.
export declare function createFixtureWorkspace(target?: string): string;
