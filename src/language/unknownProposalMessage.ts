import * as vscode from 'vscode';
import type { Reference } from '../core/reference';
import type { ExtensionDeps } from '../deps';

/** "EGN-41 does not exist: proposals are numbered EGN-1 to EGN-40.", shared by hover and diagnostics. */
export function unknownProposalMessage(deps: Pick<ExtensionDeps, 'catalogue' | 'scanner'>, ref: Pick<Reference, 'digits'>): string {
  const { min, max } = deps.catalogue.range;
  return vscode.l10n.t(
    '{0} does not exist: proposals are numbered {1} to {2}.',
    deps.scanner.writtenId(ref),
    deps.scanner.canonical(min),
    deps.scanner.canonical(max),
  );
}
