import * as vscode from 'vscode';
import type { ExtensionDeps } from '../deps';
import { OverviewPanel } from './overviewPanel';

/** `egn.openOverview` and the overview's serializer. */
export function registerOverviewPanel(context: vscode.ExtensionContext, deps: ExtensionDeps): vscode.Disposable {
  const overview = new OverviewPanel(context.extensionUri, deps);
  return vscode.Disposable.from(
    overview,
    vscode.commands.registerCommand('egn.openOverview', () => {
      overview.show();
    }),
    overview.registerSerializer(),
  );
}
