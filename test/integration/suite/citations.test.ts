import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { ReferenceScanner } from '../../../src/core/referenceScanner';
import { activateExtension, closeAllEditors, openFixture, positionOf, until, workspaceUri } from './support';

/** Workspace-relative path of a location, for readable assertions. */
function relative(location: vscode.Location): string {
  const root = vscode.workspace.workspaceFolders![0].uri.path;
  return path.posix.relative(root, location.uri.path);
}

let probes = 0;

/**
 * Find all references on `EGN-<n>` typed in a scratch (untitled, hence unindexed) document. Each
 * probe has a name of its own: `Untitled-N` names are reused once closed, and the workbench may
 * still hold an older document under a reused name.
 */
async function referencesOf(n: number): Promise<vscode.Location[]> {
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `egn-probe-${Date.now()}-${++probes}.md` });
  const probe = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), `Voir EGN-${n}.`);
  assert.ok(await vscode.workspace.applyEdit(edit));
  assert.strictEqual(probe.languageId, 'markdown');
  const locations = await vscode.commands.executeCommand<vscode.Location[] | undefined>('vscode.executeReferenceProvider', probe.uri, new vscode.Position(0, 6));
  return locations ?? [];
}

/** Where `EGN-<n>` is cited, as `path:line:character` strings, for readable failures. */
async function placesOf(n: number): Promise<string[]> {
  return (await referencesOf(n)).map((l) => `${relative(l)}:${l.range.start.line + 1}:${l.range.start.character + 1}`);
}

/** Splits one RFC 4180 CSV line into its fields. */
function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        assert.ok(q >= 0, `unterminated quoted field in ${line}`);
        field += line.slice(i, q);
        if (line[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else {
      const c = line.indexOf(',', i);
      field = line.slice(i, c < 0 ? line.length : c);
      i = c < 0 ? line.length : c;
    }
    fields.push(field);
    if (line[i] !== ',') {
      return fields;
    }
    i++;
  }
}

describe('Workspace citations', () => {
  before(async () => {
    await activateExtension();
  });

  afterEach(async () => {
    await closeAllEditors();
  });

  it('lists the citations of EGN-23 in the Markdown plan and in the text note', async () => {
    const editor = await openFixture('plan-numerique-academique.md');
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', editor.document.uri, positionOf(editor.document, 'EGN-23', 2));
    const files = locations.map(relative).sort();
    assert.deepStrictEqual(files, ['note-projet-ent.txt', 'note-projet-ent.txt', 'plan-numerique-academique.md']);
    const inPlan = locations.find((l) => relative(l) === 'plan-numerique-academique.md')!;
    assert.strictEqual(editor.document.getText(inPlan.range), 'EGN-23');
  });

  it('finds citations in a nested folder (annexes/) and never in node_modules', async () => {
    const files13 = (await referencesOf(13)).map(relative);
    assert.ok(files13.includes('annexes/fiche-action-pix.md'), `EGN-13 cited in ${files13.join(', ')}`);
    assert.ok(files13.includes('plan-numerique-academique.md'), 'the continuation "EGN-7 et 13" counts');
    const files1 = (await referencesOf(1)).map(relative);
    assert.deepStrictEqual(files1, ['plan-numerique-academique.md'], 'EGN-1 of node_modules/ is ignored');
    assert.deepStrictEqual(await placesOf(40), [], 'EGN-40 is cited only in node_modules/');
  });

  it('counts the numbers inside a range: "EGN-15 à 18" cites 16 and 17', async () => {
    for (const n of [16, 17]) {
      const inPlan = (await referencesOf(n)).filter((l) => relative(l) === 'plan-numerique-academique.md');
      assert.strictEqual(inPlan.length, 1, `EGN-${n} implied by the range`);
      const doc = await vscode.workspace.openTextDocument(inPlan[0].uri);
      assert.strictEqual(doc.getText(inPlan[0].range), '18', 'an implied number points at the end of its range');
    }
  });

  it('counts the unsaved text of an open document, and forgets it on undo', async () => {
    const editor = await openFixture('annexes/fiche-action-pix.md');
    assert.deepStrictEqual(await placesOf(33), [], 'EGN-33 is not cited before the edit');
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Nouvelle piste : EGN-33.\n'));
    assert.ok(editor.document.isDirty, 'the edit is not saved');
    const after = await until('EGN-33 to be found in the unsaved buffer', async () => {
      const l = await referencesOf(33);
      return l.length > 0 && l;
    });
    assert.deepStrictEqual(after.map(relative), ['annexes/fiche-action-pix.md']);
    assert.deepStrictEqual([after[0].range.start.line, after[0].range.start.character], [0, 17]);
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    await until('EGN-33 to disappear after undo', async () => (await referencesOf(33)).length === 0);
  });

  it('follows files created and deleted on disk', async () => {
    const uri = workspaceUri('annexes', 'nouvelle-fiche.md');
    assert.deepStrictEqual(await placesOf(35), []);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('# Nouvelle fiche\n\nMise en œuvre de EGN-35.\n'));
    const created = await until('EGN-35 in the new file', async () => {
      const l = await referencesOf(35);
      return l.length > 0 && l;
    });
    assert.deepStrictEqual(created.map(relative), ['annexes/nouvelle-fiche.md']);
    await vscode.workspace.fs.delete(uri);
    await until('EGN-35 to disappear with its file', async () => (await referencesOf(35)).length === 0);
  });

  it('reads a folder moved into the workspace, and forgets it when it is deleted', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'egn-moved-'));
    fs.mkdirSync(path.join(outside, 'sous-dossier'));
    fs.writeFileSync(path.join(outside, 'sous-dossier', 'fiche.md'), 'Cloud souverain : EGN-36.\n');
    const inside = workspaceUri('dossier-deplace').fsPath;
    assert.deepStrictEqual(await placesOf(36), []);
    // One rename: the watcher may report only the folder, not the files inside it.
    fs.renameSync(outside, inside);
    try {
      await until('EGN-36 from the moved folder', async () => (await placesOf(36)).join() === 'dossier-deplace/sous-dossier/fiche.md:1:19');
    } finally {
      fs.rmSync(inside, { recursive: true, force: true });
    }
    await until('EGN-36 gone with its folder', async () => (await placesOf(36)).length === 0);
  });

  it('follows a renamed file without losing its citations', async () => {
    const from = workspaceUri('annexes', 'sobriete-numerique.rst');
    const to = workspaceUri('annexes', 'sobriete-et-rgpd.rst');
    assert.deepStrictEqual(await placesOf(30), ['annexes/sobriete-numerique.rst:4:66']);
    const rename = new vscode.WorkspaceEdit();
    rename.renameFile(from, to);
    assert.ok(await vscode.workspace.applyEdit(rename));
    try {
      await until('EGN-30 under the new name', async () => (await placesOf(30)).join() === 'annexes/sobriete-et-rgpd.rst:4:66');
    } finally {
      const back = new vscode.WorkspaceEdit();
      back.renameFile(to, from);
      assert.ok(await vscode.workspace.applyEdit(back));
    }
    await until('EGN-30 under its first name again', async () => (await placesOf(30)).join() === 'annexes/sobriete-numerique.rst:4:66');
  });

  it('rebuilds when egn.index.exclude or files.exclude change', async () => {
    const inAnnexes = async (): Promise<boolean> => (await placesOf(13)).some((p) => p.startsWith('annexes/'));
    assert.ok(await inAnnexes());
    const egn = vscode.workspace.getConfiguration('egn.index');
    await egn.update('exclude', '**/{node_modules,annexes}/**', vscode.ConfigurationTarget.Workspace);
    try {
      await until('annexes/ to leave the index', async () => !(await inAnnexes()));
      assert.ok((await placesOf(13)).some((p) => p.startsWith('plan-numerique-academique.md')), 'the rest stays indexed');
    } finally {
      await egn.update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await until('annexes/ back in the index', inAnnexes);
    const files = vscode.workspace.getConfiguration('files');
    await files.update('exclude', { '**/annexes': true }, vscode.ConfigurationTarget.Workspace);
    try {
      await until('annexes/ hidden by files.exclude', async () => !(await inAnnexes()));
    } finally {
      await files.update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await until('annexes/ back in the index', inAnnexes);
  });

  it('egn.findCitations resolves "EGN-23" to its three citations and peeks them', async () => {
    await openFixture('plan-numerique-academique.md');
    const shown = await vscode.commands.executeCommand<vscode.Location[]>('egn.findCitations', 'EGN-23');
    assert.deepStrictEqual(shown.map(relative).sort(), ['note-projet-ent.txt', 'note-projet-ent.txt', 'plan-numerique-academique.md']);
    const byNumber = await vscode.commands.executeCommand<vscode.Location[]>('egn.findCitations', 23);
    assert.strictEqual(byNumber.length, 3);
  });

  it('exports the coverage as CSV into a new untitled document: a header and 40 quoted rows', async () => {
    await vscode.commands.executeCommand('egn.exportCoverage', 'csv');
    const document = await until('the export editor', () => {
      const d = vscode.window.activeTextEditor?.document;
      return d && d.uri.scheme === 'untitled' && d.getText().startsWith('Proposal,') && d;
    });
    assert.strictEqual(document.isUntitled, true, 'never written over a file');
    assert.match(document.uri.path, /\/egn-coverage(-\d+)?\.csv$/, 'a CSV name with its extension');
    const lines = document.getText().split('\r\n');
    assert.strictEqual(lines.pop(), '', 'CRLF after the last row');
    assert.strictEqual(lines.length, 41, 'header + 40 proposals');
    const header = lines[0].split(',');
    assert.deepStrictEqual(header.slice(0, 7), ['Proposal', 'Number', 'Title', 'Theme', 'Sub-theme', 'Citations', 'Cited']);
    assert.deepStrictEqual(header.slice(7).sort(), ['annexes/fiche-action-pix.md', 'annexes/sobriete-numerique.rst', 'compte-rendu-comite-pilotage.md', 'deliberation-conseil-departemental.tex', 'note-projet-ent.txt', 'plan-numerique-academique.md']);
    const row23 = lines.find((l) => l.startsWith('EGN-23,'))!;
    assert.match(row23, /^EGN-23,23,"?[^,]/);
    // Titles hold commas: such a field is quoted, with inner quotes doubled (RFC 4180).
    for (const line of lines.slice(1)) {
      const fields = parseCsvLine(line);
      assert.strictEqual(fields.length, header.length, `every row has ${header.length} fields: ${line}`);
    }
    const fields23 = parseCsvLine(row23);
    assert.strictEqual(fields23[5], '3', 'EGN-23: once in the plan, twice in the note');
    assert.strictEqual(fields23[6], 'yes');
    const row40 = parseCsvLine(lines.find((l) => l.startsWith('EGN-40,'))!);
    assert.deepStrictEqual([row40[5], row40[6]], ['0', 'no'], 'node_modules/ does not count');
  });

  it('exports the coverage as Markdown with the theme tables and the uncited list', async () => {
    await vscode.commands.executeCommand('egn.exportCoverage', 'markdown');
    const document = await until('the Markdown export', () => {
      const d = vscode.window.activeTextEditor?.document;
      return d && d.isUntitled && d.languageId === 'markdown' && d.getText().includes('# ') && d;
    });
    const text = document.getText();
    assert.match(text, /^<!-- egn-ignore-file -->\n\n# Coverage of the proposals of the EGN \(2020\)\n/, 'the ignore marker first, then the heading');
    assert.match(document.uri.path, /\/egn-coverage(-\d+)?\.md$/, 'named after its content, not its first line');
    const heading = text.slice(text.indexOf('# '));
    const scanner = new ReferenceScanner('EGN', () => true);
    assert.deepStrictEqual(scanner.scan(heading.slice(0, heading.indexOf('\n'))), [], 'the heading cites nothing itself (no "EGN 2020")');
    assert.match(text, /\| Proposal \| Title \| .*Citations \|/, 'a table per theme');
    assert.match(text, /## Proposals not cited\n\n(- \*\*EGN-\d+\*\* — .+\n)+/, 'the uncited list');
    assert.match(text, /- \*\*EGN-40\*\*/);
    assert.doesNotMatch(text, /- \*\*EGN-23\*\*/);
    assert.match(text, /EGN-41 in plan-numerique-academique\.md, line \d+/, 'the unknown reference is reported');
  });

  it('egn.showUncitedOnly leaves only the uncited proposals in the tree, with counts; egn.showAllProposals brings all back', async () => {
    type Row = { id: string; badge: string | undefined; badgeTooltip: string | undefined; contextValue: string | undefined; children: Row[] };
    const proposals = async (): Promise<Row[]> => {
      const snapshot = await vscode.commands.executeCommand<{ items: Row[] }>('egn._catalogueViewRows');
      const all: Row[] = [];
      // The EGN's rows (the fixture's FRA catalogue has its own root and tests).
      const walk = (rows: Row[]): void => rows.forEach((r) => (r.contextValue === 'proposal' ? r.id.startsWith('proposal:EGN-') && all.push(r) : walk(r.children)));
      walk(snapshot.items);
      return all;
    };
    try {
      await vscode.commands.executeCommand('egn.showUncitedOnly');
      // The tree follows the index after its change events settle (the previous test's undo among them).
      const uncited = await until('the 18 uncited proposals in the tree', async () => {
        const ids = (await proposals()).map((r) => r.id);
        return ids.length === 18 && ids;
      });
      assert.ok(uncited.some((id) => id.endsWith('EGN-40')), 'EGN-40 is cited only in node_modules/');
      assert.ok(!uncited.some((id) => id.endsWith('EGN-23')), 'EGN-23 is cited');
      assert.strictEqual(uncited.length, 18, `uncited: ${uncited.join(', ')}`);
    } finally {
      await vscode.commands.executeCommand('egn.showAllProposals');
    }
    const all = await proposals();
    assert.strictEqual(all.length, 40);
    const row23 = all.find((r) => r.id.endsWith('EGN-23'))!;
    assert.strictEqual(row23.badge, '3', 'the tree shows EGN-23\'s 3 citations as a badge');
    assert.strictEqual(row23.badgeTooltip, 'cited 3 times in the workspace');
  });

  it('opens one coverage report, reused when the scope switches between the workspace and the active document', async () => {
    const coverageTabs = (): vscode.Tab[] => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('egn.coverage'));
    await openFixture('plan-numerique-academique.md');
    await vscode.commands.executeCommand('egn.openDocumentCoverage');
    await until('the document report tab', () => coverageTabs().some((t) => t.label === 'EGN Coverage: plan-numerique-academique.md'));
    await vscode.commands.executeCommand('egn.openCoverage');
    await until('the same tab on the workspace', () => coverageTabs().some((t) => t.label === 'EGN Coverage'));
    assert.strictEqual(coverageTabs().length, 1);
  });
});
