import * as assert from 'assert';
import { strToU8, zipSync } from 'fflate';
import * as vscode from 'vscode';
import { activateExtension, until, workspaceUri } from '../suite/support';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
/** A .docx as Word writes one: the reference EGN-22 split across three runs. */
const DOCX = zipSync({
  'word/document.xml': strToU8(`<?xml version="1.0"?><w:document ${W}><w:body><w:p><w:r><w:t xml:space="preserve">Le plan retient EGN-</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:t>2</w:t></w:r><w:r><w:t>2.</w:t></w:r></w:p></w:body></w:document>`),
});

async function referencesOf22(): Promise<vscode.Location[]> {
  const probe = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Voir EGN-22.' });
  return (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', probe.uri, new vscode.Position(0, 6))) ?? [];
}

describe('Word documents in the web-worker extension host', () => {
  it('indexes a .docx read through workspace.fs, its reference pointing into the text view', async () => {
    await activateExtension();
    const file = workspaceUri('plan-web.docx');
    await vscode.workspace.fs.writeFile(file, DOCX);
    try {
      const found = await until('EGN-22 in the .docx', async () => {
        const locations = await referencesOf22();
        return locations.find((l) => l.uri.scheme === 'egn-extracted' && l.uri.query === file.toString());
      }, 30_000);
      const view = await vscode.workspace.openTextDocument(found.uri);
      assert.strictEqual(view.lineAt(found.range.start.line).text, 'Le plan retient EGN-22.');
    } finally {
      await vscode.workspace.fs.delete(file);
    }
    await until('EGN-22 gone with its file', async () => !(await referencesOf22()).some((l) => l.uri.scheme === 'egn-extracted'), 30_000);
  });
});
