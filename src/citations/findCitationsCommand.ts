import * as vscode from 'vscode';
import { CatalogueProposal, catalogueProposalFromArgument } from '../core/proposalArguments';
import type { ExtensionDeps } from '../deps';
import { cataloguesInUse, referenceUnderCursor } from '../catalogues/cataloguesInUse';
import { citationLocations } from './citationReferenceProvider';

async function pickProposal(deps: ExtensionDeps): Promise<CatalogueProposal | undefined> {
  const ready = deps.citations.isReady;
  const items = cataloguesInUse(deps).catalogues.flatMap((loaded) =>
    loaded.catalogue.proposals.map((proposal) => ({
      label: proposal.id,
      description: ready ? vscode.l10n.t('Citations in the workspace: {0}', deps.citations.countOf(loaded.catalogue.prefix, proposal.number)) : proposal.theme.title,
      detail: proposal.title,
      target: { catalogue: loaded, proposal },
    })),
  );
  const chosen = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Find Citations in Workspace'),
    placeHolder: vscode.l10n.t('Proposal whose citations to find'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return chosen?.target;
}

/**
 * `egn.findCitations`: shows every citation of a proposal, of any catalogue in use, in the
 * references peek (from the tree, or with no editor open, from its first citation, opened).
 * Resolves to the locations shown.
 */
export async function findCitations(deps: ExtensionDeps, arg?: unknown): Promise<vscode.Location[]> {
  let target = catalogueProposalFromArgument(cataloguesInUse(deps), arg);
  if (arg !== undefined && !target && (typeof arg === 'string' || typeof arg === 'number')) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not a proposal of the catalogue.', String(arg)));
    return [];
  }
  target ??= referenceUnderCursor(deps, 'references')?.target ?? (await pickProposal(deps));
  if (!target) {
    return [];
  }
  if (!(await deps.citations.ready())) {
    return [];
  }
  const locations = citationLocations(deps.citations, target.proposal.number, target.catalogue.catalogue.prefix);
  if (locations.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} is not cited in this workspace.', target.proposal.id));
    return [];
  }
  let editor = vscode.window.activeTextEditor;
  // From the tree (a node argument), peek from the first citation, never at the cursor of an unrelated file.
  if (!editor || (typeof arg === 'object' && arg !== null && referenceUnderCursor(deps, 'references')?.target?.proposal !== target.proposal)) {
    const first = locations[0];
    editor = await vscode.window.showTextDocument(first.uri, { selection: first.range });
  }
  await vscode.commands.executeCommand('editor.action.showReferences', editor.document.uri, editor.selection.active, locations);
  return locations;
}
