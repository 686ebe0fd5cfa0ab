import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Catalogue } from '../../src/core/catalogue';
import { loadCatalogue } from '../../src/core/catalogueLoader';
import { BUNDLED_SOURCE, CATALOGUE_SET_LIMITS, CatalogueFileLoad, CatalogueSet } from '../../src/core/catalogueSet';

const repoRoot = path.resolve(__dirname, '../../..');

function egn(): Catalogue {
  const result = loadCatalogue(fs.readFileSync(path.join(repoRoot, 'data/egn-2020.yaml'), 'utf8'));
  assert.ok(result.ok);
  return result.catalogue;
}

function file(source: string, prefix: string, titles: readonly string[] = ['Première action', 'Deuxième action']): CatalogueFileLoad {
  const text = [
    `id: ${prefix.toLowerCase()}-test`,
    '# a comment line, so that the prefix is not on line 2 by chance',
    `prefix: ${prefix}`,
    `title: "Catalogue ${prefix}"`,
    'groups:',
    '  - id: axe',
    '    title: "Axe"',
    '    proposals:',
    ...titles.flatMap((t, i) => [`      - number: ${i + 1}`, `        title: "${t}"`]),
    '',
  ].join('\n');
  return { source, text, result: loadCatalogue(text) };
}

describe('CatalogueSet (the catalogues in use)', () => {
  const bundled = egn();

  it('puts the bundled catalogue first, then workspace files by URI, each found by prefix ignoring case', () => {
    const { set, problems } = CatalogueSet.resolve(bundled, [file('file:///w/b.catalogue.yaml', 'PNE'), file('file:///w/a.catalogue.yaml', 'FRA')]);
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(set.catalogues.map((c) => [c.catalogue.prefix, c.source]), [['EGN', BUNDLED_SOURCE], ['FRA', 'file:///w/a.catalogue.yaml'], ['PNE', 'file:///w/b.catalogue.yaml']]);
    assert.strictEqual(set.byPrefix('fra')?.source, 'file:///w/a.catalogue.yaml');
    assert.strictEqual(set.bundled?.catalogue, bundled);
    assert.strictEqual(set.proposal('FRA-2')?.proposal.title, 'Deuxième action');
    assert.strictEqual(set.proposal('egn 12')?.catalogue.source, BUNDLED_SOURCE);
    assert.strictEqual(set.proposal('FRA-3'), undefined);
    assert.strictEqual(set.proposal('XYZ-1'), undefined);
    assert.deepStrictEqual(set.scanner.scan('EGN-1 et FRA-2, PNE-1').map((r) => r.catalogue.catalogue.prefix), ['EGN', 'FRA', 'PNE']);
  });

  it('rejects a second catalogue with a taken prefix, on its prefix line, and keeps the first working', () => {
    const { set, problems } = CatalogueSet.resolve(bundled, [file('file:///w/b.catalogue.yaml', 'fra'), file('file:///w/a.catalogue.yaml', 'FRA'), file('file:///w/c.catalogue.yaml', 'EGN')]);
    assert.deepStrictEqual(set.catalogues.map((c) => c.source), [BUNDLED_SOURCE, 'file:///w/a.catalogue.yaml']);
    assert.deepStrictEqual(problems.map((p) => [p.source, p.errors.map((e) => `${e.line}:${e.column} ${e.message}`)]), [
      ['file:///w/b.catalogue.yaml', ['3:9 prefix: "fra" is already used by the catalogue a.catalogue.yaml; this catalogue was not loaded. Choose another prefix.']],
      ['file:///w/c.catalogue.yaml', ['3:9 prefix: "EGN" is already used by the bundled EGN catalogue; this catalogue was not loaded. Choose another prefix.']],
    ]);
  });

  it('keeps a prefix with the catalogue that had it when another file takes the same one later', () => {
    const first = CatalogueSet.resolve(bundled, [file('file:///w/z.catalogue.yaml', 'FRA')]).set;
    const { set, problems } = CatalogueSet.resolve(bundled, [file('file:///w/a.catalogue.yaml', 'FRA'), file('file:///w/z.catalogue.yaml', 'FRA', ['Action modifiée'])], first);
    assert.strictEqual(set.byPrefix('FRA')?.source, 'file:///w/z.catalogue.yaml');
    assert.strictEqual(set.proposal('FRA-1')?.proposal.title, 'Action modifiée');
    assert.deepStrictEqual(problems.map((p) => p.source), ['file:///w/a.catalogue.yaml']);
  });

  it('reports a file that does not load with its own errors and uses no part of it', () => {
    const broken = file('file:///w/a.catalogue.yaml', 'FRA');
    const text = broken.text.replace('title: "Première action"', 'titel: "Première action"');
    const { set, problems } = CatalogueSet.resolve(bundled, [{ source: broken.source, text, result: loadCatalogue(text) }]);
    assert.strictEqual(set.byPrefix('FRA'), undefined);
    assert.strictEqual(problems.length, 1);
    assert.match(problems[0].errors[1].message, /did you mean "title"/);
  });

  it(`loads at most ${CATALOGUE_SET_LIMITS.maxFiles} files and reports the others`, () => {
    const files = Array.from({ length: CATALOGUE_SET_LIMITS.maxFiles + 2 }, (_, i) => file(`file:///w/${String(i).padStart(2, '0')}.catalogue.yaml`, `C${i}`));
    const { set, problems } = CatalogueSet.resolve(bundled, files);
    assert.strictEqual(set.catalogues.length, CATALOGUE_SET_LIMITS.maxFiles + 1);
    assert.deepStrictEqual(problems.map((p) => p.source), ['file:///w/20.catalogue.yaml', 'file:///w/21.catalogue.yaml']);
    assert.match(problems[0].errors[0].message, /^More than 20 catalogue files/);
  });

  it('works without the bundled catalogue, and reads the longer prefix where two could read an id', () => {
    const { set } = CatalogueSet.resolve(undefined, [file('file:///w/a.catalogue.yaml', 'FRA'), file('file:///w/b.catalogue.yaml', 'FRA2', ['x', 'y', 'z', 'a', 'b'])]);
    assert.strictEqual(set.bundled, undefined);
    assert.strictEqual(set.proposal('FRA25')?.catalogue.catalogue.prefix, 'FRA2');
    assert.strictEqual(set.proposal('FRA-2')?.catalogue.catalogue.prefix, 'FRA');
  });
});
