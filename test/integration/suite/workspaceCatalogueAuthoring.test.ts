import * as assert from 'assert';
import * as vscode from 'vscode';
import type { EgnApi } from '../../../src/extension';
import { openFixture, positionOf, until, workspaceUri } from './support';

/*
 * Writing with a workspace catalogue (the demo's académie roadmap, prefix FRA) in the real host:
 * completion, the insert picker, links, definition and quick fixes, beside the EGN.
 */

const CATALOGUE = 'academie-exemple.catalogue.yaml';
const REPORT = 'compte-rendu-comite-pilotage.md';

async function untitled(language: string, content: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language, content });
  return vscode.window.showTextDocument(doc);
}

/** Closes every tab, reverting edits first so that no "Save changes?" dialog can block the suite. */
async function closeAllEditors(): Promise<void> {
  const tabCount = () => vscode.window.tabGroups.all.reduce((n, g) => n + g.tabs.length, 0);
  for (let left = tabCount(); left > 0; left--) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** The reference completions at `pos` whose label is an id of `prefix`, in the order VS Code sorts them. */
async function completions(doc: vscode.TextDocument, pos: vscode.Position, prefix: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos);
  return list.items
    .filter((i) => i.kind === vscode.CompletionItemKind.Reference && new RegExp(`^${prefix}-\\d+$`).test(labelOf(i)))
    .sort((a, b) => (a.sortText ?? labelOf(a)).localeCompare(b.sortText ?? labelOf(b)));
}

function warnings(uri: vscode.Uri, code: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'EGN' && d.code === code);
}

/** The 0-based line of `needle` in the demo catalogue file as written on disk. */
async function catalogueLine(needle: string): Promise<number> {
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(CATALOGUE)));
  const line = text.split('\n').findIndex((l) => l.trim() === needle);
  assert.ok(line >= 0, `${needle} is in the demo catalogue`);
  return line;
}

/**
 * Runs a command that opens a quick pick and accepts its first item (or moves to its last one
 * first), as a writer pressing Enter (or End, Enter) would.
 */
async function acceptPickItem(run: () => Thenable<boolean>, which: 'first' | 'last'): Promise<boolean> {
  let result: boolean | undefined;
  const running = run().then((r) => { result = r; });
  await until('the pick to be accepted', async () => {
    if (which === 'last') {
      await vscode.commands.executeCommand('quickInput.last');
    }
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    return result !== undefined;
  });
  await running;
  return result === true;
}

describe('Writing with a workspace catalogue (FRA)', () => {
  before(async () => {
    const ext = vscode.extensions.getExtension<EgnApi>('egn-tools.egn-numerique-education');
    assert.ok(ext);
    const api = await ext.activate();
    await until('the FRA catalogue', () => api.catalogues().some((c) => c.prefix === 'FRA'));
  });

  afterEach(closeAllEditors);

  it('completes FRA- with the twelve actions in number order, titles on the rows, filtered without accents', async () => {
    const editor = await untitled('markdown', 'Voir FRA-\nVoir FRA n° \nVoir EGN-');
    const items = await until('the FRA completions', async () => {
      const found = await completions(editor.document, new vscode.Position(0, 9), 'FRA');
      return found.length > 0 && found;
    });
    assert.deepStrictEqual(items.map(labelOf), Array.from({ length: 12 }, (_, i) => `FRA-${i + 1}`));
    const second = items[1];
    assert.strictEqual(typeof second.label === 'string' ? undefined : second.label.description, 'Ouvrir un parcours de formation hybride pour les directeurs d’école');
    assert.match(second.filterText ?? '', /\becole\b/, 'the title folded: "école" is found by "ecole"');
    assert.strictEqual(second.insertText, 'FRA-2');
    assert.deepStrictEqual((await completions(editor.document, new vscode.Position(1, 12), 'FRA')).map(labelOf).slice(0, 2), ['FRA-1', 'FRA-2'], 'after FRA n°');
    assert.strictEqual((await completions(editor.document, new vscode.Position(2, 9), 'EGN')).length, 40, 'EGN- still completes the 40 proposals');
    assert.deepStrictEqual(await completions(editor.document, new vscode.Position(2, 9), 'FRA'), [], 'and no FRA action there');
  });

  it('offers the fraid and fraref entries, as the EGN snippets, with every action as a choice', async () => {
    const editor = await untitled('markdown', 'Voir fra');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(0, 8));
    const ids = list.items.find((i) => labelOf(i) === 'fraid');
    const refs = list.items.find((i) => labelOf(i) === 'fraref');
    assert.ok(ids && refs, 'both entries are offered');
    assert.ok(ids.insertText instanceof vscode.SnippetString);
    assert.strictEqual(ids.insertText.value, `\${1|${Array.from({ length: 12 }, (_, i) => `FRA-${i + 1}`).join(',')}|}`);
    assert.ok(refs.insertText instanceof vscode.SnippetString);
    assert.ok(refs.insertText.value.includes('FRA-12 — Évaluer la feuille de route à mi-parcours avec les collectivités'));
  });

  it('inserts an FRA action picked in the insert picker, in the egn.reference.format setting', async () => {
    const config = vscode.workspace.getConfiguration('egn');
    await config.update('reference.format', 'idAndTitle', vscode.ConfigurationTarget.Workspace);
    try {
      const editor = await untitled('plaintext', 'Voir  ici.');
      editor.selection = new vscode.Selection(0, 5, 0, 5);
      // The picker lists the EGN first, then the FRA catalogue: its last item is FRA-12.
      assert.strictEqual(await acceptPickItem(() => vscode.commands.executeCommand<boolean>('egn.insertReference'), 'last'), true);
      assert.strictEqual(editor.document.getText(), 'Voir FRA-12 (Évaluer la feuille de route à mi-parcours avec les collectivités) ici.');
    } finally {
      await config.update('reference.format', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('inserts FRA ids given as arguments, each catalogue written in turn', async () => {
    const editor = await untitled('plaintext', 'Voir  ici.');
    editor.selection = new vscode.Selection(0, 5, 0, 5);
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('egn.insertReference', ['EGN-3', 'fra-2', 'FRA-1']), true);
    assert.strictEqual(editor.document.getText(), 'Voir EGN-3\u00a0; FRA-1 et FRA-2 ici.');
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('egn.insertReference', 'FRA-13'), false, 'an id no catalogue has');
  });

  it('links FRA-2 to its line in the catalogue file, and goes there with Go to Definition; EGN-29 keeps its panel link and no definition', async () => {
    const { document: doc } = await openFixture(REPORT);
    const line = await catalogueLine('- number: 2');
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri, 100);
    const fra = links.find((l) => doc.getText(l.range) === 'FRA-2');
    assert.ok(fra?.target, 'FRA-2 is a link with a target');
    assert.strictEqual(fra.target.path, workspaceUri(CATALOGUE).path);
    assert.strictEqual(fra.target.fragment, `L${line + 1},9`);
    const egn = links.find((l) => doc.getText(l.range) === 'EGN-29');
    assert.strictEqual(egn?.target?.scheme, 'command');

    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, positionOf(doc, 'FRA-2', 2));
    assert.strictEqual(locations.length, 1);
    const location = locations[0];
    const [uri, range] = 'targetUri' in location ? [location.targetUri, location.targetRange] : [location.uri, location.range];
    assert.strictEqual(uri.toString(), workspaceUri(CATALOGUE).toString());
    assert.deepStrictEqual([range.start.line, range.start.character], [line, 8]);
    const none = await vscode.commands.executeCommand<unknown[]>('vscode.executeDefinitionProvider', doc.uri, positionOf(doc, 'EGN-29', 2));
    assert.deepStrictEqual(none, []);
  });

  it('fixes FRA-99 with the nearest actions and offers another FRA action from the list', async () => {
    const editor = await untitled('markdown', 'Voir FRA-99 ici.');
    const uri = editor.document.uri;
    const [warning] = await until('the FRA-99 warning', () => warnings(uri, 'egn.unknownCatalogueProposal').length === 1 && warnings(uri, 'egn.unknownCatalogueProposal'));
    const actions = await until('the quick fixes', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, warning.range, vscode.CodeActionKind.QuickFix.value);
      return found.length > 0 && found;
    });
    const titles = actions.map((a) => a.title);
    assert.strictEqual(titles[0], 'Replace with FRA-9: Publier chaque année un bilan des usages du numérique');
    assert.ok(titles.every((t) => !t.includes('EGN-')), `only FRA actions: ${titles.join(' | ')}`);
    const replace = actions.find((a) => a.command?.command === 'egn.replaceReference');
    assert.deepStrictEqual(replace?.command?.arguments?.[2], 'FRA');
    const first = actions[0];
    assert.ok(first.edit);
    assert.strictEqual(await vscode.workspace.applyEdit(first.edit), true);
    assert.strictEqual(editor.document.getText(), 'Voir FRA-9 ici.');
    await until('the warning gone', () => warnings(uri, 'egn.unknownCatalogueProposal').length === 0);
  });

  it('replaces an unknown FRA reference with the action accepted in a pick of the FRA actions only', async () => {
    const editor = await untitled('markdown', 'Voir FRA-99 ici.');
    const range = new vscode.Range(0, 5, 0, 11);
    // The pick's first item is FRA-1: the EGN's (EGN-1) is not in it.
    assert.strictEqual(await acceptPickItem(() => vscode.commands.executeCommand<boolean>('egn.replaceReference', editor.document.uri, range, 'FRA'), 'first'), true);
    assert.strictEqual(editor.document.getText(), 'Voir FRA-1 ici.');
  });

  it('shows a reference of 400 digits as written in its warning and hover, not as EGN-Infinity', async () => {
    const digits = `1${'0'.repeat(399)}`;
    const editor = await untitled('markdown', `Voir EGN-${digits} et FRA-${digits}.`);
    const uri = editor.document.uri;
    const egn = await until('the EGN warning', () => warnings(uri, 'egn.unknownProposal')[0]);
    assert.strictEqual(egn.message, `EGN-${digits} does not exist: proposals are numbered EGN-1 to EGN-40.`);
    const fra = await until('the FRA warning', () => warnings(uri, 'egn.unknownCatalogueProposal')[0]);
    assert.strictEqual(fra.message, `FRA-${digits} does not exist: proposals are numbered FRA-1 to FRA-12.`);
    const all = vscode.languages.getDiagnostics(uri).map((d) => d.message).join('\n');
    assert.doesNotMatch(all, /Infinity|e\+/);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, positionOf(editor.document, 'FRA-', 2));
    const hover = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/\\(.)/g, '$1');
    assert.ok(hover.includes(`FRA-${digits} does not exist`), hover.slice(0, 200));
  });
});
