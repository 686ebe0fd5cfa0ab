// @ts-check
// The control of `npm run bench:panel`: the least a new webview panel costs in this VS Code, measured
// in the same window as the EGN panels. A command (for the palette) and a one-row tree (for a click,
// as the catalogue's rows are clicked) each open a new panel whose page is a heading and nothing else:
// no script, no style sheet, no resource.
// A plain CommonJS file loaded as it is (no build step for the control).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const vscode = require('vscode');

let opened = 0;

/** @param {vscode.ExtensionContext} context */
function activate(context) {
  const open = () => {
    opened++;
    const panel = vscode.window.createWebviewPanel('panelFloor.empty', `Floor ${opened}`, vscode.ViewColumn.Active, {});
    panel.webview.html = `<!DOCTYPE html><html><head><meta charset="UTF-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body><h1><span class="id">FLOOR-${opened}</span> Empty</h1></body></html>`;
  };
  const row = new vscode.TreeItem('Open an empty webview');
  row.id = 'floor';
  row.command = { command: 'panelFloor.open', title: 'Open' };
  context.subscriptions.push(
    vscode.commands.registerCommand('panelFloor.open', open),
    vscode.window.createTreeView('panelFloor.rows', { treeDataProvider: { getChildren: (e) => (e ? [] : ['floor']), getTreeItem: () => row } }),
  );
}

module.exports = { activate };
