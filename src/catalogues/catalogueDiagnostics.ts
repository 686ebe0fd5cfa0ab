import * as vscode from 'vscode';
import type { CatalogueError } from '../core/catalogueLoader';
import type { CatalogueProblem } from '../core/catalogueSet';
import { catalogueErrorText } from './catalogueErrorText';
import type { WorkspaceCatalogues } from './workspaceCatalogues';

/** Stable code of the diagnostics of catalogue files (for filters and tests). */
export const CATALOGUE_DIAGNOSTIC_CODE = 'egn-catalogue';

/**
 * Shows the problems of catalogue files (syntax, schema, a prefix already taken, too large) in the
 * Problems panel, at the line and column of each fault, and clears them once the file loads or is
 * gone.
 */
export function registerCatalogueDiagnostics(catalogues: WorkspaceCatalogues): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('egn-catalogues');
  const publish = (problems: readonly CatalogueProblem[]): void => {
    collection.clear();
    for (const p of problems) {
      const uri = vscode.Uri.parse(p.source);
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === p.source);
      collection.set(uri, p.errors.map((e) => toDiagnostic(e, document)));
    }
  };
  publish(catalogues.problems);
  return vscode.Disposable.from(collection, catalogues.onDidChangeProblems(publish));
}

/**
 * A diagnostic from the word at the error's position to the end of that word (or of its line when
 * the document is not open, or past it), so that the squiggle sits under the faulty key or value.
 */
function toDiagnostic(error: CatalogueError, document: vscode.TextDocument | undefined): vscode.Diagnostic {
  const start = new vscode.Position(Math.max(0, error.line - 1), Math.max(0, error.column - 1));
  let range = new vscode.Range(start, start.translate(0, 1));
  if (document && start.line < document.lineCount) {
    const word = document.getWordRangeAtPosition(start, /[^\s:,[\]{}]+/);
    const line = document.lineAt(start.line);
    range = word ?? new vscode.Range(start, line.range.end.isAfter(start) ? line.range.end : start);
  }
  const diagnostic = new vscode.Diagnostic(range, catalogueErrorText(error), vscode.DiagnosticSeverity.Error);
  diagnostic.source = 'EGN';
  diagnostic.code = CATALOGUE_DIAGNOSTIC_CODE;
  return diagnostic;
}
