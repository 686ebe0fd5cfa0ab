import * as assert from 'assert';
import * as vscode from 'vscode';
import { externalUrl } from '../../../src/panels/externalUrl';
import { proposalPageLabels } from '../../../src/panels/panelLabels';
import { renderCitationsSection } from '../../../src/panels/proposalPage';
import type { PanelMessageOutcome } from '../../../src/panels/proposalPanelManager';
import type { CatalogueViewRows, CatalogueViewRow } from '../../../src/tree/catalogueViewRows';
import { activateExtension, EGN_THEME_IDS, until, workspaceUri } from './support';

const HOSTILE = '<img src=x onerror=alert(1)> </script><script>alert(2)</script>';

function snapshot(): Thenable<CatalogueViewRows> {
  return vscode.commands.executeCommand<CatalogueViewRows>('egn._catalogueViewRows');
}

async function rootIds(): Promise<string[]> {
  return (await snapshot()).items.map((i) => i.id);
}

function leaves(items: readonly CatalogueViewRow[]): CatalogueViewRow[] {
  return items.flatMap((i) => (i.children.length === 0 ? [i] : leaves(i.children)));
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

async function write(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

async function setting(section: string, key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(section).update(key, value, vscode.ConfigurationTarget.Workspace);
}

describe('Catalogue view with workspace catalogues', () => {
  const created: vscode.Uri[] = [];

  before(async () => {
    await activateExtension();
    await until('the FRA root', async () => (await rootIds()).includes('catalogue:FRA'));
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('egn.clearFilter');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created.splice(0)) {
      await vscode.workspace.fs.delete(uri, { useTrash: false }).then(undefined, () => undefined);
    }
  });

  it('shows one root per catalogue, the bundled EGN first, each with its groups, sub-themes and proposals under prefixed ids', async () => {
    const s = await snapshot();
    assert.deepStrictEqual(s.items.map((i) => i.id), ['catalogue:EGN', 'catalogue:FRA']);
    const [egn, fra] = s.items;
    assert.deepStrictEqual(egn.children.map((c) => c.id), EGN_THEME_IDS, 'the EGN rows keep their ids under their root');
    assert.strictEqual(fra.label, 'FRA · Feuille de route numérique de l’académie du Val-de-Loutre (exemple fictif)', 'the prefix first, in sight when the title is cut');
    assert.strictEqual(fra.description, undefined);
    assert.strictEqual(fra.contextValue, 'catalogue.workspace');
    assert.deepStrictEqual(fra.children.map((c) => c.id), ['theme:FRA:former-accompagner', 'theme:FRA:equiper', 'theme:FRA:piloter-evaluer']);
    assert.ok(fra.children[1].children.every((c) => c.contextValue === 'subtheme' && c.id.startsWith('subtheme:FRA:')), 'Équiper holds sub-themes');
    const fraLeaves = leaves([fra]);
    assert.deepStrictEqual(fraLeaves.map((l) => l.id), Array.from({ length: 12 }, (_, i) => `proposal:FRA-${i + 1}`));
    const fra2 = fraLeaves[1];
    assert.strictEqual(fra2.label, '2. Ouvrir un parcours de formation hybride pour les directeurs d’école');
    assert.deepStrictEqual(fra2.command, { command: 'egn.openSelectedProposal', arguments: [] });
    assert.match(fra2.contextValue ?? '', /^proposal/, 'an FRA row gets the proposal rows\' menu (`viewItem =~ /^proposal/`)');
    const all = leaves(s.items).map((l) => l.id);
    assert.strictEqual(new Set(all).size, all.length, 'row ids are unique across catalogues');
    assert.strictEqual(all.length, 52);
  });

  it('hides the EGN root when egn.catalogues.showBundled is false, and shows it again first', async () => {
    try {
      await setting('egn.catalogues', 'showBundled', false);
      await until('the FRA root alone', async () => sameList(await rootIds(), ['catalogue:FRA']));
    } finally {
      await setting('egn.catalogues', 'showBundled', undefined);
    }
    await until('both roots again', async () => sameList(await rootIds(), ['catalogue:EGN', 'catalogue:FRA']));
  });

  it('keeps the EGN tree as it was, themes at the top, when the workspace has no catalogue', async () => {
    try {
      await setting('egn.catalogues', 'include', '**/*.aucun-catalogue');
      await until('the EGN themes at the top', async () => sameList(await rootIds(), EGN_THEME_IDS));
    } finally {
      await setting('egn.catalogues', 'include', undefined);
    }
    await until('both roots again', async () => sameList(await rootIds(), ['catalogue:EGN', 'catalogue:FRA']));
  });

  it('adds the root of a catalogue file when it is created and removes it when it is deleted', async () => {
    const uri = workspaceUri('arbre-essai.catalogue.yaml');
    created.push(uri);
    await write(uri, ['id: arbre-essai', 'prefix: ARB', 'title: "Catalogue d’essai ARB"', 'groups:', '  - id: axe', '    title: "Axe"', '    proposals:', '      - number: 1', '        title: "Action unique"', ''].join('\n'));
    const s = await until('the ARB root', async () => { const x = await snapshot(); return x.items.some((i) => i.id === 'catalogue:ARB') && x; }, 5_000);
    assert.deepStrictEqual(s.items.map((i) => i.id), ['catalogue:EGN', 'catalogue:FRA', 'catalogue:ARB'], 'workspace catalogues follow the set\'s order (by file)');
    assert.deepStrictEqual(leaves(s.items.filter((i) => i.id === 'catalogue:ARB')).map((l) => l.label), ['1. Action unique']);
    await vscode.workspace.fs.delete(uri, { useTrash: false });
    await until('the ARB root gone', async () => sameList(await rootIds(), ['catalogue:EGN', 'catalogue:FRA']), 5_000);
  });

  it('filters, reveals and copies the reference of a workspace proposal', async () => {
    const state = await vscode.commands.executeCommand<{ shown: number }>('egn.filterCatalogue', 'hybride');
    const s = await snapshot();
    assert.deepStrictEqual(leaves(s.items).map((l) => l.id), ['proposal:FRA-2'], 'only the FRA proposal matches, under its root');
    assert.deepStrictEqual(s.items.map((i) => i.id), ['catalogue:FRA'], 'a root without matches is hidden');
    assert.strictEqual(state.shown, 1);
    await vscode.commands.executeCommand('egn.clearFilter');

    assert.strictEqual(await vscode.commands.executeCommand('egn.revealInCatalogue', 'FRA-7'), true);
    await until('FRA-7 selected', async () => sameList((await snapshot()).selection, ['proposal:FRA-7']));

    assert.strictEqual(await vscode.commands.executeCommand('egn.copyReference', { proposal: { id: 'FRA-3' } }), 'FRA-3');
    assert.strictEqual(await vscode.env.clipboard.readText(), 'FRA-3');
  });

  it('shows how many proposals of a catalogue and of each group are cited as a badge, which a long title cannot push out of sight', async () => {
    const s = await until('the FRA root\'s badge (the index is built)', async () => {
      const x = await snapshot();
      return x.items.find((i) => i.id === 'catalogue:FRA')?.badge !== undefined && x;
    });
    const fra = s.items.find((i) => i.id === 'catalogue:FRA')!;
    assert.strictEqual(fra.badge, '7');
    assert.strictEqual(fra.badgeTooltip, '7 of 12 proposals cited');
    assert.strictEqual(fra.description, undefined, 'no count after the title, where it would be cut');
    const group = fra.children.find((c) => c.id === 'theme:FRA:former-accompagner')!;
    assert.strictEqual(group.badge, '3', 'FRA-1, FRA-2 and FRA n° 3 are cited, FRA-4 is not');
    assert.strictEqual(group.badgeTooltip, '3 of 4 proposals cited');
    assert.strictEqual(group.description, undefined);
    assert.strictEqual(group.tooltip, 'Former et accompagner les équipes', 'the full title; VS Code adds the badge\'s tooltip, so the count is not said twice');
    const sub = leaves([fra]).length === 12 ? fra.children.flatMap((c) => c.children).find((c) => c.contextValue === 'subtheme') : undefined;
    assert.ok(sub && sub.badgeTooltip && /^\d+ of \d+ proposals? cited$/.test(sub.badgeTooltip), 'a sub-theme has its badge too');
    const fra1 = leaves([fra]).find((l) => l.id === 'proposal:FRA-1')!;
    assert.match(fra1.badgeTooltip ?? '', /^cited (once|\d+ times) in the workspace$/, 'a proposal\'s badge counts citations, and says so');
    assert.ok(fra1.tooltip?.replace(/&nbsp;/g, ' ').includes(fra1.badgeTooltip!), `the proposal's own tooltip says what its badge counts: ${fra1.tooltip}`);

    await vscode.commands.executeCommand('egn.filterCatalogue', 'hybride');
    const filtered = (await snapshot()).items.find((i) => i.id === 'catalogue:FRA')!;
    assert.strictEqual(filtered.description, '1 match', 'while filtering, the description says how many rows the filter keeps, not a second « n of m » beside the badge');
    assert.strictEqual(filtered.children[0].description, '1 match');
  });

  it('gives a catalogue FRA2 its own badge (none: nothing cites FRA2-1), never the citations of FRA-2, and never counts a catalogue file as citing', async () => {
    const uri = workspaceUri('fra2-essai.catalogue.yaml');
    created.push(uri);
    try {
      // Even when the index takes YAML files in, a catalogue file is no citing document.
      await setting('egn.index', 'include', '**/*.{md,yaml}');
      await write(uri, ['# Its proposals are cited as FRA2-1; see also FRA-2.', 'id: fra2-essai', 'prefix: FRA2', 'title: "Deuxième feuille de route"', 'version: "1"', 'groups:', '  - id: axe-1', '    title: "Premier axe"', '    proposals:', '      - number: 1', '        title: "Première action"', ''].join('\n'));
      const s = await until('the FRA2 root with its badge tooltip', async () => {
        const x = await snapshot();
        const root = x.items.find((i) => i.id === 'catalogue:FRA2');
        return root?.badgeTooltip !== undefined && x;
      }, 30_000);
      const root = s.items.find((i) => i.id === 'catalogue:FRA2')!;
      assert.strictEqual(root.badge, undefined, `no badge: FRA2-1 is cited nowhere (${root.badgeTooltip})`);
      assert.strictEqual(root.badgeTooltip, '0 of 1 proposal cited');
      assert.ok(root.tooltip?.includes('FRA2, version 1'), `the version is said as a version: ${root.tooltip}`);
      const fra2 = leaves(s.items).find((l) => l.id === 'proposal:FRA-2')!;
      assert.match(fra2.badgeTooltip ?? '', /^cited once in the workspace$/, 'the « see also FRA-2 » of the catalogue file does not count');
    } finally {
      await setting('egn.index', 'include', undefined);
    }
  });

  it('runs every command of a proposal row’s menu on an FRA row’s node as on that FRA action, never on the EGN proposal of its number', async () => {
    const api = (await activateExtension()).exports as { catalogues(): { prefix: string; proposals: { id: string; number: number }[] }[] };
    const proposal = api.catalogues().find((c) => c.prefix === 'FRA')?.proposals.find((p) => p.id === 'FRA-2');
    assert.ok(proposal, 'FRA-2 in the API');
    // What the tree hands a command from an FRA row: the node, then the selection holding it.
    const node = { kind: 'proposal', id: 'proposal:FRA-2', proposal };

    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'Voir .' });
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 5, 0, 5);
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('egn.insertReference', node, [node]), true);
    assert.strictEqual(doc.getText(), 'Voir FRA-2.', 'the inline and menu "Insert Reference" of an FRA row');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

    const locations = await vscode.commands.executeCommand<vscode.Location[]>('egn.findCitations', node);
    assert.ok(locations.length > 0, 'FRA-2 is cited in the fixtures');
    for (const l of locations) {
      const text = (await vscode.workspace.openTextDocument(l.uri)).getText(l.range);
      assert.match(text, /^FRA/i, `a citation of FRA-2, not of EGN-2: ${text}`);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    assert.strictEqual(await vscode.commands.executeCommand('egn.copyReference', node), 'FRA-2');
    assert.strictEqual(await vscode.env.clipboard.readText(), 'FRA-2');

    assert.strictEqual(await vscode.commands.executeCommand('egn.openProposal', node), true);
    await until('the FRA-2 panel', async () => (await vscode.commands.executeCommand<{ open: string[] }>('egn._proposalPanels')).open.includes('FRA-2'));
    assert.ok(!(await vscode.commands.executeCommand<{ open: string[] }>('egn._proposalPanels')).open.includes('EGN-2'));

    assert.strictEqual(await vscode.commands.executeCommand('egn.revealInCatalogue', node), true);
    await until('FRA-2 selected', async () => sameList((await snapshot()).selection, ['proposal:FRA-2']));
  });

  it('inserts every proposal of a tree selection that spans the EGN and an FRA catalogue, each with its own prefix', async () => {
    const api = (await activateExtension()).exports as { catalogues(): { prefix: string; proposals: { id: string; number: number }[] }[] };
    const proposalOf = (prefix: string, id: string) => api.catalogues().find((c) => c.prefix === prefix)?.proposals.find((p) => p.id === id);
    const fra = { kind: 'proposal', id: 'proposal:FRA-2', proposal: proposalOf('FRA', 'FRA-2') };
    const egn = { kind: 'proposal', id: 'proposal:EGN-12', proposal: proposalOf('EGN', 'EGN-12') };
    assert.ok(fra.proposal && egn.proposal, 'FRA-2 and EGN-12 in the API');

    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'Voir .' });
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 5, 0, 5);
    // The tree hands the clicked node, then the selection (EGN-12 selected first, then FRA-2).
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('egn.insertReference', fra, [egn, fra]), true);
    assert.strictEqual(doc.getText(), 'Voir EGN-12\u00a0; FRA-2.', 'both catalogues\' proposals, neither dropped');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('opens a FRA proposal panel with its catalogue, path, description, and its url offered only through openExternal', async () => {
    assert.strictEqual(await vscode.commands.executeCommand('egn.openProposal', 'FRA-2'), true);
    const html = await until('the FRA-2 panel', async () => vscode.commands.executeCommand<string | undefined>('egn._proposalPanelHtml', 'FRA-2'));
    assert.ok(html.includes('Feuille de route numérique de l’académie du Val-de-Loutre (exemple fictif)'), 'the catalogue title');
    assert.ok(html.includes('Former et accompagner les équipes'), 'the group path');
    assert.ok(html.includes('Trois modules à distance et une journée en présence, par bassin.'), 'the description');
    assert.ok(html.includes('data-action="openUrl"'), 'a button to open the url');
    assert.ok(!/<a\s/i.test(html) && !html.includes('href="https://example.org'), 'no link that navigates');
    assert.ok(!html.includes('data-action="openOverview"'), 'the overview is the EGN\'s only');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    const opened = await vscode.commands.executeCommand<PanelMessageOutcome>('egn._proposalPanelMessage', 'FRA-2', { type: 'openUrl' });
    assert.deepStrictEqual(opened, { opened: 'https://example.org/academie-val-de-loutre/actions/2' });

    // A proposal without url has no button, and asking anyway opens nothing.
    await vscode.commands.executeCommand('egn.openProposal', 'FRA-1');
    const noUrl = await until('the FRA-1 panel', async () => vscode.commands.executeCommand<string | undefined>('egn._proposalPanelHtml', 'FRA-1'));
    assert.ok(!noUrl.includes('data-action="openUrl"'));
    assert.deepStrictEqual(await vscode.commands.executeCommand('egn._proposalPanelMessage', 'FRA-1', { type: 'openUrl' }), {});
  });

  it('renders a hostile workspace description and title as text in the panel', async () => {
    const uri = workspaceUri('hostile-essai.catalogue.yaml');
    created.push(uri);
    await write(uri, [
      'id: hostile-essai', 'prefix: HOS', 'title: "Hostile"', 'groups:', '  - id: axe', `    title: ${JSON.stringify(HOSTILE)}`, '    proposals:',
      '      - number: 1', `        title: ${JSON.stringify(HOSTILE)}`, `        description: ${JSON.stringify(HOSTILE)}`,
      '        url: "https://example.org/?q=<script>&x=\\"y"', '',
    ].join('\n'));
    await until('HOS-1 opens', async () => vscode.commands.executeCommand<boolean>('egn.openProposal', 'HOS-1'), 5_000);
    const html = await until('the HOS-1 panel', async () => vscode.commands.executeCommand<string | undefined>('egn._proposalPanelHtml', 'HOS-1'));
    assert.ok(!/<img/i.test(html), 'no <img element');
    assert.strictEqual((html.match(/<\/script/gi) ?? []).length, 3, 'only the page\'s own script blocks close');
    assert.ok(html.includes('&#60;img src=x onerror=alert(1)&#62;'), 'the hostile text shows as text');
    assert.ok(!html.includes('"https://example.org/?q=<script>'), 'the url is escaped in the button title');
  });

  it('refuses every address but http and https, whatever a catalogue says (the loader refuses them first)', () => {
    for (const bad of ['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'command:egn.rebuildIndex', 'file:///etc/passwd', 'data:text/html,<script>', 'vscode://settings', 'https:alert(1)', 'https://exa mple.org', '']) {
      assert.strictEqual(externalUrl(bad), undefined, bad);
    }
    assert.strictEqual(externalUrl('https://example.org/a?b=1')?.toString(true), 'https://example.org/a?b=1');
    assert.strictEqual(externalUrl('http://example.org')?.scheme, 'http');
  });

  it('lists a first page of citations with a "show all" action when there are more, and none when the page holds them all', async () => {
    const lines = [{ path: 'a.md', line: 1, preview: 'EGN-12' }, { path: 'b.md', line: 2, preview: 'EGN-12' }];
    const more = renderCitationsSection(proposalPageLabels(), { lines, total: 120 });
    assert.ok(more.includes('data-action="showAllCitations"'), more);
    assert.ok(more.includes('Show all 120 citations') && more.includes('The first 2 of 120 citations.'), more);
    assert.ok(more.includes('Cited in this workspace (120)'), 'the heading gives the total');
    const all = renderCitationsSection(proposalPageLabels(), { lines, total: 2 });
    assert.ok(!all.includes('showAllCitations'), all);

    // The panel's action runs find all references on its proposal (the fixture cites EGN-12).
    await vscode.commands.executeCommand('egn.openProposal', 'EGN-12');
    await until('the EGN-12 panel', async () => vscode.commands.executeCommand<string | undefined>('egn._proposalPanelHtml', 'EGN-12'));
    assert.deepStrictEqual(await vscode.commands.executeCommand('egn._proposalPanelMessage', 'EGN-12', { type: 'showAllCitations' }), {});
    await until('the references view on a citation of EGN-12', () => vscode.window.activeTextEditor?.document.getText().includes('EGN-12'));
  });
});
