import * as vscode from 'vscode';
import { shownPath } from '../citations/extractedTextUri';
import type { Coverage } from '../core/coverage';
import { coveragesToMarkdown, coverageToCsv, csvOptionsFor } from '../core/coverageExport';
import { coverageLabels } from './coverageLabels';
import type { CoverageFormat } from './coverageProtocol';

/** The name shown for a document URI in an export (workspace-relative path). */
function exportPath(uri: string): string {
  const parsed = vscode.Uri.parse(uri);
  // office: a text view is exported as its original's path.
  return parsed.scheme === 'untitled' ? parsed.path : shownPath(parsed);
}

/**
 * Writes a coverage as Markdown or CSV into a new untitled document and shows it: the user saves
 * it where they want, and no existing file is ever overwritten. The document is named after its
 * content (`egn-coverage.md`, in French `couverture-egn.md`) rather than after its first line.
 */
export async function exportCoverage(coverage: Coverage, format: CoverageFormat, heading?: string): Promise<vscode.TextEditor> {
  return exportCoverages([{ coverage, heading: heading ?? coverageLabels().title }], format);
}

/**
 * `exportCoverage` for several catalogues: Markdown has one section per catalogue, in the order
 * given; CSV, a table of one catalogue, takes the first.
 */
export async function exportCoverages(sections: readonly { readonly coverage: Coverage; readonly heading: string }[], format: CoverageFormat): Promise<vscode.TextEditor> {
  const labels = coverageLabels();
  const setting = vscode.workspace.getConfiguration('egn.export').get<string>('csvSeparator', 'auto');
  const content = format === 'markdown'
    ? coveragesToMarkdown(sections, labels, exportPath)
    : coverageToCsv(sections[0].coverage, labels, exportPath, csvOptionsFor(vscode.env.language, setting));
  const document = await vscode.workspace.openTextDocument(await untitledUri(format === 'markdown' ? 'md' : 'csv'));
  const edit = new vscode.WorkspaceEdit();
  // A new document takes the user's `files.eol`, and inserted text follows it: CSV needs CRLF (RFC 4180).
  edit.set(document.uri, [
    ...(format === 'csv' ? [vscode.TextEdit.setEndOfLine(vscode.EndOfLine.CRLF)] : []),
    vscode.TextEdit.insert(new vscode.Position(0, 0), content),
  ]);
  await vscode.workspace.applyEdit(edit);
  // A CSV language exists only when an extension contributes one; plain text otherwise.
  if (format === 'csv' && document.languageId !== 'csv') {
    await vscode.languages.setTextDocumentLanguage(document, (await vscode.languages.getLanguages()).includes('csv') ? 'csv' : 'plaintext');
  }
  return vscode.window.showTextDocument(document, { preview: false });
}

/**
 * An untitled URI named `egn-coverage.<ext>` (localized) in the first workspace folder, so that saving
 * offers that name there; numbered (`-2`, `-3`…) past files and open documents that already have it,
 * so that saving never replaces an earlier report. Without a folder, the name alone.
 */
async function untitledUri(extension: string): Promise<vscode.Uri> {
  const base = vscode.l10n.t('egn-coverage');
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) {
    return vscode.Uri.from({ scheme: 'untitled', path: `${base}.${extension}` });
  }
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.path));
  for (let k = 1; ; k++) {
    const file = vscode.Uri.joinPath(folder, `${base}${k === 1 ? '' : `-${k}`}.${extension}`);
    if (!open.has(file.path) && !(await exists(file))) {
      return file.with({ scheme: 'untitled' });
    }
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Asks for the export format. */
export async function pickCoverageFormat(): Promise<CoverageFormat | undefined> {
  const items: (vscode.QuickPickItem & { format: CoverageFormat })[] = [
    { label: vscode.l10n.t('Markdown'), description: vscode.l10n.t('A report with a table per theme and the uncited proposals'), format: 'markdown' },
    { label: vscode.l10n.t('CSV'), description: vscode.l10n.t('One row per proposal, one column per document, for a spreadsheet'), format: 'csv' },
  ];
  const chosen = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export Coverage'), placeHolder: vscode.l10n.t('Format of the export') });
  return chosen?.format;
}
