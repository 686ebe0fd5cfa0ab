import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { loadBundledCatalogue } from '../../../src/bundledCatalogue';
import { createLinePrefilter } from '../../../src/core/candidateLines';
import { CitationIndex } from '../../../src/core/citationIndex';
import { createFileFilter } from '../../../src/core/globMatcher';
import { buildIndex } from '../../../src/core/indexBuilder';
import { ReferenceScanner } from '../../../src/core/referenceScanner';
import { FileReaderPool } from '../../../src/node/fileReaderPool';
import { readFolderCandidates } from '../../../src/node/readFolderCandidates';
import { findRipgrep } from '../../../src/node/ripgrep';
import { FIXTURE_MAX_FILE_SIZE, readingPathsFixture, writeFixture } from '../../support/indexFixture';
import { activateExtension, workspaceFsHost } from './support';

const include = '**/*.{md,txt}';
const excludes = ['**/node_modules/**'];

describe('Reading paths of the index in the real host', () => {
  let root: vscode.Uri;
  let newIndex: () => CitationIndex;

  before(async () => {
    const ext = await activateExtension();
    const loaded = await loadBundledCatalogue(ext.extensionUri);
    assert.ok(loaded.ok);
    const catalogue = loaded.catalogue;
    const scanner = new ReferenceScanner(catalogue.prefix, (n) => catalogue.byNumber(n) !== undefined);
    newIndex = () => new CitationIndex((t) => scanner.scan(t), (n) => catalogue.byNumber(n) !== undefined, createLinePrefilter([catalogue.prefix]));
    root = vscode.Uri.file(writeFixture(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'egn-paths-')), 'fixture'), readingPathsFixture()));
  });
  after(() => fs.rmSync(path.dirname(root.fsPath), { recursive: true, force: true }));

  function dump(index: CitationIndex): string[] {
    const prefix = `${root.toString()}/`;
    return index.documents().flatMap((uri) => {
      assert.ok(uri.startsWith(prefix), uri);
      return index.documentCitations(uri).map((c) => `${uri.slice(prefix.length)}:${c.line}:${c.character}-${c.endCharacter} ${c.number}${c.implied ? '*' : ''} | ${c.lineText}`);
    });
  }

  it('finds the ripgrep that ships with VS Code under vscode.env.appRoot', () => {
    const rg = findRipgrep(vscode.env.appRoot);
    assert.ok(rg && fs.existsSync(rg), `no ripgrep under ${vscode.env.appRoot}`);
  });

  it('builds the same index through ripgrep, Node’s fs threads and workspace.fs, citation by citation', async () => {
    const filter = createFileFilter({ include, exclude: excludes, maxFileSize: FIXTURE_MAX_FILE_SIZE });
    const viaWorkspaceFs = newIndex();
    await buildIndex(workspaceFsHost(root, include), viaWorkspaceFs, filter, { concurrency: 8 });

    const catalogue = (await loadBundledCatalogue((await activateExtension()).extensionUri));
    assert.ok(catalogue.ok);
    // As the extension reads: threads that scan with the catalogue's grammar.
    const pool = new FileReaderPool({ prefixes: ['EGN'], scanner: { prefix: 'EGN', numbers: catalogue.catalogue.proposals.map((p) => p.number) } });
    try {
      const viaNode = async (rg: string | undefined): Promise<{ index: CitationIndex; via: string }> => {
        const index = newIndex();
        const stats = await readFolderCandidates({
          root: root.fsPath, filter, include, excludes, maxFileSize: FIXTURE_MAX_FILE_SIZE, prefixes: ['EGN'], ripgrep: rg, pool,
          onFile: (rel, content) => index.setContent(vscode.Uri.joinPath(root, rel).toString(), content),
        });
        return { index, via: stats.via };
      };
      const ripgrep = await viaNode(findRipgrep(vscode.env.appRoot));
      const node = await viaNode(undefined);
      assert.deepStrictEqual([ripgrep.via, node.via], ['ripgrep', 'node']);
      const expected = dump(viaWorkspaceFs);
      assert.ok(expected.length > 30 && expected.some((r) => r.startsWith('utf16be.txt:')) && expected.some((r) => r.startsWith('latin1.txt:')), expected.join('\n'));
      assert.deepStrictEqual(dump(ripgrep.index), expected);
      assert.deepStrictEqual(dump(node.index), expected);
    } finally {
      pool.dispose();
    }
  });
});
