import * as vscode from 'vscode';
import { activateExtension, EgnApi } from '../activateExtension';
import { readOfficeDocument } from '../core/office/readOfficeDocument';

export type { ApiCatalogue, ApiProposal, EgnApi } from '../activateExtension';

/**
 * The browser entry point (the web-worker extension host of vscode.dev, github.dev and online VS
 * Code): the same wiring as the Node entry; bundled by scripts/build.mjs for `platform: browser`,
 * so nothing it imports may need a Node built-in (test/unit/browserBundle.test.ts checks it).
 */
export async function activate(context: vscode.ExtensionContext): Promise<EgnApi> {
  // Word and LibreOffice documents are read in this worker; pdf.js is not loaded here, so PDFs are
  // skipped with a line in the EGN output.
  return activateExtension(context, { name: 'web', createOfficeReader: () => ({ readBytes: (name, bytes) => readOfficeDocument(name, bytes) }) });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
