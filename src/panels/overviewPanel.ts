import * as vscode from 'vscode';
import { Disposable } from '../core/dispose';
import type { ExtensionDeps } from '../deps';
import { overviewPageLabels } from './panelLabels';
import { OverviewMessage, parseOverviewMessage } from './panelProtocol';
import { renderOverviewBody } from './overviewPage';
import { PanelHost } from './panelHost';
import { renderPage } from './webviewHtml';

/** View type of the overview, as in the manifest's `onWebviewPanel:` activation event. */
export const OVERVIEW_VIEW_TYPE = 'egn.overview';

/** The overview of the consultation: one panel, revealed when opened again, restored after a reload. */
export class OverviewPanel extends Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly host: PanelHost;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly deps: ExtensionDeps,
  ) {
    super();
    this.host = this.register(new PanelHost(extensionUri, deps.output));
    this.register({ dispose: () => this.panel?.dispose() });
  }

  /** The serializer that hands this panel the overview VS Code restores after a reload. */
  registerSerializer(): vscode.Disposable {
    return this.host.registerSerializer(OVERVIEW_VIEW_TYPE, (panel) => this.restore(panel));
  }

  show(): vscode.WebviewPanel {
    if (this.panel) {
      this.panel.reveal(this.panel.viewColumn);
      return this.panel;
    }
    const panel = this.host.createPanel(OVERVIEW_VIEW_TYPE, vscode.l10n.t('EGN Overview'), vscode.ViewColumn.Active);
    this.adopt(panel);
    return panel;
  }

  restore(panel: vscode.WebviewPanel): void {
    if (this.panel) {
      panel.dispose();
      return;
    }
    this.adopt(panel);
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.title = vscode.l10n.t('EGN Overview');
    this.host.adopt(panel, 'overview panel', {
      parse: parseOverviewMessage,
      handle: (message) => this.handle(message),
      closed: () => {
        if (this.panel === panel) {
          this.panel = undefined;
        }
      },
    });
    panel.webview.html = renderPage({
      webview: panel.webview,
      extensionUri: this.extensionUri,
      lang: vscode.env.language,
      title: vscode.l10n.t('EGN Overview'),
      bodyHtml: renderOverviewBody(this.deps.catalogue, overviewPageLabels()),
      script: 'overview.js',
      state: { overview: true },
    });
  }

  private async handle(message: OverviewMessage): Promise<void> {
    switch (message.type) {
      case 'revealTheme':
        if (this.deps.catalogue.groupById(message.themeId)) {
          await vscode.commands.executeCommand('egn.revealInCatalogue', message.themeId);
        }
        return;
    }
  }
}
