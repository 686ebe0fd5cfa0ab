import * as vscode from 'vscode';
import type { ExtensionDeps } from '../deps';
import { proposalFromArgument } from '../index/findCitationsCommand';
import { parseProposalPanelState } from './panelProtocol';
import { pickProposal } from './pickProposal';
import { PROPOSAL_VIEW_TYPE, ProposalPanelManager } from './proposalPanelManager';

/**
 * `egn.openProposal` (`'EGN-12'`, `12`, a tree node, or nothing for a quick pick) and the proposal
 * panels' serializer.
 */
export function registerProposalPanels(context: vscode.ExtensionContext, deps: ExtensionDeps): vscode.Disposable {
  const manager = new ProposalPanelManager(context.extensionUri, deps);
  const open = async (arg?: unknown): Promise<boolean> => {
    let proposal = proposalFromArgument(deps, arg);
    if (!proposal && arg !== undefined) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not a proposal of the catalogue.', typeof arg === 'object' ? '?' : String(arg)));
      return false;
    }
    proposal ??= await pickProposal(deps.catalogue, vscode.l10n.t('Open Proposal Details'));
    if (!proposal) {
      return false;
    }
    manager.show(proposal);
    return true;
  };
  return vscode.Disposable.from(
    manager,
    vscode.commands.registerCommand('egn.openProposal', open),
    vscode.window.registerWebviewPanelSerializer(PROPOSAL_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => manager.restore(panel, parseProposalPanelState(state)),
    }),
  );
}
