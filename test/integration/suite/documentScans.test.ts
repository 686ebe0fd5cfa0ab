import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, openFixture, positionOf, until } from './support';

/** What the internal command `egn._documentScans` answers (see src/core/documentScans.ts). */
interface ScanStats {
  readonly scans: number;
  readonly reads: Readonly<Record<string, number>>;
}

interface StatusBarItem {
  readonly text: string;
}

async function stats(): Promise<ScanStats> {
  return vscode.commands.executeCommand<ScanStats>('egn._documentScans');
}

function reads(s: ScanStats, reader: string): number {
  return s.reads[reader] ?? 0;
}

function egnWarnings(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'EGN');
}

describe('Document scans', () => {
  before(async () => {
    await activateExtension();
  });

  after(async () => {
    await closeAllEditors();
  });

  it('scans an edited document once per change, though the index, warnings, status bar, hover, links and find all references all read it', async () => {
    const editor = await openFixture('plan-numerique-academique.md');
    const doc = editor.document;
    const statusBar = async (): Promise<string> => (await vscode.commands.executeCommand<StatusBarItem>('egn._citationStatusBar')).text;
    // Settled before the edit: the index is built (find all references answers from it), the warnings
    // and the status bar are there.
    await until('the index to cite EGN-12 in the plan', async () => {
      const found = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, positionOf(doc, 'EGN-12', 4));
      return found?.some((l) => l.uri.toString() === doc.uri.toString());
    });
    await until('the warning on EGN-41', () => egnWarnings(doc.uri).length === 1);
    const cited = Number(/EGN (\d+)\/40$/.exec(await statusBar())?.[1]);
    assert.ok(cited > 0, 'the status bar counts the plan’s citations');

    // One change: a cited proposal more (EGN-37) and a number that is no proposal (EGN-99).
    const s0 = await stats();
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(doc.lineCount, 0), '\nVoir aussi EGN-37 et EGN-99.\n')));
    const version = doc.version;
    const line = doc.lineCount - 2;
    const at37 = new vscode.Position(line, doc.lineAt(line).text.indexOf('EGN-37') + 4);

    // The typing pause: each feature follows the change in its own time.
    await until('the warning on EGN-99', () => egnWarnings(doc.uri).some((d) => d.range.start.line === line));
    await until('the status bar to count EGN-37', async () => (await statusBar()).endsWith(`EGN ${cited + 1}/40`));
    await until('the index to cite EGN-37 at the new line', async () => {
      const found = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, at37);
      return found?.some((l) => l.uri.toString() === doc.uri.toString() && l.range.start.line === line);
    });
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at37);
    assert.ok(hovers.some((h) => h.contents.some((c) => typeof c !== 'string' && 'value' in c && c.value.includes('EGN\\-37'))), 'the hover of EGN-37');
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri);
    assert.ok(links.some((l) => l.range.start.line === line), 'a link on EGN-37');

    const s1 = await stats();
    assert.strictEqual(doc.version, version, 'one change only');
    for (const reader of ['index', 'diagnostics', 'statusBar', 'hover', 'links', 'references']) {
      assert.ok(reads(s1, reader) > reads(s0, reader), `${reader} read the shared scan after the change`);
    }
    assert.strictEqual(s1.scans - s0.scans, 1, 'the document was scanned once for the change');
  });
});
