import * as vscode from 'vscode';
import type { Proposal } from '../core/catalogue';
import type { ExtensionDeps } from '../deps';
import { citationLocations } from './citationReferenceProvider';

/**
 * The proposal an `egn.findCitations` argument designates: `'EGN-12'`, `12`, a tree node or panel
 * message with a `proposal` field (a `Proposal` or an id), or nothing.
 */
export function proposalFromArgument(deps: ExtensionDeps, arg: unknown): Proposal | undefined {
  if (typeof arg === 'string') {
    return deps.catalogue.byId(arg.trim());
  }
  if (typeof arg === 'number') {
    return deps.catalogue.byNumber(arg);
  }
  if (typeof arg === 'object' && arg !== null && 'proposal' in arg) {
    const p: unknown = (arg as { proposal: unknown }).proposal;
    if (typeof p === 'string' || typeof p === 'number') {
      return proposalFromArgument(deps, p);
    }
    if (typeof p === 'object' && p !== null && 'number' in p && typeof (p as { number: unknown }).number === 'number') {
      return deps.catalogue.byNumber((p as { number: number }).number);
    }
  }
  return undefined;
}

function proposalUnderCursor(deps: ExtensionDeps): Proposal | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    return undefined;
  }
  const position = editor.selection.active;
  const ref = deps.scanner.referenceAt(editor.document.lineAt(position.line).text, position.character);
  return ref ? deps.catalogue.byNumber(ref.number) : undefined;
}

async function pickProposal(deps: ExtensionDeps): Promise<Proposal | undefined> {
  const counts = deps.citations.isReady ? deps.citations.counts() : undefined;
  const items = deps.catalogue.proposals.map((proposal) => ({
    label: proposal.id,
    description: counts ? vscode.l10n.t('Citations in the workspace: {0}', counts.get(proposal.number) ?? 0) : proposal.theme.title,
    detail: proposal.title,
    proposal,
  }));
  const chosen = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Find Citations in Workspace'),
    placeHolder: vscode.l10n.t('Proposal whose citations to find'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return chosen?.proposal;
}

/**
 * `egn.findCitations`: shows every citation of a proposal in the references peek (from the tree, or
 * with no editor open, from its first citation, opened). Resolves to the locations shown.
 */
export async function findCitations(deps: ExtensionDeps, arg?: unknown): Promise<vscode.Location[]> {
  let proposal = proposalFromArgument(deps, arg);
  if (arg !== undefined && !proposal && (typeof arg === 'string' || typeof arg === 'number')) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not a proposal of the catalogue.', String(arg)));
    return [];
  }
  proposal ??= proposalUnderCursor(deps) ?? (await pickProposal(deps));
  if (!proposal) {
    return [];
  }
  if (!(await deps.citations.ready())) {
    return [];
  }
  const locations = citationLocations(deps.citations, proposal.number);
  if (locations.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} is not cited in this workspace.', proposal.id));
    return [];
  }
  let editor = vscode.window.activeTextEditor;
  // From the tree (a node argument), peek from the first citation, never at the cursor of an unrelated file.
  if (!editor || (typeof arg === 'object' && arg !== null && proposalUnderCursor(deps) !== proposal)) {
    const first = locations[0];
    editor = await vscode.window.showTextDocument(first.uri, { selection: first.range });
  }
  await vscode.commands.executeCommand('editor.action.showReferences', editor.document.uri, editor.selection.active, locations);
  return locations;
}
