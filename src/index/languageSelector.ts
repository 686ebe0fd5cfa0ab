import * as vscode from 'vscode';

/** Languages used when the setting is missing or not a list of strings (as writing support does). */
const DEFAULT_LANGUAGES: readonly string[] = ['markdown', 'plaintext', 'latex', 'restructuredtext', 'asciidoc'];

/**
 * The languages of `egn.languages`: the documents whose references the features handle. Same
 * reading as writing support's `WritingLanguages`, which owns the `egn.activeLanguage` context key
 * and so is not instantiated twice.
 */
export function egnLanguages(): readonly string[] {
  const value = vscode.workspace.getConfiguration('egn').get<unknown>('languages');
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : DEFAULT_LANGUAGES;
}

/** Whether a document's language is one of `egn.languages`. */
export function isEgnDocument(document: vscode.TextDocument): boolean {
  return egnLanguages().includes(document.languageId);
}

/**
 * Registers a provider on the documents of `egn.languages` and registers it again when the
 * setting changes, so that a new language works without a reload.
 */
export function registerOnEgnLanguages(register: (selector: vscode.DocumentSelector) => vscode.Disposable): vscode.Disposable {
  const selectorOf = (): vscode.DocumentFilter[] => egnLanguages().map((language) => ({ language }));
  let registration = register(selectorOf());
  const listener = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('egn.languages')) {
      registration.dispose();
      registration = register(selectorOf());
    }
  });
  return new vscode.Disposable(() => {
    listener.dispose();
    registration.dispose();
  });
}
