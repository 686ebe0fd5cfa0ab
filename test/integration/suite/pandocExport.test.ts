import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { docxText } from '../../../src/core/office/docxText';
import { activateExtension, closeAllEditors, openFixture } from './support';

const NBSP = '\u00a0';

describe('EGN: Export with Pandoc… (the user\'s pandoc, in the Node extension host)', () => {
  let scratch: string;
  before(async () => {
    await activateExtension();
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'egn-pandoc-export-'));
  });
  after(async () => {
    await closeAllEditors();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('writes the open plan, unsaved edits included, as a .docx whose references read as French prose with the annex its div asks for', async () => {
    const editor = await openFixture('plan-numerique-academique.md');
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    // Typed, not saved: the export is of what the editor shows.
    assert.ok(await editor.edit((e) => e.insert(end, '\n\nLe suivi reprend FRA-2 et EGN-40.\n\n::: egn-annexe\n:::\n')));
    assert.ok(editor.document.isDirty);
    try {
      await exportAndRead();
    } finally {
      // The plan is shared by every suite: its unsaved edit must not outlive this test.
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.ok(!editor.document.isDirty, 'the plan is back as saved');
  });

  /** Exports the active plan with the command, and reads the .docx back. */
  async function exportAndRead(): Promise<void> {
    const target = vscode.Uri.file(path.join(scratch, 'plan.docx'));
    await vscode.commands.executeCommand('egn.exportWithPandoc', target);
    assert.ok(fs.existsSync(target.fsPath), 'the command wrote the file it was given');
    // Read back with the extension's own Word reader, as the index and egn-cite read it.
    const text = docxText(fs.readFileSync(target.fsPath)).text;
    for (const expected of [`conformément à la proposition n°${NBSP}1.`, `reprennent les propositions nos${NBSP}9, 10 et 11.`, `Le suivi reprend FRA-2 et proposition n°${NBSP}40.`, 'Propositions citées']) {
      assert.ok(text.includes(expected), `«${expected}» not in:\n${text}`);
    }
    const annex = text.slice(text.indexOf('Propositions citées'));
    assert.match(annex, /40\s+Promouvoir l’offre numérique française/, 'the proposal typed in the editor is in the annex');
    assert.match(annex, /2\s+Ouvrir un parcours de formation hybride/, 'the workspace catalogue\'s action too');
  }
});
