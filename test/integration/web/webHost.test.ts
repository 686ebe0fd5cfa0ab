import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, openFixture, until, workspaceUri } from '../suite/support';

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

  it('egn.findCitations finds the three citations of EGN-23 (node_modules excluded) through findFiles', async () => {
    await activateExtension();
    const shown = await vscode.commands.executeCommand<vscode.Location[]>('egn.findCitations', 'EGN-23');
    assert.deepStrictEqual(shown.map((l) => l.uri.path.split('/').pop()).sort(), ['note-projet-ent.txt', 'note-projet-ent.txt', 'plan-numerique-academique.md']);
  });

  it('follows a file written and deleted through workspace.fs (the file watcher of the web host)', async () => {
    await activateExtension();
    assert.ok(await vscode.commands.executeCommand('egn.findCitations', 'EGN-23'), 'the index is built');
    const file = workspaceUri('annexes', 'tiers-lieux-web.md');
    const cites39 = async () => ((await vscode.commands.executeCommand<vscode.Location[]>('egn.findCitations', 'EGN-39')) ?? []).some((l) => l.uri.toString() === file.toString());
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('Des tiers lieux ouverts (EGN-39).\n'));
    try {
      await until('the new file indexed', async () => (await cites39()) || undefined, 30_000);
    } finally {
      await vscode.workspace.fs.delete(file);
    }
    await until('the deleted file forgotten', async () => !(await cites39()) || undefined, 30_000);
  });

  it('has Export with Pandoc, which writes nothing in the browser (it would run a program) and says so', async () => {
    await activateExtension();
    await openFixture('plan-numerique-academique.md');
    const target = workspaceUri('plan-export-web.docx');
    // Resolves (the command is there and answers) without running anything: the Node host writes this file.
    await vscode.commands.executeCommand('egn.exportWithPandoc', target);
    const written = await Promise.resolve(vscode.workspace.fs.stat(target)).then(() => true, () => false);
    assert.strictEqual(written, false, 'no file is written in the web worker');
  });

  it('exports the coverage as Markdown into an untitled document', async () => {
    await activateExtension();
    await vscode.commands.executeCommand('egn.exportCoverage', 'markdown');
    const document = await until('the Markdown export', () => {
      const d = vscode.window.activeTextEditor?.document;
      return d && d.uri.scheme === 'untitled' && d.getText().startsWith('<!-- egn-ignore-file -->\n\n# ') && d;
    });
    assert.match(document.getText(), /EGN-40/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('opens the coverage report as a webview tab', async () => {
    await activateExtension();
    await vscode.commands.executeCommand('egn.openCoverage');
    const tab = await until('the coverage tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('egn.coverage')));
    assert.ok(tab.label.length > 0);
  });
});
