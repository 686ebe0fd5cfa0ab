import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ApiCatalogue, EgnApi } from '../../../src/extension';
import { until, workspaceUri } from './support';

/** The API of the extension under test, activated. */
async function api(): Promise<EgnApi> {
  const ext = vscode.extensions.getExtension<EgnApi>('egn-tools.egn-numerique-education');
  assert.ok(ext);
  return ext.activate();
}

async function write(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

function catalogueText(prefix: string, titles: readonly string[], id = `${prefix.toLowerCase()}-essai`): string {
  return [
    `id: ${id}`,
    `prefix: ${prefix}`,
    `title: "Catalogue d’essai ${prefix}"`,
    'groups:',
    '  - id: axe-1',
    '    title: "Axe 1"',
    '    proposals:',
    ...titles.flatMap((t, i) => [`      - number: ${i + 1}`, `        title: "${t}"`]),
    '',
  ].join('\n');
}

function byPrefix(e: EgnApi, prefix: string): ApiCatalogue | undefined {
  return e.catalogues().find((c) => c.prefix === prefix);
}

/** The diagnostics of the catalogue file, once there are some. */
function catalogueDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'EGN');
}

/**
 * How long a file written or saved may take to show in the API: the file watcher's event goes from
 * VS Code's watcher process through the workbench to the extension host, then a reload runs a
 * search. About 0.4 s here at load 5 (the steps are printed below), but several seconds on a CI
 * runner at load 10+, where a 5 s deadline failed once.
 */
const FILE_EVENT_MS = 20_000;

/** The EGN catalogue is in use, first, with its 40 proposals: checked throughout. */
function assertEgnKeepsWorking(e: EgnApi): void {
  const [first] = e.catalogues();
  assert.strictEqual(first.prefix, 'EGN');
  assert.strictEqual(first.source, 'bundled');
  assert.strictEqual(first.proposals.length, 40);
  assert.strictEqual(e.proposals().length, 40);
}

describe('Workspace catalogues', function () {
  // Several file events in a row, each FILE_EVENT_MS at most.
  this.timeout(90_000);
  let egn: EgnApi;
  const created: vscode.Uri[] = [];

  before(async () => {
    egn = await api();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created.splice(0)) {
      await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false }).then(undefined, () => undefined);
    }
  });

  it('loads the demo catalogue FRA beside the EGN, bundled first, through the API', async () => {
    const fra = await until('the FRA catalogue', () => byPrefix(egn, 'FRA'));
    assertEgnKeepsWorking(egn);
    assert.strictEqual(fra.source, workspaceUri('academie-exemple.catalogue.yaml').toString());
    assert.strictEqual(fra.id, 'feuille-de-route-val-de-loutre');
    assert.strictEqual(fra.proposals.length, 12);
    assert.deepStrictEqual(fra.proposals[1], {
      id: 'FRA-2',
      number: 2,
      title: 'Ouvrir un parcours de formation hybride pour les directeurs d’école',
      theme: 'Former et accompagner les équipes',
      subtheme: undefined,
    });
    assert.strictEqual(fra.proposals[6].subtheme, 'Collèges et lycées');
  });

  it('follows a catalogue file created, edited, made invalid, fixed, renamed and deleted, without a reload', async () => {
    const uri = workspaceUri('essai.catalogue.yaml');
    const renamed = workspaceUri('annexes', 'essai-renomme.catalogue.yaml');
    created.push(uri, renamed);
    let changes = 0;
    const listener = egn.onDidChangeCatalogues(() => changes++);
    /** How long each step took to show, printed for the record (FILE_EVENT_MS is generous for loaded machines). */
    const steps: string[] = [];
    let t = Date.now();
    const step = (name: string): void => {
      steps.push(`${name} ${Date.now() - t} ms`);
      t = Date.now();
    };
    try {
      await write(uri, catalogueText('TST', ['Première action']));
      await until('TST loaded', () => byPrefix(egn, 'TST'), FILE_EVENT_MS);
      step('create');
      assert.ok(changes > 0, 'onDidChangeCatalogues fired');

      await write(uri, catalogueText('TST', ['Première action', 'Action ajoutée']));
      await until('the edit applied', () => byPrefix(egn, 'TST')?.proposals[1]?.title === 'Action ajoutée', FILE_EVENT_MS);
      step('edit');

      const broken = catalogueText('TST', ['Première action', 'Action ajoutée']).replace('        title: "Action ajoutée"', '        titel: "Action ajoutée"');
      await write(uri, broken);
      const diagnostics = await until('a diagnostic on the misspelt key', () => catalogueDiagnostics(uri).length > 0 && catalogueDiagnostics(uri), FILE_EVENT_MS);
      step('invalid');
      assert.strictEqual(byPrefix(egn, 'TST'), undefined, 'an invalid catalogue is not half-loaded');
      const typo = diagnostics.find((d) => d.message.includes('did you mean "title"'));
      assert.ok(typo, diagnostics.map((d) => d.message).join('\n'));
      const line = broken.split('\n').findIndex((l) => l.includes('titel:'));
      assert.deepStrictEqual([typo.range.start.line, typo.range.start.character], [line, 8]);
      assert.strictEqual(typo.severity, vscode.DiagnosticSeverity.Error);
      assertEgnKeepsWorking(egn);
      assert.ok(byPrefix(egn, 'FRA'), 'the other catalogues keep working');

      await write(uri, catalogueText('TST', ['Première action', 'Action corrigée']));
      await until('the fix applied', () => byPrefix(egn, 'TST')?.proposals[1]?.title === 'Action corrigée', FILE_EVENT_MS);
      await until('the diagnostics cleared', () => catalogueDiagnostics(uri).length === 0, FILE_EVENT_MS);
      step('fix');

      await vscode.workspace.fs.rename(uri, renamed);
      await until('the rename followed', () => byPrefix(egn, 'TST')?.source === renamed.toString(), FILE_EVENT_MS);
      step('rename');

      await vscode.workspace.fs.delete(renamed);
      await until('the deletion followed', () => !byPrefix(egn, 'TST'), FILE_EVENT_MS);
      step('delete');
      assertEgnKeepsWorking(egn);
      console.log(`      catalogue file to API: ${steps.join(', ')}`);
    } finally {
      listener.dispose();
    }
  });

  it('does not apply unsaved edits to an open catalogue until they are saved', async () => {
    const uri = workspaceUri('ouvert.catalogue.yaml');
    created.push(uri);
    await write(uri, catalogueText('OUV', ['Titre enregistré']));
    await until('OUV loaded', () => byPrefix(egn, 'OUV'), FILE_EVENT_MS);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const edit = new vscode.WorkspaceEdit();
    const offset = document.getText().indexOf('Titre enregistré');
    edit.replace(uri, new vscode.Range(document.positionAt(offset), document.positionAt(offset + 'Titre enregistré'.length)), 'Titre modifié');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(document.isDirty);
    // A reload reads the file as saved on disk: the edit is not there yet.
    await vscode.commands.executeCommand('egn.reloadCatalogues');
    assert.strictEqual(byPrefix(egn, 'OUV')?.proposals[0].title, 'Titre enregistré');
    assert.ok(await document.save());
    await until('the saved edit applied', () => byPrefix(egn, 'OUV')?.proposals[0].title === 'Titre modifié', FILE_EVENT_MS);
  });

  it('rejects a second catalogue with a prefix in use, on its prefix line, and the first keeps working', async () => {
    const uri = workspaceUri('doublon.catalogue.yaml');
    created.push(uri);
    const text = `# un doublon\n${catalogueText('fra', ['Action en double'])}`;
    await write(uri, text);
    const [diagnostic] = await until('the duplicate prefix reported', () => catalogueDiagnostics(uri).length > 0 && catalogueDiagnostics(uri), FILE_EVENT_MS);
    assert.strictEqual(diagnostic.range.start.line, 2, 'on the prefix line');
    assert.strictEqual(diagnostic.range.start.character, 8);
    assert.match(diagnostic.message, /"fra" is already used by the catalogue academie-exemple\.catalogue\.yaml/);
    assert.strictEqual(byPrefix(egn, 'FRA')?.source, workspaceUri('academie-exemple.catalogue.yaml').toString());
    assert.strictEqual(egn.catalogues().filter((c) => c.prefix.toUpperCase() === 'FRA').length, 1);
  });

  it('loads hostile catalogue files without harm: an alias bomb, 10 MB, bidi characters and a javascript: url are reported at their place', async () => {
    const bomb = workspaceUri('bombe.catalogue.yaml');
    const huge = workspaceUri('enorme.catalogue.yaml');
    const bidi = workspaceUri('bidi.catalogue.yaml');
    const script = workspaceUri('script.catalogue.json');
    created.push(bomb, huge, bidi, script);
    const lol = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      lol.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    }
    await write(bomb, `${lol.join('\n')}\n`);
    await write(huge, `# ${'x'.repeat(10 * 1024 * 1024)}\n`);
    // A YAML escape: the file's characters are clean, the parsed title is not.
    const bidiText = catalogueText('BID', ['Former \\u202etxt.exe', 'Sans danger']);
    await write(bidi, bidiText);
    await write(script, JSON.stringify({ id: 'script', prefix: 'JSX', title: 'Script', groups: [{ id: 'g', title: 'G', proposals: [{ number: 1, title: 'A', url: 'javascript:alert(1)' }] }] }, null, 2));

    const started = Date.now();
    const all = await until('the four files reported', () => {
      const found = [bomb, huge, bidi, script].map(catalogueDiagnostics);
      return found.every((d) => d.length > 0) && found;
    }, 10_000);
    const [bombErrors, hugeErrors, bidiErrors, scriptErrors] = all;
    assert.match(bombErrors[0].message, /aliases/);
    assert.match(hugeErrors[0].message, /too large: 10\.0 MB/);
    assert.match(bidiErrors[0].message, /U\+202E \(RIGHT-TO-LEFT OVERRIDE\)/);
    assert.strictEqual(bidiErrors[0].range.start.line, bidiText.split('\n').findIndex((l) => l.includes('\\u202e')));
    assert.match(scriptErrors[0].message, /^proposal 1 of group 1, field url: must be a web address starting with http:\/\/ or https:\/\//, 'named as a writer names things, not groups[0].proposals[0].url');
    assert.strictEqual(scriptErrors[0].range.start.line, JSON.stringify({ id: 'script', prefix: 'JSX', title: 'Script', groups: [{ id: 'g', title: 'G', proposals: [{ number: 1, title: 'A', url: 'javascript:alert(1)' }] }] }, null, 2).split('\n').findIndex((l) => l.includes('javascript:')));
    for (const prefix of ['BID', 'JSX']) {
      assert.strictEqual(byPrefix(egn, prefix), undefined, `${prefix} is not loaded`);
    }
    assertEgnKeepsWorking(egn);
    assert.ok(byPrefix(egn, 'FRA'));
    assert.ok(Date.now() - started < 10_000);
  });

  it('egn.newCatalogue writes a commented starter without a $schema path into the install folder, opens it, and it loads with a free prefix', async () => {
    const uri = workspaceUri('feuille-de-route.catalogue.yaml');
    created.push(uri);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('egn.newCatalogue', uri);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    assert.strictEqual(editor.document.uri.toString(), uri.toString());
    const lines = editor.document.getText().split('\n');
    assert.ok(!lines.some((l) => l.includes('$schema')), 'no $schema path into the install folder: the manifest\'s yamlValidation gives the schema on every machine');
    assert.ok(lines.slice(0, 5).every((l) => l.startsWith('# ')), 'commented');
    const manifest = (vscode.extensions.all.find((e) => e.packageJSON?.name === 'egn-numerique-education')?.packageJSON ?? {}) as { contributes?: { yamlValidation?: { fileMatch: string[]; url: string }[] } };
    assert.ok(manifest.contributes?.yamlValidation?.some((v) => v.fileMatch.includes('*.catalogue.yaml') && v.url === './data/catalogue.schema.json'), 'the starter\'s name has the schema association');
    // FRA is the demo's: the starter takes the next free prefix, so that it loads.
    const loaded = await until('the starter loaded', () => byPrefix(egn, 'FRA2'), FILE_EVENT_MS);
    assert.deepStrictEqual(loaded.proposals.map((p) => p.id), ['FRA2-1']);
    assert.deepStrictEqual(catalogueDiagnostics(uri), []);
  });

  it('does not load a catalogue file that egn.index.exclude excludes, and loads it again once the setting is reset', async () => {
    const folder = workspaceUri('brouillons');
    const uri = workspaceUri('brouillons', 'brouillon.catalogue.yaml');
    created.push(folder);
    await write(uri, catalogueText('BRL', ['Brouillon']));
    await until('BRL loaded', () => byPrefix(egn, 'BRL'), FILE_EVENT_MS);
    const config = vscode.workspace.getConfiguration('egn.index');
    await config.update('exclude', '**/brouillons/**', vscode.ConfigurationTarget.Workspace);
    try {
      await until('BRL excluded', () => !byPrefix(egn, 'BRL'), FILE_EVENT_MS);
    } finally {
      await config.update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await until('BRL back', () => byPrefix(egn, 'BRL'), FILE_EVENT_MS);
  });
});
