import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, until, workspaceUri } from './support';

function proposalTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('egn.proposal'));
}

type Panels = { open: string[]; preview: string | undefined };
const panels = async (): Promise<Panels> => vscode.commands.executeCommand<Panels>('egn._proposalPanels');
const preview = (id: string): Thenable<boolean> => vscode.commands.executeCommand<boolean>('egn.openProposal', id, { preview: true });

describe('Preview panels (what a writer trips on)', () => {
  before(async () => {
    await activateExtension();
  });
  beforeEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await until('no proposal tab', () => proposalTabs().length === 0);
  });
  afterEach(async () => {
    await vscode.workspace.getConfiguration('workbench.editor').update('enablePreview', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows ten proposals clicked in the catalogue in one preview tab, the last one', async () => {
    for (let n = 1; n <= 10; n++) {
      assert.strictEqual(await preview(`EGN-${n}`), true);
    }
    const tabs = await until('one tab showing EGN-10', () => { const t = proposalTabs(); return t.length === 1 && t[0].label.startsWith('EGN-10 ') && t; });
    assert.strictEqual(tabs.length, 1);
    assert.deepStrictEqual(await panels(), { open: ['EGN-10'], preview: 'EGN-10' });
  });

  it('keeps a panel opened twice in a row (a double-click) and previews the next one in a new tab', async () => {
    await preview('EGN-3');
    await preview('EGN-3');
    assert.deepStrictEqual(await panels(), { open: ['EGN-3'], preview: undefined });
    await preview('EGN-4');
    await until('two tabs', () => proposalTabs().length === 2);
    assert.deepStrictEqual((await panels()).preview, 'EGN-4');
  });

  it('keeps the preview open with egn.keepProposalOpen; the palette or a link then opens a new preview, { preview: false } a kept panel', async () => {
    await preview('EGN-5');
    await until('the preview active', () => proposalTabs().some((t) => t.isActive));
    assert.strictEqual(await vscode.commands.executeCommand('egn.keepProposalOpen'), true);
    assert.strictEqual((await panels()).preview, undefined);
    await vscode.commands.executeCommand('egn.openProposal', 'EGN-6');
    assert.deepStrictEqual(await panels(), { open: ['EGN-5', 'EGN-6'], preview: 'EGN-6' });
    await vscode.commands.executeCommand('egn.openProposal', 'EGN-7');
    assert.deepStrictEqual(await panels(), { open: ['EGN-5', 'EGN-7'], preview: 'EGN-7' }, 'the preview shows the next one');
    await vscode.commands.executeCommand('egn.openProposal', 'EGN-7', { preview: false });
    assert.deepStrictEqual(await panels(), { open: ['EGN-5', 'EGN-7'], preview: undefined });
  });

  it('opens a tab per proposal when workbench.editor.enablePreview is off', async () => {
    await vscode.workspace.getConfiguration('workbench.editor').update('enablePreview', false, vscode.ConfigurationTarget.Global);
    await preview('EGN-7');
    await preview('EGN-8');
    await until('two tabs', () => proposalTabs().length === 2);
    assert.strictEqual((await panels()).preview, undefined);
  });
});

describe('Ignore markers in diagnostics', () => {
  const egn = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'EGN');

  it('raises no warning in a document marked egn-ignore-file, and none on a line after egn-ignore-next-line', async () => {
    const marked = workspaceUri('ignore-markers.md');
    await vscode.workspace.fs.writeFile(marked, new TextEncoder().encode('<!-- egn-ignore-file -->\n\nEGN-41 et EGN-99\n'));
    const nextLine = workspaceUri('ignore-next-line.md');
    await vscode.workspace.fs.writeFile(nextLine, new TextEncoder().encode('<!-- egn-ignore-next-line -->\nEGN-41 ici\nEGN-42 là\n'));
    try {
      // The marked document is opened first: its check is due before that of the second one, so once
      // the second has its warning, the first has been checked too.
      const b = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(marked));
      const a = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(nextLine), { viewColumn: vscode.ViewColumn.Beside });
      const warned = await until('the EGN-42 warning', () => egn(a.document.uri).length > 0 && egn(a.document.uri));
      assert.deepStrictEqual(warned.map((d) => a.document.getText(d.range)), ['EGN-42'], 'the line after the marker is skipped, the next one is not');
      assert.deepStrictEqual(egn(b.document.uri), [], 'nothing in the ignored document');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(marked);
      await vscode.workspace.fs.delete(nextLine);
    }
  });
});

describe('French typography of inserted references', () => {
  afterEach(async () => {
    const config = vscode.workspace.getConfiguration('egn');
    await config.update('reference.format', undefined, vscode.ConfigurationTarget.Workspace);
    await config.update('reference.quotes', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  async function insertInto(language: string, ...args: unknown[]): Promise<string> {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language, content: '' }));
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('egn.insertReference', ...args), true);
    return editor.document.getText();
  }

  it('writes « » with no-break spaces for the quotes of EGN-19 when egn.reference.quotes is french, as written otherwise', async () => {
    const config = vscode.workspace.getConfiguration('egn');
    await config.update('reference.format', 'idAndTitle', vscode.ConfigurationTarget.Workspace);
    assert.strictEqual(await insertInto('plaintext', 'EGN-19'), 'EGN-19 (Mettre en place le "Pass’ connexion éducation" pour tous)');
    await config.update('reference.quotes', 'french', vscode.ConfigurationTarget.Workspace);
    assert.strictEqual(await insertInto('plaintext', 'EGN-19'), 'EGN-19 (Mettre en place le «\u00a0Pass’ connexion éducation\u00a0» pour tous)');
  });

  it('raises the "os" of "nos" in Markdown', async () => {
    await vscode.workspace.getConfiguration('egn').update('reference.format', 'sentence', vscode.ConfigurationTarget.Workspace);
    assert.strictEqual(await insertInto('markdown', [12, 3]), 'propositions n<sup>os</sup>\u00a03 et 12 (EGN-3 et EGN-12)');
  });
});

describe('Quick fixes, hovers and Find Citations (what a writer trips on)', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('offers the proposals EGN-41 most likely meant, EGN-4 first, before "another proposal…"', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Le plan cite EGN-41.\n' });
    await vscode.window.showTextDocument(doc);
    const warning = await until('the EGN-41 warning', () => vscode.languages.getDiagnostics(doc.uri).find((d) => d.source === 'EGN' && doc.getText(d.range) === 'EGN-41'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, warning.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title).filter((t) => t.startsWith('Replace with'));
    assert.deepStrictEqual(titles.map((t) => /^Replace with (EGN-\d+)/.exec(t)?.[1] ?? t), ['EGN-4', 'EGN-40', 'EGN-1', 'EGN-11', 'Replace with another proposal…']);
    assert.match(titles[0], /^Replace with EGN-4: Mettre en place un plan de continuité/);
    const fix = actions.find((a) => a.title.startsWith('Replace with EGN-4'))!;
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.strictEqual(doc.getText(), 'Le plan cite EGN-4.\n');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('peeks the citations of a proposal from its first citation, not from an unrelated file that happens to be active', async () => {
    const unrelated = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri('annexes', 'sobriete-numerique.rst')));
    unrelated.selection = new vscode.Selection(0, 0, 0, 0);
    const shown = await vscode.commands.executeCommand<vscode.Location[]>('egn.findCitations', { proposal: 'EGN-23' });
    assert.strictEqual(shown.length, 3);
    const active = await until('the first citation open', () => { const e = vscode.window.activeTextEditor; return e && e.document.uri.toString() === shown[0].uri.toString() && e; });
    assert.strictEqual(active.selection.start.line, shown[0].range.start.line, 'the peek is anchored on the citation');
    await vscode.commands.executeCommand('closeReferenceSearch');
  });
});
