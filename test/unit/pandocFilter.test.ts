import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadCatalogue } from '../../src/core/catalogueLoader';
import { BUNDLED_SOURCE, CatalogueSet } from '../../src/core/catalogueSet';
import { filterPandocDocument, pandocOptions, type PandocDocument, type PandocNode } from '../../src/core/pandocFilter';
import { fixtureCatalogue } from './catalogueFixture';

const repoRoot = path.resolve(__dirname, '../../..');
const loaded = loadCatalogue(fs.readFileSync(path.join(repoRoot, 'data/egn-2020.yaml'), 'utf8'));
if (!loaded.ok) {
  throw new Error('data/egn-2020.yaml does not load');
}
const egn = loaded.catalogue;
const fra = fixtureCatalogue([{ id: 'g', kind: 'theme', title: 'Feuille de route', subthemes: [{ id: undefined, title: '', proposals: [[1, 'Former'], [2, 'Équiper']] }] }], 'FRA');
const set = CatalogueSet.of([{ catalogue: egn, source: BUNDLED_SOURCE }, { catalogue: fra, source: 'file:///w/fra.catalogue.yaml' }]);
const NBSP = '\u00a0';

/** Pandoc's inlines for a line of text, as its Markdown reader makes them: words as `Str`, spaces as `Space`. */
function inlines(text: string): PandocNode[] {
  return text.split(/( )/).filter((p) => p !== '').map((p) => (p === ' ' ? { t: 'Space' } : { t: 'Str', c: p }));
}
const para = (text: string): PandocNode => ({ t: 'Para', c: inlines(text) });
const meta = (values: Record<string, string | boolean>): PandocDocument['meta'] =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'boolean' ? { t: 'MetaBool', c: v } : { t: 'MetaInlines', c: inlines(v) }]));
const doc = (blocks: PandocNode[], m: Record<string, string | boolean> = {}): PandocDocument => ({ 'pandoc-api-version': [1, 22, 2, 1], meta: meta(m), blocks });

/** The plain text of a block's inlines (footnotes shown as [note]). */
function text(nodes: readonly PandocNode[]): string {
  return nodes.map((n) => n.t === 'Str' ? String(n.c) : n.t === 'Space' ? ' ' : n.t === 'Note' ? '[note]' : n.t === 'Code' ? String((n.c as [unknown, string])[1]) : Array.isArray(n.c) ? text((n.c as unknown[]).filter((x): x is PandocNode => typeof x === 'object' && x !== null && 't' in x)) : '').join('');
}
const paragraphs = (d: PandocDocument): string[] => d.blocks.filter((b) => b.t === 'Para').map((b) => text(b.c as PandocNode[]));

describe('The pandoc filter (egn-pandoc: references written for the deliverable\'s reader)', () => {
  it('writes a reference as « proposition n° 12 » by default, with the no-break space the insert command writes', () => {
    const out = filterPandocDocument(doc([para('Le plan répond à EGN-12.'), para('Il prolonge EGN-2 et EGN n° 4.')]), set);
    assert.deepStrictEqual(paragraphs(out.document), [`Le plan répond à la proposition n°${NBSP}12.`, `Il prolonge proposition n°${NBSP}2 et proposition n°${NBSP}4.`]);
    assert.strictEqual(out.references, 3);
  });

  it('writes lists and ranges in the plural, keeping what the author wrote between the numbers, and does not repeat a noun already written', () => {
    const out = filterPandocDocument(doc([para('Les actions reprennent les propositions EGN-9, 10 et 11.'), para('Le dispositif répond aux EGN-15 à EGN-18.')]), set);
    assert.deepStrictEqual(paragraphs(out.document), [`Les actions reprennent les propositions nos${NBSP}9, 10 et 11.`, `Le dispositif répond aux propositions nos${NBSP}15 à 18.`]);
    assert.deepStrictEqual(out.cited.map((p) => p.number), [9, 10, 11, 15, 16, 17, 18], 'a range cites the numbers between its ends');
  });

  it('starts a sentence with « La proposition » and a capital', () => {
    const out = filterPandocDocument(doc([para('EGN-12 ouvre le plan. EGN-7 et EGN-13 le complètent.')]), set);
    assert.deepStrictEqual(paragraphs(out.document), [`La proposition n°${NBSP}12 ouvre le plan. La proposition n°${NBSP}7 et proposition n°${NBSP}13 le complètent.`]);
  });

  it('writes idAndTitle, id or as written when the metadata asks (egn-format)', () => {
    const blocks = [para('Voir EGN n° 12.')];
    assert.deepStrictEqual(paragraphs(filterPandocDocument(doc(blocks, { 'egn-format': 'idAndTitle' }), set).document), [`Voir EGN-12 (${egn.byNumber(12)!.title}).`]);
    assert.deepStrictEqual(paragraphs(filterPandocDocument(doc(blocks, { 'egn-format': 'id' }), set).document), ['Voir EGN-12.']);
    assert.deepStrictEqual(paragraphs(filterPandocDocument(doc(blocks, { 'egn-format': 'asWritten' }), set).document), ['Voir EGN n° 12.']);
    assert.deepStrictEqual(pandocOptions(meta({ 'egn-format': 'nonsense' })), { format: 'sentence', titles: 'none', annex: false });
  });

  it('puts the titles in a footnote with egn-titles: footnote, in French typography', () => {
    const out = filterPandocDocument(doc([para('Voir EGN-7 et 13.')], { 'egn-titles': 'footnote' }), set);
    const content = (out.document.blocks[0].c as PandocNode[]);
    const note = content.find((n) => n.t === 'Note');
    assert.ok(note, text(content));
    assert.strictEqual(text(note.c as PandocNode[]), `Proposition n°${NBSP}7${NBSP}: «${NBSP}${egn.byNumber(7)!.title}${NBSP}». Proposition n°${NBSP}13${NBSP}: «${NBSP}${egn.byNumber(13)!.title}${NBSP}».`);
    assert.strictEqual(text(content), `Voir propositions nos${NBSP}7 et 13[note].`);
  });

  it('leaves unknown numbers, code, and lines an ignore marker leaves out, as written', () => {
    const out = filterPandocDocument(doc([
      para('EGN-41 n’existe pas.'),
      { t: 'Para', c: [{ t: 'Code', c: [['', [], []], 'EGN-23'] }] },
      { t: 'RawBlock', c: ['html', '<!-- egn-ignore-next-line -->'] },
      para('EGN-3 cité dans un brouillon retiré.'),
    ]), set);
    assert.deepStrictEqual(paragraphs(out.document), ['EGN-41 n’existe pas.', 'EGN-23', 'EGN-3 cité dans un brouillon retiré.']);
    assert.deepStrictEqual(out.cited, []);
  });

  it('reads references inside emphasis, links, lists, tables and footnotes', () => {
    const cell = (t: string): unknown => [['', [], []], { t: 'AlignDefault' }, 1, 1, [{ t: 'Plain', c: inlines(t) }]];
    const table: PandocNode = { t: 'Table', c: [['', [], []], [null, []], [[{ t: 'AlignDefault' }, { t: 'ColWidthDefault' }]], [['', [], []], []], [[['', [], []], 0, [], [[['', [], []], [cell('EGN-5')]]]]], [['', [], []], []]] };
    const out = filterPandocDocument(doc([
      { t: 'Para', c: [{ t: 'Emph', c: inlines('selon EGN-1') }, { t: 'Link', c: [['', [], []], inlines('EGN-2'), ['#x', '']] }, { t: 'Note', c: [para('Voir EGN-3.')] }] },
      { t: 'BulletList', c: [[{ t: 'Plain', c: inlines('EGN-4') }]] },
      table,
    ]), set);
    assert.deepStrictEqual(out.cited.map((p) => p.number), [1, 2, 3, 4, 5]);
    assert.ok(JSON.stringify(out.document.blocks[2]).includes(`"n°${NBSP}5"`), 'the table cell is rewritten');
  });

  it('writes a workspace catalogue\'s references as ids (its noun is its own) and lists them in the annex after the EGN\'s', () => {
    const out = filterPandocDocument(doc([para('Voir FRA-2 et EGN-12.')], { 'egn-annexe': true }), set);
    assert.deepStrictEqual(paragraphs(out.document), [`Voir FRA-2 et proposition n°${NBSP}12.`]);
    assert.deepStrictEqual(out.cited.map((p) => p.id), ['EGN-12', 'FRA-2']);
  });

  it('appends the table « Propositions citées » (number, title, theme) with egn-annexe: true, or inside the egn-annexe div', () => {
    const atEnd = filterPandocDocument(doc([para('EGN-13 puis EGN-7.')], { 'egn-annexe': true }), set);
    assert.ok(atEnd.annex);
    const [heading, table] = atEnd.document.blocks.slice(-2);
    assert.strictEqual(text((heading.c as [number, unknown, PandocNode[]])[2]), 'Propositions citées');
    const rows = JSON.stringify((table.c as unknown[])[4]);
    const p7 = egn.byNumber(7)!;
    assert.ok(rows.indexOf('"7"') < rows.indexOf('"13"'), 'in number order');
    assert.ok(rows.includes(JSON.stringify(p7.theme.title.split(' ')[0])), 'the theme column');

    const inDiv = filterPandocDocument(doc([para('EGN-13.'), { t: 'Div', c: [['', ['egn-annexe'], []], []] }, para('Fin.')]), set);
    assert.strictEqual(inDiv.document.blocks.length, 3, 'the annex goes in the div, not at the end');
    assert.strictEqual(((inDiv.document.blocks[1].c as [unknown, PandocNode[]])[1])[0].t, 'Header');

    const none = filterPandocDocument(doc([para('EGN-13.')]), set);
    assert.ok(!none.annex);
    assert.strictEqual(none.document.blocks.length, 1);
  });

  it('keeps a citation written in prose as written, and lists it in the annex with the ids', () => {
    const out = filterPandocDocument(doc([
      { t: 'Header', c: [1, ['', [], []], inlines('Plan et États généraux du numérique')] },
      para('Ce plan reprend la proposition n° 38 et EGN-13.'),
    ], { 'egn-annexe': true }), set);
    assert.strictEqual(paragraphs(out.document)[0], `Ce plan reprend la proposition n° 38 et proposition n°${NBSP}13.`);
    const rows = JSON.stringify((out.document.blocks[out.document.blocks.length - 1].c as unknown[])[4]);
    assert.ok(rows.includes('"38"') && rows.includes('"13"'), `both in the annex: ${rows}`);
  });

  it('does not change the document it was given', () => {
    const input = doc([para('EGN-12.')], { 'egn-annexe': true });
    const before = JSON.stringify(input);
    filterPandocDocument(input, set);
    assert.strictEqual(JSON.stringify(input), before);
  });
});
