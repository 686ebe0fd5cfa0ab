import * as assert from 'assert';
import * as vscode from 'vscode';
import type { EgnApi } from '../../../src/extension';
import { openFixture, positionOf, until, workspaceUri } from './support';

/** The text of the hovers at `position`. */
async function hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

function warnings(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'EGN' && d.severity === vscode.DiagnosticSeverity.Warning);
}

describe('Workspace catalogues in the writing features', () => {
  before(async () => {
    const ext = vscode.extensions.getExtension<EgnApi>('egn-tools.egn-numerique-education');
    assert.ok(ext);
    const api = await ext.activate();
    await until('the FRA catalogue', () => api.catalogues().some((c) => c.prefix === 'FRA'));
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('hovers FRA-2 with its title, group and catalogue, and EGN-29 as before, in the same document', async () => {
    const editor = await openFixture('compte-rendu-comite-pilotage.md');
    const fra = await hoverText(editor.document, positionOf(editor.document, 'FRA-2', 2));
    assert.match(fra, /FRA\\-2\*\* — Ouvrir un parcours de formation hybride pour les directeurs d’école/);
    assert.match(fra, /Former et accompagner les équipes/);
    assert.match(fra, /Trois modules à distance/, 'the description');
    assert.match(fra, /Feuille de route numérique de l’académie du Val\\-de\\-Loutre/, 'the catalogue it comes from');
    const range = await hoverText(editor.document, positionOf(editor.document, 'FRA-5 à 6', 8));
    assert.match(range, /FRA\\-6\*\* — Prêter des tablettes/);
    const egn = await hoverText(editor.document, positionOf(editor.document, 'EGN-29', 3));
    assert.match(egn, /EGN\\-29\*\* — Faciliter et encourager l’utilisation de matériels recyclés/);
  });

  it('warns on FRA-14 at its place, and only there', async () => {
    const editor = await openFixture('compte-rendu-comite-pilotage.md');
    const [warning, ...others] = await until('the FRA-14 warning', () => warnings(editor.document.uri).length > 0 && warnings(editor.document.uri));
    assert.deepStrictEqual(others, []);
    assert.strictEqual(editor.document.getText(warning.range), 'FRA-14');
    assert.strictEqual(warning.message, 'FRA-14 does not exist: proposals are numbered FRA-1 to FRA-12.');
    assert.strictEqual(warning.code, 'egn.unknownCatalogueProposal');
  });

  it('warns on no reference of a line after egn-ignore-next-line, a workspace catalogue’s as an EGN one, and still hovers them', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '<!-- egn-ignore-next-line -->\nFRA-99, EGN-99 et FRA-2\nFRA-98\n' });
    await vscode.window.showTextDocument(doc);
    const [warning, ...others] = await until('the FRA-98 warning', () => warnings(doc.uri).length > 0 && warnings(doc.uri));
    assert.deepStrictEqual(others.map((d) => doc.getText(d.range)), [], 'nothing on the ignored line');
    assert.strictEqual(doc.getText(warning.range), 'FRA-98');
    assert.match(await hoverText(doc, positionOf(doc, 'FRA-2', 2)), /FRA\\-2\*\* — Ouvrir un parcours de formation hybride/, 'an ignored reference keeps its hover');
  });

  it('updates the warnings of an open document when the catalogue it cites is saved with the missing proposal', async () => {
    const catalogue = workspaceUri('suivi.catalogue.yaml');
    const text = (titles: string[]) => ['id: suivi', 'prefix: SUI', 'title: "Suivi"', 'groups:', '  - id: g', '    title: "G"', '    proposals:',
      ...titles.flatMap((t, i) => [`      - number: ${i + 1}`, `        title: "${t}"`]), ''].join('\n');
    const note = workspaceUri('note-suivi.md');
    try {
      await vscode.workspace.fs.writeFile(catalogue, new TextEncoder().encode(text(['Un'])));
      await vscode.workspace.fs.writeFile(note, new TextEncoder().encode('Voir SUI-1 et SUI-2.\n'));
      const editor = await vscode.window.showTextDocument(note);
      const [warning] = await until('the SUI-2 warning', () => warnings(note).length > 0 && warnings(note));
      assert.strictEqual(editor.document.getText(warning.range), 'SUI-2');
      await vscode.workspace.fs.writeFile(catalogue, new TextEncoder().encode(text(['Un', 'Deux'])));
      await until('the warning gone', () => warnings(note).length === 0);
      assert.match(await hoverText(editor.document, positionOf(editor.document, 'SUI-2', 1)), /SUI\\-2\*\* — Deux/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(catalogue).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(note).then(undefined, () => undefined);
    }
  });
});
