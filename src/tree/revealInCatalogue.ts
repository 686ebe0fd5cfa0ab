import * as vscode from 'vscode';
import type { Proposal, SubTheme, Theme } from '../core/catalogue';
import type { ExtensionDeps } from '../deps';
import { proposalFromArgument } from '../core/proposalArguments';
import { cataloguesInUse, referenceUnderCursor } from '../catalogues/cataloguesInUse';
import type { CatalogueNode } from './catalogueNode';
import type { CatalogueTreeProvider } from './catalogueTreeProvider';

/** What `egn.revealInCatalogue` was asked to show: a proposal (`'EGN-12'`, `12`, a node), or a theme or sub-theme id. */
function target(deps: ExtensionDeps, arg: unknown): Proposal | Theme | SubTheme | undefined {
  const proposal = proposalFromArgument(cataloguesInUse(deps), arg);
  if (proposal) {
    return proposal;
  }
  if (typeof arg === 'string') {
    return deps.catalogue.groupById(arg.trim());
  }
  return undefined;
}

/**
 * `egn.revealInCatalogue`: selects a proposal (or a theme, for the overview) in the tree, opening
 * its parents. Without an argument, the reference under the editor cursor. A filter that hides the
 * target is cleared first.
 */
export async function revealInCatalogue(deps: ExtensionDeps, provider: CatalogueTreeProvider, view: vscode.TreeView<CatalogueNode>, arg: unknown): Promise<boolean> {
  let item: Proposal | Theme | SubTheme | undefined;
  if (arg === undefined) {
    const under = referenceUnderCursor(deps, 'reveal');
    if (!under?.target) {
      void vscode.window.showInformationMessage(under === undefined
        ? vscode.l10n.t('Place the cursor on a reference such as {0} to reveal it in the catalogue.', deps.scanner.canonical(deps.catalogue.range.min))
        : vscode.l10n.t('{0} is not a proposal of the catalogue.', deps.scanner.canonical(under.number)));
      return false;
    }
    item = under.target.proposal;
  } else {
    item = target(deps, arg);
    if (!item) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Nothing in the catalogue matches {0}.', String(arg)));
      return false;
    }
  }
  const proposals = 'number' in item ? [item] : item.proposals;
  const visible = new Set(provider.visibleProposals());
  if (!proposals.some((p) => visible.has(p))) {
    provider.setQuery(undefined);
    if (!proposals.some((p) => new Set(provider.visibleProposals()).has(p))) {
      await vscode.commands.executeCommand('setContext', 'egn.uncitedOnly', false);
      provider.setUncitedOnly(false);
    }
  }
  let node = provider.nodeOf(item);
  if (!node) {
    // The bundled catalogue hidden by egn.catalogues.showBundled.
    void vscode.window.showInformationMessage(vscode.l10n.t('This catalogue is hidden from the view (setting egn.catalogues.showBundled).'));
    return false;
  }
  // VS Code (1.100) drops a reveal without a word when the tree refreshes while it runs: the rows
  // it resolved are replaced before it selects. The index refreshes the tree whenever the citations
  // change (a file saved, the first build ending), so a click on "Reveal" could do nothing; then
  // reveal again, once that refresh is in (a reveal waits for the refreshes asked before it). The
  // outcome decides, not only the refreshes seen: a loaded machine showed a reveal dropped with none
  // counted during it. Should the view's selection arrive only after the reveal resolves, the
  // reveal just runs again on a row already selected, which changes nothing on screen.
  for (let attempt = 1; node; attempt++) {
    const refreshes = provider.refreshCount;
    await view.reveal(node, { select: true, focus: true, expand: node.kind !== 'proposal' });
    const id = node.id;
    const selected = view.selection.some((n) => n.id === id);
    if ((selected && provider.refreshCount === refreshes) || attempt === MAX_REVEALS) {
      break;
    }
    node = provider.nodeOf(item);
  }
  return true;
}

/** Reveals tried while the tree keeps refreshing (each refresh needs the index to change again). */
const MAX_REVEALS = 5;
