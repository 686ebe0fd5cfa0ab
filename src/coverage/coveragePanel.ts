import * as vscode from 'vscode';
import { shownPath } from '../citations/extractedTextUri';
import type { Coverage } from '../core/coverage';
import { Disposable } from '../core/dispose';
import { documentCoverage } from '../core/documentCoverage';
import type { SetReference } from '../core/documentScans';
import { mostCitedCatalogue } from '../core/mostCitedCatalogue';
import type { ExtensionDeps } from '../deps';
import { CoalescedRefresh } from '../panels/coalescedRefresh';
import { PanelHost } from '../panels/panelHost';
import { escapeHtml, renderPage } from '../panels/webviewHtml';
import type { Catalogue } from '../core/catalogue';
import { coverageHeading } from './coverageHeading';
import { coverageLabels } from './coverageLabels';
import { CoveragePageText, renderCoverageBody } from './coveragePage';
import { CoverageFormat, CoverageMessage, CoveragePanelState, CoverageUpdate, parseCoverageMessage, parseCoveragePanelState } from './coverageProtocol';
import { exportCoverage } from './exportCoverage';

/** View type of the coverage report, as in the manifest's `onWebviewPanel:` activation event. */
export const COVERAGE_VIEW_TYPE = 'egn.coverage';

/** The name shown for a document: its workspace-relative path, or its title when untitled. */
export function displayPath(uri: string): string {
  const parsed = vscode.Uri.parse(uri);
  if (parsed.scheme === 'untitled') {
    return parsed.path;
  }
  // office: a text view shows as its original, with the document's kind.
  return shownPath(parsed, true);
}

/**
 * The coverage report: one panel, for the workspace or for one document, reused when opened
 * again (it switches scope). The workspace report follows the index; a document's report follows
 * the document's own text, saved or not, so it needs no workspace index.
 */
export class CoveragePanel extends Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private state: CoveragePanelState = { scope: 'workspace' };
  /** What the page shows now, so that an index in a message resolves against it. */
  private shown: Coverage | undefined;
  /** The catalogue shown, and the picker's catalogues, as the page was given them. */
  private shownCatalogue: Catalogue | undefined;
  private pickerPrefixes: readonly string[] = [];
  private readonly host: PanelHost;
  /** Typing or index changes close together refresh the report once. */
  private readonly coalesced = new CoalescedRefresh(() => void this.refresh());
  /** Whether the page has been rendered once (later renders update it in place). */
  private rendered = false;
  /** Refreshes started so far: only the latest renders (see `refresh`). */
  private refreshes = 0;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly deps: ExtensionDeps,
  ) {
    super();
    this.host = this.register(new PanelHost(extensionUri, deps.output));
    this.register(deps.citations.onDidChange(() => {
      if (this.state.scope === 'workspace') {
        this.coalesced.schedule();
      }
    }));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => {
      if (this.state.scope === 'document' && e.document.uri.toString() === this.state.uri) {
        this.coalesced.schedule();
      }
    }));
    if (deps.catalogues) {
      this.register(deps.catalogues.onDidChange(() => this.coalesced.schedule()));
    }
    // The panel first: its own disposal clears its timer too.
    this.register({ dispose: () => this.panel?.dispose() });
    this.register(this.coalesced);
  }

  /** The serializer that hands this report the panel VS Code restores after a reload, on the scope it had. */
  registerSerializer(): vscode.Disposable {
    return this.host.registerSerializer(COVERAGE_VIEW_TYPE, (panel, state) => this.restore(panel, parseCoveragePanelState(state) ?? { scope: 'workspace' }));
  }

  /** Opens (or reveals) the report on `state`'s scope. */
  async show(state: CoveragePanelState): Promise<void> {
    if (!this.panel) {
      const panel = this.host.createPanel(COVERAGE_VIEW_TYPE, this.title(state), vscode.ViewColumn.Active);
      this.adopt(panel);
    } else {
      this.panel.reveal();
    }
    await this.setState(state);
  }

  /** Takes over a panel VS Code restored after a reload. */
  async restore(panel: vscode.WebviewPanel, state: CoveragePanelState): Promise<void> {
    if (this.panel) {
      // Only one coverage report at a time: the restored one replaces a newer one.
      this.panel.dispose();
    }
    this.adopt(panel);
    await this.setState(state);
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.rendered = false;
    this.host.adopt(panel, 'coverage report', {
      parse: parseCoverageMessage,
      handle: (message) => this.handle(message),
      // A hidden webview keeps no page: one that missed a refresh is drawn in full when it shows.
      becameVisible: () => {
        if (!this.rendered) {
          void this.refresh();
        }
      },
      closed: () => {
        if (this.panel === panel) {
          this.panel = undefined;
          this.shown = undefined;
          this.coalesced.cancel();
        }
      },
    });
  }

  /** Shows `state`'s scope: a live page gets the new content as a message (fast), others a new page. */
  private async setState(state: CoveragePanelState): Promise<void> {
    this.state = state;
    if (this.panel) {
      this.panel.title = this.title(state);
    }
    await this.refresh();
  }

  private title(state: CoveragePanelState): string {
    const prefix = state.catalogue?.toUpperCase();
    if (prefix && prefix !== this.deps.catalogue.prefix.toUpperCase()) {
      return state.scope === 'workspace'
        ? vscode.l10n.t('{0} Coverage', prefix)
        : vscode.l10n.t('{0} Coverage: {1}', prefix, basename(state.uri));
    }
    return state.scope === 'workspace'
      ? vscode.l10n.t('EGN Coverage')
      : vscode.l10n.t('EGN Coverage: {0}', basename(state.uri));
  }

  /** The catalogues the report can show, bundled first: those the index covers. */
  private catalogues(): readonly Catalogue[] {
    const list = this.deps.citations.indexedCatalogues();
    return list.length > 0 ? list : [this.deps.catalogue];
  }

  /**
   * The catalogue to show: the one the state names; else, for a document, the one its text cites
   * most (the status bar's choice); else the EGN.
   */
  private chosenCatalogue(state: CoveragePanelState, refs: readonly SetReference[] | undefined): Catalogue {
    const list = this.catalogues();
    const named = state.catalogue && list.find((c) => c.prefix.toUpperCase() === state.catalogue?.toUpperCase());
    if (named) {
      return named;
    }
    return refs === undefined || list.length <= 1 ? list[0] : mostCitedCatalogue(list, refs);
  }

  private async refresh(): Promise<void> {
    // Refreshes overlap when events come while one awaits the index (opening the report as the
    // window starts): each rendered the page in full, so it loaded twice and what a reader (or a
    // test) had in hand vanished. A refresh started later renders instead of this one.
    const run = ++this.refreshes;
    const superseded = (): boolean => run !== this.refreshes;
    const panel = this.panel;
    if (!panel) {
      return;
    }
    if (!panel.visible) {
      // A hidden webview keeps no page (no retainContextWhenHidden): render in full when it shows.
      this.rendered = false;
      return;
    }
    const state = this.state;
    let coverage: Coverage | undefined;
    let catalogue: Catalogue;
    if (state.scope === 'workspace') {
      if (!this.deps.citations.isReady) {
        this.renderMessage(vscode.l10n.t('Indexing the workspace…'), false);
        const built = await this.deps.citations.ready();
        if (superseded()) {
          return;
        }
        if (!built) {
          this.renderMessage(vscode.l10n.t('The citation index was not built, so the workspace coverage is unknown.'), true);
          return;
        }
        this.rendered = false;
      }
      catalogue = this.chosenCatalogue(state, undefined);
      coverage = this.deps.citations.coverageOf(catalogue.prefix);
      if (!coverage) {
        // Not a catalogue the index covers (the choice is made among those it covers).
        this.renderMessage(vscode.l10n.t('The citation index was not built, so the workspace coverage is unknown.'), true);
        return;
      }
    } else {
      const document = await this.openDocument(state.uri);
      if (superseded()) {
        return;
      }
      const scan = document && this.deps.scans.of(document, 'coverage');
      catalogue = this.chosenCatalogue(state, scan?.counted);
      coverage = document && scan && documentCoverage(catalogue, document.uri.toString(), document.getText(), scan);
      if (!coverage) {
        this.renderMessage(vscode.l10n.t('The document {0} could not be opened.', displayPath(state.uri)), false);
        return;
      }
    }
    if (panel !== this.panel || state !== this.state) {
      return;
    }
    this.shown = coverage;
    this.shownCatalogue = catalogue;
    const body = renderCoverageBody(coverage, this.pageText(state, catalogue), displayPath);
    if (this.rendered) {
      const update: CoverageUpdate = { type: 'update', bodyHtml: body, state };
      // VS Code drops a message to a page out of sight: that page is drawn in full instead.
      void panel.webview.postMessage(update).then((delivered) => {
        if (!delivered && panel === this.panel && state === this.state) {
          this.rendered = false;
          void this.refresh();
        }
      });
    } else {
      panel.webview.html = renderPage({
        webview: panel.webview,
        extensionUri: this.extensionUri,
        lang: vscode.env.language,
        title: this.title(state),
        bodyHtml: body,
        script: 'coverage.js',
        state,
      });
      this.rendered = true;
    }
  }

  private async openDocument(uri: string): Promise<vscode.TextDocument | undefined> {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    if (document) {
      return document;
    }
    try {
      return await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    } catch {
      return undefined;
    }
  }

  private renderMessage(text: string, offerBuild: boolean): void {
    const panel = this.panel;
    if (!panel) {
      return;
    }
    this.shown = undefined;
    const button = offerBuild ? `<div class="actions"><button type="button" data-action="buildIndex">${escapeHtml(vscode.l10n.t('Build the Citation Index'))}</button></div>` : '';
    panel.webview.html = renderPage({
      webview: panel.webview,
      extensionUri: this.extensionUri,
      lang: vscode.env.language,
      title: this.title(this.state),
      bodyHtml: `<main><h1>${escapeHtml(vscode.l10n.t('Coverage of the proposals of the EGN (2020)'))}</h1><p role="status">${escapeHtml(text)}</p>${button}</main>`,
      script: 'coverage.js',
      state: this.state,
    });
    this.rendered = false;
  }

  private pageText(state: CoveragePanelState, catalogue: Catalogue): CoveragePageText {
    const labels = coverageLabels();
    const list = this.catalogues();
    this.pickerPrefixes = list.map((c) => c.prefix);
    return {
      labels,
      heading: coverageHeading(catalogue, catalogue === list[0]),
      picker: {
        label: vscode.l10n.t('Catalogue'),
        prefixes: this.pickerPrefixes,
        titles: list.map((c) => c.title),
        selected: list.indexOf(catalogue),
      },
      scope: state.scope === 'workspace'
        ? vscode.l10n.t('Scope: the whole workspace.')
        : vscode.l10n.t('Scope: the document {0}.', displayPath(state.uri)),
      byTheme: vscode.l10n.t('By theme'),
      coverage: vscode.l10n.t('Coverage'),
      matrix: vscode.l10n.t('Citations by document and proposal'),
      matrixCaption: vscode.l10n.t('Documents in rows, proposal numbers in columns: how many times each document cites each proposal.'),
      exportMarkdown: vscode.l10n.t('Export as Markdown'),
      exportCsv: vscode.l10n.t('Export as CSV'),
      noDocuments: state.scope === 'workspace'
        ? vscode.l10n.t('No document of the workspace cites a proposal yet.')
        : vscode.l10n.t('This document cites no proposal yet.'),
      openProposal: vscode.l10n.t('Open the details of “{0}”'),
      openDocument: vscode.l10n.t('Open {0}'),
      percentCited: vscode.l10n.t('{0}% cited'),
      percent: vscode.l10n.t('{0}%'),
      scrollHint: vscode.l10n.t('Scroll sideways for the other proposals (Shift+wheel, or the arrow keys in the table).'),
    };
  }

  private async handle(message: CoverageMessage): Promise<void> {
    const shown = this.shown;
    switch (message.type) {
      case 'openProposal': {
        const proposal = (this.shownCatalogue ?? this.deps.catalogue).byNumber(message.number);
        if (proposal) {
          await vscode.commands.executeCommand('egn.openProposal', proposal.id);
        }
        return;
      }
      case 'openDocument': {
        const document = shown?.documents[message.index];
        if (document) {
          await vscode.window.showTextDocument(vscode.Uri.parse(document.uri), { viewColumn: vscode.ViewColumn.Beside });
        }
        return;
      }
      case 'openUnknownReference': {
        const ref = shown?.unknownReferences[message.index];
        if (ref) {
          const at = new vscode.Position(ref.line, ref.character);
          await vscode.window.showTextDocument(vscode.Uri.parse(ref.uri), { viewColumn: vscode.ViewColumn.Beside, selection: new vscode.Range(at, at) });
        }
        return;
      }
      case 'export':
        if (shown) {
          const catalogue = this.shownCatalogue ?? this.deps.catalogue;
          await exportCoverage(shown, message.format satisfies CoverageFormat, coverageHeading(catalogue, catalogue === this.catalogues()[0]));
        }
        return;
      case 'selectCatalogue': {
        const prefix = this.pickerPrefixes[message.index];
        if (prefix) {
          await this.setState({ ...this.state, catalogue: prefix });
        }
        return;
      }
      case 'buildIndex':
        this.rendered = false;
        await this.refresh();
        return;
      default: {
        const unhandled: never = message;
        this.deps.output.warn(`Coverage report: unhandled message ${JSON.stringify(unhandled)}`);
      }
    }
  }
}

function basename(uri: string): string {
  const path = vscode.Uri.parse(uri).path;
  return path.slice(path.lastIndexOf('/') + 1);
}
