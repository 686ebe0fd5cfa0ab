import * as vscode from 'vscode';
import { officeKindOf } from '../core/office/extractedText';

/** The scheme of the read-only text views of Word, LibreOffice and PDF documents. */
export const EXTRACTED_TEXT_SCHEME = 'egn-extracted';

/**
 * The text view of a document: its path with « — texte extrait » after the name (the tab's title,
 * « plan.docx — texte extrait »), the original's URI in the query. It is also the document's key
 * in the citation index, so that find all references, the panels and the coverage report open the
 * view at the cited paragraph.
 */
export function extractedTextUri(original: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: EXTRACTED_TEXT_SCHEME, path: `${original.path} — ${vscode.l10n.t('extracted text')}`, query: original.toString() });
}

/** The original document of a text view, or undefined for any other URI. */
export function originalOfExtracted(uri: vscode.Uri): vscode.Uri | undefined {
  if (uri.scheme !== EXTRACTED_TEXT_SCHEME || uri.query === '') {
    return undefined;
  }
  try {
    return vscode.Uri.parse(uri.query, true);
  } catch {
    return undefined;
  }
}

/** Whether `uri` is a Word, LibreOffice or PDF file (read by its text, not as a text file). */
export function isOfficeFile(uri: vscode.Uri): boolean {
  return uri.scheme !== EXTRACTED_TEXT_SCHEME && officeKindOf(uri.path) !== undefined;
}

/** The URI to show for an index key: a text view stands for its original (paths, export). */
export function shownUri(uri: vscode.Uri): vscode.Uri {
  return originalOfExtracted(uri) ?? uri;
}

const KIND_NAMES = { docx: 'Word', odt: 'LibreOffice', pdf: 'PDF' } as const;

/**
 * The workspace-relative path shown for an index key: a text view by its original's path, with the
 * document's kind when `withKind` (the coverage report's list: `plans/plan.docx (Word)`).
 */
export function shownPath(uri: vscode.Uri, withKind = false): string {
  const original = originalOfExtracted(uri);
  const relative = vscode.workspace.asRelativePath(original ?? uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  const kind = original && officeKindOf(original.path);
  return withKind && kind ? `${relative} (${KIND_NAMES[kind]})` : relative;
}
