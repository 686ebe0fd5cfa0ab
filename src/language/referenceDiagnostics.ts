import * as vscode from 'vscode';
import { BUNDLED_SOURCE, type LoadedCatalogue } from '../core/catalogueSet';
import type { KeyedReference } from '../core/multiReferenceScanner';
import { SETTING_DEFAULTS } from '../core/generated/settingDefaults';
import { brokenRule, REFERENCE_RULES, type ReferenceRule } from '../core/referenceRules';
import { Disposable } from '../core/dispose';
import { MAX_DIAGNOSTICS_PER_DOCUMENT } from '../core/documentLimits';
import type { ExtensionDeps } from '../deps';
import type { WritingLanguages } from './documentSelector';
import { UNKNOWN_CATALOGUE_PROPOSAL_CODE, unknownWorkspaceProposalMessage } from '../catalogues/workspaceReferences';

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
    this.register(deps.catalogues.onDidChange(() => this.checkAll()));
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
    if (!config.get<boolean>('enabled', SETTING_DEFAULTS['egn.diagnostics.enabled'])) {
      this.collection.delete(doc.uri);
      return;
    }
    const hintVariants = config.get<boolean>('nonCanonicalHint', SETTING_DEFAULTS['egn.diagnostics.nonCanonicalHint']);
    const diagnostics: vscode.Diagnostic[] = [];
    let omitted = 0;
    // One path for every catalogue in use (the rules are `REFERENCE_RULES`); only the code of an
    // unknown proposal says whether it is the bundled catalogue's, as it always has.
    for (const ref of this.deps.scans.of(doc, 'diagnostics').counted) {
      const rule = brokenRule(ref, hintVariants, true);
      if (!rule) {
        continue;
      }
      if (diagnostics.length >= MAX_DIAGNOSTICS_PER_DOCUMENT) {
        // Past the cap only the count matters: no range or message is built.
        omitted++;
        continue;
      }
      diagnostics.push(referenceDiagnostic(doc, ref, rule));
    }
    this.collection.set(doc.uri, capped(diagnostics, omitted));
  }
}

/**
 * The diagnostic of a reference that breaks `rule`: the warnings and hints publish it, and the quick
 * fixes make it themselves when Ctrl+. comes before the (debounced) warnings.
 */
export function referenceDiagnostic(doc: vscode.TextDocument, ref: KeyedReference<LoadedCatalogue>, rule: ReferenceRule): vscode.Diagnostic {
  const range = new vscode.Range(doc.positionAt(ref.start), doc.positionAt(ref.end));
  const severity = REFERENCE_RULES[rule].level === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Hint;
  let d: vscode.Diagnostic;
  if (rule === 'unknownProposal') {
    d = new vscode.Diagnostic(range, unknownWorkspaceProposalMessage(ref.catalogue, ref), severity);
    d.code = ref.catalogue.source === BUNDLED_SOURCE ? UNKNOWN_PROPOSAL_CODE : UNKNOWN_CATALOGUE_PROPOSAL_CODE;
  } else if (rule === 'readFromProse') {
    // Which proposal it was read as, so that a wrong reading is easy to see (and undo).
    const id = ref.catalogue.scanner.canonical(ref.number);
    const message = ref.form === 'title'
      ? vscode.l10n.t('Read as {0} from its title.', id)
      : vscode.l10n.t('Read as {0} from prose: {1}', id, ref.catalogue.catalogue.byNumber(ref.number)?.title ?? '');
    d = new vscode.Diagnostic(range, message, severity);
    d.code = PROSE_CITATION_CODE;
  } else {
    const written = doc.getText(range);
    d = new vscode.Diagnostic(range, vscode.l10n.t('"{0}" is usually written {1}.', written, ref.catalogue.scanner.canonical(ref.number)), severity);
    d.code = NON_CANONICAL_CODE;
  }
  d.source = DIAGNOSTIC_SOURCE;
  return d;
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
