import * as vscode from 'vscode';
import type { Proposal } from '../core/catalogue';
import { BUNDLED_SOURCE, fileName, LoadedCatalogue } from '../core/catalogueSet';
import type { KeyedReference } from '../core/multiReferenceScanner';
import { proposalPosition } from '../core/proposalLocation';
import type { Reference } from '../core/reference';
import type { WorkspaceCatalogues } from './workspaceCatalogues';

/*
 * References to the proposals of workspace catalogues (`FRA-2`), for the writing features that
 * handle the bundled EGN catalogue themselves: they call these beside their EGN code. Catalogue
 * text is untrusted: it is escaped, and no command link is built from it.
 */

/** Code of the warning on a reference to a proposal a workspace catalogue does not have. */
export const UNKNOWN_CATALOGUE_PROPOSAL_CODE = 'egn.unknownCatalogueProposal';

/** Whether `ref` is to a workspace catalogue (not the bundled EGN one, which the features handle themselves). */
export function isWorkspaceReference(ref: KeyedReference<LoadedCatalogue>): boolean {
  return ref.catalogue.source !== BUNDLED_SOURCE;
}

/** The workspace catalogues in use (the bundled one left out), in load order. */
export function workspaceCataloguesOf(catalogues: WorkspaceCatalogues | undefined): readonly LoadedCatalogue[] {
  return catalogues?.current.catalogues.filter((c) => c.source !== BUNDLED_SOURCE) ?? [];
}

/** "FRA-14 does not exist: proposals are numbered FRA-1 to FRA-12." */
export function unknownWorkspaceProposalMessage(loaded: LoadedCatalogue, ref: Pick<Reference, 'digits'>): string {
  const { min, max } = loaded.catalogue.range;
  return vscode.l10n.t('{0} does not exist: proposals are numbered {1} to {2}.', loaded.scanner.writtenId(ref), loaded.scanner.canonical(min), loaded.scanner.canonical(max));
}

/**
 * Where proposal `p` is written in the file of its workspace catalogue: its `number:` line. The
 * text is the open editor's when the file is open (the line the writer will land on), else the
 * file as saved. Undefined for the bundled catalogue (no file of the writer's) or an unreadable file.
 */
export async function workspaceProposalLocation(loaded: LoadedCatalogue, p: Proposal): Promise<vscode.Location | undefined> {
  if (loaded.source === BUNDLED_SOURCE) {
    return undefined;
  }
  const uri = vscode.Uri.parse(loaded.source);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === loaded.source);
  let text: string;
  if (open) {
    text = open.getText();
  } else {
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return undefined;
    }
  }
  const { line, character } = proposalPosition(text, loaded.catalogue, p);
  return new vscode.Location(uri, new vscode.Position(line, character));
}

/** A link on a reference to a workspace catalogue's proposal; its target is found when resolved. */
export class WorkspaceReferenceLink extends vscode.DocumentLink {
  constructor(range: vscode.Range, readonly loaded: LoadedCatalogue, readonly proposal: Proposal) {
    super(range);
    this.tooltip = vscode.l10n.t('Open {0} in {1}', proposal.id, fileName(loaded.source));
  }
}

/** Links on `refs` (a document's, in order) to the proposals of workspace catalogues (no target yet). */
export function workspaceReferenceLinks(refs: readonly KeyedReference<LoadedCatalogue>[], document: vscode.TextDocument): WorkspaceReferenceLink[] {
  const links: WorkspaceReferenceLink[] = [];
  for (const ref of refs) {
    const p = ref.exists && isWorkspaceReference(ref) ? ref.catalogue.catalogue.byNumber(ref.number) : undefined;
    if (p) {
      links.push(new WorkspaceReferenceLink(new vscode.Range(document.positionAt(ref.start), document.positionAt(ref.end)), ref.catalogue, p));
    }
  }
  return links;
}

/** The target of a workspace reference link: the catalogue file, at the proposal's line (`#L12,7`). */
export async function resolveWorkspaceReferenceLink(link: WorkspaceReferenceLink): Promise<WorkspaceReferenceLink> {
  const location = await workspaceProposalLocation(link.loaded, link.proposal);
  const uri = location?.uri ?? vscode.Uri.parse(link.loaded.source);
  const start = location?.range.start;
  link.target = start ? uri.with({ fragment: `L${start.line + 1},${start.character + 1}` }) : uri;
  return link;
}

/** The hover of a reference to a workspace catalogue: id, title, group, catalogue, as text. */
export function workspaceHover(ref: KeyedReference<LoadedCatalogue>, range: vscode.Range): vscode.Hover {
  const md = new vscode.MarkdownString(undefined, true);
  // Not trusted: no command link may run from catalogue text.
  md.isTrusted = false;
  const loaded = ref.catalogue;
  const proposal = loaded.catalogue.byNumber(ref.number);
  if (!proposal) {
    md.appendMarkdown(`$(warning) ${escapeMarkdown(unknownWorkspaceProposalMessage(loaded, ref))}`);
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

/** Escapes text for Markdown (every character Markdown or a theme icon `$(…)` could read). */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&$]/g, (c) => `\\${c}`);
}
