import * as vscode from 'vscode';
import { activateExtension, EgnApi } from './activateExtension';
import { createNodeFolderReader } from './node/nodeFolderReader';
import { createNodePandocRunner } from './node/nodePandocRunner';
import { OfficeReader } from './node/officeReader';

export type { ApiCatalogue, ApiProposal, EgnApi } from './activateExtension';

/** The Node entry point (desktop VS Code, remote and code-server): the shared wiring, Node host. */
export async function activate(context: vscode.ExtensionContext): Promise<EgnApi> {
  return activateExtension(context, {
    name: 'node',
    // Folders on disk are read by ripgrep, or Node's fs in threads (the web host has neither).
    createFolderReader: (catalogue) => createNodeFolderReader(vscode.env.appRoot, catalogue),
    pandoc: createNodePandocRunner(),
    // Word, LibreOffice and PDF documents are extracted in a thread of their own (dist/officeWorker.js).
    createOfficeReader: () => new OfficeReader(),
  });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
