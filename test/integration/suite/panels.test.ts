import * as assert from 'assert';
import * as vscode from 'vscode';
import { loadCatalogue } from '../../../src/core/catalogueLoader';
import { CatalogueWithContext, hasContext } from '../../../src/core/catalogue';
import { overviewPageLabels, proposalPageLabels } from '../../../src/panels/panelLabels';
import { renderOverviewBody } from '../../../src/panels/overviewPage';
import { renderProposalBody } from '../../../src/panels/proposalPage';
import { renderPage } from '../../../src/panels/webviewHtml';
import { activateExtension, until } from './support';

function webviewTabs(viewType: string): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(viewType));
}

const HOSTILE = '<img src=x onerror=alert(1)> </script><script>alert(2)</script>';

/** The bundled catalogue with hostile text in a proposal title, a theme title, a tag and the overview's context. */
async function hostileCatalogue(extensionUri: vscode.Uri): Promise<CatalogueWithContext> {
  const read = async (f: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'data', f)));
  let yaml = await read('egn-2020.yaml');
  const replace = (from: string, to: string) => {
    assert.ok(yaml.includes(from), `the seed holds ${from}`);
    yaml = yaml.replace(from, to);
  };
  // Single-quoted YAML keeps every character as written.
  replace('"Certifier les compétences numériques des élèves avec PIX"', `'${HOSTILE}'`);
  replace('"Enseigner et apprendre le numérique et avec le numérique"', `'Thème ${HOSTILE}'`);
  replace('tags: [PIX]\n          - number: 14', `tags: [PIX, '${HOSTILE}']\n          - number: 14`);
  replace('"Apprendre"', `'Sous-thème ${HOSTILE}'`);
  replace('place: "Poitiers"', `place: '${HOSTILE}'`);
  replace('updated: "mars 2024"', `updated: '${HOSTILE}'`);
  const schema = JSON.parse(await read('catalogue.schema.json')) as object;
  const loaded = loadCatalogue(yaml, schema);
  assert.ok(loaded.ok, `the hostile catalogue loads: ${loaded.ok ? '' : JSON.stringify(loaded.errors)}`);
  assert.ok(hasContext(loaded.catalogue));
  return loaded.catalogue;
}

function assertNoMarkup(html: string): void {
  assert.ok(!/<img/i.test(html), 'no <img element');
  assert.ok(!/<\/?script/i.test(html), 'no script tag');
}

describe('Proposal panels', () => {
  let extensionUri: vscode.Uri;
  before(async () => {
    extensionUri = (await activateExtension()).extensionUri;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('keeps one panel per proposal opened with { preview: false }, revealed, never a second, when opened again', async () => {
    assert.strictEqual(await vscode.commands.executeCommand('egn.openProposal', 'EGN-12', { preview: false }), true);
    await until('the EGN-12 tab', () => webviewTabs('egn.proposal').length === 1);
    assert.strictEqual(await vscode.commands.executeCommand('egn.openProposal', 'EGN-12'), true);
    assert.strictEqual(await vscode.commands.executeCommand('egn.openProposal', 12), true);
    assert.strictEqual(await vscode.commands.executeCommand('egn.openProposal', { proposal: 'EGN-12' }), true);
    // Give a duplicate every chance to appear before counting.
    await vscode.commands.executeCommand('egn.openProposal', 'EGN-13', { preview: false });
    await until('the EGN-13 tab', () => webviewTabs('egn.proposal').length === 2);
    const tabs = webviewTabs('egn.proposal');
    assert.strictEqual(tabs.length, 2, tabs.map((t) => t.label).join(', '));
    assert.ok(tabs.some((t) => t.label.startsWith('EGN-12')), tabs.map((t) => t.label).join(', '));
    assert.ok(tabs.some((t) => t.label.startsWith('EGN-13')));
  });

  it('opens every proposal asked for by the command or a reference\'s link (Ctrl+click) in the one preview tab, beside the text', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Voir EGN-5, EGN-6 et EGN-7.\n' });
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    const links = await until('the links of the references', async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri);
      return found && found.length === 3 && found;
    });
    // What Ctrl+click on a reference runs: the link's command URI.
    const follow = async (link: vscode.DocumentLink): Promise<void> => {
      const target = link.target!;
      assert.strictEqual(target.scheme, 'command');
      await vscode.commands.executeCommand(target.path, ...(JSON.parse(decodeURIComponent(target.query)) as unknown[]));
    };
    await follow(links[0]);
    await until('the EGN-5 preview', () => webviewTabs('egn.proposal').some((t) => t.label.startsWith('EGN-5')));
    await follow(links[1]);
    await until('the EGN-6 preview', () => webviewTabs('egn.proposal').some((t) => t.label.startsWith('EGN-6')));
    assert.strictEqual(await vscode.commands.executeCommand('egn.openProposal', 'EGN-7'), true);
    await until('the EGN-7 preview', () => webviewTabs('egn.proposal').some((t) => t.label.startsWith('EGN-7')));
    const tabs = webviewTabs('egn.proposal');
    assert.deepStrictEqual(tabs.map((t) => t.label.split(' ')[0]), ['EGN-7'], 'one preview tab, showing the last proposal asked for');
    assert.strictEqual(tabs[0].group.viewColumn, vscode.ViewColumn.Two, 'beside the text');
    assert.deepStrictEqual((await vscode.commands.executeCommand<{ preview: string | undefined }>('egn._proposalPanels')).preview, 'EGN-7');
  });

  it('opens the proposal of the selected row from the row\'s command, which carries no argument to lose in a tree refresh', async () => {
    assert.strictEqual(await vscode.commands.executeCommand('egn.revealInCatalogue', 'EGN-12'), true);
    assert.strictEqual(await vscode.commands.executeCommand('egn.openSelectedProposal'), true);
    await until('the EGN-12 preview', () => webviewTabs('egn.proposal').some((t) => t.label.startsWith('EGN-12')));
  });

  it('keeps a citations section, to be filled, in a panel opened while the index is being built', async () => {
    // The rebuild clears the index's readiness before the panel renders.
    const rebuilt = vscode.commands.executeCommand('egn.rebuildIndex');
    assert.strictEqual(await vscode.commands.executeCommand('egn.openProposal', 'EGN-12'), true);
    const html = await until('the EGN-12 page', async () => vscode.commands.executeCommand<string | undefined>('egn._proposalPanelHtml', 'EGN-12'));
    await rebuilt;
    assert.ok(html.includes('id="citations"'), 'the page has the section that the index fills once built');
  });

  it('opens no panel for a number the catalogue does not have', async () => {
    assert.strictEqual(await vscode.commands.executeCommand('egn.openProposal', 'EGN-99'), false);
    assert.strictEqual(await vscode.commands.executeCommand('egn.openProposal', { nonsense: true }), false);
    assert.strictEqual(webviewTabs('egn.proposal').length, 0);
  });

  it('opens the overview once, as its own webview tab', async () => {
    await vscode.commands.executeCommand('egn.openOverview');
    await vscode.commands.executeCommand('egn.openOverview');
    // Tabs appear in the order their panels were created: once a panel opened after the second call has its
    // tab, a duplicate overview would have its own too, so the count below is final.
    await vscode.commands.executeCommand('egn.openProposal', 'EGN-5');
    await until('the barrier panel\'s tab', () => webviewTabs('egn.proposal').length === 1);
    const overviews = webviewTabs('egn.overview');
    assert.strictEqual(overviews.length, 1, overviews.map((t) => t.label).join(', '));
  });

  it('renders a hostile catalogue title, theme, tag and context as text, in the body and in the full page', async () => {
    const catalogue = await hostileCatalogue(extensionUri);
    const p = catalogue.byNumber(13)!;
    assert.strictEqual(p.title, HOSTILE);
    assert.deepStrictEqual(p.tags, ['PIX', HOSTILE]);
    const hostileCitation = [{ path: 'a<b>.md', line: 3, preview: HOSTILE }];
    const body = renderProposalBody(catalogue, p, proposalPageLabels(), { lines: hostileCitation, total: 1 });
    assertNoMarkup(body);
    assert.ok(body.includes('&#60;img src=x onerror=alert(1)&#62; &#60;/script&#62;'), 'the hostile title shows as text');
    // A neighbour's page lists the hostile title among its siblings, related and pager entries.
    const neighbour = renderProposalBody(catalogue, catalogue.byNumber(12)!, proposalPageLabels(), undefined);
    assertNoMarkup(neighbour);
    assert.ok(neighbour.includes('&#60;img'));
    const overview = renderOverviewBody(catalogue, overviewPageLabels());
    assertNoMarkup(overview);

    // The whole page, as the panel renders it: only its own three scripts (state, media/webview.js, the
    // page's script), all with the nonce.
    const webview = { cspSource: 'vscode-webview://test', asWebviewUri: (u: vscode.Uri) => u } as unknown as vscode.Webview;
    const page = renderPage({ webview, extensionUri, lang: 'fr', title: p.id, bodyHtml: body, script: 'proposal.js', state: { id: p.id, title: p.title } });
    assert.strictEqual((page.match(/<\/script/gi) ?? []).length, 3, 'only the page\'s own script blocks close');
    assert.strictEqual((page.match(/<script /gi) ?? []).length, 3);
    assert.ok(!/<img/i.test(page));
    assert.match(page, /default-src 'none'/);
  });
});
