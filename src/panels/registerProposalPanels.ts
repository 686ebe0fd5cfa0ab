import * as vscode from 'vscode';
import type { ExtensionDeps } from '../deps';
import { catalogueProposalFromArgument } from '../core/proposalArguments';
import { cataloguesInUse } from '../catalogues/cataloguesInUse';
import { pickProposal } from './pickProposal';
import { ProposalPanelManager } from './proposalPanelManager';
import { registerTestHook } from '../testHooks';

/**
 * `egn.openProposal` (`'EGN-12'`, `12`, a tree node, or nothing for a quick pick; it opens in the
 * preview, `{ preview: false }` as second argument for a kept panel), `egn.keepProposalOpen`, the proposal panels' serializer, and
 * `egn._proposalPanels`, `egn._proposalPanelMessage` and `egn._proposalPanelHtml` for the tests (internal, not in the manifest).
 */
export function registerProposalPanels(context: vscode.ExtensionContext, deps: ExtensionDeps): vscode.Disposable {
  const manager = new ProposalPanelManager(context.extensionUri, deps);
  const open = async (arg?: unknown, options?: unknown): Promise<boolean> => {
    let found = catalogueProposalFromArgument(cataloguesInUse(deps), arg);
    if (!found && arg !== undefined) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not a proposal of the catalogue.', typeof arg === 'object' ? '?' : String(arg)));
      return false;
    }
    if (!found) {
      const picked = await pickProposal(deps.catalogue, vscode.l10n.t('Open Proposal Details'));
      found = picked ? catalogueProposalFromArgument(cataloguesInUse(deps), picked.id) : undefined;
    }
    if (!found) {
      return false;
    }
    // Every way of opening previews (the manager decides where); only `{ preview: false }` keeps a panel.
    const preview = !(typeof options === 'object' && options !== null && (options as { preview?: unknown }).preview === false);
    manager.show(found, { preview });
    return true;
  };
  return vscode.Disposable.from(
    manager,
    vscode.commands.registerCommand('egn.openProposal', open),
    vscode.commands.registerCommand('egn.keepProposalOpen', () => manager.keepOpen()),
    registerTestHook(context, 'egn._proposalPanels', () => manager.describe()),
    // As if the panel of `id` had sent `raw`; addresses are recorded, not opened.
    registerTestHook(context, 'egn._proposalPanelMessage', async (id: unknown, raw: unknown) =>
      typeof id === 'string' ? manager.deliver(id, raw, () => Promise.resolve(true)) : undefined),
    registerTestHook(context, 'egn._proposalPanelHtml', (id: unknown) => typeof id === 'string' ? manager.html(id) : undefined),
    manager.registerSerializer(),
  );
}
