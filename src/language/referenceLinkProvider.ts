import * as vscode from 'vscode';
import type { ExtensionDeps } from '../deps';

/** Every reference to an existing proposal is a link that opens its detail panel. */
export class ReferenceLinkProvider implements vscode.DocumentLinkProvider {
  constructor(private readonly deps: ExtensionDeps) {}

  provideDocumentLinks(document: vscode.TextDocument, token: vscode.CancellationToken): vscode.DocumentLink[] {
    const refs = this.deps.scanner.scan(document.getText());
    const links: vscode.DocumentLink[] = [];
    for (const ref of refs) {
      if (token.isCancellationRequested) {
        return [];
      }
      const p = ref.exists ? this.deps.catalogue.byNumber(ref.number) : undefined;
      if (!p) {
        continue;
      }
      const target = vscode.Uri.parse(`command:egn.openProposal?${encodeURIComponent(JSON.stringify([p.id]))}`);
      const link = new vscode.DocumentLink(new vscode.Range(document.positionAt(ref.start), document.positionAt(ref.end)), target);
      // The hover already shows the title: the tooltip only says what a click does.
      link.tooltip = vscode.l10n.t('Open the details of {0}', p.id);
      links.push(link);
    }
    return links;
  }
}
