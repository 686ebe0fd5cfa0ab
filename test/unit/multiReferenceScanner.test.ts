import * as assert from 'assert';
import { MultiReferenceScanner, PrefixScanner } from '../../src/core/multiReferenceScanner';
import { ReferenceScanner } from '../../src/core/referenceScanner';
import { prng } from '../support/prng';

/** Scanners for `prefixes`, each catalogue holding proposals 1 to 40, keyed by the prefix. */
function scanners(prefixes: readonly string[]): PrefixScanner<string>[] {
  return prefixes.map((prefix) => ({ prefix, scanner: new ReferenceScanner(prefix, (n) => n >= 1 && n <= 40), catalogue: prefix }));
}

/** What the multi-scanner must equal: every scanner over the whole text, merged by offset. */
function naive(entries: readonly PrefixScanner<string>[], text: string): string[] {
  return entries.flatMap((e) => e.scanner.scan(text).map((r) => ({ ...r, catalogue: e.catalogue })))
    .sort((a, b) => a.start - b.start)
    .map((r) => `${r.catalogue}:${r.number}@${r.start}-${r.end}:${r.form}:${r.exists}:${r.implied.join(',')}`);
}

function shown(refs: readonly { catalogue: string; number: number; start: number; end: number; form: string; exists: boolean; implied: readonly number[] }[]): string[] {
  return refs.map((r) => `${r.catalogue}:${r.number}@${r.start}-${r.end}:${r.form}:${r.exists}:${r.implied.join(',')}`);
}

describe('MultiReferenceScanner (the references of every loaded catalogue)', () => {
  const entries = scanners(['EGN', 'FRA', 'FR', 'RA', 'PNE2', 'snum', 'NUM', 'ABCDEFGHIJK', 'BCDEFGHIJK']);
  const multi = new MultiReferenceScanner(entries);

  it('finds each catalogue\'s references with the one grammar, each with its catalogue, in order', () => {
    const text = 'Le plan (EGN-12, FRA n° 3 à 5) reprend fra-2 et EGN 7, 8 et 9 ; voir SNUM-1 et FR-4.\nPNE2-40, PNE2-41.';
    assert.deepStrictEqual(multi.scan(text).map((r) => `${r.catalogue}-${r.number}${r.exists ? '' : '?'}`), [
      'EGN-12', 'FRA-3', 'FRA-5', 'FRA-2', 'EGN-7', 'EGN-8', 'EGN-9', 'snum-1', 'FR-4', 'PNE2-40', 'PNE2-41?',
    ]);
    const [fra3] = multi.scan(text).filter((r) => r.catalogue === 'FRA');
    assert.strictEqual(text.slice(fra3.start, fra3.end), 'FRA n° 3');
  });

  it('reads the longer of two prefixes that end alike (RA, FRA; NUM, SNUM), including prefixes of 11 letters', () => {
    assert.deepStrictEqual(multi.scan('FRA-1 RA-2 SNUM-3 num-4 abcdefghijk-5 BCDEFGHIJK-6').map((r) => `${r.catalogue}-${r.number}`), ['FRA-1', 'RA-2', 'snum-3', 'NUM-4', 'ABCDEFGHIJK-5', 'BCDEFGHIJK-6']);
  });

  it('keeps the word boundaries: a prefix glued to a word, or a shorter prefix inside a longer one, is no reference', () => {
    assert.deepStrictEqual(shown(multi.scan('FRANCE-2 XFRA-2 FRA-2abc AFR-1 \\FRA-3 français-1')), []);
    assert.deepStrictEqual(multi.scan('FRA-2 FR-3').map((r) => `${r.catalogue}-${r.number}`), ['FRA-2', 'FR-3']);
  });

  it('equals every scanner run over the whole text and merged by offset, on 2,000 random texts', () => {
    const random = prng(20261130);
    const pieces = ['EGN', 'FRA', 'FR', 'RA', 'fra', 'PNE2', 'snum', 'SNUM', 'NUM', 'abcdefghijk', 'BCDEFGHIJK', 'X', '-', '\u2011', ' ', '\u00a0', '\u202f', 'n°', 'N°', 'nº', 'à', '–', ', ', ' et ', ' ou ', '\n', '\r\n', '1', '2', '12', '40', '41', 'abc', 'é', '\u{1d400}', '\u0301', '\\', '(', ')', '.'];
    for (let run = 0; run < 2000; run++) {
      let text = '';
      const length = Math.floor(random() * 120);
      for (let i = 0; i < length; i++) {
        text += pieces[Math.floor(random() * pieces.length)];
      }
      assert.deepStrictEqual(shown(multi.scan(text)), naive(entries, text), JSON.stringify(text));
    }
  });

  it('finds the reference under the cursor on its line only, of whichever catalogue, its end included', () => {
    const text = 'EGN-1\nvoir FRA-12 et EGN-3\n';
    const at = (offset: number) => {
      const r = multi.referenceAt(text, offset);
      return r && `${r.catalogue}-${r.number}@${r.start}`;
    };
    assert.strictEqual(at(0), 'EGN-1@0');
    assert.strictEqual(at(5), 'EGN-1@0', 'just after the reference');
    assert.strictEqual(at(11), 'FRA-12@11');
    assert.strictEqual(at(17), 'FRA-12@11');
    assert.strictEqual(at(18), undefined);
    assert.strictEqual(at(23), 'EGN-3@21');
  });

  it('tells which catalogue is being typed, for completion', () => {
    assert.deepStrictEqual(multi.completionContext('Voir FRA-'), { replaceStart: 5, query: '', catalogue: 'FRA' });
    assert.deepStrictEqual(multi.completionContext('Voir fr-cit'), { replaceStart: 5, query: 'cit', catalogue: 'FR' });
    assert.deepStrictEqual(multi.completionContext('Voir EGN n° '), { replaceStart: 5, query: '', catalogue: 'EGN' });
    assert.strictEqual(multi.completionContext('Voir XFRA-'), undefined);
    assert.strictEqual(multi.completionContext('auto-'), undefined);
  });

  it('finds nothing without catalogues, and refuses the same prefix twice', () => {
    assert.deepStrictEqual(new MultiReferenceScanner<string>([]).scan('EGN-1'), []);
    assert.strictEqual(new MultiReferenceScanner<string>([]).referenceAt('EGN-1', 2), undefined);
    assert.throws(() => new MultiReferenceScanner(scanners(['FRA', 'fra'])), /given twice/);
  });
});
