import * as vscode from 'vscode';
import type { Proposal } from '../core/catalogue';
import type { CitationSource } from '../index/citationSource';

/** Scheme of the `resourceUri`s the catalogue's proposal rows carry, so that they can be decorated. */
export const CATALOGUE_ROW_SCHEME = 'egn-catalogue';

/** The `resourceUri` of a proposal's row: `egn-catalogue:/EGN-12`. */
export function proposalRowUri(p: Proposal): vscode.Uri {
  return vscode.Uri.from({ scheme: CATALOGUE_ROW_SCHEME, path: `/${p.id}` });
}

/**
 * The badge of a citation count: at most two characters, as VS Code requires: the count up to 99,
 * `+` beyond (the tooltip has the exact figure); nothing for an uncited proposal, whose row is muted.
 */
export function citationBadge(count: number): string | undefined {
  return count <= 0 ? undefined : count <= 99 ? String(count) : '+';
}

/**
 * The citation count of each proposal as a right-aligned badge on its catalogue row, as the Explorer
 * shows problems and Git status: a badge stays in sight whatever the sidebar's width, where a
 * description after a long title is the first thing cut. Uncited proposals are muted. Follows the
 * index and `egn.catalogue.showCitationCounts`.
 */
export class CitationDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly citations: CitationSource, private readonly byId: (id: string) => Proposal | undefined) {
    this.disposables = [
      this.changed,
      citations.onDidChange(() => this.changed.fire(undefined)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('egn.catalogue.showCitationCounts')) {
          this.changed.fire(undefined);
        }
      }),
    ];
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== CATALOGUE_ROW_SCHEME || !this.citations.isReady
      || !vscode.workspace.getConfiguration('egn.catalogue').get<boolean>('showCitationCounts', true)) {
      return undefined;
    }
    const p = this.byId(uri.path.slice(1));
    if (!p) {
      return undefined;
    }
    const n = this.citations.counts().get(p.number) ?? 0;
    const tooltip = n === 0 ? vscode.l10n.t('not cited') : n === 1 ? vscode.l10n.t('1 citation') : vscode.l10n.t('{0} citations', n);
    const badge = citationBadge(n);
    return badge === undefined
      ? new vscode.FileDecoration(undefined, tooltip, new vscode.ThemeColor('disabledForeground'))
      : new vscode.FileDecoration(badge, tooltip);
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
