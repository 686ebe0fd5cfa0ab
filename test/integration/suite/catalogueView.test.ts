import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CatalogueViewRows, CatalogueViewRow } from '../../../src/tree/catalogueViewRows';
import { activateExtension, EGN_THEME_IDS, openFixture, positionOf, until } from './support';

/**
 * The view as the EGN catalogue's rows: the fixture workspace holds a catalogue of its own (FRA),
 * so the EGN's groups are under its root row (the tree of several catalogues is checked in
 * catalogueRoots.test.ts).
 */
async function snapshot(): Promise<CatalogueViewRows> {
  const s = await vscode.commands.executeCommand<CatalogueViewRows>('egn._catalogueViewRows');
  const root = s.items.find((i) => i.id === 'catalogue:EGN');
  return { ...s, items: root ? root.children : s.items.filter((i) => !i.id.startsWith('catalogue:')) };
}

function leaves(items: readonly CatalogueViewRow[]): CatalogueViewRow[] {
  return items.flatMap((i) => (i.children.length === 0 ? [i] : leaves(i.children)));
}

function leafIds(s: CatalogueViewRows): string[] {
  return leaves(s.items).map((i) => i.id);
}

const ALL = Array.from({ length: 40 }, (_, i) => `proposal:EGN-${i + 1}`);

describe('Catalogue view', () => {
  before(async () => {
    await activateExtension();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('egn.clearFilter');
    await vscode.commands.executeCommand('egn.showAllProposals');
  });

  it('shows the six groups of the seed, in order, each with its codicon', async () => {
    const s = await snapshot();
    assert.deepStrictEqual(s.items.map((i) => i.id), EGN_THEME_IDS);
    assert.deepStrictEqual(s.items.map((i) => i.icon), ['organization', 'mortar-board', 'globe', 'comment-discussion', 'shield', 'layers']);
    assert.ok(s.items.every((i) => i.contextValue === 'theme'));
    assert.strictEqual(s.items[1].label, 'Enseigner et apprendre le numérique et avec le numérique');
    assert.strictEqual(s.message, undefined, 'no filter message without a filter');
  });

  it('puts sub-themes under the themes that have them, and proposals directly under the others', async () => {
    const s = await snapshot();
    const byId = new Map(s.items.map((i) => [i.id, i]));
    assert.deepStrictEqual(byId.get('theme:gouvernance-anticipation')!.children.map((c) => c.label), ['Gouvernance', 'Anticipation']);
    assert.deepStrictEqual(byId.get('theme:numerique-responsable')!.children.map((c) => c.contextValue), Array(5).fill('subtheme'));
    const egal = byId.get('theme:egal-acces')!;
    assert.ok(egal.children.length > 0 && egal.children.every((c) => c.contextValue === 'proposal'), 'a theme without sub-themes lists its proposals');
  });

  it('lists the 40 proposals once each, in the seed order, with number, title, the id and full title in the tooltip, and the open command', async () => {
    const s = await snapshot();
    const all = leaves(s.items);
    assert.deepStrictEqual(all.map((l) => l.id), ALL);
    const p12 = all[11];
    assert.strictEqual(p12.label, '12. Développer la citoyenneté numérique et renforcer l’éducation aux médias et à l’information en s’appuyant sur le CLEMI');
    assert.strictEqual(p12.description, undefined, 'nothing after the title that would take its room');
    // The tooltip is Markdown with the catalogue's text escaped (spaces as &nbsp;, `-` as `\-`).
    const tooltip = (p12.tooltip ?? '').replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
    assert.ok(tooltip.includes('EGN-12') && tooltip.includes(p12.label.slice('12. '.length)), tooltip);
    assert.strictEqual(p12.contextValue, 'proposal');
    assert.deepStrictEqual(p12.command, { command: 'egn.openSelectedProposal', arguments: [] });
  });

  it('filters by tag, keeping the parents of the matches, and says so in the view', async () => {
    await vscode.commands.executeCommand('egn.filterCatalogue', 'pix');
    const s = await snapshot();
    assert.deepStrictEqual(leafIds(s), ['proposal:EGN-7', 'proposal:EGN-13', 'proposal:EGN-21']);
    assert.deepStrictEqual(s.items.map((i) => i.id), ['theme:enseigner-apprendre', 'theme:egal-acces']);
    assert.deepStrictEqual(s.items[0].children.map((c) => c.id), ['subtheme:enseigner', 'subtheme:apprendre']);
    assert.ok(s.message?.includes('pix'), `message: ${s.message}`);
    assert.ok(s.message?.includes('3'), `message: ${s.message}`);
    assert.ok(s.description?.includes('pix'));
  });

  it('filters ignoring case and accents, and by number or id', async () => {
    await vscode.commands.executeCommand('egn.filterCatalogue', 'CITOYENNETE');
    assert.deepStrictEqual(leafIds(await snapshot()), ['proposal:EGN-12']);
    await vscode.commands.executeCommand('egn.filterCatalogue', 'egn-27');
    assert.deepStrictEqual(leafIds(await snapshot()), ['proposal:EGN-27']);
  });

  it('shows an empty tree and a message when nothing matches, and everything again once cleared', async () => {
    await vscode.commands.executeCommand('egn.filterCatalogue', 'zzzqqq');
    const empty = await snapshot();
    assert.deepStrictEqual(empty.items, []);
    assert.ok(empty.message?.includes('zzzqqq'));
    await vscode.commands.executeCommand('egn.clearFilter');
    const s = await snapshot();
    assert.deepStrictEqual(leafIds(s), ALL);
    assert.strictEqual(s.message, undefined);
    assert.strictEqual(s.description, undefined);
  });

  it('reveals and selects a proposal given by id or number', async () => {
    assert.strictEqual(await vscode.commands.executeCommand('egn.revealInCatalogue', 'EGN-12'), true);
    await until('EGN-12 selected', async () => (await snapshot()).selection.includes('proposal:EGN-12'));
    assert.strictEqual(await vscode.commands.executeCommand('egn.revealInCatalogue', 33), true);
    await until('EGN-33 selected', async () => (await snapshot()).selection.includes('proposal:EGN-33'));
  });

  it('still selects the proposal when the tree refreshes while revealing it (as when the index changes meanwhile)', async () => {
    // A refresh asked at once, or a moment later: VS Code dropped the reveal silently for both.
    const refreshNow = (): void => void vscode.commands.executeCommand('egn.showAllProposals');
    const refreshSoon = (): void => void setTimeout(refreshNow, 0);
    for (const [target, refresh] of [['EGN-5', refreshNow], ['EGN-25', refreshSoon], ['EGN-6', refreshSoon]] as const) {
      // Its group closed, as in a fresh window: the reveal then has rows to fetch, which a refresh replaces.
      await vscode.commands.executeCommand('workbench.actions.treeView.egn.catalogue.collapseAll');
      const revealed = vscode.commands.executeCommand('egn.revealInCatalogue', target);
      refresh();
      assert.strictEqual(await revealed, true);
      await until(`${target} selected`, async () => (await snapshot()).selection.includes(`proposal:${target}`));
    }
  });

  it('reveals the proposal referenced under the editor cursor', async () => {
    const editor = await openFixture('plan-numerique-academique.md');
    const at = positionOf(editor.document, 'EGN-21', 3);
    editor.selection = new vscode.Selection(at, at);
    assert.strictEqual(await vscode.commands.executeCommand('egn.revealInCatalogue'), true);
    await until('EGN-21 selected', async () => (await snapshot()).selection.includes('proposal:EGN-21'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('says there is nothing to reveal when the cursor is on no reference, without failing', async () => {
    const editor = await openFixture('plan-numerique-academique.md');
    const at = positionOf(editor.document, 'Document de travail');
    editor.selection = new vscode.Selection(at, at);
    assert.strictEqual(await vscode.commands.executeCommand('egn.revealInCatalogue'), false);
    assert.strictEqual(await vscode.commands.executeCommand('egn.revealInCatalogue', 'EGN-99'), false);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('clears a filter that hides the proposal to reveal', async () => {
    await vscode.commands.executeCommand('egn.filterCatalogue', 'pix');
    assert.strictEqual(await vscode.commands.executeCommand('egn.revealInCatalogue', 'EGN-2'), true);
    const s = await until('EGN-2 selected', async () => { const x = await snapshot(); return x.selection.includes('proposal:EGN-2') && x; });
    assert.deepStrictEqual(leafIds(s), ALL);
    assert.strictEqual(s.message, undefined);
  });

  it('reveals a theme given by its id (what the overview asks)', async () => {
    assert.strictEqual(await vscode.commands.executeCommand('egn.revealInCatalogue', 'egal-acces'), true);
    await until('the theme selected', async () => (await snapshot()).selection.includes('theme:egal-acces'));
  });

  it('shows citation counts once the index is built, and only the uncited proposals on request', async () => {
    await vscode.commands.executeCommand('egn.showUncitedOnly');
    const s = await until('the uncited filter', async () => { const x = await snapshot(); return x.message !== undefined && x; });
    const shown = leafIds(s);
    assert.ok(shown.length > 0 && shown.length < 40, `uncited: ${shown.length}`);
    assert.ok(!shown.includes('proposal:EGN-12'), 'EGN-12 is cited in the fixture workspace');
    await vscode.commands.executeCommand('egn.showAllProposals');
    const all = await until('all proposals again', async () => { const x = await snapshot(); return leafIds(x).length === 40 && x; });
    const p12 = leaves(all.items).find((l) => l.id === 'proposal:EGN-12')!;
    assert.match(p12.badge ?? '', /^\d{1,2}$|^\+$/, 'a badge of at most two characters');
    assert.match(p12.badgeTooltip ?? '', /^cited (once|\d+ times) in the workspace$/);
    const uncited = leaves(all.items).find((l) => l.id === shown[0])!;
    assert.strictEqual(uncited.badge, undefined, 'no badge on an uncited proposal, only a muted row');
    assert.strictEqual(uncited.badgeTooltip, 'not cited in the workspace');
  });

  it('copies a proposal reference to the clipboard', async () => {
    assert.strictEqual(await vscode.commands.executeCommand('egn.copyReference', { proposal: 'EGN-19' }), 'EGN-19');
    assert.strictEqual(await vscode.env.clipboard.readText(), 'EGN-19');
  });
});
