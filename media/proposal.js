// @ts-check
// A proposal's page: sends the user's clicks to the extension as typed messages (see
// src/panels/panelProtocol.ts), swaps in the "cited in this workspace" section when it changes, and
// the whole page when the panel shows another proposal. Start-up and dispatch: media/webview.js.
/* global HTMLElement, egnWebview */
(function () {
  const { vscode, onActions, onMessage, replaceWith } = egnWebview;

  onActions({
    insert: () => ({ type: 'insert' }),
    copy: () => ({ type: 'copy' }),
    reveal: () => ({ type: 'reveal' }),
    openOverview: () => ({ type: 'openOverview' }),
    buildIndex: () => ({ type: 'buildIndex' }),
    openUrl: () => ({ type: 'openUrl' }),
    showAllCitations: () => ({ type: 'showAllCitations' }),
    openProposal: (d) => ({ type: 'openProposal', number: Number(d.number) }),
    openCitation: (d) => ({ type: 'openCitation', index: Number(d.index) }),
  });

  /**
   * Another proposal in this panel (a preview reused): its page replaces the current one in place,
   * read from the top, and its id is saved for a reload.
   * @param {{ html: string, state: unknown, title: unknown }} message
   */
  function showPage(message) {
    const page = document.getElementById('egn-page');
    if (!page || !replaceWith(page, message.html, '#egn-page')) {
      return;
    }
    vscode.setState(message.state);
    if (typeof message.title === 'string') {
      document.title = message.title;
    }
    window.scrollTo(0, 0);
  }

  onMessage((raw) => {
    const message = /** @type {{ type?: unknown, html?: unknown, state?: unknown, title?: unknown } | null} */ (raw);
    if (!message || typeof message.html !== 'string') {
      return;
    }
    if (message.type === 'show') {
      showPage({ html: message.html, state: message.state, title: message.title });
      return;
    }
    if (message.type !== 'citations') {
      return;
    }
    const section = document.getElementById('citations');
    if (!section) {
      return;
    }
    const hadFocus = section.contains(document.activeElement);
    const next = replaceWith(section, message.html, '#citations');
    if (next && hadFocus) {
      const first = next.querySelector('button');
      (first instanceof HTMLElement ? first : /** @type {HTMLElement} */ (next)).focus();
    }
  });
}());
