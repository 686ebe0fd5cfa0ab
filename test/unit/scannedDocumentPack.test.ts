import * as assert from 'assert';
import { CitationIndex, scanDocument, ScannedDocument, writtenNumber } from '../../src/core/citationIndex';
import { packScannedDocuments, unpackScannedDocuments } from '../../src/core/scannedDocumentPack';
import { ReferenceScanner } from '../../src/core/referenceScanner';

const exists = (n: number): boolean => n >= 1 && n <= 40;
const scanner = new ReferenceScanner('EGN', exists);
const scan = (text: string): ScannedDocument | undefined => scanDocument((t) => scanner.scan(t), text.split('\n').map((t, line) => ({ line, text: t })));

describe('scanned documents packed for one transfer between threads', () => {
  const texts = [
    'Voir EGN-12 et EGN-3 à 7.\nRien ici.\nPuis EGN n° 40, 41 et 2.',
    'Aucune référence.',
    `Un nombre trop grand : EGN-${'9'.repeat(30)} et EGN-${'1'.repeat(400)}, puis EGN-5.`,
    'Une ligne « française » — l’élève, EGN-1 : œuvre.\n'.repeat(50),
    '',
  ];

  it('gives back every document as scanned, one citing nothing included, in order', () => {
    const documents = texts.map(scan);
    assert.strictEqual(documents[1], undefined);
    assert.ok(documents[2]?.wide && documents[2].wide.size > 0, 'the fixture holds numbers beyond an int32');
    assert.ok(documents[2]?.digits && documents[2].digits.size > 0, 'the fixture holds numbers beyond 2^53');
    const packed = packScannedDocuments(documents);
    const copy = structuredClone(packed);
    const back = unpackScannedDocuments(copy);
    assert.strictEqual(back.length, documents.length);
    documents.forEach((d, k) => {
      const b = back[k];
      if (!d) {
        assert.strictEqual(b, undefined);
        return;
      }
      assert.ok(b);
      assert.deepStrictEqual([...b.data], [...d.data], `data of ${k}`);
      assert.deepStrictEqual([...b.excerptMeta], [...d.excerptMeta], `excerpt metadata of ${k}`);
      assert.deepStrictEqual(Buffer.from(b.excerpts).toString(), Buffer.from(d.excerpts).toString(), `excerpts of ${k}`);
      assert.deepStrictEqual([...(b.wide ?? [])], [...(d.wide ?? [])], `wide numbers of ${k}`);
      assert.deepStrictEqual([...(b.digits ?? [])], [...(d.digits ?? [])], `written digits of ${k}`);
      assert.strictEqual(b.capped, d.capped);
    });
  });

  it('gives an index the same citations, previews and written digits as the unpacked documents', () => {
    const direct = new CitationIndex((t) => scanner.scan(t), exists);
    const viaPack = new CitationIndex((t) => scanner.scan(t), exists);
    const documents = texts.map(scan);
    const back = unpackScannedDocuments(structuredClone(packScannedDocuments(documents)));
    documents.forEach((d, k) => direct.setContent(`doc-${k}`, { kind: 'scanned', document: d }));
    back.forEach((d, k) => viaPack.setContent(`doc-${k}`, { kind: 'scanned', document: d }));
    const rows = (index: CitationIndex): string[] => index.documents().flatMap((uri) => index.documentCitations(uri).map((c) => `${uri} ${c.line}:${c.character} ${writtenNumber(c)} ${c.lineText}`));
    assert.ok(rows(direct).length > 50);
    assert.ok(rows(direct).some((r) => r.includes('1'.repeat(400))), 'the 400 digits as written');
    assert.deepStrictEqual(rows(viaPack), rows(direct));
  });

  it('packs an empty batch', () => {
    assert.deepStrictEqual(unpackScannedDocuments(packScannedDocuments([])), []);
  });
});
