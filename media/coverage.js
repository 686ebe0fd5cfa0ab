// @ts-check
// The coverage report's page: sends the user's clicks to the extension as typed messages and
// swaps in new content when the index changes, keeping scroll position and focus.
/* global Element, HTMLElement */
(function () {
  const vscode = acquireVsCodeApi();

  /** @param {unknown} state */
  function persist(state) {
    vscode.setState(state);
  }

  const stateElement = document.getElementById('egn-state');
  if (stateElement) {
    persist(JSON.parse(stateElement.textContent || '{}'));
  }

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

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-action]') : null;
    if (!(target instanceof HTMLElement)) {
      return;
    }
    const d = target.dataset;
    switch (d.action) {
      case 'openProposal':
        vscode.postMessage({ type: 'openProposal', number: Number(d.number) });
        break;
      case 'openDocument':
        vscode.postMessage({ type: 'openDocument', index: Number(d.index) });
        break;
      case 'openUnknownReference':
        vscode.postMessage({ type: 'openUnknownReference', index: Number(d.index) });
        break;
      case 'export':
        vscode.postMessage({ type: 'export', format: d.format });
        break;
      case 'buildIndex':
        vscode.postMessage({ type: 'buildIndex' });
        break;
      default:
        break;
    }
  });

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || message.type !== 'update' || typeof message.bodyHtml !== 'string') {
      return;
    }
    const main = document.querySelector('main');
    if (!main) {
      return;
    }
    const focused = keyOf(document.activeElement);
    const template = document.createElement('template');
    // The extension escaped every string of this HTML; the CSP blocks any script in it regardless.
    template.innerHTML = message.bodyHtml;
    const next = template.content.querySelector('main');
    if (!next) {
      return;
    }
    main.replaceWith(next);
    sizeBars();
    updateScrollCue();
    persist(message.state);
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
