import * as vscode from 'vscode';
import type { CatalogueNode } from './catalogueNode';

/** The command of a proposal row: opens the selected row's proposal. */
export const OPEN_SELECTED_PROPOSAL = 'egn.openSelectedProposal';
/** How long a click waits for the extension host to know its row again after a refresh of the tree. */
const SELECTION_WAIT_MS = 2_000;
const SELECTION_POLL_MS = 25;

/**
 * Why a row's command takes no argument. A tree item's command with arguments is sent to the workbench
 * as a reference into the extension host's cache of this tree's rows (VS Code's `CommandsConverter`),
 * and every refresh of the tree empties that cache before the workbench has the new rows: a click on
 * a row during a refresh (the index's counts arrive, a document is typed in) then selected the row and
 * opened nothing ("Actual command not found"). A command without arguments is sent as it is; the
 * workbench sets the tree's selection before it runs the command, so the command reads the row from
 * the view's selection, which the extension host resolves again as soon as the refreshed rows are
 * registered (polled: VS Code says nothing when that happens).
 */
export async function openSelectedProposal(view: vscode.TreeView<CatalogueNode>): Promise<boolean> {
  const deadline = Date.now() + SELECTION_WAIT_MS;
  for (;;) {
    const selected = view.selection;
    if (selected.length === 1 && selected[0].kind === 'proposal') {
      // A preview, that the next single click replaces; a double-click keeps it (see ProposalPanelManager).
      return (await vscode.commands.executeCommand<boolean>('egn.openProposal', selected[0].proposal.id, { preview: true })) === true;
    }
    if (selected.length > 0 || Date.now() > deadline) {
      return false;
    }
    await new Promise((resolve) => setTimeout(resolve, SELECTION_POLL_MS));
  }
}
