import * as vscode from 'vscode';
import type { ExtensionDeps } from '../deps';
import { proposalFromArgument } from '../core/proposalArguments';
import { cataloguesInUse } from '../catalogues/cataloguesInUse';

/** `egn.copyReference`: puts the canonical reference of a proposal (`EGN-12`, `FRA-2`) on the clipboard. */
export async function copyReference(deps: ExtensionDeps, arg: unknown): Promise<string | undefined> {
  const proposal = proposalFromArgument(cataloguesInUse(deps), arg);
  if (!proposal) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Choose a proposal of the catalogue to copy its reference.'));
    return undefined;
  }
  await vscode.env.clipboard.writeText(proposal.id);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0} to the clipboard.', proposal.id), 3000);
  return proposal.id;
}
