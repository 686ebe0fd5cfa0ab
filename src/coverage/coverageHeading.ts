import * as vscode from 'vscode';
import type { Catalogue } from '../core/catalogue';

/**
 * The heading of a catalogue's coverage: the EGN's own title for the bundled catalogue (position 0
 * of the index), the catalogue's title for a workspace catalogue.
 */
export function coverageHeading(catalogue: Catalogue, bundled: boolean): string {
  return bundled ? vscode.l10n.t('Coverage of the proposals of the EGN (2020)') : vscode.l10n.t('Coverage of {0} ({1})', catalogue.title, catalogue.prefix);
}
