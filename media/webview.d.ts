// Types of media/webview.js for the page scripts (checked by media/jsconfig.json; not packaged).

interface EgnWebview {
  /** The host API, acquired once. */
  readonly vscode: import('vscode-webview').WebviewApi<unknown>;
  /** What each `data-action` of the page sends: a function of the clicked element's data attributes. */
  onActions(map: Readonly<Record<string, (data: DOMStringMap) => unknown>>): void;
  /** Calls `handler` with each message from the extension (untrusted shape: check it). */
  onMessage(handler: (message: unknown) => void): void;
  /** Replaces `current` with the element matching `selector` in `html`; the new element, or null. */
  replaceWith(current: Element, html: string, selector: string): Element | null;
}

// eslint-disable-next-line no-var
declare var egnWebview: EgnWebview;
