import * as vscode from 'vscode';
import { isEgnDocument as appliesTo, languagesFromSetting } from '../core/egnLanguages';

/** The value of `egn.languages`, or the defaults (the decision is `languagesFromSetting`'s). */
function readEgnLanguages(): readonly string[] {
  return languagesFromSetting(vscode.workspace.getConfiguration('egn').get('languages'));
}

/**
 * Whether a document is one the features handle, as writing support decides it (`WritingLanguages`, which
 * owns the `egn.activeLanguage` context key and so is not instantiated twice).
 */
export function isEgnDocument(document: vscode.TextDocument): boolean {
  return appliesTo(readEgnLanguages(), document.languageId, document.uri.scheme);
}

/**
 * Registers a provider on the documents of `egn.languages` and registers it again when the
 * setting changes, so that a new language works without a reload.
 */
export function registerOnEgnLanguages(register: (selector: vscode.DocumentSelector) => vscode.Disposable): vscode.Disposable {
  const selectorOf = (): vscode.DocumentFilter[] => readEgnLanguages().map((language) => ({ language }));
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
