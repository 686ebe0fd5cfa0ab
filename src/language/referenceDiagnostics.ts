import * as vscode from 'vscode';
import { BUNDLED_SOURCE } from '../core/catalogueSet';
import type { SetReference } from '../core/documentScans';
import { Disposable } from '../core/dispose';
import { MAX_DIAGNOSTICS_PER_DOCUMENT } from '../core/documentLimits';
import type { ExtensionDeps } from '../deps';
import type { WritingLanguages } from './documentSelector';
import { unknownProposalMessage } from './unknownProposalMessage';
import { workspaceReferenceDiagnostic } from '../catalogues/workspaceReferences';

/** Stable diagnostic codes: quick fixes and users' filters rely on them. */
export const UNKNOWN_PROPOSAL_CODE = 'egn.unknownProposal';
export const NON_CANONICAL_CODE = 'egn.nonCanonical';
/** A citation read from prose or a title (a hint, with « Add the reference » and « Do not count this line »). */
export const PROSE_CITATION_CODE = 'egn.proseCitation';
export const DIAGNOSTIC_SOURCE = 'EGN';

/** Wait after the last keystroke before checking a document again. */
const DEBOUNCE_MS = 300;

/**
 * Warns about references to proposals that do not exist (and, when `egn.diagnostics.nonCanonicalHint`
 * is on, hints at non-canonical forms) in the documents of the writing languages that are open in a
 * tab. Checks again, debounced, while the writer types; clears a document's diagnostics when its last
 * tab closes or the document itself closes.
 */
export class ReferenceDiagnostics extends Disposable {
  private readonly collection = this.register(vscode.languages.createDiagnosticCollection('egn'));
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly deps: ExtensionDeps, private readonly languages: WritingLanguages) {
    super();
    this.register(vscode.workspace.onDidOpenTextDocument((doc) => this.schedule(doc, 0)));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0) {
        this.schedule(e.document, DEBOUNCE_MS);
      }
    }));
    this.register(vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)));
    // Documents outlive their editors (other extensions keep them open): what counts for the writer
    // is the tab. Closing the last tab of a document clears its warnings; opening one checks it.
    this.register(vscode.window.tabGroups.onDidChangeTabs((e) => {
      for (const tab of e.closed) {
        for (const uri of tabUris(tab)) {
          if (!hasTab(uri)) {
            this.forget(uri);
          }
        }
      }
      for (const tab of e.opened) {
        for (const uri of tabUris(tab)) {
          const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
          if (doc) {
            this.schedule(doc, 0);
          }
        }
      }
    }));
    this.register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('egn.diagnostics') || e.affectsConfiguration('egn.prose')) {
        this.checkAll();
      }
    }));
    this.register(languages.onDidChange(() => this.checkAll()));
    if (deps.catalogues) {
      this.register(deps.catalogues.onDidChange(() => this.checkAll()));
    }
    // Last: the listeners are gone when the checks still waiting are cleared.
    this.register({
      dispose: () => {
        this.pending.forEach((t) => clearTimeout(t));
        this.pending.clear();
      },
    });
    this.checkAll();
  }

  private checkAll(): void {
    for (const doc of vscode.workspace.textDocuments) {
      this.schedule(doc, 0);
    }
  }

  /** Checks `doc` after `delay` ms, replacing a check already waiting for it. */
  private schedule(doc: vscode.TextDocument, delay: number): void {
    if (this.isDisposed) {
      return;
    }
    const key = doc.uri.toString();
    const waiting = this.pending.get(key);
    if (waiting !== undefined) {
      clearTimeout(waiting);
    }
    this.pending.set(key, setTimeout(() => {
      this.pending.delete(key);
      this.check(doc);
    }, delay));
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const waiting = this.pending.get(key);
    if (waiting !== undefined) {
      clearTimeout(waiting);
      this.pending.delete(key);
    }
    this.collection.delete(uri);
  }

  private check(doc: vscode.TextDocument): void {
    if (doc.isClosed || !this.languages.includes(doc) || !hasTab(doc.uri)) {
      this.collection.delete(doc.uri);
      return;
    }
    const config = vscode.workspace.getConfiguration('egn.diagnostics', { uri: doc.uri, languageId: doc.languageId });
    if (!config.get<boolean>('enabled', true)) {
      this.collection.delete(doc.uri);
      return;
    }
    const hintVariants = config.get<boolean>('nonCanonicalHint', false);
    const diagnostics: vscode.Diagnostic[] = [];
    let omitted = 0;
    for (const ref of this.deps.scans.of(doc, 'diagnostics').counted) {
      const fromProse = ref.form === 'prose' || ref.form === 'title';
      if (diagnostics.length >= MAX_DIAGNOSTICS_PER_DOCUMENT && (!ref.exists || fromProse || (hintVariants && ref.form === 'variant'))) {
        // Past the cap only the count matters: no range or message is built.
        omitted++;
        continue;
      }
      if (ref.catalogue.source !== BUNDLED_SOURCE) {
        const d = workspaceReferenceDiagnostic(ref, doc);
        if (d) {
          diagnostics.push(d);
        }
        continue;
      }
      const range = new vscode.Range(doc.positionAt(ref.start), doc.positionAt(ref.end));
      if (!ref.exists) {
        const d = new vscode.Diagnostic(range, unknownProposalMessage(this.deps, ref), vscode.DiagnosticSeverity.Warning);
        d.code = UNKNOWN_PROPOSAL_CODE;
        d.source = DIAGNOSTIC_SOURCE;
        diagnostics.push(d);
      } else if (fromProse) {
        diagnostics.push(this.proseHint(ref, range));
      } else if (hintVariants && ref.form === 'variant') {
        const written = doc.getText(range);
        const canonical = this.deps.scanner.canonical(ref.number);
        const d = new vscode.Diagnostic(range, vscode.l10n.t('"{0}" is usually written {1}.', written, canonical), vscode.DiagnosticSeverity.Hint);
        d.code = NON_CANONICAL_CODE;
        d.source = DIAGNOSTIC_SOURCE;
        diagnostics.push(d);
      }
    }
    this.collection.set(doc.uri, capped(diagnostics, omitted));
  }

  /** The faint hint on a citation read from prose or a title: which proposal it was read as. */
  private proseHint(ref: SetReference, range: vscode.Range): vscode.Diagnostic {
    const proposal = this.deps.catalogue.byNumber(ref.number);
    const id = this.deps.scanner.canonical(ref.number);
    const message = ref.form === 'title'
      ? vscode.l10n.t('Read as {0} from its title.', id)
      : vscode.l10n.t('Read as {0} from prose: {1}', id, proposal?.title ?? '');
    const d = new vscode.Diagnostic(range, message, vscode.DiagnosticSeverity.Hint);
    d.code = PROSE_CITATION_CODE;
    d.source = DIAGNOSTIC_SOURCE;
    return d;
  }
}

/** The documents a tab shows. */
function tabUris(tab: vscode.Tab): vscode.Uri[] {
  const input = tab.input;
  if (input instanceof vscode.TabInputText) {
    return [input.uri];
  }
  if (input instanceof vscode.TabInputTextDiff) {
    return [input.modified, input.original];
  }
  return [];
}

/** Whether some tab of the window shows `uri`. */
function hasTab(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => tabUris(t).some((u) => u.toString() === key)));
}

/**
 * At most `MAX_DIAGNOSTICS_PER_DOCUMENT` diagnostics, then one that says how many more there are
 * (`omitted` were never built), so that a generated document cannot flood the Problems panel.
 */
function capped(diagnostics: vscode.Diagnostic[], omitted: number): vscode.Diagnostic[] {
  const more = Math.max(0, diagnostics.length - MAX_DIAGNOSTICS_PER_DOCUMENT) + omitted;
  if (more === 0) {
    return diagnostics;
  }
  const kept = diagnostics.slice(0, MAX_DIAGNOSTICS_PER_DOCUMENT);
  const note = new vscode.Diagnostic(
    kept[kept.length - 1].range,
    vscode.l10n.t('{0} more problems with references in this document are not shown.', more),
    vscode.DiagnosticSeverity.Information,
  );
  note.source = DIAGNOSTIC_SOURCE;
  kept.push(note);
  return kept;
}
