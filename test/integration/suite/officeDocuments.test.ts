import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { displayPath } from '../../../src/coverage/coveragePanel';
import { activateExtension, closeAllEditors, until, workspaceUri } from './support';

/** The committed Office fixtures (the repository, from out/test/integration/suite/). */
const fixtures = vscode.Uri.file(path.resolve(__dirname, '../../../../test/fixtures/office'));
/** A folder of the test workspace made for this suite and removed after it: others' counts stay. */
const FOLDER = 'documents-bureautiques';
const DOCUMENTS = ['plan.md', 'plan.docx', 'plan.odt', 'plan.pdf', 'word-edits.docx'];

let probes = 0;

/** Find all references on `EGN-<n>` typed in a scratch document (untitled: not indexed). */
async function referencesOf(n: number): Promise<vscode.Location[]> {
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `egn-office-probe-${Date.now()}-${++probes}.md` });
  const probe = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), `Voir EGN-${n}.`);
  assert.ok(await vscode.workspace.applyEdit(edit));
  return (await vscode.commands.executeCommand<vscode.Location[] | undefined>('vscode.executeReferenceProvider', probe.uri, new vscode.Position(0, 6))) ?? [];
}

/** The locations of `EGN-<n>` in this suite's folder, by document name (a text view by its original's). */
async function placesIn(n: number): Promise<Map<string, vscode.Location[]>> {
  const byName = new Map<string, vscode.Location[]>();
  for (const l of await referencesOf(n)) {
    const original = l.uri.scheme === 'egn-extracted' ? vscode.Uri.parse(l.uri.query) : l.uri;
    if (original.path.includes(`/${FOLDER}/`)) {
      const name = original.path.slice(original.path.lastIndexOf('/') + 1);
      byName.set(name, [...(byName.get(name) ?? []), l]);
    }
  }
  return byName;
}

describe('Word, LibreOffice and PDF documents in the index', function () {
  this.timeout(60_000);

  before(async () => {
    await activateExtension();
    for (const name of DOCUMENTS) {
      await vscode.workspace.fs.copy(vscode.Uri.joinPath(fixtures, name), workspaceUri(FOLDER, name), { overwrite: true });
    }
    await until('the documents to be indexed', async () => (await placesIn(22)).has('word-edits.docx') && (await placesIn(40)).size === 4, 30_000);
  });

  after(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(workspaceUri(FOLDER), { recursive: true });
    await until('the documents to leave the index with their folder', async () => (await placesIn(22)).size === 0 && (await placesIn(40)).size === 0, 30_000);
  });

  it('finds in each .docx, .odt and .pdf the citations of the same text typed in a .md file, once each', async () => {
    for (const n of [7, 12, 21, 30, 3, 40]) {
      const places = await placesIn(n);
      assert.deepStrictEqual([...places.keys()].sort(), ['plan.docx', 'plan.md', 'plan.odt', 'plan.pdf'], `EGN-${n}`);
      assert.ok([...places.values()].every((l) => l.length === 1), `EGN-${n} once in each`);
      for (const name of ['plan.docx', 'plan.odt', 'plan.pdf']) {
        assert.strictEqual(places.get(name)![0].uri.scheme, 'egn-extracted', name);
      }
    }
  });

  it('points find all references into the text view at the paragraph that holds the citation', async () => {
    const [location] = (await placesIn(22)).get('word-edits.docx')!;
    const document = await vscode.workspace.openTextDocument(location.uri);
    assert.strictEqual(document.lineAt(location.range.start.line).text, 'Nous retenons EGN-22 pour les écoles.');
    assert.strictEqual(document.getText(location.range), 'EGN-22');
    // The coverage report lists the document under its own path, with its kind.
    assert.strictEqual(displayPath(location.uri.toString()), `${FOLDER}/word-edits.docx (Word)`);
    // The tracked deletion, the field's instruction and the moved-away text are not there.
    assert.ok(!/EGN-(5|99|13)\b/.test(document.getText()), document.getText());
  });

  it('opens the text view under the original’s name, with a hover on its citations', async () => {
    const original = workspaceUri(FOLDER, 'plan.pdf');
    await vscode.commands.executeCommand('egn.openExtractedText', original);
    const editor = await until('the text view to be active', () => vscode.window.activeTextEditor?.document.uri.scheme === 'egn-extracted' && vscode.window.activeTextEditor);
    assert.strictEqual(vscode.window.tabGroups.activeTabGroup.activeTab?.label, 'plan.pdf — extracted text');
    const text = editor.document.getText();
    assert.ok(text.split('\n').includes('— page 2 —'), text);
    const at = editor.document.positionAt(text.indexOf('EGN-12') + 2);
    const hovers = await until('a hover on EGN-12', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
      return h.length > 0 && h;
    });
    const shown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(shown, /EGN-12/);
  });

  it('forgets a deleted document and reads a changed one again', async () => {
    await vscode.workspace.fs.delete(workspaceUri(FOLDER, 'plan.odt'));
    await until('plan.odt to leave the index', async () => !(await placesIn(40)).has('plan.odt'));
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(fixtures, 'plan.odt'), workspaceUri(FOLDER, 'plan.odt'));
    await until('plan.odt back in the index', async () => (await placesIn(40)).has('plan.odt'));
  });

  it('follows a folder of documents renamed through VS Code, and back', async () => {
    const renamed = workspaceUri(`${FOLDER}-renomme`);
    const originals = async (): Promise<string[]> => (await referencesOf(40)).filter((l) => l.uri.scheme === 'egn-extracted').map((l) => vscode.Uri.parse(l.uri.query).path).sort();
    const rename = async (from: vscode.Uri, to: vscode.Uri): Promise<void> => {
      const edit = new vscode.WorkspaceEdit();
      edit.renameFile(from, to);
      assert.ok(await vscode.workspace.applyEdit(edit));
    };
    await rename(workspaceUri(FOLDER), renamed);
    await until('the documents under the new name', async () => {
      const paths = await originals();
      return paths.length === 3 && paths.every((p) => p.includes(`/${FOLDER}-renomme/`));
    });
    await rename(renamed, workspaceUri(FOLDER));
    await until('the documents under their first name again', async () => (await placesIn(40)).size === 4 && (await originals()).every((p) => p.includes(`/${FOLDER}/`)));
  });
});
