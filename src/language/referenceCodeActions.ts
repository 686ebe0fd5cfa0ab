import * as vscode from 'vscode';
import { nearestNumbers } from '../core/nearestProposals';
import type { ExtensionDeps } from '../deps';
import { DIAGNOSTIC_SOURCE, NON_CANONICAL_CODE, PROSE_CITATION_CODE, referenceDiagnostic, UNKNOWN_PROPOSAL_CODE } from './referenceDiagnostics';
import { ignoreNextLineComment } from '../core/documentLayout';
import { isWorkspaceReference, UNKNOWN_CATALOGUE_PROPOSAL_CODE } from '../catalogues/workspaceReferences';
import type { Catalogue } from '../core/catalogue';

/**
 * Quick fixes for the EGN diagnostics: replace a reference to a proposal that does not exist with one
 * of the proposals it most likely meant (by edit distance: EGN-4, EGN-40… for EGN-41) or one picked
 * from the list (`egn.replaceReference`), or write a non-canonical reference as `EGN-n`. The same
 * for a workspace catalogue's reference (`FRA-99`), among that catalogue's proposals.
 */
export class ReferenceCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly deps: ExtensionDeps) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext, token: vscode.CancellationToken): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    if (context.only && !context.only.intersects(vscode.CodeActionKind.QuickFix)) {
      return actions;
    }
    // The warnings are published after a pause in the typing (debounced): Ctrl+. pressed before then
    // got "No code actions available". The fixes of an unknown reference under the cursor come from
    // the shared document scan too, so that they are there at once, warning published or not.
    const ours = context.diagnostics.some((d) => d.source === DIAGNOSTIC_SOURCE);
    const diagnostics = ours ? context.diagnostics : [...context.diagnostics, ...this.unknownReferenceAt(document, range)];
    for (const d of diagnostics) {
      if (token.isCancellationRequested) {
        return [];
      }
      if (d.source !== DIAGNOSTIC_SOURCE) {
        continue;
      }
      if (d.code === UNKNOWN_PROPOSAL_CODE || d.code === UNKNOWN_CATALOGUE_PROPOSAL_CODE) {
        const catalogue = d.code === UNKNOWN_PROPOSAL_CODE ? this.deps.catalogue : this.workspaceCatalogueAt(document, d);
        if (!catalogue) {
          continue;
        }
        actions.push(...this.nearestFixes(document, d, catalogue));
        const action = new vscode.CodeAction(vscode.l10n.t('Replace with another proposal…'), vscode.CodeActionKind.QuickFix);
        action.command = { command: 'egn.replaceReference', title: action.title, arguments: [document.uri, d.range, catalogue.prefix] };
        action.diagnostics = [d];
        actions.push(action);
      } else if (d.code === PROSE_CITATION_CODE && d.range.isSingleLine) {
        actions.push(...this.proseFixes(document, d));
      } else if (d.code === NON_CANONICAL_CODE && d.range.isSingleLine) {
        const ref = this.deps.scans.referenceAt(document, d.range.start, 'codeActions');
        if (!ref || !ref.exists) {
          continue;
        }
        // Of any catalogue in use: its own canonical form.
        const canonical = ref.catalogue.scanner.canonical(ref.number);
        const action = new vscode.CodeAction(vscode.l10n.t('Write as {0}', canonical), vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, new vscode.Range(document.positionAt(ref.start), document.positionAt(ref.end)), canonical);
        action.diagnostics = [d];
        action.isPreferred = true;
        actions.push(action);
      }
    }
    return actions;
  }

  /** The warning the diagnostics would give an unknown reference at the start of `range`, if there is one. */
  private unknownReferenceAt(document: vscode.TextDocument, range: vscode.Range): vscode.Diagnostic[] {
    const ref = this.deps.scans.referenceAt(document, range.start, 'codeActions');
    if (!ref || ref.exists) {
      return [];
    }
    return [referenceDiagnostic(document, ref, 'unknownProposal')];
  }

  /**
   * For a citation read from prose: write its id after it (« la proposition n° 12 (EGN-12) », read
   * as one citation), or put the ignore marker above its line, in the document's comment syntax.
   */
  private proseFixes(document: vscode.TextDocument, d: vscode.Diagnostic): vscode.CodeAction[] {
    const ref = this.deps.scans.referenceAt(document, d.range.start, 'codeActions');
    if (!ref || (ref.form !== 'prose' && ref.form !== 'title')) {
      return [];
    }
    const id = ref.catalogue.scanner.canonical(ref.number);
    const add = new vscode.CodeAction(vscode.l10n.t('Add the reference {0}', id), vscode.CodeActionKind.QuickFix);
    add.edit = new vscode.WorkspaceEdit();
    // After a quoted title's closing quote: « … » (EGN-38), not « … (EGN-38) ».
    const after = document.getText(new vscode.Range(document.positionAt(ref.end), document.positionAt(ref.end + 2)));
    const quote = /^[\u00a0\u202f ]?[»”"]/.exec(after);
    add.edit.insert(document.uri, document.positionAt(ref.end + (quote ? quote[0].length : 0)), ` (${id})`);
    add.diagnostics = [d];
    add.isPreferred = true;
    const line = document.lineAt(d.range.start.line);
    const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
    const ignore = new vscode.CodeAction(vscode.l10n.t('Do not count this line'), vscode.CodeActionKind.QuickFix);
    ignore.edit = new vscode.WorkspaceEdit();
    ignore.edit.insert(document.uri, line.range.start, `${indent}${ignoreNextLineComment(document.languageId)}${document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n'}`);
    ignore.diagnostics = [d];
    return [add, ignore];
  }

  /** The workspace catalogue of the reference a diagnostic is on. */
  private workspaceCatalogueAt(document: vscode.TextDocument, d: vscode.Diagnostic): Catalogue | undefined {
    if (!d.range.isSingleLine) {
      return undefined;
    }
    const ref = this.deps.scans.referenceAt(document, d.range.start, 'codeActions');
    return ref && isWorkspaceReference(ref) ? ref.catalogue.catalogue : undefined;
  }

  /** "Replace with EGN-4: title" for the proposals of `catalogue` the mistyped number most likely meant. */
  private nearestFixes(document: vscode.TextDocument, d: vscode.Diagnostic, catalogue: Catalogue): vscode.CodeAction[] {
    if (!d.range.isSingleLine) {
      return [];
    }
    const ref = this.deps.scans.referenceAt(document, d.range.start, 'codeActions');
    if (!ref || ref.exists) {
      return [];
    }
    const numbers = catalogue.proposals.map((p) => p.number);
    return nearestNumbers(ref.number, numbers, NEAREST_FIXES).flatMap((n) => {
      const p = catalogue.byNumber(n);
      if (!p) {
        return [];
      }
      const action = new vscode.CodeAction(vscode.l10n.t('Replace with {0}: {1}', p.id, shorten(p.title)), vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(document.uri, d.range, p.id);
      action.diagnostics = [d];
      return [action];
    });
  }
}

/** How many likely proposals the quick fix offers before "another proposal…". */
const NEAREST_FIXES = 4;

/** A title cut to fit a menu line. */
function shorten(title: string): string {
  const max = 60;
  return title.length <= max ? title : `${title.slice(0, max - 1).trimEnd()}…`;
}
