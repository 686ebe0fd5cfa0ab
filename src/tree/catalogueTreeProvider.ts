import * as vscode from 'vscode';
import type { Catalogue, Proposal, SubTheme, Theme } from '../core/catalogue';
import type { CitationSource } from '../index/citationSource';
import type { CatalogueNode } from './catalogueNode';
import { proposalRowUri } from './citationDecorations';

type ThemeNode = Extract<CatalogueNode, { kind: 'theme' }>;
type SubThemeNode = Extract<CatalogueNode, { kind: 'subtheme' }>;
type ProposalNode = Extract<CatalogueNode, { kind: 'proposal' }>;

/** What the tree currently keeps: a text filter, the uncited-only switch, or both. */
export interface CatalogueFilterState {
  /** The text typed in `egn.filterCatalogue`, undefined when no text filter is active. */
  readonly query: string | undefined;
  readonly uncitedOnly: boolean;
  /** How many proposals the tree shows. */
  readonly shown: number;
}

/**
 * The catalogue as a tree: themes (in source order), their sub-themes where the source has them,
 * then the proposals. Nodes are created once, so that every `reveal` and refresh sees the same
 * objects, and `getParent` makes `TreeView.reveal` work.
 */
export class CatalogueTreeProvider implements vscode.TreeDataProvider<CatalogueNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CatalogueNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly filterChanged = new vscode.EventEmitter<CatalogueFilterState>();
  /** Fires when the filter text or the uncited-only switch changes, or when the citations change what it keeps. */
  readonly onDidChangeFilter = this.filterChanged.event;

  private readonly themeNodes = new Map<Theme, ThemeNode>();
  private readonly subthemeNodes = new Map<SubTheme, SubThemeNode>();
  private readonly proposalNodes = new Map<Proposal, ProposalNode>();
  private query: string | undefined;
  private uncitedOnly = false;
  /** Proposals kept by the active filters; undefined when the tree shows everything. */
  private kept: ReadonlySet<Proposal> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly catalogue: Catalogue,
    private readonly citations: CitationSource,
  ) {
    for (const theme of catalogue.themes) {
      this.themeNodes.set(theme, { kind: 'theme', id: `theme:${theme.id}`, theme });
      for (const subtheme of theme.subthemes) {
        this.subthemeNodes.set(subtheme, { kind: 'subtheme', id: `subtheme:${subtheme.id}`, subtheme });
      }
    }
    for (const proposal of catalogue.proposals) {
      this.proposalNodes.set(proposal, { kind: 'proposal', id: `proposal:${proposal.id}`, proposal });
    }
    this.disposables.push(
      this.changed,
      this.filterChanged,
      citations.onDidChange(() => {
        if (this.uncitedOnly) {
          this.applyFilters();
        } else {
          // Group rows say "cited / total"; proposal badges follow through their decorations.
          this.changed.fire(undefined);
        }
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('egn.catalogue.showCitationCounts')) {
          this.changed.fire(undefined);
        }
      }),
    );
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }

  /** The current filters and how many proposals they keep. */
  get filterState(): CatalogueFilterState {
    return { query: this.query, uncitedOnly: this.uncitedOnly, shown: this.visibleProposals().length };
  }

  /** Keeps only the proposals matching `query` (title, id, number or tag; case, accents and apostrophes ignored); undefined or blank clears it. */
  setQuery(query: string | undefined): void {
    const q = query?.trim();
    this.query = q ? q : undefined;
    this.applyFilters();
  }

  /** Keeps only the proposals the workspace never cites (the index must be built), or all of them again. */
  setUncitedOnly(on: boolean): void {
    this.uncitedOnly = on;
    this.applyFilters();
  }

  /** The proposals shown, in source order. */
  visibleProposals(): Proposal[] {
    return this.catalogue.themes.flatMap((t) => t.proposals).filter((p) => this.isKept(p));
  }

  nodeOf(item: Proposal | Theme | SubTheme): CatalogueNode | undefined {
    return this.proposalNodes.get(item as Proposal) ?? this.themeNodes.get(item as Theme) ?? this.subthemeNodes.get(item as SubTheme);
  }

  getChildren(node?: CatalogueNode): CatalogueNode[] {
    if (!node) {
      return this.catalogue.themes.filter((t) => t.proposals.some((p) => this.isKept(p))).map((t) => this.themeNodes.get(t)!);
    }
    switch (node.kind) {
      case 'theme': {
        // Sub-themes first, in source order; a theme without sub-themes lists its proposals directly.
        const subs: CatalogueNode[] = node.theme.subthemes.filter((s) => s.proposals.some((p) => this.isKept(p))).map((s) => this.subthemeNodes.get(s)!);
        const direct = node.theme.proposals.filter((p) => p.subtheme === undefined && this.isKept(p)).map((p) => this.proposalNodes.get(p)!);
        return [...subs, ...direct];
      }
      case 'subtheme':
        return node.subtheme.proposals.filter((p) => this.isKept(p)).map((p) => this.proposalNodes.get(p)!);
      case 'proposal':
        return [];
    }
  }

  getParent(node: CatalogueNode): CatalogueNode | undefined {
    switch (node.kind) {
      case 'theme':
        return undefined;
      case 'subtheme':
        return this.themeNodes.get(node.subtheme.theme);
      case 'proposal':
        return node.proposal.subtheme ? this.subthemeNodes.get(node.proposal.subtheme) : this.themeNodes.get(node.proposal.theme);
    }
  }

  getTreeItem(node: CatalogueNode): vscode.TreeItem {
    // While a filter is active every group is shown open, so that the matches are in sight.
    const groupState = this.kept ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.kind) {
      case 'theme': {
        const item = new vscode.TreeItem(node.theme.title, groupState);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon(node.theme.icon);
        item.contextValue = 'theme';
        item.description = this.countLabel(node.theme.proposals);
        item.tooltip = this.groupTooltip(node.theme.title, node.theme.proposals);
        item.accessibilityInformation = { label: node.theme.title };
        return item;
      }
      case 'subtheme': {
        const item = new vscode.TreeItem(node.subtheme.title, groupState);
        item.id = node.id;
        item.contextValue = 'subtheme';
        item.description = this.countLabel(node.subtheme.proposals);
        const path = `${node.subtheme.theme.title} › ${node.subtheme.title}`;
        item.tooltip = this.groupTooltip(path, node.subtheme.proposals);
        item.accessibilityInformation = { label: path };
        return item;
      }
      case 'proposal': {
        const p = node.proposal;
        const item = new vscode.TreeItem(`${p.number}. ${p.title}`, vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.contextValue = 'proposal';
        // The count is a badge (CitationDecorations on this URI), not a description: a description
        // comes after the title and is the first thing cut in a narrow sidebar.
        item.resourceUri = proposalRowUri(p);
        item.iconPath = new vscode.ThemeIcon('note');
        item.tooltip = proposalTooltip(p);
        item.accessibilityInformation = { label: `${p.id}, ${p.title}` };
        // A preview, that the next single click replaces; a double-click keeps it (see ProposalPanelManager).
        item.command = { command: 'egn.openProposal', title: vscode.l10n.t('Open Proposal Details'), arguments: [p.id, { preview: true }] };
        return item;
      }
    }
  }

  private isKept(p: Proposal): boolean {
    return this.kept === undefined || this.kept.has(p);
  }

  private applyFilters(): void {
    if (this.query === undefined && !this.uncitedOnly) {
      this.kept = undefined;
    } else {
      let kept: Proposal[] = this.query === undefined ? [...this.catalogue.proposals] : this.catalogue.search(this.query).map((h) => h.proposal);
      if (this.uncitedOnly && this.citations.isReady) {
        const counts = this.citations.counts();
        kept = kept.filter((p) => !counts.has(p.number));
      }
      this.kept = new Set(kept);
    }
    this.changed.fire(undefined);
    this.filterChanged.fire(this.filterState);
  }

  private showCounts(): boolean {
    return this.citations.isReady && vscode.workspace.getConfiguration('egn.catalogue').get<boolean>('showCitationCounts', true);
  }

  /** "3 of 5" shown while filtering; otherwise "2 / 5" cited once the index is built; else nothing. */
  private countLabel(proposals: readonly Proposal[]): string | undefined {
    if (this.kept) {
      const shown = proposals.filter((p) => this.isKept(p)).length;
      return vscode.l10n.t('{0} of {1}', shown, proposals.length);
    }
    return this.showCounts() ? `${this.citedAmong(proposals)} / ${proposals.length}` : undefined;
  }

  private citedAmong(proposals: readonly Proposal[]): number {
    const counts = this.citations.counts();
    return proposals.filter((p) => counts.has(p.number)).length;
  }

  /**
   * The group's full title (cut in a narrow sidebar, as its "cited / total" is), and how many of its
   * proposals the workspace cites.
   */
  private groupTooltip(title: string, proposals: readonly Proposal[]): string {
    return this.showCounts() ? `${title}\n${vscode.l10n.t('{0} of {1} proposals cited', this.citedAmong(proposals), proposals.length)}` : title;
  }
}

/** Full title and theme path, with the catalogue's text escaped as Markdown. */
function proposalTooltip(p: Proposal): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**').appendText(p.id).appendMarkdown('**  \n');
  md.appendText(p.title);
  md.appendMarkdown('\n\n');
  md.appendText(p.subtheme ? `${p.theme.title} › ${p.subtheme.title}` : p.theme.title);
  if (p.tags.length > 0) {
    md.appendMarkdown('\n\n');
    md.appendText(p.tags.join(', '));
  }
  return md;
}
