import * as assert from 'assert';
import { BUNDLED_SOURCE, CatalogueSet } from '../../src/core/catalogueSet';
import { documentCoverage } from '../../src/core/documentCoverage';
import { scanText } from '../../src/core/documentScans';
import { mostCitedCatalogue } from '../../src/core/mostCitedCatalogue';
import { fixtureCatalogue, smallCatalogue } from './catalogueFixture';

function twoCatalogues(): CatalogueSet {
  const fra = fixtureCatalogue([{ id: 'g', kind: 'theme', title: 'Groupe', subthemes: [{ id: undefined, title: '', proposals: [[1, 'Un'], [2, 'Deux'], [3, 'Trois']] }] }], 'FRA');
  return CatalogueSet.of([{ catalogue: smallCatalogue(), source: BUNDLED_SOURCE }, { catalogue: fra, source: 'file:///w/fra.catalogue.yaml' }]);
}

describe('A document\'s coverage (the report on one document)', () => {
  const set = twoCatalogues();
  const [egn, fra] = set.catalogues.map((c) => c.catalogue);
  const uri = 'file:///w/a.md';
  const text = 'Voir EGN-2 et FRA-3.\nPuis FRA-1 et FRA-3, et EGN-8 qui n’existe pas.\n';
  const scan = scanText(uri, 1, text, set);

  it('counts the document\'s own citations of one catalogue, and only of that one', () => {
    const ofFra = documentCoverage(fra, uri, text, scan);
    assert.strictEqual(ofFra.scope, 'documents');
    assert.strictEqual(ofFra.citedCount, 2);
    assert.deepStrictEqual(ofFra.uncited.map((p) => p.id), ['FRA-2']);
    assert.deepStrictEqual(ofFra.documents.map((d) => d.uri), [uri]);
    const ofEgn = documentCoverage(egn, uri, text, scan);
    assert.strictEqual(ofEgn.citedCount, 1, 'EGN-8 is not in the catalogue');
  });

  it('shows the catalogue the document cites most, the first one on a tie or when it cites none', () => {
    assert.strictEqual(mostCitedCatalogue([egn, fra], scan.counted), fra);
    assert.strictEqual(mostCitedCatalogue([egn, fra], []), egn);
    const tie = scanText(uri, 2, 'EGN-1 et FRA-1', set);
    assert.strictEqual(mostCitedCatalogue([egn, fra], tie.counted), egn);
  });
});
