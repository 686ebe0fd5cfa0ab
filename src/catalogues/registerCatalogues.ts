import * as vscode from 'vscode';
import type { Catalogue } from '../core/catalogue';
import { registerCatalogueCommands } from './catalogueCommands';
import { registerCatalogueDiagnostics } from './catalogueDiagnostics';
import { WorkspaceCatalogues } from './workspaceCatalogues';

/**
 * Loads the workspace's catalogue files beside the bundled catalogue, keeps them current, shows
 * their errors and registers the catalogue commands. The first load runs in the background: until it
 * ends, `catalogues.current` holds the bundled catalogue alone, and `onDidChange` fires when it ends.
 */
export function registerCatalogues(bundled: Catalogue | undefined, output: vscode.LogOutputChannel): { readonly catalogues: WorkspaceCatalogues; readonly disposable: vscode.Disposable } {
  const catalogues = new WorkspaceCatalogues(bundled, output);
  const disposable = vscode.Disposable.from(
    catalogues,
    registerCatalogueDiagnostics(catalogues),
    registerCatalogueCommands(catalogues),
  );
  void catalogues.reload();
  return { catalogues, disposable };
}
