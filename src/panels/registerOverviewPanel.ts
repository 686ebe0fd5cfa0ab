import * as vscode from 'vscode';
import type { ExtensionDeps } from '../deps';
import { OVERVIEW_VIEW_TYPE, OverviewPanel } from './overviewPanel';

/** `egn.openOverview` and the overview's serializer. */
export function registerOverviewPanel(context: vscode.ExtensionContext, deps: ExtensionDeps): vscode.Disposable {
  const overview = new OverviewPanel(context.extensionUri, deps);
  return vscode.Disposable.from(
    overview,
    vscode.commands.registerCommand('egn.openOverview', () => {
      overview.show();
    }),
    vscode.window.registerWebviewPanelSerializer(OVERVIEW_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel) => overview.restore(panel),
    }),
  );
}
