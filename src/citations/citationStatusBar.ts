import * as vscode from 'vscode';
import { groupCountText } from './citationCountText';
import type { CatalogueSet, LoadedCatalogue } from '../core/catalogueSet';
import type { KeyedReference } from '../core/multiReferenceScanner';
import type { ExtensionDeps } from '../deps';
import { citedNumbers } from './citedNumbers';
import { isEgnDocument } from './languageSelector';
import { registerTestHook } from '../testHooks';
import { SETTING_DEFAULTS } from '../core/generated/settingDefaults';

/** Typing pauses shorter than this do not recount. */
const DEBOUNCE_MS = 300;

/** What the status bar shows of one catalogue for the active document. */
interface CatalogueRow {
  readonly prefix: string;
  /** Distinct existing proposals cited. */
  readonly cited: number;
  readonly total: number;
  /** References of the catalogue (repeats and unknown numbers included), to find the one cited most. */
  readonly citations: number;
}

/** One row per catalogue in use, in the set's order (bundled first), from a document's references. */
function catalogueRows(set: CatalogueSet, refs: readonly KeyedReference<LoadedCatalogue>[]): CatalogueRow[] {
  return set.catalogues.map((loaded) => {
    const own = refs.filter((r) => r.catalogue === loaded);
    const catalogue = loaded.catalogue;
    return {
      prefix: catalogue.prefix,
      cited: citedNumbers(own, (n) => catalogue.byNumber(n) !== undefined).length,
      total: catalogue.proposals.length,
      citations: own.length,
    };
  });
}

/**
 * The status bar item "EGN 7/40" for the active document: how many distinct proposals it cites.
 * It counts from the document's own text (its scan, shared with the other features), so that it
 * needs no workspace index and shows unsaved text. Clicking it opens the document's coverage report.
 * While the workspace index is being built, it spins and its tooltip tells how far the build is.
 * With workspace catalogues, it shows the catalogue the document cites most, and its tooltip lists
 * every catalogue in use.
 */
export function registerCitationStatusBar(context: vscode.ExtensionContext, deps: ExtensionDeps): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('egn.citations', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('EGN Citations');
  item.command = 'egn.openDocumentCoverage';
  const total = deps.catalogue.proposals.length;
  const exists = (n: number): boolean => deps.catalogue.byNumber(n) !== undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const update = (): void => {
    timer = undefined;
    const editor = vscode.window.activeTextEditor;
    const enabled = vscode.workspace.getConfiguration('egn').get<boolean>('statusBar.enabled', SETTING_DEFAULTS['egn.statusBar.enabled']);
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
    // The references that count (ignore markers applied), from the scan every feature shares.
    const scan = deps.scans.of(editor.document, 'statusBar');
    const set = scan.set;
    if (set.catalogues.length <= 1) {
      const cited = citedNumbers(scan.counted, exists).length;
      item.text = `$(references) ${deps.catalogue.prefix} ${cited}/${total}`;
      item.tooltip = vscode.l10n.t('This document cites {0} of the {1} proposals. Click to open its coverage report.', cited, total);
      item.accessibilityInformation = { label: vscode.l10n.t('This document cites {0} of the {1} proposals', cited, total) };
      item.show();
      return;
    }
    const rows = catalogueRows(set, scan.counted);
    // The catalogue the document cites most (by citations; the first in use, the EGN, on a tie or none).
    const main = rows.reduce((best, row) => (row.citations > best.citations ? row : best), rows[0]);
    item.text = `$(references) ${main.prefix} ${main.cited}/${main.total}`;
    // The tree's words for « n of m proposals cited » (French singular for 0 and 1).
    const lines = rows.map((row) => vscode.l10n.t('{0}: {1}', row.prefix, groupCountText(row.cited, row.total)));
    // The sentence of the one-catalogue item first (for the catalogue shown), then every catalogue.
    item.tooltip = [
      vscode.l10n.t('This document cites {0} of the {1} proposals. Click to open its coverage report.', main.cited, main.total),
      vscode.l10n.t('Proposals this document cites, by catalogue:'),
      ...lines,
    ].join('\n');
    item.accessibilityInformation = { label: vscode.l10n.t('This document cites {0} of the {1} proposals', main.cited, main.total) };
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
    // What the item shows, for the integration tests (the status bar cannot be read through the API).
    registerTestHook(context, 'egn._citationStatusBar', () => {
      update();
      const tooltip = item.tooltip;
      return { text: item.text, tooltip: typeof tooltip === 'string' ? tooltip : tooltip?.value, label: item.accessibilityInformation?.label };
    }),
    deps.citations.onDidChangeProgress(update),
    deps.catalogues.onDidChange(update),
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
