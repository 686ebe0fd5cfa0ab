import * as vscode from 'vscode';
import type { ExtensionDeps } from '../deps';
import { pickProposals } from './proposalQuickPick';

/**
 * `egn.replaceReference(uri, range, prefix?)`: the quick fix for a reference to a proposal that does
 * not exist. Asks for the intended proposal (of the catalogue whose prefix is given, the EGN by
 * default) and writes its canonical id in place of the range.
 */
export function registerReplaceReferenceCommand(deps: ExtensionDeps): vscode.Disposable {
  return vscode.commands.registerCommand('egn.replaceReference', async (uri: unknown, range: unknown, prefix?: unknown): Promise<boolean> => {
    if (!(uri instanceof vscode.Uri) || !(range instanceof vscode.Range)) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Replace Reference needs a document and a range: use it from the quick fix of an EGN warning.'));
      return false;
    }
    const doc = await vscode.workspace.openTextDocument(uri);
    const written = doc.getText(range);
    const catalogue = (typeof prefix === 'string' ? deps.catalogues?.current.byPrefix(prefix)?.catalogue : undefined) ?? deps.catalogue;
    const picked = await pickProposals(catalogue, {
      title: vscode.l10n.t('Replace {0} with', written),
      placeholder: vscode.l10n.t('Type words of a title, a theme or a number'),
      canPickMany: false,
    });
    const proposal = picked?.[0];
    if (!proposal) {
      return false;
    }
    // The text may have changed while the list was open: replace only what the fix was about.
    if (doc.getText(range) !== written) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} changed meanwhile: nothing was replaced.', written));
      return false;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, range, proposal.id);
    return vscode.workspace.applyEdit(edit);
  });
}
