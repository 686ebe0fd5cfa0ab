import * as vscode from 'vscode';
import type { Proposal } from '../core/catalogue';
import type { LoadedCatalogue } from '../core/catalogueSet';
import { type CitationSource, indexCovers } from '../citations/citationSource';

/** Scheme of the `resourceUri`s the catalogue's proposal rows carry, so that they can be decorated. */
export const CATALOGUE_ROW_SCHEME = 'egn-catalogue';

/** The `resourceUri` of a proposal's row: `egn-catalogue:/EGN-12`. */
export function proposalRowUri(p: Proposal): vscode.Uri {
  return vscode.Uri.from({ scheme: CATALOGUE_ROW_SCHEME, path: `/${p.id}` });
}

/**
 * How often the workspace cites each proposal of a catalogue (numbers never cited are absent), or
 * undefined while that is not known: the index counts the bundled catalogue's citations; a
 * workspace catalogue's are unknown until the index covers it. The one place the tree and its
 * badges read counts from, where the index's per-catalogue counts plug in.
 */
export function citationCounts(citations: CitationSource, loaded: LoadedCatalogue): ReadonlyMap<number, number> | undefined {
  if (!citations.isReady || !indexCovers(citations, loaded.catalogue.prefix)) {
    return undefined;
  }
  return citations.countsOf(loaded.catalogue.prefix);
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

  constructor(private readonly citations: CitationSource, private readonly byId: (id: string) => { readonly catalogue: LoadedCatalogue; readonly proposal: Proposal } | undefined) {
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
    if (uri.scheme !== CATALOGUE_ROW_SCHEME || !vscode.workspace.getConfiguration('egn.catalogue').get<boolean>('showCitationCounts', true)) {
      return undefined;
    }
    const found = this.byId(uri.path.slice(1));
    const counts = found ? citationCounts(this.citations, found.catalogue) : undefined;
    if (!found || !counts) {
      return undefined;
    }
    const n = counts.get(found.proposal.number) ?? 0;
    const tooltip = n === 0 ? vscode.l10n.t('not cited') : n === 1 ? vscode.l10n.t('1 citation') : vscode.l10n.t('{0} citations', n);
    const badge = citationBadge(n);
    return badge === undefined
      ? new vscode.FileDecoration(undefined, tooltip, new vscode.ThemeColor('disabledForeground'))
      : new vscode.FileDecoration(badge, tooltip);
  }

  /** Asks VS Code for every row's decoration again (the catalogues in use changed). */
  refresh(): void {
    this.changed.fire(undefined);
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
