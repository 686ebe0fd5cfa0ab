import * as vscode from 'vscode';
import type { Proposal, SubTheme, Theme } from '../core/catalogue';
import { BUNDLED_SOURCE, CatalogueProblem, CatalogueSet, fileName, LoadedCatalogue } from '../core/catalogueSet';
import { catalogueErrorText } from '../catalogues/catalogueErrorText';
import { Disposable } from '../core/dispose';
import type { CitationSource } from '../citations/citationSource';
import type { CatalogueNode } from './catalogueNode';
import { citationCounts, groupRowUri, proposalRowUri } from './citationDecorations';
import { OPEN_SELECTED_PROPOSAL } from './openSelectedProposal';
import { proposalCountText } from '../citations/citationCountText';

type CatalogueRootNode = Extract<CatalogueNode, { kind: 'catalogue' }>;
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

/** Where the tree reads the catalogues in use, and hears of their changes. */
export interface CatalogueSetSource {
  readonly current: CatalogueSet;
  readonly onDidChange?: vscode.Event<unknown>;
  /** The workspace's catalogue files that did not load, each shown as a row with an error icon. */
  readonly problems?: readonly CatalogueProblem[];
  readonly onDidChangeProblems?: vscode.Event<unknown>;
}

/**
 * The catalogues as a tree. With the bundled EGN catalogue alone, its themes are the roots (as
 * before workspace catalogues existed); with workspace catalogues, one root per catalogue, the
 * bundled one first (unless `egn.catalogues.showBundled` is off), then the workspace's in the
 * set's order. Under a catalogue: its groups (in source order), their sub-themes where it has them,
 * then the proposals. Nodes are made once per set of catalogues, so that every `reveal` and refresh
 * sees the same objects, and `getParent` makes `TreeView.reveal` work.
 */
export class CatalogueTreeProvider extends Disposable implements vscode.TreeDataProvider<CatalogueNode> {
  private readonly changed = this.register(new vscode.EventEmitter<CatalogueNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private refreshes = 0;
  private readonly filterChanged = this.register(new vscode.EventEmitter<CatalogueFilterState>());
  /** Fires when the filter text or the uncited-only switch changes, or when the citations change what it keeps. */
  readonly onDidChangeFilter = this.filterChanged.event;

  /** The catalogues the tree shows, in order. */
  private shownCatalogues: readonly LoadedCatalogue[] = [];
  /** True when each catalogue has a root row (there are workspace catalogues). */
  private rooted = false;
  private rootNodes = new Map<LoadedCatalogue, CatalogueRootNode>();
  private themeNodes = new Map<Theme, ThemeNode>();
  private subthemeNodes = new Map<SubTheme, SubThemeNode>();
  private proposalNodes = new Map<Proposal, ProposalNode>();
  /** The catalogue of each group, for its counts and its parent row. */
  private catalogueOfTheme = new Map<Theme, LoadedCatalogue>();
  private query: string | undefined;
  private uncitedOnly = false;
  /** Proposals kept by the active filters; undefined when the tree shows everything. */
  private kept: ReadonlySet<Proposal> | undefined;
  /** The ids of the groups the writer opened, so that clearing a filter (which opens every group) gives them back as they were. */
  private readonly opened = new Set<string>();

  constructor(
    private readonly catalogues: CatalogueSetSource,
    private readonly citations: CitationSource,
  ) {
    super();
    this.build();
    this.register(citations.onDidChange(() => {
      if (this.uncitedOnly) {
        this.applyFilters();
      } else {
        // Group tooltips say how many proposals are cited; the badges follow through their decorations.
        this.refresh();
      }
    }));
    this.register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('egn.catalogue.showCitationCounts')) {
        this.refresh();
      }
      if (e.affectsConfiguration('egn.catalogues.showBundled')) {
        this.rebuild();
      }
    }));
    if (catalogues.onDidChange) {
      this.register(catalogues.onDidChange(() => this.rebuild()));
    }
    if (catalogues.onDidChangeProblems) {
      this.register(catalogues.onDidChangeProblems(() => this.refresh()));
    }
  }

  /**
   * How many times the tree was told to refresh so far: a reveal that saw it change while it ran
   * was dropped by VS Code (see `revealInCatalogue`).
   */
  get refreshCount(): number {
    return this.refreshes;
  }

  private refresh(): void {
    this.refreshes++;
    this.changed.fire(undefined);
  }

  /** The catalogues the tree shows (the bundled one hidden by `egn.catalogues.showBundled: false`). */
  get shown(): readonly LoadedCatalogue[] {
    return this.shownCatalogues;
  }

  /** Makes the rows of the catalogues in use now; the filters stay, applied to the new rows. */
  private rebuild(): void {
    this.build();
    this.applyFilters();
  }

  private build(): void {
    const showBundled = vscode.workspace.getConfiguration('egn.catalogues').get<boolean>('showBundled', true);
    const all = this.catalogues.current.catalogues;
    this.shownCatalogues = all.filter((c) => showBundled || c.source !== BUNDLED_SOURCE);
    this.rooted = all.some((c) => c.source !== BUNDLED_SOURCE);
    this.rootNodes = new Map();
    this.themeNodes = new Map();
    this.subthemeNodes = new Map();
    this.proposalNodes = new Map();
    this.catalogueOfTheme = new Map();
    for (const loaded of this.shownCatalogues) {
      const catalogue = loaded.catalogue;
      // The bundled catalogue keeps its historical ids; a workspace catalogue's groups carry its prefix.
      const scope = loaded.source === BUNDLED_SOURCE ? '' : `${catalogue.prefix}:`;
      this.rootNodes.set(loaded, { kind: 'catalogue', id: `catalogue:${catalogue.prefix}`, loaded });
      for (const theme of catalogue.themes) {
        this.catalogueOfTheme.set(theme, loaded);
        this.themeNodes.set(theme, { kind: 'theme', id: `theme:${scope}${theme.id}`, theme });
        for (const subtheme of theme.subthemes) {
          this.subthemeNodes.set(subtheme, { kind: 'subtheme', id: `subtheme:${scope}${subtheme.id}`, subtheme });
        }
      }
      for (const proposal of catalogue.proposals) {
        this.proposalNodes.set(proposal, { kind: 'proposal', id: `proposal:${proposal.id}`, proposal });
      }
    }
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

  /** The proposals shown, in tree order. */
  visibleProposals(): Proposal[] {
    return this.shownCatalogues.flatMap((c) => c.catalogue.themes.flatMap((t) => t.proposals)).filter((p) => this.isKept(p));
  }

  nodeOf(item: Proposal | Theme | SubTheme): CatalogueNode | undefined {
    return this.proposalNodes.get(item as Proposal) ?? this.themeNodes.get(item as Theme) ?? this.subthemeNodes.get(item as SubTheme);
  }

  getChildren(node?: CatalogueNode): CatalogueNode[] {
    if (!node) {
      const roots = this.rooted
        ? this.shownCatalogues.filter((c) => this.kept === undefined || c.catalogue.proposals.some((p) => this.isKept(p))).map((c) => this.rootNodes.get(c)!)
        : this.shownCatalogues.flatMap((c) => this.themesOf(c));
      return [...roots, ...this.failedNodes()];
    }
    switch (node.kind) {
      case 'catalogue':
        return this.themesOf(node.loaded);
      case 'theme': {
        // Sub-themes first, in source order; a theme without sub-themes lists its proposals directly.
        const subs: CatalogueNode[] = node.theme.subthemes.filter((s) => s.proposals.some((p) => this.isKept(p))).map((s) => this.subthemeNodes.get(s)!);
        const direct = node.theme.proposals.filter((p) => p.subtheme === undefined && this.isKept(p)).map((p) => this.proposalNodes.get(p)!);
        return [...subs, ...direct];
      }
      case 'subtheme':
        return node.subtheme.proposals.filter((p) => this.isKept(p)).map((p) => this.proposalNodes.get(p)!);
      case 'proposal':
      case 'failedCatalogue':
        return [];
    }
  }

  /** One row per workspace catalogue file that did not load, after the catalogues (none while filtering). */
  private failedNodes(): CatalogueNode[] {
    if (this.kept) {
      return [];
    }
    return (this.catalogues.problems ?? []).map((problem) => ({ kind: 'failedCatalogue', id: `failed:${problem.source}`, problem }));
  }

  getParent(node: CatalogueNode): CatalogueNode | undefined {
    switch (node.kind) {
      case 'catalogue':
      case 'failedCatalogue':
        return undefined;
      case 'theme': {
        const loaded = this.catalogueOfTheme.get(node.theme);
        return this.rooted && loaded ? this.rootNodes.get(loaded) : undefined;
      }
      case 'subtheme':
        return this.themeNodes.get(node.subtheme.theme);
      case 'proposal':
        return node.proposal.subtheme ? this.subthemeNodes.get(node.proposal.subtheme) : this.themeNodes.get(node.proposal.theme);
    }
  }

  private themesOf(loaded: LoadedCatalogue): CatalogueNode[] {
    return loaded.catalogue.themes.filter((t) => t.proposals.some((p) => this.isKept(p))).map((t) => this.themeNodes.get(t)!);
  }

  /** Remembers that the writer opened or closed a group's row (the view's expand and collapse events). */
  noteExpanded(node: CatalogueNode, open: boolean): void {
    if (this.kept) {
      // Every group is open while filtering: that says nothing of what the writer wants afterwards.
      return;
    }
    if (open) {
      this.opened.add(node.id);
    } else {
      this.opened.delete(node.id);
    }
  }

  getTreeItem(node: CatalogueNode): vscode.TreeItem {
    // While a filter is active every group is shown open, so that the matches are in sight; otherwise
    // each group is as the writer left it.
    const groupState = this.kept || this.opened.has(node.id) ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.kind) {
      case 'catalogue': {
        const c = node.loaded.catalogue;
        // Open at first, so that the groups below read as they did before there were several roots.
        // The prefix first: at the default sidebar width the title is cut, and two catalogues whose
        // titles begin alike (« Feuille de route numérique de … », « Feuille de route du numérique … »)
        // would look the same. The full title is in the tooltip.
        const item = new vscode.TreeItem(`${c.prefix} · ${c.title}`, vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon(node.loaded.source === BUNDLED_SOURCE ? 'library' : 'book');
        item.contextValue = node.loaded.source === BUNDLED_SOURCE ? 'catalogue.bundled' : 'catalogue.workspace';
        // How many of its proposals are cited is a badge (CitationDecorations on this URI), which
        // stays in sight after a long title, where a description is cut.
        item.resourceUri = groupRowUri(c.prefix);
        item.description = this.filterLabel(c.proposals);
        item.tooltip = catalogueTooltip(node.loaded);
        item.accessibilityInformation = { label: `${c.title}, ${c.prefix}` };
        return item;
      }
      case 'theme': {
        const item = new vscode.TreeItem(node.theme.title, groupState);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon(node.theme.icon);
        item.contextValue = 'theme';
        item.resourceUri = this.groupUri(node.theme);
        item.description = this.filterLabel(node.theme.proposals);
        // The full title, cut in a narrow sidebar; VS Code adds the badge's "2 of 4 proposals cited".
        item.tooltip = node.theme.title;
        item.accessibilityInformation = { label: node.theme.title };
        return item;
      }
      case 'subtheme': {
        const item = new vscode.TreeItem(node.subtheme.title, groupState);
        item.id = node.id;
        item.contextValue = 'subtheme';
        item.resourceUri = this.groupUri(node.subtheme);
        item.description = this.filterLabel(node.subtheme.proposals);
        const path = `${node.subtheme.theme.title} › ${node.subtheme.title}`;
        item.tooltip = path;
        item.accessibilityInformation = { label: path };
        return item;
      }
      case 'proposal': {
        const p = node.proposal;
        const item = new vscode.TreeItem(`${p.number}. ${p.title}`, vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        // Every catalogue's rows offer the same menu (`viewItem =~ /^proposal/`): the commands resolve a
        // row by its proposal's id (core/proposalArguments.ts), so `FRA-3` never reads as `EGN-3`.
        item.contextValue = this.catalogueOfTheme.get(p.theme)?.source === BUNDLED_SOURCE ? 'proposal' : 'proposal.workspace';
        // The count is a badge (CitationDecorations on this URI), not a description: a description
        // comes after the title and is the first thing cut in a narrow sidebar.
        item.resourceUri = proposalRowUri(p);
        item.iconPath = new vscode.ThemeIcon('note');
        const loaded = this.catalogueOfTheme.get(p.theme);
        const counts = loaded && citationCounts(this.citations, loaded);
        item.tooltip = proposalTooltip(p, counts ? proposalCountText(counts.get(p.number) ?? 0) : undefined);
        item.accessibilityInformation = { label: `${p.id}, ${p.title}` };
        // No argument: the command reads the selected row (see openSelectedProposal.ts for why).
        item.command = { command: OPEN_SELECTED_PROPOSAL, title: vscode.l10n.t('Open Proposal Details') };
        return item;
      }
      case 'failedCatalogue': {
        const { problem } = node;
        const item = new vscode.TreeItem(fileName(problem.source), vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
        item.contextValue = 'catalogue.failed';
        item.description = vscode.l10n.t('not loaded');
        const first = problem.errors[0];
        const lines = [vscode.l10n.t('This catalogue file did not load. Click to see its errors in the Problems view.')];
        if (first) {
          lines.push('', vscode.l10n.t('Line {0}, column {1}: {2}', first.line, first.column, catalogueErrorText(first)));
        }
        item.tooltip = lines.join('\n');
        item.accessibilityInformation = { label: `${fileName(problem.source)}, ${vscode.l10n.t('not loaded')}` };
        item.command = { command: 'workbench.actions.view.problems', title: vscode.l10n.t('Show Problems') };
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
      const kept: Proposal[] = [];
      for (const loaded of this.shownCatalogues) {
        const c = loaded.catalogue;
        let found: Proposal[] = this.query === undefined ? [...c.proposals] : c.search(this.query).map((h) => h.proposal);
        if (this.uncitedOnly && this.citations.isReady) {
          // Only what the index knows to be uncited: a catalogue it does not count yet shows nothing.
          const counts = citationCounts(this.citations, loaded);
          found = counts ? found.filter((p) => !counts.has(p.number)) : [];
        }
        kept.push(...found);
      }
      this.kept = new Set(kept);
    }
    this.refresh();
    this.filterChanged.fire(this.filterState);
  }

  /**
   * "2 matches" shown while filtering; else nothing (how many are cited is the row's badge). Not "2 of 4":
   * beside the badge, a second pair of figures read as a second count of citations.
   */
  private filterLabel(proposals: readonly Proposal[]): string | undefined {
    if (!this.kept) {
      return undefined;
    }
    const shown = proposals.filter((p) => this.isKept(p)).length;
    return shown <= 1 ? vscode.l10n.t('{0} match', shown) : vscode.l10n.t('{0} matches', shown);
  }

  /** The URI of a group's row, that its badge is asked for on. */
  private groupUri(group: Theme | SubTheme): vscode.Uri | undefined {
    const theme = 'theme' in group ? group.theme : group;
    const loaded = this.catalogueOfTheme.get(theme);
    return loaded && groupRowUri(loaded.catalogue.prefix, group);
  }
}

/** A catalogue's title, prefix, version, file and description, as text. */
function catalogueTooltip(loaded: LoadedCatalogue): string {
  const c = loaded.catalogue;
  // « version 1 », not « FRA2 · 1 », which reads like a count.
  const lines = [c.title, c.version ? vscode.l10n.t('{0}, version {1}', c.prefix, c.version) : c.prefix];
  lines.push(loaded.source === BUNDLED_SOURCE
    ? vscode.l10n.t('Bundled with the extension')
    : vscode.workspace.asRelativePath(vscode.Uri.parse(loaded.source)));
  if (c.description) {
    lines.push('', c.description.trim());
  }
  return lines.join('\n');
}

/** Full title, theme path, and what the badge counts, with the catalogue's text escaped as Markdown. */
function proposalTooltip(p: Proposal, counted: string | undefined): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**').appendText(p.id).appendMarkdown('**  \n');
  md.appendText(p.title);
  md.appendMarkdown('\n\n');
  md.appendText(p.subtheme ? `${p.theme.title} › ${p.subtheme.title}` : p.theme.title);
  if (p.tags.length > 0) {
    md.appendMarkdown('\n\n');
    md.appendText(p.tags.join(', '));
  }
  if (counted) {
    md.appendMarkdown('\n\n');
    md.appendText(counted);
  }
  return md;
}
