import * as vscode from 'vscode';
import { activateExtension, EgnApi } from '../activateExtension';

export type { ApiCatalogue, ApiProposal, EgnApi } from '../activateExtension';

/**
 * The browser entry point (the web-worker extension host of vscode.dev, github.dev and online VS
 * Code): the same wiring as the Node entry; bundled by scripts/build.mjs for `platform: browser`,
 * so nothing it imports may need a Node built-in (test/unit/browserBundle.test.ts checks it).
 */
export async function activate(context: vscode.ExtensionContext): Promise<EgnApi> {
  return activateExtension(context, { name: 'web' });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
