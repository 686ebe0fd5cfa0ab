import * as vscode from 'vscode';
import type { Catalogue, Proposal } from '../core/catalogue';
import { pickProposals } from '../language/proposalQuickPick';

/** Lets the user pick one proposal, in the same list as the insert and quick-fix commands. */
export async function pickProposal(catalogue: Catalogue, title: string): Promise<Proposal | undefined> {
  const picked = await pickProposals(catalogue, {
    title,
    placeholder: vscode.l10n.t('Type words of the title, a number or a tag (accents ignored)'),
    canPickMany: false,
  });
  return picked?.[0];
}
