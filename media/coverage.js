// @ts-check
// The coverage report's page: sends the user's clicks to the extension as typed messages and
// swaps in new content when the index changes, keeping scroll position and focus. Start-up and
// dispatch: media/webview.js.
/* global Element, HTMLElement, egnWebview */
(function () {
  const { vscode, onActions, onMessage, replaceWith } = egnWebview;

  onActions({
    openProposal: (d) => ({ type: 'openProposal', number: Number(d.number) }),
    openDocument: (d) => ({ type: 'openDocument', index: Number(d.index) }),
    openUnknownReference: (d) => ({ type: 'openUnknownReference', index: Number(d.index) }),
    export: (d) => ({ type: 'export', format: d.format }),
    buildIndex: () => ({ type: 'buildIndex' }),
    selectCatalogue: (d) => ({ type: 'selectCatalogue', index: Number(d.index) }),
  });

  /** Bars get their width from script: the CSP forbids inline style attributes. */
  function sizeBars() {
    for (const span of document.querySelectorAll('.bar > span[data-percent]')) {
      const percent = Number(span.getAttribute('data-percent'));
      if (Number.isFinite(percent)) {
        /** @type {HTMLElement} */ (span).style.width = `${Math.max(0, Math.min(100, percent))}%`;
      }
    }
  }

  /**
   * Shows the scroll cue of the matrix: a shadow on each side where columns are out of sight, and the
   * hint while any are. Called on load, on scroll, on resize and after the content is replaced.
   */
  function updateScrollCue() {
    const scroller = document.querySelector('.matrix-scroll');
    const frame = scroller ? scroller.parentElement : null;
    const hint = document.getElementById('matrix-hint');
    if (!(scroller instanceof HTMLElement) || !frame) {
      return;
    }
    const overflow = scroller.scrollWidth - scroller.clientWidth > 1;
    frame.classList.toggle('more-right', overflow && scroller.scrollLeft + scroller.clientWidth < scroller.scrollWidth - 1);
    frame.classList.toggle('more-left', overflow && scroller.scrollLeft > 0);
    const pinned = scroller.querySelector('thead th');
    frame.style.setProperty('--egn-pinned-width', pinned instanceof HTMLElement ? `${pinned.offsetWidth}px` : '0px');
    if (hint) {
      hint.hidden = !overflow;
    }
  }

  document.addEventListener('scroll', (event) => {
    if (event.target instanceof Element && event.target.classList.contains('matrix-scroll')) {
      updateScrollCue();
    }
  }, true);
  window.addEventListener('resize', updateScrollCue);

  /** A key that finds "the same" control again after the content is replaced. @param {Element | null} el */
  function keyOf(el) {
    if (!el || !(el instanceof HTMLElement) || !el.dataset.action) {
      return undefined;
    }
    return [el.dataset.action, el.dataset.number, el.dataset.index, el.dataset.format].join('|');
  }

  onMessage((raw) => {
    const message = /** @type {{ type?: unknown, bodyHtml?: unknown, state?: unknown } | null} */ (raw);
    if (!message || message.type !== 'update' || typeof message.bodyHtml !== 'string') {
      return;
    }
    const main = document.querySelector('main');
    if (!main) {
      return;
    }
    const focused = keyOf(document.activeElement);
    if (!replaceWith(main, message.bodyHtml, 'main')) {
      return;
    }
    sizeBars();
    updateScrollCue();
    vscode.setState(message.state);
    if (focused) {
      for (const el of document.querySelectorAll('[data-action]')) {
        if (keyOf(el) === focused) {
          /** @type {HTMLElement} */ (el).focus();
          break;
        }
      }
    }
  });

  sizeBars();
  updateScrollCue();
}());
