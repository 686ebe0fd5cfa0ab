import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Catalogue } from '../../src/core/catalogue';
import { loadCatalogue } from '../../src/core/catalogueLoader';
import { BUNDLED_SOURCE, CatalogueSet } from '../../src/core/catalogueSet';
import { CitationIndex } from '../../src/core/citationIndex';
import { layoutOfLanguage, layoutOfPath } from '../../src/core/documentLayout';
import { DocumentScans, scannedDocumentOfText } from '../../src/core/documentScans';
import { holdsProseNeedle, PROSE_DEFAULTS, PROSE_OFF, proseNeedlesOf, ProseSettings, scanDocumentText } from '../../src/core/documentText';

const repoRoot = path.resolve(__dirname, '../../..');

function loadBundled(): Catalogue {
  const yaml = fs.readFileSync(path.join(repoRoot, 'data/egn-2020.yaml'), 'utf8');
  const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'data/catalogue.schema.json'), 'utf8')) as object;
  const result = loadCatalogue(yaml, schema);
  assert.ok(result.ok);
  return result.catalogue;
}

describe('scanDocumentText: ids and prose citations of a whole text', () => {
  const set = CatalogueSet.of([{ catalogue: loadBundled(), source: BUNDLED_SOURCE }]);
  const md = layoutOfLanguage('markdown');
  const read = (text: string, prose: ProseSettings = PROSE_DEFAULTS): string[] =>
    scanDocumentText(text, md, set, prose).map((r) => `${r.number}:${r.form}:${text.slice(r.start, r.end)}`);

  it('gives ids and prose citations in order of position', () => {
    assert.deepStrictEqual(read('Les EGN : la proposition 4, puis EGN-5 et la première proposition.'), [
      '4:prose:proposition 4', '5:canonical:EGN-5', '1:prose:première proposition',
    ]);
  });

  it('reads ids only with egn.prose.enabled off', () => {
    assert.deepStrictEqual(read('Les EGN : la proposition 4, puis EGN-5.', PROSE_OFF), ['5:canonical:EGN-5']);
  });

  it('counts « la proposition n° 12 (EGN-12) », as the quick fix writes it, once: the id', () => {
    assert.deepStrictEqual(read('Aux EGN, la proposition n° 12 (EGN-12) avance.'), ['12:canonical:EGN-12']);
  });

  it('keeps both when the id in brackets names another proposal', () => {
    assert.deepStrictEqual(read('Aux EGN, la proposition n° 12 (EGN-13) avance.'), ['12:prose:proposition n° 12', '13:canonical:EGN-13']);
  });

  it('counts a quoted title followed by its id once', () => {
    const title = 'Encourager l’utilisation de logiciels et de ressources éducatives libres';
    assert.deepStrictEqual(read(`« ${title} » (EGN-38)`), ['38:canonical:EGN-38']);
  });

  it('reads a file on disk with the layout of its extension', () => {
    assert.strictEqual(layoutOfPath('docs/strategie.md').kind, 'markdown');
    assert.strictEqual(layoutOfPath('deliberation.TEX').kind, 'latex');
    assert.strictEqual(layoutOfPath('notes/lettre.txt').kind, 'plaintext');
    assert.strictEqual(layoutOfPath('README').kind, 'plaintext');
  });

  it('says which candidate lines make a document worth reading whole', () => {
    const needles = proseNeedlesOf(set, PROSE_DEFAULTS);
    assert.ok(holdsProseNeedle([{ text: 'La PROPOSITION 12' }], needles));
    assert.ok(!holdsProseNeedle([{ text: 'EGN-12 seulement' }], needles));
    assert.deepStrictEqual(proseNeedlesOf(set, PROSE_OFF), []);
  });
});

describe('Prose citations in the open documents\' scans and the index', () => {
  const set = CatalogueSet.of([{ catalogue: loadBundled(), source: BUNDLED_SOURCE }]);

  it('scans an open document with prose under its language\'s layout, once per version', () => {
    let settings: ProseSettings = PROSE_DEFAULTS;
    const scans = new DocumentScans(() => set, () => settings);
    const doc = { uri: 'file:///a.md', version: 1, languageId: 'markdown', getText: () => '# Les EGN\n\nUn.\n\nDeux.\n\nLa proposition 4.' };
    assert.deepStrictEqual(scans.get(doc, 'test').counted.map((r) => `${r.number}:${r.form}`), ['4:prose']);
    assert.strictEqual(scans.get(doc, 'test').counted.length, 1);
    assert.strictEqual(scans.stats.scans, 1);
    const asText = { ...doc, uri: 'file:///a.txt', languageId: 'plaintext' };
    assert.deepStrictEqual(scans.get(asText, 'test').counted, [], 'in plain text a # line is no heading');
    settings = PROSE_OFF;
    assert.deepStrictEqual(scans.get(doc, 'test').counted, [], 'new settings: scanned again, without prose');
  });

  it('lets the ignore marker take a prose citation out of the count, not out of hover', () => {
    const scans = new DocumentScans(() => set, () => PROSE_DEFAULTS);
    const doc = { uri: 'file:///b.md', version: 1, languageId: 'markdown', getText: () => 'Les EGN :\n<!-- egn-ignore-next-line -->\nla proposition 4.' };
    const scan = scans.get(doc, 'test');
    assert.deepStrictEqual(scan.references.map((r) => r.number), [4]);
    assert.deepStrictEqual(scan.counted, []);
  });

  it('indexes a whole text with each citation\'s form, and two equal lines by their own context', () => {
    const text = 'La proposition 4.\n\nLes EGN.\n\nLa proposition 4.\n\nVoir EGN-7 et « Encourager l’utilisation de logiciels et de ressources éducatives libres ».';
    const index = new CitationIndex((t) => set.scanner.scan(t).map((r) => ({ ...r, catalogue: 0 })));
    index.setContent('file:///c.md', { kind: 'scanned', document: scannedDocumentOfText(text, layoutOfPath('c.md'), set, PROSE_DEFAULTS, () => 0) });
    const got = index.documentCitations('file:///c.md').map((c) => `${c.number}@${c.line}:${c.form ?? 'id'}`);
    assert.deepStrictEqual(got, ['4@4:prose', '7@6:id', '38@6:title']);
  });
});
