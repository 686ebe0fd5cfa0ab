import * as vscode from 'vscode';
import { Disposable } from '../core/dispose';
import { webviewOptions } from './webviewHtml';

/**
 * What one kind of EGN page (a proposal, the overview, a coverage report) gives the host: how to read
 * what its page sends, what to do with it, and what to do when the panel comes in sight, goes out of
 * it or closes. Everything else about a panel's life is the host's.
 */
export interface HostedPage<Message> {
  /** Parses what the page sent (untrusted); undefined for anything not recognised, which is ignored. */
  parse(raw: unknown): Message | undefined;
  handle(message: Message): Promise<unknown>;
  /** The panel came in sight (it was hidden). */
  becameVisible?(): void;
  /** The panel went out of sight. */
  becameHidden?(): void;
  /** The panel's visibility, focus or column changed (any view-state event). */
  viewStateChanged?(): void;
  /** The user closed the panel (or the extension disposed it). */
  closed?(): void;
}

/**
 * The host of the EGN panels: what every one of them shares, in one place, as markdown-language-features'
 * preview and preview manager share theirs. It makes and adopts panels (the same options, icon and
 * find widget for all: `createPanel`, `adopt`), parses every message before a page's handler sees it
 * and logs a handler's failure, tells a page when its panel changes visibility (the view-state event
 * also fires for focus and column changes: only real transitions are passed on), disposes each
 * panel's listeners when it closes, and registers the serializers that bring panels back after a
 * reload (`onWebviewPanel:` in the manifest).
 */
export class PanelHost extends Disposable {
  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly output: vscode.LogOutputChannel,
  ) {
    super();
  }

  /** The options of every EGN panel: those of `webviewOptions`, the find widget, and `extra`. */
  options(extra: vscode.WebviewPanelOptions = {}): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { ...webviewOptions(this.extensionUri), enableFindWidget: true, ...extra };
  }

  /** A new panel of `viewType`, with the shared options. */
  createPanel(viewType: string, title: string, column: vscode.ViewColumn, extra?: vscode.WebviewPanelOptions): vscode.WebviewPanel {
    return vscode.window.createWebviewPanel(viewType, title, column, this.options(extra));
  }

  /**
   * Takes charge of `panel` (new, or restored by VS Code) for `page`: its icon, its options (a restored
   * panel gets today's), its messages and visibility changes, until it closes.
   */
  adopt<Message>(panel: vscode.WebviewPanel, name: string, page: HostedPage<Message>): void {
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'egn.svg');
    panel.webview.options = webviewOptions(this.extensionUri);
    let wasVisible = panel.visible;
    const subscriptions = [
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        const message = page.parse(raw);
        if (message !== undefined) {
          void page.handle(message).catch((e: unknown) => this.output.error(`${name}: ${String(e)}`));
        }
      }),
      panel.onDidChangeViewState(() => {
        if (panel.visible !== wasVisible) {
          wasVisible = panel.visible;
          if (panel.visible) {
            page.becameVisible?.();
          } else {
            page.becameHidden?.();
          }
        }
        page.viewStateChanged?.();
      }),
      panel.onDidDispose(() => {
        vscode.Disposable.from(...subscriptions).dispose();
        page.closed?.();
      }),
    ];
  }

  /** Registers the serializer of `viewType`: VS Code hands back its panels after a reload, with the state their page saved. */
  registerSerializer(viewType: string, restore: (panel: vscode.WebviewPanel, state: unknown) => void | Promise<void>): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(viewType, {
      deserializeWebviewPanel: async (panel, state: unknown) => restore(panel, state),
    });
  }
}
