import * as vscode from 'vscode';

/** The languages of `egn.languages`: the documents whose references the features handle. */
export function egnLanguages(): readonly string[] {
  const value = vscode.workspace.getConfiguration('egn').get<unknown>('languages');
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
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
