import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { loadBundledCatalogue } from '../../../src/bundledCatalogue';
import { createLinePrefilter } from '../../../src/core/candidateLines';
import { CitationIndex } from '../../../src/core/citationIndex';
import { indexWholeTextReader, proseNeedlesOfVocabularies, proseVocabularyOf } from '../../../src/core/documentText';
import { createFileFilter } from '../../../src/core/globMatcher';
import { buildIndex } from '../../../src/core/indexBuilder';
import { ReferenceScanner } from '../../../src/core/referenceScanner';
import { FileReaderPool } from '../../../src/node/fileReaderPool';
import { readFolderCandidates } from '../../../src/node/readFolderCandidates';
import { findRipgrep } from '../../../src/node/ripgrep';
import { activateExtension, closeAllEditors, positionOf, until, workspaceFsHost, workspaceUri } from './support';

/** The prose fixture: a strategy (Markdown), a letter (plain text), a deliberation (LaTeX). */
const FIXTURE = path.resolve(__dirname, '../../../../test/fixtures/prose');
const FILES = ['strategie.md', 'lettre.txt', 'deliberation.tex'];
const FOLDER = 'prose-issue-18';

describe('Citations as documents write them, in the real host (issue 18)', function () {
  this.timeout(60_000);
  const uriOf = (name: string): vscode.Uri => workspaceUri(FOLDER, name);
  const citationsOf = async (n: number): Promise<string[]> =>
    ((await vscode.commands.executeCommand<vscode.Location[]>('egn.findCitations', n)) ?? [])
      .filter((l) => l.uri.path.includes(`/${FOLDER}/`))
      .map((l) => `${l.uri.path.split('/').pop()}:${l.range.start.line}`)
      .sort();

  before(async () => {
    await activateExtension();
    for (const name of FILES) {
      await vscode.workspace.fs.writeFile(uriOf(name), fs.readFileSync(path.join(FIXTURE, name)));
    }
    // The index follows the new files (file events): wait for the last one's citations.
    await until('the prose fixture in the index', async () => (await citationsOf(21)).length === 1);
  });

  after(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(workspaceUri(FOLDER), { recursive: true });
    await until('the prose fixture out of the index', async () => (await citationsOf(38)).length === 0);
  });

  it('counts numbered, ordinal and title citations in context, and none of the traps', async () => {
    assert.deepStrictEqual(await citationsOf(1), ['strategie.md:6'], 'la première proposition');
    assert.deepStrictEqual(await citationsOf(38), ['strategie.md:13', 'strategie.md:13'], 'the number and the quoted title');
    assert.deepStrictEqual(await citationsOf(12), ['deliberation.tex:10', 'lettre.txt:4', 'strategie.md:15'], 'a title, « la 12e proposition », EGN-12');
    assert.deepStrictEqual(await citationsOf(16), ['deliberation.tex:4'], 'implied by « nos~15 à~17 »');
    assert.deepStrictEqual(await citationsOf(4), [], '« la proposition 4 de son règlement » under a heading that does not name the EGN');
    assert.deepStrictEqual(await citationsOf(30), [], '« la proposition de loi n° 30 »');
    assert.deepStrictEqual(await citationsOf(3), [], '« la proposition 3 du maire » in a section that does not name the EGN');
    assert.deepStrictEqual(await citationsOf(7), ['strategie.md:9'], '« l’objectif 7 » of the letter is no citation');
  });

  it('hovers « la proposition n°38 » with its proposal, saying it was read from prose', async () => {
    const doc = await vscode.workspace.openTextDocument(uriOf('strategie.md'));
    await vscode.window.showTextDocument(doc);
    const at = positionOf(doc, 'proposition n°38', 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /EGN-38/);
    assert.match(text, /Read from prose/);
    const range = hovers.find((h) => h.range)?.range;
    assert.strictEqual(range && doc.getText(range), 'proposition n°38');
  });

  it('finds all references both ways: from « la 12e proposition » and from EGN-12, prose and ids alike', async () => {
    const letter = await vscode.workspace.openTextDocument(uriOf('lettre.txt'));
    const strategy = await vscode.workspace.openTextDocument(uriOf('strategie.md'));
    const where = (locations: vscode.Location[]): string[] => locations
      .filter((l) => l.uri.path.includes(`/${FOLDER}/`))
      .map((l) => `${l.uri.path.split('/').pop()}:${l.range.start.line}`).sort();
    const fromProse = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', letter.uri, positionOf(letter, '12e proposition', 2));
    const fromId = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', strategy.uri, positionOf(strategy, 'EGN-12', 2));
    assert.deepStrictEqual(where(fromProse), ['deliberation.tex:10', 'lettre.txt:4', 'strategie.md:15']);
    assert.deepStrictEqual(where(fromId), where(fromProse));
  });

  it('links a prose citation to its proposal', async () => {
    const doc = await vscode.workspace.openTextDocument(uriOf('strategie.md'));
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri);
    const texts = links.map((l) => doc.getText(l.range));
    assert.ok(texts.includes('première proposition'), texts.join(' | '));
    assert.ok(texts.includes('proposition n° 2'), texts.join(' | '));
  });

  it('warns about a prose citation of a missing number, hints at the others, with their quick fixes', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Aux EGN, la proposition 45 et la proposition n° 12.\n' });
    await vscode.window.showTextDocument(doc);
    const diagnostics = await until('the diagnostics of the prose document', () => {
      const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.source === 'EGN');
      return d.length === 2 && d;
    });
    const unknown = diagnostics.find((d) => d.code === 'egn.unknownProposal');
    const hint = diagnostics.find((d) => d.code === 'egn.proseCitation');
    assert.ok(unknown && doc.getText(unknown.range) === 'proposition 45', 'the unknown-reference warning');
    assert.strictEqual(unknown.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(hint && doc.getText(hint.range) === 'proposition n° 12', 'the hint');
    assert.strictEqual(hint.severity, vscode.DiagnosticSeverity.Hint);
    assert.match(hint.message, /EGN-12/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, hint.range);
    const add = actions.find((a) => a.title === 'Add the reference EGN-12');
    assert.ok(add?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(actions.some((a) => a.title === 'Do not count this line'));
    const fixes = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, unknown.range);
    assert.ok(fixes.some((a) => /^Replace with EGN-4/.test(a.title)), fixes.map((a) => a.title).join(' | '));
    await vscode.workspace.applyEdit(add.edit);
    assert.strictEqual(doc.lineAt(0).text, 'Aux EGN, la proposition 45 et la proposition n° 12 (EGN-12).');
    // One citation now, the id: the hint is gone.
    await until('the hint gone after the fix', () => !vscode.languages.getDiagnostics(doc.uri).some((d) => d.code === 'egn.proseCitation'));
  });

  it('counts prose citations in the coverage export', async () => {
    await vscode.commands.executeCommand('egn.exportCoverage', 'csv');
    const document = await until('the export editor', () => {
      const d = vscode.window.activeTextEditor?.document;
      return d && d.uri.scheme === 'untitled' && d.getText().startsWith('Proposal,') && d;
    });
    const lines = document.getText().split('\r\n');
    const header = lines[0].split(',');
    const column = header.indexOf(`${FOLDER}/strategie.md`);
    assert.ok(column > 0, header.join(','));
    const row = (id: string): string[] => (lines.find((l) => l.startsWith(`${id},`)) ?? '').split(',');
    assert.strictEqual(row('EGN-1')[column], '1', 'la première proposition');
    assert.strictEqual(row('EGN-2')[column], '1', 'la proposition n° 2');
  });
});

describe('Reading paths of the index with prose, in the real host (issue 18)', () => {
  it('gives the same prose, title and id citations through VS Code’s ripgrep, Node’s fs threads and workspace.fs', async function () {
    this.timeout(60_000);
    const ext = await activateExtension();
    const loaded = await loadBundledCatalogue(ext.extensionUri);
    assert.ok(loaded.ok);
    const catalogue = loaded.catalogue;
    const scanner = new ReferenceScanner(catalogue.prefix, (n) => catalogue.byNumber(n) !== undefined);
    const scan = (t: string): ReturnType<typeof scanner.scan> => scanner.scan(t);
    const whole = indexWholeTextReader(scan, [catalogue]);
    assert.ok(whole);
    const newIndex = (): CitationIndex => new CitationIndex(whole.scanLine, (n) => catalogue.byNumber(n) !== undefined, createLinePrefilter([catalogue.prefix, ...whole.lineNeedles]), whole);
    const root = vscode.Uri.file(fs.mkdtempSync(path.join(os.tmpdir(), 'egn-prose-paths-')));
    try {
      for (const name of FILES) {
        fs.copyFileSync(path.join(FIXTURE, name), path.join(root.fsPath, name));
      }
      const include = '**/*.{md,txt,tex}';
      const filter = createFileFilter({ include, exclude: [], maxFileSize: 1 << 20 });
      const rows = (index: CitationIndex): string[] => index.documents().flatMap((uri) =>
        index.documentCitations(uri).map((c) => `${uri.split('/').pop()}:${c.line}:${c.character}-${c.endCharacter} ${c.number} ${c.form ?? 'id'}`));
      const viaWorkspaceFs = newIndex();
      await buildIndex(workspaceFsHost(root, include), viaWorkspaceFs, filter, { concurrency: 4 });
      const vocabulary = proseVocabularyOf(catalogue);
      const prefixes = [catalogue.prefix, ...proseNeedlesOfVocabularies([{ prose: vocabulary }])];
      const pool = new FileReaderPool({ prefixes, threads: 2, scanner: { prefix: catalogue.prefix, numbers: catalogue.proposals.map((p) => p.number), prose: vocabulary } });
      try {
        const viaNode = async (rg: string | undefined): Promise<{ rows: string[]; via: string }> => {
          const index = newIndex();
          const stats = await readFolderCandidates({
            root: root.fsPath, filter, include, excludes: [], maxFileSize: 1 << 20, prefixes, ripgrep: rg, pool,
            onFile: (rel, content) => index.setContent(vscode.Uri.joinPath(root, rel).toString(), content),
          });
          return { rows: rows(index), via: stats.via };
        };
        const threads = await viaNode(undefined);
        const ripgrep = await viaNode(findRipgrep(vscode.env.appRoot));
        assert.deepStrictEqual([threads.via, ripgrep.via], ['node', 'ripgrep']);
        const expected = rows(viaWorkspaceFs);
        assert.strictEqual(expected.length, 15, expected.join('\n'));
        assert.ok(expected.some((r) => r.endsWith('12 title')) && expected.some((r) => r.endsWith('1 prose')));
        assert.deepStrictEqual(threads.rows, expected);
        assert.deepStrictEqual(ripgrep.rows, expected);
      } finally {
        pool.dispose();
      }
    } finally {
      fs.rmSync(root.fsPath, { recursive: true, force: true });
    }
  });
});
