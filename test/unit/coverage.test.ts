import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadCatalogue } from '../../src/core/catalogueLoader';
import { CitationIndex } from '../../src/core/citationIndex';
import { computeCoverage } from '../../src/core/coverage';
import type { Reference } from '../../src/core/reference';
import { ReferenceScanner } from '../../src/core/referenceScanner';
import { smallCatalogue } from './catalogueFixture';

/** `EGN-n` and `EGN-a à b` (whose end implies the numbers between), nothing more. */
function tinyScan(text: string): Reference[] {
  const refs: Reference[] = [];
  for (const m of text.matchAll(/EGN-(\d+)(?: à (\d+))?/g)) {
    const a = Number(m[1]);
    refs.push({ number: a, digits: String(a), start: m.index, end: m.index + 4 + m[1].length, form: 'canonical', exists: true, implied: [] });
    if (m[2] !== undefined) {
      const b = Number(m[2]);
      const end = m.index + m[0].length;
      refs.push({ number: b, digits: String(b), start: end - m[2].length, end, form: 'continuation', exists: true, implied: Array.from({ length: Math.max(0, b - a - 1) }, (_, k) => a + 1 + k) });
    }
  }
  return refs;
}

function workspaceIndex(): CitationIndex {
  const index = new CitationIndex(tinyScan);
  index.set('file:///ws/a.md', 'EGN-1 et encore EGN-1.\nPuis EGN-4.');
  index.set('file:///ws/b.md', 'Intro\nEGN-3 à 5, et EGN-12 (coquille).');
  index.set('file:///ws/c.md', 'Aucune référence ici.');
  index.set('file:///ws/d.md', 'EGN-7 à 10');
  return index;
}

describe('computeCoverage', () => {
  const catalogue = smallCatalogue();

  it('counts the citations of each proposal, implied range numbers included, and the cited total', () => {
    const c = computeCoverage(catalogue, workspaceIndex());
    assert.deepStrictEqual(
      c.proposals.map((pc) => [pc.proposal.number, pc.count]),
      [[1, 2], [2, 0], [3, 1], [4, 2], [5, 1], [6, 0], [7, 1], [9, 1]],
    );
    assert.strictEqual(c.totalProposals, 8);
    assert.strictEqual(c.citedCount, 6);
    assert.strictEqual(c.prefix, 'EGN');
    assert.strictEqual(c.scope, 'workspace');
  });

  it('gives every group of the catalogue its total and cited proposals, in catalogue order', () => {
    const c = computeCoverage(catalogue, workspaceIndex());
    assert.deepStrictEqual(
      c.themes.map((t) => [t.theme.id, t.cited, t.total, t.proposals.map((pc) => pc.count)]),
      [
        ['gouvernance', 2, 3, [2, 0, 1]],
        ['acces', 2, 2, [2, 1]],
        ['communes', 2, 3, [0, 1, 1]],
      ],
    );
  });

  it('lists the uncited proposals by number', () => {
    assert.deepStrictEqual(computeCoverage(catalogue, workspaceIndex()).uncited.map((p) => p.id), ['EGN-2', 'EGN-6']);
  });

  it('builds the document × proposal matrix from the documents that cite something', () => {
    const c = computeCoverage(catalogue, workspaceIndex());
    assert.deepStrictEqual(c.documents.map((d) => [d.uri, d.cited, d.citations]), [
      ['file:///ws/a.md', [1, 4], 3],
      ['file:///ws/b.md', [3, 4, 5], 3],
      ['file:///ws/d.md', [7, 9], 2],
    ]);
    assert.deepStrictEqual(c.matrix, [
      [2, 0, 0, 1, 0, 0, 0, 0],
      [0, 0, 1, 1, 1, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 1, 1],
    ]);
    // Columns add up to the per-proposal counts.
    c.proposals.forEach((pc, k) => assert.strictEqual(c.matrix.reduce((s, r) => s + r[k], 0), pc.count));
  });

  it('reports citations of unknown numbers with their position, but not numbers only implied by a range', () => {
    const c = computeCoverage(catalogue, workspaceIndex());
    assert.deepStrictEqual(c.unknownReferences, [
      { uri: 'file:///ws/b.md', number: 12, line: 1, character: 14 },
      { uri: 'file:///ws/d.md', number: 10, line: 0, character: 8 },
    ]);
  });

  it('limits a scoped coverage to the documents given, each a row even when it cites nothing', () => {
    const c = computeCoverage(catalogue, workspaceIndex(), { uris: ['file:///ws/c.md', 'file:///ws/a.md', 'untitled:Sans titre-1', 'file:///ws/a.md'] });
    assert.strictEqual(c.scope, 'documents');
    assert.deepStrictEqual(c.documents.map((d) => [d.uri, d.cited]), [
      ['file:///ws/a.md', [1, 4]],
      ['file:///ws/c.md', []],
      ['untitled:Sans titre-1', []],
    ]);
    assert.strictEqual(c.citedCount, 2);
    assert.deepStrictEqual(c.uncited.map((p) => p.number), [2, 3, 5, 6, 7, 9]);
    assert.deepStrictEqual(c.unknownReferences, []);
  });

  it('keeps a document that cites only unknown numbers, so that its typo is listed', () => {
    const index = new CitationIndex(tinyScan);
    index.set('x', 'EGN-99');
    const c = computeCoverage(catalogue, index);
    assert.deepStrictEqual(c.documents.map((d) => [d.uri, d.cited, d.citations]), [['x', [], 0]]);
    assert.deepStrictEqual(c.unknownReferences.map((u) => u.number), [99]);
    assert.strictEqual(c.citedCount, 0);
  });

  it('reports an empty workspace as nothing cited', () => {
    const c = computeCoverage(catalogue, new CitationIndex(tinyScan));
    assert.deepStrictEqual([c.citedCount, c.uncited.length, c.documents.length, c.matrix.length], [0, 8, 0, 0]);
  });
});

describe('computeCoverage on the EGN 2020 catalogue (data/egn-2020.yaml)', () => {
  const root = path.resolve(__dirname, '../../..');
  const loaded = loadCatalogue(
    fs.readFileSync(path.join(root, 'data/egn-2020.yaml'), 'utf8'),
    JSON.parse(fs.readFileSync(path.join(root, 'data/catalogue.schema.json'), 'utf8')) as object,
  );
  if (!loaded.ok) {
    throw new Error(`the bundled catalogue does not load: ${loaded.errors.map((e) => e.message).join('; ')}`);
  }
  const catalogue = loaded.catalogue;
  const scanner = new ReferenceScanner(catalogue.prefix, (n) => catalogue.byNumber(n) !== undefined);
  const index = new CitationIndex((t) => scanner.scan(t), (n) => catalogue.byNumber(n) !== undefined);
  index.set('file:///plan.md', 'Le plan reprend les EGN-1, 2 et 3, puis EGN n° 12 à 14.');
  index.set('file:///annexe.md', 'Voir EGN-40 et EGN-41 (inexistante).');

  it('reports all six groups, whose totals add up to the forty proposals', () => {
    const c = computeCoverage(catalogue, index);
    assert.deepStrictEqual(c.themes.map((t) => t.theme.id), [
      'gouvernance-anticipation',
      'enseigner-apprendre',
      'egal-acces',
      'travailler-ensemble',
      'numerique-responsable',
      'propositions-communes',
    ]);
    assert.strictEqual(c.themes.reduce((s, t) => s + t.total, 0), 40);
    assert.strictEqual(c.totalProposals, 40);
  });

  it('counts lists and ranges as the real scanner reads them, and flags the unknown EGN-41', () => {
    const c = computeCoverage(catalogue, index);
    assert.strictEqual(c.citedCount, 7);
    assert.deepStrictEqual(c.proposals.filter((pc) => pc.count > 0).map((pc) => pc.proposal.id), ['EGN-1', 'EGN-2', 'EGN-3', 'EGN-12', 'EGN-13', 'EGN-14', 'EGN-40']);
    assert.strictEqual(c.uncited.length, 33);
    assert.deepStrictEqual(c.themes[0].proposals.slice(0, 3).map((pc) => pc.count), [1, 1, 1]);
    assert.deepStrictEqual(c.unknownReferences.map((u) => [u.uri, u.number]), [['file:///annexe.md', 41]]);
  });
});
