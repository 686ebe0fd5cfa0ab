import * as assert from 'assert';
import { fitInsertion, formatReferences, frenchList, parseReferenceFormat, type FormattableProposal } from '../../src/core/referenceFormat';

const p = (number: number, title = `Titre ${number}`): FormattableProposal => ({ id: `EGN-${number}`, number, title });

describe('formatReferences', () => {
  it('writes one bare id', () => {
    assert.strictEqual(formatReferences([p(12)], 'id'), 'EGN-12');
  });

  it('writes several bare ids as a French list, sorted by number', () => {
    assert.strictEqual(formatReferences([p(12), p(3), p(5)], 'id'), 'EGN-3, EGN-5 et EGN-12');
  });

  it('writes two ids joined by "et" without a comma', () => {
    assert.strictEqual(formatReferences([p(7), p(8)], 'id'), 'EGN-7 et EGN-8');
  });

  it('writes id and title', () => {
    assert.strictEqual(
      formatReferences([p(12, 'Développer la citoyenneté numérique')], 'idAndTitle'),
      'EGN-12 (Développer la citoyenneté numérique)',
    );
  });

  it('writes several ids with their titles as a French list', () => {
    assert.strictEqual(formatReferences([p(5, 'B'), p(3, 'A')], 'idAndTitle'), 'EGN-3 (A) et EGN-5 (B)');
  });

  it('writes the sentence form with a no-break space after n°', () => {
    assert.strictEqual(formatReferences([p(12)], 'sentence'), 'proposition n°\u00a012 (EGN-12)');
  });

  it('writes the plural sentence form for several proposals, "nos" as French writes the plural of n°', () => {
    assert.strictEqual(
      formatReferences([p(12), p(5), p(3)], 'sentence'),
      'propositions nos\u00a03, 5 et 12 (EGN-3, EGN-5 et EGN-12)',
    );
  });

  it('writes each proposal once when it is given twice', () => {
    assert.strictEqual(formatReferences([p(4), p(4), p(2)], 'id'), 'EGN-2 et EGN-4');
    assert.strictEqual(formatReferences([p(4), p(4)], 'sentence'), 'proposition n°\u00a04 (EGN-4)');
  });

  it('writes nothing for no proposal', () => {
    for (const f of ['id', 'idAndTitle', 'sentence'] as const) {
      assert.strictEqual(formatReferences([], f), '');
    }
  });

  it('keeps the title letter for letter, apostrophes and quotes included', () => {
    const title = 'Mettre en place un plan de continuité d’activité "administrative"';
    assert.strictEqual(formatReferences([p(4, title)], 'idAndTitle'), `EGN-4 (${title})`);
  });
});

describe('frenchList', () => {
  it('lists zero, one, two and three items', () => {
    assert.deepStrictEqual([[], ['a'], ['a', 'b'], ['a', 'b', 'c']].map(frenchList), ['', 'a', 'a et b', 'a, b et c']);
  });
});

describe('parseReferenceFormat', () => {
  it('accepts the three formats of the setting', () => {
    assert.deepStrictEqual(['id', 'idAndTitle', 'sentence'].map(parseReferenceFormat), ['id', 'idAndTitle', 'sentence']);
  });

  it('falls back to the bare id for an unknown or missing value', () => {
    assert.deepStrictEqual(['title', undefined, 3, null, 'ID'].map(parseReferenceFormat), ['id', 'id', 'id', 'id', 'id']);
  });
});

describe('fitInsertion', () => {
  it('puts a space between a reference just before the cursor and the inserted one (« Voir EGN-13 » stays whole)', () => {
    assert.deepStrictEqual(fitInsertion('Voir EGN-13', '', 'EGN-13'), { skip: 0, text: ' EGN-13' });
  });

  it('puts a space between a word just before or after the cursor and the insertion', () => {
    assert.deepStrictEqual(fitInsertion('Voir', ' ici', 'EGN-2'), { skip: 0, text: ' EGN-2' });
    assert.deepStrictEqual(fitInsertion('Voir ', 'ici', 'EGN-2'), { skip: 0, text: 'EGN-2 ' });
    assert.deepStrictEqual(fitInsertion('Voir', 'ici', 'EGN-2'), { skip: 3, text: ' EGN-2' }, 'inside a word: after it');
  });

  it('adds no space where there is one, nor before punctuation that follows', () => {
    assert.deepStrictEqual(fitInsertion('Voir ', ' ici', 'EGN-2'), { skip: 0, text: 'EGN-2' });
    assert.deepStrictEqual(fitInsertion('Voir ', '.', 'EGN-2'), { skip: 0, text: 'EGN-2' });
    assert.deepStrictEqual(fitInsertion('', '', 'EGN-2'), { skip: 0, text: 'EGN-2' });
    assert.deepStrictEqual(fitInsertion('(', ')', 'EGN-2'), { skip: 0, text: 'EGN-2' });
  });

  it('moves out of a reference the cursor is inside, so that the reference that was there stays as it was', () => {
    assert.deepStrictEqual(fitInsertion('Voir EGN-1', '3 ici', 'EGN-12'), { skip: 1, text: ' EGN-12' });
    assert.deepStrictEqual(fitInsertion('Voir EGN-1', '3.', 'EGN-12'), { skip: 1, text: ' EGN-12' });
  });

  it('keeps a space after a comma before the insertion', () => {
    assert.deepStrictEqual(fitInsertion('EGN-3,', '', 'EGN-4'), { skip: 0, text: ' EGN-4' });
  });
});
