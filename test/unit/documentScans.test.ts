import * as assert from 'assert';
import { createLinePrefilter } from '../../src/core/candidateLines';
import { BUNDLED_SOURCE, CatalogueSet } from '../../src/core/catalogueSet';
import { CitationIndex } from '../../src/core/citationIndex';
import { DocumentScans, MAX_SCANNED_REFERENCES, scannedDocumentOf, scanText, VersionedText } from '../../src/core/documentScans';
import { fixtureCatalogue, smallCatalogue } from './catalogueFixture';

/** The bundled-like catalogue EGN (1 to 9 without 8) and a workspace catalogue FRA (1 to 3). */
function twoCatalogues(): CatalogueSet {
  const fra = fixtureCatalogue([{ id: 'g', kind: 'theme', title: 'Groupe', subthemes: [{ id: undefined, title: '', proposals: [[1, 'Un'], [2, 'Deux'], [3, 'Trois']] }] }], 'FRA');
  return CatalogueSet.of([{ catalogue: smallCatalogue(), source: BUNDLED_SOURCE }, { catalogue: fra, source: 'file:///w/fra.catalogue.yaml' }]);
}

/** A document whose text can change, bumping its version as VS Code does. */
class FakeDocument implements VersionedText {
  version = 1;
  reads = 0;
  constructor(readonly uri: string, private text: string) {}
  getText(): string {
    this.reads++;
    return this.text;
  }
  edit(text: string): void {
    this.text = text;
    this.version++;
  }
}

describe('DocumentScans (one scan per document version)', () => {
  it('scans a version once, whoever reads it, and again after a change', () => {
    let set = twoCatalogues();
    const scans = new DocumentScans(() => set);
    const doc = new FakeDocument('file:///w/a.md', 'Voir EGN-2 et FRA-3.\n');
    const first = scans.get(doc, 'diagnostics');
    assert.strictEqual(scans.get(doc, 'hover'), first, 'a second reader gets the same scan');
    assert.strictEqual(scans.get(doc, 'index'), first);
    assert.deepStrictEqual(first.references.map((r) => `${r.catalogue.catalogue.prefix}-${r.number}`), ['EGN-2', 'FRA-3']);
    assert.deepStrictEqual(scans.stats, { scans: 1, reads: { diagnostics: 1, hover: 1, index: 1 } });
    assert.strictEqual(doc.reads, 1, 'the text is read once');

    doc.edit('Voir EGN-4.\n');
    assert.deepStrictEqual(scans.get(doc, 'hover').references.map((r) => r.number), [4]);
    scans.get(doc, 'diagnostics');
    assert.strictEqual(scans.stats.scans, 2);

    // A new catalogue set (a catalogue file saved) makes the entry stale, even at the same version.
    set = CatalogueSet.of([{ catalogue: smallCatalogue(), source: BUNDLED_SOURCE }]);
    assert.strictEqual(scans.get(doc, 'hover').set, set);
    assert.strictEqual(scans.stats.scans, 3);

    // A closed document may come back at version 1 with another text: `delete` forgets it.
    scans.delete(doc.uri);
    scans.get(doc, 'hover');
    assert.strictEqual(scans.stats.scans, 4);
  });

  it('never gives a document opened again under the same name, at version 1, the scan of the one before', () => {
    const set = twoCatalogues();
    const scans = new DocumentScans(() => set);
    const first = { uri: 'untitled:Untitled-1', version: 1, identity: {}, getText: () => 'Voir EGN-12.' };
    assert.deepStrictEqual(scans.get(first, 'hover').references.map((r) => r.number), [12]);
    // Closed and a new untitled document opened before the close was heard: same name, same version.
    const second = { uri: 'untitled:Untitled-1', version: 1, identity: {}, getText: () => 'Voir EGN-41 et EGN-3.' };
    assert.deepStrictEqual(scans.get(second, 'diagnostics').references.map((r) => r.number), [41, 3]);
    assert.deepStrictEqual(scans.get(second, 'hover').references.map((r) => r.number), [41, 3]);
    assert.strictEqual(scans.stats.scans, 2);
  });

  it('keeps every reference for what the writer sees, and only those the markers leave in for what counts', () => {
    const text = 'EGN-1\n<!-- egn-ignore-next-line -->\nFRA-2 et EGN-3\nEGN-99\n';
    const scan = scanText('u', 1, text, twoCatalogues());
    assert.deepStrictEqual(scan.references.map((r) => r.number), [1, 2, 3, 99]);
    assert.deepStrictEqual(scan.counted.map((r) => r.number), [1, 99]);
    const ignored = scanText('u', 1, `<!-- egn-ignore-file -->\n${text}`, twoCatalogues());
    assert.strictEqual(ignored.references.length, 4);
    assert.strictEqual(ignored.counted.length, 0);
  });

  it('finds the reference under each offset as the scanner does on the offset’s line, its end included', () => {
    const set = twoCatalogues();
    const scans = new DocumentScans(() => set);
    const text = 'a EGN-7, 8 et 9 b FRA-2\nEGN n° 3 à 5, fra-1\n\nEGN-1 à EGN-4.';
    const doc = new FakeDocument('u', text);
    const name = (r: { number: number; start: number; catalogue: { catalogue: { prefix: string } } } | undefined): string | undefined =>
      r && `${r.catalogue.catalogue.prefix}-${r.number}@${r.start}`;
    for (let offset = 0; offset <= text.length; offset++) {
      assert.strictEqual(name(scans.referenceAt(doc, offset, 'hover')), name(set.scanner.referenceAt(text, offset)), `offset ${offset}`);
    }
    assert.strictEqual(name(scans.referenceAt(doc, 9, 'hover')), 'EGN-8@9');
    assert.strictEqual(scans.stats.scans, 1);
  });

  it('stops at the cap on a huge document, finds the same references as one scan below it, and still answers past it', () => {
    const set = twoCatalogues();
    // Lines of 60 characters: chunks cut at line breaks must not lose or shift a reference.
    const line = 'Le texte cite EGN-1 puis FRA-2 à 3 et encore EGN-4, 5.....\n';
    const small = line.repeat(3000);
    const whole = set.scanner.scan(small).map((r) => [r.number, r.start, r.end]);
    assert.deepStrictEqual(scanText('u', 1, small, set).references.map((r) => [r.number, r.start, r.end]), whole);

    const huge = line.repeat(10_000);
    const scan = scanText('u', 1, huge, set);
    assert.strictEqual(scan.capped, true);
    assert.strictEqual(scan.references.length, MAX_SCANNED_REFERENCES);
    const scans = new DocumentScans(() => set);
    const doc = new FakeDocument('u', huge);
    const lastOffset = huge.length - line.length + line.indexOf('FRA-2') + 1;
    assert.strictEqual(scans.referenceAt(doc, lastOffset, 'hover')?.number, 2, 'a reference past the cap still has its hover');
  });

  it('caps a document on one huge line too, and tells a document of exactly the cap from one past it', () => {
    const set = twoCatalogues();
    const exactly = 'EGN-1 '.repeat(MAX_SCANNED_REFERENCES);
    assert.deepStrictEqual([scanText('u', 1, exactly, set).capped, scanText('u', 1, exactly, set).references.length], [false, MAX_SCANNED_REFERENCES]);
    const past = scanText('u', 1, 'EGN-1 à 41 '.repeat(90_000), set);
    assert.deepStrictEqual([past.capped, past.references.length], [true, MAX_SCANNED_REFERENCES]);
    assert.deepStrictEqual(set.scanner.scan('EGN-1 EGN-2 EGN-3 EGN-4', 2).map((r) => r.number), [1, 2], 'a limited scan stops reading');
  });

  it('feeds the citation index what a scan of the text would give it, without scanning again', () => {
    const set = twoCatalogues();
    const multi = set.scanner;
    const exists = (n: number, c: number): boolean => set.catalogues[c].catalogue.byNumber(n) !== undefined;
    const text = 'Titre\r\nVoir EGN-2 et FRA-2 à 3.\r\n\r\nPuis EGN-99,\r\n<!-- egn-ignore-next-line --> EGN-5\r\nFRA-1\r\nEGN-2 et FRA-2 à 3.\r\nVoir EGN-2 et FRA-2 à 3.';
    const byScan = new CitationIndex((t) => multi.scan(t).map((r) => ({ ...r, catalogue: set.catalogues.indexOf(r.catalogue) })), exists, createLinePrefilter(['EGN', 'FRA']));
    byScan.set('u', text);
    const fromCache = new CitationIndex(() => assert.fail('the index must not scan'), exists);
    fromCache.setContent('u', { kind: 'scanned', document: scannedDocumentOf(scanText('u', 1, text, set), text, (c) => set.catalogues.indexOf(c)) });
    const shape = (index: CitationIndex): string[] => index.documentCitations('u').map((c) => `${c.catalogue}:${c.number}@${c.line}:${c.character}-${c.endCharacter} ${c.lineText}`);
    assert.deepStrictEqual(shape(fromCache), shape(byScan));
    assert.strictEqual(shape(fromCache).length, 11);

    // A catalogue the index does not read is left out.
    const egnOnly = new CitationIndex(() => [], exists);
    egnOnly.setContent('u', { kind: 'scanned', document: scannedDocumentOf(scanText('u', 1, text, set), text, (c) => (c.source === BUNDLED_SOURCE ? 0 : undefined)) });
    assert.deepStrictEqual(egnOnly.documentCitations('u').map((c) => c.number), [2, 99, 5, 2, 2]);
  });
});
