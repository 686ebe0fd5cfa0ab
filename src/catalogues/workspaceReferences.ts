import * as vscode from 'vscode';
import { BUNDLED_SOURCE, LoadedCatalogue } from '../core/catalogueSet';
import type { KeyedReference } from '../core/multiReferenceScanner';
import type { WorkspaceCatalogues } from './workspaceCatalogues';

/*
 * References to the proposals of workspace catalogues (`FRA-2`), for the writing features that
 * handle the bundled EGN catalogue themselves: they call these beside their EGN code. Catalogue
 * text is untrusted: it is escaped, and no command link is built from it.
 */

/** Code of the warning on a reference to a proposal a workspace catalogue does not have. */
export const UNKNOWN_CATALOGUE_PROPOSAL_CODE = 'egn.unknownCatalogueProposal';

/** The reference to a workspace catalogue's proposal at `character` of `line`, if any. */
export function workspaceReferenceAt(catalogues: WorkspaceCatalogues | undefined, line: string, character: number): KeyedReference<LoadedCatalogue> | undefined {
  const ref = catalogues?.current.scanner.referenceAt(line, character);
  return ref && ref.catalogue.source !== BUNDLED_SOURCE ? ref : undefined;
}

/** "FRA-14 does not exist: proposals are numbered FRA-1 to FRA-12." */
export function unknownWorkspaceProposalMessage(loaded: LoadedCatalogue, n: number): string {
  const { min, max } = loaded.catalogue.range;
  return vscode.l10n.t('{0} does not exist: proposals are numbered {1} to {2}.', loaded.scanner.canonical(n), loaded.scanner.canonical(min), loaded.scanner.canonical(max));
}

/** The hover of a reference to a workspace catalogue: id, title, group, catalogue, as text. */
export function workspaceHover(ref: KeyedReference<LoadedCatalogue>, range: vscode.Range): vscode.Hover {
  const md = new vscode.MarkdownString(undefined, true);
  // Not trusted: no command link may run from catalogue text.
  md.isTrusted = false;
  const loaded = ref.catalogue;
  const proposal = loaded.catalogue.byNumber(ref.number);
  if (!proposal) {
    md.appendMarkdown(`$(warning) ${escapeMarkdown(unknownWorkspaceProposalMessage(loaded, ref.number))}`);
    return new vscode.Hover(md, range);
  }
  md.appendMarkdown(`**${escapeMarkdown(proposal.id)}** — ${escapeMarkdown(proposal.title)}\n\n`);
  const path = proposal.subtheme ? `${proposal.theme.title} › ${proposal.subtheme.title}` : proposal.theme.title;
  md.appendMarkdown(`$(list-tree) ${escapeMarkdown(path)}\n\n`);
  if (proposal.description) {
    md.appendMarkdown(`${escapeMarkdown(proposal.description)}\n\n`);
  }
  const implied = ref.implied.filter((n) => loaded.catalogue.byNumber(n) !== undefined).map((n) => loaded.scanner.canonical(n));
  if (implied.length > 0) {
    md.appendMarkdown(`${escapeMarkdown(vscode.l10n.t('This range also cites {0}.', implied.join(', ')))}\n\n`);
  }
  md.appendMarkdown(`$(book) ${escapeMarkdown(loaded.catalogue.title)}`);
  return new vscode.Hover(md, range);
}

/** Warnings on the references of `text` to proposals that workspace catalogues do not have. */
export function workspaceReferenceDiagnostics(catalogues: WorkspaceCatalogues | undefined, document: vscode.TextDocument): vscode.Diagnostic[] {
  const diagnostics: vscode.Diagnostic[] = [];
  for (const ref of catalogues?.current.scanner.scan(document.getText()) ?? []) {
    if (!ref.exists && ref.catalogue.source !== BUNDLED_SOURCE) {
      const range = new vscode.Range(document.positionAt(ref.start), document.positionAt(ref.end));
      const d = new vscode.Diagnostic(range, unknownWorkspaceProposalMessage(ref.catalogue, ref.number), vscode.DiagnosticSeverity.Warning);
      d.code = UNKNOWN_CATALOGUE_PROPOSAL_CODE;
      d.source = 'EGN';
      diagnostics.push(d);
    }
  }
  return diagnostics;
}

/** Escapes text for Markdown (every character Markdown or a theme icon `$(…)` could read). */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&$]/g, (c) => `\\${c}`);
}
