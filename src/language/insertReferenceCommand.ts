import * as vscode from 'vscode';
import type { Catalogue, Proposal } from '../core/catalogue';
import { fitInsertion, formatReferences, markupOf, parseQuoteStyle, parseReferenceFormat } from '../core/referenceFormat';
import { workspaceCataloguesOf } from '../catalogues/workspaceReferences';
import type { ExtensionDeps } from '../deps';
import { proposalsFromArguments } from '../core/proposalArguments';
import { cataloguesInUse } from '../catalogues/cataloguesInUse';
import { pickProposals } from './proposalQuickPick';

/**
 * `egn.insertReference`: inserts references at every cursor of the editor being written in, in the
 * format of `egn.reference.format`, as one undo step. Without arguments it asks for proposals (several
 * at once, from the EGN and every workspace catalogue); with a reference, a number, a tree node or an
 * array of those, it inserts them directly (an EGN number, or an id of any catalogue: `FRA-2`).
 */
export function registerInsertReferenceCommand(deps: ExtensionDeps): vscode.Disposable {
  // A webview or a tree taking focus leaves no active text editor: insert where the writer was.
  let lastEditor = vscode.window.activeTextEditor;
  const tracking = vscode.window.onDidChangeActiveTextEditor((e) => {
    if (e) {
      lastEditor = e;
    }
  });

  async function targetEditor(): Promise<vscode.TextEditor | undefined> {
    const active = vscode.window.activeTextEditor;
    if (active) {
      return active;
    }
    const last = lastEditor;
    if (!last || last.document.isClosed || !hasOpenTab(last.document.uri)) {
      // The writer closed it: reopening it would be a surprise.
      return undefined;
    }
    if (vscode.window.visibleTextEditors.includes(last)) {
      return last;
    }
    // Its tab is hidden: bring the document back where it was, cursors included.
    const selections = last.selections;
    const shown = await vscode.window.showTextDocument(last.document, { viewColumn: last.viewColumn, preserveFocus: false });
    shown.selections = selections;
    return shown;
  }

  async function insert(...args: unknown[]): Promise<boolean> {
    const parsed = proposalsFromArguments(cataloguesInUse(deps), args);
    if (parsed.kind === 'invalid') {
      const { min, max } = deps.catalogue.range;
      void vscode.window.showErrorMessage(vscode.l10n.t('Cannot insert "{0}": it is not a proposal ({1} to {2}).', parsed.value, deps.scanner.canonical(min), deps.scanner.canonical(max)));
      return false;
    }
    // Check the target before asking, so that nobody picks proposals for nowhere.
    let editor = await targetEditor();
    if (!editor) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a document to insert a reference.'));
      return false;
    }
    let proposals: readonly Proposal[] | undefined;
    if (parsed.kind === 'proposals') {
      proposals = parsed.proposals;
    } else {
      proposals = await pickProposals([deps.catalogue, ...workspaceCataloguesOf(deps.catalogues).map((c) => c.catalogue)], {
        // The hint about checking several goes in the title, which has the pick's whole width: in the
        // placeholder it was cut (« …check several proposals to »).
        title: vscode.l10n.t('Insert Proposal Reference: check several to insert them together'),
        placeholder: vscode.l10n.t('Type words of a title, a theme or a number'),
        canPickMany: true,
      });
      if (!proposals || proposals.length === 0) {
        return false;
      }
      // The pick took focus; the editor may have been closed meanwhile.
      editor = await targetEditor();
      if (!editor) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a document to insert a reference.'));
        return false;
      }
    }
    return insertInto(editor, proposals);
  }

  async function insertInto(editor: vscode.TextEditor, proposals: readonly Proposal[]): Promise<boolean> {
    const doc = editor.document;
    if (vscode.workspace.fs.isWritableFileSystem(doc.uri.scheme) === false) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} is read-only: the reference was not inserted.', displayName(doc)));
      return false;
    }
    const config = vscode.workspace.getConfiguration('egn', { uri: doc.uri, languageId: doc.languageId });
    const format = parseReferenceFormat(config.get('reference.format'));
    const style = { quotes: parseQuoteStyle(config.get('reference.quotes')), markup: markupOf(doc.languageId) };
    // Each catalogue's proposals written together in the format (a sentence names one catalogue's
    // numbers), the catalogues in the order picked, separated by a semicolon so that the lists stay
    // apart: `EGN-3 ; FRA-1 et FRA-2`.
    const byCatalogue = new Map<Catalogue | undefined, Proposal[]>();
    for (const p of proposals) {
      const owner = catalogueOf(p);
      byCatalogue.set(owner, [...(byCatalogue.get(owner) ?? []), p]);
    }
    const text = [...byCatalogue.values()].map((group) => formatReferences(group, format, style)).join('\u00a0; ');
    // One edit for every cursor: one undo step. Each insertion is fitted to the text around it, so that
    // it is never glued to a word or a reference, nor splits one.
    const edits = editor.selections.map((s) => {
      const before = doc.lineAt(s.start.line).text.slice(0, s.start.character);
      const after = doc.lineAt(s.end.line).text.slice(s.end.character);
      const fitted = fitInsertion(before, after, text);
      const range = s.isEmpty ? new vscode.Range(s.start.translate(0, fitted.skip), s.end.translate(0, fitted.skip)) : s;
      return { range, text: fitted.text };
    });
    const done = await editor.edit((builder) => {
      for (const e of edits) {
        builder.replace(e.range, e.text);
      }
    });
    if (!done) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The reference could not be inserted in {0} (the editor may be read-only).', displayName(doc)));
    }
    return done;
  }

  /** The catalogue a picked proposal belongs to (its theme is one of the catalogue's). */
  function catalogueOf(p: Proposal): Catalogue | undefined {
    return [deps.catalogue, ...workspaceCataloguesOf(deps.catalogues).map((c) => c.catalogue)].find((c) => c.themes.includes(p.theme));
  }

  return vscode.Disposable.from(tracking, vscode.commands.registerCommand('egn.insertReference', insert));
}

function hasOpenTab(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === key));
}

function displayName(doc: vscode.TextDocument): string {
  return doc.isUntitled ? doc.uri.path : doc.uri.path.split('/').pop() ?? doc.uri.toString();
}
