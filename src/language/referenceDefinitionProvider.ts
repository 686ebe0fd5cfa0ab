import * as vscode from 'vscode';
import type { ExtensionDeps } from '../deps';
import { isWorkspaceReference, workspaceProposalLocation } from '../catalogues/workspaceReferences';

/**
 * Go to Definition on a reference to a workspace catalogue's proposal (`FRA-2`): the proposal's
 * `number:` line in the writer's own catalogue file. EGN references have no definition: their link
 * opens the panel, and the bundled data file is the extension's, not the writer's.
 */
export class ReferenceDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly deps: ExtensionDeps) {}

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Location | undefined> {
    const ref = this.deps.scans.referenceAt(document, position, 'definition');
    const p = ref && isWorkspaceReference(ref) && ref.exists ? ref.catalogue.catalogue.byNumber(ref.number) : undefined;
    if (!ref || !p || token.isCancellationRequested) {
      return undefined;
    }
    return workspaceProposalLocation(ref.catalogue, p);
  }
}
