import * as assert from 'assert';
import { createLinePrefilter, linesNotIgnored } from '../../src/core/candidateLines';
import { CitationIndex } from '../../src/core/citationIndex';
import { readIgnoreMarkers, withoutIgnored } from '../../src/core/ignoreMarkers';
import { ReferenceScanner } from '../../src/core/referenceScanner';
import { prng } from '../support/prng';

const exists = (n: number): boolean => n >= 1 && n <= 40;
const scanner = new ReferenceScanner('EGN', exists);
const prefilter = createLinePrefilter(['EGN']);

const PIECES = ['EGN-12', 'egn n° 3', 'EGN-7, 8 et 9', 'EGN-3 à 5', 'le numérique', 'école', '\n', '\r\n', '\n\n', 'egn-ignore-next-line', 'xegn-ignore-file', 'Égn-4', '😀'];
/** Rare, so that most texts keep some citations. */
const FILE_MARKERS = ['<!-- egn-ignore-file -->', 'EGN-ignore-file'];

function randomText(rand: () => number): string {
  const parts: string[] = [];
  const n = Math.floor(rand() * 40);
  for (let k = 0; k < n; k++) {
    const pieces = rand() < 0.01 ? FILE_MARKERS : PIECES;
    parts.push(pieces[Math.floor(rand() * pieces.length)], rand() < 0.7 ? ' ' : '');
  }
  return parts.join('');
}

/** Line and character of an offset, line breaks being `\n` (after an optional `\r`). */
function position(text: string, offset: number): [number, number] {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return [line, offset - (before.lastIndexOf('\n') + 1)];
}

describe('createLinePrefilter', () => {
  it('keeps exactly the lines holding the prefix or egn-ignore in any case, with their 0-based numbers and no line break', () => {
    const text = 'a\r\nvu egn-1\r\n\nrien\n<!-- EGN-IGNORE-next-line -->\nEgN 4\nfin sans saut EGN-5';
    assert.deepStrictEqual(prefilter(text), [
      { line: 1, text: 'vu egn-1' },
      { line: 4, text: '<!-- EGN-IGNORE-next-line -->' },
      { line: 5, text: 'EgN 4' },
      { line: 6, text: 'fin sans saut EGN-5' },
    ]);
    assert.deepStrictEqual(prefilter(''), []);
    assert.deepStrictEqual(prefilter('EGN-1\n'), [{ line: 0, text: 'EGN-1' }]);
    assert.deepStrictEqual(prefilter('EGN-1 EGN-2\nEGN-3'), [{ line: 0, text: 'EGN-1 EGN-2' }, { line: 1, text: 'EGN-3' }]);
  });

  it('gives, through the index, the citations of a scan of the whole text with its ignore markers applied (3,000 random texts)', () => {
    const rand = prng(8);
    const index = new CitationIndex((t) => scanner.scan(t), exists, prefilter);
    let citations = 0;
    let ignoredSome = 0;
    for (let k = 0; k < 3000; k++) {
      const text = randomText(rand);
      index.set('u', text);
      const all = scanner.scan(text);
      const kept = withoutIgnored(readIgnoreMarkers(text), all);
      if (kept.length < all.length) {
        ignoredSome++;
      }
      const want = kept.flatMap((r) => [r.number, ...r.implied].map((n) => [n, ...position(text, r.start), position(text, r.end)[1]]));
      const got = index.documentCitations('u').map((c) => [c.number, c.line, c.character, c.endCharacter]);
      assert.deepStrictEqual(got, want, JSON.stringify(text));
      citations += got.length;
    }
    assert.ok(citations > 5000 && ignoredSome > 300 && ignoredSome < 2500, `${citations} citations, ${ignoredSome} texts with ignored references`);
  });
});

describe('linesNotIgnored', () => {
  it('drops everything for egn-ignore-file in the first ten lines only, and the line after egn-ignore-next-line', () => {
    assert.deepStrictEqual(linesNotIgnored([{ line: 9, text: '% egn-ignore-file' }, { line: 12, text: 'EGN-1' }]), []);
    const late = [{ line: 10, text: '% egn-ignore-file' }, { line: 12, text: 'EGN-1' }];
    assert.deepStrictEqual(linesNotIgnored(late), late);
    assert.deepStrictEqual(
      linesNotIgnored([{ line: 2, text: 'egn-ignore-next-line' }, { line: 3, text: 'EGN-1' }, { line: 5, text: 'EGN-2' }]).map((l) => l.line),
      [2, 5],
    );
  });
});
