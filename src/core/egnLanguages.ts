/** Languages used when the setting `egn.languages` is missing or not a list of strings. */
export const DEFAULT_EGN_LANGUAGES: readonly string[] = ['markdown', 'plaintext', 'latex', 'restructuredtext', 'asciidoc'];

/** Schemes whose documents are views of something else (diffs, output), not text a person writes. */
const NOT_AUTHORED_SCHEMES: ReadonlySet<string> = new Set(['git', 'output', 'debug', 'vscode-scm', 'gitfs', 'merge-conflict.conflict-diff']);

/** The languages the setting `egn.languages` names, or the defaults when its value is not a list of strings. */
export function languagesFromSetting(value: unknown): readonly string[] {
  return Array.isArray(value) && value.every((l) => typeof l === 'string') ? (value as string[]) : DEFAULT_EGN_LANGUAGES;
}

/**
 * Whether the extension's features apply to a document: its language is one of `languages` and it is text a
 * person writes (not a diff's or an output's view of it). The one decision behind writing support, the status
 * bar and find all references, so that they never disagree on a document.
 */
export function isEgnDocument(languages: readonly string[], languageId: string, scheme: string): boolean {
  return languages.includes(languageId) && !NOT_AUTHORED_SCHEMES.has(scheme);
}
