/** Types of readmeImages.mjs for the TypeScript tests. */
export declare const readmeScreenshots: Readonly<Record<string, string>>;
export declare const readmes: readonly string[];
export declare function imageSources(markdown: string): string[];
export declare function readmeImageProblems(root: string, opts?: { requireCommitted?: boolean }): string[];
