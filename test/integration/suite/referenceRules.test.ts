import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, until } from './support';

/** The diagnostics the extension gives `uri`. */
function egnDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'EGN');
}

describe('One rule table for every catalogue in use, in the real host', () => {
  before(async () => {
    await activateExtension();
  });
  afterEach(closeAllEditors);

  it('hints at a workspace catalogue\'s non-canonical form as at the EGN\'s, and fixes it to that catalogue\'s canonical id', async () => {
    const config = vscode.workspace.getConfiguration('egn');
    await config.update('diagnostics.nonCanonicalHint', true, vscode.ConfigurationTarget.Workspace);
    try {
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Voir FRA 3 et EGN 12.\nPuis FRA-2 et FRA-14.\n' });
      await vscode.window.showTextDocument(doc);
      const rows = (): string[] => egnDiagnostics(doc.uri).map((d) => `${String(d.code)} ${vscode.DiagnosticSeverity[d.severity]} ${doc.getText(d.range)}`).sort();
      await until('the hints and the warning', () => rows().length === 3);
      assert.deepStrictEqual(rows(), [
        'egn.nonCanonical Hint EGN 12',
        'egn.nonCanonical Hint FRA 3',
        'egn.unknownCatalogueProposal Warning FRA-14',
      ]);
      const hint = egnDiagnostics(doc.uri).find((d) => doc.getText(d.range) === 'FRA 3')!;
      const fix = await until('the "Write as FRA-3" quick fix', async () => {
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, hint.range, vscode.CodeActionKind.QuickFix.value);
        return actions.find((a) => a.title === 'Write as FRA-3');
      });
      assert.ok(fix.edit && await vscode.workspace.applyEdit(fix.edit));
      assert.strictEqual(doc.lineAt(0).text, 'Voir FRA-3 et EGN 12.');
    } finally {
      await config.update('diagnostics.nonCanonicalHint', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
