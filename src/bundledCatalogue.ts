import * as vscode from 'vscode';
import { Catalogue, CatalogueWithContext, hasContext } from './core/catalogue';
import { catalogueErrorText } from './catalogues/catalogueErrorText';
import { CatalogueError, loadCatalogue } from './core/catalogueLoader';
import { bundledCatalogueSnapshot } from './core/catalogueSnapshot';

/** The bundled catalogue, with its context (the overview needs it), or every error found. */
export type BundledLoadResult = { readonly ok: true; readonly catalogue: CatalogueWithContext } | { readonly ok: false; readonly errors: readonly CatalogueError[] };

/**
 * The catalogue shipped in data/: from the bundle's snapshot of it (see `catalogueSnapshot`), else
 * read and validated (its schema is compiled into the loader). Never throws: a missing or broken
 * file comes back as a result with errors, in the user's language.
 */
export async function loadBundledCatalogue(extensionUri: vscode.Uri): Promise<BundledLoadResult> {
  try {
    // The bundle carries the catalogue as JSON, validated when it was built: no file read, no YAML
    // parse at activation. Without one (the tests compiled by tsc), the YAML is loaded.
    const snapshot = bundledCatalogueSnapshot();
    if (snapshot) {
      return withContext(snapshot);
    }
    const yamlBytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'data', 'egn-2020.yaml'));
    const loaded = loadCatalogue(new TextDecoder('utf-8').decode(yamlBytes));
    if (!loaded.ok) {
      return { ok: false, errors: loaded.errors.map((e) => ({ ...e, message: catalogueErrorText(e) })) };
    }
    return withContext(loaded.catalogue);
  } catch (e) {
    return { ok: false, errors: [{ line: 1, column: 1, message: vscode.l10n.t('Cannot read the catalogue: {0}', e instanceof Error ? e.message : String(e)) }] };
  }
}

function withContext(catalogue: Catalogue): BundledLoadResult {
  if (!hasContext(catalogue)) {
    return { ok: false, errors: [{ line: 1, column: 1, message: vscode.l10n.t('The bundled catalogue has no "context"; the overview needs it.') }] };
  }
  return { ok: true, catalogue };
}
