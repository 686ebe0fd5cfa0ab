/** Type declarations for runtime.mjs, for the TypeScript tests that import it. */
export const repoRoot: string;
export function ensureSystemPackages(): void;
export function runtimeDir(): string;
export function ensureRuntime(): string;
export function runtimeRequire(dir?: string): (id: string) => unknown;
