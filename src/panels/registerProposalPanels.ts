import * as vscode from 'vscode';
import type { ExtensionDeps } from '../deps';
import { proposalFromArgument } from '../core/proposalArguments';
import { parseProposalPanelState } from './panelProtocol';
import { pickProposal } from './pickProposal';
import { PROPOSAL_VIEW_TYPE, ProposalPanelManager } from './proposalPanelManager';

/**
 * `egn.openProposal` (`'EGN-12'`, `12`, a tree node, or nothing for a quick pick; `{ preview: true }`
 * as second argument for a preview), `egn.keepProposalOpen`, the proposal panels' serializer, and
 * `egn._proposalPanels` for the tests (internal, not in the manifest).
 */
export function registerProposalPanels(context: vscode.ExtensionContext, deps: ExtensionDeps): vscode.Disposable {
  const manager = new ProposalPanelManager(context.extensionUri, deps);
  const open = async (arg?: unknown, options?: unknown): Promise<boolean> => {
    let proposal = proposalFromArgument(deps.catalogue, arg);
    if (!proposal && arg !== undefined) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not a proposal of the catalogue.', typeof arg === 'object' ? '?' : String(arg)));
      return false;
    }
    proposal ??= await pickProposal(deps.catalogue, vscode.l10n.t('Open Proposal Details'));
    if (!proposal) {
      return false;
    }
    // The catalogue's rows pass { preview: true }: a single click previews, as in the Explorer.
    const preview = typeof options === 'object' && options !== null && (options as { preview?: unknown }).preview === true;
    manager.show(proposal, { preview });
    return true;
  };
  return vscode.Disposable.from(
    manager,
    vscode.commands.registerCommand('egn.openProposal', open),
    vscode.commands.registerCommand('egn.keepProposalOpen', () => manager.keepOpen()),
    vscode.commands.registerCommand('egn._proposalPanels', () => manager.describe()),
    vscode.window.registerWebviewPanelSerializer(PROPOSAL_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => manager.restore(panel, parseProposalPanelState(state)),
    }),
  );
}
