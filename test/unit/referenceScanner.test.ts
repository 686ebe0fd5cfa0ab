import { strict as assert } from 'assert';
import type { Reference, ReferenceForm } from '../../src/core/reference';
import { ReferenceScanner } from '../../src/core/referenceScanner';
import { MultiReferenceScanner } from '../../src/core/multiReferenceScanner';
import { prng } from '../support/prng';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

/** The EGN 2020 catalogue has proposals 1 to 40. */
const inCatalogue = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= 40;
const scanner = new ReferenceScanner('EGN', inCatalogue);

/** What a test expects of one reference; its offset is found by looking for `text` after the previous one. */
interface Expected {
  readonly text: string;
  readonly number: number;
  readonly form: ReferenceForm;
  readonly implied: readonly number[];
}

const canonical = (text: string, number: number, implied: readonly number[] = []): Expected =>
  ({ text, number, form: 'canonical', implied });
const variant = (text: string, number: number, implied: readonly number[] = []): Expected =>
  ({ text, number, form: 'variant', implied });
const continuation = (text: string, number: number, implied: readonly number[] = []): Expected =>
  ({ text, number, form: 'continuation', implied });

/** `from` to `to`, both included. */
function numbers(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Input → every reference the scanner must find in it, in order. */
const grammar: ReadonlyArray<readonly [string, readonly Expected[]]> = [
  // The canonical form, and what keeps a reference from being canonical.
  ['EGN-12', [canonical('EGN-12', 12)]],
  ['Voir EGN-12.', [canonical('EGN-12', 12)]],
  ['EGN-1', [canonical('EGN-1', 1)]],
  ['EGN-40', [canonical('EGN-40', 40)]],
  ['egn-12', [variant('egn-12', 12)]],
  ['Egn-12', [variant('Egn-12', 12)]],
  ['EGN\u201112', [variant('EGN\u201112', 12)]],
  ['EGN-012', [variant('EGN-012', 12)]],
  // Numbers outside the catalogue are references all the same, never read as a shorter number.
  ['EGN-0', [canonical('EGN-0', 0)]],
  ['EGN-00', [variant('EGN-00', 0)]],
  ['EGN-41', [canonical('EGN-41', 41)]],
  ['EGN-123', [canonical('EGN-123', 123)]],
  ['EGN-99999999999999999999', [canonical('EGN-99999999999999999999', 1e20)]],
  // Variants with a space or n°, the spaces French typography uses.
  ['EGN 12', [variant('EGN 12', 12)]],
  [`EGN${NBSP}12`, [variant(`EGN${NBSP}12`, 12)]],
  [`EGN${NNBSP}12`, [variant(`EGN${NNBSP}12`, 12)]],
  ['EGN n°12', [variant('EGN n°12', 12)]],
  ['EGN n° 12', [variant('EGN n° 12', 12)]],
  ['EGN N°12', [variant('EGN N°12', 12)]],
  ['egn n° 7', [variant('egn n° 7', 7)]],
  [`EGN n°${NBSP}12`, [variant(`EGN n°${NBSP}12`, 12)]],
  [`EGN${NBSP}n°${NNBSP}12`, [variant(`EGN${NBSP}n°${NNBSP}12`, 12)]],
  ['EGN nº 12', [variant('EGN nº 12', 12)]],
  // Lists.
  ['EGN-7, 8 et 9', [canonical('EGN-7', 7), continuation('8', 8), continuation('9', 9)]],
  ['EGN-7, 8, 9', [canonical('EGN-7', 7), continuation('8', 8), continuation('9', 9)]],
  ['EGN-7 et 8', [canonical('EGN-7', 7), continuation('8', 8)]],
  ['EGN-7 ou 8', [canonical('EGN-7', 7), continuation('8', 8)]],
  ['EGN n° 7, 8 et 9', [variant('EGN n° 7', 7), continuation('8', 8), continuation('9', 9)]],
  [`EGN-7,${NBSP}8${NNBSP}et${NBSP}9`, [canonical('EGN-7', 7), continuation('8', 8), continuation('9', 9)]],
  ['EGN-7, 41 et 9', [canonical('EGN-7', 7), continuation('41', 41), continuation('9', 9)]],
  ['EGN-7, 08', [canonical('EGN-7', 7), continuation('08', 8)]],
  ['EGN-7, EGN-8 et EGN-9', [canonical('EGN-7', 7), canonical('EGN-8', 8), canonical('EGN-9', 9)]],
  ['EGN-7 , 8', [canonical('EGN-7', 7)]],
  ['EGN-7,8', [canonical('EGN-7', 7)]],
  ['EGN-7  et 8', [canonical('EGN-7', 7)]],
  ['EGN-7 et demi', [canonical('EGN-7', 7)]],
  ['EGN-7, 8e rapport', [canonical('EGN-7', 7)]],
  ['EGN-7 Et 8', [canonical('EGN-7', 7)]],
  // Ranges: the end carries the numbers in between.
  ['EGN-3 à 5', [canonical('EGN-3', 3), continuation('5', 5, [4])]],
  ['EGN-3\u20135', [canonical('EGN-3', 3), continuation('5', 5, [4])]],
  ['EGN-3-5', [canonical('EGN-3', 3), continuation('5', 5, [4])]],
  ['EGN-3 a\u0300 5', [canonical('EGN-3', 3), continuation('5', 5, [4])]],
  [`EGN-3${NBSP}à${NBSP}6`, [canonical('EGN-3', 3), continuation('6', 6, [4, 5])]],
  ['EGN-3 à EGN-5', [canonical('EGN-3', 3), canonical('EGN-5', 5, [4])]],
  ['EGN-1 à 40', [canonical('EGN-1', 1), continuation('40', 40, numbers(2, 39))]],
  ['EGN-1 à 41', [canonical('EGN-1', 1), continuation('41', 41, numbers(2, 40))]],
  ['EGN-1 à 42', [canonical('EGN-1', 1), continuation('42', 42)]],
  ['EGN-5 à 3', [canonical('EGN-5', 5), continuation('3', 3)]],
  ['EGN-3 à 3', [canonical('EGN-3', 3), continuation('3', 3)]],
  ['EGN-3 à 4', [canonical('EGN-3', 3), continuation('4', 4)]],
  ['EGN-3 \u2013 5', [canonical('EGN-3', 3)]],
  ['EGN-1 à 3 à 5', [canonical('EGN-1', 1), continuation('3', 3, [2])]],
  ['EGN-1 à 3 et 7 à 9', [
    canonical('EGN-1', 1), continuation('3', 3, [2]), continuation('7', 7), continuation('9', 9, [8]),
  ]],
  ['EGN-3\u20135, 9', [canonical('EGN-3', 3), continuation('5', 5, [4]), continuation('9', 9)]],
  ['EGN-3 à la fin', [canonical('EGN-3', 3)]],
  ['EGN-12-bis', [canonical('EGN-12', 12)]],
  // Traps: glued to a word, malformed, decimal-looking.
  ['XEGN-12', []],
  ['fooEGN-12', []],
  ['éEGN-12', []],
  ['1EGN-12', []],
  ['\u{1d400}EGN-12', []],
  ['\u{1f600}EGN-12', [canonical('EGN-12', 12)]],
  ['EGN-12abc', []],
  ['EGN-12é', []],
  ['EGN-12\u0301', []],
  ['EGN-EGN-12', [canonical('EGN-12', 12)]],
  ['EGN12', []],
  ['EGN--12', []],
  ['EGN  12', []],
  ['EGN-', []],
  ['EGN', []],
  ['EGN n°n°12', []],
  ['EGN n° n° 12', []],
  ['EGN no 12', []],
  ['EGN-n°12', []],
  ['EGN-12.5', [canonical('EGN-12', 12)]],
  ['EGN-12,5', [canonical('EGN-12', 12)]],
  // Line starts and ends: nothing spans a line break.
  ['EGN-1\nEGN-2', [canonical('EGN-1', 1), canonical('EGN-2', 2)]],
  ['EGN-1\r\nEGN-2\r\n', [canonical('EGN-1', 1), canonical('EGN-2', 2)]],
  ['EGN-\n12', []],
  ['EGN\n12', []],
  ['EGN n°\n12', []],
  ['EGN-7,\n8', [canonical('EGN-7', 7)]],
  ['EGN-7 et\n8', [canonical('EGN-7', 7)]],
  ['EGN-3\n\u20135', [canonical('EGN-3', 3)]],
  ['Texte\nEGN-12', [canonical('EGN-12', 12)]],
  // Markdown.
  ['# EGN-12 : former les enseignants', [canonical('EGN-12', 12)]],
  ['- EGN-12', [canonical('EGN-12', 12)]],
  ['**EGN-12**', [canonical('EGN-12', 12)]],
  ['_EGN-12_', [canonical('EGN-12', 12)]],
  ['`EGN-12`', [canonical('EGN-12', 12)]],
  ['[EGN-12](https://example.org/egn)', [canonical('EGN-12', 12)]],
  ['[la proposition](#EGN-12)', [canonical('EGN-12', 12)]],
  ['(EGN-12)', [canonical('EGN-12', 12)]],
  ['(EGN-7, 8 et 9)', [canonical('EGN-7', 7), continuation('8', 8), continuation('9', 9)]],
  // LaTeX: a control word \EGN is a name; after the line break \\ it is text again.
  ['\\ref{EGN-12}', [canonical('EGN-12', 12)]],
  ['\\emph{EGN-12}', [canonical('EGN-12', 12)]],
  ['\\EGN-12', []],
  ['\\\\EGN-12', [canonical('EGN-12', 12)]],
  ['\\\\\\EGN-12', []],
  ['EGN-12\\,et la suite', [canonical('EGN-12', 12)]],
  // French prose.
  [`« EGN-12 »`, [canonical('EGN-12', 12)]],
  [`«${NBSP}EGN-12${NBSP}»`, [canonical('EGN-12', 12)]],
  ['l’EGN-12', [canonical('EGN-12', 12)]],
  ["l'EGN-12", [canonical('EGN-12', 12)]],
  ['Les propositions EGN-3 à 5, puis EGN n° 12 et EGN-41.', [
    canonical('EGN-3', 3), continuation('5', 5, [4]), variant('EGN n° 12', 12), canonical('EGN-41', 41),
  ]],
  ['EGN-12 EGN-12', [canonical('EGN-12', 12), canonical('EGN-12', 12)]],
  // Every punctuation that may close a reference.
  ...['.', ',', ')', ']', '}', '*', '_', '`', ';', ':', "'", '’', '"', '»', '\\', '/', '!', '?', '-', '\t']
    .map((p): readonly [string, readonly Expected[]] => [`EGN-12${p}`, [canonical('EGN-12', 12)]]),
];

/** What the scanner found, in the shape of `Expected` plus the offset. */
function found(text: string, refs: readonly Reference[]): unknown[] {
  return refs.map((r) => ({
    start: r.start, text: text.slice(r.start, r.end), number: r.number, form: r.form, exists: r.exists,
    implied: [...r.implied],
  }));
}

/** Places each expected reference at the first occurrence of its text after the previous one. */
function placed(text: string, expected: readonly Expected[]): unknown[] {
  let from = 0;
  return expected.map((e) => {
    const start = text.indexOf(e.text, from);
    assert.ok(start >= 0, `test table: ${JSON.stringify(e.text)} is not in ${JSON.stringify(text)}`);
    from = start + e.text.length;
    return { start, text: e.text, number: e.number, form: e.form, exists: inCatalogue(e.number), implied: [...e.implied] };
  });
}

describe('ReferenceScanner', () => {
  describe('grammar', () => {
    it('has a table of at least 60 cases', () => {
      assert.ok(grammar.length >= 60, `${grammar.length} cases`);
    });
    for (const [input, expected] of grammar) {
      it(`scans ${JSON.stringify(input)}`, () => {
        assert.deepEqual(found(input, scanner.scan(input)), placed(input, expected));
      });
    }
  });

  describe('prefix', () => {
    it('uses the prefix it is given, not EGN', () => {
      const other = new ReferenceScanner('PNE', (n) => n === 3);
      const text = 'PNE-3 et 4, EGN-3, pne n° 9';
      assert.deepEqual(found(text, other.scan(text)), [
        { start: 0, text: 'PNE-3', number: 3, form: 'canonical', exists: true, implied: [] },
        { start: 9, text: '4', number: 4, form: 'continuation', exists: false, implied: [] },
        { start: 19, text: 'pne n° 9', number: 9, form: 'variant', exists: false, implied: [] },
      ]);
      assert.equal(other.canonical(3), 'PNE-3');
    });

    it('matches a one-letter prefix ignoring case', () => {
      const one = new ReferenceScanner('P', () => true);
      assert.deepEqual(one.scan('P-1 p 2 XP-3 P-4').map((r) => r.number), [1, 2, 4]);
    });

    it('matches a prefix whose letters repeat', () => {
      const aa = new ReferenceScanner('AAB', () => true);
      assert.deepEqual(aa.scan('AAAB-1 AAB-2 aab-3').map((r) => r.number), [2, 3]);
    });

    it('rejects an empty prefix', () => {
      assert.throws(() => new ReferenceScanner('', () => true));
    });

    it('writes the canonical reference', () => {
      assert.equal(scanner.canonical(12), 'EGN-12');
      assert.equal(scanner.canonical(1), 'EGN-1');
    });
  });

  describe('completionContext', () => {
    const positive: ReadonlyArray<readonly [string, number, string]> = [
      ['EGN-', 0, ''],
      ['voir EGN-', 5, ''],
      ['EGN-citoy', 0, 'citoy'],
      ['EGN-1', 0, '1'],
      ['EGN-12', 0, '12'],
      ['egn-', 0, ''],
      ['EGN ', 0, ''],
      [`EGN${NBSP}`, 0, ''],
      ['EGN n', 0, 'n'],
      ['EGN n°', 0, ''],
      ['EGN N°', 0, ''],
      ['EGN n° ', 0, ''],
      [`EGN n°${NNBSP}`, 0, ''],
      ['EGN n°1', 0, '1'],
      ['EGN n° citoy', 0, 'citoy'],
      ['(EGN-', 1, ''],
      ['**EGN-', 2, ''],
      ['\\ref{EGN-', 5, ''],
      ['\\\\EGN-', 2, ''],
      ['EGN-numériq', 0, 'numériq'],
      ['EGN-nume\u0301riq', 0, 'nume\u0301riq'],
      ['Voir EGN-3 et EGN-', 14, ''],
    ];
    for (const [before, replaceStart, query] of positive) {
      it(`offers completion after ${JSON.stringify(before)}`, () => {
        assert.deepEqual(scanner.completionContext(before), { replaceStart, query });
      });
    }

    const negative = [
      '', 'EGN', 'auto-', 'e-', 'XEGN-', 'fooEGN-', 'éEGN-', '\\EGN-', 'EGN--', 'EGN-12 ', 'EGN-citoy ',
      'EGN-7, ', 'EGN  ', 'EGN n°n°', 'EGN-\n', 'EGN\n', 'porte-', 'EG-', 'GN-',
    ];
    for (const before of negative) {
      it(`offers no completion after ${JSON.stringify(before)}`, () => {
        assert.equal(scanner.completionContext(before), undefined);
      });
    }

    it('looks only at the end of the text before the cursor', () => {
      assert.deepEqual(scanner.completionContext('EGN-1\nEGN-'), { replaceStart: 6, query: '' });
      assert.equal(scanner.completionContext('EGN-\nauto-'), undefined);
    });
  });

  describe('referenceAt', () => {
    const line = 'Voir EGN-12 puis EGN-7, 8 et 9 ; EGN-3\u20135.';
    const at = (offset: number): string | undefined => {
      const ref = scanner.referenceAt(line, offset);
      return ref && `${line.slice(ref.start, ref.end)}=${ref.number}`;
    };

    it('finds the reference under the cursor, its end included', () => {
      assert.equal(at(4), undefined);
      assert.equal(at(5), 'EGN-12=12');
      assert.equal(at(8), 'EGN-12=12');
      assert.equal(at(11), 'EGN-12=12');
      assert.equal(at(12), undefined);
    });

    it('finds a continuation of a list by its own digits', () => {
      const eight = line.indexOf('8');
      assert.equal(at(eight - 1), undefined);
      assert.equal(at(eight), '8=8');
      assert.equal(at(eight + 1), '8=8');
      assert.equal(at(line.indexOf(',')), 'EGN-7=7');
      assert.equal(at(line.indexOf('9')), '9=9');
    });

    it('tells apart the two ends of a glued range', () => {
      const dash = line.indexOf('\u2013');
      assert.equal(at(dash), 'EGN-3=3');
      assert.equal(at(dash + 1), '5=5');
      assert.deepEqual(scanner.referenceAt(line, dash + 1)?.implied, [4]);
    });

    it('finds nothing outside the text', () => {
      assert.equal(scanner.referenceAt(line, -1), undefined);
      assert.equal(scanner.referenceAt(line, line.length + 5), undefined);
      assert.equal(scanner.referenceAt('', 0), undefined);
    });

    it('finds a reference ending the text at the very end', () => {
      assert.equal(scanner.referenceAt('EGN-12', 6)?.number, 12);
    });
  });

  describe('robustness', () => {
    const alphabet = [
      'E', 'G', 'N', 'e', 'g', 'n', 'EGN', 'egn', 'EGN', 'EGN-', 'EGN ', 'EGN n°', '-', '-', '\u2013', '\u2011',
      ' ', ' ', ' ', NBSP, NNBSP, 'n°', 'N°', '°', 'º', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '12',
      ',', ', ', ' et ', ' ou ', ' à ', 'à', 'a\u0300', 'et', '\n', '\r\n', 'x', 'é', '\u0301', '\\', '.', '(',
      ')', '[', ']', '_', '*', '`', '’', '\u{1d400}', '\u{1f600}', '\ud800',
    ];

    /** Tokens that make references, lists and ranges, drawn often so that the fuzz meets many of them. */
    const structure = ['EGN-3', 'EGN n° 5', 'egn 9', ' à 8', '\u201311', ', 2', ' et 39', 'EGN-', 'EGN ', 'EGN n° ', 'egn-', '1', '7', '12', '40', '41', ', ', ' et ', ' à ', '\u2013', '-'];

    function randomText(random: () => number): string {
      const length = Math.floor(random() * 80);
      let text = '';
      for (let i = 0; i < length; i++) {
        const tokens = random() < 0.5 ? structure : alphabet;
        text += tokens[Math.floor(random() * tokens.length)];
      }
      return text;
    }

    /** The reference containing `offset` as `referenceAt` defines it, found the slow, obvious way. */
    function slowReferenceAt(refs: readonly Reference[], offset: number): Reference | undefined {
      return refs.find((r) => r.start <= offset && offset < r.end) ?? refs.find((r) => r.end === offset);
    }

    it('keeps its invariants on thousands of random texts', () => {
      const random = prng(0x45474e);
      const tally: Record<string, number> = { canonical: 0, variant: 0, continuation: 0, implied: 0 };
      for (let round = 0; round < 4000; round++) {
        const text = randomText(random);
        const where = `round ${round}, text ${JSON.stringify(text)}`;
        const refs = scanner.scan(text);
        let previousEnd = 0;
        for (const r of refs) {
          tally[r.form]++;
          tally.implied += r.implied.length > 0 ? 1 : 0;
          assert.ok(r.start >= previousEnd && r.start < r.end && r.end <= text.length, where);
          previousEnd = r.end;
          const slice = text.slice(r.start, r.end);
          assert.ok(!/[\r\n]/.test(slice), where);
          assert.equal(r.exists, inCatalogue(r.number), where);
          if (r.form === 'continuation') {
            assert.match(slice, /^[0-9]+$/, where);
            assert.equal(r.number, Number(slice), where);
          } else {
            // A head means the same thing on its own as in its context.
            const alone = scanner.scan(slice);
            assert.equal(alone.length, 1, where);
            assert.deepEqual([alone[0].number, alone[0].form, alone[0].start, alone[0].end],
              [r.number, r.form, 0, slice.length], where);
          }
          for (let k = 0; k < r.implied.length; k++) {
            assert.ok(r.implied[k] < r.number && (k === 0 || r.implied[k] === r.implied[k - 1] + 1), where);
          }
        }
        for (let probe = 0; probe < 4; probe++) {
          const offset = Math.floor(random() * (text.length + 2)) - 1;
          assert.deepEqual(scanner.referenceAt(text, offset), slowReferenceAt(refs, offset), where);
          const before = text.slice(0, Math.max(0, offset));
          const context = scanner.completionContext(before);
          if (context) {
            const typed = before.slice(context.replaceStart);
            assert.ok(/^egn/i.test(typed) && typed.endsWith(context.query), where);
          }
        }
      }
      // Guard against a generator that stops producing some kind of reference: it would prove nothing.
      assert.ok(Object.values(tally).every((count) => count >= 100), JSON.stringify(tally));
    });

    it('reads each line the same alone as within its document', () => {
      const random = prng(12);
      for (let round = 0; round < 500; round++) {
        const text = randomText(random) + '\n' + randomText(random) + '\n' + randomText(random);
        const byLine: unknown[] = [];
        let offset = 0;
        for (const line of text.split('\n')) {
          byLine.push(...scanner.scan(line).map((r) => ({ ...r, start: r.start + offset, end: r.end + offset })));
          offset += line.length + 1;
        }
        assert.deepEqual(scanner.scan(text), byLine, JSON.stringify(text));
      }
    });
  });

  describe('pathological input', () => {
    /**
     * Counts the characters the scanner reads. A backtracking or quadratic scanner reads far more
     * than a few times the length of its input; this says so without timing anything.
     */
    function reads(text: string): { refs: Reference[]; perChar: number } {
      const original = String.prototype.charCodeAt;
      let count = 0;
      String.prototype.charCodeAt = function (this: string, index: number): number {
        count++;
        return original.call(this, index);
      };
      try {
        const refs = scanner.scan(text);
        return { refs, perChar: count / text.length };
      } finally {
        String.prototype.charCodeAt = original;
      }
    }

    const MB = 1 << 20;
    const line = (unit: string): string => unit.repeat(Math.ceil(MB / unit.length));

    it('reads a 1 MB line of EGN-EGN-EGN-… a few times at most, and finds nothing', () => {
      const { refs, perChar } = reads(line('EGN-'));
      assert.equal(refs.length, 0);
      assert.ok(perChar < 4, `${perChar} reads per character`);
    });

    it('reads a 1 MB line of EGN n° n° n°… a few times at most, and finds nothing', () => {
      const { refs, perChar } = reads('EGN' + line(' n°'));
      assert.equal(refs.length, 0);
      assert.ok(perChar < 4, `${perChar} reads per character`);
    });

    it('reads a 1 MB list EGN-1, 2, 3, … once, as one head and its continuations', () => {
      const items = Array.from({ length: 150000 }, (_, i) => String(i + 1));
      const text = 'EGN-' + items.join(', ');
      const { refs, perChar } = reads(text);
      assert.equal(refs.length, items.length);
      assert.equal(refs[0].form, 'canonical');
      assert.ok(refs.slice(1).every((r, i) => r.form === 'continuation' && r.number === i + 2));
      assert.ok(perChar < 4, `${perChar} reads per character`);
    });

    it('reads a 1 MB line of EGN-1 à EGN-1 à … as pairs of ends', () => {
      const unit = 'EGN-1 à ';
      const text = line(unit);
      const { refs, perChar } = reads(text);
      assert.equal(refs.length, text.length / unit.length);
      assert.ok(refs.every((r) => r.number === 1 && r.implied.length === 0));
      assert.ok(perChar < 4, `${perChar} reads per character`);
    });

    it('reads a 1 MB line of near-miss digits glued to letters a few times at most', () => {
      const { refs, perChar } = reads('EGN-1, ' + line('1234567890') + 'x');
      assert.deepEqual(refs.map((r) => r.number), [1]);
      assert.ok(perChar < 4, `${perChar} reads per character`);
    });

    it('reads a 1 MB line of backslashes before prefixes a few times at most', () => {
      const { refs, perChar } = reads(line('\\\\\\EGN-') + '1');
      assert.equal(refs.length, 0);
      assert.ok(perChar < 4, `${perChar} reads per character`);
    });
  });
});

describe('referenceAt on a very long line', () => {
  const exists = (n: number): boolean => n >= 1 && n <= 40;
  const scanner = new ReferenceScanner('EGN', exists);
  const multi = new MultiReferenceScanner([{ prefix: 'EGN', scanner, catalogue: 'EGN' }, { prefix: 'FRA', scanner: new ReferenceScanner('FRA', exists), catalogue: 'FRA' }]);
  // One line of 330 KB, no break: what a generated or hostile file looks like.
  const line = 'EGN-1 à 41 voir FRA-2, 3 et 4 ; xEGN-5 '.repeat(8_000);

  it('finds, anywhere on the line, the reference a scan of the whole line finds there', () => {
    const all = scanner.scan(line);
    const allMulti = multi.scan(line);
    const rand = prng(2020);
    for (let k = 0; k < 150; k++) {
      const offset = Math.floor(rand() * line.length);
      const expected = all.find((r) => r.start <= offset && offset < r.end) ?? all.find((r) => r.end === offset);
      assert.deepStrictEqual(scanner.referenceAt(line, offset), expected, `EGN at ${offset}`);
      const expectedMulti = allMulti.find((r) => r.start <= offset && offset < r.end) ?? allMulti.find((r) => r.end === offset);
      assert.deepStrictEqual(multi.referenceAt(line, offset), expectedMulti, `any catalogue at ${offset}`);
    }
  });

  it('still reads a list back to its head when the head is within the window', () => {
    const list = `${'x'.repeat(500_000)} EGN-1, ${Array.from({ length: 300 }, (_, k) => 2 + (k % 39)).join(', ')}`;
    const last = list.length - 1;
    assert.strictEqual(scanner.referenceAt(list, last)?.form, 'continuation');
    assert.strictEqual(multi.referenceAt(list, last)?.form, 'continuation');
  });
});
