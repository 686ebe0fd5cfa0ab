// @ts-check
// Start-up and dispatch shared by the EGN webviews, loaded before each page's own script: acquires the
// host API once, saves the page's state (#egn-state) for a reload, turns clicks on [data-action]
// elements into the page's typed messages (src/panels/panelProtocol.ts, src/coverage/coverageProtocol.ts),
// and swaps in HTML the extension sends (already escaped; the CSP blocks any script in it regardless).
/* global Element, HTMLElement */
(function () {
  const vscode = acquireVsCodeApi();

  const stateElement = document.getElementById('egn-state');
  if (stateElement) {
    vscode.setState(JSON.parse(stateElement.textContent || '{}'));
  }

  /** @type {Readonly<Record<string, (data: DOMStringMap) => unknown>>} */
  let actions = {};

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-action]') : null;
    if (!(target instanceof HTMLElement)) {
      return;
    }
    const action = target.dataset.action;
    const toMessage = action !== undefined && Object.prototype.hasOwnProperty.call(actions, action) ? actions[action] : undefined;
    if (toMessage) {
      vscode.postMessage(toMessage(target.dataset));
    }
  });

  /** @type {EgnWebview} */
  const api = {
    vscode,
    onActions(map) {
      actions = map;
    },
    onMessage(handler) {
      window.addEventListener('message', (event) => handler(event.data));
    },
    replaceWith(current, html, selector) {
      const template = document.createElement('template');
      template.innerHTML = html;
      const next = template.content.querySelector(selector);
      if (!next) {
        return null;
      }
      current.replaceWith(next);
      return next;
    },
  };
  globalThis.egnWebview = api;
}());
