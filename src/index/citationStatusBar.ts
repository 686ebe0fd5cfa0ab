import * as vscode from 'vscode';
import type { ExtensionDeps } from '../deps';
import { citedNumbers } from './citedNumbers';
import { readIgnoreMarkers, withoutIgnored } from '../core/ignoreMarkers';
import { isEgnDocument } from './languageSelector';

/** Typing pauses shorter than this do not recount. */
const DEBOUNCE_MS = 300;

/**
 * The status bar item "EGN 7/40" for the active document: how many distinct proposals it cites.
 * It counts from the document's own text (the scanner is fast on one document), so that it needs
 * no workspace index and shows unsaved text. Clicking it opens the document's coverage report.
 * While the workspace index is being built, it spins and its tooltip tells how far the build is.
 */
export function registerCitationStatusBar(deps: ExtensionDeps): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('egn.citations', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('EGN Citations');
  item.command = 'egn.openDocumentCoverage';
  const total = deps.catalogue.proposals.length;
  const exists = (n: number): boolean => deps.catalogue.byNumber(n) !== undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const update = (): void => {
    timer = undefined;
    const editor = vscode.window.activeTextEditor;
    const enabled = vscode.workspace.getConfiguration('egn').get<boolean>('statusBar.enabled', true);
    const progress = deps.citations.progress;
    if (enabled && progress) {
      // The index is being built: a spinner, and how far it is in the tooltip.
      item.text = `$(sync~spin) ${deps.catalogue.prefix}`;
      item.tooltip = progress.total === undefined
        ? vscode.l10n.t('Indexing EGN citations: {0} files read', progress.done)
        : vscode.l10n.t('Indexing EGN citations: {0} of {1} files', progress.done, progress.total);
      item.accessibilityInformation = { label: item.tooltip };
      item.show();
      return;
    }
    if (!enabled || !editor || !isEgnDocument(editor.document)) {
      item.hide();
      return;
    }
    const text = editor.document.getText();
    const cited = citedNumbers(withoutIgnored(readIgnoreMarkers(text), deps.scanner.scan(text)), exists).length;
    item.text = `$(references) ${deps.catalogue.prefix} ${cited}/${total}`;
    item.tooltip = vscode.l10n.t('This document cites {0} of the {1} proposals. Click to open its coverage report.', cited, total);
    item.accessibilityInformation = { label: vscode.l10n.t('This document cites {0} of the {1} proposals', cited, total) };
    item.show();
  };
  const schedule = (): void => {
    if (timer) {
      clearTimeout(timer);
    }
    timer = setTimeout(update, DEBOUNCE_MS);
  };

  update();
  return vscode.Disposable.from(
    item,
    deps.citations.onDidChangeProgress(update),
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) {
        schedule();
      }
    }),
    vscode.workspace.onDidOpenTextDocument((d) => {
      // A language mode change reopens the document under its new language.
      if (d === vscode.window.activeTextEditor?.document) {
        update();
      }
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('egn.statusBar.enabled') || e.affectsConfiguration('egn.languages')) {
        update();
      }
    }),
    new vscode.Disposable(() => {
      if (timer) {
        clearTimeout(timer);
      }
    }),
  );
}
