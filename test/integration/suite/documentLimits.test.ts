import * as assert from 'assert';
import * as vscode from 'vscode';
import { MAX_DIAGNOSTICS_PER_DOCUMENT, MAX_LINKS_PER_DOCUMENT } from '../../../src/core/documentLimits';
import { activateExtension, closeAllEditors, until } from './support';

/** A generated document on one line: `count` times `unit`. */
async function generated(unit: string, count: number): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: unit.repeat(count) });
  await vscode.window.showTextDocument(doc);
  return doc;
}

describe('What one document may cost the editor', function () {
  this.timeout(60_000);
  before(activateExtension);
  afterEach(closeAllEditors);

  it('gives at most a cap of document links, the first ones in text order', async () => {
    const doc = await generated('EGN-12 ', MAX_LINKS_PER_DOCUMENT + 1_500);
    const links = (await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri)) ?? [];
    assert.strictEqual(links.length, MAX_LINKS_PER_DOCUMENT);
    assert.deepStrictEqual([links[0].range.start.character, links[links.length - 1].range.start.character], [0, (MAX_LINKS_PER_DOCUMENT - 1) * 7]);
  });

  it('shows at most a cap of warnings, then one that says how many more there are, in the writer’s words', async () => {
    const doc = await generated('EGN-41 ', MAX_DIAGNOSTICS_PER_DOCUMENT + 2_345);
    const egn = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'EGN');
    await until('warnings on the generated document', () => egn().length > 0);
    const all = egn();
    assert.strictEqual(all.length, MAX_DIAGNOSTICS_PER_DOCUMENT + 1);
    assert.ok(all.slice(0, MAX_DIAGNOSTICS_PER_DOCUMENT).every((d) => d.severity === vscode.DiagnosticSeverity.Warning && /EGN-41/.test(d.message)));
    const note = all[MAX_DIAGNOSTICS_PER_DOCUMENT];
    assert.strictEqual(note.severity, vscode.DiagnosticSeverity.Information);
    assert.match(note.message, /2345/);
  });

  it('answers a hover at the end of a megabyte-long line with the reference there', async () => {
    const doc = await generated('EGN-1 à 41 ', 90_000);
    // The `G` of the last `EGN-1` (41 does not exist: its warning, not a hover, says so).
    const at = new vscode.Position(0, doc.lineAt(0).text.length - 10);
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at)) ?? [];
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/\\(.)/g, '$1');
    assert.match(text, /EGN-1\b/);
    assert.strictEqual(hovers.find((h) => h.range)?.range?.start.character, doc.lineAt(0).text.length - 11, 'the last EGN-1 of the line');
  });
});
