import * as vscode from 'vscode';
import { activateExtension, EgnApi } from './activateExtension';

export type { ApiProposal, EgnApi } from './activateExtension';

/** The Node entry point (desktop VS Code, remote and code-server): the shared wiring, Node host. */
export async function activate(context: vscode.ExtensionContext): Promise<EgnApi> {
  return activateExtension(context, { name: 'node' });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
