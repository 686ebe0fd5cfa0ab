import * as vscode from 'vscode';
import type { Catalogue, Proposal } from '../core/catalogue';

interface ProposalPick extends vscode.QuickPickItem {
  readonly proposal: Proposal;
}

function toPick(p: Proposal): ProposalPick {
  return {
    proposal: p,
    label: p.id,
    description: p.title,
    detail: p.subtheme ? `${p.theme.title} › ${p.subtheme.title}` : p.theme.title,
    // The catalogue's search does the matching (accents, case, apostrophes ignored); the list must not filter again.
    alwaysShow: true,
  };
}

/** Lets the user pick one proposal, matching what they type the way the catalogue's search does. */
export function pickProposal(catalogue: Catalogue, title: string): Promise<Proposal | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<ProposalPick>();
    qp.title = title;
    qp.placeholder = vscode.l10n.t('Type words of the title, a number or a tag (accents ignored)');
    qp.matchOnDescription = true;
    qp.items = catalogue.proposals.map(toPick);
    let picked: Proposal | undefined;
    const disposables = [
      qp.onDidChangeValue((value) => {
        qp.items = value.trim() ? catalogue.search(value).map((h) => toPick(h.proposal)) : catalogue.proposals.map(toPick);
      }),
      qp.onDidAccept(() => {
        picked = qp.selectedItems[0]?.proposal;
        qp.hide();
      }),
      qp.onDidHide(() => {
        vscode.Disposable.from(...disposables).dispose();
        qp.dispose();
        resolve(picked);
      }),
    ];
    qp.show();
  });
}
