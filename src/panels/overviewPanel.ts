import * as vscode from 'vscode';
import { Disposable } from '../core/dispose';
import type { ExtensionDeps } from '../deps';
import { overviewPageLabels } from './panelLabels';
import { OverviewMessage, parseOverviewMessage } from './panelProtocol';
import { renderOverviewBody } from './overviewPage';
import { renderPage, webviewOptions } from './webviewHtml';

/** View type of the overview, as in the manifest's `onWebviewPanel:` activation event. */
export const OVERVIEW_VIEW_TYPE = 'egn.overview';

/** The overview of the consultation: one panel, revealed when opened again, restored after a reload. */
export class OverviewPanel extends Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly deps: ExtensionDeps,
  ) {
    super();
    this.register({ dispose: () => this.panel?.dispose() });
  }

  show(): vscode.WebviewPanel {
    if (this.panel) {
      this.panel.reveal(this.panel.viewColumn);
      return this.panel;
    }
    const panel = vscode.window.createWebviewPanel(OVERVIEW_VIEW_TYPE, vscode.l10n.t('EGN Overview'), vscode.ViewColumn.Active, { ...this.webviewOptions(), enableFindWidget: true });
    this.adopt(panel);
    return panel;
  }

  restore(panel: vscode.WebviewPanel): void {
    if (this.panel) {
      panel.dispose();
      return;
    }
    panel.webview.options = this.webviewOptions();
    this.adopt(panel);
  }

  private webviewOptions(): vscode.WebviewOptions {
    return webviewOptions(this.extensionUri);
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.title = vscode.l10n.t('EGN Overview');
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'egn.svg');
    this.panelDisposables = [
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        const message = parseOverviewMessage(raw);
        if (message) {
          void this.handle(message).catch((e: unknown) => this.deps.output.error(`overview panel: ${String(e)}`));
        }
      }),
      panel.onDidDispose(() => {
        this.panel = undefined;
        vscode.Disposable.from(...this.panelDisposables.splice(0)).dispose();
      }),
    ];
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
