import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, until } from '../suite/support';

function folder(name: string): vscode.WorkspaceFolder {
  const f = vscode.workspace.workspaceFolders?.find((w) => w.name === name);
  assert.ok(f, `workspace folder ${name} is open`);
  return f;
}

async function referencesOf(needle: string, file: vscode.Uri): Promise<vscode.Location[]> {
  const doc = await vscode.workspace.openTextDocument(file);
  const pos = doc.positionAt(doc.getText().indexOf(needle) + 1);
  return (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, pos)) ?? [];
}

const shortName = (l: vscode.Location) => `${vscode.workspace.getWorkspaceFolder(l.uri)?.name}/${path.basename(l.uri.path)}`;

describe('Multi-root workspace', () => {
  before(async () => { await activateExtension(); });

  it('finds the citations of EGN-23 in every folder of the workspace', async () => {
    const plan = vscode.Uri.joinPath(folder('academie').uri, 'feuille-de-route.md');
    const names = await until('references in both folders', async () => {
      const found = (await referencesOf('EGN-23', plan)).map(shortName).sort();
      return found.length >= 2 ? found : undefined;
    });
    assert.deepStrictEqual(names, ['academie/feuille-de-route.md', 'departement/convention.txt']);
  });

  it("applies each folder's own egn.index.exclude: the excluded drafts of one folder are never counted", async () => {
    const convention = vscode.Uri.joinPath(folder('departement').uri, 'convention.txt');
    const refs = await referencesOf('EGN-23', convention);
    assert.ok(refs.length === 2, `two citations, drafts excluded: ${refs.map(shortName).join(', ')}`);
    assert.ok(!refs.some((l) => l.uri.path.includes('/brouillons/')));
    // EGN-39 is cited only in the excluded drafts.
    const csv = await exportCsv();
    const row39 = csv.split('\n').find((l) => l.startsWith('EGN-39,') || l.startsWith('"EGN-39"'));
    assert.ok(row39, 'the export has a row for EGN-39');
    assert.ok(!row39.includes('brouillons'), row39);
  });

  it('counts the proposals cited across both folders in the coverage export', async () => {
    const csv = await exportCsv();
    const header = csv.split('\n')[0];
    assert.ok(header.includes('feuille-de-route.md') && header.includes('convention.txt'), header);
    assert.ok(!header.includes('ancien-projet.md'), header);
  });
});

async function exportCsv(): Promise<string> {
  await vscode.commands.executeCommand('egn.exportCoverage', 'csv');
  const editor = await until('the untitled export', () => {
    const e = vscode.window.activeTextEditor;
    return e && e.document.isUntitled && e.document.languageId !== 'markdown' ? e : undefined;
  });
  const text = editor.document.getText();
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  return text;
}
