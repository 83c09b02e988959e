// Types for install.mjs.
export declare function missingParts(): string[];
export declare function ensureToolchain(): void;
