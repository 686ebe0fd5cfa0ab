import * as vscode from 'vscode';
import { shownPath } from '../citations/extractedTextUri';
import type { Citation } from '../core/citationIndex';
import type { Proposal } from '../core/catalogue';
import { BUNDLED_SOURCE } from '../core/catalogueSet';
import { indexCovers } from '../citations/citationSource';
import { hasContext } from '../core/catalogue';
import { Disposable } from '../core/dispose';
import type { ExtensionDeps } from '../deps';
import { CatalogueProposal, catalogueProposalFromArgument } from '../core/proposalArguments';
import { cataloguesInUse } from '../catalogues/cataloguesInUse';
import { externalUrl } from './externalUrl';
import { proposalPageLabels } from './panelLabels';
import { ProposalMessage, ProposalPanelState, ProposalUpdate, parseProposalMessage, parseProposalPanelState } from './panelProtocol';
import { CitationPage, renderCitationsSection, renderProposalBody } from './proposalPage';
import { CoalescedRefresh } from './coalescedRefresh';
import { PanelHost } from './panelHost';
import { escapeHtml, renderPage, webviewOptions } from './webviewHtml';

/** View type of proposal panels, as in the manifest's `onWebviewPanel:` activation event. */
export const PROPOSAL_VIEW_TYPE = 'egn.proposal';
/** Two previews of one proposal within this time are a double-click, which keeps its panel open. */
const DOUBLE_CLICK_MS = 500;
/**
 * How many citations a panel lists: a page. A proposal cited in thousands of places would make a
 * page too long to build and read; "show all" opens them in the references view.
 */
export const CITATION_PAGE_SIZE = 50;

/** Opens an address outside VS Code: `vscode.env.openExternal`, the only way a panel opens a `url`. */
export type ExternalOpener = (uri: vscode.Uri) => Thenable<boolean>;

/** What a panel did with a message, for the tests: the address it handed to the opener, if any. */
export interface PanelMessageOutcome {
  readonly opened?: string;
}

function shortTitle(p: Proposal): string {
  const max = 28;
  return p.title.length <= max ? `${p.id} · ${p.title}` : `${p.id} · ${p.title.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Where a new proposal panel opens: beside the text being written when there is one, so that both
 * stay in sight (as Markdown's "Open Preview to the Side"); else in the active group.
 */
function columnForNewPanel(): vscode.ViewColumn {
  return vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
}

interface CurrentCitations {
  readonly citations: readonly Citation[];
  /** Undefined while the workspace index is not built. */
  readonly lines: CitationPage | undefined;
  readonly key: string;
}

/** One open proposal panel. */
class ProposalPanel {
  /** The page's HTML shows another proposal than the panel does (it was switched by a message). */
  private htmlStale = false;
  /** The citations the page lists, so that an index in a message resolves against what the user saw. */
  private shown: readonly Citation[] = [];
  /** Key of the citations section last sent, so that an unrelated index change sends nothing. */
  private shownKey = '';
  /** Key of the citations in the page's HTML: a hidden webview is rebuilt from it when shown again, losing later updates. */
  private renderedKey = '';
  /** The body last sent with a 'show' message. */
  private lastBody = '';

  constructor(
    public found: CatalogueProposal,
    readonly panel: vscode.WebviewPanel,
    private readonly deps: ExtensionDeps,
    private readonly extensionUri: vscode.Uri,
  ) {}

  get proposal(): Proposal {
    return this.found.proposal;
  }

  /** Whether the index counts this proposal's catalogue (the same check as the tree's badges). */
  get indexed(): boolean {
    return indexCovers(this.deps.citations, this.found.catalogue.catalogue.prefix);
  }

  render(): void {
    const cited = this.adoptCitations(this.currentCitations());
    this.renderedKey = this.shownKey;
    this.htmlStale = false;
    const state: ProposalPanelState = { id: this.proposal.id };
    this.panel.title = shortTitle(this.proposal);
    this.panel.webview.html = renderPage({
      webview: this.panel.webview,
      extensionUri: this.extensionUri,
      lang: vscode.env.language,
      title: this.proposal.id,
      bodyHtml: this.bodyHtml(cited),
      script: 'proposal.js',
      state,
    });
  }

  /**
   * Shows another proposal in this panel. A live page (visible, or kept while hidden) gets the new
   * body as a message, much faster than a new page (no reload of the document, its styles and
   * script). A page not kept while hidden (a panel restored from before pages were kept) gets new
   * HTML instead: VS Code drops a message posted to such a page and rebuilds it from its HTML when it
   * is shown, which is why a preview behind another tab used to come back on the proposal it showed
   * before while its tab named the new one. A message VS Code reports undelivered falls back to the
   * HTML as well.
   */
  retarget(found: CatalogueProposal): void {
    this.found = found;
    if (!this.live) {
      this.render();
      return;
    }
    const proposal = found.proposal;
    const cited = this.adoptCitations(this.currentCitations());
    this.panel.title = shortTitle(proposal);
    this.lastBody = this.bodyHtml(cited);
    const update: ProposalUpdate = { type: 'show', html: this.lastBody, state: { id: proposal.id }, title: proposal.id };
    this.htmlStale = true;
    void this.panel.webview.postMessage(update).then((delivered) => {
      if (!delivered && this.found === found && this.htmlStale) {
        this.render();
      }
    });
  }

  /** Whether the page runs now and gets messages: visible, or kept while hidden. */
  private get live(): boolean {
    return this.panel.visible || this.retained;
  }

  /** Whether VS Code keeps the page while the panel is hidden (panels made before this was set are not). */
  private get retained(): boolean {
    return this.panel.options.retainContextWhenHidden === true;
  }

  /** The page as it is now: the HTML, or the body last sent when the panel was switched to another proposal. */
  get currentHtml(): string {
    return this.htmlStale ? this.lastBody : this.panel.webview.html;
  }

  /** The panel went out of sight: a webview not kept alive is rebuilt from its HTML, which must show the right proposal. */
  becameHidden(): void {
    if (this.htmlStale && !this.retained) {
      this.render();
    }
  }

  private bodyHtml(cited: CitationPage | undefined): string {
    const loaded = this.found.catalogue;
    const url = externalUrl(this.proposal.url);
    const body = renderProposalBody(loaded.catalogue, this.proposal, proposalPageLabels(), cited, {
      catalogueTitle: loaded.source === BUNDLED_SOURCE ? undefined : loaded.catalogue.title,
      hasOverview: hasContext(loaded.catalogue),
      url: url?.toString(true),
      citationsKnown: this.indexed,
    });
    return `<div id="egn-page">${body}</div>`;
  }

  /** Sends the citations section again if what it lists changed (a hidden panel is brought up to date when shown). */
  refreshCitations(): void {
    if (!this.live) {
      return;
    }
    const current = this.currentCitations();
    if (current.key === this.shownKey) {
      return;
    }
    const update: ProposalUpdate = { type: 'citations', html: renderCitationsSection(proposalPageLabels(), this.adoptCitations(current)) };
    void this.panel.webview.postMessage(update);
  }

  /**
   * The panel came back in sight. A kept page is as it was: only its citations may be behind. A page
   * not kept was rebuilt from its HTML: render anew if that HTML is not the page the panel names (a
   * message the page never got), or if the citations changed since.
   */
  becameVisible(): void {
    if (this.retained) {
      this.refreshCitations();
      return;
    }
    const current = this.currentCitations();
    if (this.htmlStale || current.key !== this.renderedKey) {
      this.render();
    } else {
      this.adoptCitations(current);
    }
  }

  citationAt(index: number): Citation | undefined {
    return this.shown[index];
  }

  private adoptCitations(current: CurrentCitations): CitationPage | undefined {
    this.shown = current.citations;
    this.shownKey = current.key;
    return current.lines;
  }

  private currentCitations(): CurrentCitations {
    if (!this.deps.citations.isReady) {
      return { citations: [], lines: undefined, key: 'not-ready' };
    }
    if (!this.indexed) {
      return { citations: [], lines: undefined, key: 'not-indexed' };
    }
    const prefix = this.found.catalogue.catalogue.prefix;
    const citations = this.deps.citations.citationsOfProposal(prefix, this.proposal.number, { limit: CITATION_PAGE_SIZE });
    const total = this.deps.citations.countOf(prefix, this.proposal.number) || citations.length;
    const lines = citations.map((c) => ({
      // office: a text view is listed under its original's path.
      path: shownPath(vscode.Uri.parse(c.uri)),
      line: c.line + 1,
      preview: c.lineText,
    }));
    return { citations, lines: { lines, total }, key: JSON.stringify([total, citations.map((c) => [c.uri, c.line, c.character, c.endLine, c.endCharacter, c.lineText])]) };
  }
}

/**
 * The proposal panels: one per proposal, revealed when opened again, restored after a reload,
 * their "cited in this workspace" section kept up to date with the index.
 */
export class ProposalPanelManager extends Disposable {
  /** By proposal id (`EGN-12`, `FRA-2`): ids are unique across catalogues, numbers are not. */
  private readonly panels = new Map<string, ProposalPanel>();
  /** The panel in preview mode, that the next preview replaces (as the Explorer's single click does with files). */
  private preview: ProposalPanel | undefined;
  /** The last preview request, to tell a double-click (two requests for one proposal in a row) from two single clicks. */
  private lastPreview: { readonly id: string; readonly at: number } | undefined;
  private readonly host: PanelHost;
  /** Bursts of index changes (typing in a cited document) refresh the panels once. */
  private readonly refresh = new CoalescedRefresh(() => this.refreshAll());

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly deps: ExtensionDeps,
    private readonly openExternal: ExternalOpener = (uri) => vscode.env.openExternal(uri),
  ) {
    super();
    this.host = this.register(new PanelHost(extensionUri, deps.output));
    this.register(deps.citations.onDidChange(() => this.refresh.schedule()));
    // Panels first: closing one may schedule a refresh, whose timer goes next.
    this.register({ dispose: () => [...this.panels.values()].forEach((p) => p.panel.dispose()) });
    this.register(this.refresh);
  }

  /**
   * Opens the panel of `proposal`: the one place that decides where, for every way of asking (a click
   * or Enter on a tree row, Ctrl+click on a reference, a hover's link, the command, a link in a page).
   * As VS Code's own previews do: a panel already showing the proposal is revealed where it is;
   * otherwise the preview panel, wherever it is, shows it in place of what it showed, so that browsing
   * never piles up tabs; otherwise a new preview panel opens (see `columnForNewPanel`). A panel stops
   * being the preview when the user keeps it: a second request for its proposal in a row (a
   * double-click, a second Ctrl+click), "Keep Open", working in its page, or `{ preview: false }`.
   * With `workbench.editor.enablePreview` off every panel is kept, one per proposal.
   */
  show(found: CatalogueProposal, options: { readonly preview?: boolean } = {}): vscode.WebviewPanel {
    const proposal = found.proposal;
    const wantsPreview = options.preview !== false && vscode.workspace.getConfiguration('workbench.editor').get<boolean>('enablePreview', true);
    const now = Date.now();
    const doubleClick = wantsPreview && this.lastPreview?.id === proposal.id && now - this.lastPreview.at < DOUBLE_CLICK_MS;
    this.lastPreview = wantsPreview && !doubleClick ? { id: proposal.id, at: now } : undefined;
    const existing = this.panels.get(proposal.id);
    if (existing) {
      if (!wantsPreview || doubleClick) {
        this.pin(existing);
      }
      existing.panel.reveal(existing.panel.viewColumn);
      return existing.panel;
    }
    const preview = this.preview;
    if (wantsPreview && preview) {
      this.panels.delete(preview.proposal.id);
      preview.retarget(found);
      this.panels.set(proposal.id, preview);
      preview.panel.reveal(preview.panel.viewColumn);
      return preview.panel;
    }
    const panel = this.host.createPanel(PROPOSAL_VIEW_TYPE, shortTitle(proposal), columnForNewPanel(), {
      // The page stays alive behind other tabs, so that coming back to it, or showing another proposal
      // in it, takes a message (about 0.1 s) instead of a new page (VS Code's floor: over a second
      // here, see npm run bench:panel). The cost is the memory of one small page per open panel.
      retainContextWhenHidden: true,
    });
    const entry = this.adopt(panel, found);
    if (wantsPreview) {
      this.preview = entry;
      this.updatePreviewContext();
    }
    return panel;
  }

  /** Keeps the active preview panel open (the "Keep Open" action); true if a panel was pinned. */
  keepOpen(): boolean {
    const active = [...this.panels.values()].find((p) => p.panel.active) ?? this.preview;
    if (!active || active !== this.preview) {
      return false;
    }
    this.pin(active);
    return true;
  }

  /** The proposal ids of the open panels, and which one is the preview: for the tests. */
  describe(): { readonly open: readonly string[]; readonly preview: string | undefined } {
    return { open: [...this.panels.values()].map((p) => p.proposal.id), preview: this.preview?.proposal.id };
  }

  private pin(entry: ProposalPanel): void {
    if (this.preview === entry) {
      this.preview = undefined;
      this.updatePreviewContext();
    }
  }

  /** `egn.proposalPreviewActive`: the active panel is the preview, so that "Keep Open" shows in its title bar. */
  private updatePreviewContext(): void {
    void vscode.commands.executeCommand('setContext', 'egn.proposalPreviewActive', this.preview?.panel.active === true);
  }

  /** The serializer that hands this manager the proposal panels VS Code restores after a reload. */
  registerSerializer(): vscode.Disposable {
    return this.host.registerSerializer(PROPOSAL_VIEW_TYPE, (panel, state) => this.restore(panel, parseProposalPanelState(state)));
  }

  /** Takes over a panel VS Code restored after a reload; a state that names no proposal gets an explanation. */
  restore(panel: vscode.WebviewPanel, rawState: ProposalPanelState | undefined): void {
    const found = rawState ? catalogueProposalFromArgument(cataloguesInUse(this.deps), rawState.id) : undefined;
    if (!found) {
      panel.webview.options = webviewOptions(this.extensionUri);
      panel.webview.html = renderPage({
        webview: panel.webview,
        extensionUri: this.extensionUri,
        lang: vscode.env.language,
        title: 'EGN',
        bodyHtml: `<main><p>${escapeHtml(vscode.l10n.t('This panel showed a proposal that is no longer in the catalogue.'))}</p></main>`,
      });
      return;
    }
    if (this.panels.has(found.proposal.id)) {
      panel.dispose();
      return;
    }
    this.adopt(panel, found);
  }

  private adopt(panel: vscode.WebviewPanel, found: CatalogueProposal): ProposalPanel {
    const entry = new ProposalPanel(found, panel, this.deps, this.extensionUri);
    this.panels.set(found.proposal.id, entry);
    this.host.adopt(panel, 'proposal panel', {
      parse: parseProposalMessage,
      handle: (message) => {
        // Working in a preview (anything but moving to another proposal) keeps it open.
        if (message.type !== 'openProposal') {
          this.pin(entry);
        }
        return this.handle(entry, message);
      },
      becameVisible: () => entry.becameVisible(),
      becameHidden: () => entry.becameHidden(),
      viewStateChanged: () => {
        if (this.preview === entry) {
          this.updatePreviewContext();
        }
      },
      closed: () => {
        if (this.panels.get(entry.proposal.id) === entry) {
          this.panels.delete(entry.proposal.id);
        }
        if (this.preview === entry) {
          this.preview = undefined;
          this.updatePreviewContext();
        }
      },
    });
    entry.render();
    return entry;
  }

  private refreshAll(): void {
    for (const p of this.panels.values()) {
      p.refreshCitations();
    }
  }

  /** The page (the HTML, plus the body last sent to it) of the open panel of `id`, for the tests. */
  html(id: string): string | undefined {
    return [...this.panels.values()].find((p) => p.proposal.id.toUpperCase() === id.toUpperCase())?.currentHtml;
  }

  /**
   * Handles `raw` as if the open panel of `id` had sent it (for the tests: the same parsing and
   * handling as a webview message), with `opener` in place of `openExternal`.
   */
  async deliver(id: string, raw: unknown, opener: ExternalOpener): Promise<PanelMessageOutcome | undefined> {
    const entry = [...this.panels.values()].find((p) => p.proposal.id.toUpperCase() === id.toUpperCase());
    const message = parseProposalMessage(raw);
    return entry && message ? this.handle(entry, message, opener) : undefined;
  }

  private async handle(entry: ProposalPanel, message: ProposalMessage, opener: ExternalOpener = this.openExternal): Promise<PanelMessageOutcome> {
    const id = entry.proposal.id;
    switch (message.type) {
      case 'insert':
        await vscode.commands.executeCommand('egn.insertReference', id);
        return {};
      case 'copy':
        await vscode.commands.executeCommand('egn.copyReference', id);
        return {};
      case 'reveal':
        await vscode.commands.executeCommand('egn.revealInCatalogue', id);
        return {};
      case 'openOverview':
        if (hasContext(entry.found.catalogue.catalogue)) {
          await vscode.commands.executeCommand('egn.openOverview');
        }
        return {};
      case 'openUrl': {
        // The proposal's own address, checked again here: the page only asks, it never names one.
        const uri = externalUrl(entry.proposal.url);
        if (!uri) {
          return {};
        }
        void opener(uri);
        return { opened: uri.toString(true) };
      }
      case 'showAllCitations':
        await vscode.commands.executeCommand('egn.findCitations', id);
        return {};
      case 'openProposal': {
        const other = entry.found.catalogue.catalogue.byNumber(message.number);
        if (other) {
          // Browsing from a preview stays in it; from a kept panel it opens a preview beside it.
          this.show({ catalogue: entry.found.catalogue, proposal: other }, { preview: true });
        }
        return {};
      }
      case 'openCitation': {
        const c = entry.citationAt(message.index);
        if (c) {
          // Not over the panel: the writer reads the proposal and its citation side by side.
          const column = entry.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
          await vscode.window.showTextDocument(vscode.Uri.parse(c.uri), {
            viewColumn: column,
            selection: new vscode.Range(c.line, c.character, c.endLine, c.endCharacter),
          });
        }
        return {};
      }
      case 'buildIndex':
        if (await this.deps.citations.ready()) {
          this.refreshAll();
        }
        return {};
    }
  }
}
