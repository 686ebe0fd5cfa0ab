import * as vscode from 'vscode';
import type { Coverage } from '../core/coverage';
import { coverageToCsv, coverageToMarkdown } from '../core/coverageExport';
import { coverageLabels } from './coverageLabels';
import type { CoverageFormat } from './coverageProtocol';

/** The name shown for a document URI in an export (workspace-relative path). */
function exportPath(uri: string): string {
  const parsed = vscode.Uri.parse(uri);
  return parsed.scheme === 'untitled' ? parsed.path : vscode.workspace.asRelativePath(parsed, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}

/**
 * Writes a coverage as Markdown or CSV into a new untitled document and shows it: the user saves
 * it where they want, and no existing file is ever overwritten.
 */
export async function exportCoverage(coverage: Coverage, format: CoverageFormat): Promise<vscode.TextEditor> {
  const labels = coverageLabels();
  const content = format === 'markdown' ? coverageToMarkdown(coverage, labels, exportPath) : coverageToCsv(coverage, labels, exportPath);
  // A CSV language exists only when an extension contributes one; plain text otherwise.
  const language = format === 'markdown' ? 'markdown' : (await vscode.languages.getLanguages()).includes('csv') ? 'csv' : 'plaintext';
  const document = await vscode.workspace.openTextDocument({ language, content });
  return vscode.window.showTextDocument(document, { preview: false });
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
