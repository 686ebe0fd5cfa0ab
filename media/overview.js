// @ts-check
// The overview's page: a click on a theme asks the extension to reveal it in the catalogue (see
// src/panels/panelProtocol.ts).
/* global Element, HTMLElement */
(function () {
  const vscode = acquireVsCodeApi();

  const stateElement = document.getElementById('egn-state');
  if (stateElement) {
    vscode.setState(JSON.parse(stateElement.textContent || '{}'));
  }

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-action]') : null;
    if (!(target instanceof HTMLElement)) {
      return;
    }
    switch (target.dataset.action) {
      case 'revealTheme':
        vscode.postMessage({ type: 'revealTheme', themeId: target.dataset.theme });
        break;
      default:
        break;
    }
  });
}());
