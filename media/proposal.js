// @ts-check
// A proposal's page: sends the user's clicks to the extension as typed messages (see
// src/panels/panelProtocol.ts) and swaps in the "cited in this workspace" section when it changes.
/* global Element, HTMLElement */
(function () {
  const vscode = acquireVsCodeApi();

  const stateElement = document.getElementById('egn-state');
  if (stateElement) {
    // Saved so that the panel is restored on the same proposal after a reload.
    vscode.setState(JSON.parse(stateElement.textContent || '{}'));
  }

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-action]') : null;
    if (!(target instanceof HTMLElement)) {
      return;
    }
    const d = target.dataset;
    switch (d.action) {
      case 'insert':
      case 'copy':
      case 'reveal':
      case 'openOverview':
      case 'buildIndex':
        vscode.postMessage({ type: d.action });
        break;
      case 'openProposal':
        vscode.postMessage({ type: 'openProposal', number: Number(d.number) });
        break;
      case 'openCitation':
        vscode.postMessage({ type: 'openCitation', index: Number(d.index) });
        break;
      default:
        break;
    }
  });

  /**
   * Another proposal in this panel (a preview reused): its page replaces the current one in place,
   * read from the top, and its id is saved for a reload.
   * @param {{ html: string, state: unknown, title: unknown }} message
   */
  function showPage(message) {
    const page = document.getElementById('egn-page');
    if (!page) {
      return;
    }
    const template = document.createElement('template');
    // The extension escaped every string of this HTML; the CSP blocks any script in it regardless.
    template.innerHTML = message.html;
    const next = template.content.getElementById('egn-page');
    if (!next) {
      return;
    }
    page.replaceWith(next);
    vscode.setState(message.state);
    if (typeof message.title === 'string') {
      document.title = message.title;
    }
    window.scrollTo(0, 0);
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'show' && typeof message.html === 'string') {
      showPage(message);
      return;
    }
    if (!message || message.type !== 'citations' || typeof message.html !== 'string') {
      return;
    }
    const section = document.getElementById('citations');
    if (!section) {
      return;
    }
    const hadFocus = section.contains(document.activeElement);
    const template = document.createElement('template');
    // The extension escaped every string of this HTML; the CSP blocks any script in it regardless.
    template.innerHTML = message.html;
    const next = template.content.getElementById('citations');
    if (!next) {
      return;
    }
    section.replaceWith(next);
    if (hadFocus) {
      const first = next.querySelector('button');
      (first instanceof HTMLElement ? first : next).focus();
    }
  });
}());
