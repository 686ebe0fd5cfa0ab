import * as vscode from 'vscode';

/**
 * What a proposal row's badge counts, in words: the citations of it in the workspace's documents (catalogue
 * files are not documents). One meaning at this level, said in every tooltip of a proposal.
 */
export function proposalCountText(n: number): string {
  return n === 0
    ? vscode.l10n.t('not cited in the workspace')
    : n === 1 ? vscode.l10n.t('cited once in the workspace') : vscode.l10n.t('cited {0} times in the workspace', n);
}

/**
 * What a group's or a catalogue's badge counts, in words: how many of its proposals are cited. English
 * agrees with the total (« 0 of 1 proposal »), French with the cited (« 0 proposition citée », 0 and 1 take
 * the singular): one message per case, told apart by their comments.
 */
export function groupCountText(cited: number, total: number): string {
  if (total === 1) {
    return vscode.l10n.t({ message: '{0} of 1 proposal cited', args: [cited], comment: ['one proposal in all'] });
  }
  return cited <= 1
    ? vscode.l10n.t({ message: '{0} of {1} proposals cited', args: [cited, total], comment: ['0 or 1 cited: French takes the singular'] })
    : vscode.l10n.t('{0} of {1} proposals cited', cited, total);
}
