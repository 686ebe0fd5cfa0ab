import * as vscode from 'vscode';
import type { ExtensionDeps } from '../deps';
import { MAX_LINKS_PER_DOCUMENT } from '../core/documentLimits';
import { isWorkspaceReference, resolveWorkspaceReferenceLink, WorkspaceReferenceLink, workspaceReferenceLinks } from '../catalogues/workspaceReferences';

/**
 * Every reference to an existing proposal is a link: an EGN reference opens its detail panel; a
 * reference to a workspace catalogue's proposal opens the catalogue file at the proposal's line
 * (found when the link is followed, so that listing links reads no file).
 */
export class ReferenceLinkProvider implements vscode.DocumentLinkProvider {
  constructor(private readonly deps: ExtensionDeps) {}

  provideDocumentLinks(document: vscode.TextDocument, token: vscode.CancellationToken): vscode.DocumentLink[] {
    const refs = this.deps.scans.of(document, 'links').references;
    const links: vscode.DocumentLink[] = [];
    for (const ref of refs) {
      if (token.isCancellationRequested) {
        return [];
      }
      if (links.length >= MAX_LINKS_PER_DOCUMENT) {
        break;
      }
      const p = ref.exists && !isWorkspaceReference(ref) ? this.deps.catalogue.byNumber(ref.number) : undefined;
      if (!p) {
        continue;
      }
      const target = vscode.Uri.parse(`command:egn.openProposal?${encodeURIComponent(JSON.stringify([p.id]))}`);
      const link = new vscode.DocumentLink(new vscode.Range(document.positionAt(ref.start), document.positionAt(ref.end)), target);
      // The hover already shows the title: the tooltip only says what a click does.
      link.tooltip = vscode.l10n.t('Open the details of {0}', p.id);
      links.push(link);
    }
    links.push(...workspaceReferenceLinks(refs, document).slice(0, Math.max(0, MAX_LINKS_PER_DOCUMENT - links.length)));
    return token.isCancellationRequested ? [] : links;
  }

  async resolveDocumentLink(link: vscode.DocumentLink): Promise<vscode.DocumentLink> {
    return link instanceof WorkspaceReferenceLink ? resolveWorkspaceReferenceLink(link) : link;
  }
}
