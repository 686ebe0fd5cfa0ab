import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Catalogue, SearchHit } from '../../src/core/catalogue';
import { formatCatalogueError, loadCatalogue } from '../../src/core/catalogueLoader';
import { foldedWords, foldText } from '../../src/core/textFold';

/** Tests compile to out/test/unit/, three levels below the repository root. */
const repoRoot = path.resolve(__dirname, '../../..');
const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'data/catalogue.schema.json'), 'utf8')) as object;

function load(yaml: string): Catalogue {
  const result = loadCatalogue(yaml, schema);
  if (!result.ok) {
    return assert.fail(result.errors.map(formatCatalogueError).join('\n'));
  }
  return result.catalogue;
}

/** A tiny catalogue whose titles and tags the real one lacks: "l’École", a tag absent from its title. */
const SMALL = `
id: petit
prefix: EGN
title: "Petit catalogue"
context:
  summary: "Résumé."
  place: "Poitiers"
  dates:
    - start: "2020-06"
      label: "Lancement"
  phases: ["Une phase"]
  thematiques:
    - label: "école"
      theme: ecole
  participativeSpaces: ["Un espace"]
  crisisContext: "Contexte."
  challenges: ["Un défi"]
  territorial: "Territoires."
  updated: "mars 2024"
groups:
  - id: ecole
    kind: theme
    title: "L’École"
    icon: book
    proposals:
      - number: 1
        title: "Préparer l’École de demain"
      - number: 2
        title: "Orienter les élèves"
        tags: [ONISEP]
`;

describe('foldText', () => {
  it('lower-cases and strips accents', () => {
    assert.strictEqual(foldText('Éducation'), 'education');
    assert.strictEqual(foldText('ÉLÈVES À L’ÉCOLE, ÇA'), "eleves a l'ecole, ca");
    assert.strictEqual(foldText('Interopérabilité'), 'interoperabilite');
  });

  it('spells out the œ and æ ligatures, and compatibility forms', () => {
    assert.strictEqual(foldText('Mettre en Œuvre'), 'mettre en oeuvre');
    assert.strictEqual(foldText('curriculum vitæ'), 'curriculum vitae');
    assert.strictEqual(foldText('ﬁche'), 'fiche');
    assert.strictEqual(foldText('İstanbul'), 'istanbul');
  });

  it('makes every apostrophe look-alike a straight apostrophe', () => {
    for (const apostrophe of ['’', '‘', 'ʼ', '′', '`', "'"]) {
      assert.strictEqual(foldText(`l${apostrophe}École`), "l'ecole", JSON.stringify(apostrophe));
    }
  });

  it('makes double-quote look-alikes a straight double quote', () => {
    assert.strictEqual(foldText('« travailler ensemble »'), '" travailler ensemble "');
    assert.strictEqual(foldText('“Pass’ connexion”'), '"pass\' connexion"');
  });

  it('makes dashes a hyphen and every space one ordinary space, trimmed', () => {
    assert.strictEqual(foldText('tiers‑lieux – GAIA—X − 1'), 'tiers-lieux - gaia-x - 1');
    assert.strictEqual(foldText('\u00A0 numérique\u202F:\t\n responsable  '), 'numerique : responsable');
  });

  it('splits a query into folded words, none for a blank one', () => {
    assert.deepStrictEqual(foldedWords('  Égal\u00A0ACCÈS  '), ['egal', 'acces']);
    assert.deepStrictEqual(foldedWords(' \u202F '), []);
  });
});

describe('Catalogue search', () => {
  let catalogue: Catalogue;
  let small: Catalogue;
  before(() => {
    catalogue = load(fs.readFileSync(path.join(repoRoot, 'data/egn-2020.yaml'), 'utf8'));
    small = load(SMALL);
  });
  const numbers = (hits: readonly SearchHit[]): number[] => hits.map((h) => h.proposal.number);

  it('ignores case and accents: "education" finds "éducation" and "Education"', () => {
    assert.deepStrictEqual(numbers(catalogue.search('education')), [12, 14, 19, 37]);
    assert.deepStrictEqual(numbers(catalogue.search('ÉDUCATION')), [12, 14, 19, 37]);
    assert.deepStrictEqual(numbers(catalogue.search('telerenseignement')), [11]);
  });

  it('ignores the apostrophe style: "l\'ecole" finds "l’École"', () => {
    assert.deepStrictEqual(numbers(small.search("l'ecole")), [1]);
    assert.deepStrictEqual(numbers(small.search('L’ÉCOLE')), [1]);
    assert.deepStrictEqual(numbers(catalogue.search("l'education")), [12, 14, 37]);
    assert.deepStrictEqual(numbers(catalogue.search('l’éducation')), [12, 14, 37]);
    assert.deepStrictEqual(numbers(catalogue.search("pass' connexion")), [19]);
  });

  it('finds "oeuvre" and "œuvre" alike, and quotes typed as « »', () => {
    assert.deepStrictEqual(numbers(catalogue.search('œuvre')), [22]);
    assert.deepStrictEqual(numbers(catalogue.search('oeuvre')), [22]);
    assert.deepStrictEqual(numbers(catalogue.search('«travailler ensemble»')), [25]);
  });

  it('requires every word, in any order, as part of a word', () => {
    assert.deepStrictEqual(numbers(catalogue.search('certifier pix')), [7, 13]);
    assert.deepStrictEqual(numbers(catalogue.search('pix certifier eleves')), [13]);
    assert.deepStrictEqual(numbers(catalogue.search('lieux tiers')), [20, 39]);
    assert.deepStrictEqual(numbers(catalogue.search('tiers‑lieux')), [20]);
    assert.deepStrictEqual(numbers(catalogue.search('blockchain')), []);
    assert.deepStrictEqual(numbers(catalogue.search('certifier blockchain')), []);
  });

  it('finds a proposal by its number alone, not every title containing the digit', () => {
    const hits = catalogue.search('1');
    assert.deepStrictEqual(numbers(hits), [1]);
    assert.strictEqual(hits[0].matchedOn, 'number');
    assert.deepStrictEqual(numbers(catalogue.search(' 12 ')), [12]);
    assert.deepStrictEqual(numbers(catalogue.search('41')), []);
  });

  it('finds a proposal by its id in the forms people write', () => {
    for (const q of ['EGN-12', 'egn-12', 'EGN 12', 'EGN12', 'egn–12']) {
      const hits = catalogue.search(q);
      assert.deepStrictEqual(numbers(hits), [12], q);
      assert.strictEqual(hits[0].matchedOn, 'id', q);
    }
  });

  it('treats a number or id among other words as that proposal only', () => {
    assert.deepStrictEqual(numbers(catalogue.search('egn-7 pix')), [7]);
    assert.deepStrictEqual(numbers(catalogue.search('pix 13')), [13]);
    assert.deepStrictEqual(numbers(catalogue.search('pix 12')), []);
  });

  it('says why a proposal matched: its title, or a tag its title lacks', () => {
    assert.deepStrictEqual(catalogue.search('canope').map((h) => [h.proposal.number, h.matchedOn]), [[8, 'title']]);
    assert.deepStrictEqual(small.search('onisep').map((h) => [h.proposal.number, h.matchedOn]), [[2, 'tag']]);
    assert.deepStrictEqual(catalogue.search('egn').length, 40, 'every id contains the prefix');
    assert.strictEqual(catalogue.search('egn')[0].matchedOn, 'id');
  });

  it('returns every proposal, in order, for a blank query', () => {
    assert.deepStrictEqual(numbers(catalogue.search('')), Array.from({ length: 40 }, (_, i) => i + 1));
    assert.deepStrictEqual(numbers(catalogue.search(' \u00A0 ')), Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('returns hits in number order', () => {
    const hits = numbers(catalogue.search('numerique'));
    assert.ok(hits.length > 10);
    assert.deepStrictEqual(hits, [...hits].sort((a, b) => a - b));
  });
});
