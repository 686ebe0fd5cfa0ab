import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Catalogue } from '../../src/core/catalogue';
import { loadCatalogue } from '../../src/core/catalogueLoader';
import { ProseScanner, proseScannerOf } from '../../src/core/proseScanner';
import type { TextLayout } from '../../src/core/textLayout';

const repoRoot = path.resolve(__dirname, '../../..');

function loadBundled(): Catalogue {
  const yaml = fs.readFileSync(path.join(repoRoot, 'data/egn-2020.yaml'), 'utf8');
  const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'data/catalogue.schema.json'), 'utf8')) as object;
  const result = loadCatalogue(yaml, schema);
  assert.ok(result.ok, 'the bundled catalogue loads');
  return result.catalogue;
}

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const CTX = 'Lors des États généraux du numérique, ';
const TITLE_38 = 'Encourager l’utilisation de logiciels et de ressources éducatives libres';
const TITLE_12 = 'Développer la citoyenneté numérique et renforcer l’éducation aux médias et à l’information en s’appuyant sur le CLEMI';

/** One case: a text, its layout, and what must be read: `number:form:"text of the range"`. */
type Case = readonly [name: string, text: string, expected: readonly string[], layout?: TextLayout['kind']];

const MD = 'markdown';

const cases: readonly Case[] = [
  // numbered
  ['the noun then a number', `${CTX}la proposition 12 est appliquée.`, ['12:prose:"proposition 12"']],
  ['n° glued to the number', `${CTX}la proposition n°12 est appliquée.`, ['12:prose:"proposition n°12"']],
  ['n° then a space', `${CTX}la proposition n° 12.`, ['12:prose:"proposition n° 12"']],
  ['nº (ordinal indicator)', `${CTX}la proposition nº 12.`, ['12:prose:"proposition nº 12"']],
  ['N° upper case', `${CTX}la proposition N° 12.`, ['12:prose:"proposition N° 12"']],
  ['a capital noun at the start of a sentence', `${CTX}cela compte. Proposition 7 : former.`, ['7:prose:"Proposition 7"']],
  ['the noun in capitals', `${CTX}PROPOSITION 7.`, ['7:prose:"PROPOSITION 7"']],
  ['the plural with a list', `${CTX}les propositions 3, 5 et 12 vont ensemble.`, ['3:prose:"propositions 3"', '5:prose:"5"', '12:prose:"12"']],
  ['the plural with ou', `${CTX}les propositions 3 ou 4.`, ['3:prose:"propositions 3"', '4:prose:"4"']],
  ['nos before a range', `${CTX}les propositions nos 15 à 18.`, ['15:prose:"propositions nos 15"', '18:prose:"18"+16,17']],
  ['n°s before a list', `${CTX}les propositions n°s 6 et 7.`, ['6:prose:"propositions n°s 6"', '7:prose:"7"']],
  ['nᵒˢ before a list', `${CTX}les propositions nᵒˢ 6 et 7.`, ['6:prose:"propositions nᵒˢ 6"', '7:prose:"7"']],
  ['a glued en dash range', `${CTX}les propositions 6–8.`, ['6:prose:"propositions 6"', '8:prose:"8"+7']],
  ['a glued hyphen range', `${CTX}les propositions 6-8.`, ['6:prose:"propositions 6"', '8:prose:"8"+7']],
  ['a list then a range', `${CTX}les propositions 1, 3 à 5.`, ['1:prose:"propositions 1"', '3:prose:"3"', '5:prose:"5"+4']],
  ['the number before a colon and a quoted title', `${CTX}la proposition n°38 : « Encourager » »`, ['38:prose:"proposition n°38"']],
  ['an unknown number in context', 'la proposition 45 des EGN', ['45:prose:"proposition 45"!']],
  ['a number at the end of the text', `${CTX}proposition 40`, ['40:prose:"proposition 40"']],
  ['the number before a closing parenthesis', `${CTX}(proposition 40)`, ['40:prose:"proposition 40"']],
  ['the number before a period', `${CTX}voir la proposition 40.`, ['40:prose:"proposition 40"']],
  ['a tab between noun and number', `${CTX}proposition\t40`, ['40:prose:"proposition\t40"']],
  ['the LaTeX tie ~', 'Aux EGN, la proposition~12 et la proposition n°~13.', ['12:prose:"proposition~12"', '13:prose:"proposition n°~13"'], 'latex'],
  ['LaTeX ties in a range', 'Aux EGN, les propositions nos~15 à~17.', ['15:prose:"propositions nos~15"', '17:prose:"17"+16'], 'latex'],
  ['~ is no space outside LaTeX', `${CTX}la proposition~12.`, [], MD],
  ['two citations in a sentence', `${CTX}la proposition 1 et la proposition 2.`, ['1:prose:"proposition 1"', '2:prose:"proposition 2"']],
  ['a leading zero', `${CTX}la proposition 07.`, ['7:prose:"proposition 07"']],
  // French typography
  ['a no-break space after the noun', `${CTX}la proposition${NBSP}12.`, [`12:prose:"proposition${NBSP}12"`]],
  ['a narrow no-break space after n°', `${CTX}la proposition n°${NNBSP}12.`, [`12:prose:"proposition n°${NNBSP}12"`]],
  ['no-break spaces around à', `${CTX}les propositions 3${NBSP}à${NBSP}5.`, ['3:prose:"propositions 3"', '5:prose:"5"+4']],
  ['a decomposed à (NFD)', `${CTX}les propositions 3 a\u0300 5.`, ['3:prose:"propositions 3"', '5:prose:"5"+4']],
  ['the name in NFD', 'Aux E\u0301tats ge\u0301ne\u0301raux du nume\u0301rique, la proposition 4.', ['4:prose:"proposition 4"']],
  ['the name in capitals without accents', 'AUX ETATS GENERAUX DU NUMERIQUE, la proposition 4.', ['4:prose:"proposition 4"']],
  ['the name with « pour l’Éducation »', 'Les États généraux du numérique pour l’Éducation : la proposition 4.', ['4:prose:"proposition 4"']],
  ['the name with a straight apostrophe', "Les États généraux du numérique pour l'éducation : la proposition 4.", ['4:prose:"proposition 4"']],
  ['the name across a line break', 'Les États généraux\ndu numérique ont retenu la proposition 4.', ['4:prose:"proposition 4"']],
  ['EGN as a name', 'Les EGN ont retenu la proposition 4.', ['4:prose:"proposition 4"']],
  ['an EGN id names the catalogue', 'Voir EGN-3 et la proposition 4.', ['4:prose:"proposition 4"']],
  ['the name glued to a letter is not a name', 'Les EGNé ont retenu la proposition 4.', []],
  // ordinal
  ['première', `${CTX}la première proposition vise la gouvernance.`, ['1:prose:"première proposition"']],
  ['premier (masculine)', `${CTX}le premier proposition.`, ['1:prose:"premier proposition"']],
  ['deuxième', `${CTX}la deuxième proposition.`, ['2:prose:"deuxième proposition"']],
  ['seconde', `${CTX}la seconde proposition.`, ['2:prose:"seconde proposition"']],
  ['troisième', `${CTX}la troisième proposition.`, ['3:prose:"troisième proposition"']],
  ['dixième', `${CTX}la dixième proposition.`, ['10:prose:"dixième proposition"']],
  ['dix-septième', `${CTX}la dix-septième proposition.`, ['17:prose:"dix-septième proposition"']],
  ['vingt et unième', `${CTX}la vingt et unième proposition.`, ['21:prose:"vingt et unième proposition"']],
  ['vingt-et-unième', `${CTX}la vingt-et-unième proposition.`, ['21:prose:"vingt-et-unième proposition"']],
  ['trente-deuxième', `${CTX}la trente-deuxième proposition.`, ['32:prose:"trente-deuxième proposition"']],
  ['quarantième', `${CTX}la quarantième proposition.`, ['40:prose:"quarantième proposition"']],
  ['cinquantième is read, and unknown', `${CTX}la cinquantième proposition.`, ['50:prose:"cinquantième proposition"!']],
  ['an ordinal in capitals', `${CTX}LA PREMIÈRE PROPOSITION.`, ['1:prose:"PREMIÈRE PROPOSITION"']],
  ['an ordinal in NFD', `${CTX}la premie\u0300re proposition.`, ['1:prose:"premie\u0300re proposition"']],
  ['1re', `${CTX}la 1re proposition.`, ['1:prose:"1re proposition"']],
  ['1ère', `${CTX}la 1ère proposition.`, ['1:prose:"1ère proposition"']],
  ['1ʳᵉ in superscripts', `${CTX}la 1ʳᵉ proposition.`, ['1:prose:"1ʳᵉ proposition"']],
  ['2e', `${CTX}la 2e proposition.`, ['2:prose:"2e proposition"']],
  ['2ème', `${CTX}la 2ème proposition.`, ['2:prose:"2ème proposition"']],
  ['12e', `${CTX}la 12e proposition.`, ['12:prose:"12e proposition"']],
  ['12ᵉ in superscript', `${CTX}la 12ᵉ proposition.`, ['12:prose:"12ᵉ proposition"']],
  ['a no-break space after the ordinal', `${CTX}la 12e${NBSP}proposition.`, [`12:prose:"12e${NBSP}proposition"`]],
  // title
  ['a title as written', `On lit : ${TITLE_38}.`, [`38:title:"${TITLE_38}"`]],
  ['a title in « »', `La mesure « ${TITLE_38} » avance.`, [`38:title:"${TITLE_38}"`]],
  ['a title in “ ”', `La mesure “${TITLE_38}” avance.`, [`38:title:"${TITLE_38}"`]],
  ['a title with a straight apostrophe', `${TITLE_38.replace('’', "'")}`, [`38:title:"${TITLE_38.replace('’', "'")}"`]],
  ['a title in lower case', TITLE_38.toLowerCase(), [`38:title:"${TITLE_38.toLowerCase()}"`]],
  ['a title in capitals', TITLE_38.toUpperCase(), [`38:title:"${TITLE_38.toUpperCase()}"`]],
  ['a title in NFD', TITLE_38.normalize('NFD'), [`38:title:"${TITLE_38.normalize('NFD')}"`]],
  ['a title with no-break spaces', TITLE_38.replace(/ /g, NBSP), [`38:title:"${TITLE_38.replace(/ /g, NBSP)}"`]],
  ['a title with doubled spaces', TITLE_38.replace(/ /g, '  '), [`38:title:"${TITLE_38.replace(/ /g, '  ')}"`]],
  ['a title needs no context', `Le collège applique ${TITLE_12}.`, [`12:title:"${TITLE_12}"`]],
  ['a title wrapped over two lines ends with its first line', 'Encourager l’utilisation de logiciels\net de ressources éducatives libres', ['38:title:"Encourager l’utilisation de logiciels"']],
  ['a title cut short is no title', 'Encourager l’utilisation de logiciels libres', []],
  ['a title over a blank line is no title', 'Encourager l’utilisation de logiciels\n\net de ressources éducatives libres', []],
  ['a title glued to a word is no title', `X${TITLE_38}`, []],
  ['a title and a numbered citation', `Aux EGN, la proposition n° 38 : « ${TITLE_38} ».`, ['38:prose:"proposition n° 38"', `38:title:"${TITLE_38}"`]],
  // context: where the catalogue is named
  ['no context: nothing', 'Le conseil a voté la proposition 4.', []],
  ['no context: no ordinal', 'La première proposition du maire.', []],
  ['the paragraph before names it', 'Les EGN ont eu lieu.\n\nLa proposition 4 est retenue.', ['4:prose:"proposition 4"']],
  ['two paragraphs before is too far', 'Les EGN ont eu lieu.\n\nAutre chose.\n\nLa proposition 4 est retenue.', []],
  ['the paragraph after does not count', 'La proposition 4 est retenue.\n\nLes EGN ont eu lieu.', []],
  ['a Markdown heading above names it', '# Les EGN\n\nUn.\n\nDeux.\n\nLa proposition 4.', ['4:prose:"proposition 4"']],
  ['a heading above the parent heading', '# Les EGN\n\n## Gouvernance\n\nUn.\n\nDeux.\n\nLa proposition 1.', ['1:prose:"proposition 1"']],
  ['a sibling heading ends the context', '# Les EGN\n\nUn.\n\n# Autre sujet\n\nUn.\n\nDeux.\n\nLa proposition 1.', []],
  ['a setext heading above names it', 'Les EGN\n=======\n\nUn.\n\nDeux.\n\nLa proposition 4.', ['4:prose:"proposition 4"']],
  ['a heading in a code fence is not a heading', '```\n# Les EGN\n```\n\nUn.\n\nLa proposition 4.', []],
  ['a LaTeX section above names it', '\\section{Les EGN}\n\nUn.\n\nDeux.\n\nLa proposition~4.', ['4:prose:"proposition~4"'], 'latex'],
  ['a LaTeX subsection under a section naming it', '\\section{Les EGN}\n\\subsection{Gouvernance}\n\nUn.\n\nDeux.\n\nLa proposition 4.', ['4:prose:"proposition 4"'], 'latex'],
  ['a reStructuredText title above names it', 'Les EGN\n=======\n\nUn.\n\nDeux.\n\nLa proposition 4.', ['4:prose:"proposition 4"'], 'restructuredtext'],
  ['an AsciiDoc title above names it', '== Les EGN\n\nUn.\n\nDeux.\n\nLa proposition 4.', ['4:prose:"proposition 4"'], 'asciidoc'],
  ['plain text: a # line is no heading', '# Les EGN\n\nUn.\n\nDeux.\n\nLa proposition 4.', [], 'plaintext'],
  ['plain text: the paragraph before', 'Objet : les EGN\n\nMadame, la proposition 4 nous concerne.', ['4:prose:"proposition 4"'], 'plaintext'],
  ['a Windows line break between paragraphs', 'Les EGN.\r\n\r\nLa proposition 4.', ['4:prose:"proposition 4"']],
  // traps
  ['a bill: proposition de loi', `${CTX}la proposition de loi n° 30.`, []],
  ['an ordinal bill: première proposition de loi', `${CTX}la première proposition de loi.`, []],
  ['an ordinal resolution', `${CTX}la deuxième proposition de résolution.`, []],
  ['another noun: objectif 7', `${CTX}l’objectif 7.`, []],
  ['a number glued to a word', `${CTX}la proposition 12bis.`, []],
  ['the noun glued to the number', `${CTX}la proposition12.`, []],
  ['a decimal number', `${CTX}la proposition 1.2 du plan.`, []],
  ['a decimal with a comma', `${CTX}la proposition 1,5.`, []],
  ['contre-proposition', `${CTX}la contre-proposition 4.`, []],
  ['a longer word: propositionnel', `${CTX}un vote propositionnel 4.`, []],
  ['a count is no ordinal: les 40 propositions', `${CTX}les 40 propositions.`, []],
  ['no number after the noun', `${CTX}la proposition est bonne.`, []],
  ['« nos » not before a number', `${CTX}les propositions nos élèves.`, []],
  ['a number on the next line', `${CTX}la proposition\n12.`, []],
  ['a spaced en dash is an incise', `${CTX}la proposition 3 – 5 élèves.`, ['3:prose:"proposition 3"']],
];

function read(scanner: ProseScanner, text: string, layout: TextLayout['kind']): string[] {
  const kind = layout === 'paragraphLines' ? { kind: layout, headingLines: new Map() } as const : { kind: layout };
  return scanner.scan(text, kind).map((r) => {
    const implied = r.implied.length > 0 ? `+${r.implied.join(',')}` : '';
    return `${r.number}:${r.form}:"${text.slice(r.start, r.end)}"${implied}${r.exists ? '' : '!'}`;
  });
}

describe('ProseScanner: citations as documents write them', () => {
  const catalogue = loadBundled();
  const scanner = proseScannerOf(catalogue);

  it('is built for the bundled catalogue, whose file declares its nouns and names', () => {
    assert.ok(scanner);
  });

  it(`reads the table of ${cases.length} cases`, () => {
    assert.ok(cases.length >= 80);
    const failures: string[] = [];
    for (const [name, text, expected, layout] of cases) {
      const got = read(scanner!, text, layout ?? MD);
      if (JSON.stringify(got) !== JSON.stringify(expected)) {
        failures.push(`${name}\n    text:     ${JSON.stringify(text)}\n    expected: ${JSON.stringify(expected)}\n    got:      ${JSON.stringify(got)}`);
      }
    }
    assert.deepStrictEqual(failures, []);
  });

  it('reads extracted text by its heading lines (Word, LibreOffice, PDF)', () => {
    const text = 'Les EGN\nUn.\nDeux.\nLa proposition 4.';
    const asHeading = scanner!.scan(text, { kind: 'paragraphLines', headingLines: new Map([[0, 1]]) });
    const asParagraph = scanner!.scan(text, { kind: 'paragraphLines', headingLines: new Map() });
    assert.deepStrictEqual(asHeading.map((r) => r.number), [4], 'under a heading that names the EGN');
    assert.deepStrictEqual(asParagraph.map((r) => r.number), [], 'each line a paragraph: three paragraphs away');
  });

  it('reads names added by the setting (« EGNé »)', () => {
    const withNames = proseScannerOf(catalogue, ['EGNé', 'EGNE']);
    assert.deepStrictEqual(withNames!.scan('Les EGNé ont retenu la proposition 4.', { kind: 'markdown' }).map((r) => r.number), [4]);
    assert.deepStrictEqual(withNames!.scan('Les EGNE ont retenu la proposition 5.', { kind: 'markdown' }).map((r) => r.number), [5]);
  });

  it('has no prose citations for a catalogue whose file declares none', () => {
    const withoutProse: Catalogue = { ...catalogue, prose: undefined };
    assert.strictEqual(proseScannerOf(withoutProse), undefined);
  });

  it('reads a workspace catalogue\'s own nouns (« action »), not the EGN\'s', () => {
    const own = new ProseScanner({ nouns: ['action'], names: ['plan numérique'], titles: [{ number: 3, title: 'Équiper les écoles rurales' }] }, (n) => n <= 10);
    const text = 'Le plan numérique prévoit les actions 2 et 3, puis la proposition 4.';
    assert.deepStrictEqual(own.scan(text, { kind: 'markdown' }).map((r) => `${r.number}:${r.form}`), ['2:prose', '3:prose']);
    assert.deepStrictEqual(own.scan('On va équiper les écoles rurales.', { kind: 'markdown' }).map((r) => `${r.number}:${r.form}`), ['3:title']);
  });

  it('gives the line filter the noun and two pairs of words of each title, rarer than one word', () => {
    const needles = scanner!.needles;
    assert.ok(needles.includes('proposition'));
    for (const n of needles) {
      assert.strictEqual(n, n.toLowerCase().normalize('NFC'), n);
    }
    const lower = TITLE_38.toLowerCase();
    assert.ok(needles.some((n) => lower.includes(n) && n.includes(' ')), 'title 38 has a pair of words as needle');
    assert.ok(!needles.includes('ressources') && !needles.includes('information'), 'no common word alone');
  });

  it('takes linear time on adversarial input', () => {
    const unit = 'EGN proposition proposition n° 1, 2, 3 et Encourager l’utilisation de logiciels de ';
    const small = unit.repeat(500);
    const large = unit.repeat(5_000);
    const time = (t: string): number => {
      const s = process.hrtime.bigint();
      scanner!.scan(t, { kind: 'markdown' });
      return Number(process.hrtime.bigint() - s);
    };
    time(small);
    const a = Math.min(time(small), time(small));
    const b = Math.min(time(large), time(large));
    // Ten times the text: far less than a hundred times the time (quadratic would be 100×). A ratio, not a speed: the speed is `npm run bench`.
    assert.ok(b < a * 40, `500 units: ${a} ns; 5,000 units: ${b} ns`);
  });
});
