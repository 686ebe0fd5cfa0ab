// @ts-check
// The overview's page: a click on a theme asks the extension to reveal it in the catalogue (see
// src/panels/panelProtocol.ts). Start-up and dispatch: media/webview.js.
/* global egnWebview */
(function () {
  egnWebview.onActions({
    revealTheme: (d) => ({ type: 'revealTheme', themeId: d.theme }),
  });
}());
