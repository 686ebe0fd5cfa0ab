import type { Catalogue } from './catalogue';

/**
 * The English wording of the warning on a reference to a proposal that does not exist. The editor
 * passes the same sentence to `vscode.l10n.t` (its key in the French bundle); the command line prints
 * it as is. A unit test keeps the two sentences equal.
 */
export const UNKNOWN_PROPOSAL_TEMPLATE = '{0} does not exist: proposals are numbered {1} to {2}.';

/**
 * "EGN-41 does not exist: proposals are numbered EGN-1 to EGN-40.", in English.
 *
 * @param reference The number, or the reference as written (`EGN-` and 400 digits, which no number holds).
 */
export function unknownProposalText(catalogue: Pick<Catalogue, 'prefix' | 'range'>, reference: number | string): string {
  const id = (k: number): string => `${catalogue.prefix}-${k}`;
  return UNKNOWN_PROPOSAL_TEMPLATE.replace('{0}', typeof reference === 'number' ? id(reference) : reference).replace('{1}', id(catalogue.range.min)).replace('{2}', id(catalogue.range.max));
}
