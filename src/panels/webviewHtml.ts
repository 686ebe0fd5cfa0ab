import * as vscode from 'vscode';

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A fresh nonce for one rendering of a webview's scripts. Web Crypto, not Node's `crypto`: the same
 * code runs in the Node and the web-worker extension hosts.
 */
export function createNonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Serializes state for a `<script type="application/json">` block: `<`, `>`, `&` and the line
 * separators are escaped so that no string (a hostile `</script>` in a title) can end the block.
 */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** What every panel page needs. Body HTML must already be escaped by the caller. */
export interface PageParts {
  readonly webview: vscode.Webview;
  readonly extensionUri: vscode.Uri;
  /** Document language (`fr` for the catalogue text; the UI strings follow the display language). */
  readonly lang: string;
  readonly title: string;
  readonly bodyHtml: string;
  /** Script file under media/, e.g. `panel.js`; omitted for a page without script. */
  readonly script?: string;
  /** State for the script, read from `#egn-state`. */
  readonly state?: unknown;
}

/**
 * The full HTML of a panel: strict CSP (`default-src 'none'`), styles and fonts only from the
 * webview's own source, scripts only with a fresh nonce, and the shared stylesheet media/panel.css.
 */
export function renderPage(p: PageParts): string {
  const nonce = createNonce();
  const media = (file: string) => p.webview.asWebviewUri(vscode.Uri.joinPath(p.extensionUri, 'media', file));
  const csp = [
    "default-src 'none'",
    `style-src ${p.webview.cspSource}`,
    `font-src ${p.webview.cspSource}`,
    `img-src ${p.webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const state = p.state === undefined ? '' : `<script id="egn-state" type="application/json" nonce="${nonce}">${jsonForHtml(p.state)}</script>`;
  const script = p.script ? `<script nonce="${nonce}" src="${media(p.script).toString()}"></script>` : '';
  return `<!DOCTYPE html>
<html lang="${escapeHtml(p.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${media('panel.css').toString()}">
<title>${escapeHtml(p.title)}</title>
</head>
<body>
${p.bodyHtml}
${state}
${script}
</body>
</html>`;
}
