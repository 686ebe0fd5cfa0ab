import * as assert from 'assert';
import { createLinePrefilter } from '../../src/core/candidateLines';
import { CitationIndex } from '../../src/core/citationIndex';
import { computeCoverage } from '../../src/core/coverage';
import { MultiReferenceScanner } from '../../src/core/multiReferenceScanner';
import { ReferenceScanner } from '../../src/core/referenceScanner';
import { coveragesToMarkdown, coverageToMarkdown } from '../../src/core/coverageExport';
import { ENGLISH_COVERAGE_LABELS } from '../../src/cli/englishCoverageLabels';
import { fixtureCatalogue, smallCatalogue } from './catalogueFixture';

/** An index of two catalogues: EGN (1 to 40) at position 0, FRA (known numbers given) at 1. */
function twoCatalogueIndex(fra: Set<number>): CitationIndex {
  const egnExists = (n: number): boolean => n >= 1 && n <= 40;
  const multi = new MultiReferenceScanner([
    { prefix: 'EGN', scanner: new ReferenceScanner('EGN', egnExists), catalogue: 0 },
    { prefix: 'FRA', scanner: new ReferenceScanner('FRA', (n) => fra.has(n)), catalogue: 1 },
  ]);
  return new CitationIndex((t) => multi.scan(t), (n, c) => (c === 0 ? egnExists(n) : fra.has(n)), createLinePrefilter(['EGN', 'FRA']));
}

describe('citation index of several catalogues', () => {
  const text = 'Voir EGN-2 et FRA-2 à 4.\nPuis fra n° 12, EGN-2 et FRA-14.\nrien\n';

  it('keeps each catalogue’s citations apart: counts, places and documents', () => {
    const index = twoCatalogueIndex(new Set([1, 2, 3, 4, 12]));
    index.set('u', text);
    assert.deepStrictEqual([...index.countsByNumber(0)], [[2, 2]]);
    assert.deepStrictEqual([...index.countsByNumber(1)].sort((a, b) => a[0] - b[0]), [[2, 1], [3, 1], [4, 1], [12, 1], [14, 1]]);
    // Without a catalogue, EGN (position 0), as before.
    assert.deepStrictEqual(index.countsByNumber(), index.countsByNumber(0));
    assert.deepStrictEqual(index.citationsOf(2).map((c) => [c.catalogue, c.line, c.character]), [[0, 0, 5], [0, 1, 16]]);
    assert.deepStrictEqual(index.citationsOf(2, { catalogue: 1 }).map((c) => [c.catalogue, c.line, c.character, c.lineText]), [[1, 0, 14, 'Voir EGN-2 et FRA-2 à 4.']]);
    assert.deepStrictEqual(index.citedNumbers('u', 1), [2, 3, 4, 12, 14]);
    assert.deepStrictEqual(index.citedNumbers(undefined, 0), [2]);
    assert.deepStrictEqual([...index.documentCatalogueCounts('u')].sort(), [[0, 2], [1, 5]]);
    assert.deepStrictEqual(index.documentCitations('u', { catalogue: 1, implied: false }).map((c) => c.number), [2, 4, 12, 14]);
    assert.deepStrictEqual(index.documentCitations('u').map((c) => `${c.catalogue}:${c.number}`), ['0:2', '1:2', '1:4', '1:3', '1:12', '0:2', '1:14']);
  });

  it('follows a catalogue whose proposals change without rescanning, and tells its listeners', () => {
    const fra = new Set([1, 2, 3, 4]);
    const index = twoCatalogueIndex(fra);
    index.set('u', text);
    assert.deepStrictEqual(index.citationsOf(14, { catalogue: 1 }).map((c) => c.exists), [false]);
    const heard: string[][] = [];
    index.onDidChange((e) => heard.push([...e.uris]));
    fra.add(14);
    index.existenceChanged();
    assert.deepStrictEqual(heard, [['u']]);
    assert.deepStrictEqual(index.citationsOf(14, { catalogue: 1 }).map((c) => c.exists), [true]);
    assert.deepStrictEqual(index.citationsOf(12, { catalogue: 1 }).map((c) => c.exists), [false]);
  });

  it('computes the coverage of each catalogue from its own citations only', () => {
    const index = twoCatalogueIndex(new Set([1, 2, 3]));
    index.set('a', 'FRA-1 et FRA-99\n');
    index.set('b', 'EGN-1\n');
    const catalogue = smallCatalogue();
    const fra = computeCoverage({ ...catalogue, prefix: 'FRA' } as typeof catalogue, index, undefined, 1);
    assert.deepStrictEqual(fra.documents.map((d) => d.uri), ['a']);
    assert.deepStrictEqual(fra.unknownReferences.map((u) => [u.uri, u.number]), [['a', 99]]);
    const egn = computeCoverage(catalogue, index);
    assert.deepStrictEqual(egn.documents.map((d) => d.uri), ['b']);
    assert.deepStrictEqual(egn.unknownReferences, []);
  });

  it('stores a citation in 24 bytes whatever its catalogue', () => {
    const index = twoCatalogueIndex(new Set([1]));
    index.set('u', 'FRA-1');
    const one = index.storedBytes();
    index.set('u', 'FRA-1 EGN-1');
    assert.strictEqual(index.storedBytes() - one, 24 + ' EGN-1'.length);
  });
});

describe('coverage export of several catalogues', () => {
  it('writes one Markdown section per catalogue, each under its heading, and exactly the one-catalogue report for one', () => {
    const index = twoCatalogueIndex(new Set([1, 2, 3]));
    index.set('file:///w/a.md', 'FRA-1 et EGN-2\n');
    const catalogue = smallCatalogue();
    const egn = computeCoverage(catalogue, index);
    const fra = computeCoverage(fixtureCatalogue([{ id: 'axe', kind: 'theme', title: 'Axe', subthemes: [{ id: undefined, title: '', proposals: [[1, 'Action une'], [2, 'Action deux']] }] }], 'FRA'), index, undefined, 1);
    const labels = { ...ENGLISH_COVERAGE_LABELS, title: 'T' };
    const name = (uri: string): string => uri.slice(uri.lastIndexOf('/') + 1);
    assert.strictEqual(coveragesToMarkdown([{ heading: 'T', coverage: egn }], labels, name), coverageToMarkdown(egn, labels, name));
    const both = coveragesToMarkdown([{ heading: 'EGN report', coverage: egn }, { heading: 'FRA report', coverage: fra }], labels, name);
    assert.deepStrictEqual(both.split('\n').filter((l) => l.startsWith('# ')), ['# EGN report', '# FRA report']);
    const fraSection = both.slice(both.indexOf('# FRA report'));
    assert.match(fraSection, /\| a\.md \| 1 \| FRA-1 \|/);
    assert.doesNotMatch(fraSection, /EGN-2/);
  });
});
