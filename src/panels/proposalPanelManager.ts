import * as vscode from 'vscode';
import type { Citation } from '../core/citationIndex';
import type { Proposal } from '../core/catalogue';
import type { ExtensionDeps } from '../deps';
import { proposalPageLabels } from './panelLabels';
import { ProposalMessage, ProposalPanelState, ProposalUpdate, parseProposalMessage } from './panelProtocol';
import { CitedLine, renderCitationsSection, renderProposalBody } from './proposalPage';
import { escapeHtml, renderPage } from './webviewHtml';

/** View type of proposal panels, as in the manifest's `onWebviewPanel:` activation event. */
export const PROPOSAL_VIEW_TYPE = 'egn.proposal';
/** Bursts of index changes (typing in a cited document) refresh the panels once. */
const REFRESH_DEBOUNCE_MS = 300;

function shortTitle(p: Proposal): string {
  const max = 28;
  return p.title.length <= max ? `${p.id} · ${p.title}` : `${p.id} · ${p.title.slice(0, max - 1).trimEnd()}…`;
}

interface CurrentCitations {
  readonly citations: readonly Citation[];
  /** Undefined while the workspace index is not built. */
  readonly lines: CitedLine[] | undefined;
  readonly key: string;
}

/** One open proposal panel. */
class ProposalPanel {
  /** The citations the page lists, so that an index in a message resolves against what the user saw. */
  private shown: readonly Citation[] = [];
  /** Key of the citations section last sent, so that an unrelated index change sends nothing. */
  private shownKey = '';
  /** Key of the citations in the page's HTML: a hidden webview is rebuilt from it when shown again, losing later updates. */
  private renderedKey = '';

  constructor(
    readonly proposal: Proposal,
    readonly panel: vscode.WebviewPanel,
    private readonly deps: ExtensionDeps,
    private readonly extensionUri: vscode.Uri,
  ) {}

  render(): void {
    const cited = this.adoptCitations(this.currentCitations());
    this.renderedKey = this.shownKey;
    const state: ProposalPanelState = { id: this.proposal.id };
    this.panel.title = shortTitle(this.proposal);
    this.panel.webview.html = renderPage({
      webview: this.panel.webview,
      extensionUri: this.extensionUri,
      lang: vscode.env.language,
      title: this.proposal.id,
      bodyHtml: renderProposalBody(this.deps.catalogue, this.proposal, proposalPageLabels(), cited),
      script: 'proposal.js',
      state,
    });
  }

  /** Sends the citations section again if what it lists changed (a hidden panel is brought up to date when shown). */
  refreshCitations(): void {
    if (!this.panel.visible) {
      return;
    }
    const current = this.currentCitations();
    if (current.key === this.shownKey) {
      return;
    }
    const update: ProposalUpdate = { type: 'citations', html: renderCitationsSection(proposalPageLabels(), this.adoptCitations(current)) };
    void this.panel.webview.postMessage(update);
  }

  /** A webview shown again was rebuilt from its HTML: render anew if the citations changed since. */
  becameVisible(): void {
    const current = this.currentCitations();
    if (current.key !== this.renderedKey) {
      this.render();
    } else {
      this.adoptCitations(current);
    }
  }

  citationAt(index: number): Citation | undefined {
    return this.shown[index];
  }

  private adoptCitations(current: CurrentCitations): CitedLine[] | undefined {
    this.shown = current.citations;
    this.shownKey = current.key;
    return current.lines;
  }

  private currentCitations(): CurrentCitations {
    if (!this.deps.citations.isReady) {
      return { citations: [], lines: undefined, key: 'not-ready' };
    }
    const citations = this.deps.citations.citationsOf(this.proposal.number);
    const lines = citations.map((c) => ({
      path: vscode.workspace.asRelativePath(vscode.Uri.parse(c.uri), (vscode.workspace.workspaceFolders?.length ?? 0) > 1),
      line: c.line + 1,
      preview: c.lineText,
    }));
    return { citations, lines, key: JSON.stringify(citations.map((c) => [c.uri, c.line, c.character, c.endLine, c.endCharacter, c.lineText])) };
  }
}

/**
 * The proposal panels: one per proposal, revealed when opened again, restored after a reload,
 * their "cited in this workspace" section kept up to date with the index.
 */
export class ProposalPanelManager implements vscode.Disposable {
  private readonly panels = new Map<number, ProposalPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly deps: ExtensionDeps,
  ) {
    this.disposables.push(deps.citations.onDidChange(() => this.scheduleRefresh()));
  }

  dispose(): void {
    if (this.timer) {
      clearTimeout(this.timer);
    }
    for (const p of [...this.panels.values()]) {
      p.panel.dispose();
    }
    vscode.Disposable.from(...this.disposables).dispose();
  }

  /** Opens the panel of `proposal`, or reveals it if it is already open. */
  show(proposal: Proposal): vscode.WebviewPanel {
    const existing = this.panels.get(proposal.number);
    if (existing) {
      existing.panel.reveal(existing.panel.viewColumn);
      return existing.panel;
    }
    // Beside the text being written when there is one, so that both stay in sight.
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const panel = vscode.window.createWebviewPanel(PROPOSAL_VIEW_TYPE, shortTitle(proposal), column, {
      ...this.webviewOptions(),
      enableFindWidget: true,
    });
    this.adopt(panel, proposal);
    return panel;
  }

  /** Takes over a panel VS Code restored after a reload; a state that names no proposal gets an explanation. */
  restore(panel: vscode.WebviewPanel, rawState: ProposalPanelState | undefined): void {
    const proposal = rawState ? this.deps.catalogue.byId(rawState.id) : undefined;
    panel.webview.options = this.webviewOptions();
    if (!proposal) {
      panel.webview.html = renderPage({
        webview: panel.webview,
        extensionUri: this.extensionUri,
        lang: vscode.env.language,
        title: 'EGN',
        bodyHtml: `<main><p>${escapeHtml(vscode.l10n.t('This panel showed a proposal that is no longer in the catalogue.'))}</p></main>`,
      });
      return;
    }
    if (this.panels.has(proposal.number)) {
      panel.dispose();
      return;
    }
    this.adopt(panel, proposal);
  }

  private webviewOptions(): vscode.WebviewOptions {
    return { enableScripts: true, enableCommandUris: false, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')] };
  }

  private adopt(panel: vscode.WebviewPanel, proposal: Proposal): void {
    const entry = new ProposalPanel(proposal, panel, this.deps, this.extensionUri);
    this.panels.set(proposal.number, entry);
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'egn.svg');
    const subscriptions = [
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        const message = parseProposalMessage(raw);
        if (message) {
          void this.handle(entry, message).catch((e: unknown) => this.deps.output.error(`proposal panel: ${String(e)}`));
        }
      }),
      panel.onDidChangeViewState(() => {
        if (panel.visible) {
          entry.becameVisible();
        }
      }),
      panel.onDidDispose(() => {
        if (this.panels.get(proposal.number) === entry) {
          this.panels.delete(proposal.number);
        }
        vscode.Disposable.from(...subscriptions).dispose();
      }),
    ];
    entry.render();
  }

  private scheduleRefresh(): void {
    if (this.timer) {
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      for (const p of this.panels.values()) {
        p.refreshCitations();
      }
    }, REFRESH_DEBOUNCE_MS);
  }

  private async handle(entry: ProposalPanel, message: ProposalMessage): Promise<void> {
    const id = entry.proposal.id;
    switch (message.type) {
      case 'insert':
        await vscode.commands.executeCommand('egn.insertReference', id);
        return;
      case 'copy':
        await vscode.commands.executeCommand('egn.copyReference', id);
        return;
      case 'reveal':
        await vscode.commands.executeCommand('egn.revealInCatalogue', id);
        return;
      case 'openOverview':
        await vscode.commands.executeCommand('egn.openOverview');
        return;
      case 'openProposal': {
        const other = this.deps.catalogue.byNumber(message.number);
        if (other) {
          this.show(other);
        }
        return;
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
        return;
      }
      case 'buildIndex':
        if (await this.deps.citations.ready()) {
          for (const p of this.panels.values()) {
            p.refreshCitations();
          }
        }
        return;
    }
  }
}
