import * as vscode from 'vscode';
import type { CatalogueSet } from '../core/catalogueSet';
import type { CatalogueProposal } from '../core/proposalArguments';
import type { ExtensionDeps } from '../deps';
import type { ScanReader } from './openDocumentScans';

/** The catalogues in use, the bundled one first (catalogue 0). */
export function cataloguesInUse(deps: Pick<ExtensionDeps, 'catalogues'>): CatalogueSet {
  return deps.catalogues.current;
}

/**
 * The reference under the cursor of the active editor, of any catalogue in use (read from the
 * document's one scan): its proposal with its catalogue, or only the number written when no
 * proposal has it; undefined when the cursor is on no reference or no editor is active.
 */
export function referenceUnderCursor(deps: ExtensionDeps, reader: ScanReader): { readonly target: CatalogueProposal | undefined; readonly number: number } | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    return undefined;
  }
  const ref = deps.scans.referenceAt(editor.document, editor.selection.active, reader);
  if (!ref) {
    return undefined;
  }
  const proposal = ref.catalogue.catalogue.byNumber(ref.number);
  return { target: proposal && { catalogue: ref.catalogue, proposal }, number: ref.number };
}
