import * as assert from 'assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createLinePrefilter } from '../../src/core/candidateLines';
import { CitationIndex } from '../../src/core/citationIndex';
import { createFileFilter } from '../../src/core/globMatcher';
import { buildIndex, IndexHost } from '../../src/core/indexBuilder';
import { ReferenceScanner } from '../../src/core/referenceScanner';
import { testRipgrep } from '../support/testRipgrep';
import { FileReaderPool } from '../../src/node/fileReaderPool';
import { readFolderCandidates } from '../../src/node/readFolderCandidates';
import { MultiReferenceScanner } from '../../src/core/multiReferenceScanner';
import { loadCatalogue } from '../../src/core/catalogueLoader';
import { indexWholeTextReader, proseNeedlesOfVocabularies, proseVocabularyOf } from '../../src/core/documentText';
import { FIXTURE_MAX_FILE_SIZE, readingPathsFixture, twoCataloguesFixture, writeFixture } from '../support/indexFixture';

const exists = (n: number): boolean => n >= 1 && n <= 40;
const scanner = new ReferenceScanner('EGN', exists);
const include = '**/*.{md,txt}';
const excludes = ['**/node_modules/**'];
const maxFileSize = FIXTURE_MAX_FILE_SIZE;
const filter = createFileFilter({ include, exclude: excludes, maxFileSize });

function newIndex(): CitationIndex {
  return new CitationIndex((t) => scanner.scan(t), exists, createLinePrefilter(['EGN']));
}

/** Every citation of an index, as comparable rows; with `prefixes`, each number after its catalogue's prefix. */
function dump(index: CitationIndex, prefixes?: readonly string[]): string[] {
  return index.documents().flatMap((uri) =>
    index.documentCitations(uri).map((c) => `${uri.replace(/^.*\/fixture\//, '')}:${c.line}:${c.character}-${c.endCharacter} ${prefixes ? `${prefixes[c.catalogue]}-` : ''}${c.number}${c.implied ? ' (implied)' : ''} ${c.exists ? '' : 'unknown '}| ${c.lineText}`),
  );
}

/** `index` filled as the host's reads fill it (workspace.fs, through the core builder: whole texts, `set`). */
async function indexByHostReads(root: string, index: CitationIndex): Promise<CitationIndex> {
  const all = (dir: string, rel: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? all(path.join(dir, e.name), `${rel}${e.name}/`) : [`${rel}${e.name}`]);
  const host: IndexHost = {
    findFiles: async () => all(root, '').map((rel) => ({ uri: `file://${root}/${rel}`, relativePath: rel })),
    stat: async (uri) => fs.statSync(uri.slice('file://'.length)),
    readFile: async (uri) => fs.readFileSync(uri.slice('file://'.length)),
  };
  await buildIndex(host, index, filter, { concurrency: 4 });
  return index;
}

/** `index` filled by the Node reading path: ripgrep when `rg` is given (and runs), else the fs threads of `pool`. */
async function indexByNode(root: string, index: CitationIndex, prefixes: readonly string[], rg: string | undefined, pool: FileReaderPool): Promise<{ index: CitationIndex; via: string; stats: Awaited<ReturnType<typeof readFolderCandidates>> }> {
  const stats = await readFolderCandidates({
    root, filter, include, excludes, maxFileSize, prefixes: [...prefixes], ripgrep: rg, pool,
    onFile: (rel, content) => index.setContent(`file://${root}/${rel}`, content),
  });
  return { index, via: stats.via, stats };
}

describe('reading paths of the citation index', function () {
  this.timeout(20_000);
  let root: string;
  let pool: FileReaderPool;

  before(() => {
    root = writeFixture(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'egn-readers-')), 'fixture'), readingPathsFixture());
    // The worker script compiled next to the pool (out/src/node/readerWorker.js); the threads scan, as in the extension.
    pool = new FileReaderPool({ prefixes: ['EGN'], threads: 2, scanner: { prefix: 'EGN', numbers: Array.from({ length: 40 }, (_, k) => k + 1) } });
  });
  after(() => {
    pool.dispose();
    fs.rmSync(path.dirname(root), { recursive: true, force: true });
  });

  const viaHostReads = (): Promise<CitationIndex> => indexByHostReads(root, newIndex());
  async function viaNode(rg: string | undefined): Promise<{ index: CitationIndex; via: string }> {
    const read = await indexByNode(root, newIndex(), ['EGN'], rg, pool);
    assert.strictEqual(read.stats.ripgrepError, undefined);
    return read;
  }

  it('gives the same citations, one by one, through ripgrep, Node’s fs threads and whole-text reads', async () => {
    const whole = dump(await viaHostReads());
    const node = await viaNode(undefined);
    const rg = await viaNode(testRipgrep());
    assert.deepStrictEqual([node.via, rg.via], ['node', 'ripgrep']);
    assert.deepStrictEqual(dump(node.index), whole);
    assert.deepStrictEqual(dump(rg.index), whole);
    // And the fixture proves something: each tricky file is there with its citations, the skipped ones are not.
    const files = new Set(whole.map((row) => row.split(':')[0]));
    assert.deepStrictEqual([...files].sort(), [
      '.cache/cache.md', 'bom-utf8.md', 'crlf.txt', 'ignore-ligne.md', 'ignore-tard.md', 'juste.md', 'latin1.txt', 'long.md',
      'nul-tardif.md', 'sans-fin.md', 'sous/dossier/profond.md', 'utf16be.txt', 'utf16le.txt', 'utf8.md',
    ]);
    for (const row of [
      'bom-utf8.md:0:0-5 1 | EGN-1 en tête, après la marque.',
      'crlf.txt:3:4-10 15 | fin EGN-15, 16 ou 17',
      'sans-fin.md:1:9-15 20 | derniere EGN-20',
      // Latin-1 is read as UTF-8 with replacement characters: the ASCII references stay, `à` does not.
      'latin1.txt:0:35-41 22 | Le num\ufffdrique \ufffd l\'\ufffdcole : EGN-21 et EGN-22 \ufffd 24.',
      'nul-tardif.md:1:0-5 4 | EGN-4 après un NUL tardif',
      'utf16le.txt:1:3-9 25 | Vu EGN-25 à l’école, EGN-26.',
      'utf16be.txt:1:10-16 28 | EGN-27 😀 EGN-28',
      'ignore-ligne.md:3:0-6 31 | EGN-31',
      'utf8.md:2:32-33 4 (implied) | Voir EGN-7, 8 et 9 puis EGN-3 à 5.',
      'utf8.md:3:34-36 41 (implied) unknown | L’école « EGN n° 12 » et egn-40 à 42.',
    ]) {
      assert.ok(whole.includes(row), `missing: ${row}\n${whole.join('\n')}`);
    }
    assert.ok(!whole.some((r) => r.includes('EGN-30') || r.startsWith('rapport.md')), 'ignore markers not honoured');
  });

  it('falls back on Node’s fs threads, with the same citations and the reason, when ripgrep cannot run', async () => {
    // Threads that send candidate lines, scanned by the index itself.
    const linesPool = new FileReaderPool({ prefixes: ['EGN'], threads: 1 });
    const { index, stats } = await indexByNode(root, newIndex(), ['EGN'], path.join(root, 'pas-de-rg'), linesPool);
    assert.strictEqual(stats.via, 'node');
    assert.match(stats.ripgrepError ?? '', /ENOENT/);
    assert.deepStrictEqual(dump(index), dump(await viaHostReads()));
    assert.deepStrictEqual([stats.skippedBinary, stats.skippedTooLarge], [1, 1]);
    linesPool.dispose();
  });
});

describe('reading paths of the citation index with two catalogues (EGN and FRA)', function () {
  this.timeout(20_000);
  const prefixes = ['EGN', 'FRA'];
  const fraExists = (n: number): boolean => n >= 1 && n <= 12;
  const existsIn = (n: number, catalogue: number): boolean => (catalogue === 0 ? exists(n) : fraExists(n));
  const multi = new MultiReferenceScanner([
    { prefix: 'EGN', scanner, catalogue: 0 },
    { prefix: 'FRA', scanner: new ReferenceScanner('FRA', fraExists), catalogue: 1 },
  ]);
  let root: string;
  let pool: FileReaderPool;
  let egnPool: FileReaderPool;

  const newTwoIndex = (): CitationIndex => new CitationIndex((t) => multi.scan(t), existsIn, createLinePrefilter(prefixes));
  const dumpTwo = (index: CitationIndex): string[] => dump(index, prefixes);

  before(() => {
    root = writeFixture(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'egn-readers2-')), 'fixture'), twoCataloguesFixture());
    pool = new FileReaderPool({
      prefixes, threads: 2,
      scanner: [{ prefix: 'EGN', numbers: Array.from({ length: 40 }, (_, k) => k + 1) }, { prefix: 'FRA', numbers: Array.from({ length: 12 }, (_, k) => k + 1) }],
    });
    egnPool = new FileReaderPool({ prefixes: ['EGN'], threads: 1, scanner: { prefix: 'EGN', numbers: Array.from({ length: 40 }, (_, k) => k + 1) } });
  });
  after(() => {
    pool.dispose();
    egnPool.dispose();
    fs.rmSync(path.dirname(root), { recursive: true, force: true });
  });

  const viaHostReads = (): Promise<CitationIndex> => indexByHostReads(root, newTwoIndex());
  const viaNode = (rg: string | undefined, readers: FileReaderPool): Promise<{ index: CitationIndex; via: string }> => indexByNode(root, newTwoIndex(), prefixes, rg, readers);

  it('gives the same citations of both catalogues, one by one, through ripgrep, Node’s fs threads (scanning or not) and whole-text reads', async () => {
    const whole = dumpTwo(await viaHostReads());
    const node = await viaNode(undefined, pool);
    const rg = await viaNode(testRipgrep(), pool);
    const linesPool = new FileReaderPool({ prefixes, threads: 1 });
    const lines = await viaNode(undefined, linesPool);
    linesPool.dispose();
    assert.deepStrictEqual([node.via, rg.via, lines.via], ['node', 'ripgrep', 'node']);
    assert.deepStrictEqual(dumpTwo(node.index), whole);
    assert.deepStrictEqual(dumpTwo(rg.index), whole);
    assert.deepStrictEqual(dumpTwo(lines.index), whole);
    for (const row of [
      'fra/mixte.md:2:5-10 EGN-7 | Voir EGN-7 et FRA-2 à 4, puis fra n° 12 et FRA-13.',
      'fra/mixte.md:2:14-19 FRA-2 | Voir EGN-7 et FRA-2 à 4, puis fra n° 12 et FRA-13.',
      'fra/mixte.md:2:22-23 FRA-3 (implied) | Voir EGN-7 et FRA-2 à 4, puis fra n° 12 et FRA-13.',
      'fra/mixte.md:2:30-39 FRA-12 | Voir EGN-7 et FRA-2 à 4, puis fra n° 12 et FRA-13.',
      'fra/mixte.md:2:43-49 FRA-13 unknown | Voir EGN-7 et FRA-2 à 4, puis fra n° 12 et FRA-13.',
      'fra/mixte.md:4:7-8 FRA-5 | FRA-1, 5 et EGN-9',
      'fra/crlf.txt:1:0-5 FRA-6 | FRA-6 et FRA-7',
      'fra/crlf.txt:4:0-5 FRA-9 | FRA-9',
      'fra/utf16le.txt:1:0-6 FRA-10 | FRA-10 à l’école, EGN-26.',
      'fra/utf16le.txt:1:18-24 EGN-26 | FRA-10 à l’école, EGN-26.',
      'fra/latin1.txt:0:11-17 FRA-11 | Acad\ufffdmie : FRA-11 et EGN-3.',
    ]) {
      assert.ok(whole.includes(row), `missing: ${row}\n${whole.join('\n')}`);
    }
    assert.ok(!whole.some((r) => r.includes('FRA-8')), 'ignore markers not honoured for the second catalogue');
    // The EGN's citations are those of the one-catalogue index over the same files.
    const { index: egnOnly } = await indexByNode(root, newIndex(), ['EGN'], testRipgrep(), egnPool);
    const two = await viaHostReads();
    for (const n of [3, 7, 9, 26, 41]) {
      assert.deepStrictEqual(two.citationsOf(n), egnOnly.citationsOf(n), `EGN-${n}`);
      assert.deepStrictEqual(two.countsByNumber(), egnOnly.countsByNumber());
    }
    assert.deepStrictEqual([...two.countsByNumber(1)].sort((a, b) => a[0] - b[0]).map(([n, c]) => `${n}×${c}`), [
      '1×1', '2×1', '3×1', '4×1', '5×1', '6×1', '7×1', '9×1', '10×1', '11×1', '12×1', '13×1',
    ]);
  });
});

describe('reading paths of the citation index, with prose (issue 18)', function () {
  this.timeout(20_000);
  const repoRoot = path.resolve(__dirname, '../../..');
  const catalogue = (() => {
    const result = loadCatalogue(fs.readFileSync(path.join(repoRoot, 'data/egn-2020.yaml'), 'utf8'), JSON.parse(fs.readFileSync(path.join(repoRoot, 'data/catalogue.schema.json'), 'utf8')) as object);
    assert.ok(result.ok);
    return result.catalogue;
  })();
  const egn = new ReferenceScanner('EGN', (n) => catalogue.byNumber(n) !== undefined);
  const proseInclude = '**/*.{md,txt,tex}';
  const proseFilter = createFileFilter({ include: proseInclude, exclude: excludes, maxFileSize });
  let root: string;
  let pool: FileReaderPool;
  let needles: readonly string[];

  function proseIndex(): CitationIndex {
    const scan = (t: string): ReturnType<typeof egn.scan> => egn.scan(t);
    const whole = indexWholeTextReader(scan, [catalogue]);
    assert.ok(whole);
    return new CitationIndex(whole.scanLine, (n) => catalogue.byNumber(n) !== undefined, createLinePrefilter(['EGN', ...whole.lineNeedles]), whole);
  }

  before(() => {
    root = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'egn-prose-readers-')), 'fixture');
    fs.mkdirSync(root, { recursive: true });
    for (const name of fs.readdirSync(path.join(repoRoot, 'test/fixtures/prose'))) {
      fs.copyFileSync(path.join(repoRoot, 'test/fixtures/prose', name), path.join(root, name));
    }
    fs.writeFileSync(path.join(root, 'ids-only.md'), 'Seulement EGN-5 ici.\n');
    // No noun: not read whole; the title is read on its line, by every path.
    fs.writeFileSync(path.join(root, 'titre-seul.txt'), 'Rappel.\n\nNous voulons « Faciliter et encourager l’utilisation de matériels recyclés » partout.\n');
    const vocabulary = proseVocabularyOf(catalogue);
    needles = proseNeedlesOfVocabularies([{ prose: vocabulary }]);
    pool = new FileReaderPool({ prefixes: ['EGN', ...needles], threads: 2, scanner: { prefix: 'EGN', numbers: catalogue.proposals.map((p) => p.number), prose: vocabulary } });
  });
  after(() => {
    pool.dispose();
    fs.rmSync(path.dirname(root), { recursive: true, force: true });
  });

  const rows = (index: CitationIndex): string[] => index.documents().flatMap((uri) =>
    index.documentCitations(uri).map((c) => `${uri.replace(/^.*\/fixture\//, '')}:${c.line}:${c.character}-${c.endCharacter} ${c.number}${c.implied ? ' (implied)' : ''} ${c.form ?? 'id'}`));

  async function viaHost(): Promise<string[]> {
    const index = proseIndex();
    const host: IndexHost = {
      findFiles: async () => fs.readdirSync(root).map((rel) => ({ uri: `file://${root}/${rel}`, relativePath: rel })),
      stat: async (uri) => fs.statSync(uri.slice('file://'.length)),
      readFile: async (uri) => fs.readFileSync(uri.slice('file://'.length)),
    };
    await buildIndex(host, index, proseFilter, { concurrency: 4 });
    return rows(index);
  }

  async function viaNode(rg: string | undefined): Promise<{ rows: string[]; via: string }> {
    const index = proseIndex();
    const stats = await readFolderCandidates({
      root, filter: proseFilter, include: proseInclude, excludes, maxFileSize, prefixes: ['EGN', ...needles], ripgrep: rg, pool,
      onFile: (rel, content) => index.setContent(`file://${root}/${rel}`, content),
    });
    assert.strictEqual(stats.ripgrepError, undefined);
    return { rows: rows(index), via: stats.via };
  }

  it('gives the same prose, title and id citations through ripgrep, Node’s fs threads and workspace.fs reads', async () => {
    const whole = await viaHost();
    const node = await viaNode(undefined);
    const rg = await viaNode(testRipgrep());
    assert.deepStrictEqual([node.via, rg.via], ['node', 'ripgrep']);
    assert.deepStrictEqual(node.rows, whole);
    assert.deepStrictEqual(rg.rows, whole);
    assert.deepStrictEqual(whole, [
      'deliberation.tex:4:22-36 21 prose',
      'deliberation.tex:4:44-63 15 prose',
      'deliberation.tex:4:66-68 17 prose',
      'deliberation.tex:4:66-68 16 (implied) prose',
      'deliberation.tex:10:0-117 12 title',
      'ids-only.md:0:10-15 5 id',
      'lettre.txt:4:20-34 15 prose',
      'lettre.txt:4:79-94 12 prose',
      'strategie.md:6:3-23 1 prose',
      'strategie.md:9:23-39 2 prose',
      'strategie.md:9:47-61 6 prose',
      'strategie.md:9:63-64 7 prose',
      'strategie.md:9:68-69 8 prose',
      'strategie.md:13:53-69 38 prose',
      'strategie.md:13:74-146 38 title',
      'strategie.md:15:11-17 12 id',
      'titre-seul.txt:2:15-74 29 title',
    ]);
  });
});
