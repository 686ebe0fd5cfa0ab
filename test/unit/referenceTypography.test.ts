import * as assert from 'assert';
import { formatReferences, frenchQuotes, markupOf, parseQuoteStyle, type FormattableProposal, type QuoteStyle, type ReferenceFormat, type ReferenceMarkup } from '../../src/core/referenceFormat';

const NB = '\u00a0';
// Official titles (seed letter for letter): 19 holds straight quotes, 37 too, 12 none.
const P12: FormattableProposal = { id: 'EGN-12', number: 12, title: 'Développer la citoyenneté numérique et renforcer l’éducation aux médias et à l’information en s’appuyant sur le CLEMI' };
const P19: FormattableProposal = { id: 'EGN-19', number: 19, title: 'Mettre en place le "Pass’ connexion éducation" pour tous' };
const P37: FormattableProposal = { id: 'EGN-37', number: 37, title: 'Créer "l’Education Data Hub", la plateforme de données d’éducation' };

const T12 = P12.title;
const T19 = { asWritten: P19.title, french: `Mettre en place le «${NB}Pass’ connexion éducation${NB}» pour tous` };
const T37 = { asWritten: P37.title, french: `Créer «${NB}l’Education Data Hub${NB}», la plateforme de données d’éducation` };

/** Every format × one, two and three proposals × both quote styles, in plain text: what must be written. */
const EXPECTED: Record<ReferenceFormat, Record<QuoteStyle, [string, string, string]>> = {
  id: {
    asWritten: ['EGN-19', 'EGN-12 et EGN-19', 'EGN-12, EGN-19 et EGN-37'],
    french: ['EGN-19', 'EGN-12 et EGN-19', 'EGN-12, EGN-19 et EGN-37'],
  },
  idAndTitle: {
    asWritten: [`EGN-19 (${T19.asWritten})`, `EGN-12 (${T12}) et EGN-19 (${T19.asWritten})`, `EGN-12 (${T12}), EGN-19 (${T19.asWritten}) et EGN-37 (${T37.asWritten})`],
    french: [`EGN-19 (${T19.french})`, `EGN-12 (${T12}) et EGN-19 (${T19.french})`, `EGN-12 (${T12}), EGN-19 (${T19.french}) et EGN-37 (${T37.french})`],
  },
  sentence: {
    asWritten: [`proposition n°${NB}19 (EGN-19)`, `propositions nos${NB}12 et 19 (EGN-12 et EGN-19)`, `propositions nos${NB}12, 19 et 37 (EGN-12, EGN-19 et EGN-37)`],
    french: [`proposition n°${NB}19 (EGN-19)`, `propositions nos${NB}12 et 19 (EGN-12 et EGN-19)`, `propositions nos${NB}12, 19 et 37 (EGN-12, EGN-19 et EGN-37)`],
  },
};

const SETS: readonly (readonly FormattableProposal[])[] = [[P19], [P19, P12], [P37, P12, P19]];

describe('Reference typography', () => {
  for (const format of ['id', 'idAndTitle', 'sentence'] as const) {
    for (const quotes of ['asWritten', 'french'] as const) {
      SETS.forEach((set, k) => {
        it(`writes ${format} for ${k + 1} proposal${k === 0 ? '' : 's'} with ${quotes} quotes`, () => {
          assert.strictEqual(formatReferences(set, format, { quotes, markup: 'plain' }), EXPECTED[format][quotes][k]);
        });
      });
    }
  }

  it('raises the "os" of "nos" in Markdown and LaTeX, and leaves the singular n° as it is', () => {
    const raised: Record<ReferenceMarkup, string> = { plain: 'nos', markdown: 'n<sup>os</sup>', latex: 'n\\textsuperscript{os}' };
    for (const markup of ['plain', 'markdown', 'latex'] as const) {
      assert.strictEqual(formatReferences([P12, P19], 'sentence', { quotes: 'asWritten', markup }), `propositions ${raised[markup]}${NB}12 et 19 (EGN-12 et EGN-19)`);
      assert.strictEqual(formatReferences([P12], 'sentence', { quotes: 'asWritten', markup }), `proposition n°${NB}12 (EGN-12)`);
    }
  });

  it('pairs quotes in order, keeps an unpaired one and apostrophes as written, and trims inside the marks', () => {
    assert.strictEqual(frenchQuotes('a "b" c "d'), `a «${NB}b${NB}» c "d`);
    assert.strictEqual(frenchQuotes('l’école " ouverte "'), `l’école «${NB}ouverte${NB}»`);
    assert.strictEqual(frenchQuotes('sans guillemets'), 'sans guillemets');
  });

  it('reads the settings, falling back to the official text and plain text', () => {
    assert.strictEqual(parseQuoteStyle('french'), 'french');
    assert.strictEqual(parseQuoteStyle('French'), 'asWritten');
    assert.strictEqual(parseQuoteStyle(undefined), 'asWritten');
    assert.deepStrictEqual(['markdown', 'latex', 'plaintext', 'restructuredtext', 'asciidoc'].map(markupOf), ['markdown', 'latex', 'plain', 'plain', 'plain']);
  });
});
