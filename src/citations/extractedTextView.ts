import * as vscode from 'vscode';
import { extractedTextUri, EXTRACTED_TEXT_SCHEME, isOfficeFile, originalOfExtracted } from './extractedTextUri';
import { OFFICE_GLOB, type OfficeDocuments } from './officeDocuments';

/**
 * The read-only text view of Word, LibreOffice and PDF documents (scheme `egn-extracted`): the
 * extracted text, one paragraph per line, in which hover, links and warnings work as in a text
 * file (its language is plain text) and to which the index's locations point. Its title bar opens
 * the original in the system's application; the Explorer opens a document's view.
 */
export function registerExtractedTextView(office: OfficeDocuments): vscode.Disposable {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    async provideTextDocumentContent(uri) {
      const original = originalOfExtracted(uri);
      if (!original) {
        return '';
      }
      const maxFileSize = vscode.workspace.getConfiguration('egn.index', original).get<number>('maxFileSize', 1_048_576);
      const extracted = await office.extract(original, maxFileSize);
      return extracted?.text ?? vscode.l10n.t('The text of {0} could not be extracted: see the EGN output for the reason.', vscode.workspace.asRelativePath(original));
    },
  };
  // An edited original shows its new text in an open view.
  const watcher = vscode.workspace.createFileSystemWatcher(OFFICE_GLOB, true, false, true);
  return vscode.Disposable.from(
    changed,
    watcher,
    watcher.onDidChange((uri) => changed.fire(extractedTextUri(uri))),
    vscode.workspace.registerTextDocumentContentProvider(EXTRACTED_TEXT_SCHEME, provider),
    vscode.commands.registerCommand('egn.openExtractedText', async (uri?: vscode.Uri) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (target && isOfficeFile(target)) {
        await vscode.window.showTextDocument(extractedTextUri(target), { preview: false });
      }
    }),
    vscode.commands.registerCommand('egn.openOriginalDocument', async (uri?: vscode.Uri) => {
      const original = originalOfExtracted(uri ?? vscode.window.activeTextEditor?.document.uri ?? vscode.Uri.parse('untitled:'));
      if (!original) {
        return;
      }
      if (original.scheme === 'file' && vscode.env.remoteName === undefined) {
        // The system's application for the file (Word, LibreOffice, a PDF reader).
        await vscode.env.openExternal(original);
      } else {
        // On a remote or virtual workspace the file is not on this machine: show it in the
        // Explorer, from which it can be downloaded.
        await vscode.commands.executeCommand('revealInExplorer', original);
      }
    }),
  );
}
