import * as assert from 'assert';
import * as vscode from 'vscode';
import { openFixture, positionOf, until, workspaceUri } from './support';

/** Where `id` is cited, through find all references (Shift+F12) on its first occurrence in `editor`. */
async function references(editor: vscode.TextEditor, id: string): Promise<string[]> {
  const at = positionOf(editor.document, id, 1);
  const locations = await vscode.commands.executeCommand<vscode.Location[] | undefined>('vscode.executeReferenceProvider', editor.document.uri, at);
  return (locations ?? []).map((l) => `${vscode.workspace.asRelativePath(l.uri)}:${l.range.start.line}:${l.range.start.character}-${l.range.end.character}`).sort();
}

/** The active editor's document once it is an untitled export whose text passes `test`. */
async function exported(what: string, test: (text: string) => boolean): Promise<string> {
  const document = await until(what, () => {
    const d = vscode.window.activeTextEditor?.document;
    return d && d.isUntitled && test(d.getText()) && d;
  });
  const text = document.getText();
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  return text;
}

describe('Citation index of workspace catalogues (FRA demo catalogue)', function () {
  this.timeout(60_000);

  before(async () => {
    const ext = vscode.extensions.getExtension('egn-tools.egn-numerique-education');
    assert.ok(ext);
    await ext.activate();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('finds all references of FRA-1, and only of FRA-1, in the workspace', async () => {
    const editor = await openFixture('compte-rendu-comite-pilotage.md');
    const fra1 = await until('the citations of FRA-1', async () => {
      const found = await references(editor, 'FRA-1)');
      return found.length > 0 && found;
    });
    assert.deepStrictEqual(fra1, ['compte-rendu-comite-pilotage.md:7:53-58']);
    // On the range FRA-5 à 6, the FRA-5 under the cursor: its one citation.
    assert.deepStrictEqual(await references(editor, 'FRA-5 à 6'), ['compte-rendu-comite-pilotage.md:12:65-70']);
    // The EGN's answers are untouched by the second catalogue: EGN-9 of the same document is an EGN citation.
    const egn9 = await references(editor, 'EGN-9)');
    assert.ok(egn9.includes('compte-rendu-comite-pilotage.md:17:12-17'), egn9.join('\n'));
    assert.ok(egn9.every((l) => !l.startsWith('compte-rendu-comite-pilotage.md:') || l === 'compte-rendu-comite-pilotage.md:17:12-17'), egn9.join('\n'));
  });

  it('egn.findCitations shows the citations of a workspace catalogue’s action given by its id', async () => {
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('egn.findCitations', 'FRA-2');
    assert.deepStrictEqual(locations.map((l) => `${vscode.workspace.asRelativePath(l.uri)}:${l.range.start.line}:${l.range.start.character}`), ['compte-rendu-comite-pilotage.md:6:61']);
    // A tree node of that catalogue carries the proposal with its id.
    const fromNode = await vscode.commands.executeCommand<vscode.Location[]>('egn.findCitations', { proposal: { id: 'FRA-9', number: 9 } });
    assert.deepStrictEqual(fromNode.map((l) => l.range.start.line), [16]);
  });

  it('exports the coverage as Markdown with a section for the FRA catalogue, and its CSV when asked', async () => {
    await vscode.commands.executeCommand('egn.exportCoverage', 'markdown');
    const markdown = await exported('the Markdown export', (t) => t.includes('(FRA)'));
    assert.match(markdown, /^<!-- egn-ignore-file -->\n\n# Coverage of the proposals of the EGN \(2020\)\n/, 'the EGN section first, as before');
    const fra = markdown.slice(markdown.indexOf('# Coverage of Feuille de route'));
    assert.match(fra, /^# Coverage of Feuille de route numérique de l’académie du Val-de-Loutre \(exemple fictif\) \(FRA\)\n\n7 of the 12 proposals are cited \(58%\)\./);
    assert.match(fra, /## Proposals not cited\n\n- \*\*FRA-4\*\* — /);
    assert.doesNotMatch(fra, /- \*\*FRA-1\*\* — /);
    assert.match(fra, /\| compte-rendu-comite-pilotage\.md \| 7 \| FRA-1, FRA-2, FRA-3, FRA-5, FRA-6, FRA-8, FRA-9 \|/);
    assert.match(fra, /FRA-14 in compte-rendu-comite-pilotage\.md, line 18/, 'the unknown action is reported');
    assert.doesNotMatch(fra, /EGN-\d/, 'the FRA section counts no EGN citation');

    await vscode.commands.executeCommand('egn.exportCoverage', 'csv', 'FRA');
    const csv = await exported('the CSV export', (t) => t.startsWith('Proposal,'));
    const row = (id: string): string[] => (csv.split('\r\n').find((l) => l.startsWith(`${id},`)) ?? '').split(',');
    assert.deepStrictEqual(row('FRA-1').slice(5, 7), ['1', 'yes']);
    assert.deepStrictEqual(row('FRA-4').slice(5, 7), ['0', 'no']);
    assert.strictEqual(row('EGN-1').length, 1, 'one catalogue per CSV');
  });

  it('opens the coverage report on the FRA catalogue', async () => {
    await vscode.commands.executeCommand('egn.openCoverage', 'FRA');
    const tab = await until('the FRA coverage tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.label === 'FRA Coverage'));
    assert.ok(tab.isActive);
  });

  it('shows in the status bar the catalogue the document cites most, with every catalogue in the tooltip', async () => {
    await openFixture('compte-rendu-comite-pilotage.md');
    type Item = { text: string; tooltip: string; label: string };
    const item = await until('the FRA status bar item', async () => {
      const i = await vscode.commands.executeCommand<Item>('egn._citationStatusBar');
      return i.text.includes('FRA') && i;
    });
    assert.strictEqual(item.text, '$(references) FRA 7/12');
    assert.deepStrictEqual(item.tooltip.split('\n'), [
      'This document cites 7 of the 12 proposals. Click to open its coverage report.',
      'Proposals this document cites, by catalogue:',
      'EGN: 2 of 40 proposals cited',
      'FRA: 7 of 12 proposals cited',
    ]);
    await openFixture('plan-numerique-academique.md');
    const plan = await until('the EGN status bar item', async () => {
      const i = await vscode.commands.executeCommand<Item>('egn._citationStatusBar');
      return i.text.includes('EGN') && i;
    });
    assert.strictEqual(plan.text, '$(references) EGN 16/40');
    assert.match(plan.tooltip, /\nFRA: 0 of 12 proposals cited$/);
  });

  it('indexes the citations of a catalogue file when it is created, and forgets them when it is deleted', async () => {
    const document = workspaceUri('essai-zed.md');
    const catalogue = workspaceUri('essai-zed.catalogue.yaml');
    await vscode.workspace.fs.writeFile(document, new TextEncoder().encode('# Essai\n\nLes actions ZED-1 et ZED-2 à 3.\n'));
    try {
      const editor = await vscode.window.showTextDocument(document);
      assert.deepStrictEqual(await references(editor, 'ZED-1'), [], 'no ZED catalogue yet');
      await vscode.workspace.fs.writeFile(catalogue, new TextEncoder().encode([
        'id: zed-essai', 'prefix: ZED', 'title: "Catalogue d’essai ZED"', 'groups:', '  - id: axe', '    title: "Axe"', '    proposals:',
        '      - number: 1', '        title: "Action une"', '      - number: 2', '        title: "Action deux"', '',
      ].join('\n')));
      const found = await until('ZED-1 indexed', async () => {
        const r = await references(editor, 'ZED-1');
        return r.length > 0 && r;
      });
      assert.deepStrictEqual(found, ['essai-zed.md:2:12-17']);
      const zed2 = await vscode.commands.executeCommand<vscode.Location[]>('egn.findCitations', 'ZED-2');
      assert.deepStrictEqual(zed2.map((l) => l.range.start.character), [21]);
      await vscode.workspace.fs.delete(catalogue);
      await until('ZED-1 forgotten', async () => (await references(editor, 'ZED-1')).length === 0 || undefined);
      // The EGN and FRA keep their citations throughout.
      const cr = await openFixture('compte-rendu-comite-pilotage.md');
      assert.deepStrictEqual(await references(cr, 'FRA-1)'), ['compte-rendu-comite-pilotage.md:7:53-58']);
    } finally {
      await vscode.workspace.fs.delete(catalogue).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(document).then(undefined, () => undefined);
    }
  });
});
