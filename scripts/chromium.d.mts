// Types of chromium.mjs, for the TypeScript tests and benchmarks that start Chromium.
export declare const CHROMIUM: string;
export declare const CHROMIUM_ARGS: string[];
export declare function requireChromium(): void;
