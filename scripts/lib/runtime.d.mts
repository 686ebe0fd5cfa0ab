/** Type declarations for runtime.mjs, for the TypeScript tests that import it. */
export const repoRoot: string;
export function ensureSystemPackages(): void;
export function runtimeDir(): string;
export function ensureRuntime(): string;
export function runtimeRequire(dir?: string): (id: string) => unknown;
export const languagePackPackages: { readonly fr: string };
export function ensureLanguagePack(runtime: string, locale: 'fr'): { dir: string; id: string; translations: Record<string, string> };
