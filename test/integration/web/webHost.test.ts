import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, openFixture, until } from '../suite/support';

describe('The browser bundle in the web-worker extension host', () => {
  it('runs in the web worker (uiKind Web), from the extension copy without a Node entry', async () => {
    const ext = await activateExtension();
    assert.strictEqual(vscode.env.uiKind, vscode.UIKind.Web);
    assert.strictEqual((ext.packageJSON as { main?: string }).main, undefined);
    assert.strictEqual((ext.packageJSON as { browser?: string }).browser, './dist/web/extension.js');
    assert.strictEqual(typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node, 'undefined');
  });

  it('indexes the workspace through workspace.fs and findFiles: the references of EGN-13 include another file', async () => {
    await activateExtension();
    const editor = await openFixture('annexes/fiche-action-pix.md');
    const at = editor.document.getText().indexOf('EGN-');
    assert.ok(at >= 0, 'the fixture cites a proposal');
    const locations = await until('the citations of the first reference', async () => {
      const found = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', editor.document.uri, editor.document.positionAt(at + 4));
      return found && found.some((l) => l.uri.toString() !== editor.document.uri.toString()) && found;
    }, 30_000);
    assert.ok(locations.every((l) => l.uri.scheme === editor.document.uri.scheme));
  });

  it('hovers references in an untitled document, which no file system holds', async () => {
    await activateExtension();
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Brouillon : EGN-39.' });
    await vscode.window.showTextDocument(doc);
    const hovers = await until('the hover on EGN-39 in the untitled document', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(0, 14));
      return h && h.length > 0 && h;
    });
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /EGN-39/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
