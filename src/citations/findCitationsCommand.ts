import * as vscode from 'vscode';
import type { Proposal } from '../core/catalogue';
import type { ExtensionDeps } from '../deps';
import { citationLocations, referenceUnder } from './citationReferenceProvider';

/** A proposal of any catalogue in use, with its catalogue's prefix. */
interface Target {
  readonly proposal: Proposal;
  readonly prefix: string;
}

/** The EGN proposal, or that of another catalogue, an id names (`EGN-12`, `FRA-1`). */
function targetOfId(deps: ExtensionDeps, id: string): Target | undefined {
  const found = deps.catalogues?.current.proposal(id.trim());
  if (found) {
    return { proposal: found.proposal, prefix: found.catalogue.catalogue.prefix };
  }
  const proposal = deps.catalogue.byId(id.trim());
  return proposal && { proposal, prefix: deps.catalogue.prefix };
}

/**
 * The proposal an `egn.findCitations` argument designates: `'EGN-12'` or `'FRA-1'`, `12` (an EGN
 * proposal), a tree node or panel message with a `proposal` field (a `Proposal` or an id), or nothing.
 */
export function proposalFromArgument(deps: ExtensionDeps, arg: unknown): Proposal | undefined {
  return targetFromArgument(deps, arg)?.proposal;
}

function targetFromArgument(deps: ExtensionDeps, arg: unknown): Target | undefined {
  if (typeof arg === 'string') {
    return targetOfId(deps, arg);
  }
  if (typeof arg === 'number') {
    const proposal = deps.catalogue.byNumber(arg);
    return proposal && { proposal, prefix: deps.catalogue.prefix };
  }
  if (typeof arg === 'object' && arg !== null && 'proposal' in arg) {
    const p: unknown = (arg as { proposal: unknown }).proposal;
    if (typeof p === 'string' || typeof p === 'number') {
      return targetFromArgument(deps, p);
    }
    // A proposal of a workspace catalogue is known by its id (`FRA-1`); its number alone is the EGN's.
    if (typeof p === 'object' && p !== null && 'id' in p && typeof (p as { id: unknown }).id === 'string') {
      const byId = targetOfId(deps, (p as { id: string }).id);
      if (byId) {
        return byId;
      }
    }
    if (typeof p === 'object' && p !== null && 'number' in p && typeof (p as { number: unknown }).number === 'number') {
      return targetFromArgument(deps, (p as { number: number }).number);
    }
  }
  return undefined;
}

function targetUnderCursor(deps: ExtensionDeps): Target | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    return undefined;
  }
  const position = editor.selection.active;
  const ref = referenceUnder(deps, editor.document.lineAt(position.line).text, position.character);
  if (!ref) {
    return undefined;
  }
  const prefix = ref.prefix ?? deps.catalogue.prefix;
  const catalogue = deps.catalogues?.current.byPrefix(prefix)?.catalogue ?? deps.catalogue;
  const proposal = catalogue.byNumber(ref.number);
  return proposal && { proposal, prefix: catalogue.prefix };
}

async function pickProposal(deps: ExtensionDeps): Promise<Target | undefined> {
  const ready = deps.citations.isReady;
  const catalogues = deps.catalogues?.current.catalogues.map((c) => c.catalogue) ?? [deps.catalogue];
  const items = catalogues.flatMap((catalogue) =>
    catalogue.proposals.map((proposal) => ({
      label: proposal.id,
      description: ready ? vscode.l10n.t('Citations in the workspace: {0}', deps.citations.countOf(catalogue.prefix, proposal.number)) : proposal.theme.title,
      detail: proposal.title,
      target: { proposal, prefix: catalogue.prefix },
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
  let target = targetFromArgument(deps, arg);
  if (arg !== undefined && !target && (typeof arg === 'string' || typeof arg === 'number')) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not a proposal of the catalogue.', String(arg)));
    return [];
  }
  target ??= targetUnderCursor(deps) ?? (await pickProposal(deps));
  if (!target) {
    return [];
  }
  if (!(await deps.citations.ready())) {
    return [];
  }
  const locations = citationLocations(deps.citations, target.proposal.number, target.prefix);
  if (locations.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} is not cited in this workspace.', target.proposal.id));
    return [];
  }
  let editor = vscode.window.activeTextEditor;
  // From the tree (a node argument), peek from the first citation, never at the cursor of an unrelated file.
  if (!editor || (typeof arg === 'object' && arg !== null && targetUnderCursor(deps)?.proposal !== target.proposal)) {
    const first = locations[0];
    editor = await vscode.window.showTextDocument(first.uri, { selection: first.range });
  }
  await vscode.commands.executeCommand('editor.action.showReferences', editor.document.uri, editor.selection.active, locations);
  return locations;
}
