import * as vscode from 'vscode';
import type { Proposal, SubTheme, Theme } from '../core/catalogue';
import type { CatalogueSet, LoadedCatalogue } from '../core/catalogueSet';
import { Disposable } from '../core/dispose';
import { type CitationSource, indexCovers } from '../citations/citationSource';
import { groupCountText, proposalCountText } from '../citations/citationCountText';

/** Scheme of the `resourceUri`s the catalogue's proposal rows carry, so that they can be decorated. */
export const CATALOGUE_ROW_SCHEME = 'egn-catalogue';

/** The `resourceUri` of a proposal's row: `egn-catalogue:/EGN-12`. */
export function proposalRowUri(p: Proposal): vscode.Uri {
  return vscode.Uri.from({ scheme: CATALOGUE_ROW_SCHEME, path: `/${p.id}` });
}

/**
 * The `resourceUri` of a catalogue's root row (`egn-catalogue:/FRA`) or of one of its groups
 * (`egn-catalogue:/FRA/equiper`): a prefix has no `-` and a proposal id has one, so neither is
 * read as the other.
 */
export function groupRowUri(prefix: string, group?: Theme | SubTheme): vscode.Uri {
  return vscode.Uri.from({ scheme: CATALOGUE_ROW_SCHEME, path: group ? `/${prefix}/${group.id}` : `/${prefix}` });
}

/** What a row's URI names: a proposal, or the proposals of a group or of a whole catalogue. */
type RowTarget =
  | { readonly kind: 'proposal'; readonly catalogue: LoadedCatalogue; readonly proposal: Proposal }
  | { readonly kind: 'group'; readonly catalogue: LoadedCatalogue; readonly proposals: readonly Proposal[] };

function rowTarget(set: CatalogueSet, uri: vscode.Uri): RowTarget | undefined {
  const [first, group, ...rest] = uri.path.slice(1).split('/');
  if (rest.length > 0 || first === undefined) {
    return undefined;
  }
  // Only a proposal id has a `-`: the root of a catalogue `FRA2` is not the proposal FRA-2.
  const found = group === undefined && first.includes('-') ? set.proposal(first) : undefined;
  if (found) {
    return { kind: 'proposal', ...found };
  }
  const catalogue = set.byPrefix(first);
  if (!catalogue) {
    return undefined;
  }
  const proposals = group === undefined ? catalogue.catalogue.proposals : catalogue.catalogue.groupById(group)?.proposals;
  return proposals && { kind: 'group', catalogue, proposals };
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
 * Citation counts as right-aligned badges on the catalogue's rows, as the Explorer shows problems
 * and Git status: a badge stays in sight whatever the sidebar's width, where a description after a
 * long title is the first thing cut. A proposal's badge is how often it is cited; a group's or a
 * catalogue's, how many of its proposals are cited (its tooltip: "2 of 4 proposals cited"). What
 * nothing cites is muted. Follows the index and `egn.catalogue.showCitationCounts`.
 */
export class CitationDecorations extends Disposable implements vscode.FileDecorationProvider {
  private readonly changed = this.register(new vscode.EventEmitter<undefined>());
  readonly onDidChangeFileDecorations = this.changed.event;

  constructor(private readonly citations: CitationSource, private readonly catalogues: () => CatalogueSet) {
    super();
    this.register(citations.onDidChange(() => this.changed.fire(undefined)));
    this.register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('egn.catalogue.showCitationCounts')) {
        this.changed.fire(undefined);
      }
    }));
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== CATALOGUE_ROW_SCHEME || !vscode.workspace.getConfiguration('egn.catalogue').get<boolean>('showCitationCounts', true)) {
      return undefined;
    }
    const found = rowTarget(this.catalogues(), uri);
    const counts = found ? citationCounts(this.citations, found.catalogue) : undefined;
    if (!found || !counts) {
      return undefined;
    }
    let n: number;
    let tooltip: string;
    if (found.kind === 'proposal') {
      n = counts.get(found.proposal.number) ?? 0;
      tooltip = proposalCountText(n);
    } else {
      n = found.proposals.filter((p) => counts.has(p.number)).length;
      tooltip = groupCountText(n, found.proposals.length);
    }
    const badge = citationBadge(n);
    return badge === undefined
      ? new vscode.FileDecoration(undefined, tooltip, new vscode.ThemeColor('disabledForeground'))
      : new vscode.FileDecoration(badge, tooltip);
  }

  /** Asks VS Code for every row's decoration again (the catalogues in use changed). */
  refresh(): void {
    this.changed.fire(undefined);
  }
}
